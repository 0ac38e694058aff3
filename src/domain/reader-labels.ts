/**
 * What the reader makes of a cell's text (SPEC §5): which label it is (the lexicon decides,
 * src/domain/lexicon.ts), labels sharing a cell with their values, money units, titles, year lines.
 */

import {
  classifyKey,
  enumerationRank,
  isTitleKey,
  isYearLine,
  labelKey,
  labelKeyOfNormalized,
  nearMoneyLabel,
  type LabelReading,
} from './lexicon';

export type { LabelKind } from './lexicon';
export {
  isAnnual,
  isFooterKey,
  isSubtotalKey,
  isSumRowKey,
  isProjectPeriod,
  isTitleKey,
  isYearLine,
  labelKey,
  periodOf,
} from './lexicon';

/** What the reader makes of one cell's text wherever it stands. */
export interface CellReading {
  key: string;
  label: LabelReading | undefined;
  /** The label's level of enumeration (`(一)` 1, `1.` 2, none 0). */
  rank: number;
  unit: MoneyUnit | undefined;
  title: boolean;
  year: boolean;
  /** Labels sharing the cell with their values (`年度资金总额:16`, one per line of the cell). */
  embedded: EmbeddedLabel[];
}

/** A label and its value written in one cell: `项目名称：XX`, `年度资金总额:16`, `上级资金16`. */
export interface EmbeddedLabel {
  label: LabelReading;
  key: string;
  rank: number;
  /** The value's text as written after the label. */
  value: string;
}

/**
 * Labels, units and titles repeat on every table of a workbook; readings of short texts are kept
 * (a bounded cache: the sentences people write are long and do not repeat, and are not kept).
 */
const READINGS = new Map<string, CellReading>();
const KEPT_LENGTH = 32;
const KEPT_COUNT = 20_000;

export function readCell(text: string): CellReading {
  const kept = READINGS.get(text);
  if (kept) return kept;
  // NFKC once for the key and the embedded labels: it is the costliest step on a long sentence.
  const nfkc = text.normalize('NFKC');
  const key = labelKeyOfNormalized(nfkc);
  const title = isTitleKey(key);
  const label = classifyKey(key) ?? (title ? undefined : nearMoneyLabel(key));
  const reading: CellReading = {
    key,
    label,
    rank: label ? enumerationRank(key) : 0,
    unit: moneyUnitIn(key, nfkc, title || (label !== undefined && label.kind !== 'unit')),
    title,
    year: !title && isYearLine(key),
    embedded: label || title ? [] : embeddedLabels(text, nfkc),
  };
  if (text.length <= KEPT_LENGTH) {
    if (READINGS.size >= KEPT_COUNT) READINGS.clear();
    READINGS.set(text, reading);
  }
  return reading;
}

/** Kinds whose value a label may carry in its own cell. */
const EMBEDDABLE = new Set([
  'name',
  'entity',
  'implementer',
  'code',
  'total',
  'fiscal',
  'carryover',
  'other',
  'goal',
  'usage',
]);

/** An amount glued to its label: `上级资金16`, `年度资金总额50万`. */
const GLUED_AMOUNT = /^(.*?[^\d.,+-])([+-]?\d[\d,]*(?:\.\d+)?(?:万元|万|元|亿元)?)$/u;

/** The last character GLUED_AMOUNT needs: a digit, or the 万/元 of an amount. */
const GLUED_END = /[\d万元]$/u;

/**
 * Labels with their values in the same cell, one per line (a Word form's money cell holds
 * `资金总额: 250` / `一、预算资金:250` / `二、自有资金:0`). A line counts only when its label is one
 * the lexicon knows and something follows it.
 */
function embeddedLabels(text: string, nfkc: string): EmbeddedLabel[] {
  const out: EmbeddedLabel[] = [];
  const lines = text.split(/\r?\n/u);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // A text of one line is its own line: its NFKC form is already at hand.
    const flat = (lines.length === 1 ? nfkc : line.normalize('NFKC')).trim();
    if (flat === '') continue;
    // A label ending its line, its value on the next (`年度资金总额：⏎100`, a line break typed after it).
    const next = nextValueLine(lines, i, flat);
    if (next) {
      out.push(next.label);
      i = next.index;
      continue;
    }
    // Neither a colon nor an amount at the end (most sentences): no label with a value.
    if (!flat.includes(':') && !GLUED_END.test(flat)) continue;
    let labelText: string | undefined;
    let value: string | undefined;
    let glued = false;
    // `其中 :上级资金16`: what follows 其中 is the label.
    const colon = /^([^:]{1,24}?)\s*:\s*(.+)$/u.exec(flat.replace(/^其中\s*:\s*/u, '其中'));
    if (colon && classifyKey(labelKey(colon[1] ?? ''))) {
      labelText = colon[1];
      value = colon[2];
    } else {
      const m = GLUED_AMOUNT.exec(flat.replace(/\s+/gu, ''));
      if (m) {
        labelText = m[1];
        value = m[2];
        glued = true;
      }
    }
    if (labelText === undefined || value === undefined || value.trim() === '') continue;
    const key = labelKey(labelText);
    const label = classifyKey(key);
    if (!label || !EMBEDDABLE.has(label.kind) || classifyKey(labelKey(value))) continue;
    // A glued number is an amount only for money labels: `2023年度` is no label with a value.
    if (glued && !['total', 'fiscal', 'carryover', 'other'].includes(label.kind)) continue;
    out.push({ label, key, rank: enumerationRank(key), value: value.trim() });
  }
  return out;
}

const MONEY_LABELS: ReadonlySet<string> = new Set(['total', 'fiscal', 'carryover', 'other']);

/**
 * A line that is only a label (`年度资金总额：`, `其中：财政拨款`) whose value is the next line: an
 * amount for a money label; for the project's name or code, the cell's last line, when it is no label.
 */
function nextValueLine(
  lines: readonly string[],
  i: number,
  flat: string,
): { label: EmbeddedLabel; index: number } | undefined {
  let j = i + 1;
  while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
  if (j >= lines.length) return undefined;
  const key = labelKey(flat.replace(/^其中\s*:\s*/u, '其中'));
  const label = classifyKey(key);
  if (!label || label.weak || !EMBEDDABLE.has(label.kind)) return undefined;
  const value = (lines[j] ?? '').normalize('NFKC').trim();
  if (classifyKey(labelKey(value))) return undefined;
  const money = MONEY_LABELS.has(label.kind);
  if (money ? !/^[+-]?[\d,]+(?:\.\d+)?\s*(?:万元|万|元)?$/u.test(value) : j !== lines.length - 1)
    return undefined;
  if (!money && !['name', 'code', 'entity', 'implementer'].includes(label.kind)) return undefined;
  return { label: { label, key, rank: enumerationRank(key), value }, index: j };
}

/**
 * A money unit written on its own or inside a label: `单位：元`, `金额单位:人民币元`, `（元）`,
 * `项目资金（元）`, `单位：万元`. `单位:元氏县…` names a county, not a unit. Keys are NFKC, so `：`
 * is `:` and `（` is `(`.
 */
const UNIT_WORD = '(?:金额|货币|资金)?单位:?(?:人民币)?(万元|元)';
const PAREN_WORD = '\\((?:人民币|金额:?|单位:?)?(万元|元)\\)';
const LINE_ALONE = new RegExp(`^(?:${UNIT_WORD}|${PAREN_WORD})$`);
/** `填报单位：某局 金额单位：元` in one cell: the unit's name, then the money unit at the end. */
const LINE_AFTER_NAME = new RegExp(
  `^(?:填报单位|申报单位|预算单位|单位名称|部门名称|实施单位):.+?${UNIT_WORD}$`,
);
const IN_LABEL = new RegExp(`${UNIT_WORD}(?![\\p{Script=Han}])|${PAREN_WORD}`, 'u');
/** A unit inside longer text (a usage note, a description) says nothing about the table's amounts. */
const LABEL_LENGTH = 20;
/**
 * `单位` stated as such — at the start, after a space or a bracket, or as 金额单位 / 计量单位 — then 元 or
 * 万元 not followed by more of a name (`单位：元氏县` is a county).
 */
const STATEMENT =
  /(?:^|[^\p{Script=Han}]|金额|货币|资金|计量|表)单位\s*(?:为|是)?\s*[:：]?\s*[(（【[]?\s*(?:人民币)?\s*(万元|元)\s*[)）】\]]?(?![\p{Script=Han}])/u;
/**
 * STATEMENT where a header line or a title has it: first or last in the text, the rest of it other
 * fields (`主管部门：某局`), a note in brackets or a title — never inside a sentence (`按每人每月300元
 * （单位：元）的标准发放`) or after a description's words (`每人每月（单位：元）`).
 */
function statementIn(nfkc: string): RegExpExecArray | null {
  if (nfkc.length > STATEMENT_LENGTH || !nfkc.includes('单位')) return null;
  const m = STATEMENT.exec(nfkc);
  if (!m) return null;
  const text = nfkc.trim();
  const at = text.indexOf(m[0]);
  const before = text.slice(0, at).trim();
  const after = text.slice(at + m[0].length).trim();
  const bare = (part: string): boolean => /^[\s。.;；,，、()（）【】[\]]*$/u.test(part);
  // Units of other columns after the money's (`单位：万元、%`, `单位：元/人、个`).
  const moreUnits = (part: string): boolean =>
    /^(?:[、,，/／;；]\s*[^\s、,，/／;；:：]{1,4}\s*)+$/u.test(part);
  const other = (part: string): boolean =>
    bare(part) ||
    moreUnits(part) ||
    /[:：]/u.test(part) ||
    /^[(（].*[)）]$/u.test(part) ||
    isTitleKey(labelKey(part.replace(/^[)）】\]]+|[(（【[]+$/gu, '')));
  return (bare(before) && other(after)) || (bare(after) && other(before)) ? m : null;
}

/** `金额：元` alone. */
const AMOUNT_IN = /^(?:金额|货币|币种):?(?:人民币)?(万元|元)$/u;
/** A header line or a title states its unit within this many characters; a paragraph does not. */
const STATEMENT_LENGTH = 60;

export interface MoneyUnit {
  scale: 1 | 0.0001;
  /** True when the cell is a unit line (`单位：元`, `填报单位：某局 单位：元`), false for a label (`项目资金（元）`). */
  line: boolean;
}

const scaleOf = (m: RegExpExecArray): 1 | 0.0001 => ((m[1] ?? m[2]) === '元' ? 0.0001 : 1);

export function moneyUnitIn(key: string, nfkc = key, labelled = false): MoneyUnit | undefined {
  const line = LINE_ALONE.exec(key) ?? LINE_AFTER_NAME.exec(key);
  if (line) return { scale: scaleOf(line), line: true };
  // `单位` stated as such among other words of a header line (`主管部门：某局 单位：元`, `【单位：元】`,
  // `单位（元）`, `单位：元（保留两位小数）`), read in the text with its spaces; in a title or beside a
  // label (`…目标表（金额单位：元）`, `预算数（单位：万元）`) it is that cell's unit, not a line.
  const statement = statementIn(nfkc) ?? AMOUNT_IN.exec(key);
  if (statement) return { scale: scaleOf(statement), line: !labelled };
  const label = key.length <= LABEL_LENGTH ? IN_LABEL.exec(key) : null;
  return label ? { scale: scaleOf(label), line: false } : undefined;
}

/** The unit line's text without its money unit: `填报单位：某局    金额单位：元` → `某局`. */
export function withoutMoneyUnit(text: string): string {
  return text
    .replace(
      /[(（]?\s*(?:金额|货币|资金)?单位\s*[:：]?\s*(?:人民币)?(?:万元|元)(?![\p{Script=Han}])\s*[)）]?/gu,
      ' ',
    )
    .replace(/[(（]\s*(?:人民币)?(?:万元|元)\s*[)）]/g, ' ')
    .replace(/^\s*(?:填报单位|单位名称|预算单位|申报单位|部门名称)\s*[:：]\s*/, '')
    .trim();
}
