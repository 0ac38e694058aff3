/**
 * SPEC §10 round trips, counted on the simulator (src/sim): each `context.sync()` is one, and so is
 * the closing sync `Excel.run` makes for queued commands. The workbench is driven as the task pane
 * drives it: opened (settings, first read, live validation on), then each command once.
 */

import type { Grid } from '../src/domain/grid';
import * as reader from '../src/domain/reader';
import * as validation from '../src/domain/validate';
import { createWorkbench } from '../src/excel';
import type { Workbench, WorkbookState } from '../src/excel/workbench';
import { SimWorkbook } from '../src/sim';
import { dataSheet, projectSheets } from './workbooks';

export const SHEET_COUNTS = [1, 10, 100] as const;

export interface OperationCounts {
  insertTemplate: number;
  validateWorkbook: number;
  liveEdit: number;
  applyHighlights: number;
  clearHighlights: number;
  writeSummary: number;
  generateSelfEval: number;
}

export const OPERATIONS: (keyof OperationCounts)[] = [
  'insertTemplate',
  'validateWorkbook',
  'liveEdit',
  'applyHighlights',
  'clearHighlights',
  'writeSummary',
  'generateSelfEval',
];

/** SPEC §10's `roundTrips`. */
export interface RoundTripsResult {
  insertTemplate: number;
  validateWorkbook: Record<'1' | '10' | '100', number>;
  liveEdit: number;
  applyHighlights: number;
  clearHighlights: number;
  writeSummary: number;
  /** 生成自评表 for every project of the workbook (not in SPEC §10's list; counted as the others). */
  generateSelfEval: number;
}

/** What one live round did: how much of the workbook it read again and ran the rules on. */
export interface LiveScope {
  tables: number;
  sheetsReread: number;
  tablesReread: number;
  tablesRevalidated: number;
}

/** What the user sees after the operations, so that a count is of an operation that did its work. */
export interface Outcome {
  editedCell: { sheet: string; cell: string };
  /** The edited cell's displayed fill after the edit with 实时标记 on, and after 清除标记. */
  fillAfterEdit: string | null;
  fillAfterClear: string | null;
  findingsAfterEdit: { rule: string; sheet: string; cell: string }[];
  sheets: string[];
}

export interface SheetRun {
  sheets: number;
  counts: OperationCounts;
  live: LiveScope;
  outcome: Outcome;
}

type ReadGrid = typeof reader.readGrid;
type ValidateEachTable = typeof validation.validateEachTable;

/**
 * Counts, while `work` runs, the grids the workbench turns into tables (sheets read again) and the
 * tables it hands to the per-table rules (the cross-table rule, duplicate codes, looks at every
 * table's code each round and is not counted). Observed by wrapping the domain's entry points, which the adapter
 * calls through their modules; nothing in the adapter is changed for it.
 */
async function observe(work: () => Promise<void>): Promise<Omit<LiveScope, 'tables'>> {
  const readerModule = reader as unknown as { readGrid: ReadGrid };
  const validateModule = validation as unknown as { validateEachTable: ValidateEachTable };
  const readGrid = readerModule.readGrid;
  const validateEachTable = validateModule.validateEachTable;
  const scope = { sheetsReread: 0, tablesReread: 0, tablesRevalidated: 0 };
  readerModule.readGrid = (grid, options) => {
    const tables = readGrid(grid, options);
    scope.sheetsReread++;
    scope.tablesReread += tables.length;
    return tables;
  };
  validateModule.validateEachTable = (tables, options) => {
    scope.tablesRevalidated += tables.length;
    return validateEachTable(tables, options);
  };
  try {
    await work();
  } finally {
    readerModule.readGrid = readGrid;
    validateModule.validateEachTable = validateEachTable;
  }
  return scope;
}

/** Round trips of `operation`, including whatever it set off (live rounds) until the workbook is idle. */
async function roundTrips(sim: SimWorkbook, operation: () => Promise<unknown> | void): Promise<number> {
  await sim.idle();
  sim.resetSyncCount();
  await operation();
  await sim.idle();
  return sim.syncCount;
}

/** The task pane's start: remembered settings, the first read, live validation. */
async function openPane(
  sim: SimWorkbook,
): Promise<{ bench: Workbench; state: () => WorkbookState; stop: () => Promise<void> }> {
  const bench = createWorkbench(sim.excel, sim.office, { lang: 'zh-CN', debounceMs: 0, pollMs: 0 });
  await bench.loadSettings();
  let state = await bench.refresh();
  const stop = await bench.startLive((s) => (state = s));
  await sim.idle();
  return { bench, state: () => state, stop };
}

/** Every SPEC §10 operation once, on a workbook of `sheets` project sheets. */
export async function measureOperations(sheets: number): Promise<SheetRun> {
  const sim = SimWorkbook.fromGrids(projectSheets(sheets));
  const { bench, state, stop } = await openPane(sim);
  try {
    const counts = {} as OperationCounts;
    counts.validateWorkbook = await roundTrips(sim, () => bench.validate());

    // A person retypes the first indicator's value on the first project sheet.
    const indicator = state().tables[0].indicators[0];
    const edited = { sheet: state().tables[0].sheet, cell: indicator.value.cell };
    const retyped = indicator.value.text;
    let live: Omit<LiveScope, 'tables'> = { sheetsReread: 0, tablesReread: 0, tablesRevalidated: 0 };
    counts.liveEdit = await roundTrips(sim, async () => {
      live = await observe(async () => {
        sim.setValue(edited.sheet, edited.cell, retyped);
        await sim.idle();
      });
    });

    // With 实时标记 on, the same cell loses its comparator: the new warning is marked at once.
    await bench.saveSettings({ ...(await bench.loadSettings()), liveMarks: true });
    const bare = retyped.replace(/^[≥≤<>=＞＜]+/u, '');
    counts.applyHighlights = await roundTrips(sim, () => sim.setValue(edited.sheet, edited.cell, bare));
    const fillAfterEdit = sim.getCell(edited.sheet, edited.cell).fill;
    const findingsAfterEdit = state()
      .findings.filter((f) => f.sheet === edited.sheet && f.cell === edited.cell)
      .map(({ rule, sheet, cell }) => ({ rule, sheet, cell }));

    counts.clearHighlights = await roundTrips(sim, () => bench.clearHighlights());
    const fillAfterClear = sim.getCell(edited.sheet, edited.cell).fill;
    counts.writeSummary = await roundTrips(sim, () => bench.writeSummary());
    let selfEvalSheets: string[] = [];
    counts.generateSelfEval = await roundTrips(sim, async () => {
      selfEvalSheets = (await bench.generateSelfEval({ year: 2025 })).sheets;
    });
    if (selfEvalSheets.length !== sheets)
      throw new Error(`generateSelfEval: ${selfEvalSheets.length} 自评表 for ${sheets} projects`);
    counts.insertTemplate = await roundTrips(sim, () =>
      bench.insertTemplate({
        profile: 'hebei-2019',
        unitCode: '207002',
        unitName: '某单位',
        projectName: '新项目',
      }),
    );
    return {
      sheets,
      counts,
      live: { tables: state().tables.length, ...live },
      outcome: {
        editedCell: edited,
        fillAfterEdit,
        fillAfterClear,
        findingsAfterEdit,
        sheets: sim.sheetNames(),
      },
    };
  } finally {
    await stop();
  }
}

/** SPEC §10's roundTrips: validateWorkbook by sheet count; every other operation at its worst over them. */
export function roundTripsResult(runs: SheetRun[]): RoundTripsResult {
  const worst = (op: keyof OperationCounts) => Math.max(...runs.map((r) => r.counts[op]));
  const at = (n: number) => runs.find((r) => r.sheets === n)?.counts.validateWorkbook ?? NaN;
  return {
    insertTemplate: worst('insertTemplate'),
    validateWorkbook: { '1': at(1), '10': at(10), '100': at(100) },
    liveEdit: worst('liveEdit'),
    applyHighlights: worst('applyHighlights'),
    clearHighlights: worst('clearHighlights'),
    writeSummary: worst('writeSummary'),
    generateSelfEval: worst('generateSelfEval'),
  };
}

/** The JSON bytes Excel would send back for every sheet's used range (values, formulas, formats, types). */
async function contentBytes(sim: SimWorkbook): Promise<number> {
  const limit = sim.payloadLimit;
  sim.payloadLimit = Number.MAX_SAFE_INTEGER;
  try {
    return await sim.excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/id');
      await ctx.sync();
      const ranges = sheets.items.map((ws) =>
        ws.getUsedRange(true).load('address,values,formulas,numberFormat,valueTypes'),
      );
      await ctx.sync();
      return ranges.reduce(
        (n, r) => n + JSON.stringify([r.address, r.values, r.formulas, r.numberFormat, r.valueTypes]).length,
        0,
      );
    });
  } finally {
    sim.payloadLimit = limit;
  }
}

export interface ChunkedRun {
  sheets: number;
  bytes: number;
  limit: number;
  /** 校验 on that workbook, and on one below the limit. */
  validate: number;
  validateBelowLimit: number;
  /** Round trips the chunking added. */
  added: number;
}

/** 校验 on a workbook whose contents are above Excel on the web's 5 MB response limit. */
export async function measureChunkedRead(sheets: number, dataRows: number): Promise<ChunkedRun> {
  const grids: Grid[] = [...projectSheets(sheets), dataSheet('明细', dataRows, 10)];
  // The 5 MB limit is Excel on the web's; the desktop has none.
  const sim = SimWorkbook.fromGrids(grids, { host: 'web' });
  const bytes = await contentBytes(sim);
  const { bench, stop } = await openPane(sim);
  try {
    const validate = await roundTrips(sim, () => bench.validate());
    const small = await measureOperations(1);
    return {
      sheets,
      bytes,
      limit: sim.payloadLimit,
      validate,
      validateBelowLimit: small.counts.validateWorkbook,
      added: validate - small.counts.validateWorkbook,
    };
  } finally {
    await stop();
  }
}
