/**
 * The simulated workbook's state and every change Excel would make to it, with Excel's rules:
 * protection, merges, data entry conversions, references that follow inserted and deleted cells,
 * recalculation, conditional formats as displayed. The API layer (src/sim/api) queues calls and
 * applies them here at sync; user edits in the preview apply here directly.
 */

import { SimError } from '../errors';
import { type EvalHost, type SheetKey, evaluateFormula, isTruthy } from '../formula/evaluate';
import { FormulaSyntaxError, MAX_COLS, MAX_ROWS } from '../formula/lexer';
import { parseFormula } from '../formula/parser';
import {
  type ShiftOp,
  normalizeFormula,
  renameSheetInFormula,
  shiftFormula,
  shiftRange,
  shiftRelative,
} from '../formula/rewrite';
import { type Entry, interpretEntry } from '../input';
import { checkCellText, checkFormulaLimits } from '../limits';
import { displayText } from '../numfmt';
import { type Scalar, err } from '../values';
import {
  type Border,
  type CellFormat,
  type Edge,
  STANDARD_HEIGHT,
  STANDARD_WIDTH,
  isEmptyFormat,
} from './format';
import {
  type CellRange,
  cellCount,
  colsOf,
  contains,
  containsCell,
  intersect,
  isEntireCols,
  isEntireRows,
  qualifiedA1,
  rowsOf,
  subtract,
} from './rects';
import {
  type Cell,
  type ConditionalFormatModel,
  type DataValidationModel,
  type DataValidationRuleModel,
  SheetModel,
  type Visibility,
  cellKey,
  keyCol,
  keyRow,
} from './sheet';

export type ChangeType =
  | 'RangeEdited'
  | 'RowInserted'
  | 'RowDeleted'
  | 'ColumnInserted'
  | 'ColumnDeleted'
  | 'CellInserted'
  | 'CellDeleted';

/** Who made a change: the add-in through the API, the user at the keyboard, or a co-author. */
export interface Actor {
  source: 'Local' | 'Remote';
  trigger: 'ThisLocalAddin' | 'Unknown';
}

export const ADDIN: Actor = { source: 'Local', trigger: 'ThisLocalAddin' };
export const USER: Actor = { source: 'Local', trigger: 'Unknown' };
export const COAUTHOR: Actor = { source: 'Remote', trigger: 'Unknown' };

export interface ChangeRecord {
  sheet: SheetModel;
  rect: CellRange;
  changeType: ChangeType;
  actor: Actor;
  details?: { valueBefore: Scalar; valueAfter: Scalar };
}

export type StructureRecord =
  | { kind: 'added' | 'deleted'; sheet: SheetModel; actor: Actor }
  | { kind: 'activated' | 'deactivated'; sheet: SheetModel; actor: Actor }
  | { kind: 'selectionChanged'; sheet: SheetModel; actor: Actor; rect: CellRange };

export interface NameModel {
  name: string;
  /** `=Sheet1!$A$1:$B$3`, or a constant formula (`="text"`, `=42`). */
  formula: string;
  comment: string;
  visible: boolean;
  scope: SheetModel | null;
}

const MAX_WRITE_CELLS = 5_000_000;
const INVALID_SHEET_CHARS = /[:\\/?*[\]]/;

export function typeOfValue(v: Scalar): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  if (v === null) return 'Empty';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'Error';
}

function invalid(message: string): SimError {
  return new SimError('InvalidArgument', message);
}

/** A formula as Excel stores it, or InvalidArgument when Excel would refuse it. */
export function checkedFormula(formula: string): string {
  try {
    checkFormulaLimits(formula, parseFormula(formula));
    return normalizeFormula(formula);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) throw invalid(`There's a problem with this formula: ${formula}`);
    throw e;
  }
}

function mapRuleFormulas(rule: Record<string, unknown>, fn: (f: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rule)) {
    if (typeof v === 'string' && v.startsWith('=')) out[k] = fn(v);
    else if (v && typeof v === 'object' && !Array.isArray(v))
      out[k] = mapRuleFormulas(v as Record<string, unknown>, fn);
    else out[k] = v;
  }
  return out;
}

export class WorkbookModel implements EvalHost {
  sheets: SheetModel[] = [];
  activeSheetId = '';
  selection: { sheetId: string; rect: CellRange } = {
    sheetId: '',
    rect: { top: 0, left: 0, bottom: 0, right: 0 },
  };
  names: NameModel[] = [];
  /** Workbook (structure) protection: no sheet may be added, deleted, renamed, moved, hidden or shown. */
  structureProtection: { protected: boolean; password?: string } = { protected: false };
  readonly settings = new Map<string, unknown>();
  changes: ChangeRecord[] = [];
  structure: StructureRecord[] = [];
  /** Increments on every change, so that a view knows to redraw. */
  version = 0;
  private dirty = true;
  private epoch = 0;
  private sheetSerial = 0;
  private cfSerial = 0;
  private readonly computing = new Set<Cell>();

  constructor(sheetNames: string[]) {
    for (const n of sheetNames) this.addSheet(n, ADDIN, true);
    const first = this.sheets[0];
    if (first) {
      this.activeSheetId = first.id;
      this.selection = { sheetId: first.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    }
    this.structure = [];
  }

  touch(): void {
    this.version++;
    this.dirty = true;
  }

  // ---- sheets ----

  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** `getItem(key)`: a sheet by name or by id. */
  sheetByKey(key: string): SheetModel | undefined {
    return this.sheetByName(key) ?? this.sheetById(key);
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0];
  }

  private guardStructure(): void {
    if (this.structureProtection.protected)
      throw new SimError('AccessDenied', 'The workbook structure is protected.');
  }

  private checkSheetName(name: unknown, except?: SheetModel): string {
    if (
      typeof name !== 'string' ||
      name.length === 0 ||
      name.length > 31 ||
      INVALID_SHEET_CHARS.test(name) ||
      /^'|'$/.test(name) ||
      name.toLowerCase() === 'history'
    )
      throw invalid(`The sheet name '${String(name)}' is invalid.`);
    const clash = this.sheetByName(name);
    if (clash && clash !== except)
      throw new SimError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
    return name;
  }

  addSheet(name: string | undefined, actor: Actor, initial = false): SheetModel {
    if (!initial) this.guardStructure();
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    this.checkSheetName(finalName);
    this.sheetSerial++;
    const id = `{${this.sheetSerial.toString(16).toUpperCase().padStart(8, '0')}-0001-0000-0000-000000000000}`;
    const sheet = new SheetModel(id, finalName);
    this.sheets.push(sheet);
    if (!initial) this.structure.push({ kind: 'added', sheet, actor });
    this.touch();
    return sheet;
  }

  private visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  deleteSheet(sheet: SheetModel, actor: Actor): void {
    this.guardStructure();
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1)
      throw new SimError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    this.rewriteAllFormulas((f) => renameSheetInFormula(f, sheet.name, null));
    this.names = this.names.filter((n) => n.scope !== sheet);
    if (this.activeSheetId === sheet.id) {
      const next =
        this.sheets.slice(index).find((s) => s.visibility === 'Visible') ?? this.visibleSheets().at(-1)!;
      this.activeSheetId = next.id;
      this.selection = { sheetId: next.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
      this.structure.push({ kind: 'activated', sheet: next, actor });
    }
    this.structure.push({ kind: 'deleted', sheet, actor });
    this.touch();
  }

  renameSheet(sheet: SheetModel, name: unknown): void {
    const next = this.checkSheetName(name, sheet);
    if (next === sheet.name) return;
    this.guardStructure();
    const old = sheet.name;
    this.rewriteAllFormulas((f) => renameSheetInFormula(f, old, next));
    sheet.name = next;
    this.touch();
  }

  setVisibility(sheet: SheetModel, visibility: Visibility, actor: Actor): void {
    if (visibility !== sheet.visibility) this.guardStructure();
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1)
      throw new SimError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheetId === sheet.id) {
      const next = this.visibleSheets()[0];
      this.activate(next, actor);
    }
    this.touch();
  }

  setPosition(sheet: SheetModel, position: unknown): void {
    if (
      typeof position !== 'number' ||
      !Number.isInteger(position) ||
      position < 0 ||
      position >= this.sheets.length
    )
      throw invalid(`The position ${String(position)} is out of range.`);
    if (this.sheets.indexOf(sheet) !== position) this.guardStructure();
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
    this.touch();
  }

  activate(sheet: SheetModel, actor: Actor): void {
    if (sheet.visibility !== 'Visible')
      throw new SimError(
        'InvalidOperation',
        `The worksheet '${sheet.name}' is hidden and cannot be activated.`,
      );
    if (this.activeSheetId === sheet.id) return;
    const previous = this.activeSheet();
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    if (previous) this.structure.push({ kind: 'deactivated', sheet: previous, actor });
    this.structure.push({ kind: 'activated', sheet, actor });
    this.version++;
  }

  select(sheet: SheetModel, rect: CellRange, actor: Actor): void {
    this.activate(sheet, actor);
    this.selection = { sheetId: sheet.id, rect };
    this.structure.push({ kind: 'selectionChanged', sheet, actor, rect });
    this.version++;
  }

  // ---- protection ----

  private guardContents(sheet: SheetModel, rect: CellRange): void {
    if (!sheet.protection.protected) return;
    if (this.anyLocked(sheet, rect))
      throw new SimError(
        'AccessDenied',
        `The cell or chart you're trying to change is on a protected sheet (${qualifiedA1(sheet.name, rect)}).`,
      );
  }

  private anyLocked(sheet: SheetModel, rect: CellRange): boolean {
    if (cellCount(rect) <= 100_000) {
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) if (sheet.format(r, c).locked) return true;
      return false;
    }
    return true;
  }

  private guardSheet(sheet: SheetModel, allowed?: string): void {
    if (!sheet.protection.protected) return;
    if (allowed && sheet.protection.options[allowed] === true) return;
    throw new SimError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
  }

  protect(
    sheet: SheetModel,
    options: Record<string, unknown> | undefined,
    password: string | undefined,
  ): void {
    if (sheet.protection.protected)
      throw new SimError('InvalidOperation', `The worksheet '${sheet.name}' is already protected.`);
    const merged = { ...sheet.protection.options };
    for (const [k, v] of Object.entries(options ?? {})) {
      if (!(k in merged)) throw invalid(`Unknown protection option '${k}'.`);
      merged[k] = v as boolean | string;
    }
    sheet.protection = { protected: true, options: merged, password: password || undefined };
    this.version++;
  }

  unprotect(sheet: SheetModel, password: string | undefined): void {
    if (!sheet.protection.protected) return;
    if (sheet.protection.password !== undefined && sheet.protection.password !== password)
      throw invalid('The password you supplied is not correct.');
    sheet.protection = { protected: false, options: sheet.protection.options };
    this.version++;
  }

  // ---- cell contents ----

  private matrix(input: unknown, rect: CellRange, what: string): unknown[][] {
    const rows = rowsOf(rect);
    const cols = colsOf(rect);
    if (!Array.isArray(input)) {
      if (cellCount(rect) > MAX_WRITE_CELLS)
        throw new SimError('RangeExceedsLimit', 'The range is too large for this operation.');
      return Array.from({ length: rows }, () => Array.from({ length: cols }, () => input));
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols))
      throw invalid(
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
      );
    return input as unknown[][];
  }

  /**
   * `Range.values` / `Range.formulas` (and a user's Enter when `typing`): each element goes through
   * Excel's data entry; null leaves the cell as it is.
   */
  writeEntries(sheet: SheetModel, rect: CellRange, input: unknown, actor: Actor, typing = false): void {
    const data = this.matrix(input, rect, 'values');
    const planned: { r: number; c: number; entry: Entry }[] = [];
    data.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        if (typeof v === 'number' && !Number.isFinite(v)) throw invalid('Numbers must be finite.');
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
          throw invalid(`Unsupported value type ${typeof v} in the input array.`);
        const r = rect.top + i;
        const c = rect.left + j;
        const entry = interpretEntry(v, sheet.numberFormat(r, c), typing);
        if (entry.kind === 'formula') entry.formula = checkedFormula(entry.formula);
        else if (typeof entry.value === 'string') checkCellText(entry.value);
        planned.push({ r, c, entry });
      }),
    );
    for (const { r, c, entry } of planned) {
      const m = sheet.mergeAt(r, c);
      const empty = entry.kind === 'value' && (entry.value === null || entry.value === '');
      if (m && (m.top !== r || m.left !== c) && !empty)
        throw new SimError(
          'InvalidOperation',
          `Cannot change part of a merged cell (${qualifiedA1(sheet.name, m)}).`,
        );
    }
    if (planned.length) this.guardContents(sheet, rect);
    const single = planned.length === 1 && cellCount(rect) === 1;
    const before = single ? this.value(sheet, rect.top, rect.left) : null;
    for (const { r, c, entry } of planned) this.applyEntry(sheet, r, c, entry);
    this.touch();
    this.changes.push({
      sheet,
      rect,
      changeType: 'RangeEdited',
      actor,
      details: single
        ? { valueBefore: before, valueAfter: this.value(sheet, rect.top, rect.left) }
        : undefined,
    });
  }

  private applyEntry(sheet: SheetModel, r: number, c: number, entry: Entry): void {
    const cell = sheet.ensure(r, c);
    if (entry.kind === 'formula') {
      cell.formula = entry.formula;
      cell.value = null;
      cell.epoch = undefined;
    } else {
      delete cell.formula;
      cell.value = entry.value;
      if (entry.format) cell.fmt = { ...cell.fmt, numberFormat: entry.format };
    }
    sheet.prune(r, c);
  }

  setNumberFormats(sheet: SheetModel, rect: CellRange, input: unknown): void {
    if (!Array.isArray(input)) {
      if (typeof input !== 'string') throw invalid('A number format must be text.');
      this.patchFormat(sheet, rect, (f) => ({ ...f, numberFormat: input }));
      return;
    }
    const data = this.matrix(input, rect, 'numberFormat');
    this.guardSheet(sheet, 'allowFormatCells');
    data.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        if (typeof v !== 'string') throw invalid('A number format must be text.');
        const cell = sheet.ensure(rect.top + i, rect.left + j);
        cell.fmt = { ...cell.fmt, numberFormat: v };
      }),
    );
    this.touch();
  }

  /**
   * Applies a format change to every cell of `rect`; whole rows and columns are stored once per
   * row/column (and on the cells that already exist there), as Excel does.
   */
  patchFormat(
    sheet: SheetModel,
    rect: CellRange,
    fn: (f: CellFormat) => CellFormat,
    allowed = 'allowFormatCells',
  ): void {
    this.guardSheet(sheet, allowed);
    const apply = (f: CellFormat | undefined) => {
      const next = fn({ ...f });
      for (const k of Object.keys(next) as (keyof CellFormat)[]) if (next[k] === undefined) delete next[k];
      return next;
    };
    const setCell = (r: number, c: number) => {
      const cell = sheet.ensure(r, c);
      cell.fmt = apply(cell.fmt);
      if (isEmptyFormat(cell.fmt)) delete cell.fmt;
      sheet.prune(r, c);
    };
    if (isEntireCols(rect)) {
      for (let c = rect.left; c <= rect.right; c++) sheet.colFmt.set(c, apply(sheet.colFmt.get(c)));
      for (const [r, c] of [...sheet.cellsIn(rect)]) setCell(r, c);
      if (isEntireRows(rect)) for (const [r, f] of [...sheet.rowFmt]) sheet.rowFmt.set(r, apply(f));
      else
        for (const r of [...sheet.rowFmt.keys()]) for (let c = rect.left; c <= rect.right; c++) setCell(r, c);
    } else if (isEntireRows(rect)) {
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowFmt.set(r, apply(sheet.rowFmt.get(r)));
      for (const [r, c] of [...sheet.cellsIn(rect)]) setCell(r, c);
    } else {
      if (cellCount(rect) > MAX_WRITE_CELLS)
        throw new SimError('RangeExceedsLimit', 'The range is too large for this operation.');
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) setCell(r, c);
    }
    this.touch();
  }

  /** One border index of a range; the neighbour's facing edge is dropped so that a shared edge has one owner. */
  setBorder(sheet: SheetModel, rect: CellRange, index: string, patch: Partial<Border>): void {
    const update = (edge: Edge) => (f: CellFormat) => {
      const current = f[edge] ?? { style: 'Continuous', weight: 'Thin', color: '#000000' };
      const next = { ...current, ...patch };
      return { ...f, [edge]: next.style === 'None' ? undefined : next };
    };
    const drop = (edge: Edge) => (f: CellFormat) => ({ ...f, [edge]: undefined });
    const strip = (r: CellRange, edge: Edge) => {
      for (const [row, col, cell] of [...sheet.cellsIn(r)]) {
        if (cell.fmt && cell.fmt[edge]) {
          cell.fmt = drop(edge)(cell.fmt);
          delete cell.fmt[edge];
          sheet.prune(row, col);
        }
      }
    };
    const { top, left, bottom, right } = rect;
    switch (index) {
      case 'EdgeTop':
        this.patchFormat(sheet, { top, left, bottom: top, right }, update('top'));
        if (top > 0) strip({ top: top - 1, left, bottom: top - 1, right }, 'bottom');
        break;
      case 'EdgeBottom':
        this.patchFormat(sheet, { top: bottom, left, bottom, right }, update('bottom'));
        if (bottom < MAX_ROWS - 1) strip({ top: bottom + 1, left, bottom: bottom + 1, right }, 'top');
        break;
      case 'EdgeLeft':
        this.patchFormat(sheet, { top, left, bottom, right: left }, update('left'));
        if (left > 0) strip({ top, left: left - 1, bottom, right: left - 1 }, 'right');
        break;
      case 'EdgeRight':
        this.patchFormat(sheet, { top, left: right, bottom, right }, update('right'));
        if (right < MAX_COLS - 1) strip({ top, left: right + 1, bottom, right: right + 1 }, 'left');
        break;
      case 'InsideHorizontal':
        if (bottom > top) {
          this.patchFormat(sheet, { top, left, bottom: bottom - 1, right }, update('bottom'));
          strip({ top: top + 1, left, bottom, right }, 'top');
        }
        break;
      case 'InsideVertical':
        if (right > left) {
          this.patchFormat(sheet, { top, left, bottom, right: right - 1 }, update('right'));
          strip({ top, left: left + 1, bottom, right }, 'left');
        }
        break;
      default:
        throw new SimError('NotImplemented', `Border ${index} is not simulated.`);
    }
  }

  setColumnWidth(sheet: SheetModel, rect: CellRange, width: unknown): void {
    if (typeof width !== 'number' || !(width >= 0))
      throw invalid('The column width must be a non-negative number.');
    this.guardSheet(sheet, 'allowFormatColumns');
    if (isEntireRows(rect)) {
      sheet.defaultColumnWidth = width;
      sheet.colWidths.clear();
    } else for (let c = rect.left; c <= rect.right; c++) sheet.colWidths.set(c, width);
    this.version++;
  }

  setRowHeight(sheet: SheetModel, rect: CellRange, height: unknown): void {
    if (typeof height !== 'number' || !(height >= 0) || height > 409)
      throw invalid('The row height must be a number of points between 0 and 409.');
    this.guardSheet(sheet, 'allowFormatRows');
    if (isEntireCols(rect)) {
      sheet.defaultRowHeight = height;
      sheet.rowHeights.clear();
    } else for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, height);
    this.version++;
  }

  columnWidth(sheet: SheetModel, col: number): number {
    return sheet.colWidths.get(col) ?? sheet.defaultColumnWidth ?? STANDARD_WIDTH;
  }

  rowHeight(sheet: SheetModel, row: number): number {
    return sheet.rowHeights.get(row) ?? sheet.defaultRowHeight ?? STANDARD_HEIGHT;
  }

  clear(sheet: SheetModel, rect: CellRange, applyTo: string, actor: Actor): void {
    const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    if (contents) this.guardContents(sheet, rect);
    if (formats) this.guardSheet(sheet, 'allowFormatCells');
    for (const [r, c, cell] of [...sheet.cellsIn(rect)]) {
      if (contents) {
        cell.value = null;
        delete cell.formula;
      }
      if (formats) delete cell.fmt;
      sheet.prune(r, c);
    }
    if (formats) {
      if (isEntireCols(rect)) for (let c = rect.left; c <= rect.right; c++) sheet.colFmt.delete(c);
      if (isEntireRows(rect)) for (let r = rect.top; r <= rect.bottom; r++) sheet.rowFmt.delete(r);
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
      this.clearConditionalFormats(sheet, rect, false);
    }
    this.touch();
    if (contents) this.changes.push({ sheet, rect, changeType: 'RangeEdited', actor });
  }

  // ---- merges ----

  merge(sheet: SheetModel, rect: CellRange, across: boolean): void {
    this.guardSheet(sheet, 'allowFormatCells');
    const targets: CellRange[] = across
      ? Array.from({ length: rowsOf(rect) }, (_, i) => ({
          top: rect.top + i,
          left: rect.left,
          bottom: rect.top + i,
          right: rect.right,
        }))
      : [rect];
    for (const t of targets) {
      if (cellCount(t) < 2) continue;
      for (const m of sheet.mergesIntersecting(t))
        if (!contains(t, m))
          throw new SimError(
            'InvalidOperation',
            `Cannot merge ${qualifiedA1(sheet.name, t)}: it overlaps the merged cells ${qualifiedA1(sheet.name, m)}.`,
          );
      sheet.merges = sheet.merges.filter((m) => !contains(t, m));
      // Excel keeps the upper-left value and drops the others.
      for (const [r, c, cell] of [...sheet.cellsIn(t)]) {
        if (r === t.top && c === t.left) continue;
        cell.value = null;
        delete cell.formula;
        sheet.prune(r, c);
      }
      sheet.merges.push(t);
    }
    this.touch();
  }

  unmerge(sheet: SheetModel, rect: CellRange): void {
    this.guardSheet(sheet, 'allowFormatCells');
    sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    this.version++;
  }

  // ---- inserting and deleting cells ----

  insertCells(sheet: SheetModel, rect: CellRange, shift: 'Down' | 'Right', actor: Actor): void {
    const down = shift === 'Down';
    const entire = down ? isEntireRows(rect) : isEntireCols(rect);
    if (sheet.protection.protected) {
      if (!entire) this.guardSheet(sheet);
      else this.guardSheet(sheet, down ? 'allowInsertRows' : 'allowInsertColumns');
    }
    const op: ShiftOp = down
      ? { sheet: sheet.name, axis: 'rows', at: rect.top, count: rowsOf(rect), span: [rect.left, rect.right] }
      : {
          sheet: sheet.name,
          axis: 'cols',
          at: rect.left,
          count: colsOf(rect),
          span: [rect.top, rect.bottom],
        };
    const limit = down ? MAX_ROWS : MAX_COLS;
    const along = (r: number, c: number) => (down ? r : c);
    const across = (r: number, c: number) => (down ? c : r);
    for (const [key, cell] of sheet.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      const x = across(r, c);
      if (x < op.span[0] || x > op.span[1]) continue;
      if (along(r, c) + op.count >= limit && (cell.value !== null || cell.formula !== undefined))
        throw new SimError(
          'NonBlankCellOffSheet',
          "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
        );
    }
    this.checkMergeShear(sheet, op);
    this.moveCells(sheet, op);
    // New cells take the format of the cells before them ("format same as above").
    if (op.at > 0) {
      const src = op.at - 1;
      for (let x = op.span[0]; x <= op.span[1] && !entire; x++) {
        const from = down ? sheet.get(src, x) : sheet.get(x, src);
        if (!from?.fmt) continue;
        for (let k = 0; k < op.count; k++) {
          const cell = down ? sheet.ensure(op.at + k, x) : sheet.ensure(x, op.at + k);
          cell.fmt = { ...from.fmt };
        }
      }
      if (entire) {
        for (const [key, cell] of [...sheet.cells]) {
          if (!cell.fmt || along(keyRow(key), keyCol(key)) !== src) continue;
          for (let k = 0; k < op.count; k++) {
            const target = down ? sheet.ensure(op.at + k, keyCol(key)) : sheet.ensure(keyRow(key), op.at + k);
            target.fmt = { ...cell.fmt };
          }
        }
        const lineFmt = down ? sheet.rowFmt.get(src) : sheet.colFmt.get(src);
        const size = down ? sheet.rowHeights.get(src) : sheet.colWidths.get(src);
        for (let k = 0; k < op.count; k++) {
          if (lineFmt) (down ? sheet.rowFmt : sheet.colFmt).set(op.at + k, { ...lineFmt });
          if (size !== undefined) (down ? sheet.rowHeights : sheet.colWidths).set(op.at + k, size);
        }
      }
    }
    this.afterShift(sheet, op);
    this.changes.push({
      sheet,
      rect,
      changeType: entire ? (down ? 'RowInserted' : 'ColumnInserted') : 'CellInserted',
      actor,
    });
  }

  deleteCells(sheet: SheetModel, rect: CellRange, shift: 'Up' | 'Left', actor: Actor): void {
    const up = shift === 'Up';
    const entire = up ? isEntireRows(rect) : isEntireCols(rect);
    if (sheet.protection.protected) {
      if (!entire) this.guardSheet(sheet);
      else {
        this.guardSheet(sheet, up ? 'allowDeleteRows' : 'allowDeleteColumns');
        if (this.anyLocked(sheet, rect))
          throw new SimError(
            'AccessDenied',
            `Locked cells of the protected sheet '${sheet.name}' cannot be deleted.`,
          );
      }
    }
    const op: ShiftOp = up
      ? { sheet: sheet.name, axis: 'rows', at: rect.top, count: -rowsOf(rect), span: [rect.left, rect.right] }
      : {
          sheet: sheet.name,
          axis: 'cols',
          at: rect.left,
          count: -colsOf(rect),
          span: [rect.top, rect.bottom],
        };
    this.checkMergeShear(sheet, op);
    for (const [r, c] of [...sheet.cellsIn(rect)]) sheet.cells.delete(cellKey(r, c));
    this.moveCells(sheet, op);
    this.afterShift(sheet, op);
    this.changes.push({
      sheet,
      rect,
      changeType: entire ? (up ? 'RowDeleted' : 'ColumnDeleted') : 'CellDeleted',
      actor,
    });
  }

  /** A merge that straddles the edge of the shifted band would be torn apart: Excel refuses. */
  private checkMergeShear(sheet: SheetModel, op: ShiftOp): void {
    for (const m of sheet.merges) {
      const [lo, hi] = op.axis === 'rows' ? [m.left, m.right] : [m.top, m.bottom];
      const far = op.axis === 'rows' ? m.bottom : m.right;
      const straddles = (lo < op.span[0] && hi >= op.span[0]) || (lo <= op.span[1] && hi > op.span[1]);
      if (straddles && far >= op.at)
        throw new SimError(
          'InvalidOperation',
          `This operation would move part of the merged cells ${qualifiedA1(sheet.name, m)}.`,
        );
    }
  }

  private moveCells(sheet: SheetModel, op: ShiftOp): void {
    const rows = op.axis === 'rows';
    const moved: [number, Cell][] = [];
    for (const [key, cell] of sheet.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      const along = rows ? r : c;
      const across = rows ? c : r;
      if (across < op.span[0] || across > op.span[1] || along < op.at) continue;
      sheet.cells.delete(key);
      const to = along + op.count;
      const max = rows ? MAX_ROWS : MAX_COLS;
      if (to < op.at || to >= max) continue;
      moved.push([rows ? cellKey(to, c) : cellKey(r, to), cell]);
    }
    for (const [key, cell] of moved) sheet.cells.set(key, cell);
    const entire = op.span[0] === 0 && op.span[1] === (rows ? MAX_COLS : MAX_ROWS) - 1;
    if (entire) {
      const shiftMap = <T>(m: Map<number, T>) => {
        const entries = [...m].filter(([k]) => k >= op.at);
        for (const [k] of entries) m.delete(k);
        for (const [k, v] of entries) {
          const to = k + op.count;
          if (to >= op.at || op.count > 0) m.set(to, v);
        }
      };
      if (rows) {
        shiftMap(sheet.rowFmt);
        shiftMap(sheet.rowHeights);
      } else {
        shiftMap(sheet.colFmt);
        shiftMap(sheet.colWidths);
      }
    }
  }

  /** Merges, rules, print areas and every formula in the workbook follow the moved cells. */
  private afterShift(sheet: SheetModel, op: ShiftOp): void {
    sheet.merges = sheet.merges
      .map((m) => shiftRange(m, op))
      .filter((m): m is CellRange => m !== null && cellCount(m) > 1);
    const moveAnchored = <T extends { areas: CellRange[] }>(
      items: T[],
      formulas: (item: T, fn: (f: string) => string) => void,
    ): T[] =>
      items.filter((item) => {
        const oldAnchor = { row: item.areas[0].top, col: item.areas[0].left };
        const survivor = this.survivingAnchor(item.areas, op);
        const areas = item.areas.map((a) => shiftRange(a, op)).filter((a): a is CellRange => a !== null);
        if (!survivor || !areas.length) return false;
        const dr = survivor.row - oldAnchor.row;
        const dc = survivor.col - oldAnchor.col;
        formulas(item, (f) => shiftFormula(shiftRelative(f, dr, dc), sheet.name, op));
        item.areas = areas;
        return true;
      });
    sheet.conditionalFormats = moveAnchored(sheet.conditionalFormats, (cf, fn) => {
      if (cf.formula) cf.formula = fn(cf.formula);
    });
    sheet.dataValidations = moveAnchored(sheet.dataValidations, (dv, fn) => {
      dv.rule = mapRuleFormulas(dv.rule, fn);
    });
    const layout = sheet.pageLayout;
    if (layout.printArea) {
      const moved = layout.printArea.map((a) => shiftRange(a, op)).filter((a): a is CellRange => a !== null);
      layout.printArea = moved.length ? moved : null;
    }
    this.rewriteAllFormulas((f, host) => shiftFormula(f, host, op), sheet);
    this.touch();
  }

  /** Where (before the shift) the first surviving cell of a rule's first surviving area is. */
  private survivingAnchor(areas: CellRange[], op: ShiftOp): { row: number; col: number } | undefined {
    for (const a of areas) {
      if (op.count > 0) return { row: a.top, col: a.left };
      if (!shiftRange(a, op)) continue;
      const end = op.at - op.count - 1;
      if (op.axis === 'rows') {
        const inSpan = a.left >= op.span[0] && a.right <= op.span[1];
        return { row: inSpan && a.top >= op.at && a.top <= end ? end + 1 : a.top, col: a.left };
      }
      const inSpan = a.top >= op.span[0] && a.bottom <= op.span[1];
      return { row: a.top, col: inSpan && a.left >= op.at && a.left <= end ? end + 1 : a.left };
    }
    return undefined;
  }

  /**
   * Applies `fn` to every formula of the workbook with the name of the sheet it lives on: cells,
   * conditional formats and validations (except those of `skipRulesOf`, already moved), names.
   */
  private rewriteAllFormulas(fn: (f: string, hostSheet: string) => string, skipRulesOf?: SheetModel): void {
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.formula) cell.formula = fn(cell.formula, s.name);
      if (s === skipRulesOf) continue;
      for (const cf of s.conditionalFormats) if (cf.formula) cf.formula = fn(cf.formula, s.name);
      for (const dv of s.dataValidations) dv.rule = mapRuleFormulas(dv.rule, (f) => fn(f, s.name));
    }
    // Names are written with their sheet; an unqualified reference in one refers to no sheet here.
    for (const n of this.names) n.formula = fn(n.formula, n.scope?.name ?? '');
    this.touch();
  }

  // ---- conditional formats ----

  conditionalFormatsIntersecting(sheet: SheetModel, rect: CellRange): ConditionalFormatModel[] {
    return sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => intersect(a, rect)));
  }

  addConditionalFormat(sheet: SheetModel, rect: CellRange, type: string): ConditionalFormatModel {
    this.guardSheet(sheet);
    if (type !== 'Custom')
      throw new SimError(
        'NotImplemented',
        `Conditional formats of type ${type} are not simulated; use Custom.`,
      );
    this.cfSerial++;
    const cf: ConditionalFormatModel = {
      id: `{CF${String(this.cfSerial).padStart(6, '0')}-0000-0000-0000-000000000000}`,
      type: 'Custom',
      areas: [rect],
      formula: '',
      stopIfTrue: false,
    };
    sheet.conditionalFormats.unshift(cf);
    this.version++;
    return cf;
  }

  updateConditionalFormat(
    sheet: SheetModel,
    cf: ConditionalFormatModel,
    patch: Partial<ConditionalFormatModel>,
  ): void {
    this.guardSheet(sheet);
    Object.assign(cf, patch);
    this.version++;
  }

  deleteConditionalFormat(sheet: SheetModel, cf: ConditionalFormatModel): void {
    this.guardSheet(sheet);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    this.version++;
  }

  setConditionalFormatPriority(sheet: SheetModel, cf: ConditionalFormatModel, priority: unknown): void {
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0)
      throw invalid('The priority must be a non-negative integer.');
    this.guardSheet(sheet);
    const list = sheet.conditionalFormats.filter((x) => x !== cf);
    list.splice(Math.min(priority, list.length), 0, cf);
    sheet.conditionalFormats = list;
    this.version++;
  }

  /** `ConditionalFormatCollection.clearAll()`: removes the formats from `rect`, shrinking those that extend beyond it. */
  clearConditionalFormats(sheet: SheetModel, rect: CellRange, guard = true): void {
    if (guard) this.guardSheet(sheet);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => {
      if (!cf.areas.some((a) => intersect(a, rect))) return true;
      const areas = cf.areas.flatMap((a) => subtract(a, rect));
      if (!areas.length) return false;
      if (cf.formula)
        cf.formula = shiftRelative(
          cf.formula,
          areas[0].top - cf.areas[0].top,
          areas[0].left - cf.areas[0].left,
        );
      cf.areas = areas;
      return true;
    });
    this.version++;
  }

  /** The fill a cell shows: the first (highest-priority) true conditional format that sets one, else its own. */
  displayFill(sheet: SheetModel, row: number, col: number): string | null {
    const hit = this.conditionalHit(sheet, row, col, (cf) => cf.fill !== undefined);
    if (hit) return hit.fill ?? null;
    return sheet.format(row, col).fill;
  }

  displayFont(
    sheet: SheetModel,
    row: number,
    col: number,
  ): { color: string; bold: boolean; italic: boolean } {
    const own = sheet.format(row, col);
    const color = this.conditionalHit(
      sheet,
      row,
      col,
      (cf) => cf.fontColor !== undefined && cf.fontColor !== null,
    );
    const bold = this.conditionalHit(sheet, row, col, (cf) => cf.bold !== undefined && cf.bold !== null);
    const italic = this.conditionalHit(
      sheet,
      row,
      col,
      (cf) => cf.italic !== undefined && cf.italic !== null,
    );
    return {
      color: color?.fontColor ?? own.fontColor,
      bold: bold?.bold ?? own.bold,
      italic: italic?.italic ?? own.italic,
    };
  }

  private conditionalHit(
    sheet: SheetModel,
    row: number,
    col: number,
    sets: (cf: ConditionalFormatModel) => boolean,
  ): ConditionalFormatModel | undefined {
    this.ensureCalculated();
    for (const cf of sheet.conditionalFormats) {
      if (!cf.formula || !cf.areas.some((a) => containsCell(a, row, col))) continue;
      const anchor = cf.areas[0];
      const v = evaluateFormula(cf.formula, {
        host: this,
        sheet,
        row,
        col,
        dr: row - anchor.top,
        dc: col - anchor.left,
      });
      if (!isTruthy(v)) continue;
      if (sets(cf)) return cf;
      if (cf.stopIfTrue) return undefined;
    }
    return undefined;
  }

  // ---- data validation ----

  dataValidationsIntersecting(sheet: SheetModel, rect: CellRange): DataValidationModel[] {
    return sheet.dataValidations.filter((dv) => dv.areas.some((a) => intersect(a, rect)));
  }

  /** Splits the validations so that those covering `rect` cover exactly `rect`; returns them (a blank one if none). */
  private isolateValidation(sheet: SheetModel, rect: CellRange): DataValidationModel[] {
    const inside: DataValidationModel[] = [];
    const kept: DataValidationModel[] = [];
    for (const dv of sheet.dataValidations) {
      if (!dv.areas.some((a) => intersect(a, rect))) {
        kept.push(dv);
        continue;
      }
      const outside = dv.areas.flatMap((a) => subtract(a, rect));
      const within = dv.areas.map((a) => intersect(a, rect)).filter((a): a is CellRange => a !== null);
      if (outside.length) {
        const moved = { ...dv, areas: outside };
        moved.rule = mapRuleFormulas(dv.rule, (f) =>
          shiftRelative(f, outside[0].top - dv.areas[0].top, outside[0].left - dv.areas[0].left),
        );
        kept.push(moved);
      }
      const piece = { ...dv, areas: within };
      piece.rule = mapRuleFormulas(dv.rule, (f) =>
        shiftRelative(f, within[0].top - dv.areas[0].top, within[0].left - dv.areas[0].left),
      );
      inside.push(piece);
      kept.push(piece);
    }
    const covered = inside.reduce((n, dv) => n + dv.areas.reduce((m, a) => m + cellCount(a), 0), 0);
    if (covered < cellCount(rect)) {
      const rest = inside.reduce<CellRange[]>(
        (acc, dv) => acc.flatMap((a) => dv.areas.flatMap((b) => subtract(a, b))),
        [rect],
      );
      const blank: DataValidationModel = {
        type: 'None',
        rule: {},
        areas: rest,
        errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
        prompt: { showPrompt: false, title: '', message: '' },
        ignoreBlanks: true,
      };
      inside.push(blank);
      kept.push(blank);
    }
    sheet.dataValidations = kept;
    return inside;
  }

  setValidationRule(sheet: SheetModel, rect: CellRange, rule: DataValidationRuleModel): void {
    this.guardSheet(sheet);
    const pieces = this.isolateValidation(sheet, rect);
    const first = pieces[0];
    sheet.dataValidations = sheet.dataValidations.filter((dv) => !pieces.includes(dv));
    sheet.dataValidations.push({ ...first, areas: [rect], type: rule.type, rule: rule.rule });
    this.version++;
  }

  updateValidation(sheet: SheetModel, rect: CellRange, patch: (dv: DataValidationModel) => void): void {
    this.guardSheet(sheet);
    for (const dv of this.isolateValidation(sheet, rect)) patch(dv);
    this.version++;
  }

  clearValidation(sheet: SheetModel, rect: CellRange): void {
    this.guardSheet(sheet);
    this.isolateValidation(sheet, rect);
    sheet.dataValidations = sheet.dataValidations.filter((dv) => !dv.areas.every((a) => contains(rect, a)));
    this.version++;
  }

  /** The validation that applies to all of `rect` alone, 'none', or 'mixed'. */
  validationOf(sheet: SheetModel, rect: CellRange): DataValidationModel | 'none' | 'mixed' {
    const hits = this.dataValidationsIntersecting(sheet, rect);
    if (!hits.length) return 'none';
    if (hits.length > 1) return 'mixed';
    const covered = hits[0].areas.reduce(
      (n, a) => n + cellCount(intersect(a, rect) ?? { top: 0, left: 0, bottom: -1, right: 0 }),
      0,
    );
    return covered === cellCount(rect) ? hits[0] : 'mixed';
  }

  /** For a person typing: a list validation with a Stop alert refuses values outside its list, as Excel does. */
  checkTypedValue(sheet: SheetModel, row: number, col: number, value: Scalar): void {
    const dv = sheet.dataValidations.find((d) => d.areas.some((a) => containsCell(a, row, col)));
    if (!dv || dv.type !== 'List' || !dv.errorAlert.showAlert || dv.errorAlert.style !== 'Stop') return;
    if (value === null && dv.ignoreBlanks) return;
    const source = String((dv.rule.list as { source?: unknown } | undefined)?.source ?? '');
    let allowed: string[] | undefined;
    if (!source.startsWith('=')) allowed = source.split(',').map((s) => s.trim());
    else {
      try {
        const node = parseFormula(source);
        if (node.t === 'ref') {
          const target = node.ref.sheet !== undefined ? this.sheetByName(node.ref.sheet) : sheet;
          if (target) {
            allowed = [];
            for (let r = node.ref.a.row; r <= node.ref.b.row; r++)
              for (let c = node.ref.a.col; c <= node.ref.b.col; c++)
                allowed.push(displayText(this.value(target, r, c), target.numberFormat(r, c)));
          }
        }
      } catch {
        allowed = undefined;
      }
    }
    if (!allowed) return;
    const text = displayText(value, sheet.numberFormat(row, col));
    if (!allowed.some((a) => a.toLowerCase() === text.toLowerCase()))
      throw new SimError(
        'InvalidArgument',
        dv.errorAlert.message ||
          "This value doesn't match the data validation restrictions defined for this cell.",
      );
  }

  // ---- names ----

  addName(name: unknown, formula: string, scope: SheetModel | null, comment: string): NameModel {
    if (
      typeof name !== 'string' ||
      !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) ||
      name.length > 255 ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^(R|C)$/i.test(name)
    )
      throw invalid(`The name '${String(name)}' is not valid.`);
    if (this.names.some((n) => n.scope === scope && n.name.toLowerCase() === name.toLowerCase()))
      throw new SimError('ItemAlreadyExists', `The name '${name}' already exists.`);
    const item: NameModel = {
      name,
      formula: checkedFormula(formula.startsWith('=') ? formula : `=${formula}`),
      comment,
      visible: true,
      scope,
    };
    this.names.push(item);
    this.touch();
    return item;
  }

  deleteName(item: NameModel): void {
    this.names = this.names.filter((n) => n !== item);
    this.touch();
  }

  findName(name: string, scope: SheetModel | null): NameModel | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.scope === scope && n.name.toLowerCase() === lower);
  }

  definedName(name: string, sheet: SheetKey): string | undefined {
    return (this.findName(name, sheet as SheetModel) ?? this.findName(name, null))?.formula;
  }

  // ---- evaluation ----

  /**
   * Recomputes every formula after a change, row by row, so that chains written top-down are
   * followed without deep recursion.
   */
  ensureCalculated(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.epoch++;
    for (const sheet of this.sheets) {
      const keys = [...sheet.cells].filter(([, c]) => c.formula !== undefined).map(([k]) => k);
      keys.sort((a, b) => a - b);
      for (const key of keys) this.compute(sheet, keyRow(key), keyCol(key), sheet.cells.get(key)!);
    }
  }

  private compute(sheet: SheetModel, row: number, col: number, cell: Cell): Scalar {
    if (cell.epoch === this.epoch) return cell.value;
    // A circular reference (or a chain too deep to follow) gives #REF! rather than hanging.
    if (this.computing.has(cell) || this.computing.size > 2000) return err('#REF!');
    this.computing.add(cell);
    try {
      cell.value = evaluateFormula(cell.formula!, { host: this, sheet, row, col, dr: 0, dc: 0 });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      cell.value = err('#REF!');
    } finally {
      this.computing.delete(cell);
    }
    cell.epoch = this.epoch;
    return cell.value;
  }

  value(sheet: SheetKey, row: number, col: number): Scalar {
    const s = sheet as SheetModel;
    const cell = s.get(row, col);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value;
    this.ensureCalculated();
    return this.compute(s, row, col, cell);
  }

  *cells(
    sheet: SheetKey,
    top: number,
    left: number,
    bottom: number,
    right: number,
  ): Generator<[number, number, Scalar]> {
    const s = sheet as SheetModel;
    for (const [r, c] of s.cellsIn({ top, left, bottom, right })) {
      const v = this.value(s, r, c);
      if (v !== null) yield [r, c, v];
    }
  }

  /** Everything a viewer needs to draw a cell. */
  cellView(sheet: SheetModel, row: number, col: number) {
    const value = this.value(sheet, row, col);
    const own = sheet.format(row, col);
    const font = this.displayFont(sheet, row, col);
    return {
      value,
      text: displayText(value, own.numberFormat),
      formula: sheet.get(row, col)?.formula,
      format: own,
      fill: this.displayFill(sheet, row, col),
      font,
    };
  }
}
