/**
 * `Excel.Workbook`, `Application`, worksheets and what hangs off them: protection, page layout,
 * named items, settings, custom properties, events.
 */

import { ExcelEnums } from '../enums';
import { SimError } from '../errors';
import { MAX_COLS, MAX_ROWS } from '../formula/lexer';
import { parseFormula } from '../formula/parser';
import { evaluateFormula } from '../formula/evaluate';
import { enumValue, normalizeColor } from '../model/format';
import { type CellRange, qualifiedA1 } from '../model/rects';
import type { PageLayoutModel, SheetModel, Visibility } from '../model/sheet';
import { ADDIN, type NameModel, type WorkbookModel, typeOfValue } from '../model/workbook';
import { isError } from '../values';
import { ClientResult, type Schema, SimCollection, SimObject, clonePlain, defineProps } from './base';
import type { SimRequestContext } from './context';
import { type EventKind, type EventRegistry, EventHandlers } from './events';
import { RangeAreasProxy, RangeProxy, liveSheet, rectInSheet } from './range';

function modelOf(o: SimObject): WorkbookModel {
  return o.context._host.model;
}

function registryOf(o: SimObject): EventRegistry {
  return (o.context._host as unknown as { events: EventRegistry }).events;
}

function boolArg(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw new SimError('InvalidArgument', `${what} must be true or false.`);
  return v;
}

// ---- Workbook ----

const WORKBOOK_SCHEMA: Schema = {
  name: 'Workbook',
  props: {
    name: { get: () => 'Book1.xlsx' },
    readOnly: { get: () => false },
  },
  navs: {
    worksheets: {
      create: (self: WorkbookProxy) => new WorksheetCollectionProxy(self.context, () => modelOf(self)),
    },
    names: {
      create: (self: WorkbookProxy) => new NamedItemCollectionProxy(self.context, () => ({ scope: null })),
    },
    settings: {
      create: (self: WorkbookProxy) => new SettingCollectionProxy(self.context, () => modelOf(self)),
    },
    application: { create: (self: WorkbookProxy) => new ApplicationProxy(self.context, () => modelOf(self)) },
    protection: {
      create: (self: WorkbookProxy) => new WorkbookProtectionProxy(self.context, () => modelOf(self)),
    },
  },
};

export class WorkbookProxy extends SimObject<WorkbookModel> {
  get _schema(): Schema {
    return WORKBOOK_SCHEMA;
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const m = modelOf(this);
      const sheet = m.sheetById(m.selection.sheetId) ?? m.activeSheet();
      return { sheet, rect: m.selection.rect };
    });
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      this._gate('getActiveCell');
      const m = modelOf(this);
      const sheet = m.sheetById(m.selection.sheetId) ?? m.activeSheet();
      const r = m.selection.rect;
      return { sheet, rect: { top: r.top, left: r.left, bottom: r.top, right: r.left } };
    });
  }
}
defineProps(WorkbookProxy, WORKBOOK_SCHEMA);

const APPLICATION_SCHEMA: Schema = {
  name: 'Application',
  props: {
    calculationMode: {
      get: () => 'Automatic',
      set: (_t: WorkbookModel, v: unknown) =>
        void enumValue(v, Object.values(ExcelEnums.CalculationMode), 'calculationMode'),
    },
  },
};

export class ApplicationProxy extends SimObject<WorkbookModel> {
  get _schema(): Schema {
    return APPLICATION_SCHEMA;
  }
  calculate(calculationType: unknown): void {
    this._call('calculate', () => {
      enumValue(calculationType, Object.values(ExcelEnums.CalculationType), 'calculationType');
      this._target().touch();
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call('suspendApiCalculationUntilNextSync', () => void this._target());
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call('suspendScreenUpdatingUntilNextSync', () => void this._target());
  }
}
defineProps(ApplicationProxy, APPLICATION_SCHEMA);

const WORKBOOK_PROTECTION_SCHEMA: Schema = {
  name: 'WorkbookProtection',
  props: { protected: { get: (m: WorkbookModel) => m.structureProtection.protected } },
};

export class WorkbookProtectionProxy extends SimObject<WorkbookModel> {
  get _schema(): Schema {
    return WORKBOOK_PROTECTION_SCHEMA;
  }
  protect(password?: string): void {
    this._call('protect', () => {
      const m = this._target();
      if (m.structureProtection.protected)
        throw new SimError('InvalidOperation', 'The workbook is already protected.');
      m.structureProtection = { protected: true, password: password || undefined };
      m.version++;
    });
  }
  unprotect(password?: string): void {
    this._call('unprotect', () => {
      const m = this._target();
      const p = m.structureProtection;
      if (p.protected && p.password !== undefined && p.password !== password)
        throw new SimError('InvalidArgument', 'The password you supplied is not correct.');
      m.structureProtection = { protected: false };
      m.version++;
    });
  }
}
defineProps(WorkbookProtectionProxy, WORKBOOK_PROTECTION_SCHEMA);

// ---- worksheets ----

const COLLECTION_SCHEMA: Schema = { name: 'WorksheetCollection', props: {} };

export class WorksheetCollectionProxy extends SimCollection<WorkbookModel, SheetModel, WorksheetProxy> {
  private _events = new Map<string, EventHandlers>();

  get _schema(): Schema {
    return COLLECTION_SCHEMA;
  }

  _list(m: WorkbookModel): SheetModel[] {
    return [...m.sheets];
  }

  _itemProxy(sheet: SheetModel): WorksheetProxy {
    return WorksheetProxy.bound(this.context, sheet);
  }

  add(name?: string): WorksheetProxy {
    const added = new WorksheetProxy(this.context, () => {
      throw new SimError('InvalidObjectPath', 'The worksheet is not available before it has been added.');
    });
    this._call('add', () => {
      const sheet = modelOf(this).addSheet(
        name === undefined || name === null ? undefined : String(name),
        ADDIN,
      );
      added._bind(() => liveSheet(sheet));
    });
    return added;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      this._gate('getItem');
      const s = modelOf(this).sheetByKey(String(key));
      if (!s) throw new SimError('ItemNotFound', `The requested resource doesn't exist: worksheet '${key}'.`);
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const p = new WorksheetProxy(this.context, () => {
      this._gate('getItemOrNullObject');
      return modelOf(this).sheetByKey(String(key)) ?? null;
    });
    this.context._watch(p);
    return p;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => modelOf(this).activeSheet());
  }

  getCount(visibleOnly?: boolean): ClientResult<number> {
    return this._result(
      'getCount',
      () => modelOf(this).sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length,
    );
  }

  private _end(method: 'getFirst' | 'getLast', visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      this._gate(method);
      const list = modelOf(this).sheets.filter((s) => !visibleOnly || s.visibility === 'Visible');
      const s = method === 'getFirst' ? list[0] : list[list.length - 1];
      if (!s) throw new SimError('ItemNotFound', 'There is no such worksheet.');
      return s;
    });
  }

  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return this._end('getFirst', visibleOnly);
  }

  getLast(visibleOnly?: boolean): WorksheetProxy {
    return this._end('getLast', visibleOnly);
  }

  private _event(name: string, kind: EventKind): EventHandlers {
    let h = this._events.get(name);
    if (!h) {
      h = new EventHandlers(
        this.context,
        registryOf(this),
        'WorksheetCollection',
        name,
        kind,
        () => undefined,
      );
      this._events.set(name, h);
    }
    return h;
  }

  get onChanged(): EventHandlers {
    return this._event('onChanged', 'changed');
  }
  get onAdded(): EventHandlers {
    return this._event('onAdded', 'added');
  }
  get onDeleted(): EventHandlers {
    return this._event('onDeleted', 'deleted');
  }
  get onActivated(): EventHandlers {
    return this._event('onActivated', 'activated');
  }
  get onDeactivated(): EventHandlers {
    return this._event('onDeactivated', 'deactivated');
  }
  get onSelectionChanged(): EventHandlers {
    return this._event('onSelectionChanged', 'selectionChanged');
  }
}

const WORKSHEET_SCHEMA: Schema = {
  name: 'Worksheet',
  props: {
    id: { get: (s: SheetModel) => s.id },
    name: {
      get: (s: SheetModel) => s.name,
      set: (s: SheetModel, v: unknown, self: SimObject) => modelOf(self).renameSheet(s, v),
    },
    position: {
      get: (s: SheetModel, self: SimObject) => modelOf(self).sheets.indexOf(s),
      set: (s: SheetModel, v: unknown, self: SimObject) => modelOf(self).setPosition(s, v),
    },
    visibility: {
      get: (s: SheetModel) => s.visibility,
      set: (s: SheetModel, v: unknown, self: SimObject) =>
        modelOf(self).setVisibility(
          s,
          enumValue(v, Object.values(ExcelEnums.SheetVisibility), 'visibility') as Visibility,
          ADDIN,
        ),
    },
    tabColor: {
      get: (s: SheetModel) => s.tabColor,
      set: (s: SheetModel, v: unknown, self: SimObject) => {
        s.tabColor = v === '' || v === null ? '' : normalizeColor(v);
        modelOf(self).version++;
      },
    },
    showGridlines: {
      get: (s: SheetModel) => s.showGridlines,
      set: (s: SheetModel, v: unknown, self: SimObject) => {
        s.showGridlines = boolArg(v, 'showGridlines');
        modelOf(self).version++;
      },
    },
    showHeadings: {
      get: (s: SheetModel) => s.showHeadings,
      set: (s: SheetModel, v: unknown) => void (s.showHeadings = boolArg(v, 'showHeadings')),
    },
    standardHeight: { get: () => 15 },
    standardWidth: { get: () => 8.43 },
  },
  navs: {
    protection: {
      create: (self: WorksheetProxy) =>
        new WorksheetProtectionProxy(self.context, () => self._targetOrNull()),
    },
    names: {
      create: (self: WorksheetProxy) =>
        new NamedItemCollectionProxy(self.context, () => wrapScope(self._targetOrNull())),
    },
    customProperties: {
      create: (self: WorksheetProxy) =>
        new CustomPropertyCollectionProxy(self.context, () => self._targetOrNull()),
    },
    pageLayout: {
      create: (self: WorksheetProxy) => new PageLayoutProxy(self.context, () => self._targetOrNull()),
    },
  },
};

function wrapScope(sheet: SheetModel | null): { scope: SheetModel } | null {
  return sheet === null ? null : { scope: sheet };
}

export class WorksheetProxy extends SimObject<SheetModel> {
  private _events = new Map<string, EventHandlers>();

  get _schema(): Schema {
    return WORKSHEET_SCHEMA;
  }

  protected override get _sticky(): boolean {
    return true;
  }

  protected override _alive(s: SheetModel): boolean {
    return !s.deleted;
  }

  static bound(context: SimRequestContext, sheet: SheetModel): WorksheetProxy {
    const p = new WorksheetProxy(context, () => sheet);
    p._bind(() => liveSheet(sheet));
    return p;
  }

  activate(): void {
    this._call('activate', () => modelOf(this).activate(this._target(), ADDIN));
  }

  delete(): void {
    this._call('delete', () => modelOf(this).deleteSheet(this._target(), ADDIN));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this._targetOrNull();
      if (sheet === null) return null;
      const rect: CellRange =
        address === undefined || address === ''
          ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }
          : rectInSheet(sheet, address);
      return { sheet, rect };
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): RangeProxy {
    return new RangeProxy(this.context, () => {
      this._gate('getRangeByIndexes');
      const sheet = this._targetOrNull();
      if (sheet === null) return null;
      const nums = [startRow, startColumn, rowCount, columnCount];
      if (
        nums.some((n) => typeof n !== 'number' || !Number.isInteger(n)) ||
        startRow < 0 ||
        startColumn < 0 ||
        rowCount < 1 ||
        columnCount < 1
      )
        throw new SimError('InvalidArgument', 'getRangeByIndexes needs a start ≥ 0 and counts ≥ 1.');
      const rect = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS)
        throw new SimError('InvalidArgument', 'The range would extend beyond the worksheet.');
      return { sheet, rect };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this._targetOrNull();
      if (sheet === null) return null;
      if (
        !Number.isInteger(row) ||
        !Number.isInteger(column) ||
        row < 0 ||
        column < 0 ||
        row >= MAX_ROWS ||
        column >= MAX_COLS
      )
        throw new SimError('InvalidArgument', 'The cell is outside the worksheet.');
      return { sheet, rect: { top: row, left: column, bottom: row, right: column } };
    });
  }

  /** Excel gives A1 for a blank sheet. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, () => {
      this._gate('getUsedRange');
      const sheet = this._targetOrNull();
      if (sheet === null) return null;
      return { sheet, rect: sheet.usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    const p = new RangeProxy(this.context, () => {
      this._gate('getUsedRangeOrNullObject');
      const sheet = this._targetOrNull();
      if (sheet === null) return null;
      const rect = sheet.usedRect(!!valuesOnly);
      return rect ? { sheet, rect } : null;
    });
    this.context._watch(p);
    return p;
  }

  calculate(_markAllDirty: boolean): void {
    this._call('calculate', () => modelOf(this).touch());
  }

  private _event(name: string, kind: EventKind): EventHandlers {
    let h = this._events.get(name);
    if (!h) {
      h = new EventHandlers(this.context, registryOf(this), 'Worksheet', name, kind, () => this._target().id);
      this._events.set(name, h);
    }
    return h;
  }

  get onChanged(): EventHandlers {
    return this._event('onChanged', 'changed');
  }
  get onActivated(): EventHandlers {
    return this._event('onActivated', 'activated');
  }
  get onDeactivated(): EventHandlers {
    return this._event('onDeactivated', 'deactivated');
  }
  get onSelectionChanged(): EventHandlers {
    return this._event('onSelectionChanged', 'selectionChanged');
  }
}
defineProps(WorksheetProxy, WORKSHEET_SCHEMA);
RangeProxy.worksheetFactory = (context, resolve) => new WorksheetProxy(context, resolve);

// ---- protection ----

const PROTECTION_SCHEMA: Schema = {
  name: 'WorksheetProtection',
  props: {
    protected: { get: (s: SheetModel) => s.protection.protected },
    options: { get: (s: SheetModel) => clonePlain(s.protection.options) },
  },
};

export class WorksheetProtectionProxy extends SimObject<SheetModel> {
  get _schema(): Schema {
    return PROTECTION_SCHEMA;
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this._call('protect', () => modelOf(this).protect(this._target(), options, password));
  }
  unprotect(password?: string): void {
    this._call('unprotect', () => modelOf(this).unprotect(this._target(), password), {
      api: password === undefined ? '1.2' : '1.7',
    });
  }
}
defineProps(WorksheetProtectionProxy, PROTECTION_SCHEMA);

// ---- page layout ----

function layoutProp<K extends keyof PageLayoutModel>(key: K, check: (v: unknown) => PageLayoutModel[K]) {
  return {
    get: (s: SheetModel) => clonePlain(s.pageLayout[key]),
    set: (s: SheetModel, v: unknown, self: SimObject) => {
      s.pageLayout[key] = check(v);
      modelOf(self).version++;
    },
  };
}

const num = (what: string) => (v: unknown) => {
  if (typeof v !== 'number' || !(v >= 0))
    throw new SimError('InvalidArgument', `${what} must be a non-negative number.`);
  return v;
};

function zoomCheck(v: unknown): PageLayoutModel['zoom'] {
  if (!v || typeof v !== 'object') throw new SimError('InvalidArgument', 'zoom must be an object.');
  const z = v as Record<string, unknown>;
  const out: PageLayoutModel['zoom'] = {};
  for (const [k, x] of Object.entries(z)) {
    if (x === undefined || x === null) continue;
    if (k === 'scale') {
      if (typeof x !== 'number' || x < 10 || x > 400)
        throw new SimError('InvalidArgument', 'zoom.scale must be 10–400.');
      out.scale = x;
    } else if (k === 'horizontalFitToPages' || k === 'verticalFitToPages') {
      if (typeof x !== 'number' || !Number.isInteger(x) || x < 0)
        throw new SimError('InvalidArgument', `zoom.${k} must be a whole number ≥ 0.`);
      out[k] = x;
    } else throw new SimError('InvalidArgument', `zoom has no member ${k}.`);
  }
  if (
    out.scale !== undefined &&
    (out.horizontalFitToPages !== undefined || out.verticalFitToPages !== undefined)
  )
    throw new SimError('InvalidArgument', 'zoom takes either scale or fit-to-pages, not both.');
  return out;
}

const PAGE_LAYOUT_SCHEMA: Schema = {
  name: 'PageLayout',
  props: {
    orientation: layoutProp('orientation', (v) =>
      enumValue(v, Object.values(ExcelEnums.PageOrientation), 'orientation'),
    ),
    paperSize: layoutProp('paperSize', (v) => enumValue(v, Object.values(ExcelEnums.PaperType), 'paperSize')),
    centerHorizontally: layoutProp('centerHorizontally', (v) => boolArg(v, 'centerHorizontally')),
    centerVertically: layoutProp('centerVertically', (v) => boolArg(v, 'centerVertically')),
    zoom: layoutProp('zoom', zoomCheck),
    printGridlines: layoutProp('printGridlines', (v) => boolArg(v, 'printGridlines')),
    printHeadings: layoutProp('printHeadings', (v) => boolArg(v, 'printHeadings')),
    blackAndWhite: layoutProp('blackAndWhite', (v) => boolArg(v, 'blackAndWhite')),
    draftMode: layoutProp('draftMode', (v) => boolArg(v, 'draftMode')),
    printComments: layoutProp('printComments', (v) =>
      enumValue(v, ['NoComments', 'EndSheet', 'InPlace'], 'printComments'),
    ),
    printErrors: layoutProp('printErrors', (v) =>
      enumValue(v, ['AsDisplayed', 'Blank', 'Dash', 'NotAvailable'], 'printErrors'),
    ),
    printOrder: layoutProp('printOrder', (v) => enumValue(v, ['DownThenOver', 'OverThenDown'], 'printOrder')),
    firstPageNumber: layoutProp('firstPageNumber', (v) => {
      if (v !== '' && (typeof v !== 'number' || !Number.isInteger(v)))
        throw new SimError('InvalidArgument', 'firstPageNumber must be a whole number or "".');
      return v;
    }),
    leftMargin: layoutProp('leftMargin', num('leftMargin')),
    rightMargin: layoutProp('rightMargin', num('rightMargin')),
    topMargin: layoutProp('topMargin', num('topMargin')),
    bottomMargin: layoutProp('bottomMargin', num('bottomMargin')),
    headerMargin: layoutProp('headerMargin', num('headerMargin')),
    footerMargin: layoutProp('footerMargin', num('footerMargin')),
  },
};

export class PageLayoutProxy extends SimObject<SheetModel> {
  get _schema(): Schema {
    return PAGE_LAYOUT_SCHEMA;
  }

  private _areas(sheet: SheetModel, value: unknown): CellRange[] {
    if (value instanceof RangeProxy) {
      this.context._checkSameContext(value);
      const t = value._target();
      if (t.sheet !== sheet) throw new SimError('InvalidArgument', 'The range is on another worksheet.');
      return [t.rect];
    }
    if (value instanceof RangeAreasProxy) {
      this.context._checkSameContext(value);
      return value._target().areas;
    }
    if (typeof value === 'string') return value.split(',').map((a) => rectInSheet(sheet, a.trim()));
    throw new SimError('InvalidArgument', 'A range, range areas or an address is expected.');
  }

  setPrintArea(printArea: unknown): void {
    this._call(
      'setPrintArea',
      () => {
        const s = this._target();
        s.pageLayout.printArea = this._areas(s, printArea);
        modelOf(this).version++;
      },
      { objects: printArea instanceof SimObject ? [printArea] : [] },
    );
  }

  private _areasProxy(
    method: string,
    pick: (l: PageLayoutModel) => CellRange[] | null,
    nullable: boolean,
  ): RangeAreasProxy {
    const p = new RangeAreasProxy(this.context, () => {
      const s = this._targetOrNull();
      if (s === null) return null;
      const areas = pick(s.pageLayout);
      if (!areas || !areas.length) {
        if (nullable) return null;
        throw new SimError('ItemNotFound', `PageLayout.${method}: none is set.`);
      }
      return { sheet: s, areas };
    });
    if (nullable) this.context._watch(p);
    return p;
  }

  getPrintArea(): RangeAreasProxy {
    return this._areasProxy('getPrintArea', (l) => l.printArea, false);
  }

  getPrintAreaOrNullObject(): RangeAreasProxy {
    return this._areasProxy('getPrintAreaOrNullObject', (l) => l.printArea, true);
  }

  setPrintTitleRows(rows: unknown): void {
    this._call('setPrintTitleRows', () => {
      const s = this._target();
      const [r] = this._areas(s, rows);
      s.pageLayout.printTitleRows = { top: r.top, bottom: r.bottom, left: 0, right: MAX_COLS - 1 };
    });
  }

  getPrintTitleRowsOrNullObject(): RangeProxy {
    const p = new RangeProxy(this.context, () => {
      const s = this._targetOrNull();
      return s && s.pageLayout.printTitleRows ? { sheet: s, rect: s.pageLayout.printTitleRows } : null;
    });
    this.context._watch(p);
    return p;
  }

  setPrintTitleColumns(columns: unknown): void {
    this._call('setPrintTitleColumns', () => {
      const s = this._target();
      const [r] = this._areas(s, columns);
      s.pageLayout.printTitleColumns = { top: 0, bottom: MAX_ROWS - 1, left: r.left, right: r.right };
    });
  }

  setPrintMargins(unit: unknown, options: Record<string, unknown>): void {
    this._call('setPrintMargins', () => {
      const s = this._target();
      const u = enumValue(unit, ['Points', 'Inches', 'Centimeters'], 'unit');
      const factor = u === 'Points' ? 1 : u === 'Inches' ? 72 : 72 / 2.54;
      for (const [k, v] of Object.entries(options ?? {})) {
        const key =
          `${k}Margin` in s.pageLayout
            ? (`${k}Margin` as keyof PageLayoutModel)
            : (k as keyof PageLayoutModel);
        if (!key.endsWith('Margin') || !(key in s.pageLayout))
          throw new SimError('InvalidArgument', `Unknown margin ${k}.`);
        (s.pageLayout as unknown as Record<string, number>)[key] = num(k)(v) * factor;
      }
    });
  }
}
defineProps(PageLayoutProxy, PAGE_LAYOUT_SCHEMA);

// ---- named items ----

interface NamesTarget {
  scope: SheetModel | null;
}

const NAMES_SCHEMA: Schema = { name: 'NamedItemCollection', props: {} };

function nameAlive(m: WorkbookModel, n: NameModel): NameModel {
  if (!m.names.includes(n)) throw new SimError('ItemNotFound', `The name '${n.name}' no longer exists.`);
  return n;
}

export class NamedItemCollectionProxy extends SimCollection<NamesTarget, NameModel, NamedItemProxy> {
  get _schema(): Schema {
    return NAMES_SCHEMA;
  }

  _list(t: NamesTarget): NameModel[] {
    return modelOf(this).names.filter((n) => n.scope === t.scope);
  }

  _itemProxy(n: NameModel): NamedItemProxy {
    const p = new NamedItemProxy(this.context, () => n);
    p._bind(() => nameAlive(modelOf(this), n));
    return p;
  }

  private _add(method: string, name: string, reference: unknown, comment?: string): NamedItemProxy {
    const added = new NamedItemProxy(this.context, () => {
      throw new SimError('InvalidObjectPath', 'The name is not available before it has been added.');
    });
    this._call(
      method,
      () => {
        const t = this._target();
        let formula: string;
        if (reference instanceof RangeProxy) {
          const r = reference._target();
          formula = `=${qualifiedA1(r.sheet.name, r.rect, true)}`;
        } else if (typeof reference === 'string') formula = reference;
        else throw new SimError('InvalidArgument', 'A name refers to a range or a formula.');
        const n = modelOf(this).addName(name, formula, t.scope, comment ?? '');
        added._bind(() => nameAlive(modelOf(this), n));
      },
      { objects: reference instanceof SimObject ? [reference] : [] },
    );
    return added;
  }

  add(name: string, reference: unknown, comment?: string): NamedItemProxy {
    return this._add('add', name, reference, comment);
  }

  addFormulaLocal(name: string, formula: string, comment?: string): NamedItemProxy {
    return this._add('addFormulaLocal', name, formula, comment);
  }

  private _find(name: string, nullable: boolean): NamedItemProxy {
    const p = new NamedItemProxy(this.context, () => {
      this._gate(nullable ? 'getItemOrNullObject' : 'getItem');
      const t = this._targetOrNull();
      if (t === null) return null;
      const n = modelOf(this).findName(String(name), t.scope);
      if (!n && !nullable) throw new SimError('ItemNotFound', `The name '${name}' doesn't exist.`);
      return n ?? null;
    });
    if (nullable) this.context._watch(p);
    return p;
  }

  getItem(name: string): NamedItemProxy {
    return this._find(name, false);
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return this._find(name, true);
  }

  getCount(): ClientResult<number> {
    return this._result('getCount', () => this._list(this._target()).length);
  }
}

function nameTarget(m: WorkbookModel, n: NameModel): { sheet: SheetModel; rect: CellRange } | null {
  try {
    const node = parseFormula(n.formula);
    if (node.t !== 'ref') return null;
    const sheet = node.ref.sheet !== undefined ? m.sheetByName(node.ref.sheet) : (n.scope ?? undefined);
    if (!sheet) return null;
    const { a, b } = node.ref;
    return {
      sheet,
      rect: {
        top: Math.min(a.row, b.row),
        left: Math.min(a.col, b.col),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.col, b.col),
      },
    };
  } catch {
    return null;
  }
}

function nameConstant(m: WorkbookModel, n: NameModel) {
  return evaluateFormula(n.formula, {
    host: m,
    sheet: n.scope ?? m.activeSheet(),
    row: 0,
    col: 0,
    dr: 0,
    dc: 0,
  });
}

const NAME_SCHEMA: Schema = {
  name: 'NamedItem',
  props: {
    name: { get: (n: NameModel) => n.name },
    type: {
      get: (n: NameModel, self: SimObject) => {
        if (nameTarget(modelOf(self), n)) return 'Range';
        const t = typeOfValue(nameConstant(modelOf(self), n));
        return t === 'Empty' ? 'String' : t;
      },
    },
    value: {
      get: (n: NameModel, self: SimObject) => {
        if (nameTarget(modelOf(self), n)) return n.formula.slice(1);
        const v = nameConstant(modelOf(self), n);
        return isError(v) ? v.code : v;
      },
    },
    formula: {
      get: (n: NameModel) => n.formula,
      set: (n: NameModel, v: unknown, self: SimObject) => {
        if (typeof v !== 'string') throw new SimError('InvalidArgument', 'The formula must be text.');
        const probe = modelOf(self);
        const formula = v.startsWith('=') ? v : `=${v}`;
        parseFormula(formula);
        n.formula = formula;
        probe.touch();
      },
    },
    comment: {
      get: (n: NameModel) => n.comment,
      set: (n: NameModel, v: unknown) => void (n.comment = String(v)),
    },
    visible: {
      get: (n: NameModel) => n.visible,
      set: (n: NameModel, v: unknown) => void (n.visible = boolArg(v, 'visible')),
    },
    scope: { get: (n: NameModel) => (n.scope ? 'Worksheet' : 'Workbook') },
  },
  navs: {
    worksheet: {
      create: (self: NamedItemProxy) =>
        new WorksheetProxy(self.context, () => {
          const n = self._targetOrNull();
          if (n === null) return null;
          if (!n.scope) throw new SimError('ItemNotFound', 'The name is scoped to the workbook.');
          return n.scope;
        }),
    },
    worksheetOrNullObject: {
      create: (self: NamedItemProxy) => {
        const p = new WorksheetProxy(self.context, () => self._targetOrNull()?.scope ?? null);
        self.context._watch(p);
        return p;
      },
    },
  },
};

export class NamedItemProxy extends SimObject<NameModel> {
  get _schema(): Schema {
    return NAME_SCHEMA;
  }

  protected override get _sticky(): boolean {
    return true;
  }

  protected override _alive(n: NameModel): boolean {
    return this.context._host.model.names.includes(n);
  }

  private _range(nullable: boolean): RangeProxy {
    const p = new RangeProxy(this.context, () => {
      const n = this._targetOrNull();
      if (n === null) return null;
      const t = nameTarget(modelOf(this), n);
      if (!t && !nullable)
        throw new SimError('InvalidOperation', `The name '${n.name}' does not refer to a range.`);
      return t;
    });
    if (nullable) this.context._watch(p);
    return p;
  }

  getRange(): RangeProxy {
    return this._range(false);
  }

  getRangeOrNullObject(): RangeProxy {
    return this._range(true);
  }

  delete(): void {
    this._call('delete', () => modelOf(this).deleteName(this._target()));
  }
}
defineProps(NamedItemProxy, NAME_SCHEMA);

// ---- settings ----

interface SettingTarget {
  model: WorkbookModel;
  key: string;
}

function settingAlive(t: SettingTarget): SettingTarget {
  if (!t.model.settings.has(t.key))
    throw new SimError('ItemNotFound', `The setting '${t.key}' doesn't exist.`);
  return t;
}

function jsonValue(v: unknown): unknown {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol')
    throw new SimError('InvalidArgument', 'A setting value must be JSON.');
  return JSON.parse(JSON.stringify(v));
}

const SETTINGS_SCHEMA: Schema = { name: 'SettingCollection', props: {} };

export class SettingCollectionProxy extends SimCollection<WorkbookModel, SettingTarget, SettingProxy> {
  get _schema(): Schema {
    return SETTINGS_SCHEMA;
  }

  _list(m: WorkbookModel): SettingTarget[] {
    return [...m.settings.keys()].map((key) => ({ model: m, key }));
  }

  _itemProxy(t: SettingTarget): SettingProxy {
    const p = new SettingProxy(this.context, () => t);
    p._bind(() => settingAlive(t));
    return p;
  }

  add(key: string, value: unknown): SettingProxy {
    const added = new SettingProxy(this.context, () => {
      throw new SimError('InvalidObjectPath', 'The setting is not available before it has been added.');
    });
    this._call('add', () => {
      const m = this._target();
      if (typeof key !== 'string' || key === '')
        throw new SimError('InvalidArgument', 'A setting needs a key.');
      m.settings.set(key, jsonValue(value));
      const t = { model: m, key };
      added._bind(() => settingAlive(t));
    });
    return added;
  }

  private _find(key: string, nullable: boolean): SettingProxy {
    const p = new SettingProxy(this.context, () => {
      this._gate(nullable ? 'getItemOrNullObject' : 'getItem');
      const m = this._targetOrNull();
      if (m === null) return null;
      if (!m.settings.has(key)) {
        if (nullable) return null;
        throw new SimError('ItemNotFound', `The setting '${key}' doesn't exist.`);
      }
      return { model: m, key };
    });
    if (nullable) this.context._watch(p);
    return p;
  }

  getItem(key: string): SettingProxy {
    return this._find(key, false);
  }

  getItemOrNullObject(key: string): SettingProxy {
    return this._find(key, true);
  }

  getCount(): ClientResult<number> {
    return this._result('getCount', () => this._target().settings.size);
  }
}

const SETTING_SCHEMA: Schema = {
  name: 'Setting',
  props: {
    key: { get: (t: SettingTarget) => t.key },
    value: {
      get: (t: SettingTarget) => clonePlain(t.model.settings.get(t.key)),
      set: (t: SettingTarget, v: unknown) => void t.model.settings.set(t.key, jsonValue(v)),
    },
  },
};

export class SettingProxy extends SimObject<SettingTarget> {
  get _schema(): Schema {
    return SETTING_SCHEMA;
  }
  delete(): void {
    this._call('delete', () => {
      const t = this._target();
      t.model.settings.delete(t.key);
    });
  }
}
defineProps(SettingProxy, SETTING_SCHEMA);

// ---- worksheet custom properties ----

interface PropTarget {
  sheet: SheetModel;
  key: string;
}

function findProp(sheet: SheetModel, key: string) {
  const lower = key.toLowerCase();
  return sheet.customProperties.find((p) => p.key.toLowerCase() === lower);
}

function propAlive(t: PropTarget): PropTarget {
  if (t.sheet.deleted || !findProp(t.sheet, t.key))
    throw new SimError('ItemNotFound', `The custom property '${t.key}' doesn't exist.`);
  return t;
}

const PROPS_SCHEMA: Schema = { name: 'WorksheetCustomPropertyCollection', props: {} };

export class CustomPropertyCollectionProxy extends SimCollection<
  SheetModel,
  PropTarget,
  CustomPropertyProxy
> {
  get _schema(): Schema {
    return PROPS_SCHEMA;
  }

  _list(sheet: SheetModel): PropTarget[] {
    return sheet.customProperties.map((p) => ({ sheet, key: p.key }));
  }

  _itemProxy(t: PropTarget): CustomPropertyProxy {
    const p = new CustomPropertyProxy(this.context, () => t);
    p._bind(() => propAlive(t));
    return p;
  }

  add(key: string, value: string): CustomPropertyProxy {
    const added = new CustomPropertyProxy(this.context, () => {
      throw new SimError(
        'InvalidObjectPath',
        'The custom property is not available before it has been added.',
      );
    });
    this._call('add', () => {
      const sheet = this._target();
      if (typeof key !== 'string' || key === '' || key.length > 255)
        throw new SimError('InvalidArgument', 'A custom property key must be 1–255 characters.');
      if (typeof value !== 'string')
        throw new SimError('InvalidArgument', 'A custom property value must be text.');
      const existing = findProp(sheet, key);
      if (existing) existing.value = value;
      else sheet.customProperties.push({ key, value });
      const t = { sheet, key };
      added._bind(() => propAlive(t));
    });
    return added;
  }

  private _find(key: string, nullable: boolean): CustomPropertyProxy {
    const p = new CustomPropertyProxy(this.context, () => {
      this._gate(nullable ? 'getItemOrNullObject' : 'getItem');
      const sheet = this._targetOrNull();
      if (sheet === null) return null;
      const hit = findProp(sheet, String(key));
      if (!hit) {
        if (nullable) return null;
        throw new SimError('ItemNotFound', `The custom property '${key}' doesn't exist.`);
      }
      return { sheet, key: hit.key };
    });
    if (nullable) this.context._watch(p);
    return p;
  }

  getItem(key: string): CustomPropertyProxy {
    return this._find(key, false);
  }

  getItemOrNullObject(key: string): CustomPropertyProxy {
    return this._find(key, true);
  }

  getCount(): ClientResult<number> {
    return this._result('getCount', () => this._target().customProperties.length);
  }
}

const PROP_SCHEMA: Schema = {
  name: 'WorksheetCustomProperty',
  props: {
    key: { get: (t: PropTarget) => findProp(t.sheet, t.key)!.key },
    value: {
      get: (t: PropTarget) => findProp(t.sheet, t.key)!.value,
      set: (t: PropTarget, v: unknown) => {
        if (typeof v !== 'string')
          throw new SimError('InvalidArgument', 'A custom property value must be text.');
        findProp(t.sheet, t.key)!.value = v;
      },
    },
  },
};

export class CustomPropertyProxy extends SimObject<PropTarget> {
  get _schema(): Schema {
    return PROP_SCHEMA;
  }
  delete(): void {
    this._call('delete', () => {
      const t = this._target();
      t.sheet.customProperties = t.sheet.customProperties.filter(
        (p) => p.key.toLowerCase() !== t.key.toLowerCase(),
      );
    });
  }
}
defineProps(CustomPropertyProxy, PROP_SCHEMA);
