/**
 * Rewriting references inside formula text, as Excel does when rows or columns are inserted or
 * deleted, a sheet is renamed or deleted, or a conditional format's formula is re-anchored.
 */

import { columnLetters } from '../../domain/address';
import type { CellRange } from '../../domain/grid';
import { type CellPart, MAX_COLS, MAX_ROWS, type RefPart, tokenize } from './lexer';

/** Excel quotes a sheet name in a reference unless it is a plain name that cannot be read as a cell. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^(R|C|RC|R\d+C\d+|TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

function cellText(p: CellPart): string {
  return `${p.colAbs ? '$' : ''}${columnLetters(p.col)}${p.rowAbs ? '$' : ''}${p.row + 1}`;
}

export function refText(ref: RefPart): string {
  const prefix = ref.sheet !== undefined ? `${quoteSheetName(ref.sheet)}!` : '';
  switch (ref.kind) {
    case 'cell':
      return prefix + cellText(ref.a);
    case 'range':
      return `${prefix}${cellText(ref.a)}:${cellText(ref.b)}`;
    case 'cols':
      return `${prefix}${ref.a.colAbs ? '$' : ''}${columnLetters(ref.a.col)}:${ref.b.colAbs ? '$' : ''}${columnLetters(ref.b.col)}`;
    case 'rows':
      return `${prefix}${ref.a.rowAbs ? '$' : ''}${ref.a.row + 1}:${ref.b.rowAbs ? '$' : ''}${ref.b.row + 1}`;
  }
}

/**
 * Replaces every reference through `fn` (null → `#REF!`), keeping the rest of the text; function
 * names, references and TRUE/FALSE come out upper-case, as Excel stores them.
 */
export function mapRefs(formula: string, fn: (ref: RefPart) => RefPart | null): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  let out = '';
  for (const t of tokenize(body)) {
    const text = body.slice(t.start, t.end);
    if (t.type === 'ref') {
      const next = fn(t.ref);
      out += next === null ? '#REF!' : next === t.ref ? upperRef(text) : refText(next);
    } else if (t.type === 'func') out += text.toUpperCase();
    else if (t.type === 'ident' && /^(true|false)$/i.test(text)) out += text.toUpperCase();
    else out += text;
  }
  return formula.startsWith('=') ? `=${out}` : out;
}

function upperRef(text: string): string {
  const bang = text.lastIndexOf('!');
  return bang < 0 ? text.toUpperCase() : text.slice(0, bang + 1) + text.slice(bang + 1).toUpperCase();
}

/** Excel's stored spelling of a formula: upper-case function names and references. */
export function normalizeFormula(formula: string): string {
  return mapRefs(formula, (r) => r);
}

/** Moves relative references by (dr, dc), as when a formula is copied; off-sheet references become `#REF!`. */
export function shiftRelative(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return mapRefs(formula, (ref) => {
    const move = (p: CellPart, full: 'rows' | 'cols' | undefined): CellPart | null => {
      const row = p.rowAbs || full === 'cols' ? p.row : p.row + dr;
      const col = p.colAbs || full === 'rows' ? p.col : p.col + dc;
      if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return null;
      return { ...p, row, col };
    };
    const full = ref.kind === 'cols' ? 'cols' : ref.kind === 'rows' ? 'rows' : undefined;
    const a = move(ref.a, full);
    const b = move(ref.b, full);
    return a && b ? { ...ref, a, b } : null;
  });
}

/** Rows or columns inserted (count > 0) or deleted (count < 0) at `at`, across `span` of the other axis. */
export interface ShiftOp {
  sheet: string;
  axis: 'rows' | 'cols';
  at: number;
  count: number;
  /** The affected band on the other axis (whole rows/columns: 0…max). */
  span: [number, number];
}

function shiftInterval(lo: number, hi: number, op: ShiftOp): [number, number] | null {
  if (op.count > 0) {
    const max = op.axis === 'rows' ? MAX_ROWS - 1 : MAX_COLS - 1;
    const nlo = lo >= op.at ? lo + op.count : lo;
    const nhi = hi >= op.at ? Math.min(hi + op.count, max) : hi;
    if (nlo > max) return null;
    return [nlo, nhi];
  }
  const n = -op.count;
  const end = op.at + n - 1;
  if (lo >= op.at && hi <= end) return null;
  const nlo = lo < op.at ? lo : lo > end ? lo - n : op.at;
  const nhi = hi < op.at ? hi : hi > end ? hi - n : op.at - 1;
  return [nlo, nhi];
}

/** A rectangle after the shift, or null when it was deleted entirely; unchanged when outside the band. */
export function shiftRange(r: CellRange, op: ShiftOp): CellRange | null {
  if (op.axis === 'rows') {
    if (r.left < op.span[0] || r.right > op.span[1]) return r;
    const rows = shiftInterval(r.top, r.bottom, op);
    return rows ? { ...r, top: rows[0], bottom: rows[1] } : null;
  }
  if (r.top < op.span[0] || r.bottom > op.span[1]) return r;
  const cols = shiftInterval(r.left, r.right, op);
  return cols ? { ...r, left: cols[0], right: cols[1] } : null;
}

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Adjusts a formula living on `hostSheet` for a row/column shift on `op.sheet`. */
export function shiftFormula(formula: string, hostSheet: string, op: ShiftOp): string {
  return mapRefs(formula, (ref) => {
    if (!sameSheet(ref.sheet ?? hostSheet, op.sheet)) return ref;
    if ((op.axis === 'rows' && ref.kind === 'cols') || (op.axis === 'cols' && ref.kind === 'rows'))
      return ref;
    const rect = { top: ref.a.row, left: ref.a.col, bottom: ref.b.row, right: ref.b.col };
    const moved = shiftRange(rect, op);
    if (moved === null) return null;
    if (moved === rect) return ref;
    return {
      ...ref,
      a: { ...ref.a, row: moved.top, col: moved.left },
      b: { ...ref.b, row: moved.bottom, col: moved.right },
    };
  });
}

/** Points references to `from` at `to` instead (a renamed sheet), or at `#REF!` when `to` is null (deleted). */
export function renameSheetInFormula(formula: string, from: string, to: string | null): string {
  return mapRefs(formula, (ref) => {
    if (ref.sheet === undefined || !sameSheet(ref.sheet, from)) return ref;
    return to === null ? null : { ...ref, sheet: to };
  });
}

/** True when the formula mentions `sheet` by name. */
export function mentionsSheet(formula: string, sheet: string): boolean {
  let found = false;
  try {
    mapRefs(formula, (ref) => {
      if (ref.sheet !== undefined && sameSheet(ref.sheet, sheet)) found = true;
      return ref;
    });
  } catch {
    return false;
  }
  return found;
}
