/**
 * How money and spending-plan cells are read. A finance officer types `10.00`, `1,000.5` or a
 * number; people also write the unit (`20万元`, `854万`, `1,234.56元`), which is read exactly and
 * converted to the table's unit (SPEC §5). Anything else in an amount cell (`十万元`, `待定`, `#REF!`,
 * a date) cannot be summed and is reported, never guessed at.
 */

import Big from 'big.js';
import type { GridCell } from './grid';
import type { Field } from './types';

export type AmountReading =
  | { kind: 'empty' }
  /**
   * `value` in the table's money unit. `written` is the unit the cell itself carried (`20万元`),
   * when it did: the amount was read from text and converted.
   */
  | { kind: 'number'; value: Big; written?: string }
  | { kind: 'invalid'; text: string };

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
const AMOUNT_WITH_UNIT =
  /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+|\d*(?=\.\d))(?:\.\d+)?)(千元|万元|亿元|元|万|亿)(?:\([^()]*\))?$/;

export type PlanReading =
  | { kind: 'empty' }
  /** `percent` is the cumulative percentage: 20 means 20 %. */
  | { kind: 'number'; percent: number; fromPercentFormat: boolean }
  | { kind: 'invalid'; text: string };

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

/** Decimal text as a Big, accepting full-width digits and thousands separators; undefined when not a number. */
export function parseDecimalText(text: string): Big | undefined {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
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

function finiteBig(n: number): Big | undefined {
  return Number.isFinite(n) ? new Big(n) : undefined;
}

function isEmpty(cell: GridCell | undefined): boolean {
  if (!cell || cell.value === null || cell.value === undefined) return true;
  return typeof cell.value === 'string' && cell.value.trim() === '';
}

/**
 * 预算数 / 财政资金 / 其他资金: a number (or numeric text), an amount written with its unit (read
 * exactly, converted to the table's unit: `moneyScale` 1 for 万元 tables, 0.0001 for 元), empty, or
 * something that cannot be summed.
 */
export function readAmount(field: Field | undefined, moneyScale: 1 | 0.0001 = 1): AmountReading {
  const cell = field?.raw;
  if (!cell || isEmpty(cell)) return { kind: 'empty' };
  const text = displayText(cell);
  if (cell.error || cell.date || typeof cell.value === 'boolean') return { kind: 'invalid', text };
  if (typeof cell.value === 'number') {
    const value = finiteBig(cell.value);
    return value ? { kind: 'number', value } : { kind: 'invalid', text };
  }
  const value = parseDecimalText(String(cell.value));
  if (value) return { kind: 'number', value };
  const m = AMOUNT_WITH_UNIT.exec(String(cell.value).normalize('NFKC').replace(/\s+/g, ''));
  const written = m?.[2];
  const number = m?.[1] ? parseDecimalText(m[1]) : undefined;
  const yuan = written ? YUAN_PER[written] : undefined;
  if (!number || !written || yuan === undefined) return { kind: 'invalid', text };
  // The table's unit in 元: 10000 for a 万元 table, 1 for a 元 table.
  const tableYuan = moneyScale === 1 ? 10000 : 1;
  return { kind: 'number', value: number.times(yuan).div(tableYuan), written };
}

/**
 * A 资金支出计划 cell as a cumulative percentage. A cell formatted as Excel percent stores 20 % as
 * 0.2 and reads as 20; typed text `20.00`, `20%` or `20％` reads as 20.
 */
export function readPlanCell(field: Field | undefined): PlanReading {
  const cell = field?.raw;
  if (!cell || isEmpty(cell)) return { kind: 'empty' };
  const text = displayText(cell);
  if (cell.error || cell.date || typeof cell.value === 'boolean') return { kind: 'invalid', text };
  if (typeof cell.value === 'number') {
    const value = finiteBig(cell.value);
    if (!value) return { kind: 'invalid', text };
    const fromPercentFormat = isPercentFormat(cell.numberFormat);
    const percent = fromPercentFormat ? value.times(100) : value;
    return { kind: 'number', percent: Number(percent.toString()), fromPercentFormat };
  }
  const s = String(cell.value).normalize('NFKC').trim();
  const percentSign = /%$/.test(s);
  const value = parseDecimalText(percentSign ? s.slice(0, -1) : s);
  if (!value) return { kind: 'invalid', text };
  return { kind: 'number', percent: Number(value.toString()), fromPercentFormat: false };
}
