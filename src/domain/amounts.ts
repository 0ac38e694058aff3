/**
 * How money and spending-plan cells are read. A finance officer types `10.00`, `1,000.5` or a
 * number; people also write the unit (`20万元`, `854万`, `1,234.56元`), which is read exactly and
 * converted to the table's unit (SPEC §5). Anything else in an amount cell (`十万元`, `待定`, `#REF!`,
 * a date) cannot be summed and is reported, never guessed at — a date as the date it shows, not as
 * Excel's day number.
 */

import Big from 'big.js';
import type { GridCell } from './grid';
import { ScopedCache } from './scoped-cache';
import type { Field } from './types';

/** What could not be read, as the user sees it; `date` when the cell holds a date (shown as one). */
/**
 * Not a number: `text` as the cell shows it (a date as the date). `uncomputed`: a formula whose
 * result the file does not hold (a workbook written by a program and never opened in Excel); `text`
 * is then the formula.
 */
export type InvalidReading = { kind: 'invalid'; text: string; date?: true; uncomputed?: true };

export type AmountReading =
  | { kind: 'empty' }
  /**
   * `value` in the table's money unit. `written` is the unit the cell itself carried (`20万元`),
   * when it did: the amount was read from text and converted.
   */
  | { kind: 'number'; value: Big; written?: string }
  | InvalidReading;

/** `—`, `——`, `-`, `/`, `无`: nothing in this line. */
const NONE = /^(?:[-—–―‐/\\、]+|无)$/u;

/** True when a cell's text says the line holds nothing (`—`, `/`, `无`): an empty amount, not words. */
export function saysNone(text: string): boolean {
  return NONE.test(text.normalize('NFKC').trim());
}

/** Money units people write after an amount, in 元. */
const YUAN_PER: Readonly<Record<string, number>> = {
  元: 1,
  千元: 1000,
  万元: 10000,
  万: 10000,
  亿元: 1e8,
  亿: 1e8,
};

/**
 * An amount with its unit, optionally followed by a remark in brackets that breaks it down
 * (`854万（高标准农田建设400万元，…）`): the amount and the unit; undefined for anything else.
 */
/** An amount and its unit, and a note in brackets (see noteAgrees). */
const AMOUNT_WITH_UNIT =
  /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+|\d*(?=\.\d))(?:\.\d+)?)(千元|万元|亿元|元|万|亿)(?:\(([^()]*)\))?$/;

export type PlanReading =
  | { kind: 'empty' }
  /** `percent` is the cumulative percentage: 20 means 20 %. */
  | { kind: 'number'; percent: number; fromPercentFormat: boolean }
  | InvalidReading;

const NUMERIC_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+|\d*(?=\.\d))(?:\.\d+)?$/;

/** True when an Excel number format shows the value as a percentage (`0%`, `0.00%`), ignoring quoted text. */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  const bare = numberFormat
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return bare.includes('%');
}

/**
 * The money unit a number format shows after the number (`#,##0.00"元"`, `0.00"万元"`, `0.00\元`), in
 * the section for positive numbers; undefined when it shows none.
 */
export function unitOfFormat(numberFormat: string | undefined): string | undefined {
  if (!numberFormat || !/[元万亿]/u.test(numberFormat)) return undefined;
  const section = numberFormat.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/u)[0] ?? '';
  const literal = section
    .replace(/\[[^\]]*\]/gu, '')
    .replace(/"([^"]*)"/gu, '$1')
    .replace(/[\\!](.)/gu, '$1');
  const m = /(亿元|万元|千元|元)/u.exec(literal);
  if (m) return m[1];
  // `0!.0,"万"`: 万 (or 亿) alone after the figure, the shorthand of 万元.
  return /[\d#?][\s,]*(万|亿)\s*$/u.exec(literal)?.[1];
}

/**
 * What a number format divides a number by before showing it, in its section for positive numbers:
 * each comma after the last digit of the whole part divides by 1,000 (`#,##0.00,` shows thousands),
 * and a decimal point written as a literal among the digits (`0!.0000`, `0\.0000`, `0"."0000`, the
 * spreadsheet trick that shows 元 as 万元: 1500000 as `150.0000`) by ten for each digit after it.
 * 1 for a format that shows the number as it is. A format with both points is not guessed at: 1.
 */
export function formatDivisor(numberFormat: string | undefined): number {
  if (!numberFormat || !/[,!\\"]/u.test(numberFormat)) return 1;
  const section = numberFormat.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/u)[0] ?? '';
  // Tokens: d (a digit), . (the decimal point), , (a comma), p (a literal point), x (anything else).
  const tokens: string[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] ?? '';
    if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
      tokens.push('x');
    } else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const literal = section.slice(i + 1, end < 0 ? section.length : end);
      tokens.push(literal === '.' ? 'p' : 'x');
      i = end < 0 ? section.length : end;
    } else if (ch === '\\' || ch === '!') {
      tokens.push(section[i + 1] === '.' ? 'p' : 'x');
      i++;
    } else if (ch === '0' || ch === '#' || ch === '?') tokens.push('d');
    else if (ch === '.' || ch === ',') tokens.push(ch);
    else tokens.push('x');
  }
  const point = tokens.indexOf('.');
  const literal = tokens.indexOf('p');
  if (point >= 0 && literal >= 0) return 1;
  const whole = point >= 0 ? tokens.slice(0, point) : tokens;
  const lastDigit = whole.lastIndexOf('d');
  if (lastDigit < 0) return 1;
  let divisor = 1;
  // Commas right after the whole part's last digit (before the point), and right after the
  // number's last digit (`#,##0.00,`).
  const scaling = (from: number, list: string[]): void => {
    for (let i = from; i < list.length && list[i] === ','; i++) divisor *= 1000;
  };
  scaling(lastDigit + 1, whole);
  if (point >= 0) scaling(tokens.lastIndexOf('d') + 1, tokens);
  if (literal >= 0 && literal < lastDigit && whole.slice(0, literal).includes('d'))
    divisor *= 10 ** whole.slice(literal + 1, lastDigit + 1).filter((t) => t === 'd').length;
  return divisor;
}

/**
 * What a number stored in a cell of this format is worth in the table's unit, as its user reads it:
 * a format that shows the number divided (`0!.0000"万元"` shows 1500000 as `150.0000万元`) shows the
 * figure the user reads, and a format that shows a money unit (`#,##0.00"元"` shows `80,000.00元`)
 * puts the figure in that unit. `factor` multiplies the stored number (undefined: as stored);
 * `shown`, the unit the format shows. The 汇总 sheet's formulas use the same factor.
 */
export function formatFactor(
  numberFormat: string | undefined,
  moneyScale: 1 | 0.0001,
): { factor?: Big; shown?: string } {
  const divisor = formatDivisor(numberFormat);
  const shown = unitOfFormat(numberFormat);
  if (divisor === 1 && shown === undefined) return {};
  let factor = new Big(1).div(divisor);
  if (shown !== undefined) factor = factor.times(YUAN_PER[shown] ?? 1).div(moneyScale === 1 ? 10000 : 1);
  return shown === undefined ? { factor } : { factor, shown };
}

/** A number formatted as Excel percent, as Excel shows it: 0.5 → `50%`. */
export function percentText(value: number): string {
  return `${new Big(value).times(100).toString()}%`;
}

/** Decimal text as a Big, accepting full-width digits and thousands separators; undefined when not a number. */
export function parseDecimalText(text: string): Big | undefined {
  const nfkc = text.normalize('NFKC').trim();
  // Spaces between digits group thousands (`1 234 567`) or they are two figures run together by a
  // conversion (`1 20`): never guessed into one.
  if (/\d\s+\d/u.test(nfkc) && !/^[+-]?\d{1,3}(?:\s\d{3})+(?:\.\d+)?$/u.test(nfkc)) return undefined;
  const s = nfkc.replace(/\s+/g, '');
  if (!NUMERIC_TEXT.test(s)) return undefined;
  try {
    return new Big(s.replace(/,/g, ''));
  } catch {
    return undefined;
  }
}

function displayText(cell: GridCell): string {
  if (cell.value === null || cell.value === undefined) return cell.formula ?? '';
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value).trim();
}

const DAY_MS = 86_400_000;
/** 1899-12-30: Excel's day 0 for the serials a date cell holds (from 1900-03-01 on). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel date serial as the user would read it: `2026-12-04`, or `2026-12-04 14:24` with a time. */
export function dateText(serial: number): string {
  const ms = EXCEL_EPOCH_MS + Math.round(serial * 1440) * 60_000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(serial);
  const iso = new Date(ms).toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** A cell that cannot be read as a number: a date is shown as the date, not as its serial. */
function invalid(cell: GridCell): InvalidReading {
  if (cell.date && typeof cell.value === 'number')
    return { kind: 'invalid', text: dateText(cell.value), date: true };
  return { kind: 'invalid', text: displayText(cell) };
}

function finiteBig(n: number): Big | undefined {
  return Number.isFinite(n) ? new Big(n) : undefined;
}

/** A formula the file holds no result of: nothing to read, and not empty either. */
function uncomputed(cell: GridCell): InvalidReading | undefined {
  return cell.formula && (cell.value === null || cell.value === undefined)
    ? { kind: 'invalid', text: cell.formula, uncomputed: true }
    : undefined;
}

function isEmpty(cell: GridCell | undefined): boolean {
  if (!cell || cell.value === null || cell.value === undefined) return true;
  return typeof cell.value === 'string' && cell.value.trim() === '';
}

/**
 * Readings kept per field: the rules, the totals and the reader each read the same amount and plan
 * cells (the six plan rules all four cells), and every reading parses decimals with big.js. A
 * reading is kept with the cell content it was made from, so a field whose cell changed is read
 * again; readings are never modified by their users. The reader makes new fields on every read,
 * so nothing is kept from one read of a workbook to the next. Kept in a ScopedCache: a WeakMap's
 * set cost more than the parse it saves on a cell read once.
 */
interface Kept<T> {
  raw: GridCell;
  value: GridCell['value'];
  numberFormat: string | undefined;
  error: boolean | undefined;
  date: boolean | undefined;
  scale: number;
  reading: T;
}

const amountReadings = new ScopedCache<Field, Kept<AmountReading>>();
const planCellReadings = new ScopedCache<Field, Kept<PlanReading>>();

function keptReading<T>(
  cache: ScopedCache<Field, Kept<T>>,
  field: Field | undefined,
  scale: number,
  read: () => T,
): T {
  const raw = field?.raw;
  if (!field || !raw) return read();
  const kept = cache.get(field);
  if (
    kept &&
    kept.raw === raw &&
    kept.value === raw.value &&
    kept.numberFormat === raw.numberFormat &&
    kept.error === raw.error &&
    kept.date === raw.date &&
    kept.scale === scale
  )
    return kept.reading;
  const reading = read();
  cache.set(field, {
    raw,
    value: raw.value,
    numberFormat: raw.numberFormat,
    error: raw.error,
    date: raw.date,
    scale,
    reading,
  });
  return reading;
}

/**
 * 预算数 / 财政资金 / 其他资金: a number (or numeric text), an amount written with its unit (read
 * exactly, converted to the table's unit: `moneyScale` 1 for 万元 tables, 0.0001 for 元), empty
 * (also a dash or a slash, how forms say "none"), or something that cannot be summed.
 */
export function readAmount(field: Field | undefined, moneyScale: 1 | 0.0001 = 1): AmountReading {
  return keptReading(amountReadings, field, moneyScale, () => {
    const reading = readAmountOnce(field, moneyScale);
    // A bare figure under a label that states its own unit (`财政资金（元）` in a 万元 table) is in
    // that unit: converted to the table's, exactly.
    const own = field?.moneyUnit;
    if (reading.kind !== 'number' || reading.written || own === undefined || own === moneyScale)
      return reading;
    return { ...reading, value: own === 1 ? reading.value.times(10000) : reading.value.div(10000) };
  });
}

function readAmountOnce(field: Field | undefined, moneyScale: 1 | 0.0001): AmountReading {
  const cell = field?.raw;
  if (!cell) return { kind: 'empty' };
  const noResult = uncomputed(cell);
  if (noResult) return noResult;
  if (isEmpty(cell)) return { kind: 'empty' };
  if (cell.error || cell.date || typeof cell.value === 'boolean') return invalid(cell);
  if (typeof cell.value === 'number') {
    // A number shown as a percentage (0.5 as “50%”) is no amount of money: which one was meant is
    // the user's to say, not the reader's to guess.
    if (isPercentFormat(cell.numberFormat)) return invalid(cell);
    const stored = finiteBig(cell.value);
    if (!stored) return invalid(cell);
    const { factor, shown } = formatFactor(cell.numberFormat, moneyScale);
    const value = factor === undefined ? stored : stored.times(factor);
    return shown === undefined ? { kind: 'number', value } : { kind: 'number', value, written: shown };
  }
  // A currency sign before the figure (`¥200,000.00`, `￥50`) is the money's, not another number.
  const text = String(cell.value)
    .normalize('NFKC')
    .trim()
    .replace(/^[¥￥]\s*/u, '');
  const value = parseDecimalText(text);
  if (value) return { kind: 'number', value };
  if (NONE.test(text)) return { kind: 'empty' };
  const m = AMOUNT_WITH_UNIT.exec(text.replace(/\s+/g, ''));
  const written = m?.[2];
  const number = m?.[1] ? parseDecimalText(m[1]) : undefined;
  const yuan = written ? YUAN_PER[written] : undefined;
  if (!number || !written || yuan === undefined) return invalid(cell);
  if (m?.[3] !== undefined && !noteAgrees(m[3], number.times(yuan), yuan)) return invalid(cell);
  // The table's unit in 元: 10000 for a 万元 table, 1 for a 元 table.
  const tableYuan = moneyScale === 1 ? 10000 : 1;
  return { kind: 'number', value: number.times(yuan).div(tableYuan), written };
}

/**
 * A note after an amount says nothing against it when it holds no amounts (`(含配套)`) or when its
 * amounts make up the amount (`854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)`, `(其中:
 * 上级财政资金:60.25万元;本级财政:0万元)`); other amounts (`60万元（分三年，每年20万元）`) make the
 * cell no one amount.
 */
function noteAgrees(note: string, amountYuan: Big, yuanPerUnit: number): boolean {
  const parts = [...note.matchAll(/(\d+(?:\.\d+)?)(千元|万元|亿元|元|万|亿)/gu)];
  if (!parts.length) return true;
  let sum = new Big(0);
  for (const p of parts) sum = sum.plus(new Big(p[1] ?? '0').times(YUAN_PER[p[2] ?? ''] ?? yuanPerUnit));
  // A breakdown that says 其中 may name a part of a part (`其中:上级60.25万元;本级0万元`): its sum, or
  // its largest line, is the amount.
  return (
    sum.eq(amountYuan) ||
    parts.some((p) => new Big(p[1] ?? '0').times(YUAN_PER[p[2] ?? ''] ?? yuanPerUnit).eq(amountYuan))
  );
}

/**
 * A 资金支出计划 cell as a cumulative percentage. A cell formatted as Excel percent stores 20 % as
 * 0.2 and reads as 20; typed text `20.00`, `20%` or `20％` reads as 20.
 */
export function readPlanCell(field: Field | undefined): PlanReading {
  return keptReading(planCellReadings, field, 1, () => readPlanCellOnce(field));
}

function readPlanCellOnce(field: Field | undefined): PlanReading {
  const cell = field?.raw;
  if (!cell) return { kind: 'empty' };
  const noResult = uncomputed(cell);
  if (noResult) return noResult;
  if (isEmpty(cell)) return { kind: 'empty' };
  if (cell.error || cell.date || typeof cell.value === 'boolean') return invalid(cell);
  if (typeof cell.value === 'number') {
    if (!Number.isFinite(cell.value)) return invalid(cell);
    const fromPercentFormat = isPercentFormat(cell.numberFormat);
    // A number read through big.js and back is the same number (-0 reads as 0): only the percent
    // format's ×100 needs decimals.
    const plain = cell.value === 0 ? 0 : cell.value;
    const percent = fromPercentFormat ? Number(new Big(cell.value).times(100).toString()) : plain;
    // A percentage too large for a number (1e308 in a percent cell) is no plan anyone can total.
    if (!Number.isFinite(percent)) return invalid(cell);
    return { kind: 'number', percent, fromPercentFormat };
  }
  const s = String(cell.value).normalize('NFKC').trim();
  const percentSign = /%$/.test(s);
  const value = parseDecimalText(percentSign ? s.slice(0, -1) : s);
  const percent = value ? Number(value.toString()) : NaN;
  if (!Number.isFinite(percent)) return invalid(cell);
  return { kind: 'number', percent, fromPercentFormat: false };
}
