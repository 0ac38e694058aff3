/**
 * Excel's display text of a value under a number format code: `Range.text`, and what the preview
 * draws. Covers General, text (`@`), fixed decimals, thousands separators, percent, scientific and
 * date/time codes with up to four `;` sections; colours and conditions in brackets are ignored.
 */

import { type Scalar, exponentText, isError, roundHalfAway } from './values';

export const GENERAL = 'General';

export function isTextFormat(format: string | undefined): boolean {
  return format === '@';
}

export function isGeneral(format: string | undefined): boolean {
  return !format || format.toLowerCase() === 'general';
}

/** True for codes whose first section shows a percent (`0%`, `0.00%`). */
export function isPercentFormat(format: string | undefined): boolean {
  if (!format || isGeneral(format)) return false;
  return stripLiterals(splitSections(format)[0]).includes('%');
}

/** True for date or time codes (`yyyy-mm-dd`, `h:mm` …). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || isGeneral(format) || format === '@') return false;
  return /[ydhs]|m/i.test(
    stripLiterals(splitSections(format)[0])
      .replace(/general/gi, '')
      .replace(/E[+-]/g, ''),
  );
}

export function displayText(value: Scalar, format: string | undefined): string {
  if (value === null) return '';
  if (isError(value)) return value.code;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const fmt = format && format.trim() !== '' ? format : GENERAL;
  if (typeof value === 'string') return formatText(value, fmt);
  if (isGeneral(fmt) || fmt === '@') return generalText(value);
  return formatNumber(value, fmt);
}

/** General format as a cell shows it: at most 11 characters, exponent form for very large or small numbers. */
export function generalText(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  const clean = Number(n.toPrecision(15));
  const abs = Math.abs(clean);
  const sign = clean < 0 ? '-' : '';
  if (abs >= 1e11 || abs < 1e-9) return sign + exponentText(abs, 5);
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const decimals = Math.max(0, 10 - intDigits);
  const fixed = roundHalfAway(abs, decimals).toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return sign + trimmed;
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !quoted && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The section's format characters with quoted text, escapes and bracket codes removed. */
function stripLiterals(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

type Piece = { kind: 'lit'; text: string } | { kind: 'code'; text: string };

/** Splits a section into literal text and format code, dropping colours, conditions and locale tags. */
function pieces(section: string): Piece[] {
  const out: Piece[] = [];
  const lit = (text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === 'lit') last.text += text;
    else out.push({ kind: 'lit', text });
  };
  const code = (text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === 'code') last.text += text;
    else out.push({ kind: 'code', text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    const rest = section.slice(i);
    const word = /^(general|am\/pm|a\/p)/i.exec(rest);
    if (word) {
      code(word[0]);
      i += word[0].length - 1;
    } else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      if (i + 1 < section.length) lit(section[++i]);
    } else if (ch === '_') {
      i++;
      lit(' ');
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      // `[$¥-804]` carries a currency symbol to print; `[Red]`, `[>100]`, `[$-409]` print nothing.
      const currency = /^\$([^-]*)/.exec(inner);
      if (currency && currency[1]) lit(currency[1]);
      else if (/^h+$|^m+$|^s+$/i.test(inner)) code(`[${inner}]`);
      i = end < 0 ? section.length : end;
    } else if (/^[eE][+-]/.test(rest) && /[0#?]/.test(section.slice(0, i))) {
      code(rest.slice(0, 2));
      i++;
    } else if (/[0#?.,%@ymdhs]/i.test(ch)) {
      code(ch);
    } else {
      lit(ch);
    }
  }
  return out;
}

function formatText(text: string, format: string): string {
  if (isGeneral(format) || format === '@') return text;
  const sections = splitSections(format);
  const textSection =
    sections.length >= 4 ? sections[3] : sections.find((s) => stripLiterals(s).includes('@'));
  if (!textSection) return text;
  return pieces(textSection)
    .map((p) => (p.kind === 'lit' ? p.text : p.text.replace(/[^@]/g, '').replace(/@/g, () => text)))
    .join('');
}

export function formatNumber(value: number, format: string): string {
  const sections = splitSections(format);
  let section = sections[0];
  let v = value;
  let autoMinus = value < 0;
  if (value < 0 && sections.length >= 2 && sections[1] !== '') {
    section = sections[1];
    v = -value;
    autoMinus = false;
  } else if (value === 0 && sections.length >= 3 && sections[2] !== '') {
    section = sections[2];
  }
  if (isGeneral(stripLiterals(section).trim()) && /general/i.test(section)) {
    return pieces(section)
      .map((p) => (p.kind === 'lit' ? p.text : generalText(Math.abs(v))))
      .join('')
      .replace(/^/, autoMinus ? '-' : '');
  }
  const codeText = stripLiterals(section);
  if (/[ydhs]/i.test(codeText) || (/m/i.test(codeText) && !/[0#?]/.test(codeText)))
    return formatDate(v, section);
  return formatDigits(Math.abs(v), section, autoMinus);
}

function formatDigits(abs: number, section: string, negative: boolean): string {
  const ps = pieces(section);
  const codeText = ps
    .filter((p) => p.kind === 'code')
    .map((p) => p.text)
    .join('');
  let value = abs;
  const percents = (codeText.match(/%/g) ?? []).length;
  for (let i = 0; i < percents; i++) value *= 100;
  const core = codeText.replace(/%/g, '');
  const expMatch = /[eE][+-]/.exec(core);
  const mantissaCode = expMatch ? core.slice(0, expMatch.index) : core;
  const dot = mantissaCode.indexOf('.');
  let intCode = dot >= 0 ? mantissaCode.slice(0, dot) : mantissaCode;
  const fracCode = (dot >= 0 ? mantissaCode.slice(dot + 1) : '').replace(/[^0#?]/g, '');
  // Trailing commas scale by thousands; commas between digit placeholders group thousands.
  while (intCode.endsWith(',')) {
    value /= 1000;
    intCode = intCode.slice(0, -1);
  }
  const grouping = intCode.includes(',');
  const intPlaceholders = intCode.replace(/[^0#?]/g, '');
  let exponentPart = '';
  if (expMatch) {
    const expCode = core.slice(expMatch.index + 2).replace(/[^0#?]/g, '');
    let exp = value === 0 ? 0 : Math.floor(Math.log10(value));
    let mant = value === 0 ? 0 : value / Math.pow(10, exp);
    if (roundHalfAway(mant, fracCode.length) >= 10) {
      exp += 1;
      mant = value / Math.pow(10, exp);
    }
    value = mant;
    const sign = exp < 0 ? '-' : expMatch[0][1] === '+' ? '+' : '';
    exponentPart = `${expMatch[0][0]}${sign}${String(Math.abs(exp)).padStart(Math.max(1, expCode.length), '0')}`;
  }
  const rounded = roundHalfAway(value, fracCode.length);
  const fixed = rounded.toFixed(fracCode.length);
  const [intPart, fracDigits = ''] = fixed.split('.');
  let intDigits = intPart;
  const minInt = (intPlaceholders.match(/0/g) ?? []).length;
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // Optional decimals (`#`) drop trailing zeros; `?` keeps their place with a space.
  let frac = '';
  for (let i = fracCode.length - 1; i >= 0; i--) {
    const digit = fracDigits[i];
    if (frac === '' && digit === '0' && fracCode[i] !== '0') {
      if (fracCode[i] === '?') frac = ' ' + frac;
      continue;
    }
    frac = digit + frac;
  }
  const number = intDigits + (dot >= 0 ? '.' + frac : '') + exponentPart;
  const isZero = rounded === 0;
  let out = '';
  let placed = false;
  for (const p of ps) {
    if (p.kind === 'lit') out += p.text;
    else {
      const percentSigns = p.text.replace(/[^%]/g, '');
      if (!placed && /[0#?.]/.test(p.text)) {
        out += number;
        placed = true;
      }
      out += percentSigns;
    }
  }
  if (!placed) out += number;
  return (negative && !isZero ? '-' : '') + out;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** Excel's 1900 date system, including its fictitious 29 February 1900 (serial 60). */
export function serialToDate(serial: number): DateParts {
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86400);
  const time = {
    hour: Math.floor(seconds / 3600) % 24,
    minute: Math.floor(seconds / 60) % 60,
    second: seconds % 60,
  };
  if (days === 60) return { year: 1900, month: 2, day: 29, weekday: 3, ...time };
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(base + days * 86400000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    ...time,
  };
}

export function dateToSerial(year: number, month: number, day: number): number {
  const diff = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
  return diff <= 60 ? diff - 1 : diff;
}

function formatDate(serial: number, section: string): string {
  const p = serialToDate(serial);
  const ps = pieces(section);
  const hasAmPm = ps.some((x) => x.kind === 'code' && /AM\/PM|A\/P/i.test(x.text));
  const tokens: { kind: 'lit' | 'code'; text: string }[] = [];
  for (const x of ps) {
    if (x.kind === 'lit') tokens.push(x);
    else
      for (const t of x.text.match(/\[[hms]+\]|AM\/PM|A\/P|y+|m+|d+|h+|s+|0+|./gi) ?? [])
        tokens.push({ kind: 'code', text: t });
  }
  const isCode = (t: { kind: string; text: string } | undefined, re: RegExp) =>
    !!t && t.kind === 'code' && re.test(t.text);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'lit') {
      out += t.text;
      continue;
    }
    const tx = t.text;
    const lower = tx.toLowerCase();
    if (lower[0] === 'y') out += lower.length <= 2 ? String(p.year % 100).padStart(2, '0') : String(p.year);
    else if (lower[0] === 'm' && !lower.startsWith('[')) {
      // `m` after an hour or before seconds means minutes, as in Excel.
      const prev = [...tokens.slice(0, i)].reverse().find((x) => x.kind === 'code' && /[a-z]/i.test(x.text));
      const next = tokens.slice(i + 1).find((x) => x.kind === 'code' && /[a-z]/i.test(x.text));
      if (isCode(prev, /^h+$|^\[h+\]$/i) || isCode(next, /^s+$/i))
        out += lower.length >= 2 ? String(p.minute).padStart(2, '0') : String(p.minute);
      else if (lower.length === 1) out += String(p.month);
      else if (lower.length === 2) out += String(p.month).padStart(2, '0');
      else if (lower.length === 3) out += MONTHS[p.month - 1].slice(0, 3);
      else if (lower.length === 5) out += MONTHS[p.month - 1][0];
      else out += MONTHS[p.month - 1];
    } else if (lower[0] === 'd') {
      if (lower.length === 1) out += String(p.day);
      else if (lower.length === 2) out += String(p.day).padStart(2, '0');
      else if (lower.length === 3) out += DAYS[p.weekday].slice(0, 3);
      else out += DAYS[p.weekday];
    } else if (lower[0] === 'h') {
      const h = hasAmPm ? ((p.hour + 11) % 12) + 1 : p.hour;
      out += lower.length >= 2 ? String(h).padStart(2, '0') : String(h);
    } else if (lower[0] === 's')
      out += lower.length >= 2 ? String(p.second).padStart(2, '0') : String(p.second);
    else if (lower === '[h]') out += String(Math.floor(serial * 24));
    else if (lower === '[m]' || lower === '[mm]') out += String(Math.floor(serial * 1440));
    else if (lower === 'am/pm') out += p.hour < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += p.hour < 12 ? 'A' : 'P';
    else if (tx === '.' || tx === ',') out += tx;
    else if (/^0+$/.test(tx)) out += '';
    else out += tx;
  }
  return out;
}
