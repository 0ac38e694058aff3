/**
 * What Excel makes of text entered into a cell (typed by a person, or written through
 * `Range.values`): a formula, a number (with the number format Excel picks for it), a boolean, an
 * error, a date, or text. A cell formatted as text (`@`) keeps exactly what was entered.
 */

import { isValidFormula } from './formula/parser';
import { dateToSerial, isDateFormat, isGeneral, isPercentFormat, isTextFormat } from './numfmt';
import { type Scalar, errorFromText } from './values';

export type Entry = { kind: 'formula'; formula: string } | { kind: 'value'; value: Scalar; format?: string };

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d*)?(?:[eE]([+-]?\d+))?$/;

/** A number read from text the way Excel's data entry and its text→number coercion read it. */
export function parseNumberText(raw: string): { value: number; format?: string } | undefined {
  const s = raw.trim();
  if (s === '') return undefined;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    const inner = parseNumberText(paren[1]);
    return inner && inner.value >= 0 ? { value: -inner.value, format: inner.format } : undefined;
  }
  const percent = /^(.*?)\s*%$/.exec(s);
  if (percent) {
    const inner = parsePlain(percent[1]);
    if (!inner) return undefined;
    return {
      value: Number((inner.value / 100).toPrecision(15)),
      format: inner.decimals > 0 ? '0.00%' : '0%',
    };
  }
  const plain = parsePlain(s);
  if (plain) {
    const format = plain.exponent
      ? '0.00E+00'
      : plain.grouped
        ? plain.decimals > 0
          ? '#,##0.00'
          : '#,##0'
        : undefined;
    return { value: plain.value, format };
  }
  const date = parseDateText(s);
  return date;
}

function parsePlain(
  s: string,
): { value: number; decimals: number; grouped: boolean; exponent: boolean } | undefined {
  const m = NUMBER.exec(s.trim());
  if (!m || (m[2] === undefined && (m[3] === undefined || m[3] === '.'))) return undefined;
  const value = Number(
    `${m[1]}${(m[2] ?? '0').replace(/,/g, '')}${m[3] ?? ''}${m[4] !== undefined ? `e${m[4]}` : ''}`,
  );
  if (!Number.isFinite(value)) return undefined;
  return {
    value,
    decimals: m[3] ? m[3].length - 1 : 0,
    grouped: (m[2] ?? '').includes(','),
    exponent: m[4] !== undefined,
  };
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseDateText(s: string): { value: number; format: string } | undefined {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m && validDate(+m[1], +m[2], +m[3]))
    return { value: dateToSerial(+m[1], +m[2], +m[3]), format: 'yyyy/m/d' };
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m && validDate(+m[1], +m[2], +m[3]))
    return { value: dateToSerial(+m[1], +m[2], +m[3]), format: 'yyyy"年"m"月"d"日"' };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m && validDate(+m[3], +m[1], +m[2]))
    return { value: dateToSerial(+m[3], +m[1], +m[2]), format: 'm/d/yyyy' };
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m && +m[1] < 24 && +m[2] < 60 && (m[3] === undefined || +m[3] < 60)) {
    const seconds = +m[1] * 3600 + +m[2] * 60 + (m[3] ? +m[3] : 0);
    return { value: seconds / 86400, format: m[3] ? 'h:mm:ss' : 'h:mm' };
  }
  return undefined;
}

/**
 * Interprets an entry into a cell whose number format is `format`. `typing` turns on what only the
 * keyboard does: Excel's automatic percent entry in percent-formatted cells (20 → 20 %).
 */
export function interpretEntry(
  input: string | number | boolean | null,
  format: string | undefined,
  typing: boolean,
): Entry {
  if (input === null) return { kind: 'value', value: null };
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input === 'number') {
    if (typing && isPercentFormat(format) && Math.abs(input) >= 1)
      return { kind: 'value', value: Number((input / 100).toPrecision(15)) };
    return { kind: 'value', value: input };
  }
  if (isTextFormat(format)) return { kind: 'value', value: input === '' ? null : input };
  if (input === '') return { kind: 'value', value: null };
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) === '' ? null : input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const trimmed = input.trim();
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  const error = errorFromText(trimmed);
  if (error && trimmed.length === error.code.length) return { kind: 'value', value: error };
  const num = parseNumberText(input);
  if (num) {
    const typedPercent = /%\s*$/.test(trimmed);
    if (typedPercent) {
      // A typed percent makes the cell a percent cell unless it already is one.
      return { kind: 'value', value: num.value, format: isPercentFormat(format) ? undefined : num.format };
    }
    if (typing && isPercentFormat(format) && Math.abs(num.value) >= 1)
      return { kind: 'value', value: Number((num.value / 100).toPrecision(15)) };
    if (num.format && isDateFormat(num.format))
      return { kind: 'value', value: num.value, format: isDateFormat(format) ? undefined : num.format };
    return { kind: 'value', value: num.value, format: isGeneral(format) ? num.format : undefined };
  }
  // Excel reads `-x` and `+x` as formulas; what does not parse as one stays text.
  if (
    (trimmed.startsWith('+') || trimmed.startsWith('-')) &&
    trimmed.length > 1 &&
    isValidFormula(`=${trimmed}`)
  )
    return { kind: 'formula', formula: `=${trimmed}` };
  return { kind: 'value', value: input };
}
