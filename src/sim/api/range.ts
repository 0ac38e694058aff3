/** `Excel.Range` and its format objects, `Excel.RangeAreas`, `Excel.RangeCollection`. */

import { SimError } from '../errors';
import { MAX_COLS, MAX_ROWS } from '../formula/lexer';
import { type Border, type CellFormat, type Edge, enumValue, normalizeColor } from '../model/format';
import {
  type CellRange,
  boundingRect,
  cellCount,
  colsOf,
  intersect,
  isEntireCols,
  isEntireRows,
  parseAddress,
  qualifiedA1,
  rowsOf,
  splitSheet,
} from '../model/rects';
import type { SheetModel } from '../model/sheet';
import { ADDIN, type WorkbookModel, typeOfValue } from '../model/workbook';
import { displayText } from '../numfmt';
import { type Scalar, isError } from '../values';
import { ExcelEnums } from '../enums';
import { type Schema, SimCollection, SimObject, defineProps, ClientResult } from './base';
import type { SimRequestContext } from './context';
import { apiVersion } from './versions';
import { ConditionalFormatCollectionProxy, DataValidationProxy } from './rules';

/** Range.getMergedAreasOrNullObject fails above this many merged areas. */
export const MAX_MERGED_AREAS = 512;

export interface RangeTarget {
  sheet: SheetModel;
  rect: CellRange;
}

export function liveSheet(sheet: SheetModel): SheetModel {
  if (sheet.deleted) throw new SimError('ItemNotFound', `The worksheet '${sheet.name}' no longer exists.`);
  return sheet;
}

function modelOf(o: SimObject): WorkbookModel {
  return o.context._host.model;
}

const MAX_READ_CELLS = 5_000_000;

function matrixOf<T>(t: RangeTarget, f: (row: number, col: number) => T): T[][] {
  if (cellCount(t.rect) > MAX_READ_CELLS)
    throw new SimError(
      'RangeExceedsLimit',
      'The number of cells in the range has exceeded the maximum supported number.',
    );
  const out: T[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: T[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

/** A value as `Range.values` reports it: empty is "", an error is its text. */
export function apiValue(v: Scalar): string | number | boolean {
  if (v === null) return '';
  if (isError(v)) return v.code;
  return v;
}

/** One value when every cell of the range agrees, else null (as Excel reports mixed formats). */
function uniform<T>(t: RangeTarget, f: (row: number, col: number) => T): T | null {
  const { sheet, rect } = t;
  let first: T | undefined;
  let seen = false;
  const check = (v: T) => {
    if (!seen) {
      first = v;
      seen = true;
      return true;
    }
    return v === first;
  };
  if (cellCount(rect) <= 20_000) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) if (!check(f(r, c))) return null;
    return first ?? null;
  }
  // Large ranges: the cells that exist plus one untouched cell per row/column style.
  for (const [r, c] of sheet.cellsIn(rect)) if (!check(f(r, c))) return null;
  const probeRows = isEntireRows(rect)
    ? [rect.top, ...[...sheet.rowFmt.keys()].filter((r) => r >= rect.top && r <= rect.bottom)]
    : [rect.top];
  const probeCols = [rect.left, ...[...sheet.colFmt.keys()].filter((c) => c >= rect.left && c <= rect.right)];
  for (const r of probeRows) for (const c of probeCols) if (!sheet.get(r, c) && !check(f(r, c))) return null;
  return first ?? null;
}

function checkedRect(r: CellRange): CellRange {
  if (
    r.top < 0 ||
    r.left < 0 ||
    r.bottom >= MAX_ROWS ||
    r.right >= MAX_COLS ||
    r.top > r.bottom ||
    r.left > r.right
  )
    throw new SimError('InvalidArgument', 'The range would extend beyond the worksheet.');
  return r;
}

function intArg(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n))
    throw new SimError('InvalidArgument', `${what} must be an integer.`);
  return n;
}

/** A range address inside a sheet as getRange accepts it (an optional prefix must name the same sheet). */
export function rectInSheet(sheet: SheetModel, address: string): CellRange {
  const { sheet: named, address: bare } = splitSheet(address);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase())
    throw new SimError(
      'InvalidArgument',
      `The address '${address}' is not on the worksheet '${sheet.name}'.`,
    );
  return parseAddress(bare);
}

/** zh-CN Excel's name for the General number format. */
const GENERAL_ZH = 'G/通用格式';

function localFormat(format: string, self: SimObject): string {
  return format === 'General' && self.context._host.language().startsWith('zh') ? GENERAL_ZH : format;
}

function delocalizeFormats(v: unknown): unknown {
  if (v === GENERAL_ZH) return 'General';
  return Array.isArray(v) ? v.map(delocalizeFormats) : v;
}

const RANGE_SCHEMA: Schema = {
  name: 'Range',
  props: {
    address: { get: (t: RangeTarget) => qualifiedA1(t.sheet.name, t.rect) },
    addressLocal: { get: (t: RangeTarget) => qualifiedA1(t.sheet.name, t.rect) },
    cellCount: { get: (t: RangeTarget) => cellCount(t.rect) },
    rowCount: { get: (t: RangeTarget) => rowsOf(t.rect) },
    columnCount: { get: (t: RangeTarget) => colsOf(t.rect) },
    rowIndex: { get: (t: RangeTarget) => t.rect.top },
    columnIndex: { get: (t: RangeTarget) => t.rect.left },
    isEntireRow: { get: (t: RangeTarget) => isEntireRows(t.rect) },
    isEntireColumn: { get: (t: RangeTarget) => isEntireCols(t.rect) },
    values: {
      get: (t: RangeTarget, self: RangeProxy) =>
        matrixOf(t, (r, c) => apiValue(modelOf(self).value(t.sheet, r, c))),
      set: (t: RangeTarget, v: unknown, self: RangeProxy) =>
        modelOf(self).writeEntries(t.sheet, t.rect, v, ADDIN),
    },
    formulas: {
      get: (t: RangeTarget, self: RangeProxy) =>
        matrixOf(t, (r, c) => t.sheet.get(r, c)?.formula ?? apiValue(modelOf(self).value(t.sheet, r, c))),
      set: (t: RangeTarget, v: unknown, self: RangeProxy) =>
        modelOf(self).writeEntries(t.sheet, t.rect, v, ADDIN),
    },
    formulasLocal: {
      get: (t: RangeTarget, self: RangeProxy) =>
        matrixOf(t, (r, c) => t.sheet.get(r, c)?.formula ?? apiValue(modelOf(self).value(t.sheet, r, c))),
      set: (t: RangeTarget, v: unknown, self: RangeProxy) =>
        modelOf(self).writeEntries(t.sheet, t.rect, v, ADDIN),
    },
    numberFormat: {
      get: (t: RangeTarget) => matrixOf(t, (r, c) => t.sheet.numberFormat(r, c)),
      set: (t: RangeTarget, v: unknown, self: RangeProxy) =>
        modelOf(self).setNumberFormats(t.sheet, t.rect, v),
    },
    // `*Local` properties speak the user's Excel: a zh-CN Excel calls General `G/通用格式` (as in its
    // Format Cells dialog), so code that reads numberFormatLocal and compares with 'General' breaks
    // there (https://github.com/OfficeDev/office-js/issues/1553, #590).
    numberFormatLocal: {
      get: (t: RangeTarget, self: RangeProxy) =>
        matrixOf(t, (r, c) => localFormat(t.sheet.numberFormat(r, c), self)),
      set: (t: RangeTarget, v: unknown, self: RangeProxy) =>
        modelOf(self).setNumberFormats(t.sheet, t.rect, delocalizeFormats(v)),
    },
    text: {
      get: (t: RangeTarget, self: RangeProxy) =>
        matrixOf(t, (r, c) => displayText(modelOf(self).value(t.sheet, r, c), t.sheet.numberFormat(r, c))),
    },
    valueTypes: {
      get: (t: RangeTarget, self: RangeProxy) =>
        matrixOf(t, (r, c) => typeOfValue(modelOf(self).value(t.sheet, r, c))),
    },
    rowHidden: hiddenProp('hiddenRows', 'top', 'bottom'),
    columnHidden: hiddenProp('hiddenCols', 'left', 'right'),
  },
  navs: {
    format: { create: (self: RangeProxy) => new RangeFormatProxy(self.context, () => self._targetOrNull()) },
    worksheet: { create: (self: RangeProxy) => self._worksheetProxy() },
    conditionalFormats: {
      create: (self: RangeProxy) =>
        new ConditionalFormatCollectionProxy(self.context, () => self._targetOrNull()),
    },
    dataValidation: {
      create: (self: RangeProxy) => new DataValidationProxy(self.context, () => self._targetOrNull()),
    },
  },
};

/**
 * Range.rowHidden or columnHidden: true when every row (column) of the range is hidden, false when
 * none is, null when some are; set, it hides or shows them all.
 */
function hiddenProp(lines: 'hiddenRows' | 'hiddenCols', from: 'top' | 'left', to: 'bottom' | 'right') {
  return {
    get: (t: RangeTarget) => hiddenOf(t.sheet[lines], t.rect[from], t.rect[to]),
    set: (t: RangeTarget, v: unknown, self: RangeProxy) => {
      for (let i = t.rect[from]; i <= t.rect[to]; i++)
        if (v === true) t.sheet[lines].add(i);
        else t.sheet[lines].delete(i);
      modelOf(self).version++;
    },
  };
}

function hiddenOf(set: ReadonlySet<number>, from: number, to: number): boolean | null {
  let hidden = 0;
  for (let i = from; i <= to; i++) if (set.has(i)) hidden++;
  return hidden === 0 ? false : hidden === to - from + 1 ? true : null;
}

/** The visible rows and columns of a range: those not hidden. */
function visibleLines(t: RangeTarget): { rows: number[]; cols: number[] } {
  const rows: number[] = [];
  const cols: number[] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) if (!t.sheet.hiddenRows.has(r)) rows.push(r);
  for (let c = t.rect.left; c <= t.rect.right; c++) if (!t.sheet.hiddenCols.has(c)) cols.push(c);
  return { rows, cols };
}

const RANGE_VIEW_SCHEMA: Schema = {
  name: 'RangeView',
  props: {
    rowCount: { get: (t: RangeTarget) => visibleLines(t).rows.length },
    columnCount: { get: (t: RangeTarget) => visibleLines(t).cols.length },
    cellAddresses: {
      get: (t: RangeTarget) => {
        const { rows, cols } = visibleLines(t);
        return rows.map((r) =>
          cols.map((c) => qualifiedA1(t.sheet.name, { top: r, left: c, bottom: r, right: c })),
        );
      },
    },
    values: {
      get: (t: RangeTarget, self: SimObject) => {
        const { rows, cols } = visibleLines(t);
        return rows.map((r) => cols.map((c) => apiValue(modelOf(self).value(t.sheet, r, c))));
      },
    },
  },
};

/** `Excel.RangeView`: the visible cells of a range (ExcelApi 1.3). */
export class RangeViewProxy extends SimObject<RangeTarget> {
  get _schema(): Schema {
    return RANGE_VIEW_SCHEMA;
  }
}
defineProps(RangeViewProxy, RANGE_VIEW_SCHEMA);

export class RangeProxy extends SimObject<RangeTarget> {
  get _schema(): Schema {
    return RANGE_SCHEMA;
  }

  /** @internal set by the worksheet module (which owns the Worksheet proxy). */
  static worksheetFactory: (context: SimRequestContext, resolve: () => SheetModel | null) => SimObject;

  /** @internal */
  _worksheetProxy(): SimObject {
    return RangeProxy.worksheetFactory(this.context, () => this._targetOrNull()?.sheet ?? null);
  }

  private _derive(method: string, fn: (t: RangeTarget) => RangeTarget | null, nullable = false): RangeProxy {
    const r = new RangeProxy(this.context, () => {
      this.context._require(apiVersion('Range', method), `Range.${method}`);
      const t = this._targetOrNull();
      return t === null ? null : fn(t);
    });
    if (nullable) this.context._watch(r);
    return r;
  }

  private _rel(method: string, f: (rect: CellRange) => CellRange): RangeProxy {
    return this._derive(method, (t) => ({ sheet: t.sheet, rect: checkedRect(f(t.rect)) }));
  }

  getCell(row: number, column: number): RangeProxy {
    return this._rel('getCell', (r) => {
      const top = r.top + intArg(row, 'row');
      const left = r.left + intArg(column, 'column');
      return { top, left, bottom: top, right: left };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._rel('getOffsetRange', (r) => {
      const dr = intArg(rowOffset, 'rowOffset');
      const dc = intArg(columnOffset, 'columnOffset');
      return { top: r.top + dr, left: r.left + dc, bottom: r.bottom + dr, right: r.right + dc };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._rel('getResizedRange', (r) => ({
      ...r,
      bottom: r.bottom + intArg(deltaRows, 'deltaRows'),
      right: r.right + intArg(deltaColumns, 'deltaColumns'),
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this._rel('getAbsoluteResizedRange', (r) => ({
      ...r,
      bottom: r.top + intArg(numRows, 'numRows') - 1,
      right: r.left + intArg(numColumns, 'numColumns') - 1,
    }));
  }

  getRow(row: number): RangeProxy {
    return this._rel('getRow', (r) => ({ ...r, top: r.top + intArg(row, 'row'), bottom: r.top + row }));
  }

  getColumn(column: number): RangeProxy {
    return this._rel('getColumn', (r) => ({
      ...r,
      left: r.left + intArg(column, 'column'),
      right: r.left + column,
    }));
  }

  getRowsAbove(count = 1): RangeProxy {
    return this._rel('getRowsAbove', (r) => ({
      ...r,
      top: r.top - intArg(count, 'count'),
      bottom: r.top - 1,
    }));
  }

  getRowsBelow(count = 1): RangeProxy {
    return this._rel('getRowsBelow', (r) => ({
      ...r,
      top: r.bottom + 1,
      bottom: r.bottom + intArg(count, 'count'),
    }));
  }

  getColumnsBefore(count = 1): RangeProxy {
    return this._rel('getColumnsBefore', (r) => ({
      ...r,
      left: r.left - intArg(count, 'count'),
      right: r.left - 1,
    }));
  }

  getColumnsAfter(count = 1): RangeProxy {
    return this._rel('getColumnsAfter', (r) => ({
      ...r,
      left: r.right + 1,
      right: r.right + intArg(count, 'count'),
    }));
  }

  getLastCell(): RangeProxy {
    return this._rel('getLastCell', (r) => ({
      top: r.bottom,
      left: r.right,
      bottom: r.bottom,
      right: r.right,
    }));
  }

  getLastRow(): RangeProxy {
    return this._rel('getLastRow', (r) => ({ ...r, top: r.bottom }));
  }

  getLastColumn(): RangeProxy {
    return this._rel('getLastColumn', (r) => ({ ...r, left: r.right }));
  }

  getEntireRow(): RangeProxy {
    return this._rel('getEntireRow', (r) => ({ top: r.top, bottom: r.bottom, left: 0, right: MAX_COLS - 1 }));
  }

  getEntireColumn(): RangeProxy {
    return this._rel('getEntireColumn', (r) => ({
      top: 0,
      bottom: MAX_ROWS - 1,
      left: r.left,
      right: r.right,
    }));
  }

  private _other(other: unknown, t: RangeTarget): CellRange {
    if (typeof other === 'string') return rectInSheet(t.sheet, other);
    if (other instanceof RangeProxy) {
      this.context._checkSameContext(other);
      const o = other._target();
      if (o.sheet !== t.sheet)
        throw new SimError('InvalidArgument', 'The ranges are on different worksheets.');
      return o.rect;
    }
    throw new SimError('InvalidArgument', 'A range or an address is expected.');
  }

  getBoundingRect(anotherRange: unknown): RangeProxy {
    return this._derive('getBoundingRect', (t) => ({
      sheet: t.sheet,
      rect: boundingRect([t.rect, this._other(anotherRange, t)]),
    }));
  }

  getIntersection(anotherRange: unknown): RangeProxy {
    return this._derive('getIntersection', (t) => {
      const i = intersect(t.rect, this._other(anotherRange, t));
      if (!i) throw new SimError('ItemNotFound', 'The ranges do not intersect.');
      return { sheet: t.sheet, rect: i };
    });
  }

  getIntersectionOrNullObject(anotherRange: unknown): RangeProxy {
    return this._derive(
      'getIntersectionOrNullObject',
      (t) => {
        const i = intersect(t.rect, this._other(anotherRange, t));
        return i ? { sheet: t.sheet, rect: i } : null;
      },
      true,
    );
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._derive('getUsedRange', (t) => {
      const used = t.sheet.usedRect(!!valuesOnly);
      const i = used && intersect(used, t.rect);
      if (!i) throw new SimError('ItemNotFound', 'The range has no used cells.');
      return { sheet: t.sheet, rect: i };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._derive(
      'getUsedRangeOrNullObject',
      (t) => {
        const used = t.sheet.usedRect(!!valuesOnly);
        const i = used && intersect(used, t.rect);
        return i ? { sheet: t.sheet, rect: i } : null;
      },
      true,
    );
  }

  getVisibleView(): RangeViewProxy {
    return new RangeViewProxy(this.context, () => {
      this.context._require(apiVersion('Range', 'getVisibleView'), 'Range.getVisibleView');
      return this._targetOrNull();
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    const areas = new RangeAreasProxy(this.context, () => {
      this.context._require(
        apiVersion('Range', 'getMergedAreasOrNullObject'),
        'Range.getMergedAreasOrNullObject',
      );
      const t = this._targetOrNull();
      if (t === null) return null;
      // Only the merged areas whose top-left cell lies in the range
      // (https://github.com/OfficeDev/office-js/issues/3611, #1590), and none at all above 512:
      // "if the merged areas count in this range is more than 512, then this method will fail to
      // return the result" (Range.getMergedAreasOrNullObject in @types/office-js). Which error Excel
      // then gives is not documented; the add-in must not depend on the code.
      const hits = t.sheet
        .mergesIntersecting(t.rect)
        .filter((m) => m.top >= t.rect.top && m.left >= t.rect.left);
      if (hits.length > MAX_MERGED_AREAS)
        throw new SimError(
          'GeneralException',
          `The range has ${hits.length} merged areas; Excel returns at most ${MAX_MERGED_AREAS}.`,
        );
      return hits.length ? { sheet: t.sheet, areas: hits } : null;
    });
    this.context._watch(areas);
    return areas;
  }

  insert(shift: unknown): RangeProxy {
    const inserted = new RangeProxy(this.context, () => {
      throw new SimError(
        'InvalidObjectPath',
        'The inserted range is not available before the insert has been applied.',
      );
    });
    this._call('insert', () => {
      const t = this._target();
      const dir = enumValue(shift, Object.values(ExcelEnums.InsertShiftDirection), 'shift') as
        'Down' | 'Right';
      modelOf(this).insertCells(t.sheet, t.rect, dir, ADDIN);
      const fixed = { sheet: t.sheet, rect: t.rect };
      inserted._bind(() => ({ sheet: liveSheet(fixed.sheet), rect: fixed.rect }));
    });
    return inserted;
  }

  delete(shift: unknown): void {
    this._call('delete', () => {
      const t = this._target();
      const dir = enumValue(shift, Object.values(ExcelEnums.DeleteShiftDirection), 'shift') as 'Up' | 'Left';
      modelOf(this).deleteCells(t.sheet, t.rect, dir, ADDIN);
    });
  }

  clear(applyTo: unknown = 'All'): void {
    this._call('clear', () => {
      const t = this._target();
      modelOf(this).clear(
        t.sheet,
        t.rect,
        enumValue(applyTo, Object.values(ExcelEnums.ClearApplyTo), 'applyTo'),
        ADDIN,
      );
    });
  }

  merge(across = false): void {
    this._call('merge', () => {
      const t = this._target();
      modelOf(this).merge(t.sheet, t.rect, !!across);
    });
  }

  unmerge(): void {
    this._call('unmerge', () => {
      const t = this._target();
      modelOf(this).unmerge(t.sheet, t.rect);
    });
  }

  select(): void {
    this._call('select', () => {
      const t = this._target();
      modelOf(this).select(t.sheet, t.rect, ADDIN);
    });
  }

  calculate(): void {
    this._call('calculate', () => void this._target());
  }
}
defineProps(RangeProxy, RANGE_SCHEMA);

// ---- RangeAreas ----

export interface AreasTarget {
  sheet: SheetModel;
  areas: CellRange[];
}

const RANGE_AREAS_SCHEMA: Schema = {
  name: 'RangeAreas',
  props: {
    address: { get: (t: AreasTarget) => t.areas.map((a) => qualifiedA1(t.sheet.name, a)).join(',') },
    addressLocal: { get: (t: AreasTarget) => t.areas.map((a) => qualifiedA1(t.sheet.name, a)).join(',') },
    areaCount: { get: (t: AreasTarget) => t.areas.length },
    cellCount: { get: (t: AreasTarget) => t.areas.reduce((n, a) => n + cellCount(a), 0) },
    isEntireRow: { get: (t: AreasTarget) => t.areas.every(isEntireRows) },
    isEntireColumn: { get: (t: AreasTarget) => t.areas.every(isEntireCols) },
  },
  navs: {
    areas: {
      create: (self: RangeAreasProxy) => new RangeCollectionProxy(self.context, () => self._targetOrNull()),
    },
    worksheet: {
      create: (self: RangeAreasProxy) =>
        RangeProxy.worksheetFactory(self.context, () => self._targetOrNull()?.sheet ?? null),
    },
  },
};

export class RangeAreasProxy extends SimObject<AreasTarget> {
  get _schema(): Schema {
    return RANGE_AREAS_SCHEMA;
  }
}
defineProps(RangeAreasProxy, RANGE_AREAS_SCHEMA);

const RANGE_COLLECTION_SCHEMA: Schema = { name: 'RangeCollection', props: {} };

export class RangeCollectionProxy extends SimCollection<AreasTarget, RangeTarget, RangeProxy> {
  get _schema(): Schema {
    return RANGE_COLLECTION_SCHEMA;
  }
  _list(t: AreasTarget): RangeTarget[] {
    return t.areas.map((rect) => ({ sheet: t.sheet, rect }));
  }
  _itemProxy(item: RangeTarget): RangeProxy {
    const p = new RangeProxy(this.context, () => item);
    p._bind(() => ({ sheet: liveSheet(item.sheet), rect: item.rect }));
    return p;
  }
  getCount(): ClientResult<number> {
    return this._result('getCount', () => this._list(this._target()).length);
  }
  getItemAt(index: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this._targetOrNull();
      if (t === null) return null;
      const rect = t.areas[index];
      if (!rect) throw new SimError('ItemNotFound', `There is no range at index ${index}.`);
      return { sheet: t.sheet, rect };
    });
  }
}

// ---- formats ----

function formatProp<K extends keyof CellFormat>(
  key: K,
  check: (v: unknown) => CellFormat[K],
  allowed?: string,
) {
  return {
    get: (t: RangeTarget) => uniform(t, (r, c) => t.sheet.format(r, c)[key]),
    set: (t: RangeTarget, v: unknown, self: SimObject) => {
      const value = check(v);
      modelOf(self).patchFormat(t.sheet, t.rect, (f) => ({ ...f, [key]: value }), allowed);
    },
  };
}

const bool = (what: string) => (v: unknown) => {
  if (typeof v !== 'boolean') throw new SimError('InvalidArgument', `${what} must be true or false.`);
  return v;
};

const FORMAT_SCHEMA: Schema = {
  name: 'RangeFormat',
  props: {
    horizontalAlignment: formatProp('horizontal', (v) =>
      enumValue(v, Object.values(ExcelEnums.HorizontalAlignment), 'horizontalAlignment'),
    ),
    verticalAlignment: formatProp('vertical', (v) =>
      enumValue(v, Object.values(ExcelEnums.VerticalAlignment), 'verticalAlignment'),
    ),
    wrapText: formatProp('wrap', bool('wrapText')),
    indentLevel: formatProp('indent', (v) => {
      if (typeof v !== 'number' || v < 0 || v > 250)
        throw new SimError('InvalidArgument', 'indentLevel must be 0–250.');
      return v;
    }),
    columnWidth: {
      get: (t: RangeTarget, self: SimObject) => {
        const m = modelOf(self);
        const first = m.columnWidth(t.sheet, t.rect.left);
        if (isEntireRows(t.rect))
          return [...t.sheet.colWidths.values()].every((w) => w === first) ? first : null;
        for (let c = t.rect.left; c <= t.rect.right; c++)
          if (m.columnWidth(t.sheet, c) !== first) return null;
        return first;
      },
      set: (t: RangeTarget, v: unknown, self: SimObject) => modelOf(self).setColumnWidth(t.sheet, t.rect, v),
    },
    rowHeight: {
      get: (t: RangeTarget, self: SimObject) => {
        const m = modelOf(self);
        const first = m.rowHeight(t.sheet, t.rect.top);
        if (isEntireCols(t.rect))
          return [...t.sheet.rowHeights.values()].every((h) => h === first) ? first : null;
        for (let r = t.rect.top; r <= t.rect.bottom; r++) if (m.rowHeight(t.sheet, r) !== first) return null;
        return first;
      },
      set: (t: RangeTarget, v: unknown, self: SimObject) => modelOf(self).setRowHeight(t.sheet, t.rect, v),
    },
  },
  navs: {
    fill: {
      create: (self: RangeFormatProxy) => new RangeFillProxy(self.context, () => self._targetOrNull()),
    },
    font: {
      create: (self: RangeFormatProxy) => new RangeFontProxy(self.context, () => self._targetOrNull()),
    },
    borders: {
      create: (self: RangeFormatProxy) =>
        new RangeBorderCollectionProxy(self.context, () => self._targetOrNull()),
    },
    protection: {
      create: (self: RangeFormatProxy) => new FormatProtectionProxy(self.context, () => self._targetOrNull()),
    },
  },
};

/** Text width in points for autofit: CJK characters count double. */
function textWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) units += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return units * size * 0.55 + 8;
}

export class RangeFormatProxy extends SimObject<RangeTarget> {
  get _schema(): Schema {
    return FORMAT_SCHEMA;
  }

  autofitColumns(): void {
    this._call('autofitColumns', () => {
      const t = this._target();
      const m = modelOf(this);
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        let width = 0;
        for (const [r, col] of t.sheet.cellsIn({ ...t.rect, left: c, right: c })) {
          const f = t.sheet.format(r, col);
          if (t.sheet.mergeAt(r, col) || f.wrap) continue;
          width = Math.max(
            width,
            textWidth(displayText(m.value(t.sheet, r, col), f.numberFormat), f.fontSize),
          );
        }
        if (width > 0) m.setColumnWidth(t.sheet, { ...t.rect, left: c, right: c }, Math.min(width, 409));
      }
    });
  }

  autofitRows(): void {
    this._call('autofitRows', () => {
      const t = this._target();
      const m = modelOf(this);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        let height = 15;
        for (const [row, c] of t.sheet.cellsIn({ ...t.rect, top: r, bottom: r })) {
          const f = t.sheet.format(row, c);
          const text = displayText(m.value(t.sheet, row, c), f.numberFormat);
          const merge = t.sheet.mergeAt(row, c);
          if (merge && merge.bottom > merge.top) continue;
          let available = 0;
          for (let col = merge ? merge.left : c; col <= (merge ? merge.right : c); col++)
            available += m.columnWidth(t.sheet, col);
          const lines = f.wrap
            ? Math.max(1, Math.ceil(textWidth(text, f.fontSize) / Math.max(available, 1)))
            : 1;
          height = Math.max(height, Math.ceil(lines * f.fontSize * 1.35));
        }
        m.setRowHeight(t.sheet, { ...t.rect, top: r, bottom: r }, Math.min(height, 409));
      }
    });
  }
}
defineProps(RangeFormatProxy, FORMAT_SCHEMA);

const FILL_SCHEMA: Schema = {
  name: 'RangeFill',
  props: {
    color: {
      get: (t: RangeTarget) => uniform(t, (r, c) => t.sheet.format(r, c).fill ?? '#FFFFFF'),
      set: (t: RangeTarget, v: unknown, self: SimObject) => {
        const color = normalizeColor(v);
        modelOf(self).patchFormat(t.sheet, t.rect, (f) => ({ ...f, fill: color }));
      },
    },
  },
};

export class RangeFillProxy extends SimObject<RangeTarget> {
  get _schema(): Schema {
    return FILL_SCHEMA;
  }
  clear(): void {
    this._call('clear', () => {
      const t = this._target();
      modelOf(this).patchFormat(t.sheet, t.rect, (f) => ({ ...f, fill: undefined }));
    });
  }
}
defineProps(RangeFillProxy, FILL_SCHEMA);

const FONT_SCHEMA: Schema = {
  name: 'RangeFont',
  props: {
    name: formatProp('fontName', (v) => {
      if (typeof v !== 'string' || v === '')
        throw new SimError('InvalidArgument', 'The font name must be text.');
      return v;
    }),
    size: formatProp('fontSize', (v) => {
      if (typeof v !== 'number' || v < 1 || v > 409)
        throw new SimError('InvalidArgument', 'The font size must be 1–409.');
      return v;
    }),
    bold: formatProp('bold', bool('bold')),
    italic: formatProp('italic', bool('italic')),
    strikethrough: formatProp('strikethrough', bool('strikethrough')),
    underline: formatProp('underline', (v) =>
      enumValue(v, Object.values(ExcelEnums.RangeUnderlineStyle), 'underline'),
    ),
    color: formatProp('fontColor', (v) => normalizeColor(v)),
  },
};

export class RangeFontProxy extends SimObject<RangeTarget> {
  get _schema(): Schema {
    return FONT_SCHEMA;
  }
}
defineProps(RangeFontProxy, FONT_SCHEMA);

const PROTECTION_SCHEMA: Schema = {
  name: 'FormatProtection',
  props: {
    locked: formatProp('locked', bool('locked')),
    formulaHidden: formatProp('formulaHidden', bool('formulaHidden')),
  },
};

export class FormatProtectionProxy extends SimObject<RangeTarget> {
  get _schema(): Schema {
    return PROTECTION_SCHEMA;
  }
}
defineProps(FormatProtectionProxy, PROTECTION_SCHEMA);

// ---- borders ----

const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];

interface BorderTarget extends RangeTarget {
  index: string;
}

/** The border at one index as Excel reports it: uniform over the cells it concerns, else null. */
function readBorder(t: BorderTarget, key: keyof Border | 'style'): string | null {
  const pick = (b: Border | null) =>
    b ? b[key] : key === 'style' ? 'None' : key === 'weight' ? 'Thin' : '#000000';
  const { top, left, bottom, right } = t.rect;
  const edgeOf = (edge: Edge, rect: CellRange) =>
    uniform({ sheet: t.sheet, rect }, (r, c) => pick(t.sheet.border(r, c, edge)));
  switch (t.index) {
    case 'EdgeTop':
      return edgeOf('top', { top, left, bottom: top, right });
    case 'EdgeBottom':
      return edgeOf('bottom', { top: bottom, left, bottom, right });
    case 'EdgeLeft':
      return edgeOf('left', { top, left, bottom, right: left });
    case 'EdgeRight':
      return edgeOf('right', { top, left: right, bottom, right });
    case 'InsideHorizontal':
      return bottom > top ? edgeOf('bottom', { top, left, bottom: bottom - 1, right }) : pick(null);
    case 'InsideVertical':
      return right > left ? edgeOf('right', { top, left, bottom, right: right - 1 }) : pick(null);
    default:
      return pick(null);
  }
}

function borderProp(key: keyof Border, check: (v: unknown) => string) {
  return {
    get: (t: BorderTarget) => readBorder(t, key),
    set: (t: BorderTarget, v: unknown, self: SimObject) =>
      modelOf(self).setBorder(t.sheet, t.rect, t.index, { [key]: check(v) }),
  };
}

const BORDER_SCHEMA: Schema = {
  name: 'RangeBorder',
  props: {
    sideIndex: { get: (t: BorderTarget) => t.index },
    style: borderProp('style', (v) => enumValue(v, Object.values(ExcelEnums.BorderLineStyle), 'style')),
    weight: borderProp('weight', (v) => enumValue(v, Object.values(ExcelEnums.BorderWeight), 'weight')),
    color: borderProp('color', (v) => normalizeColor(v)),
  },
};

export class RangeBorderProxy extends SimObject<BorderTarget> {
  get _schema(): Schema {
    return BORDER_SCHEMA;
  }
}
defineProps(RangeBorderProxy, BORDER_SCHEMA);

const BORDERS_SCHEMA: Schema = { name: 'RangeBorderCollection', props: { count: { get: () => 8 } } };

export class RangeBorderCollectionProxy extends SimCollection<RangeTarget, BorderTarget, RangeBorderProxy> {
  get _schema(): Schema {
    return BORDERS_SCHEMA;
  }
  _list(t: RangeTarget): BorderTarget[] {
    return BORDER_INDEXES.map((index) => ({ ...t, index }));
  }
  _itemProxy(item: BorderTarget): RangeBorderProxy {
    return new RangeBorderProxy(this.context, () => {
      const t = this._targetOrNull();
      return t === null ? null : { ...t, index: item.index };
    });
  }
  getItem(index: unknown): RangeBorderProxy {
    return new RangeBorderProxy(this.context, () => {
      const t = this._targetOrNull();
      if (t === null) return null;
      return { ...t, index: enumValue(index, BORDER_INDEXES, 'index') };
    });
  }
  getItemAt(index: number): RangeBorderProxy {
    return new RangeBorderProxy(this.context, () => {
      const t = this._targetOrNull();
      if (t === null) return null;
      const name = BORDER_INDEXES[index];
      if (!name) throw new SimError('InvalidArgument', `There is no border at index ${index}.`);
      return { ...t, index: name };
    });
  }
}
defineProps(RangeBorderCollectionProxy, BORDERS_SCHEMA);
