/**
 * The workbook analysis every host shares (the Excel adapter, the command line, the preview): the
 * sheets' grids in workbook order, each sheet's tables and per-table findings kept until its grid
 * or the profile changes, the cross-table rules over all of them, the findings in reading order,
 * the totals, and the marks the findings call for. Hosts only read grids in and write marks out.
 */

import { parseRangeA1 } from './address';
import type { Grid } from './grid';
import { EMPTY_CELL_RULES, plannedMarks, templateOf, type Mark } from './marks';
import type { TemplateSpec } from './layout';
import { readGrid } from './reader';
import { withCacheScope } from './scoped-cache';
import { Continuations } from './stray';
import { computeTotals, totalsView, type Totals, type TotalsView } from './totals';
import type { Field, Finding, Lang, ProfileChoice, ReferenceLookup, TargetTable } from './types';
import { sortFindings, validateAcrossTables, validateEachTable } from './validate';

/** Something a host could not read or write, said to the user (a protected sheet, one deleted meanwhile …). */
export interface Problem {
  sheet?: string;
  message: string;
}

/** What the task pane shows of a workbook. */
export interface WorkbookState {
  tables: TargetTable[];
  findings: Finding[];
  totals: TotalsView;
  problems: Problem[];
  /** The sheet the user is on, when the host knows it: the pane lists its findings first. */
  activeSheet?: string;
}

/** A sheet as the host lists it: `id` survives renames (Excel's sheet id, or a file's sheet index). */
export interface SheetRef {
  id: string;
  name: string;
}

interface Entry {
  grid: Grid;
  /** The sheet's tables, read with `profile`; recomputed when the grid or the profile changes. */
  tables?: TargetTable[];
  profile?: ProfileChoice;
  /** The per-table rules' findings on `tables` (Finding.table counts within the sheet), in `lang`. */
  findings?: Finding[];
  lang?: Lang;
}

/** One analysis of the workbook: the state, and which sheet each table is on. */
export interface Analysis {
  state: WorkbookState;
  /** The exact totals behind `state.totals`. */
  totals: Totals;
  /** The id of each table's sheet, by table index. */
  sheetIds: string[];
}

const tableKey = (sheetId: string, table: TargetTable): string => `${sheetId}@${table.top}:${table.left}`;

function touches(table: TargetTable, address: string): boolean {
  try {
    const r = parseRangeA1(address);
    return r.top <= table.bottom && r.bottom >= table.top && r.left <= table.right && r.right >= table.left;
  } catch {
    return true;
  }
}

export interface AnalyseOptions {
  profile: ProfileChoice;
  /** Problems the host met while reading, passed through to the state. */
  problems?: Problem[];
  /**
   * Keep the per-table findings of sheets whose grid did not change (a live edit re-reads only the
   * edited sheets); without, every table's rules run again.
   */
  reuse?: boolean;
}

export class WorkbookAnalysis {
  private order: SheetRef[] = [];
  private readonly entries = new Map<string, Entry>();
  /** Tables whose every finding is marked: validated, or edited since (SPEC §8). */
  private readonly fullyMarked = new Set<string>();
  /** Tables validated or edited in this session: their empty cells are defects, not 待填写. */
  private readonly touched = new Set<string>();

  private references?: ReferenceLookup;

  /**
   * `toFill`: flag the empty cells of fresh tables (SPEC §4), for a person filling the workbook in;
   * a reviewer's check of a file (the command line) reports them as what they are. `references`: the
   * reference library the rules judge names by (SPEC §13), if any.
   */
  constructor(
    private readonly lang: Lang = 'zh-CN',
    private readonly options: {
      toFill?: boolean;
      references?: ReferenceLookup;
      /** The document a sheet belongs to, when the sheets are several files' (the command line's). */
      documentOf?: (sheetId: string) => string;
    } = {},
  ) {
    this.references = options.references;
  }

  /**
   * The reference library the rules judge names by (SPEC §13), or none: a host that loads it later
   * (the task pane, after it is interactive) sets it then, and every table's rules run again.
   */
  setReferences(references: ReferenceLookup | undefined): void {
    if (references === this.references) return;
    this.references = references;
    for (const entry of this.entries.values()) entry.findings = undefined;
  }

  /**
   * The workbook's sheets in order. A sheet no longer listed is forgotten; a renamed one keeps its
   * reading under its new name.
   */
  setSheets(sheets: readonly SheetRef[]): void {
    this.order = sheets.map((s) => ({ id: s.id, name: s.name }));
    const listed = new Map(this.order.map((s) => [s.id, s]));
    for (const [id, entry] of [...this.entries]) {
      const info = listed.get(id);
      if (!info) this.entries.delete(id);
      else if (entry.grid.sheet !== info.name)
        this.entries.set(id, { grid: { ...entry.grid, sheet: info.name } });
    }
  }

  /** A sheet added by the host (it is listed last until the next setSheets). */
  addSheet(sheet: SheetRef): void {
    if (!this.order.some((s) => s.id === sheet.id)) this.order.push({ id: sheet.id, name: sheet.name });
  }

  sheets(): readonly SheetRef[] {
    return this.order;
  }

  /** The sheet's contents as just read: what was derived from the old ones is dropped. */
  setGrid(id: string, grid: Grid): void {
    this.entries.set(id, { grid });
  }

  /** The sheet's cached contents are stale (the host wrote to it): the next read takes it anew. */
  forget(id: string): void {
    this.entries.delete(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  grid(id: string): Grid | undefined {
    return this.entries.get(id)?.grid;
  }

  private tablesOf(entry: Entry, profile: ProfileChoice): TargetTable[] {
    if (!entry.tables || entry.profile !== profile) {
      entry.tables = readGrid(entry.grid, { profile });
      entry.profile = profile;
      entry.findings = undefined;
    }
    return entry.tables;
  }

  private findingsOf(entry: Entry, tables: TargetTable[], reuse: boolean): Finding[] {
    if (!reuse || !entry.findings || entry.lang !== this.lang) {
      entry.findings = validateEachTable(tables, { lang: this.lang, references: this.references });
      entry.lang = this.lang;
    }
    return entry.findings;
  }

  /**
   * Reads and validates each sheet's own tables, as analyse will reuse them, without the rules across
   * tables: a host that gets its sheets a few at a time (the command line's reader) checks each batch
   * as it comes and runs analyse once, at the end.
   */
  prepare(options: Pick<AnalyseOptions, 'profile'>): void {
    for (const entry of this.entries.values())
      this.findingsOf(entry, this.tablesOf(entry, options.profile), true);
  }

  /**
   * Every read sheet's tables in workbook order, validated together as validateTables would: each
   * table's own rules (kept for unchanged sheets when `reuse`), then the rules across tables over all.
   */
  analyse(options: AnalyseOptions): Analysis {
    // The reader, the rules and the totals share each amount's reading through this run's caches.
    return withCacheScope(() => this.analyseNow(options));
  }

  private analyseNow(options: AnalyseOptions): Analysis {
    const tables: TargetTable[] = [];
    const sheetIds: string[] = [];
    const own: Finding[] = [];
    const documentOf = this.options.documentOf;
    const continuations = new Continuations();
    for (const s of this.order) {
      const entry = this.entries.get(s.id);
      if (!entry) continue;
      const sheetTables = this.tablesOf(entry, options.profile);
      // Indicator rows beginning this sheet, after a table of the same file that runs to the end of
      // its sheet: that table continued over a page break, in columns no reader could join.
      continuations.next(tables, entry.grid, sheetTables, documentOf?.(s.id));
      const offset = tables.length;
      for (const f of this.findingsOf(entry, sheetTables, options.reuse === true))
        own.push({ ...f, table: offset + (f.table ?? 0) });
      for (const t of sheetTables) {
        tables.push(t);
        sheetIds.push(s.id);
      }
    }
    const across = validateAcrossTables(tables, { lang: this.lang, references: this.references });
    const findings = sortFindings([...own, ...across], tables);
    const totals = computeTotals(tables, documentOf && ((i) => documentOf(sheetIds[i] ?? '')));
    const state: WorkbookState = {
      tables,
      findings,
      totals: totalsView(totals),
      problems: options.problems ?? [],
    };
    const analysis = { state, totals, sheetIds };
    this.flagToFill(analysis);
    return analysis;
  }

  /**
   * SPEC §4: a table the user has just inserted and not yet touched is to be filled, not wrong. Its
   * empty required cells are flagged `toFill` while it is as 插入模板 left it (only the project name,
   * unit line and 一级/二级 presets written) and neither edited nor validated in this session.
   */
  private flagToFill(analysis: Analysis): void {
    const { state, sheetIds } = analysis;
    if (!this.options.toFill) return;
    const fresh = state.tables.map((t, i) => {
      const id = sheetIds[i] ?? '';
      if (this.touched.has(tableKey(id, t)) || !asInserted(t)) return false;
      const grid = this.grid(id);
      return grid !== undefined && templateOf(t, grid) !== undefined;
    });
    state.findings = state.findings.map((f) => {
      const toFill = f.table !== undefined && fresh[f.table] === true && EMPTY_CELL_RULES.has(f.rule);
      if (toFill) return { ...f, toFill: true };
      if (!f.toFill) return f;
      const { toFill: _drop, ...rest } = f;
      return rest;
    });
  }

  /** Each table's template spec when the template made it (on `onSheets` only, when given). */
  templates(analysis: Analysis, onSheets?: ReadonlySet<string>): (TemplateSpec | undefined)[] {
    return analysis.state.tables.map((t, i) => {
      const id = analysis.sheetIds[i];
      const grid = id === undefined ? undefined : this.grid(id);
      return grid && id !== undefined && (!onSheets || onSheets.has(id)) ? templateOf(t, grid) : undefined;
    });
  }

  /**
   * 校验 marks every finding of every table, the empty required cells included, by sheet name; the
   * template's own rules are rewritten for the tables it made (`templates`, by table index).
   */
  markAll(analysis: Analysis): { marks: Map<string, Mark[]>; templates: (TemplateSpec | undefined)[] } {
    analysis.state.tables.forEach((t, i) => {
      const key = tableKey(analysis.sheetIds[i] ?? '', t);
      this.fullyMarked.add(key);
      this.touched.add(key);
    });
    this.flagToFill(analysis);
    const templates = this.templates(analysis);
    return { marks: plannedMarks(analysis.state.findings, templates), templates };
  }

  /** Tables the user has edited now count as touched: their empty required cells are marked live too. */
  noteEdits(analysis: Analysis, edits: ReadonlyMap<string, readonly string[]>): void {
    analysis.state.tables.forEach((t, i) => {
      const id = analysis.sheetIds[i] ?? '';
      if (edits.get(id)?.some((address) => touches(t, address))) {
        this.fullyMarked.add(tableKey(id, t));
        this.touched.add(tableKey(id, t));
      }
    });
    this.flagToFill(analysis);
  }

  /**
   * The marks of the sheets in `onSheets` after a live edit: every finding's, except the empty
   * required cells of tables the user has not touched since they were inserted (SPEC §8).
   */
  liveMarks(analysis: Analysis, onSheets: ReadonlySet<string>): Map<string, Mark[]> {
    const { state, sheetIds } = analysis;
    const on = (f: Finding): string | undefined => (f.table === undefined ? undefined : sheetIds[f.table]);
    return plannedMarks(
      state.findings.filter((f) => {
        const id = on(f);
        return id !== undefined && onSheets.has(id);
      }),
      this.templates(analysis, onSheets),
      (f) => {
        if (!EMPTY_CELL_RULES.has(f.rule)) return true;
        const table = f.table === undefined ? undefined : state.tables[f.table];
        return table !== undefined && this.fullyMarked.has(tableKey(on(f) ?? '', table));
      },
    );
  }

  /** 清除标记: nothing is marked any more. */
  clearMarks(): void {
    this.fullyMarked.clear();
  }
}

const filled = (f: Field | undefined): boolean => f !== undefined && f.text.trim() !== '';

/** Nothing typed yet beyond what 插入模板 writes: the project name, the unit line, 一级 and 二级. */
function asInserted(t: TargetTable): boolean {
  const own = [t.code, t.budget.total, t.budget.fiscal, t.budget.other, t.usage, t.goal, ...t.plan];
  if (own.some(filled)) return false;
  return t.indicators.every(
    (i) => !filled(i.name) && !filled(i.value) && !filled(i.description) && !filled(i.basis),
  );
}

/**
 * Reads and validates the grids at once (a file, or several files checked together) — the command
 * line's analysis; each grid is a sheet, identified by its position.
 */
export function analyseGrids(
  grids: readonly Grid[],
  options: { lang?: Lang; profile?: ProfileChoice; references?: ReferenceLookup } = {},
): Analysis {
  const analysis = new WorkbookAnalysis(options.lang ?? 'zh-CN', { references: options.references });
  const refs = grids.map((g, i) => ({ id: String(i), name: g.sheet }));
  analysis.setSheets(refs);
  grids.forEach((g, i) => analysis.setGrid(String(i), g));
  return analysis.analyse({ profile: options.profile ?? 'auto' });
}

/** The tables of the grids and their findings: analyseGrids for callers that need no more. */
export function checkGrids(
  grids: readonly Grid[],
  options: { lang?: Lang; profile?: ProfileChoice; references?: ReferenceLookup } = {},
): { tables: TargetTable[]; findings: Finding[] } {
  const { tables, findings } = analyseGrids(grids, options).state;
  return { tables, findings };
}
