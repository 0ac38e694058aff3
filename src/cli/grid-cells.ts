/**
 * What both readers of an .xlsx make of its cells (src/cli/read-xlsx.ts from exceljs's worksheets,
 * src/cli/xlsx-direct.ts from the guard's pass): a cell's value as grid fields, and a sheet's cells
 * laid out as a Grid.
 */

import type { CellRange, Grid, GridCell } from '../domain/grid';

const DAY_MS = 86_400_000;
/** 1899-12-30, Excel's day 0 in the 1900 date system (its phantom 1900-02-29 included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function toSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

function richText(v: unknown): string | undefined {
  if (v && typeof v === 'object' && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text?: unknown }[] }).richText
      .map((r) => (typeof r.text === 'string' ? r.text : ''))
      .join('');
  }
  return undefined;
}

/** A value exceljs returns (plain, rich text, hyperlink, error, date, formula result) → GridCell fields. */
export function plainValue(v: unknown): Pick<GridCell, 'value' | 'error' | 'date'> {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) {
    const serial = toSerial(v);
    return Number.isFinite(serial) ? { value: serial, date: true } : { value: null };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const rich = richText(v);
    if (rich !== undefined) return { value: rich };
    if (typeof o.error === 'string') return { value: o.error, error: true };
    // A linked cell: exceljs keeps what the cell held as the link's text, a number or a date too.
    if ('hyperlink' in o || 'text' in o) return plainValue(o.text);
  }
  return { value: null };
}

/** A cell's grid fields at its 0-based row and column. */
export interface PlacedCell {
  r: number;
  c: number;
  g: GridCell;
}

/**
 * The grid of a sheet's cells (a later cell at the same place replaces an earlier one) and merged
 * areas: it starts at the first row and column either reaches and ends at the last row.
 */
export function assembleGrid(
  sheet: string,
  placed: readonly PlacedCell[],
  merges: CellRange[],
  hidden: boolean,
  /** Whether a row or column (0-based) is hidden in the sheet; the grid lists those that hold a cell. */
  lines?: { row: (r: number) => boolean; col: (c: number) => boolean },
): Grid {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  for (const { r, c } of placed) {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
  }
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
  }
  if (!Number.isFinite(top)) {
    top = 0;
    left = 0;
    bottom = -1;
  }
  const cells: (GridCell | undefined)[][] = [];
  for (let r = top; r <= bottom; r++) cells.push([]);
  for (const { r, c, g } of placed) cells[r - top][c - left] = g;
  const grid: Grid = { sheet, top, left, cells, merges };
  if (hidden) grid.hidden = true;
  if (lines) {
    // Each row and column that holds a cell asked once, not once a cell.
    const rows = new Set<number>();
    const cols = new Set<number>();
    for (const { r, c } of placed) {
      rows.add(r);
      cols.add(c);
    }
    const hiddenRows = [...rows].filter(lines.row).sort((a, b) => a - b);
    const hiddenCols = [...cols].filter(lines.col).sort((a, b) => a - b);
    if (hiddenRows.length) grid.hiddenRows = hiddenRows;
    if (hiddenCols.length) grid.hiddenCols = hiddenCols;
  }
  return grid;
}
