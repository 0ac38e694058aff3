/** Profiles: the allowed 一级 → 二级 trees, their synonyms and thresholds (SPEC §2). */

import { fold } from './text';
import type { ProfileId } from './types';

/**
 * What a 二级 category asks of its indicators; rules use it, not the Chinese name. `cost` is money
 * the project spends (hebei-2019's 成本指标, mof-2021's 经济成本指标); mof-2021's 社会成本 and
 * 生态环境成本 are the project's non-monetary costs to society and to the environment (财预〔2021〕101号),
 * measured in hours of disruption, hectares, tonnes … rather than 万元.
 */
export type Level2Role =
  | 'quantity'
  | 'quality'
  | 'timeliness'
  | 'cost'
  | 'socialCost'
  | 'ecologicalCost'
  | 'economic'
  | 'social'
  | 'ecological'
  | 'sustainable'
  | 'satisfaction';

export interface Level2 {
  /** The profile's own name, as the template writes it. */
  name: string;
  role: Level2Role;
  /** Other names people type for it (compared after normalisation). */
  aliases: string[];
}

export interface Level1 {
  name: string;
  aliases: string[];
  level2: Level2[];
}

export interface Profile {
  id: ProfileId;
  /** What the profile is, in the words of the document that defines it. */
  source: string;
  level1: Level1[];
  /** The lowest acceptable 满意度 target, in percent. */
  satisfactionFloor: number;
}

const l2 = (name: string, role: Level2Role, aliases: string[] = []): Level2 => ({ name, role, aliases });

const SATISFACTION: Level1 = {
  name: '满意度指标',
  aliases: ['社会公众或服务对象满意度指标', '满意度'],
  level2: [l2('服务对象满意度指标', 'satisfaction', ['社会公众或服务对象满意度指标', '社会公众满意度指标'])],
};

const OUTPUT_2019: Level1 = {
  name: '产出指标',
  aliases: [],
  level2: [
    l2('数量指标', 'quantity'),
    l2('质量指标', 'quality'),
    l2('时效指标', 'timeliness'),
    l2('成本指标', 'cost'),
  ],
};

const EFFECT_LEVEL2: Level2[] = [
  l2('经济效益指标', 'economic'),
  l2('社会效益指标', 'social'),
  l2('生态效益指标', 'ecological', ['生态环境效益指标']),
  l2('可持续影响指标', 'sustainable'),
];

export const PROFILES: Record<ProfileId, Profile> = {
  'hebei-2019': {
    id: 'hebei-2019',
    source: '河北省项目绩效目标表（2019）',
    level1: [OUTPUT_2019, { name: '效果指标', aliases: ['效益指标'], level2: EFFECT_LEVEL2 }, SATISFACTION],
    satisfactionFloor: 80,
  },
  'mof-2015': {
    id: 'mof-2015',
    source: '财预〔2015〕88号',
    level1: [OUTPUT_2019, { name: '效益指标', aliases: ['效果指标'], level2: EFFECT_LEVEL2 }, SATISFACTION],
    satisfactionFloor: 80,
  },
  'mof-2021': {
    id: 'mof-2021',
    source: '财预〔2021〕101号',
    level1: [
      {
        name: '产出指标',
        aliases: [],
        level2: [l2('数量指标', 'quantity'), l2('质量指标', 'quality'), l2('时效指标', 'timeliness')],
      },
      {
        name: '成本指标',
        aliases: [],
        level2: [
          l2('经济成本指标', 'cost'),
          l2('社会成本指标', 'socialCost'),
          l2('生态环境成本指标', 'ecologicalCost', ['生态成本指标']),
        ],
      },
      { name: '效益指标', aliases: ['效果指标'], level2: EFFECT_LEVEL2 },
      SATISFACTION,
    ],
    satisfactionFloor: 80,
  },
};

export const PROFILE_IDS = Object.keys(PROFILES) as ProfileId[];

export function getProfile(id: ProfileId): Profile {
  return PROFILES[id];
}

/** Names compare folded (text.ts); kept under this name for the reader and the rules. */
export const normalizeName = fold;

/**
 * Every row is tried against every profile's 二级: the answers are kept (bounded, since cell text
 * is whatever the user typed).
 */
const CACHE_LIMIT = 20_000;
const knownLevel1 = new Map<string, boolean>();
const knownLevel2 = new Map<string, boolean>();

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

const stripSuffix = (s: string): string => (s.endsWith('指标') && s.length > 2 ? s.slice(0, -2) : s);

function sameLevel1(level1: Level1, text: string): boolean {
  const t = normalizeName(text);
  return [level1.name, ...level1.aliases].some((n) => normalizeName(n) === t);
}

function sameLevel2(level2: Level2, text: string): boolean {
  const t = stripSuffix(normalizeName(text));
  return [level2.name, ...level2.aliases].some((n) => stripSuffix(normalizeName(n)) === t);
}

/** The profile's 一级 that the text names (synonyms included), if any. */
export function matchLevel1(profile: Profile, text: string): Level1 | undefined {
  return profile.level1.find((l) => sameLevel1(l, text));
}

/** The 二级 under `level1` that the text names (`社会效益` = `社会效益指标`), if any. */
export function matchLevel2(level1: Level1, text: string): Level2 | undefined {
  return level1.level2.find((l) => sameLevel2(l, text));
}

/** A 二级 of the profile under any 一级: for rows shifted left, and for 二级 typed under the wrong 一级. */
export function findLevel2(profile: Profile, text: string): { level1: Level1; level2: Level2 } | undefined {
  for (const level1 of profile.level1) {
    const level2 = matchLevel2(level1, text);
    if (level2) return { level1, level2 };
  }
  return undefined;
}

/** True when the text names a 一级 of any profile (used by the reader to recognise indicator rows). */
export function isKnownLevel1(text: string): boolean {
  let known = knownLevel1.get(text);
  if (known === undefined) {
    known = PROFILE_IDS.some((id) => matchLevel1(PROFILES[id], text) !== undefined);
    remember(knownLevel1, text, known);
  }
  return known;
}

/** True when the text names a 二级 of any profile. */
export function isKnownLevel2(text: string): boolean {
  let known = knownLevel2.get(text);
  if (known === undefined) {
    known = PROFILE_IDS.some((id) => findLevel2(PROFILES[id], text) !== undefined);
    remember(knownLevel2, text, known);
  }
  return known;
}

/** SPEC §2: `auto` picks mof-2021 when 成本指标 appears as a 一级, otherwise hebei-2019. */
export function detectProfile(level1Texts: Iterable<string>): ProfileId {
  const cost = normalizeName('成本指标');
  for (const t of level1Texts) if (normalizeName(t) === cost) return 'mof-2021';
  return 'hebei-2019';
}

/** The rows a new table starts with: one per 二级 of the profile, 一级 and 二级 filled in. */
export function defaultIndicatorRows(profile: Profile): { level1: string; level2: string }[] {
  return profile.level1.flatMap((l1) => l1.level2.map((l) => ({ level1: l1.name, level2: l.name })));
}

/** 指标值确定依据 suggestions offered by the template's dropdown (free text stays allowed). */
export const BASIS_SUGGESTIONS = ['计划标准', '行业标准', '历史标准', '预算支出标准', '其他标准'];
