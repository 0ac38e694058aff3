/**
 * Reading the files a command names and analysing all their tables together — what check, totals
 * and every command that reports on tables share.
 */

import { analyseGrids } from '../domain/analysis';
import { referenceLookup } from '../domain/library';
import type { Grid } from '../domain/grid';
import type { Totals } from '../domain/totals';
import type { Lang, ProfileChoice } from '../domain/types';
import { t } from '../i18n';
import '../i18n/cli';
import { EXIT_USAGE, PROGRAM, type CliIO } from './command';
import { collectTargets } from './files';
import { readDocx } from './read-docx';
import { readXlsx } from './read-xlsx';
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

/** A workbook or a Word document, by its name; a file under another name is tried as a workbook. */
export function readDocument(file: string): Promise<Grid[]> {
  const other = OTHER_FORMATS.exec(file);
  if (other) return Promise.reject(new XlsxReadError('other-format', { ext: other[0].toLowerCase() }));
  return WORD.test(file) ? readDocx(file) : readXlsx(file);
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
  const results: FileResult[] = [];
  const fail = (display: string, err: unknown): void => {
    const message = readErrorText(lang, err);
    io.stderr.write(`${PROGRAM}: ${printable(display)}: ${message}\n`);
    results.push({ file: display, tables: [], findings: [], error: message });
  };
  const grids: Grid[] = [];
  const fileOf: FileResult[] = [];
  for (const item of collected) {
    if ('error' in item) {
      fail(item.display, item.error);
      continue;
    }
    try {
      const read = await readDocument(item.absolute);
      const result: FileResult = { file: item.display, tables: [], findings: [] };
      results.push(result);
      for (const grid of read) {
        grids.push(grid);
        fileOf.push(result);
      }
    } catch (err) {
      fail(item.display, err);
    }
  }
  // One analysis over every file's sheets, each sheet known by its position among them.
  // Names the reference library knows are judged by it (SPEC §13).
  const { state, sheetIds, totals } = analyseGrids(grids, { lang, profile, references: referenceLookup });
  state.tables.forEach((table, i) => fileOf[Number(sheetIds[i])]?.tables.push(table));
  for (const f of state.findings) {
    const owner = f.table !== undefined ? fileOf[Number(sheetIds[f.table])] : undefined;
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
