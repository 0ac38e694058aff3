/** A1-style addresses, 0-based row/column indices. */

import type { CellRange } from './grid';

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `toA1(0, 0)` = `A1`. */
export function toA1(row: number, col: number): string {
  return `${lettersOf(col)}${row + 1}`;
}

/** The letters of the columns addressed so far: every field of every table names its cell. */
const LETTERS: string[] = [];
function lettersOf(col: number): string {
  if (col < 0 || col > 16_383 || !Number.isInteger(col)) return columnLetters(col);
  const kept = LETTERS[col];
  if (kept !== undefined) return kept;
  const letters = columnLetters(col);
  LETTERS[col] = letters;
  return letters;
}

/** `rangeA1({top:0,left:0,bottom:14,right:6})` = `A1:G15`; a single cell gives `A1`. */
export function rangeA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** `parseA1('F12')` = { row: 11, col: 5 }; accepts `$` anchors; throws on anything else. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1] ?? '') };
}

/** `parseRangeA1('A1:G15')`; a single cell gives a 1×1 range. Accepts an optional `Sheet!` prefix. */
export function parseRangeA1(address: string): CellRange {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = bare.split(':');
  const p = parseA1(a ?? '');
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Quote a sheet name for use in a formula or address (`'My Sheet'!A1`). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
