/** Profiles: the allowed 一级 → 二级 trees, their synonyms and thresholds (SPEC §2). */

import { PROFILE_IDS } from './profile-ids';
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

/*
 * Names compare by levelKey (below): folded, without a score or a note in brackets, and 二级 without
 * their `指标`. The aliases are the other names real forms use for the same category.
 */
const SATISFACTION_NAMES = [
  '社会公众或服务对象满意度指标',
  '服务对象满意度指标',
  '社会公众满意度指标',
  '满意度',
];

const SATISFACTION: Level1 = {
  name: '满意度指标',
  aliases: SATISFACTION_NAMES,
  // Many forms repeat 满意度指标 in the 二级 column.
  level2: [l2('服务对象满意度指标', 'satisfaction', [...SATISFACTION_NAMES, '满意度指标', '群众满意度指标'])],
};

const OUTPUT_NAMES = ['产出', '项目完成指标', '预期产出指标', '产出目标'];

const OUTPUT_2019: Level1 = {
  name: '产出指标',
  aliases: OUTPUT_NAMES,
  level2: [
    l2('数量指标', 'quantity', ['数量目标']),
    l2('质量指标', 'quality', ['质量目标']),
    l2('时效指标', 'timeliness', ['时效目标', '进度指标']),
    l2('成本指标', 'cost', ['预算控制指标', '成本目标']),
  ],
};

const EFFECT_LEVEL2: Level2[] = [
  l2('经济效益指标', 'economic'),
  l2('社会效益指标', 'social'),
  l2('生态效益指标', 'ecological', ['生态环境效益指标', '环境效益指标']),
  l2('可持续影响指标', 'sustainable'),
];

const EFFECT_NAMES = ['效益', '效果', '项目效益指标', '效益目标'];

export const PROFILES: Record<ProfileId, Profile> = {
  'hebei-2019': {
    id: 'hebei-2019',
    source: '河北省项目绩效目标表（2019）',
    level1: [
      OUTPUT_2019,
      { name: '效果指标', aliases: ['效益指标', ...EFFECT_NAMES], level2: EFFECT_LEVEL2 },
      SATISFACTION,
    ],
    satisfactionFloor: 80,
  },
  'mof-2015': {
    id: 'mof-2015',
    source: '财预〔2015〕88号',
    level1: [
      OUTPUT_2019,
      { name: '效益指标', aliases: ['效果指标', ...EFFECT_NAMES], level2: EFFECT_LEVEL2 },
      SATISFACTION,
    ],
    satisfactionFloor: 80,
  },
  'mof-2021': {
    id: 'mof-2021',
    source: '财预〔2021〕101号',
    level1: [
      {
        name: '产出指标',
        aliases: OUTPUT_NAMES,
        level2: [
          l2('数量指标', 'quantity', ['数量目标']),
          l2('质量指标', 'quality', ['质量目标']),
          l2('时效指标', 'timeliness', ['时效目标', '进度指标']),
        ],
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
      { name: '效益指标', aliases: ['效果指标', ...EFFECT_NAMES], level2: EFFECT_LEVEL2 },
      SATISFACTION,
    ],
    satisfactionFloor: 80,
  },
};

export { PROFILE_IDS };

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

const levelKeys = new Map<string, string>();

/**
 * A 一级/二级 name as compared: folded; without scores and notes in brackets (`产出指标(50分)`,
 * `成本指标(0-20)分`, `效益指标（30）`, `数量指标（必填硬性指标）`, `预算（或投资规模）控制指标`) or a
 * trailing `等`.
 */
export function levelKey(text: string): string {
  let key = levelKeys.get(text);
  if (key === undefined) {
    let k = fold(text);
    for (let previous = ''; previous !== k;) {
      previous = k;
      k = k
        // Numbered in the form (`一、产出指标`, `(二)效益指标`, `1.数量指标`).
        .replace(
          /^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、．]|\d{1,2}\.(?!\d))/u,
          '',
        )
        .replace(/\([^()]*\)/gu, '')
        .replace(/\d+(?:-\d+)?分$/u, '')
        .replace(/指标分$/u, '指标')
        .replace(/[:：]$/u, '')
        .replace(/等$/u, '');
    }
    key = k;
    remember(levelKeys, text, key);
  }
  return key;
}

/**
 * The weight a 一级 name carries (SPEC §12: `产出指标(50分)` → 50, `效益指标（30）` → 30); a range
 * (`成本指标(0-20)分`) gives none. Undefined when the name has no score.
 */
export function weightInName(text: string): number | undefined {
  const f = fold(text);
  const m = /\((\d+(?:\.\d+)?)分?\)(?:分)?$/u.exec(f) ?? /(?<![\d-])(\d+(?:\.\d+)?)分$/u.exec(f);
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

/**
 * The keys a 一级 or 二级 answers to (its name and aliases as compared), made once per category
 * rather than on every row a rule or the reader asks about: the profiles' categories never change.
 */
const level1Keys = new WeakMap<Level1, ReadonlySet<string>>();
const level2Keys = new WeakMap<Level2, ReadonlySet<string>>();

function keysOfLevel1(level1: Level1): ReadonlySet<string> {
  let keys = level1Keys.get(level1);
  if (!keys) {
    keys = new Set([level1.name, ...level1.aliases].map((n) => levelKey(n)));
    level1Keys.set(level1, keys);
  }
  return keys;
}

function keysOfLevel2(level2: Level2): ReadonlySet<string> {
  let keys = level2Keys.get(level2);
  if (!keys) {
    keys = new Set([level2.name, ...level2.aliases].map((n) => stripSuffix(levelKey(n))));
    level2Keys.set(level2, keys);
  }
  return keys;
}

function sameLevel1(level1: Level1, text: string): boolean {
  return keysOfLevel1(level1).has(levelKey(text));
}

/** `社会、经济、生态效益指标` names 社会效益指标, 经济效益指标 and 生态效益指标: each is tried. */
function listedLevel2(key: string): string[] {
  if (!key.includes('、')) return [key];
  const parts = key.split('、');
  const last = parts[parts.length - 1] ?? '';
  const tail = /(效益指标|成本指标|指标)$/u.exec(last)?.[1] ?? '';
  return parts.map((p, i) => (i === parts.length - 1 || p.endsWith(tail) ? p : p + tail));
}

/** The keys a 二级 text is compared by: each name it lists, without its `指标`. */
const wantedKeys = new Map<string, readonly string[]>();

function level2Wanted(text: string): readonly string[] {
  let wanted = wantedKeys.get(text);
  if (wanted === undefined) {
    wanted = listedLevel2(levelKey(text)).map(stripSuffix);
    remember(wantedKeys, text, wanted);
  }
  return wanted;
}

/** The profile's 一级 that the text names (synonyms included), if any. */
export function matchLevel1(profile: Profile, text: string): Level1 | undefined {
  return profile.level1.find((l) => sameLevel1(l, text));
}

/** The 二级 under `level1` that the text names (`社会效益` = `社会效益指标`), if any. */
export function matchLevel2(level1: Level1, text: string): Level2 | undefined {
  const wanted = level2Wanted(text);
  return level1.level2.find((l) => {
    const keys = keysOfLevel2(l);
    return wanted.some((t) => keys.has(t));
  });
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

/**
 * What a 二级 asks of its indicators in the first profile that names it (`成本指标` and `经济成本指标`:
 * money spent; `社会成本指标`: a cost to society), for callers that do not know the table's profile.
 */
export function level2RoleAnywhere(text: string): Level2Role | undefined {
  let role = level2Roles.get(text);
  if (role === undefined) {
    role = null;
    for (const id of PROFILE_IDS) {
      const found = findLevel2(PROFILES[id], text);
      if (found) {
        role = found.level2.role;
        break;
      }
    }
    remember(level2Roles, text, role);
  }
  return role ?? undefined;
}

const level2Roles = new Map<string, Level2Role | null>();

/** SPEC §2: `auto` picks mof-2021 when 成本指标 appears as a 一级, otherwise hebei-2019. */
export function detectProfile(level1Texts: Iterable<string>): ProfileId {
  const cost = levelKey('成本指标');
  for (const t of level1Texts) if (levelKey(t) === cost) return 'mof-2021';
  return 'hebei-2019';
}

/** The rows a new table starts with: one per 二级 of the profile, 一级 and 二级 filled in. */
export function defaultIndicatorRows(profile: Profile): { level1: string; level2: string }[] {
  return profile.level1.flatMap((l1) => l1.level2.map((l) => ({ level1: l1.name, level2: l.name })));
}

/** 指标值确定依据 suggestions offered by the template's dropdown (free text stays allowed). */
export const BASIS_SUGGESTIONS = ['计划标准', '行业标准', '历史标准', '预算支出标准', '其他标准'];
