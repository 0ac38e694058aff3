/**
 * Reading the files a command names and analysing all their tables together — what check, totals
 * and every command that reports on tables share.
 */

import { WorkbookAnalysis, type SheetRef } from '../domain/analysis';
import { referenceLookup } from '../domain/library';
import type { Grid } from '../domain/grid';
import type { Totals } from '../domain/totals';
import type { Lang, ProfileChoice } from '../domain/types';
import { t } from '../i18n';
import '../i18n/cli';
import { EXIT_USAGE, PROGRAM, type CliIO } from './command';
import { collectTargets } from './files';
import { readDocx, readWebPage } from './read-docx';
import { DEFAULT_LIMITS, readXlsx, type SheetBatch } from './read-xlsx';
import { printable, type FileResult } from './report';
import { XlsxReadError } from './zip-guard';

export function readErrorText(lang: Lang, err: unknown): string {
  if (err instanceof XlsxReadError) return t(lang, `cli.read.${err.code}`, err.data);
  const message = err instanceof Error ? err.message : String(err);
  return t(lang, 'cli.read.unexpected', { message: printable(message.split('\n')[0]) });
}

/** Formats people send instead of .xlsx/.docx: each is refused with one line saying what to save as. */
const OTHER_FORMATS = /\.(?:xls|xlsb|et|ett|ods|doc|dot|wps|wpt|odt|rtf|pdf|ofd|csv)$/i;
const WORD = /\.(?:docx|docm|dotx)$/i;
/** Names a web page is saved under, to be opened by Excel or Word: read when the file is one. */
const WEB_PAGE = /\.(?:xls|et|doc|dot|wps|htm|html|mht|mhtml)$/i;

/**
 * A workbook or a Word document, by its name; a file under another name is tried as a workbook.
 * `onBatch` gets its sheets as they are read (a large workbook comes in rounds); the promise gives
 * them all.
 */
export async function readDocument(file: string, onBatch?: (batch: SheetBatch) => void): Promise<Grid[]> {
  // A web page saved as .xls or .doc (a budget system's 导出), or as .htm or .mht: its tables, read
  // as a Word document's are; a real .xls or .doc under that name is refused there, as its format.
  if (WEB_PAGE.test(file)) {
    const grids = await readWebPage(file);
    onBatch?.({ total: grids.length, positions: grids.map((_, i) => i), grids });
    return grids;
  }
  const other = OTHER_FORMATS.exec(file);
  if (other) throw new XlsxReadError('other-format', { ext: other[0].toLowerCase() });
  if (!WORD.test(file)) return readXlsx(file, DEFAULT_LIMITS, onBatch);
  const grids = await readDocx(file);
  onBatch?.({ total: grids.length, positions: grids.map((_, i) => i), grids });
  return grids;
}

export interface Analysis {
  results: FileResult[];
  /** Over every table of every file, in the order of `results`. */
  totals: Totals;
  unreadable: number;
  errors: number;
}

/**
 * Reads every workbook the paths name, then validates all their tables together, so that
 * `table/duplicate-code` sees the same 项目编码 in two files checked together. Each path that cannot
 * be read is one line on stderr and a result with `error`.
 *
 * The files are all asked of the reader worker at once (it reads them one after the other), and the
 * sheets it has read are checked while it reads the next ones: each sheet's tables and own rules
 * are kept by the analysis (WorkbookAnalysis, as the add-in keeps them between edits), so that the
 * last round only adds the sheets read last and the rules across tables. The result is the one
 * analyseGrids gives on all the grids at once.
 */
export async function analyse(
  paths: string[],
  profile: ProfileChoice,
  lang: Lang,
  io: CliIO,
  /** A file never to read, even when a directory holds it: the file a command is writing. */
  skip?: string,
): Promise<Analysis> {
  const collected = (await collectTargets(paths, io.cwd)).filter(
    (item) => 'error' in item || item.absolute !== skip,
  );
  // A sheet's id is `file/position`: its file is the document a department's table is judged in.
  const analysis = new WorkbookAnalysis(lang, {
    references: referenceLookup,
    documentOf: (id) => id.slice(0, id.indexOf('/')),
  });
  /** Each file's sheets in order, once it has said how many it has; an id is `file/position`. */
  const sheetsOf: (SheetRef[] | undefined)[] = [];
  const refs = (): SheetRef[] => sheetsOf.flatMap((sheets) => sheets ?? []);
  /**
   * Reads and checks each table of the sheets that came since the last time (their own rules); the
   * rules across tables run once, over every file, at the end.
   */
  let finished = false;
  let scheduled = false;
  const catchUp = (): void => {
    scheduled = false;
    if (!finished) analysis.prepare({ profile });
  };
  const onBatch = (f: number) => (batch: SheetBatch) => {
    const sheets = (sheetsOf[f] ??= Array.from({ length: batch.total }, (_, p) => ({
      id: `${f}/${p}`,
      name: '',
    })));
    batch.positions.forEach((p, i) => {
      const grid = batch.grids[i];
      sheets[p] = { id: `${f}/${p}`, name: grid.sheet };
      analysis.setGrid(sheets[p].id, grid);
    });
    // After the worker's message, unless the last file has just come: then the final analysis follows.
    if (!scheduled) {
      scheduled = true;
      setImmediate(catchUp);
    }
  };
  const reads = collected.map((item, f) =>
    'error' in item ? Promise.reject(item.error) : readDocument(item.absolute, onBatch(f)),
  );
  // Each is looked at in turn; the others go on being read.
  for (const read of reads) read.catch(() => undefined);

  const results: FileResult[] = [];
  const resultOf: (FileResult | undefined)[] = [];
  for (const [f, item] of collected.entries()) {
    try {
      await reads[f];
      results.push((resultOf[f] = { file: item.display, tables: [], findings: [] }));
    } catch (err) {
      // A file that fails after some of its sheets were read is dropped whole.
      sheetsOf[f] = undefined;
      const message = readErrorText(lang, err);
      io.stderr.write(`${PROGRAM}: ${printable(item.display)}: ${message}\n`);
      results.push({ file: item.display, tables: [], findings: [], error: message });
    }
  }
  finished = true;
  // One analysis over every file's sheets, each sheet known by its file and position.
  // Names the reference library knows are judged by it (SPEC §13).
  analysis.setSheets(refs());
  const { state, sheetIds, totals } = analysis.analyse({ profile, reuse: true });
  const fileOf = (id: string | undefined): FileResult | undefined =>
    id === undefined ? undefined : resultOf[Number(id.slice(0, id.indexOf('/')))];
  state.tables.forEach((table, i) => fileOf(sheetIds[i])?.tables.push(table));
  for (const f of state.findings) {
    const owner = f.table !== undefined ? fileOf(sheetIds[f.table]) : undefined;
    (owner ?? results[0])?.findings.push(f);
  }
  return {
    results,
    totals,
    unreadable: results.filter((r) => r.error !== undefined).length,
    errors: state.findings.filter((f) => f.severity === 'error').length,
  };
}

/** `check`'s exit code: 2 when a path could not be read, else 1 when any finding is an error. */
export function checkExitCode(a: Analysis): number {
  if (a.unreadable > 0) return EXIT_USAGE;
  return a.errors > 0 ? 1 : 0;
}
