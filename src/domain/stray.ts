/**
 * Indicator rows a sheet (or a Word document's table) begins with, that no table read: the rest of a
 * table cut off at a page. A PDF turned into a workbook or a document makes one table a page, and
 * the page after the first holds indicator rows without the header that says which column is which;
 * when its columns do not line up with the page before (so the document reader could not join the
 * two), those rows belong to no table. They are named on the table they seem to continue (the
 * table/stray-rows rule), never dropped without a word (SPEC §5: what cannot be read is said).
 */

import { rangeA1, toA1 } from './address';
import { cellText, lastCol, lastRow, mergeAt, type Grid, type GridCell } from './grid';
import { classifyKey, isFooterKey, isTitleKey, isYearLine, labelKey } from './lexicon';
import { isKnownLevel1, isKnownLevel2, levelKey } from './taxonomy';
import type { StrayRows, TargetTable } from './types';

/** A line between two pieces of one table: `续表`, `（续）`, a page number (`- 2 -`, `第2页`, `2/5`). */
export function betweenPieces(line: string): boolean {
  return BETWEEN.test(line.replace(/\s+/g, ' ').trim());
}

const BETWEEN =
  /^(?:[（(]?续(?:表\s*\d*)?[)）]?\s*[:：]?|[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|page\s*\d{1,3}(?:\s*of\s*\d{1,3})?)$/iu;

interface Row {
  row: number;
  /** The row's filled cells: column and text. */
  cells: { col: number; cell: GridCell; text: string }[];
}

function rowAt(grid: Grid, row: number): Row {
  const line = grid.cells[row - grid.top] ?? [];
  const cells: Row['cells'] = [];
  line.forEach((cell, i) => {
    const text = cellText(cell);
    if (cell && text !== '') cells.push({ col: grid.left + i, cell, text });
  });
  return { row, cells };
}

/**
 * A level's name alone in its cell (`产出指标`, `数量指标`), as an indicator row begins: a name of
 * the standard's, one of `names` (the 一级 and 二级 of the table the rows may continue, `产出值`), or a
 * short name ending in 指标.
 */
function namesLevel(text: string, names: ReadonlySet<string>): boolean {
  if (text.length > 16) return false;
  const key = levelKey(text);
  // A category a form names its own way (`资金管理指标`, `过程管理指标`): a short name ending in 指标.
  return (
    isKnownLevel2(text) ||
    isKnownLevel1(text) ||
    names.has(key) ||
    (key.length <= 10 && /\p{Script=Han}{2,}指标$/u.test(key))
  );
}

/** A form's own words (项目名称, 一级指标, 指标值, 年度资金总额 …) or a signature line: no indicator row. */
function isLabel(text: string): boolean {
  if (text.length > 40) return false;
  const key = labelKey(text);
  // A signature line ends the rows; a row of dots (`……`, a place left for more indicators) does not.
  return classifyKey(key) !== undefined || (/\p{Script=Han}/u.test(key) && isFooterKey(key));
}

/**
 * A row's one cell as a line of its own: the next table's title or year line (`省级部门预算项目支出
 * 绩效目标`, `（2023年度）`), a cell merged across most of the row — no indicator's.
 */
function lineAcross(grid: Grid, row: Row, width: number): boolean {
  const only = row.cells[0];
  if (!only) return false;
  const key = labelKey(only.text);
  if (isTitleKey(key) || isYearLine(key)) return true;
  const m = mergeAt(grid, row.row, only.col);
  return m !== undefined && (m.right - m.left + 1) * 2 > width;
}

/**
 * The indicator rows the grid begins with, before its first table (or anywhere, when it has none):
 * after blank lines and a `续表` or page-number line only, the filled rows up to a blank one, a title
 * line, or a row that begins with a form's label or holds two (a header); one of them at least
 * naming a level (产出指标, 数量指标 …) with two more cells right of it (the rows under a level merged
 * from the page before name none: `| | 指标2 | ≥90% |`). A sheet that begins with its own title, a
 * header or a project is no such rest: undefined.
 */
export function strayIndicatorRows(
  grid: Grid,
  tables: readonly TargetTable[],
  names: ReadonlySet<string> = new Set(),
): StrayRows | undefined {
  if (grid.internal || grid.cells.length === 0) return undefined;
  const end = Math.min(lastRow(grid), ...tables.map((t) => t.top - 1));
  // Rows above 0 are a Word table's caption lines, no rows of it.
  let r = Math.max(grid.top, 0);
  for (; r <= end; r++) {
    const { cells } = rowAt(grid, r);
    if (cells.length === 0) continue;
    if (cells.length === 1 && betweenPieces(cells[0]?.text ?? '')) continue;
    break;
  }
  const rows: Row[] = [];
  let named = false;
  const width = lastCol(grid) - grid.left + 1;
  for (; r <= end; r++) {
    const row = rowAt(grid, r);
    // A row that begins with a form's words (项目名称 …) or holds several (a header) ends them; an
    // indicator may be named like a label (`完成时间`, `项目总成本`) after its level.
    const labels = row.cells.filter((c) => isLabel(c.text)).length;
    if (row.cells.length === 0 || labels > 1 || (row.cells[0] && isLabel(row.cells[0].text))) break;
    if (row.cells.length === 1 && lineAcross(grid, row, width)) break;
    if (row.cells.some((c, i) => namesLevel(c.text, names) && row.cells.length - i >= 3)) named = true;
    rows.push(row);
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!named || !first || !last) return undefined;
  const left = Math.min(...rows.map((x) => x.cells[0]?.col ?? grid.left));
  const right = Math.max(...rows.map((x) => x.cells[x.cells.length - 1]?.col ?? grid.left));
  const at = first.cells[0];
  if (!at) return undefined;
  return {
    sheet: grid.sheet,
    range: rangeA1({ top: first.row, left, bottom: last.row, right }),
    cell: { cell: toA1(first.row, at.col), row: first.row, col: at.col, raw: at.cell, text: at.text },
    rows: rows.length,
    last: last.row,
  };
}

/**
 * Follows a file's sheets in order as their tables are listed: the stray rows a sheet begins with
 * are named (`continuedIn`) on the last table listed before them, when it continues on that sheet.
 */
export class Continuations {
  private last: { index: number; grid: Grid; document: string | undefined } | undefined;

  /**
   * `own`, the tables of `grid`, are about to be appended to `tables`; the table they may continue is
   * replaced in `tables` by a copy naming the rows. Sheets of another `document` continue nothing.
   */
  next(tables: TargetTable[], grid: Grid, own: readonly TargetTable[], document?: string): void {
    const last = this.last;
    const before = last && last.document === document ? tables[last.index] : undefined;
    const stray = last && before && continuationIn(before, last.grid, grid, own);
    if (last && before && stray) tables[last.index] = { ...before, continuedIn: stray };
    if (own.length > 0) this.last = { index: tables.length + own.length - 1, grid, document };
  }
}

/**
 * The stray rows `grid` begins with that continue `previous`, the last table of the sheet before it
 * in the same file: a table with an indicator block that nothing follows on its sheet.
 */
function continuationIn(
  previous: TargetTable,
  previousGrid: Grid,
  grid: Grid,
  tables: readonly TargetTable[],
): StrayRows | undefined {
  if (previous.indicatorHeader === undefined || !endsGrid(previousGrid, previous)) return undefined;
  return strayIndicatorRows(grid, tables, levelNames(previous));
}

/** The 一级 and 二级 names a table's indicators are filed under, as levelKey compares them. */
function levelNames(table: TargetTable): Set<string> {
  const names = new Set<string>();
  for (const i of table.indicators)
    for (const f of [i.level1, i.level2]) if (f.text !== '') names.add(levelKey(f.text));
  return names;
}

/**
 * True when nothing but short single-cell lines (a page number, a signature, a date) follows the
 * table on its sheet: the table may go on beyond it.
 */
function endsGrid(grid: Grid, table: TargetTable): boolean {
  for (let r = table.bottom + 1; r <= lastRow(grid); r++) {
    const { cells } = rowAt(grid, r);
    if (cells.length > 1 || (cells[0] !== undefined && cells[0].text.length > 40)) return false;
  }
  return true;
}
