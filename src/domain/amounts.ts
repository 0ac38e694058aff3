/**
 * How money and spending-plan cells are read. A finance officer types `10.00`, `1,000.5` or a
 * number; anything else in an amount cell (`10万`, `十万元`, `#REF!`, a date) cannot be summed and is
 * reported, never guessed at.
 */

import Big from 'big.js';
import type { GridCell } from './grid';
import type { Field } from './types';

export type AmountReading =
  { kind: 'empty' } | { kind: 'number'; value: Big } | { kind: 'invalid'; text: string };

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

/** 预算数 / 财政资金 / 其他资金: a number (or numeric text), empty, or something that cannot be summed. */
export function readAmount(field: Field | undefined): AmountReading {
  const cell = field?.raw;
  if (!cell || isEmpty(cell)) return { kind: 'empty' };
  const text = displayText(cell);
  if (cell.error || cell.date || typeof cell.value === 'boolean') return { kind: 'invalid', text };
  if (typeof cell.value === 'number') {
    const value = finiteBig(cell.value);
    return value ? { kind: 'number', value } : { kind: 'invalid', text };
  }
  const value = parseDecimalText(String(cell.value));
  return value ? { kind: 'number', value } : { kind: 'invalid', text };
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
