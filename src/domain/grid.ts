/**
 * The plain grid every source (Excel, an .xlsx file, the preview's simulator) is turned into.
 * Rows and columns are 0-based and absolute (row 0 = sheet row 1, col 0 = column A).
 */

export interface GridCell {
  /**
   * What the cell holds: text, number or boolean; null when empty.
   * An error value is its text (`#REF!`) with `error: true`; a date is an Excel serial number with
   * `date: true`. For a formula cell this is the formula's last computed value (may be null).
   */
  value: string | number | boolean | null;
  error?: boolean;
  date?: boolean;
  /** The formula text, starting with `=`, when the cell holds a formula. */
  formula?: string;
  /** Excel's number format code (`General`, `@`, `0.00`, `0.00%` …). */
  numberFormat?: string;
  /**
   * The source holds nothing but text (a Word table): a number written as text is simply how it is
   * written there, not a number stored as text.
   */
  textOnly?: boolean;
}

/** An inclusive rectangle of cells, 0-based and absolute. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /**
   * Absolute position of cells[0][0] (the used range's top-left corner). Rows above 0 (a negative
   * `top`) are the lines of text right above a table in a document (its caption, the unit line): they
   * belong to the table but are no cell, and no table range starts above row 0.
   */
  top: number;
  left: number;
  /** cells[r][c] is the cell at absolute row top+r, column left+c; rows may be ragged, holes are empty. */
  cells: (GridCell | undefined)[][];
  merges: CellRange[];
  /** True for sheets the add-in made for itself (the 汇总 sheet, the hidden list sheet): never read as tables. */
  internal?: boolean;
  /** Sheet visibility as the source reports it. */
  hidden?: boolean;
  /**
   * Rows and columns (absolute, 0-based) hidden in the sheet, when the source reports them (an .xlsx
   * file, Excel): at least those that hold something. The reader reads them as written, and names
   * those that hold something inside a table (table/hidden-content).
   */
  hiddenRows?: readonly number[];
  hiddenCols?: readonly number[];
  /**
   * The money unit the document stated before this grid (a `单位：元` paragraph or table above an
   * earlier table of a Word document): the unit of its tables that state none, as a unit line
   * stated once counts for every table under it on a sheet. Absent: 万元.
   */
  unitAbove?: 1 | 0.0001;
}

/** The cell at an absolute position, or undefined when empty or outside the grid. Merges are not resolved. */
export function cellAt(grid: Grid, row: number, col: number): GridCell | undefined {
  const r = grid.cells[row - grid.top];
  return r ? r[col - grid.left] : undefined;
}

/** The merge that covers an absolute position, if any. */
export function mergeAt(grid: Grid, row: number, col: number): CellRange | undefined {
  for (const m of grid.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}

/** Absolute index of the last row (inclusive) the grid holds; top - 1 when empty. */
export function lastRow(grid: Grid): number {
  return grid.top + grid.cells.length - 1;
}

/** Absolute index of the last column (inclusive) any row reaches; left - 1 when empty. */
export function lastCol(grid: Grid): number {
  let w = 0;
  for (const r of grid.cells) if (r && r.length > w) w = r.length;
  return grid.left + w - 1;
}

/**
 * True for a character String.prototype.trim never removes: printable ASCII, CJK ideographs and
 * full-width forms — how nearly every cell's text begins and ends. The reader asks whether cells are
 * blank and what they say hundreds of times a table; these skip the call to trim for them.
 */
function neverTrimmed(code: number): boolean {
  return (
    (code > 0x20 && code < 0x7f) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xff01 && code <= 0xff5e)
  );
}

/** True when the cell holds nothing a user typed (no value, or blank text) and no formula. */
export function isBlank(cell: GridCell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula) return false;
  const value = cell.value;
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  return !(value.length > 0 && neverTrimmed(value.charCodeAt(0))) && value.trim() === '';
}

/** The cell's content as text, trimmed: what a reader of the printed table would see, roughly. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return '';
  if (typeof cell.value === 'string') {
    const text = cell.value;
    // Nothing to trim at either end: the text as it is (trim would return it unchanged).
    if (text.length > 0 && neverTrimmed(text.charCodeAt(0)) && neverTrimmed(text.charCodeAt(text.length - 1)))
      return text;
    return text.trim();
  }
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  if (cell.date) return serialDateText(cell.value) ?? String(cell.value);
  return String(cell.value);
}

/** 1899-12-30, day 0 of Excel's 1900 date system (its phantom 1900-02-29 included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * An Excel date serial as a Chinese table writes the date (`2025年12月31日`); the time of day is
 * dropped (a deadline in a 指标值 is a day). Undefined outside 1900–9999.
 */
export function serialDateText(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** A grid built from literal rows, for tests and fixtures. `null`/`undefined`/'' cells are empty. */
export function gridFromRows(
  sheet: string,
  rows: (string | number | boolean | null | undefined | GridCell)[][],
  options: { top?: number; left?: number; merges?: CellRange[]; internal?: boolean } = {},
): Grid {
  const cells = rows.map((row) =>
    row.map((v): GridCell | undefined => {
      if (v === null || v === undefined || v === '') return undefined;
      if (typeof v === 'object') return v;
      return { value: v };
    }),
  );
  return {
    sheet,
    top: options.top ?? 0,
    left: options.left ?? 0,
    cells,
    merges: options.merges ?? [],
    internal: options.internal,
  };
}
