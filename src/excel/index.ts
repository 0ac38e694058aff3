/**
 * The Workbench over Office.js (SPEC §1, §6, §8, §10): the only place that drives Excel. The
 * `Excel` namespace is passed in, so the same code runs on Excel, on the simulator (src/sim) and
 * under office-addin-mock. Every operation is one `Excel.run` with at most one read and one write
 * round trip, whatever the number of sheets; the rules run on the grids in between. Office.js
 * gives no sheet's proxy before the sheet list has come back, so the workbench remembers the list
 * from its last operation (loadSettings, the task pane's first call, learns it): only the very
 * first read of a session, and a sheet the add-in has not seen yet, cost one more round trip.
 */

import { parseRangeA1, rangeA1, toA1 } from '../domain/address';
import { cellAt, isBlank, mergeAt, type Grid, type GridCell } from '../domain/grid';
import { buildTemplate, SUMMARY_SHEET, sheetNameFor, type TemplateSpec } from '../domain/layout';
import { readGrid } from '../domain/reader';
import { computeTotals, totalsView } from '../domain/totals';
import type { Finding, Lang, ProfileChoice, TargetTable } from '../domain/types';
import { sortFindings, validateAcrossTables, validateEachTable } from '../domain/validate';
import { langFromOffice } from '../i18n';
import { excelWouldConvert, toGridCell } from './cells';
import { detectSupport } from './support';
import { EMPTY_CELL_RULES, markFormula, marksKey, plannedMarks, templateOf, type Mark } from './marks';
import {
  readWorkbookData,
  type OwnedFormat,
  type SheetInfo,
  type SheetRead,
  type Support,
  type WorkbookRead,
} from './read';
import {
  DEFAULT_SETTINGS,
  parseInternalSheets,
  serializeSettings,
  SETTINGS_KEY,
  INTERNAL_SHEETS_KEY,
} from './settings';
import { refuse, text } from './strings';
import { queueSummary, summaryCells } from './summary';
import {
  queueForeignRow,
  queueIndicatorRow,
  queueLists,
  queueMarker,
  queueTemplate,
  queueTemplateRules,
} from './template';
import type {
  AddinSettings,
  AppliedFix,
  Capabilities,
  TemplateOptions,
  Workbench,
  WorkbookState,
} from './workbench';

export type { Workbench } from './workbench';
export type { Support } from './read';

/**
 * The lowest requirement set the core needs, declared in the manifest: ranges and worksheets
 * (1.1), merging and cell protection (1.2), workbook settings, defined names, `getItemOrNullObject`
 * and `getUsedRange(valuesOnly)` (1.4). Everything newer is detected at run time and degrades:
 * conditional formats 1.6 (no marks, no template rules: the findings list still works), events
 * 1.7 (the list refreshes on 校验 only), data validation 1.8 (no dropdowns), page layout 1.9 (no
 * print settings), sheet custom properties 1.12 (markers kept in a workbook setting only), merged
 * areas 1.13 (grids without merges: blank cells continue the row above anyway).
 */
export const CORE_REQUIREMENT = { set: 'ExcelApi', version: '1.4' } as const;

export interface OfficeHost {
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    displayLanguage?: string;
  };
}

export interface WorkbenchOptions {
  lang?: Lang;
  /** Quiet time after the last edit before live validation reads (default 300 ms). */
  debounceMs?: number;
}

export function createWorkbench(
  excel: typeof Excel,
  office: OfficeHost,
  options: WorkbenchOptions = {},
): Workbench {
  return new ExcelWorkbench(excel, office, options);
}

interface CachedSheet {
  read: SheetRead;
  /** The sheet's tables, read with `profile`; recomputed when the grid or the profile changes. */
  tables?: TargetTable[];
  profile?: ProfileChoice;
  /**
   * The per-table rules' findings on `tables` (Finding.table counts within the sheet), in `lang`:
   * a live edit elsewhere leaves them as they are.
   */
  findings?: Finding[];
  lang?: Lang;
}

interface Assembled {
  state: WorkbookState;
  /** The id of each table's sheet, by table index. */
  sheetIds: string[];
}

const tableKey = (sheetId: string, table: TargetTable): string => `${sheetId}@${table.top}:${table.left}`;

function containsAddress(table: TargetTable, address: string): boolean {
  try {
    const r = parseRangeA1(address);
    return r.top <= table.bottom && r.bottom >= table.top && r.left <= table.right && r.right >= table.left;
  } catch {
    return true;
  }
}

const isNotFound = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'ItemNotFound';

function queueMark(ws: Excel.Worksheet, mark: Mark): void {
  const cf = ws.getRange(mark.cell).conditionalFormats.add('Custom');
  cf.custom.rule.formula = markFormula(mark);
  cf.custom.format.fill.color = mark.fill;
}

/** What a one-cell range holds, read as the grid reads it (a text `=100%` is text, not a formula). */
const cellOf = (range: Excel.Range): GridCell | undefined =>
  toGridCell(range.values[0][0], range.formulas[0][0], undefined, undefined);

class ExcelWorkbench implements Workbench {
  readonly capabilities: Capabilities;
  private readonly support: Support;
  private readonly lang: Lang;
  private readonly debounceMs: number;
  /** Every sheet as last seen, in workbook order: the next read asks for their contents at once. */
  private sheets: SheetInfo[] = [];
  private readonly cache = new Map<string, CachedSheet>();
  private settings: AddinSettings = { ...DEFAULT_SETTINGS };
  /** Tables whose every finding is marked: validated, or edited since (SPEC §8). */
  private readonly fullyMarked = new Set<string>();
  private lastState: WorkbookState | undefined;

  constructor(
    private readonly excel: typeof Excel,
    office: OfficeHost,
    options: WorkbenchOptions,
  ) {
    this.support = detectSupport(office);
    const { conditionalFormats, dataValidation, events, sheetCustomProperties } = this.support;
    this.capabilities = { conditionalFormats, dataValidation, events, sheetCustomProperties };
    this.lang = options.lang ?? langFromOffice(office.context.displayLanguage);
    this.debounceMs = options.debounceMs ?? 300;
  }

  // Reading ---------------------------------------------------------------------------------

  private read(
    ctx: Excel.RequestContext,
    need: (s: SheetInfo) => boolean,
    guess: readonly string[],
    formats: boolean,
    content = true,
  ): Promise<WorkbookRead> {
    return readWorkbookData(ctx, this.support, { guess, need, formats, content }, this.lang).then((data) => {
      this.absorb(data, content);
      return data;
    });
  }

  /** Every sheet's contents: one round trip once the sheet list is known. */
  private readAll(ctx: Excel.RequestContext, formats: boolean): Promise<WorkbookRead> {
    return this.read(
      ctx,
      () => true,
      this.sheets.map((s) => s.id),
      formats,
    );
  }

  private absorb(data: WorkbookRead, content: boolean): void {
    this.sheets = data.sheets;
    this.settings = data.settings;
    const listed = new Map(data.sheets.map((s) => [s.id, s]));
    for (const id of [...this.cache.keys()]) if (!listed.has(id)) this.cache.delete(id);
    if (content) for (const [id, read] of data.read) this.cache.set(id, { read });
    for (const [id, entry] of this.cache) {
      const info = listed.get(id) as SheetInfo;
      if (entry.read.name !== info.name)
        this.cache.set(id, {
          read: { ...entry.read, name: info.name, grid: { ...entry.read.grid, sheet: info.name } },
        });
    }
  }

  private tablesOf(entry: CachedSheet): TargetTable[] {
    if (!entry.tables || entry.profile !== this.settings.profile) {
      entry.tables = readGrid(entry.read.grid, { profile: this.settings.profile });
      entry.profile = this.settings.profile;
      entry.findings = undefined;
    }
    return entry.tables;
  }

  private findingsOf(entry: CachedSheet, tables: TargetTable[], reuse: boolean): Finding[] {
    if (!reuse || !entry.findings || entry.lang !== this.lang) {
      entry.findings = validateEachTable(tables, { lang: this.lang });
      entry.lang = this.lang;
    }
    return entry.findings;
  }

  /**
   * Tables of every cached sheet in workbook order, validated together as validateTables would:
   * each table's own rules (kept from the last round for sheets not read again when `reuse`), then
   * the rules across tables (duplicate codes) over all of them.
   */
  private assemble(problems: WorkbookState['problems'], reuse = false): Assembled {
    const tables: TargetTable[] = [];
    const sheetIds: string[] = [];
    const own: Finding[] = [];
    for (const s of this.sheets) {
      const entry = this.cache.get(s.id);
      if (!entry) continue;
      const sheetTables = this.tablesOf(entry);
      const offset = tables.length;
      for (const f of this.findingsOf(entry, sheetTables, reuse))
        own.push({ ...f, table: offset + (f.table ?? 0) });
      for (const t of sheetTables) {
        tables.push(t);
        sheetIds.push(s.id);
      }
    }
    const across = validateAcrossTables(tables, { lang: this.lang });
    const findings = sortFindings([...own, ...across], tables);
    const state: WorkbookState = { tables, findings, totals: totalsView(computeTotals(tables)), problems };
    this.lastState = state;
    return { state, sheetIds };
  }

  private gridOf(sheetId: string): Grid | undefined {
    return this.cache.get(sheetId)?.read.grid;
  }

  private templatesOf(assembled: Assembled, onSheets?: ReadonlySet<string>): (TemplateSpec | undefined)[] {
    return assembled.state.tables.map((t, i) => {
      const id = assembled.sheetIds[i];
      const grid = this.gridOf(id);
      return grid && (!onSheets || onSheets.has(id)) ? templateOf(t, grid) : undefined;
    });
  }

  /** After the add-in writes cells on a sheet its cached grid is stale: the next read takes it anew. */
  private forget(sheetId: string): void {
    this.cache.delete(sheetId);
  }

  private remember(ws: Excel.Worksheet): void {
    if (!this.sheets.some((s) => s.id === ws.id))
      this.sheets.push({ id: ws.id, name: ws.name, hidden: false });
    this.forget(ws.id);
  }

  /**
   * One operation in one Excel.run. A sheet deleted or renamed between the operation's read and its
   * write (by the user or a co-author) makes Excel refuse the write with ItemNotFound, naming the
   * sheet by its internal id: the user is told what happened and to try again instead.
   */
  private run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.excel.run(batch).catch((e: unknown) => {
      throw isNotFound(e) ? refuse(this.lang, 'changedMeanwhile') : e;
    });
  }

  // Operations ------------------------------------------------------------------------------

  refresh(): Promise<WorkbookState> {
    return this.run(async (ctx) => {
      const data = await this.readAll(ctx, false);
      return this.assemble(data.problems).state;
    });
  }

  validate(): Promise<WorkbookState> {
    return this.run(async (ctx) => {
      const marking = this.support.conditionalFormats;
      const data = await this.readAll(ctx, marking);
      const assembled = this.assemble(data.problems);
      if (!marking) return assembled.state;
      const templates = this.templatesOf(assembled);
      const marks = plannedMarks(assembled.state.findings, templates);
      let queued = false;
      const writable = new Set<string>();
      for (const s of data.sheets) {
        const read = data.read.get(s.id);
        if (!read) continue;
        if (read.protected) {
          if (
            marks.has(s.name) ||
            read.owned?.length ||
            templates.some((t, i) => t && assembled.sheetIds[i] === s.id)
          )
            assembled.state.problems.push({
              sheet: s.name,
              message: text(this.lang, 'protectedNotMarked', { sheet: s.name }),
            });
          continue;
        }
        writable.add(s.id);
        const ws = ctx.workbook.worksheets.getItem(s.id);
        for (const owned of read.owned ?? []) {
          owned.format.delete();
          queued = true;
        }
        for (const mark of marks.get(s.name) ?? []) {
          queueMark(ws, mark);
          queued = true;
        }
      }
      templates.forEach((spec, i) => {
        const id = assembled.sheetIds[i];
        if (!spec || !writable.has(id)) return;
        queueTemplateRules(ctx.workbook.worksheets.getItem(id), spec);
        queued = true;
      });
      assembled.state.tables.forEach((t, i) => this.fullyMarked.add(tableKey(assembled.sheetIds[i], t)));
      if (queued) await ctx.sync();
      return assembled.state;
    });
  }

  clearHighlights(): Promise<void> {
    if (!this.support.conditionalFormats) return Promise.resolve();
    return this.run(async (ctx) => {
      const data = await this.read(
        ctx,
        () => true,
        this.sheets.map((s) => s.id),
        true,
        false,
      );
      let queued = false;
      const kept: string[] = [];
      for (const r of data.read.values()) {
        if (r.protected) {
          if (r.owned?.length) kept.push(r.name);
          continue;
        }
        for (const owned of r.owned ?? []) {
          owned.format.delete();
          queued = true;
        }
      }
      this.fullyMarked.clear();
      if (queued) await ctx.sync();
      if (kept.length > 0) throw refuse(this.lang, 'protectedNotCleared', { sheets: kept.join('、') });
    });
  }

  insertTemplate(options: TemplateOptions): Promise<{ sheet: string }> {
    return this.excel.run(async (ctx) => {
      const wb = ctx.workbook;
      const list = wb.worksheets.load('items/id,items/name');
      const internalItem = wb.settings.getItemOrNullObject(INTERNAL_SHEETS_KEY).load('value');
      const names = this.support.dataValidation ? wb.names.load('items/name,items/formula') : undefined;
      const protection = this.support.workbookProtection ? wb.protection.load('protected') : undefined;
      await ctx.sync();
      if (protection?.protected) throw refuse(this.lang, 'workbookProtected');

      const existing = list.items.map((ws) => ws.name);
      const name = sheetNameFor(options.projectName ?? '', existing);
      const ws = wb.worksheets.add(name);
      const spec = buildTemplate({
        profile: options.profile,
        unitCode: options.unitCode,
        unitName: options.unitName,
        projectName: options.projectName,
      });
      queueTemplate(ws, spec, this.support);
      let listSheet: Excel.Worksheet | undefined;
      if (names) {
        const internal = parseInternalSheets(internalItem.isNullObject ? undefined : internalItem.value);
        const own = existing.find((n) => internal[n] === 'lists');
        listSheet = queueLists(ctx, names.items, own, [...existing, name], internal, this.support)?.load(
          'id,name',
        );
      }
      ws.activate();
      ws.getRange(spec.roles.code).select();
      ws.load('id,name');
      try {
        await ctx.sync();
      } catch (e) {
        throw refuse(this.lang, 'cannotAddSheet', {
          sheet: name,
          message: e instanceof Error ? e.message : String(e),
        });
      }
      this.remember(ws);
      if (listSheet) this.remember(listSheet);
      return { sheet: ws.name };
    });
  }

  writeSummary(): Promise<{ sheet: string }> {
    return this.run(async (ctx) => {
      const data = await this.readAll(ctx, false);
      const { state } = this.assemble(data.problems);
      const own = data.sheets.find((s) => data.read.get(s.id)?.role === 'summary');
      let ws: Excel.Worksheet;
      if (own) {
        if (data.read.get(own.id)?.protected) throw refuse(this.lang, 'sheetProtected', { sheet: own.name });
        ws = ctx.workbook.worksheets.getItem(own.id);
        ws.getRange().clear();
      } else {
        const taken = new Set(data.sheets.map((s) => s.name.toLowerCase()));
        const name = taken.has(SUMMARY_SHEET.toLowerCase())
          ? sheetNameFor(
              SUMMARY_SHEET,
              data.sheets.map((s) => s.name),
            )
          : SUMMARY_SHEET;
        ws = ctx.workbook.worksheets.add(name);
        queueMarker(ctx, ws, name, 'summary', data.internalSheets, this.support);
      }
      queueSummary(ws, summaryCells(state.tables, this.lang));
      ws.activate();
      ws.load('id,name');
      await ctx.sync();
      this.remember(ws);
      return { sheet: ws.name };
    });
  }

  applyFix(finding: Finding): Promise<AppliedFix> {
    const fix = finding.fix;
    if (!fix) return Promise.reject(refuse(this.lang, 'noFix'));
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(fix.sheet).load('id');
      const protection = ws.protection.load('protected');
      const cell = ws.getRange(fix.cell).load('values,formulas,numberFormat');
      const lock = cell.format.protection.load('locked');
      await ctx.sync().catch((e: unknown) => {
        throw isNotFound(e) ? refuse(this.lang, 'sheetNotFound', { sheet: fix.sheet }) : e;
      });
      if (protection.protected && lock.locked !== false)
        throw refuse(this.lang, 'cellProtected', { sheet: fix.sheet, cell: fix.cell });
      const numberFormat = String(cell.numberFormat[0][0]);
      const held = cellOf(cell);
      const before: AppliedFix['before'] = { value: held?.value ?? null };
      if (held?.formula) before.formula = held.formula;
      // Only when Excel would otherwise turn the text into something else; undo puts the format back.
      if (typeof fix.value === 'string' && numberFormat !== '@' && excelWouldConvert(fix.value)) {
        before.numberFormat = numberFormat;
        cell.numberFormat = [['@']];
      }
      cell.values = [[fix.value]];
      await ctx.sync();
      this.forget(ws.id);
      return { sheet: fix.sheet, cell: fix.cell, before, after: fix.value };
    });
  }

  undoFix(applied: AppliedFix): Promise<'undone' | 'changed'> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(applied.sheet).load('id');
      const protection = ws.protection.load('protected');
      const cell = ws.getRange(applied.cell).load('values,formulas,numberFormat');
      const lock = cell.format.protection.load('locked');
      try {
        await ctx.sync();
      } catch {
        return 'changed';
      }
      const held = cellOf(cell);
      if (held?.formula !== undefined || String(held?.value ?? '') !== String(applied.after))
        return 'changed';
      if (protection.protected && lock.locked !== false)
        throw refuse(this.lang, 'cellProtected', { sheet: applied.sheet, cell: applied.cell });
      const format = applied.before.numberFormat ?? String(cell.numberFormat[0][0]);
      if (applied.before.formula) {
        // Into a text cell a formula would go in as its text: entered under General, then the format is put back.
        if (format === '@' || applied.before.numberFormat !== undefined) cell.numberFormat = [['General']];
        cell.formulas = [[applied.before.formula]];
        if (format === '@' || applied.before.numberFormat !== undefined) cell.numberFormat = [[format]];
      } else {
        if (applied.before.numberFormat !== undefined) cell.numberFormat = [[format]];
        cell.values = [[applied.before.value ?? '']];
      }
      await ctx.sync();
      this.forget(ws.id);
      return 'undone';
    });
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync().catch((e: unknown) => {
        throw isNotFound(e) ? refuse(this.lang, 'sheetNotFound', { sheet }) : e;
      });
    });
  }

  getSelection(): Promise<{ sheet: string; address: string }> {
    return this.excel.run(async (ctx) => {
      // Positions rather than `address`: Excel writes whole rows as `12:12`, which A1 parsing refuses.
      const range = ctx.workbook.getSelectedRange().load('rowIndex,rowCount,columnIndex,columnCount');
      const ws = range.worksheet.load('name');
      await ctx.sync();
      const top = range.rowIndex;
      const left = range.columnIndex;
      const bottom = top + range.rowCount - 1;
      const right = left + range.columnCount - 1;
      return { sheet: ws.name, address: rangeA1({ top, left, bottom, right }) };
    });
  }

  /** Reads one sheet by name (with the list and settings, one round trip) and finds its tables. */
  private async readSheet(
    ctx: Excel.RequestContext,
    sheet: string,
    formats: boolean,
  ): Promise<{ info: SheetInfo; read: SheetRead; tables: TargetTable[] }> {
    const data = await this.read(ctx, (s) => s.name === sheet, [sheet], formats);
    const info = data.sheets.find((s) => s.name === sheet);
    const read = info && data.read.get(info.id);
    if (!info || !read) throw refuse(this.lang, 'sheetNotFound', { sheet });
    if (read.protected) throw refuse(this.lang, 'sheetProtected', { sheet });
    return { info, read, tables: readGrid(read.grid, { profile: data.settings.profile }) };
  }

  addIndicatorRow(sheet: string, afterRow: number): Promise<void> {
    return this.run(async (ctx) => {
      const { info, read, tables } = await this.readSheet(ctx, sheet, this.support.conditionalFormats);
      const table = tables.find((t) => {
        const header = t.indicatorHeader?.row;
        return header !== undefined && afterRow >= header && afterRow <= Math.max(header, t.bottom);
      });
      if (!table || !table.indicatorHeader)
        throw refuse(this.lang, 'noIndicatorBlock', { row: afterRow + 1, sheet });
      const header = table.indicatorHeader.row;
      const newRow = afterRow + 1;
      // Formats and category come from the row the new one follows; below the header, from the first row.
      const source = afterRow === header ? header + 1 : afterRow;
      const ws = ctx.workbook.worksheets.getItem(info.id);
      ws.getRange(`${newRow + 1}:${newRow + 1}`).insert('Down');

      const specs = tables.map((t) => templateOf(t, read.grid));
      const own = specs[tables.indexOf(table)];
      if (own) {
        const grown = buildTemplate({
          profile: table.profile,
          top: table.top,
          left: table.left,
          indicatorRows: table.bottom - header + 1,
        });
        queueIndicatorRow(ws, grown, newRow, this.support);
      } else {
        queueForeignRow(ws, read.grid, table, source, newRow);
      }
      // The new row continues the category it follows: an empty row would end the indicator block.
      const category = table.indicators.find((i) => i.row === source);
      if (category)
        for (const level of [category.level1, category.level2]) {
          const merge = mergeAt(read.grid, afterRow, level.col);
          if (level.text && !(merge && merge.bottom > afterRow))
            ws.getRange(toA1(newRow, level.col)).values = [[level.text]];
        }
      const rules = (read.owned ?? []).filter((o) => !o.mark);
      if (rules.length > 0) {
        // The template's rules follow the rows: rebuilt for the grown table and the tables moved down.
        for (const owned of rules) owned.format.delete();
        tables.forEach((t, i) => {
          if (!specs[i] || !t.indicatorHeader) return;
          const moved = t.top > afterRow ? 1 : 0;
          const rows = t.bottom - t.indicatorHeader.row + (t === table ? 1 : 0);
          queueTemplateRules(
            ws,
            buildTemplate({ profile: t.profile, top: t.top + moved, left: t.left, indicatorRows: rows }),
          );
        });
      }
      await ctx.sync();
      this.forget(info.id);
    });
  }

  removeIndicatorRow(sheet: string, row: number): Promise<void> {
    return this.run(async (ctx) => {
      const { info, read, tables } = await this.readSheet(ctx, sheet, false);
      const table = tables.find((t) => t.indicatorHeader && row >= t.indicatorHeader.row && row <= t.bottom);
      if (!table || !table.indicatorHeader)
        throw refuse(this.lang, 'noIndicatorBlock', { row: row + 1, sheet });
      const header = table.indicatorHeader.row;
      if (row === header) throw refuse(this.lang, 'headerRow', { row: row + 1 });
      if (table.bottom <= header + 1) throw refuse(this.lang, 'lastIndicatorRow');
      const grid = read.grid;
      const lastCol = grid.left + Math.max(0, ...grid.cells.map((r) => r.length)) - 1;
      for (let col = grid.left; col <= lastCol; col++) {
        if (col >= table.left && col <= table.right) continue;
        if (!isBlank(cellAt(grid, row, col)))
          throw refuse(this.lang, 'rowHasOtherContent', { row: row + 1, cell: toA1(row, col) });
      }
      ctx.workbook.worksheets
        .getItem(info.id)
        .getRange(`${row + 1}:${row + 1}`)
        .delete('Up');
      await ctx.sync();
      this.forget(info.id);
    });
  }

  loadSettings(): Promise<AddinSettings> {
    return this.excel.run(async (ctx) => {
      const data = await this.read(ctx, () => false, [], false, false);
      return data.settings;
    });
  }

  saveSettings(settings: AddinSettings): Promise<void> {
    return this.excel.run(async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, serializeSettings(settings));
      await ctx.sync();
      this.settings = { ...settings };
    });
  }

  // Live validation -------------------------------------------------------------------------

  async startLive(listener: (state: WorkbookState) => void): Promise<() => Promise<void>> {
    if (!this.support.events) return async () => undefined;
    let touched = new Map<string, string[]>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settle: (() => void) | undefined;
    let round: Promise<void> | undefined;
    let chain: Promise<void> = Promise.resolve();
    let stopped = false;

    const fire = (): void => {
      const batch = touched;
      const done = settle;
      touched = new Map();
      round = undefined;
      settle = undefined;
      chain = chain
        .then(() => (stopped ? undefined : this.liveRound(batch, listener)))
        .catch((e: unknown) => {
          const message = e instanceof Error ? e.message : String(e);
          const base = this.lastState ?? {
            tables: [],
            findings: [],
            totals: totalsView(computeTotals([])),
            problems: [],
          };
          listener({ ...base, problems: [...base.problems, { message }] });
        })
        .then(done);
    };

    // The returned promise settles when the edit has been dealt with, so a host can wait for quiet.
    const onChanged = (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
      if (stopped || event.triggerSource === 'ThisLocalAddin') return Promise.resolve();
      const list = touched.get(event.worksheetId) ?? [];
      list.push(event.address);
      touched.set(event.worksheetId, list);
      round ??= new Promise<void>((resolve) => (settle = resolve));
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, this.debounceMs);
      return round;
    };

    const registrations = await this.listen(onChanged);

    return async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      settle?.();
      for (const registration of registrations)
        await this.excel.run(registration.context, async (ctx) => {
          registration.remove();
          await ctx.sync();
        });
      await chain;
    };
  }

  /**
   * Subscribes to edits: on the sheet collection from ExcelApi 1.9; before, on each sheet (1.7),
   * and on each sheet added later.
   */
  private listen(
    onChanged: (event: Excel.WorksheetChangedEventArgs) => Promise<void>,
  ): Promise<OfficeExtension.EventHandlerResult<unknown>[]> {
    return this.excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      if (this.support.workbookEvents) {
        const handler = sheets.onChanged.add(onChanged);
        await ctx.sync();
        return [handler];
      }
      sheets.load('items/id');
      await ctx.sync();
      const handlers: OfficeExtension.EventHandlerResult<unknown>[] = sheets.items.map((ws) =>
        ws.onChanged.add(onChanged),
      );
      handlers.push(
        sheets.onAdded.add((added) =>
          this.excel.run(async (inner) => {
            handlers.push(inner.workbook.worksheets.getItem(added.worksheetId).onChanged.add(onChanged));
            await inner.sync();
          }),
        ),
      );
      await ctx.sync();
      return handlers;
    });
  }

  /**
   * One live round: re-read the edited sheets (and any the add-in has not seen), run each table's
   * own rules on their tables only (the other sheets' findings are kept) and the cross-table rules
   * on all, tell the listener; with 实时标记 on, bring the marks of the
   * edited sheets up to date in one write, and only when they changed.
   */
  private liveRound(batch: Map<string, string[]>, listener: (state: WorkbookState) => void): Promise<void> {
    return this.run(async (ctx) => {
      const liveMarks = this.settings.liveMarks && this.support.conditionalFormats;
      const stale = (s: SheetInfo): boolean => batch.has(s.id) || !this.cache.has(s.id);
      const guess = this.sheets.filter(stale).map((s) => s.id);
      const data = await this.read(ctx, stale, guess, liveMarks);
      const assembled = this.assemble(data.problems, true);
      const { state, sheetIds } = assembled;
      state.tables.forEach((t, i) => {
        const edits = batch.get(sheetIds[i]);
        if (edits?.some((address) => containsAddress(t, address)))
          this.fullyMarked.add(tableKey(sheetIds[i], t));
      });
      listener(state);
      if (!liveMarks) return;

      const edited = new Set(data.read.keys());
      const templates = this.templatesOf(assembled, edited);
      const marks = plannedMarks(
        state.findings.filter((f) => f.table !== undefined && edited.has(sheetIds[f.table])),
        templates,
        (f) =>
          !EMPTY_CELL_RULES.has(f.rule) ||
          (f.table !== undefined && this.fullyMarked.has(tableKey(sheetIds[f.table], state.tables[f.table]))),
      );
      let queued = false;
      for (const [id, read] of data.read) {
        if (read.protected) continue;
        const existing = (read.owned ?? []).filter(
          (o): o is OwnedFormat & { mark: { cell: string; rule: string } } => Boolean(o.mark),
        );
        const wanted = marks.get(read.name) ?? [];
        if (marksKey(existing.map((o) => o.mark)) === marksKey(wanted)) continue;
        for (const o of existing) o.format.delete();
        const ws = ctx.workbook.worksheets.getItem(id);
        for (const mark of wanted) queueMark(ws, mark);
        queued = true;
      }
      if (queued) await ctx.sync();
    });
  }
}
