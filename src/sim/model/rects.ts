/** Rectangles of cells (0-based, inclusive) and the A1 text Excel gives for them. */

import { columnIndex, columnLetters, toA1 } from '../../domain/address';
import type { CellRange } from '../../domain/grid';
import { MAX_COLS, MAX_ROWS } from '../formula/lexer';
import { SimError } from '../errors';
import { quoteSheetName } from '../formula/rewrite';

export type { CellRange };

export function rowsOf(r: CellRange): number {
  return r.bottom - r.top + 1;
}

export function colsOf(r: CellRange): number {
  return r.right - r.left + 1;
}

export function cellCount(r: CellRange): number {
  return rowsOf(r) * colsOf(r);
}

export function isEntireRows(r: CellRange): boolean {
  return r.left === 0 && r.right === MAX_COLS - 1;
}

export function isEntireCols(r: CellRange): boolean {
  return r.top === 0 && r.bottom === MAX_ROWS - 1;
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

export function containsCell(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function intersect(a: CellRange, b: CellRange): CellRange | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

export function sameRect(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** `a` minus `b`, as up to four rectangles (bands above and below, then left and right). */
export function subtract(a: CellRange, b: CellRange): CellRange[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: CellRange[] = [];
  if (a.top < i.top) out.push({ top: a.top, left: a.left, bottom: i.top - 1, right: a.right });
  if (i.bottom < a.bottom) out.push({ top: i.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  if (a.left < i.left) out.push({ top: i.top, left: a.left, bottom: i.bottom, right: i.left - 1 });
  if (i.right < a.right) out.push({ top: i.top, left: i.right + 1, bottom: i.bottom, right: a.right });
  return out;
}

export function boundingRect(rs: CellRange[]): CellRange {
  return {
    top: Math.min(...rs.map((r) => r.top)),
    left: Math.min(...rs.map((r) => r.left)),
    bottom: Math.max(...rs.map((r) => r.bottom)),
    right: Math.max(...rs.map((r) => r.right)),
  };
}

/** A1 text as Excel's `address` gives it: `A1`, `A1:B3`, `3:5` for whole rows, `A:C` for whole columns. */
export function rectA1(r: CellRange, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isEntireCols(r) && !isEntireRows(r))
    return `${d}${columnLetters(r.left)}:${d}${columnLetters(r.right)}`;
  if (isEntireRows(r)) return `${d}${r.top + 1}:${d}${r.bottom + 1}`;
  const a = absolute ? `$${columnLetters(r.left)}$${r.top + 1}` : toA1(r.top, r.left);
  const b = absolute ? `$${columnLetters(r.right)}$${r.bottom + 1}` : toA1(r.bottom, r.right);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${b}`;
}

export function qualifiedA1(sheet: string, r: CellRange, absolute = false): string {
  return `${quoteSheetName(sheet)}!${rectA1(r, absolute)}`;
}

function endpoint(text: string): { row?: number; col?: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(text.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const col = m[1] !== undefined ? columnIndex(m[1]) : undefined;
  const row = m[2] !== undefined ? Number(m[2]) - 1 : undefined;
  if ((col !== undefined && col >= MAX_COLS) || (row !== undefined && (row < 0 || row >= MAX_ROWS)))
    return undefined;
  return { row, col };
}

/**
 * Parses an address as `Worksheet.getRange` accepts it: `B3`, `A1:G15`, `$A$1`, `A:C`, `3:5`
 * (no sheet prefix; the caller strips and checks it). Throws InvalidArgument.
 */
export function parseAddress(address: string): CellRange {
  const text = address.trim();
  const parts = text.split(':');
  const bad = () =>
    new SimError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format: '${address}'.`,
    );
  if (parts.length > 2 || text === '') throw bad();
  const a = endpoint(parts[0]);
  const b = parts.length === 2 ? endpoint(parts[1]) : a;
  if (!a || !b) throw bad();
  if (parts.length === 1) {
    if (a.row === undefined || a.col === undefined) throw bad();
    return { top: a.row, left: a.col, bottom: a.row, right: a.col };
  }
  const cellLike = (p: { row?: number; col?: number }) => p.row !== undefined && p.col !== undefined;
  if (cellLike(a) && cellLike(b))
    return {
      top: Math.min(a.row!, b.row!),
      left: Math.min(a.col!, b.col!),
      bottom: Math.max(a.row!, b.row!),
      right: Math.max(a.col!, b.col!),
    };
  if (a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined)
    return { top: 0, left: Math.min(a.col, b.col), bottom: MAX_ROWS - 1, right: Math.max(a.col, b.col) };
  if (a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined)
    return { top: Math.min(a.row, b.row), left: 0, bottom: Math.max(a.row, b.row), right: MAX_COLS - 1 };
  throw bad();
}

/** Splits `'My Sheet'!A1:B2` into the sheet name (unquoted) and the address. */
export function splitSheet(address: string): { sheet?: string; address: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { address };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: address.slice(bang + 1) };
}
