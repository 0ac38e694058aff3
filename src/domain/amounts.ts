/**
 * How money and spending-plan cells are read. A finance officer types `10.00`, `1,000.5` or a
 * number; anything else in an amount cell (`10万`, `十万元`, `#REF!`, a date) cannot be summed and is
 * reported, never guessed at — a date as the date it shows, not as Excel's day number.
 */

import Big from 'big.js';
import type { GridCell } from './grid';
import type { Field } from './types';

/** What could not be read, as the user sees it; `date` when the cell holds a date (shown as one). */
export type InvalidReading = { kind: 'invalid'; text: string; date?: true };

export type AmountReading = { kind: 'empty' } | { kind: 'number'; value: Big } | InvalidReading;

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

function isEmpty(cell: GridCell | undefined): boolean {
  if (!cell || cell.value === null || cell.value === undefined) return true;
  return typeof cell.value === 'string' && cell.value.trim() === '';
}

/** 预算数 / 财政资金 / 其他资金: a number (or numeric text), empty, or something that cannot be summed. */
export function readAmount(field: Field | undefined): AmountReading {
  const cell = field?.raw;
  if (!cell || isEmpty(cell)) return { kind: 'empty' };
  if (cell.error || cell.date || typeof cell.value === 'boolean') return invalid(cell);
  if (typeof cell.value === 'number') {
    const value = finiteBig(cell.value);
    return value ? { kind: 'number', value } : invalid(cell);
  }
  const value = parseDecimalText(String(cell.value));
  return value ? { kind: 'number', value } : invalid(cell);
}

/**
 * A 资金支出计划 cell as a cumulative percentage. A cell formatted as Excel percent stores 20 % as
 * 0.2 and reads as 20; typed text `20.00`, `20%` or `20％` reads as 20.
 */
export function readPlanCell(field: Field | undefined): PlanReading {
  const cell = field?.raw;
  if (!cell || isEmpty(cell)) return { kind: 'empty' };
  if (cell.error || cell.date || typeof cell.value === 'boolean') return invalid(cell);
  if (typeof cell.value === 'number') {
    const value = finiteBig(cell.value);
    if (!value) return invalid(cell);
    const fromPercentFormat = isPercentFormat(cell.numberFormat);
    const percent = Number((fromPercentFormat ? value.times(100) : value).toString());
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
