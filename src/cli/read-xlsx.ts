/** An .xlsx file → the plain grids the domain reads (one per worksheet), through exceljs. */

import { readFileSync, statSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { CellRange, Grid, GridCell } from '../domain/grid';
import { LIST_SHEET, SUMMARY_HEADER_ROW } from '../domain/layout';
import { LANGS } from '../i18n';
import { summaryText } from '../i18n/summary';
import { prepareExceljs } from './exceljs-formats';
import { assembleGrid, plainValue, type PlacedCell } from './grid-cells';
import { readIsolated } from './isolate';
import { markedSheets, sheetMarks } from './markers';
import { DirectXlsx } from './xlsx-direct';
import { inflateEntry, type ZipEntry } from './bounded-zip';
import { newStub, planRounds, roundsOf, storedZip, type SheetBatch } from './xlsx-chunks';
import { applyMerges, COLUMNS, mergeBox, type Box } from './exceljs-refs';
import {
  DEFAULT_LIMITS,
  inspectXlsx,
  isWorksheetPart,
  XlsxReadError,
  type XlsxLimits,
  type XlsxPartReader,
} from './zip-guard';

export { applyMerges, DEFAULT_LIMITS, XlsxReadError, type SheetBatch, type XlsxLimits };

// Parts of a sheet the grid does not need; exceljs would expand some of them cell by cell.
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst'];

/** exceljs's `Enums.ValueType.Formula` (lib/doc/enums.js), without loading exceljs to read it. */
const FORMULA_TYPE = 6;

function gridCell(cell: ExcelJS.Cell): GridCell | undefined {
  const out: GridCell = { value: null };
  const v = cell.value as unknown;
  if ((cell.type as number) === FORMULA_TYPE) {
    const f = cell.formula;
    if (typeof f === 'string' && f !== '') out.formula = f.startsWith('=') ? f : `=${f}`;
    // The cached result as Excel saved it: `cell.value` leaves out a result of 0 or false (exceljs's
    // FormulaValue copies only truthy fields), which would read a sum of 0 as an empty cell.
    Object.assign(out, plainValue(cell.result));
  } else {
    Object.assign(out, plainValue(v));
  }
  const fmt = cell.numFmt;
  if (typeof fmt === 'string' && fmt !== '') out.numberFormat = fmt;
  if (out.value === null && !out.formula && !out.numberFormat) return undefined;
  return out;
}

/** Each language's 汇总 header, squeezed, once looked up (every sheet of every file is asked). */
let summaryHeaders: string[][] | undefined;

/**
 * The 汇总 sheet the add-in writes (src/excel/summary.ts) has its own header row, in Chinese or
 * English, in one of its first rows (under the title and the unit line since they were added).
 * Its markers are lost when WPS or LibreOffice re-saves the file, the header is not; a user's own
 * sheet that happens to be called 汇总 has no such header and is read.
 */
function looksLikeSummary(grid: Grid): boolean {
  if (grid.left !== 0 || grid.top > SUMMARY_HEADER_ROW) return false;
  // Compared without white space: the amount headers carry their unit on a line of its own.
  const squeeze = (s: string): string => s.replace(/\s+/g, '');
  const headers = (summaryHeaders ??= LANGS.map((lang) =>
    ['code', 'name', 'sheet', 'total'].map((key) => squeeze(summaryText(lang, key))),
  ));
  const isHeader = (cells: Grid['cells'][number] | undefined): boolean => {
    const at = (i: number): string => {
      const v = cells?.[i]?.value;
      return typeof v === 'string' ? squeeze(v) : '';
    };
    return headers.some((header) => header.every((text, i) => at(i) === text));
  };
  return grid.cells.slice(0, SUMMARY_HEADER_ROW + 1 - grid.top).some(isHeader);
}

/**
 * Marks a Workbook whose worksheets keep the merged areas exceljs parsed (`<mergeCell ref>`, in its
 * own parse) instead of applying them: exceljs checks each new area against every one before it
 * (Worksheet._mergeCellsInternal), a fifth of a large workbook's load, where sheetGrid applies them
 * in one pass with the same outcome (tests/cli/merges.test.ts holds the two together).
 */
const DEFER_MERGES = Symbol('perfTargets.deferMerges');
const DEFERRED = Symbol('perfTargets.mergeRefs');

interface DeferringWorksheet {
  _workbook?: Record<symbol, unknown>;
  [DEFERRED]?: unknown[];
}

let deferring = false;

/** Teaches exceljs's Worksheet to defer merges for marked workbooks only (once; others are untouched). */
function deferMerges(): void {
  if (deferring) return;
  deferring = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs has no types for its modules
  const Worksheet = require('exceljs/lib/doc/worksheet') as {
    prototype: { _parseMergeCells(this: DeferringWorksheet, model: { mergeCells?: unknown[] }): void };
  };
  const apply = Worksheet.prototype._parseMergeCells;
  Worksheet.prototype._parseMergeCells = function (this: DeferringWorksheet, model) {
    if (this._workbook?.[DEFER_MERGES]) this[DEFERRED] = model.mergeCells ?? [];
    else apply.call(this, model);
  };
}

/** The merged areas exceljs parsed and left to the reader, as exceljs would decode them; undefined: it applied them. */
function deferredBoxes(ws: ExcelJS.Worksheet): Box[] | undefined {
  const refs = (ws as unknown as DeferringWorksheet)[DEFERRED];
  if (!refs) return undefined;
  return refs.map((ref) => {
    // exceljs fails on a `<mergeCell>` without a reference, or one it cannot decode.
    if (typeof ref !== 'string') throw new XlsxReadError('corrupt');
    try {
      return mergeBox(ref);
    } catch {
      throw new XlsxReadError('corrupt');
    }
  });
}

/** A worksheet's cells as a Grid, its merged areas applied (by exceljs, or here when it deferred them). */
export function sheetGrid(ws: ExcelJS.Worksheet): Grid {
  const kept: PlacedCell[] = [];
  const mergeBoxes = new Map<string, CellRange>();
  const boxes = deferredBoxes(ws);
  const applied = boxes ? applyMerges(boxes) : undefined;
  const hiddenRows = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.hidden) hiddenRows.add(row.number - 1);
    row.eachCell({ includeEmpty: true }, (cell) => {
      const r = Number(cell.row) - 1;
      const c = Number(cell.col) - 1;
      if (applied) {
        if (applied.covered.has(r * COLUMNS + c)) return;
      } else if (cell.isMerged) {
        const master = cell.master;
        const key = master.address;
        const mr = Number(master.row) - 1;
        const mc = Number(master.col) - 1;
        const box = mergeBoxes.get(key) ?? { top: mr, left: mc, bottom: mr, right: mc };
        box.top = Math.min(box.top, r);
        box.left = Math.min(box.left, c);
        box.bottom = Math.max(box.bottom, r);
        box.right = Math.max(box.right, c);
        mergeBoxes.set(key, box);
        // exceljs reports the master's value on every cell of a merge: only the master carries it.
        if (master !== cell) return;
      }
      const g = gridCell(cell);
      if (g) kept.push({ r, c, g });
    });
  });
  const merges =
    applied?.merges ?? [...mergeBoxes.values()].filter((m) => m.bottom > m.top || m.right > m.left);
  return assembleGrid(ws.name, kept, merges, ws.state === 'hidden' || ws.state === 'veryHidden', {
    row: (r) => hiddenRows.has(r),
    col: (c) => ws.getColumn(c + 1).hidden,
  });
}

/**
 * exceljs's Workbook, with the zh-CN built-in formats. It is loaded in the reader worker only (the
 * command line's own thread never needs it), and alone: `require('exceljs')` also loads its
 * streaming reader and writer (unzipper, archiver …), which take longer to load than the workbook
 * class itself and are never used here.
 */
function excelWorkbook(): typeof ExcelJS.Workbook {
  prepareExceljs();
  deferMerges();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs has no types for its modules
  return require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;
}

/** Cells handed to the checking thread at a time, as the direct reader reads them. */
const BATCH_CELLS = 4_000;

/**
 * Readies the reader before the first workbook comes (the reader worker, started ahead:
 * src/cli/isolate.ts). The cells are read in the guard's pass (src/cli/xlsx-direct.ts, loaded with
 * this module); exceljs is loaded only when that reader steps aside for a file, which is rare and
 * would otherwise cost every run its load.
 */
export function preloadXlsx(): void {
  prepareExceljs();
}

/**
 * Reads every worksheet of the file at `path` into a Grid, in the reader worker (src/cli/isolate.ts),
 * where a file that exhausts its heap or its time ends as an error. Throws XlsxReadError (with a
 * code the CLI turns into one line) when the file is missing, not an .xlsx, encrypted, truncated,
 * too big, or too costly to read. The sheets come in batches as they are read (the cells are read in
 * the guard's pass, src/cli/xlsx-direct.ts; where that reader steps aside, exceljs loads a large
 * workbook in rounds, src/cli/xlsx-chunks.ts): `onBatch` gets each batch as soon as it is read (a
 * file that fails after a batch fails whole, and its earlier sheets are to be dropped); the promise
 * gives them all.
 */
export async function readXlsx(
  path: string,
  limits: XlsxLimits = DEFAULT_LIMITS,
  onBatch?: (batch: SheetBatch) => void,
): Promise<Grid[]> {
  const grids: Grid[] = [];
  const take = (batch: SheetBatch): void => {
    batch.positions.forEach((p, i) => (grids[p] = batch.grids[i]));
    onBatch?.(batch);
  };
  take(await readIsolated<SheetBatch>({ kind: 'xlsx', path, limits }, limits, take as (b: unknown) => void));
  return grids;
}

/**
 * What readXlsx does, in the calling thread: the reader worker runs it, and posts each batch of
 * sheets but the last with `emit`; the last batch (or all of them) is the result. The guard reads
 * the file here too, so that the main thread never parses untrusted bytes.
 */
export async function loadXlsx(
  path: string,
  limits: XlsxLimits,
  emit: (batch: SheetBatch) => void = () => undefined,
): Promise<SheetBatch> {
  // Read at once: the reader worker has nothing else to do meanwhile (its next file waits).
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new XlsxReadError(code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable');
  }
  if (!stat.isFile()) throw new XlsxReadError('unreadable');
  if (stat.size > limits.fileBytes) {
    throw new XlsxReadError('too-large', { limit: Math.round(limits.fileBytes / (1024 * 1024)) });
  }
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    throw new XlsxReadError('unreadable');
  }
  const direct = new DirectXlsx();
  const handed = new Set<number>();
  let batch: SheetBatch = { total: 0, positions: [], grids: [] };
  let batchCells = 0;
  let marks: ((part: string, sheet: string) => boolean) | undefined;
  let worksheetParts: string[] | undefined;
  const internal = (g: Grid, isMarked: boolean): Grid => {
    if (isMarked || g.sheet === LIST_SHEET || looksLikeSummary(g)) g.internal = true;
    return g;
  };
  // The cells come from the guard's own pass (src/cli/xlsx-direct.ts); each worksheet's grid is
  // handed over as soon as its part is parsed, a few thousand cells at a time.
  const reader: XlsxPartReader = {
    visitor: (name, kind) => direct.visitor(name, kind),
    worksheetParsed(name, xlsx) {
      worksheetParts ??= xlsx.entries.filter((e) => isWorksheetPart(e.name)).map((e) => e.name);
      const listed = direct.listSheets(worksheetParts);
      const position = listed?.get(name)?.position;
      const g = position === undefined ? undefined : direct.grid(name);
      if (!g || position === undefined) return;
      marks ??= sheetMarks(xlsx);
      batch.total = direct.total;
      batch.positions.push(position);
      batch.grids.push(internal(g, marks(name, g.sheet)));
      handed.add(position);
      for (const row of g.cells) batchCells += row.length;
      if (batchCells >= BATCH_CELLS && handed.size < direct.total) {
        emit(batch);
        batch = { total: direct.total, positions: [], grids: [] };
        batchCells = 0;
      }
    },
  };
  const parts = inspectXlsx(buf, limits, limits.exceljsOnly ? undefined : reader);
  if (!limits.exceljsOnly && direct.ok && handed.size === direct.total) {
    batch.total = direct.total;
    return batch;
  }
  // The direct reader stepped aside: exceljs reads the file, and the sheets already handed over stay.
  if (batch.positions.length > 0) emit(batch);
  const marked = markedSheets(parts);
  const grid = (ws: ExcelJS.Worksheet): Grid => internal(sheetGrid(ws), marked.has(ws.name));
  // exceljs gets the parts as the guard inflated them (zlib, in C++; the same bytes: it checked they
  // inflate to their size), stored, so JSZip does not inflate them again in JavaScript. A small
  // workbook is one round (an empty plan: every worksheet read in full).
  const plan = planRounds(parts.entries, isWorksheetPart, limits.roundBytes) ?? new Map<string, number>();
  const rounds = plan.size > 0 ? roundsOf(plan) : 1;
  const inflated = new Map<ZipEntry, Buffer>();
  const data = (e: ZipEntry): Buffer => {
    let d = inflated.get(e);
    if (!d) {
      d = inflateEntry(buf, e, e.size + 1);
      // A worksheet is used in one round only; the other parts in all of them.
      if (rounds > 1 && !plan.has(e.name)) inflated.set(e, d);
    }
    return d;
  };
  const stub = newStub();
  let total: number | undefined;
  let read = 0;
  for (let r = 0; r < rounds; r++) {
    const zip = storedZip(parts.entries, (e) =>
      plan.has(e.name) && plan.get(e.name) !== r ? stub.part : data(e),
    );
    const worksheets = await excelLoad(zip);
    // Every round lists the same worksheets: each keeps the ones it read in full.
    if (total !== undefined && worksheets.length !== total)
      throw new XlsxReadError('unexpected', { message: 'rounds differ' });
    total = worksheets.length;
    if (handed.size > 0 && total !== direct.total)
      throw new XlsxReadError('unexpected', { message: 'readers differ' });
    const round: SheetBatch = { total, positions: [], grids: [] };
    worksheets.forEach((ws, i) => {
      if ((ws.properties as { tabColor?: { argb?: string } } | undefined)?.tabColor?.argb === stub.mark)
        return;
      read++;
      if (handed.has(i)) return;
      round.positions.push(i);
      round.grids.push(grid(ws));
    });
    if (r < rounds - 1) emit(round);
    else {
      if (read !== total) throw new XlsxReadError('unexpected', { message: 'rounds differ' });
      return round;
    }
  }
  throw new XlsxReadError('unexpected', { message: 'no round' });
}

/** The worksheets exceljs reads from `zip`; anything it cannot read is a damaged file. */
async function excelLoad(zip: Buffer): Promise<ExcelJS.Worksheet[]> {
  const workbook = new (excelWorkbook())();
  (workbook as unknown as Record<symbol, boolean>)[DEFER_MERGES] = true;
  try {
    await workbook.xlsx.load(zip as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw new XlsxReadError('corrupt');
  }
  return workbook.worksheets;
}
