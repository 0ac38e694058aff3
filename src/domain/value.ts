/** The 指标值 grammar (SPEC §3): what people type, what it means, and how it is written canonically. */

import Big from 'big.js';
import type { Comparator, MeasureKind, ParsedValue } from './types';
import { lookupUnit } from './units';

interface ComparatorWord {
  word: string;
  comparator: Comparator;
  /** A weak word (达到, 控制在) yields to a suffix: `控制在5%以上` means ≥. */
  weak: boolean;
}

const cw = (comparator: Comparator, words: string[], weak = false): ComparatorWord[] =>
  words.map((word) => ({ word, comparator, weak }));

/** Words and signs before the number, longest first so `>=` wins over `>` and 大于等于 over 大于. */
const PREFIXES: readonly ComparatorWord[] = [
  ...cw('≥', ['≥', '≧', '⩾', '>=', '=>', '大于等于', '大于或等于', '高于等于', '高于或等于']),
  ...cw('≥', [
    '不低于',
    '不少于',
    '不小于',
    '不得低于',
    '不得少于',
    '不能低于',
    '不应低于',
    '至少',
    '最少',
    '最低',
  ]),
  ...cw('≥', ['应达到', '需达到', '要达到', '达到'], true),
  ...cw('≤', ['≤', '≦', '⩽', '<=', '=<', '小于等于', '小于或等于', '低于等于', '低于或等于']),
  ...cw('≤', [
    '不高于',
    '不超过',
    '不多于',
    '不大于',
    '不得超过',
    '不得高于',
    '不得多于',
    '不能超过',
    '最多',
    '最高',
  ]),
  ...cw('≤', ['控制在'], true),
  // `═` (a box-drawing line) stands for ＝ in some exports.
  ...cw('=', ['==', '=', '═', '等于']),
  ...cw('>', ['>', '大于', '高于', '超过', '多于']),
  ...cw('<', ['<', '小于', '低于', '少于']),
].sort((a, b) => b.word.length - a.word.length);

const SUFFIXES: readonly { word: string; comparator: Comparator }[] = [
  { word: '及以上', comparator: '≥' },
  { word: '或以上', comparator: '≥' },
  { word: '以上', comparator: '≥' },
  { word: '及以下', comparator: '≤' },
  { word: '或以下', comparator: '≤' },
  { word: '以下', comparator: '≤' },
  { word: '以内', comparator: '≤' },
  { word: '之内', comparator: '≤' },
  { word: '内', comparator: '≤' },
];

const direction = (c: Comparator): number => (c === '≥' || c === '>' ? 1 : c === '≤' || c === '<' ? -1 : 0);

/** A subject naming money before the value (`经费≤20万`): it makes a bare 万 mean 万元. */
const MONEY_LABEL = /^(?:总|年度|项目)?(?:资金|经费|费用|成本|投资|金额|支出|开支|预算)(?:为|:)?/;

const Y = '(?:19|20)\\d{2}';
const M = '(?:0?[1-9]|1[0-2])';
const D = '(?:0?[1-9]|[12]\\d|3[01])';
const PART = '(?:初|底|末|上旬|中旬|下旬)';
/** Between the two ends of a range: `-`, `--` (a Word export's en dash), `~`, `至`, `到`, dashes. */
const TO = '(?:-{1,2}|~|至|到|—{1,2}|–{1,2})';
/** `2024.6` alone reads as a number; with a two-digit month, a day or in a range it is a date. */
const DOTTED = `${Y}\\.${M}`;
const POINT = [
  `${Y}[/-]${M}(?:[/-]${D})?`,
  `${Y}\\.${M}\\.${D}`,
  `${Y}\\.(?:0[1-9]|1[0-2])`,
  `${Y}年(?:${M}月(?:${D}[日号])?)?${PART}?`,
  // The year's own parts, with the year written twice as people say it: `2025年年底`, `2021年全年`,
  // `2024年度内`.
  `${Y}年(?:年|全年|度)(?:底|末|初|中|内|度内)?`,
  `(?:${Y}年)?(?:第?[1-4一二三四]季度|上半年|下半年)${PART}?`,
  `${M}月(?:${D}[日号]|${PART})`,
  // `9月前`, `10月份以前`: a month alone is a deadline only with what says "before" after it.
  `${M}月份?(?=之前|以前|前|止)`,
  `(?:本|当|今|明)?年(?:度内|度末|底|末|初|中|内)`,
  // The whole year (`全年`, `本年度`, `当年`): a period, as a range of its months is (`1-12月`).
  `全年度?|(?:本|当|今|明)年度?`,
].join('|');
/** What may close a range that opened with a full date: `2023年7月至12月`, `2023.07-12`, `2021.1.1-12.31`. */
const RANGE_END = `${POINT}|${DOTTED}|${M}月(?:${D}[日号])?${PART}?|${D}[日号]|${M}\\.${D}|${M}`;
/** What a deadline says is done by then (`12月底到位`, `年底前拨付到位`, `2024年6月底前完成`). */
const DONE = '(?:完成|完工|竣工|结束|到位|办结|结清|拨付|兑付|发放|支付|验收|交付|上线)';
const DATE = new RegExp(
  '^(?:截至|截止到?|于|在|不晚于|不迟于|最迟|最晚|预计|计划)?' +
    `(?:(?:${POINT})(?:${TO}(?:${RANGE_END}))?|${DOTTED}${TO}(?:${RANGE_END})|(?:${Y}年)?${M}(?:月(?:${D}[日号])?|月份)?${TO}${M}月份?(?:${D}[日号])?${PART}?|${Y}年?${TO}${Y}年?度?)` +
    `(?:之前|以前|前|以内|之内|内|止)?(?:全部|全面)?${DONE}{0,2}$`,
);
/** Longer text is never a date; the bound keeps the regular expression cheap on pasted essays. */
const MAX_DATE_LENGTH = 60;

const isDate = (text: string): boolean =>
  text.length > 0 && text.length <= MAX_DATE_LENGTH && DATE.test(text);

const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)([\s\S]*)$/;

/** NFKC (full-width digits and signs), no white space or invisible characters, no closing punctuation. */
function compact(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\p{Cc}\p{Cf}]/gu, '')
    .replace(/[\u2212\u2012]/g, '-')
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .replace(/[。.,;、!?:]+$/, '')
    .replace(/\(含(?:本数)?\)/g, '');
}

/** `012.50` → `12.5`, `1,200` → `1200`, `-0.0` → `0`: the number exactly as written, nothing needless. */
function normaliseNumber(sign: string, digits: string): string {
  const [intPart, fracPart = ''] = digits.replace(/,/g, '').split('.');
  const int = (intPart ?? '').replace(/^0+(?=\d)/, '') || '0';
  const frac = fracPart.replace(/0+$/, '');
  const abs = frac ? `${int}.${frac}` : int;
  return sign === '-' && /[1-9]/.test(abs) ? `-${abs}` : abs;
}

const QUALITATIVE = (input: string): ParsedValue => ({
  input,
  quantitative: false,
  comparator: null,
  number: null,
  unit: null,
  kind: 'qualitative',
  canonical: null,
});

const DATE_VALUE = (input: string): ParsedValue => ({
  ...QUALITATIVE(input),
  kind: 'date',
  canonical: input.trim(),
});

/** The comparator written at the start and at the end of the text, reconciled; undefined when they disagree. */
function splitComparator(text: string): { comparator: Comparator | null; body: string } | undefined {
  const prefix = PREFIXES.find((p) => text.startsWith(p.word));
  const afterPrefix = prefix ? text.slice(prefix.word.length) : text;
  const suffix = SUFFIXES.find((s) => afterPrefix.endsWith(s.word) && afterPrefix.length > s.word.length);
  const body = suffix ? afterPrefix.slice(0, -suffix.word.length) : afterPrefix;
  if (!prefix) return { comparator: suffix?.comparator ?? null, body };
  if (!suffix || prefix.weak) return { comparator: suffix?.comparator ?? prefix.comparator, body };
  const dir = direction(prefix.comparator);
  return dir !== 0 && dir === direction(suffix.comparator)
    ? { comparator: prefix.comparator, body }
    : undefined;
}

/** Longer than any unit with its comparator and spaces (`大于等于 平方公里`). */
const UNIT_ONLY_LENGTH = 24;

/**
 * The unit of a 指标值 that has no number, with or without its comparator (`公里`, `≧ %`, `大于等于%`):
 * a form's unit hint left unfilled. Null when the text holds a number or anything but a unit.
 */
export function unitWithoutNumber(input: string): string | null {
  // Most values hold a digit, and a unit with its comparator is short: both are told without NFKC.
  if (input.length > UNIT_ONLY_LENGTH || /[\d０-９]/.test(input)) return null;
  const text = compact(input);
  // `年内`, `月内`: a time (within the year), not a unit waiting for its number.
  if (isDate(text)) return null;
  const split = splitComparator(text);
  if (!split || split.body === '' || /\d/.test(split.body)) return null;
  return lookupUnit(split.body) ? split.body : null;
}

/**
 * Reads a 指标值 as typed. Never throws: anything that is not `comparator? number unit?` or a date
 * is qualitative. `context.nameKind` (from the indicator's name) lets a bare `万` mean 万元.
 */
export function parseValue(input: string, context?: { nameKind?: MeasureKind | null }): ParsedValue {
  const raw = typeof input === 'string' ? input : String(input ?? '');
  // The same short values (`≥95%`, `100%`, `1项`) recur on every table: each is parsed once, and the
  // frozen reading is shared. The name's kind only matters to a bare 万/亿, but is part of the key.
  if (raw.length > PARSED_LENGTH) return parseText(raw, context?.nameKind);
  const key = `${context?.nameKind ?? ''}\u0000${raw}`;
  const kept = PARSED.get(key);
  if (kept) return kept;
  const parsed = Object.freeze(parseText(raw, context?.nameKind));
  if (PARSED.size >= PARSED_COUNT) PARSED.clear();
  PARSED.set(key, parsed);
  return parsed;
}

const PARSED = new Map<string, ParsedValue>();
const PARSED_LENGTH = 40;
const PARSED_COUNT = 20_000;

function parseText(raw: string, nameKind: MeasureKind | null | undefined): ParsedValue {
  const text = compact(raw);
  if (text === '') return QUALITATIVE(raw);
  if (isDate(text)) return DATE_VALUE(raw);

  const label = MONEY_LABEL.exec(text);
  const split = splitComparator(label ? text.slice(label[0].length) : text);
  if (!split) return QUALITATIVE(raw);
  let body = split.body;
  if (isDate(body)) return DATE_VALUE(raw);

  const currency = body.startsWith('¥');
  const percentWord = body.startsWith('百分之');
  if (currency) body = body.slice(1);
  else if (percentWord) body = body.slice(3);

  const match = NUMBER.exec(body);
  if (!match) return QUALITATIVE(raw);
  const number = normaliseNumber(match[1] ?? '', match[2] ?? '');
  const unitText = match[3] ?? '';

  let unit: string | null = null;
  let kind: ParsedValue['kind'] = 'other';
  if (unitText !== '') {
    const def = lookupUnit(unitText);
    if (!def || percentWord) return QUALITATIVE(raw);
    unit = def.unit;
    kind = def.kind;
    const moneyMeant = label !== null || currency || nameKind === 'money';
    if ((unit === '万' || unit === '亿') && moneyMeant) {
      unit += '元';
      kind = 'money';
    }
  } else if (percentWord) {
    unit = '%';
    kind = 'percent';
  } else if (currency) {
    unit = '元';
    kind = 'money';
  }
  if (currency && kind !== 'money') return QUALITATIVE(raw);

  if (isDate(number + (unit ?? ''))) return DATE_VALUE(raw);
  return {
    input: raw,
    quantitative: true,
    comparator: split.comparator,
    number,
    unit,
    kind,
    canonical: formatCanonical(split.comparator, number, unit),
  };
}

/** `≥90%`, `≤33万元`; equality as the full-width `＝` so no spreadsheet takes `＝100%` for a formula. */
export function formatCanonical(comparator: Comparator | null, number: string, unit: string | null): string {
  const written = comparator === '=' ? '＝' : (comparator ?? '');
  const match = /^([+-])?(\d+(?:\.\d+)?)$/.exec(number);
  const digits = match ? normaliseNumber(match[1] ?? '', match[2] ?? '') : number;
  return `${written}${digits}${unit ?? ''}`;
}

/** What one of each money unit is in 万元; per-something units (`元/人`) are rates, not amounts. */
const WAN_FACTOR: Record<string, string> = { 元: '0.0001', 千元: '0.1', 万元: '1', 亿元: '10000' };

/** A money value's amount in 万元 as an exact decimal string (`3000元` → `0.3`), else null. */
export function moneyInWan(p: ParsedValue): string | null {
  if (p.kind !== 'money' || p.number === null || p.unit === null) return null;
  const factor = WAN_FACTOR[p.unit];
  if (factor === undefined) return null;
  // Multiplication by an exact decimal factor never rounds, unlike division.
  return new Big(p.number).times(factor).toFixed();
}

/** A percent value as a number of percent (`≥90%` → 90, `≤5‰` → 0.5); null for anything else. */
export function percentNumber(p: ParsedValue): number | null {
  if (p.kind !== 'percent' || p.number === null) return null;
  if (p.unit === '%') return Number(p.number);
  if (p.unit === '‰') return new Big(p.number).times('0.1').toNumber();
  return null;
}
