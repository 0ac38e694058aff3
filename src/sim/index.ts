/**
 * The simulated Excel workbook: an in-memory implementation of the Excel JavaScript API subset the
 * add-in uses (src/sim/api), with Excel's load/sync rules, round-trip counting, formulas and
 * conditional formats evaluated, events, and the user's side of Excel (typing into a cell) for tests
 * and the preview page. Runs in Node and in the browser alike (no Node built-ins).
 */

import type { CellRange, Grid } from '../domain/grid';
import { ClientResult, SimObject } from './api/base';
import { type SimHost, SimRequestContext, versionAtMost } from './api/context';
import { EventHandlerResult, EventRegistry, type Registration } from './api/events';
import { ApplicationProxy, WorkbookProxy } from './api/workbook';
import { RangeProxy } from './api/range';
import { ExcelEnums } from './enums';
import { SimError } from './errors';
import {
  checkedFormula,
  COAUTHOR,
  type Actor,
  type ChangeRecord,
  type StructureRecord,
  USER,
  WorkbookModel,
  typeOfValue,
} from './model/workbook';
import { type SheetModel } from './model/sheet';
import { parseAddress, rectA1, splitSheet } from './model/rects';
import { interpretEntry } from './input';
import { type SimOfficeShim, createOfficeShim } from './office';
import { type HostProfile, type HostProfileId, HOST_PROFILES, defaultHostProfile } from './hosts';
import { CellError, errorFromText, type Scalar, isError } from './values';
import { displayText } from './numfmt';

export { SimError } from './errors';
export { ExcelEnums } from './enums';
export type { SimOfficeShim } from './office';
export {
  HOST_PROFILES,
  HOST_PROFILE_IDS,
  type HostProfile,
  type HostProfileId,
  isHostProfileId,
  setDefaultHostProfile,
  defaultHostProfile,
} from './hosts';
export type { CellRange } from '../domain/grid';

/** The `Excel` global as the add-in's code sees it (typed as @types/office-js's namespace). */
export type SimExcelNamespace = typeof Excel;

export type CellInput = string | number | boolean | null;

export interface SimCellView {
  /** What the cell holds (an error value as its text, e.g. `#DIV/0!`); null when empty. */
  value: string | number | boolean | null;
  error?: true;
  /** Excel's display text under the cell's number format. */
  text: string;
  formula?: string;
  numberFormat: string;
  /** The fill as displayed (conditional formats applied), `#RRGGBB` upper-case, or null for none. */
  fill: string | null;
  /** The cell's own fill. */
  ownFill: string | null;
  /** Font colour and weight as displayed (conditional formats applied). */
  fontColor: string;
  bold: boolean;
  italic: boolean;
  locked: boolean;
  wrap: boolean;
  horizontal?: string;
  vertical?: string;
  borders: { top: boolean; bottom: boolean; left: boolean; right: boolean };
}

export interface SimSheetInfo {
  name: string;
  id: string;
  position: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  tabColor: string;
}

const OFFICE_EXTENSION_ERROR_CODES = {
  accessDenied: 'AccessDenied',
  generalException: 'GeneralException',
  activityLimitReached: 'ActivityLimitReached',
  invalidObjectPath: 'InvalidObjectPath',
  propertyNotLoaded: 'PropertyNotLoaded',
  valueNotLoaded: 'ValueNotLoaded',
  invalidRequestContext: 'InvalidRequestContext',
  invalidArgument: 'InvalidArgument',
  runMustReturnPromise: 'RunMustReturnPromise',
  cannotRegisterEvent: 'CannotRegisterEvent',
  apiNotFound: 'ApiNotFound',
  connectionFailure: 'ConnectionFailure',
};

function apiScalar(v: Scalar): string | number | boolean | null {
  return isError(v) ? v.code : v;
}

/** `new Excel.RequestContext()` for this workbook. */
function contextClassFor(host: SimHost) {
  return class RequestContext extends SimRequestContext {
    constructor() {
      super(host);
    }
  };
}

export class SimWorkbook implements SimHost {
  readonly model: WorkbookModel;
  /** @internal */
  readonly events = new EventRegistry();
  readonly excel: SimExcelNamespace;
  readonly office: SimOfficeShim;
  /** Stand-in for the `OfficeExtension` global: `Error`, `ErrorCodes`, `ClientResult`, `EventHandlerResult`. */
  readonly officeExtension = {
    Error: SimError,
    ErrorCodes: OFFICE_EXTENSION_ERROR_CODES,
    ClientResult,
    EventHandlerResult,
  };
  /** Round trips so far: each `context.sync()`, including the one `Excel.run` makes for queued commands. */
  syncCount = 0;
  /** Bytes of JSON the add-in received so far (loaded values), to measure what a read costs. */
  receivedBytes = 0;
  /** Excel on the web's limit on what one request sends or returns, in bytes of JSON (Infinity on the desktop). */
  payloadLimit: number;
  /**
   * Collection items loaded without their key (a conditional format's `id`) are addressed by their
   * position, as Office.js does (see SimCollection); false binds them to their objects, kinder than Excel.
   */
  indexAddressing = true;
  /** The Excel emulated (SPEC §9 `?host=`): requirement sets, platform, payload limit. */
  readonly host: HostProfile;

  private requirementSets: Record<string, string>;
  private uiLanguage = 'zh-CN';
  private readonly listeners = new Set<() => void>();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly failures: unknown[] = [];
  private readonly beforeSyncActions: ((wb: SimWorkbook) => void)[] = [];
  private notifiedVersion = -1;
  /** While a user action's change events are dropped: the number of records made before it. */
  private quietFrom: number | undefined;

  constructor(options: { sheets?: string[]; host?: HostProfileId } = {}) {
    this.model = new WorkbookModel(options.sheets && options.sheets.length ? options.sheets : ['Sheet1']);
    this.host = HOST_PROFILES[options.host ?? defaultHostProfile()];
    this.payloadLimit = this.host.payloadLimit;
    this.requirementSets = {
      ExcelApi: this.host.excelApi,
      DialogApi: '1.2',
      SharedRuntime: '1.1',
      RibbonApi: '1.2',
      AddinCommands: '1.1',
    };
    this.office = createOfficeShim({
      platform: this.host.platform,
      displayLanguage: () => this.uiLanguage,
      requirementSets: () => this.requirementSets,
      settings: () => this.model.settings,
      notifySettingsChanged: () => this.notify(),
    });
    this.excel = {
      ...ExcelEnums,
      run: (...args: unknown[]) => this.run(args),
      RequestContext: contextClassFor(this),
    } as unknown as SimExcelNamespace;
  }

  /** A workbook holding the grids' sheets (values, formulas, number formats, merges, hidden sheets, rows and columns). */
  static fromGrids(grids: Grid[], options: { host?: HostProfileId } = {}): SimWorkbook {
    const wb = new SimWorkbook({ sheets: grids.map((g) => g.sheet), ...options });
    const m = wb.model;
    grids.forEach((g, i) => {
      const sheet = m.sheets[i];
      g.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell) return;
          const target = sheet.ensure(g.top + r, g.left + c);
          if (cell.numberFormat && cell.numberFormat !== 'General')
            target.fmt = { numberFormat: cell.numberFormat };
          if (cell.formula) {
            try {
              target.formula = checkedFormula(cell.formula);
              return;
            } catch {
              // A formula the simulator cannot read keeps its last value, as a constant.
            }
          }
          const v = cell.value;
          target.value = cell.error && typeof v === 'string' ? (errorFromText(v) ?? v) : v;
          sheet.prune(g.top + r, g.left + c);
        }),
      );
      sheet.merges = g.merges.map((mg) => ({ ...mg }));
      for (const r of g.hiddenRows ?? []) sheet.hiddenRows.add(r);
      for (const c of g.hiddenCols ?? []) sheet.hiddenCols.add(c);
    });
    grids.forEach((g, i) => {
      if (g.hidden && m.sheets.filter((s) => s.visibility === 'Visible').length > 1)
        m.sheets[i].visibility = 'Hidden';
    });
    const firstVisible = m.sheets.find((s) => s.visibility === 'Visible')!;
    m.activeSheetId = firstVisible.id;
    m.selection = { sheetId: firstVisible.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    m.changes = [];
    m.structure = [];
    m.touch();
    return wb;
  }

  // ---- SimHost ----

  /** @internal */
  language(): string {
    return this.uiLanguage;
  }

  /** @internal */
  apiSupported(version: string | undefined): boolean {
    if (version === undefined) return true;
    if (!/^\d/.test(version)) return version in this.requirementSets;
    return versionAtMost(version, this.requirementSets.ExcelApi ?? '1.1');
  }

  /** @internal */
  beginSync(): void {
    this.syncCount++;
    const actions = this.beforeSyncActions.splice(0);
    for (const a of actions) a(this);
    if (this.failures.length) throw this.failures.shift();
  }

  /** @internal */
  endSync(): void {
    this.flushEvents();
    this.notify();
  }

  /** @internal */
  createWorkbookProxy(context: SimRequestContext): SimObject {
    return new WorkbookProxy(context, () => this.model);
  }

  /** @internal */
  createApplicationProxy(context: SimRequestContext): SimObject {
    return new ApplicationProxy(context, () => this.model);
  }

  private run(args: unknown[]): Promise<unknown> {
    const batch = args[args.length - 1];
    const first = args.length > 1 ? args[0] : undefined;
    const p = (async () => {
      if (typeof batch !== 'function')
        throw new SimError('InvalidArgument', 'Excel.run needs a batch function.');
      let context: SimRequestContext;
      if (first instanceof SimRequestContext) context = first;
      else if (first instanceof SimObject) context = first.context;
      else if (Array.isArray(first) && first[0] instanceof SimObject) context = first[0].context;
      else context = new SimRequestContext(this);
      if (context._host !== this)
        throw new SimError('InvalidRequestContext', 'The object belongs to another workbook.');
      const pending = batch(context);
      if (!pending || typeof (pending as Promise<unknown>).then !== 'function')
        throw new SimError(
          'RunMustReturnPromise',
          'The batch function passed to the ".run" method didn\'t return a promise.',
        );
      const result = await pending;
      if (context._hasPending) await context.sync();
      return result;
    })();
    this.track(p);
    return p;
  }

  private track(p: Promise<unknown>): void {
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    this.inflight.add(settled);
    void settled.then(() => this.inflight.delete(settled));
  }

  // ---- events ----

  private flushEvents(): void {
    const changes = this.model.changes.splice(0);
    const structure = this.model.structure.splice(0);
    for (const c of changes) this.deliver('changed', c.sheet.id, () => this.changedArgs(c));
    for (const s of structure) this.deliver(s.kind, s.sheet.id, () => this.structureArgs(s));
  }

  private deliver(kind: Registration['kind'], sheetId: string, args: () => unknown): void {
    for (const r of [...this.events.registrations]) {
      if (r.kind !== kind || (r.sheetId !== undefined && r.sheetId !== sheetId)) continue;
      const delivery = Promise.resolve().then(() => r.handler(args()));
      this.track(delivery);
      void delivery.catch(() => undefined);
    }
  }

  private changedArgs(c: ChangeRecord): Record<string, unknown> {
    const address = rectA1(c.rect);
    const worksheetId = c.sheet.id;
    const args: Record<string, unknown> = {
      type: 'WorksheetChanged',
      address,
      changeType: c.changeType,
      source: c.actor.source,
      worksheetId,
      getRange: (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem(worksheetId).getRange(address),
      getRangeOrNullObject: (ctx: Excel.RequestContext) =>
        ctx.workbook.worksheets.getItemOrNullObject(worksheetId).getRange(address),
    };
    if (this.apiSupported('1.14')) {
      args.triggerSource = c.actor.trigger;
      if (c.changeType === 'CellInserted' || c.changeType === 'CellDeleted')
        args.changeDirectionState =
          c.changeType === 'CellInserted' ? { insertShiftDirection: 'Down' } : { deleteShiftDirection: 'Up' };
    }
    if (this.apiSupported('1.9') && c.details) {
      args.details = {
        valueBefore: apiScalar(c.details.valueBefore) ?? '',
        valueAfter: apiScalar(c.details.valueAfter) ?? '',
        valueTypeBefore: typeOfValue(c.details.valueBefore),
        valueTypeAfter: typeOfValue(c.details.valueAfter),
      };
    }
    return args;
  }

  private structureArgs(s: StructureRecord): Record<string, unknown> {
    if (s.kind === 'selectionChanged')
      return { type: 'WorksheetSelectionChanged', address: rectA1(s.rect), worksheetId: s.sheet.id };
    const type = {
      added: 'WorksheetAdded',
      deleted: 'WorksheetDeleted',
      activated: 'WorksheetActivated',
      deactivated: 'WorksheetDeactivated',
    }[s.kind];
    return { type, source: s.actor.source, worksheetId: s.sheet.id };
  }

  private notify(): void {
    if (this.model.version === this.notifiedVersion) return;
    this.notifiedVersion = this.model.version;
    for (const l of [...this.listeners]) l();
  }

  /** Calls `listener` after every change (a sync that changed something, a user edit), e.g. to redraw. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /**
   * Resolves once queued events have been delivered, the handlers' promises and every `Excel.run`
   * under way have settled, and nothing new started. `quietMs` additionally waits for that long of
   * real time without new activity (for add-in code that debounces with timers).
   */
  async idle(quietMs = 0): Promise<void> {
    for (;;) {
      while (this.inflight.size) await Promise.allSettled([...this.inflight]);
      for (let i = 0; i < 20; i++) await Promise.resolve();
      if (this.inflight.size) continue;
      if (quietMs <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (!this.inflight.size) return;
    }
  }

  // ---- the workbook as a person sees it ----

  private sheet(name: string): SheetModel {
    const s = this.model.sheetByName(name);
    if (!s) throw new SimError('ItemNotFound', `There is no sheet named '${name}'.`);
    return s;
  }

  private cellAt(address: string): { row: number; col: number } {
    const bare = splitSheet(address).address;
    const rect = parseAddress(bare);
    return { row: rect.top, col: rect.left };
  }

  resetSyncCount(): void {
    this.syncCount = 0;
  }

  get selection(): { sheet: string; address: string } {
    const m = this.model;
    const sheet = m.sheetById(m.selection.sheetId) ?? m.activeSheet();
    return { sheet: sheet.name, address: rectA1(m.selection.rect) };
  }

  /** A person clicking a cell (activating its sheet). */
  set selection(value: { sheet: string; address: string }) {
    this.model.select(this.sheet(value.sheet), parseAddress(splitSheet(value.address).address), USER);
    this.afterUserAction();
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  sheetInfo(name: string): SimSheetInfo {
    const s = this.sheet(name);
    return {
      name: s.name,
      id: s.id,
      position: this.model.sheets.indexOf(s),
      visibility: s.visibility,
      protected: s.protection.protected,
      tabColor: s.tabColor,
    };
  }

  activeSheet(): string {
    return this.model.activeSheet().name;
  }

  /** A person clicking a sheet tab. */
  activateSheet(name: string): void {
    this.model.activate(this.sheet(name), USER);
    this.afterUserAction();
  }

  getCell(sheet: string, address: string): SimCellView {
    const s = this.sheet(sheet);
    const { row, col } = this.cellAt(address);
    const view = this.model.cellView(s, row, col);
    const f = view.format;
    const v = view.value;
    return {
      value: apiScalar(v),
      ...(v instanceof CellError ? { error: true as const } : {}),
      text: view.text,
      ...(view.formula !== undefined ? { formula: view.formula } : {}),
      numberFormat: f.numberFormat,
      fill: view.fill,
      ownFill: f.fill,
      fontColor: view.font.color,
      bold: view.font.bold,
      italic: view.font.italic,
      locked: f.locked,
      wrap: f.wrap,
      horizontal: f.horizontal,
      vertical: f.vertical,
      borders: {
        top: !!s.border(row, col, 'top'),
        bottom: !!s.border(row, col, 'bottom'),
        left: !!s.border(row, col, 'left'),
        right: !!s.border(row, col, 'right'),
      },
    };
  }

  /**
   * A person typing `input` into the cell and pressing Enter: Excel's conversions apply unless the
   * cell is formatted as text; a merged area takes the entry in its top-left cell; a locked cell of
   * a protected sheet and a value refused by a Stop validation throw, as Excel refuses them.
   */
  setValue(sheet: string, address: string, input: CellInput): void {
    this.edit(sheet, address, input, USER);
  }

  /**
   * Edits Excel makes without telling the add-in: with `dropdown`, a value picked from a cell's
   * data-validation list fires no `onChanged` (https://github.com/OfficeDev/office-js/issues/420 on
   * the desktop, #3888 and #4066 on the web); with `paste`, neither does pasting (`paste`).
   * Default: every edit is reported.
   */
  missedChangeEvents = { dropdown: false, paste: false };

  /**
   * A person picking `value` from the cell's in-cell dropdown (its list validation): refused when
   * the value is not in the list; `onChanged` fires unless `missedChangeEvents.dropdown`.
   */
  pickFromList(sheet: string, address: string, value: string): void {
    const s = this.sheet(sheet);
    const { row, col } = this.cellAt(address);
    const dv = s.dataValidations.find(
      (d) =>
        d.type === 'List' &&
        d.areas.some((a) => a.top <= row && row <= a.bottom && a.left <= col && col <= a.right),
    );
    if (!dv) throw new SimError('InvalidOperation', `${sheet}!${address} has no dropdown list.`);
    this.model.checkTypedValue(s, row, col, value);
    this.silently(this.missedChangeEvents.dropdown, () => this.edit(sheet, address, value, USER));
  }

  /**
   * A person pasting `rows` (values as text or numbers) with `address` as the top-left cell;
   * `onChanged` fires unless `missedChangeEvents.paste`.
   */
  paste(sheet: string, address: string, rows: CellInput[][]): void {
    const s = this.sheet(sheet);
    const { row, col } = this.cellAt(address);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const rect = { top: row, left: col, bottom: row + rows.length - 1, right: col + width - 1 };
    const data = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    this.silently(this.missedChangeEvents.paste, () => {
      this.model.writeEntries(s, rect, data, USER, true);
      this.afterUserAction();
    });
  }

  /** Runs a user action; with `quiet`, the change records it makes are dropped before delivery. */
  private silently(quiet: boolean, action: () => void): void {
    this.quietFrom = quiet ? this.model.changes.length : undefined;
    try {
      action();
    } finally {
      this.quietFrom = undefined;
    }
  }

  /** A co-author's edit arriving (`source: 'Remote'`). */
  remoteEdit(sheet: string, address: string, input: CellInput): void {
    this.edit(sheet, address, input, COAUTHOR);
  }

  private edit(sheetName: string, address: string, input: CellInput, actor: Actor): void {
    const s = this.sheet(sheetName);
    let { row, col } = this.cellAt(address);
    const merge = s.mergeAt(row, col);
    if (merge) {
      row = merge.top;
      col = merge.left;
    }
    if (s.protection.protected && s.format(row, col).locked)
      throw new SimError(
        'AccessDenied',
        "The cell or chart you're trying to change is on a protected sheet.",
      );
    const entry = interpretEntry(input === null ? '' : input, s.numberFormat(row, col), true);
    if (entry.kind === 'value') this.model.checkTypedValue(s, row, col, entry.value);
    this.model.writeEntries(
      s,
      { top: row, left: col, bottom: row, right: col },
      [[input === null ? '' : input]],
      actor,
      true,
    );
    this.afterUserAction();
  }

  /** A person inserting whole rows above `row` (1-based), e.g. to test live validation. */
  insertRows(sheet: string, row: number, count = 1): void {
    const s = this.sheet(sheet);
    this.model.insertCells(s, { top: row - 1, left: 0, bottom: row - 2 + count, right: 16383 }, 'Down', USER);
    this.afterUserAction();
  }

  /** A person deleting whole rows starting at `row` (1-based). */
  deleteRows(sheet: string, row: number, count = 1): void {
    const s = this.sheet(sheet);
    this.model.deleteCells(s, { top: row - 1, left: 0, bottom: row - 2 + count, right: 16383 }, 'Up', USER);
    this.afterUserAction();
  }

  /** A person adding, renaming or deleting a sheet. */
  addSheet(name: string): void {
    this.model.addSheet(name, USER);
    this.afterUserAction();
  }

  renameSheet(from: string, to: string): void {
    this.model.renameSheet(this.sheet(from), to);
    this.afterUserAction();
  }

  deleteSheet(name: string): void {
    this.model.deleteSheet(this.sheet(name), USER);
    this.afterUserAction();
  }

  private afterUserAction(): void {
    if (this.quietFrom !== undefined) this.model.changes.splice(this.quietFrom);
    this.flushEvents();
    this.notify();
  }

  usedRange(sheet: string): CellRange | null {
    return this.sheet(sheet).usedRect(false);
  }

  merges(sheet: string): CellRange[] {
    return this.sheet(sheet).merges.map((m) => ({ ...m }));
  }

  /** In points (Excel's unit for `format.columnWidth`). */
  columnWidth(sheet: string, col: number): number {
    return this.model.columnWidth(this.sheet(sheet), col);
  }

  rowHeight(sheet: string, row: number): number {
    return this.model.rowHeight(this.sheet(sheet), row);
  }

  /** In priority order (the first one that is true decides a cell's fill). */
  conditionalFormats(
    sheet: string,
  ): { range: string; formula: string; fill: string | null; fontColor: string | null }[] {
    return this.sheet(sheet).conditionalFormats.map((cf) => ({
      range: cf.areas.map((a) => rectA1(a)).join(','),
      formula: cf.formula,
      fill: cf.fill ?? null,
      fontColor: cf.fontColor ?? null,
    }));
  }

  dataValidations(sheet: string): { range: string; type: string; source: string; showAlert: boolean }[] {
    return this.sheet(sheet)
      .dataValidations.filter((dv) => dv.type !== 'None')
      .map((dv) => {
        const body = Object.values(dv.rule)[0] as Record<string, unknown> | undefined;
        const source = String(body?.source ?? body?.formula ?? body?.formula1 ?? '');
        return {
          range: dv.areas.map((a) => rectA1(a)).join(','),
          type: dv.type,
          source,
          showAlert: dv.errorAlert.showAlert,
        };
      });
  }

  protection(sheet: string): { protected: boolean; options: Record<string, boolean | string> } {
    const p = this.sheet(sheet).protection;
    return { protected: p.protected, options: { ...p.options } };
  }

  customProperties(sheet: string): Record<string, string> {
    return Object.fromEntries(this.sheet(sheet).customProperties.map((p) => [p.key, p.value]));
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries(this.model.settings);
  }

  names(): { name: string; formula: string; scope: string | null }[] {
    return this.model.names.map((n) => ({ name: n.name, formula: n.formula, scope: n.scope?.name ?? null }));
  }

  pageLayout(sheet: string) {
    const l = this.sheet(sheet).pageLayout;
    return {
      ...l,
      zoom: { ...l.zoom },
      printArea: l.printArea ? l.printArea.map((a) => rectA1(a)).join(',') : null,
    };
  }

  /** The sheet as the plain Grid the domain reads (used range, values, formulas, formats, merges). */
  toGrid(sheet: string): Grid {
    const s = this.sheet(sheet);
    const used = s.usedRect(true);
    const grid: Grid = {
      sheet: s.name,
      top: used?.top ?? 0,
      left: used?.left ?? 0,
      cells: [],
      merges: this.merges(sheet),
      hidden: s.visibility !== 'Visible',
    };
    if (!used) return grid;
    for (let r = used.top; r <= used.bottom; r++) {
      const row: Grid['cells'][number] = [];
      for (let c = used.left; c <= used.right; c++) {
        const cell = s.get(r, c);
        const v = this.model.value(s, r, c);
        if (!cell || (v === null && cell.formula === undefined)) {
          row.push(undefined);
          continue;
        }
        const numberFormat = s.numberFormat(r, c);
        row.push({
          value: apiScalar(v),
          ...(isError(v) ? { error: true } : {}),
          ...(cell.formula ? { formula: cell.formula } : {}),
          numberFormat,
        });
      }
      grid.cells.push(row);
    }
    return grid;
  }

  /** Display text of a cell, as `Range.text` gives it. */
  text(sheet: string, address: string): string {
    const s = this.sheet(sheet);
    const { row, col } = this.cellAt(address);
    return displayText(this.model.value(s, row, col), s.numberFormat(row, col));
  }

  // ---- host configuration and hostile tests ----

  /** Caps the requirement sets Excel reports (and accepts), e.g. `{ ExcelApi: '1.7' }`; default: the host profile's. */
  setRequirementSets(max: Partial<Record<'ExcelApi', string>> & Record<string, string>): void {
    this.requirementSets = { ...this.requirementSets, ...max };
  }

  setDisplayLanguage(lang: string): void {
    this.uiLanguage = lang;
  }

  /** The next `context.sync()` fails with `error` (default: a GeneralException) before applying anything. */
  failNextSync(error?: { code?: string; message?: string } | Error): void {
    const e =
      error instanceof Error
        ? error
        : new SimError(
            error?.code ?? 'GeneralException',
            error?.message ?? 'An internal error has occurred.',
          );
    this.failures.push(e);
  }

  /** Runs `action` (e.g. a user deleting a sheet) just before the next sync applies its commands. */
  beforeNextSync(action: (wb: SimWorkbook) => void): void {
    this.beforeSyncActions.push(action);
  }
}

/** A Range proxy's class, for `instanceof` checks in tests. */
export { RangeProxy as SimRange };
export { SimRequestContext };
