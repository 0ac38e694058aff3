/**
 * SPEC §10 engine ratio: reading and validating a 1,000-table workbook that is already in memory,
 * against exceljs loading the same workbook from disk. Both are timed in the same process, one
 * after the other, several times; the medians are compared.
 */

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { readXlsx } from '../src/cli/read-xlsx';
import type { Grid } from '../src/domain/grid';
import { checkGrids } from '../src/domain/validate';
import { writeGridsXlsx } from '../tests/fixtures/xlsx';
import { collectGarbage, median, round1, round3 } from './stats';
import { stackedWorkbook } from './workbooks';

export interface EngineResult {
  tables: number;
  validateMs: number;
  xlsxLoadMs: number;
  ratio: number;
}

export interface EngineDetail {
  sheets: number;
  fileBytes: number;
  findings: number;
  runs: number;
  /** readXlsx as the CLI runs it (zip guard, exceljs, grid conversion), for comparison. */
  readXlsxMs: number;
}

export interface EngineOptions {
  sheets?: number;
  tablesPerSheet?: number;
  runs?: number;
  log?: (line: string) => void;
}

function timed<T>(work: () => T): [T, number] {
  collectGarbage();
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  collectGarbage();
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

export async function measureEngine(
  options: EngineOptions = {},
): Promise<{ result: EngineResult; detail: EngineDetail }> {
  const sheets = options.sheets ?? 100;
  const perSheet = options.tablesPerSheet ?? 10;
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'perf-targets-bench-'));
  try {
    const file = join(dir, `${sheets * perSheet}-tables.xlsx`);
    await writeGridsXlsx(stackedWorkbook(sheets, perSheet), file);
    const fileBytes = statSync(file).size;
    log(`engine: ${sheets} sheets × ${perSheet} tables written (${(fileBytes / 1024).toFixed(0)} KB)`);

    // The workbook in memory is what the CLI holds after reading the file: the grids of readXlsx.
    const [grids, readXlsxMs] = await timedAsync(() => readXlsx(file));
    const load = () => new ExcelJS.Workbook().xlsx.readFile(file);
    const check = (g: Grid[]) => checkGrids(g);
    // Warm-up: both sides once, so neither is timed while V8 is still compiling it.
    await load();
    const first = check(grids);
    if (first.tables.length !== sheets * perSheet)
      throw new Error(`engine: expected ${sheets * perSheet} tables, read ${first.tables.length}`);

    const loads: number[] = [];
    const checks: number[] = [];
    for (let i = 0; i < runs; i++) {
      loads.push((await timedAsync(load))[1]);
      checks.push(timed(() => check(grids))[1]);
      log(
        `engine run ${i + 1}/${runs}: exceljs ${loads[i].toFixed(0)} ms, read+validate ${checks[i].toFixed(0)} ms`,
      );
    }
    const validateMs = median(checks);
    const xlsxLoadMs = median(loads);
    return {
      result: {
        tables: first.tables.length,
        validateMs: round1(validateMs),
        xlsxLoadMs: round1(xlsxLoadMs),
        ratio: round3(validateMs / xlsxLoadMs),
      },
      detail: { sheets, fileBytes, findings: first.findings.length, runs, readXlsxMs: round1(readXlsxMs) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
