/**
 * Reading the workbook in as few round trips as Excel allows. Office.js hands out a sheet's proxy
 * only after the sheet list has come back, so the first round trip asks for the list together with
 * the contents of the sheets seen last time (by id, which survives renames); only sheets the add-in
 * has not seen yet cost one more. Everything a sheet needs — used range values, formulas, number
 * formats and value types, merged areas, the marker, the add-in's conditional formats — is asked for
 * in that same batch. Above Excel on the web's 5 MB response limit the contents come in chunks.
 *
 * Merged areas: Excel refuses `getMergedAreasOrNullObject` on a range with more than 512 of them,
 * and the refusal fails the whole batch. When a batch with merges fails, the contents are read again
 * without them, and the merges of those sheets then in parts small enough that none can hold more
 * than 512 (one more round trip); a sheet found to need parts is read that way from then on, so the
 * first batch does not fail again. Only a sheet whose merges cannot be read even in parts is read
 * without them, and the user is told which.
 */

import { parseRangeA1, rangeA1 } from '../domain/address';
import type { CellRange, Grid, GridCell } from '../domain/grid';
import type { Lang } from '../domain/types';
import { gridCells, parseAreas, type RangeData } from './cells';
import { isOwnedFormula, parseMark } from '../domain/marks';
import {
  INTERNAL_SHEETS_KEY,
  isInternalRole,
  MARKER_PROPERTY,
  parseInternalSheets,
  parseSettings,
  SETTINGS_KEY,
  type InternalRole,
} from '../domain/settings';
import { text } from './strings';
import type { Support } from './support';
import type { AddinSettings } from './workbench';

export type { Support } from './support';

export interface SheetInfo {
  id: string;
  name: string;
  hidden: boolean;
}

export interface OwnedFormat {
  /**
   * Loaded with its `id`, so Office.js addresses it by id and not by its position in the
   * collection, which shifts as formats are deleted (see marks.ts).
   */
  format: Excel.ConditionalFormat;
  id: string;
  /** The sheet's conditional formats, to delete this one by its id. */
  collection: Excel.ConditionalFormatCollection;
  /** Set for a finding's mark; undefined for a template rule. */
  mark?: { cell: string; rule: string };
}

export interface SheetRead extends SheetInfo {
  /** The used range's address, when it hides rows or columns (which ones: readHiddenLines). */
  hidesLines?: string;
  role?: InternalRole;
  /** Sheet protection is on: the add-in leaves its formats (marks) alone. */
  protected: boolean;
  grid: Grid;
  /** The conditional formats the add-in owns on the sheet, when they were asked for. */
  owned?: OwnedFormat[];
}

export interface WorkbookRead {
  /** Every sheet, in workbook order. */
  sheets: SheetInfo[];
  /** The sheets whose contents were read, by id. */
  read: Map<string, SheetRead>;
  settings: AddinSettings;
  internalSheets: Record<string, InternalRole>;
  problems: { sheet?: string; message: string }[];
  /** Sheets (ids) whose merges had to be read in parts this time. */
  mergeHeavy: Set<string>;
}

export interface ReadPlan {
  /** Sheets (ids, or names) read in the first round trip, before the list is known. */
  guess: readonly string[];
  /** Once the list is known, whether a sheet must be read (an unguessed one costs one more round trip). */
  need: (sheet: SheetInfo) => boolean;
  /** Also load the add-in's conditional formats (ExcelApi 1.6). */
  formats: boolean;
  /** Load the cells (default); without, only the list, markers and formats are read. */
  content?: boolean;
  /** Sheets (ids) known to have more merged areas than Excel returns at once: read in parts. */
  mergeHeavy?: ReadonlySet<string>;
}

const CONTENT = 'address,values,formulas,numberFormat,valueTypes';
/** Range.getMergedAreasOrNullObject fails above this many areas (its documentation in Office.js). */
const MAX_MERGED_AREAS = 512;
/**
 * At most this many parts are asked for in the round trip that reads merges in parts: a used range
 * of up to 204,800 cells (400 × 512). A sheet beyond is read without its merges, and named.
 */
const MAX_MERGE_PARTS = 400;
/** Cells per chunk once a read has been refused for size: ~100 bytes a cell stays well below 5 MB. */
const CHUNK_CELLS = 20000;

function isPayloadError(e: unknown): boolean {
  const err = e as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  const text = (x: unknown): string => (typeof x === 'string' ? x : '');
  const code = `${text(err?.code)} ${text(err?.debugInfo?.code)}`;
  return /PayloadSizeLimitExceeded/i.test(code);
}

interface SheetQuery {
  id: string;
  protection: Excel.WorksheetProtection;
  merges?: Excel.RangeAreas;
  marker?: Excel.WorksheetCustomProperty;
  formats?: Excel.ConditionalFormatCollection;
  used: Excel.Range;
  /** The used range's visible rows and columns, counted (ExcelApi 1.3, below the add-in's minimum). */
  view?: Excel.RangeView;
}

function queueSheet(
  ws: Excel.Worksheet,
  id: string,
  support: Support,
  formats: boolean,
  content: boolean,
  merges = true,
): SheetQuery {
  const used = ws.getUsedRange(true);
  used.load(content ? CONTENT : 'address');
  const q: SheetQuery = { id, used, protection: ws.protection.load('protected') };
  // Counted in the same batch: which rows and columns are hidden costs a round trip only on a sheet
  // that has some (hiddenLines).
  if (content) q.view = used.getVisibleView().load('rowCount,columnCount');
  if (support.mergedAreas && merges) q.merges = ws.getRange().getMergedAreasOrNullObject().load('address');
  if (support.sheetCustomProperties)
    q.marker = ws.customProperties.getItemOrNullObject(MARKER_PROPERTY).load('value');
  if (formats && support.conditionalFormats)
    q.formats = ws
      .getRange()
      .conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula');
  return q;
}

function ownedFormats(collection: Excel.ConditionalFormatCollection | undefined): OwnedFormat[] | undefined {
  if (!collection) return undefined;
  const owned: OwnedFormat[] = [];
  for (const format of collection.items) {
    if (format.type !== 'Custom' || format.customOrNullObject.isNullObject) continue;
    const formula = format.customOrNullObject.rule.formula;
    if (isOwnedFormula(formula)) owned.push({ format, id: format.id, collection, mark: parseMark(formula) });
  }
  return owned;
}

function roleOf(
  q: SheetQuery,
  info: SheetInfo,
  internal: Record<string, InternalRole>,
): InternalRole | undefined {
  if (q.marker && !q.marker.isNullObject && isInternalRole(q.marker.value)) return q.marker.value;
  return internal[info.name];
}

function toRead(
  info: SheetInfo,
  q: SheetQuery,
  internal: Record<string, InternalRole>,
  parts: RangeData[],
): SheetRead {
  const role = roleOf(q, info, internal);
  let top = 0;
  let left = 0;
  const cells: (GridCell | undefined)[][] = [];
  parts.forEach((part, i) => {
    const g = gridCells(part);
    if (i === 0) ({ top, left } = g);
    cells.push(...g.cells);
  });
  while (cells.length > 0 && cells[cells.length - 1].length === 0) cells.pop();
  const merges = q.merges && !q.merges.isNullObject ? parseAreas(q.merges.address) : [];
  const grid: Grid = { sheet: info.name, top, left, cells, merges, hidden: info.hidden };
  if (role) grid.internal = true;
  const usedRect = q.view !== undefined && parts.length > 0 ? parseRangeA1(q.used.address) : undefined;
  const hiding =
    q.view !== undefined &&
    usedRect !== undefined &&
    (q.view.rowCount < usedRect.bottom - usedRect.top + 1 ||
      q.view.columnCount < usedRect.right - usedRect.left + 1);
  return {
    ...info,
    role,
    grid,
    protected: q.protection.protected,
    owned: ownedFormats(q.formats),
    ...(hiding ? { hidesLines: q.used.address } : {}),
  };
}

/**
 * The hidden rows and columns of the sheets whose used range hides some (SheetRead.hidesLines): the
 * visible cells' addresses, one more round trip, only for those sheets. The grid lists the hidden
 * rows and columns of the used range (Grid.hiddenRows); the reader looks at what they hold.
 */
async function readHiddenLines(ctx: Excel.RequestContext, reads: SheetRead[]): Promise<void> {
  const queued = reads.flatMap((read) =>
    read.hidesLines === undefined
      ? []
      : [
          {
            read,
            rect: parseRangeA1(read.hidesLines),
            view: ctx.workbook.worksheets
              .getItem(read.id)
              .getRange(read.hidesLines.replace(/^.*!/u, ''))
              .getVisibleView()
              .load('cellAddresses'),
          },
        ],
  );
  if (queued.length === 0) return;
  try {
    await ctx.sync();
  } catch (e) {
    // A sheet deleted meanwhile is the caller's to report; any other refusal (a response too large)
    // costs the hidden lines only: the sheet is read as its cells are.
    if ((e as { code?: unknown } | null)?.code === 'ItemNotFound') throw e;
    return;
  }
  for (const { read, rect, view } of queued) {
    const rows = new Set<number>();
    const cols = new Set<number>();
    for (const line of view.cellAddresses as string[][])
      for (const address of line) {
        const cell = parseRangeA1(address.replace(/^.*!/u, ''));
        rows.add(cell.top);
        cols.add(cell.left);
      }
    const { grid } = read;
    // Every hidden line of the used range: the reader names those that hold something in a table.
    const hidden = (from: number, to: number, shown: Set<number>): number[] =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((i) => !shown.has(i));
    const hiddenRows = hidden(rect.top, rect.bottom, rows);
    const hiddenCols = hidden(rect.left, rect.right, cols);
    if (hiddenRows.length) grid.hiddenRows = hiddenRows;
    if (hiddenCols.length) grid.hiddenCols = hiddenCols;
  }
}

const rangeData = (r: Excel.Range): RangeData => ({
  address: r.address,
  values: r.values,
  formulas: r.formulas,
  numberFormat: r.numberFormat,
  valueTypes: r.valueTypes,
});

interface Job {
  sheet: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const cellsOf = (j: Job): number => (j.bottom - j.top + 1) * (j.right - j.left + 1);

/** A failed batch that a read without merged areas might pass: neither too large nor a sheet gone. */
function mayBeMerges(e: unknown, support: Support): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return support.mergedAreas && !isPayloadError(e) && code !== 'ItemNotFound';
}

/**
 * `rect` in parts of at most 512 cells: as merged areas do not overlap, no part can hold (or even
 * touch) more than 512 of them, so Excel answers for every part.
 */
export function mergeParts(rect: CellRange): CellRange[] {
  const parts: CellRange[] = [];
  const width = rect.right - rect.left + 1;
  if (width <= MAX_MERGED_AREAS) {
    const rows = Math.floor(MAX_MERGED_AREAS / width);
    for (let top = rect.top; top <= rect.bottom; top += rows)
      parts.push({ top, bottom: Math.min(top + rows - 1, rect.bottom), left: rect.left, right: rect.right });
    return parts;
  }
  for (let row = rect.top; row <= rect.bottom; row++)
    for (let left = rect.left; left <= rect.right; left += MAX_MERGED_AREAS)
      parts.push({ top: row, bottom: row, left, right: Math.min(left + MAX_MERGED_AREAS - 1, rect.right) });
  return parts;
}

function gridRect(grid: Grid): CellRange | undefined {
  const width = Math.max(0, ...grid.cells.map((row) => row.length));
  if (grid.cells.length === 0 || width === 0) return undefined;
  return {
    top: grid.top,
    left: grid.left,
    bottom: grid.top + grid.cells.length - 1,
    right: grid.left + width - 1,
  };
}

/**
 * The merged areas of sheets read without them, in parts (one round trip for all). A sheet whose
 * parts would be too many, or whose parts Excel still refuses, keeps a grid without merges, and the
 * user is told. Returns the sheets that hold more areas than one request returns.
 */
async function readMergesInParts(
  ctx: Excel.RequestContext,
  reads: SheetRead[],
  lang: Lang,
  problems: WorkbookRead['problems'],
): Promise<Set<string>> {
  const heavy = new Set<string>();
  const unread: SheetRead[] = [];
  const queued: { read: SheetRead; areas: Excel.RangeAreas[] }[] = [];
  let budget = MAX_MERGE_PARTS;
  for (const read of reads) {
    const rect = gridRect(read.grid);
    if (!rect) continue;
    const parts = mergeParts(rect);
    if (parts.length > budget) {
      unread.push(read);
      continue;
    }
    budget -= parts.length;
    const ws = ctx.workbook.worksheets.getItem(read.id);
    const areas = parts.map((part) =>
      ws.getRange(rangeA1(part)).getMergedAreasOrNullObject().load('address'),
    );
    queued.push({ read, areas });
  }
  if (queued.length > 0) {
    try {
      await ctx.sync();
      for (const { read, areas } of queued) {
        const seen = new Set<string>();
        const merges: CellRange[] = [];
        for (const a of areas)
          for (const m of a.isNullObject ? [] : parseAreas(a.address)) {
            const key = rangeA1(m);
            if (!seen.has(key)) merges.push(m);
            seen.add(key);
          }
        read.grid.merges = merges;
        if (merges.length > MAX_MERGED_AREAS) heavy.add(read.id);
      }
    } catch (e) {
      // A sheet deleted meanwhile is the caller's to report; any other refusal costs the merges only.
      if ((e as { code?: unknown } | null)?.code === 'ItemNotFound') throw e;
      unread.push(...queued.map((q) => q.read));
    }
  }
  for (const read of unread) {
    heavy.add(read.id);
    problems.push({ sheet: read.name, message: text(lang, 'mergesUnread', { sheet: read.name }) });
  }
  return heavy;
}

/**
 * Contents in chunks, after Excel refused them in one response: the used ranges' addresses first,
 * then bands of rows packed into batches of a target size, halved each time Excel refuses one.
 * `merges` says which sheets' merged areas to ask for with the addresses; those whose merges were
 * not read are added to `unmerged`.
 */
async function readChunked(
  ctx: Excel.RequestContext,
  support: Support,
  infos: SheetInfo[],
  formats: boolean,
  internal: Record<string, InternalRole>,
  lang: Lang,
  problems: WorkbookRead['problems'],
  merges: (id: string) => boolean,
  unmerged: Set<string>,
): Promise<SheetRead[]> {
  const sheets = infos.map((info) => ctx.workbook.worksheets.getItem(info.id));
  const queue = (withMerges: boolean) =>
    sheets.map((ws, i) =>
      queueSheet(ws, infos[i].id, support, formats, false, withMerges && merges(infos[i].id)),
    );
  let queries = queue(true);
  try {
    await ctx.sync();
  } catch (e) {
    if (!mayBeMerges(e, support)) throw e;
    queries = queue(false);
    await ctx.sync();
  }
  for (const q of queries) if (support.mergedAreas && !q.merges) unmerged.add(q.id);

  // What is left to read, in order; a refused batch halves the size of every batch after it.
  const jobs: Job[] = queries.map((q, sheet) => ({ sheet, ...parseRangeA1(q.used.address) }));
  let target = CHUNK_CELLS;
  const parts = new Map<Job, RangeData>();
  const failed = new Set<number>();
  while (jobs.length > 0) {
    const batch: Job[] = [];
    let cells = 0;
    while (jobs.length > 0) {
      const head = jobs[0];
      const width = head.right - head.left + 1;
      const rows = Math.floor((target - cells) / width);
      if (rows < 1 && batch.length > 0) break;
      const take = Math.max(1, Math.min(rows, head.bottom - head.top + 1));
      const job = { ...head, bottom: head.top + take - 1 };
      batch.push(job);
      cells += cellsOf(job);
      if (job.bottom === head.bottom) jobs.shift();
      else jobs[0] = { ...head, top: job.bottom + 1 };
      if (cells >= target) break;
    }
    const ranges = batch.map((j) => sheets[j.sheet].getRange(rangeA1(j)).load(CONTENT));
    try {
      await ctx.sync();
      batch.forEach((j, i) => parts.set(j, rangeData(ranges[i])));
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      const [only] = batch;
      if (batch.length === 1 && only.top === only.bottom) {
        // One row above the limit: the sheet cannot be read; the user is told which.
        failed.add(only.sheet);
        for (let i = jobs.length - 1; i >= 0; i--) if (jobs[i].sheet === only.sheet) jobs.splice(i, 1);
      } else {
        target = Math.max(1, Math.floor(cells / 2));
        jobs.unshift(...batch);
      }
    }
  }

  return queries.flatMap((q, i) => {
    if (failed.has(i)) {
      unmerged.delete(q.id);
      problems.push({ sheet: infos[i].name, message: text(lang, 'sheetTooLarge', { sheet: infos[i].name }) });
      return [];
    }
    const mine = [...parts].filter(([j]) => j.sheet === i).sort(([a], [b]) => a.top - b.top);
    return [
      toRead(
        infos[i],
        q,
        internal,
        mine.map(([, d]) => d),
      ),
    ];
  });
}

/**
 * Reads the sheet list, the settings and the planned sheets' contents: one round trip when every
 * sheet needed was guessed, two when some were not, more only for a workbook above 5 MB and when a
 * sheet's merged areas must be read in parts (one more; two the first time, when Excel refused them).
 */
export async function readWorkbookData(
  ctx: Excel.RequestContext,
  support: Support,
  plan: ReadPlan,
  lang: Lang,
): Promise<WorkbookRead> {
  const problems: WorkbookRead['problems'] = [];
  const content = plan.content !== false;
  const heavy = plan.mergeHeavy ?? new Set<string>();
  // Merged areas matter to the contents only; a sheet known to have too many is read in parts.
  let mergesWhole = content;
  const merges = (key: string): boolean => mergesWhole && !heavy.has(key);
  const unmerged = new Set<string>();
  const queueCommon = () => ({
    list: ctx.workbook.worksheets.load('items/id,items/name,items/visibility'),
    settings: ctx.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value'),
    internal: ctx.workbook.settings.getItemOrNullObject(INTERNAL_SHEETS_KEY).load('value'),
  });
  const queueGuessed = () =>
    plan.guess.map((key) =>
      queueSheet(ctx.workbook.worksheets.getItem(key), key, support, plan.formats, content, merges(key)),
    );
  let common = queueCommon();
  let guessed = queueGuessed();
  let tooLarge = false;
  for (;;) {
    try {
      await ctx.sync();
      break;
    } catch (e) {
      if (guessed.length === 0) throw e;
      common = queueCommon();
      if (mergesWhole && mayBeMerges(e, support)) {
        // A sheet's merged areas are likely too many: the same read without them, the merges after.
        mergesWhole = false;
        guessed = queueGuessed();
      } else {
        // A guessed sheet may be gone, or the contents too large for one response: list first, then read.
        tooLarge = isPayloadError(e);
        guessed = [];
      }
    }
  }

  const value = (item: Excel.Setting): unknown => (item.isNullObject ? undefined : item.value);
  const settings = parseSettings(value(common.settings));
  const internalSheets = parseInternalSheets(value(common.internal));
  const proxies = common.list.items;
  const sheets: SheetInfo[] = proxies.map((ws) => ({
    id: ws.id,
    name: ws.name,
    hidden: ws.visibility !== 'Visible',
  }));
  const info = new Map(sheets.map((s) => [s.id, s]));

  const read = new Map<string, SheetRead>();
  const parts = (q: SheetQuery): RangeData[] => (content ? [rangeData(q.used)] : []);
  const take = (s: SheetInfo, q: SheetQuery): void => {
    read.set(s.id, toRead(s, { ...q, id: s.id }, internalSheets, parts(q)));
    if (content && support.mergedAreas && !q.merges) unmerged.add(s.id);
  };
  for (const q of guessed) {
    const s = info.get(q.id) ?? sheets.find((x) => x.name === q.id);
    if (s) take(s, q);
  }
  const guessedKeys = new Set(plan.guess);
  const rest = sheets.filter(
    (s) =>
      !read.has(s.id) && (plan.need(s) || (tooLarge && (guessedKeys.has(s.id) || guessedKeys.has(s.name)))),
  );
  if (rest.length > 0) {
    let chunked = tooLarge;
    if (!chunked) {
      const queueRest = () =>
        rest.map((s) =>
          queueSheet(proxies[sheets.indexOf(s)], s.id, support, plan.formats, content, merges(s.id)),
        );
      try {
        let queries = queueRest();
        try {
          await ctx.sync();
        } catch (e) {
          if (!(content && mergesWhole && mayBeMerges(e, support))) throw e;
          mergesWhole = false;
          queries = queueRest();
          await ctx.sync();
        }
        queries.forEach((q, i) => take(rest[i], q));
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        chunked = true;
      }
    }
    if (chunked)
      for (const r of await readChunked(
        ctx,
        support,
        rest,
        plan.formats,
        internalSheets,
        lang,
        problems,
        (id) => content && merges(id),
        unmerged,
      ))
        read.set(r.id, r);
  }
  if (content) await readHiddenLines(ctx, [...read.values()]);
  const mergeHeavy = content
    ? await readMergesInParts(
        ctx,
        [...unmerged].flatMap((id) => read.get(id) ?? []),
        lang,
        problems,
      )
    : new Set<string>();
  return { sheets, read, settings, internalSheets, problems, mergeHeavy };
}
