/**
 * Writing the standard table (layout.ts's TemplateSpec) into a fresh worksheet, and the hidden list
 * sheet behind its dropdowns. Commands are only queued here; the caller's one sync sends them.
 */

import { columnLetters, rangeA1 } from '../domain/address';
import { cellAt, type CellRange, type Grid } from '../domain/grid';
import {
  buildTemplate,
  LIST_SHEET,
  sheetNameFor,
  TEXT_FORMAT,
  type CellStyle,
  type DataValidationSpec,
  type TemplateCell,
  type TemplateSpec,
} from '../domain/layout';
import { PROFILE_IDS } from '../domain/taxonomy';
import type { TargetTable } from '../domain/types';
import { excelWouldConvert } from './cells';
import type { Support } from './read';
import { INTERNAL_SHEETS_KEY, MARKER_PROPERTY, type InternalRole } from '../domain/settings';

type HAlign = 'General' | 'Left' | 'Center' | 'Right';
type VAlign = 'Top' | 'Center' | 'Bottom';

interface Look {
  font: string | undefined;
  size: number | undefined;
  bold: boolean;
  horizontal: HAlign;
  vertical: VAlign;
  wrap: boolean;
  locked: boolean;
  /** Undefined where the host has no indentLevel (before ExcelApi 1.9). */
  indent: number | undefined;
}

const cap = <T extends string>(s: string): T => (s.charAt(0).toUpperCase() + s.slice(1)) as T;

function lookOf(style: CellStyle, locked: boolean, indent: boolean): Look {
  return {
    font: style.font,
    size: style.fontSize,
    bold: style.bold === true,
    horizontal: style.horizontal ? cap<HAlign>(style.horizontal) : 'General',
    vertical: style.vertical ? cap<VAlign>(style.vertical) : 'Bottom',
    wrap: style.wrap === true,
    locked,
    indent: indent ? (style.indent ?? 0) : undefined,
  };
}

function applyLook(range: Excel.Range, look: Partial<Look>): void {
  const f = range.format;
  if (look.font !== undefined) f.font.name = look.font;
  if (look.size !== undefined) f.font.size = look.size;
  if (look.bold !== undefined) f.font.bold = look.bold;
  if (look.horizontal !== undefined) f.horizontalAlignment = look.horizontal;
  if (look.vertical !== undefined) f.verticalAlignment = look.vertical;
  if (look.wrap !== undefined) f.wrapText = look.wrap;
  if (look.locked !== undefined) f.protection.locked = look.locked;
  if (look.indent !== undefined) f.indentLevel = look.indent;
}

/** The most frequent value of each property: set once on the whole table, then only the exceptions. */
function commonLook(looks: Look[]): Look {
  const keys = Object.keys(looks[0]) as (keyof Look)[];
  const common = {} as Record<keyof Look, unknown>;
  for (const k of keys) {
    const counts = new Map<unknown, number>();
    for (const l of looks) counts.set(l[k], (counts.get(l[k]) ?? 0) + 1);
    common[k] = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  }
  return common as unknown as Look;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** Excel measures column widths in points; a character of the default font is about 7 px wide, plus 5 px padding. */
export function widthInPoints(characters: number): number {
  return ((characters * 7 + 5) * 72) / 96;
}

const single = (row: number, col: number): string =>
  rangeA1({ top: row, left: col, bottom: row, right: col });

/**
 * Queues cells of a spec over the rectangle they cover: number formats (and values, when asked),
 * merges, fonts, alignment, protection, borders. Text that Excel would turn into a number, date or
 * formula is written into a text-formatted cell, so it stays as the spec says.
 */
export function queueCells(
  ws: Excel.Worksheet,
  cells: readonly TemplateCell[],
  merges: readonly CellRange[],
  options: { values: boolean; indent: boolean },
): void {
  if (cells.length === 0) return;
  const box = {
    top: Math.min(...cells.map((c) => c.row)),
    left: Math.min(...cells.map((c) => c.col)),
    bottom: Math.max(...cells.map((c) => c.row)),
    right: Math.max(...cells.map((c) => c.col)),
  };
  const height = box.bottom - box.top + 1;
  const width = box.right - box.left + 1;
  const formats: string[][] = Array.from({ length: height }, () => Array<string>(width).fill('General'));
  const values: string[][] = Array.from({ length: height }, () => Array<string>(width).fill(''));
  for (const c of cells) {
    const value = options.values ? (c.value ?? '') : '';
    values[c.row - box.top][c.col - box.left] = value;
    formats[c.row - box.top][c.col - box.left] =
      value && c.numberFormat !== TEXT_FORMAT && excelWouldConvert(value) ? TEXT_FORMAT : c.numberFormat;
  }
  const whole = ws.getRange(rangeA1(box));
  whole.numberFormat = formats;
  if (options.values) whole.values = values;
  for (const m of merges) ws.getRange(rangeA1(m)).merge(false);

  const looks = cells.map((c) => lookOf(c.style, c.locked, options.indent));
  const common = commonLook(looks);
  applyLook(whole, common);
  cells.forEach((c, i) => {
    const look = looks[i];
    const diff: Partial<Look> = {};
    for (const k of Object.keys(look) as (keyof Look)[])
      if (look[k] !== common[k]) (diff as Record<string, unknown>)[k] = look[k];
    if (Object.keys(diff).length > 0) applyLook(ws.getRange(single(c.row, c.col)), diff);
  });

  const bordered = cells.filter((c) => c.style.border);
  if (bordered.length === width * height) {
    const inside = [
      ...(width > 1 ? ['InsideVertical' as const] : []),
      ...(height > 1 ? ['InsideHorizontal' as const] : []),
    ];
    for (const edge of [...EDGES, ...inside]) whole.format.borders.getItem(edge).style = 'Continuous';
  } else {
    for (const c of bordered) {
      const cell = ws.getRange(single(c.row, c.col));
      for (const edge of EDGES) cell.format.borders.getItem(edge).style = 'Continuous';
    }
  }
}

/** The template's dropdowns; whatever validation the ranges had is replaced. */
export function queueDataValidations(ws: Excel.Worksheet, validations: readonly DataValidationSpec[]): void {
  for (const dv of validations) {
    const v = ws.getRange(dv.range).dataValidation;
    v.clear();
    v.rule = { list: { inCellDropDown: true, source: dv.list } };
    v.errorAlert = { showAlert: dv.showErrorAlert, style: 'Information', title: '', message: '' };
    if (dv.prompt) v.prompt = { showPrompt: true, title: '', message: dv.prompt };
  }
}

const setRowHeight = (ws: Excel.Worksheet, row: number, points: number): void => {
  ws.getRange(`${row + 1}:${row + 1}`).format.rowHeight = points;
};

/** Queues the whole table: contents and formats, merges, sizes, print settings, dropdowns, rules. */
export function queueTemplate(ws: Excel.Worksheet, spec: TemplateSpec, support: Support): void {
  queueCells(ws, spec.cells, spec.merges, { values: true, indent: support.pageLayout });
  queueCells(ws, spec.extraCells, [], { values: true, indent: support.pageLayout });
  spec.columnWidths.forEach((chars, i) => {
    const col = columnLetters(spec.left + i);
    ws.getRange(`${col}:${col}`).format.columnWidth = widthInPoints(chars);
  });
  for (const { row, height } of spec.rowHeights) setRowHeight(ws, row, height);

  if (support.pageLayout) {
    const page = ws.pageLayout;
    page.orientation = spec.print.orientation === 'portrait' ? 'Portrait' : 'Landscape';
    page.paperSize = 'A4';
    page.centerHorizontally = spec.print.centerHorizontally;
    page.zoom = { horizontalFitToPages: spec.print.fitToWidth, verticalFitToPages: spec.print.fitToHeight };
  }
  if (support.dataValidation) queueDataValidations(ws, spec.dataValidations);
  if (support.conditionalFormats) queueTemplateRules(ws, spec);
}

/**
 * A new, empty indicator row at `row` of a template table, formatted as the template formats its
 * indicator rows. `spec` is the table's spec with the new row counted in.
 */
export function queueIndicatorRow(
  ws: Excel.Worksheet,
  spec: TemplateSpec,
  row: number,
  support: Support,
): void {
  const first = spec.indicatorBlock.firstRow;
  const cells = spec.cells.filter((c) => c.row === first).map((c) => ({ ...c, row }));
  const merges = spec.merges
    .filter((m) => m.top === first && m.bottom === first)
    .map((m) => ({ ...m, top: row, bottom: row }));
  queueCells(ws, cells, merges, { values: false, indent: support.pageLayout });
  const height = spec.rowHeights.find((h) => h.row === first)?.height;
  if (height !== undefined) setRowHeight(ws, row, height);
  if (support.dataValidation) queueDataValidations(ws, spec.dataValidations);
}

/** The template's own highlighting rules (SPEC §1), as layout.ts writes them. */
export function queueTemplateRules(ws: Excel.Worksheet, spec: TemplateSpec): void {
  for (const rule of spec.conditionalFormats) {
    const cf = ws.getRange(rule.range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = `=${rule.formula}`;
    cf.custom.format.fill.color = rule.fill;
  }
}

/** Every profile's dropdown lists, one column each, in a fixed order so that names keep their columns. */
function allLists(): { name: string; values: string[] }[] {
  const seen = new Map<string, string[]>();
  for (const profile of PROFILE_IDS)
    for (const list of buildTemplate({ profile }).lists)
      if (!seen.has(list.name)) seen.set(list.name, list.values);
  return [...seen].map(([name, values]) => ({ name, values }));
}

/** Marks a sheet as the add-in's own: a sheet custom property where there are some, and always the workbook setting. */
export function queueMarker(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  name: string,
  role: InternalRole,
  internal: Record<string, InternalRole>,
  support: Support,
): Record<string, InternalRole> {
  if (support.sheetCustomProperties) ws.customProperties.add(MARKER_PROPERTY, role);
  const next = { ...internal, [name]: role };
  ctx.workbook.settings.add(INTERNAL_SHEETS_KEY, JSON.stringify(next));
  return next;
}

/**
 * The hidden list sheet and its defined names, created once: when a name the template needs is
 * missing (or broken, its sheet deleted), the lists are (re)written in their fixed columns and the
 * names added. `own` is the add-in's list sheet when the workbook has one. A user's sheet that only
 * bears the list sheet's name is never written: the lists then go to a new sheet under a free name.
 * Returns the list sheet it adds, if any.
 */
export function queueLists(
  ctx: Excel.RequestContext,
  names: readonly Excel.NamedItem[],
  own: string | undefined,
  sheetNames: readonly string[],
  internal: Record<string, InternalRole>,
  support: Support,
): Excel.Worksheet | undefined {
  const lists = allLists();
  const usable = new Map(names.map((n) => [n.name.toLowerCase(), n]));
  for (const [key, n] of usable) if (String(n.formula).includes('#REF!')) usable.delete(key);
  const missing = lists.filter((l) => !usable.has(l.name.toLowerCase()));
  if (missing.length === 0) return undefined;
  for (const n of names) if (missing.some((l) => l.name.toLowerCase() === n.name.toLowerCase())) n.delete();
  let ws: Excel.Worksheet;
  let added: Excel.Worksheet | undefined;
  if (own !== undefined) ws = ctx.workbook.worksheets.getItem(own);
  else {
    const taken = sheetNames.some((n) => n.toLowerCase() === LIST_SHEET.toLowerCase());
    const name = taken ? sheetNameFor(LIST_SHEET, [...sheetNames]) : LIST_SHEET;
    ws = added = ctx.workbook.worksheets.add(name);
    ws.visibility = 'Hidden';
    queueMarker(ctx, ws, name, 'lists', internal, support);
  }
  lists.forEach((list, i) => {
    const col = columnLetters(i);
    const range = ws.getRange(`${col}1:${col}${list.values.length}`);
    range.numberFormat = list.values.map(() => [TEXT_FORMAT]);
    range.values = list.values.map((v) => [v]);
    if (missing.includes(list)) ctx.workbook.names.add(list.name, range);
  });
  return added;
}

/**
 * A new row of a table the template did not make: the number formats and the single-row merges of
 * the row it follows (Excel's insert already carries that row's fonts, fills and borders down).
 */
export function queueForeignRow(
  ws: Excel.Worksheet,
  grid: Grid,
  table: TargetTable,
  source: number,
  row: number,
): void {
  if (source > table.bottom) return;
  const formats = [];
  for (let col = table.left; col <= table.right; col++)
    formats.push(cellAt(grid, source, col)?.numberFormat ?? 'General');
  ws.getRange(`${columnLetters(table.left)}${row + 1}:${columnLetters(table.right)}${row + 1}`).numberFormat =
    [formats];
  for (const m of grid.merges)
    if (m.top === source && m.bottom === source && m.left >= table.left && m.right <= table.right)
      ws.getRange(`${columnLetters(m.left)}${row + 1}:${columnLetters(m.right)}${row + 1}`).merge(false);
}
