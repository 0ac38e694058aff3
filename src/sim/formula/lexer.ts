/**
 * Tokens of an Excel formula (English function names, `,` separators). References keep their text
 * position so that formulas can be rewritten (rows inserted, a sheet renamed) without reformatting.
 */

import { columnIndex } from '../../domain/address';
import { ERROR_CODES } from '../values';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface CellPart {
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

/** A reference as written: one cell, a cell range, whole columns (`A:C`) or whole rows (`3:5`). */
export interface RefPart {
  sheet?: string;
  kind: 'cell' | 'range' | 'cols' | 'rows';
  a: CellPart;
  b: CellPart;
}

export type Token =
  | { type: 'num'; value: number; start: number; end: number }
  | { type: 'str'; value: string; start: number; end: number }
  | { type: 'err'; value: string; start: number; end: number }
  | { type: 'ref'; ref: RefPart; start: number; end: number }
  | { type: 'ident'; value: string; start: number; end: number }
  | { type: 'func'; value: string; start: number; end: number }
  | { type: 'op'; value: string; start: number; end: number }
  | { type: 'ws'; start: number; end: number };

export class FormulaSyntaxError extends Error {}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/;
const COL = /^(\$?)([A-Za-z]{1,3})/;
const ROW = /^(\$?)([0-9]{1,7})/;
// Characters that end an unquoted sheet name or a defined name.
const NAME_CHAR = /[^\s!'"(),:;+\-*/^&=<>%{}[\]#@\\]/u;

function cellPart(m: RegExpExecArray): CellPart | undefined {
  const col = columnIndex(m[2]);
  const row = Number(m[4]) - 1;
  if (col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return undefined;
  return { colAbs: m[1] === '$', col, rowAbs: m[3] === '$', row };
}

/** Reads a reference (no sheet prefix) at the start of `s`; returns its length. */
function readRef(s: string): { ref: Omit<RefPart, 'sheet'>; length: number } | undefined {
  const c = CELL.exec(s);
  if (c && !NAME_CHAR.test(s[c[0].length] ?? ' ')) {
    const a = cellPart(c);
    if (a) {
      const rest = s.slice(c[0].length);
      if (rest[0] === ':') {
        const d = CELL.exec(rest.slice(1));
        if (d && !NAME_CHAR.test(rest[1 + d[0].length] ?? ' ')) {
          const b = cellPart(d);
          if (b) return { ref: { kind: 'range', a, b }, length: c[0].length + 1 + d[0].length };
        }
      }
      return { ref: { kind: 'cell', a, b: a }, length: c[0].length };
    }
  }
  const col = COL.exec(s);
  if (col && s[col[0].length] === ':') {
    const col2 = COL.exec(s.slice(col[0].length + 1));
    if (col2 && !NAME_CHAR.test(s[col[0].length + 1 + col2[0].length] ?? ' ')) {
      const a: CellPart = { col: columnIndex(col[2]), colAbs: col[1] === '$', row: 0, rowAbs: false };
      const b: CellPart = {
        col: columnIndex(col2[2]),
        colAbs: col2[1] === '$',
        row: MAX_ROWS - 1,
        rowAbs: false,
      };
      if (a.col < MAX_COLS && b.col < MAX_COLS)
        return { ref: { kind: 'cols', a, b }, length: col[0].length + 1 + col2[0].length };
    }
  }
  const row = ROW.exec(s);
  if (row && s[row[0].length] === ':') {
    const row2 = ROW.exec(s.slice(row[0].length + 1));
    if (row2 && !/[0-9.A-Za-z]/.test(s[row[0].length + 1 + row2[0].length] ?? ' ')) {
      const a: CellPart = { row: Number(row[2]) - 1, rowAbs: row[1] === '$', col: 0, colAbs: false };
      const b: CellPart = {
        row: Number(row2[2]) - 1,
        rowAbs: row2[1] === '$',
        col: MAX_COLS - 1,
        colAbs: false,
      };
      if (a.row >= 0 && b.row >= 0 && a.row < MAX_ROWS && b.row < MAX_ROWS)
        return { ref: { kind: 'rows', a, b }, length: row[0].length + 1 + row2[0].length };
    }
  }
  return undefined;
}

/** Tokenizes formula text without its leading `=`. Throws FormulaSyntaxError on what Excel would refuse. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    const ch = text[i];
    const rest = text.slice(i);
    if (/\s/.test(ch)) {
      while (i < text.length && /\s/.test(text[i])) i++;
      out.push({ type: 'ws', start, end: i });
      continue;
    }
    if (ch === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FormulaSyntaxError('unterminated text');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      out.push({ type: 'str', value, start, end: i });
      continue;
    }
    if (ch === '#') {
      const code = ERROR_CODES.find((c) => rest.toUpperCase().startsWith(c));
      if (!code) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      i += code.length;
      out.push({ type: 'err', value: code, start, end: i });
      continue;
    }
    // A sheet prefix, quoted or not, must be followed by a reference.
    let sheet: string | undefined;
    let prefixLength = 0;
    if (ch === "'") {
      let name = '';
      let k = i + 1;
      for (;;) {
        if (k >= text.length) throw new FormulaSyntaxError('unterminated sheet name');
        if (text[k] === "'") {
          if (text[k + 1] === "'") {
            name += "'";
            k += 2;
            continue;
          }
          k++;
          break;
        }
        name += text[k++];
      }
      if (text[k] !== '!') throw new FormulaSyntaxError('quoted name without !');
      sheet = name;
      prefixLength = k + 1 - i;
    } else if (NAME_CHAR.test(ch) && !/[0-9.]/.test(ch)) {
      let k = i;
      while (k < text.length && NAME_CHAR.test(text[k])) k++;
      if (text[k] === '!') {
        sheet = text.slice(i, k);
        prefixLength = k + 1 - i;
      }
    }
    if (sheet !== undefined) {
      const after = text.slice(i + prefixLength);
      if (after.toUpperCase().startsWith('#REF!')) {
        i += prefixLength + 5;
        out.push({ type: 'err', value: '#REF!', start, end: i });
        continue;
      }
      const r = readRef(after);
      if (!r) throw new FormulaSyntaxError(`reference expected after ${sheet}!`);
      i += prefixLength + r.length;
      out.push({ type: 'ref', ref: { sheet, ...r.ref }, start, end: i });
      continue;
    }
    const numberMatch = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    const r = readRef(rest);
    if (r && (!numberMatch || r.length >= numberMatch[0].length) && text[i + r.length] !== '(') {
      i += r.length;
      out.push({ type: 'ref', ref: r.ref, start, end: i });
      continue;
    }
    if (numberMatch) {
      i += numberMatch[0].length;
      out.push({ type: 'num', value: Number(numberMatch[0]), start, end: i });
      continue;
    }
    if (NAME_CHAR.test(ch)) {
      let k = i;
      while (k < text.length && NAME_CHAR.test(text[k])) k++;
      const value = text.slice(i, k);
      i = k;
      if (text[i] === '(') out.push({ type: 'func', value, start, end: i });
      else out.push({ type: 'ident', value, start, end: i });
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      i += 2;
      out.push({ type: 'op', value: two, start, end: i });
      continue;
    }
    if ('+-*/^&=<>%(),:'.includes(ch)) {
      i++;
      out.push({ type: 'op', value: ch, start, end: i });
      continue;
    }
    throw new FormulaSyntaxError(`unexpected '${ch}' at ${i}`);
  }
  return out;
}
