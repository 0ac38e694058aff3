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
import { checkGrids } from '../src/domain/analysis';
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
  /** readXlsx as the CLI runs it (zip guard, exceljs, grid conversion), once, for comparison. */
  readXlsxMs: number;
  /** The same ratio in CPU time. */
  cpuRatio: number;
}

export interface EngineOptions {
  sheets?: number;
  tablesPerSheet?: number;
  runs?: number;
  log?: (line: string) => void;
}

interface Timing {
  ms: number;
  /** Process CPU time (user + system): steadier than the clock on a loaded machine. */
  cpuMs: number;
}

async function timed(work: () => unknown): Promise<Timing> {
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
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
    let grids: Grid[] = [];
    const read = await timed(async () => (grids = await readXlsx(file)));
    const load = () => new ExcelJS.Workbook().xlsx.readFile(file);
    // Warm-up: both sides once, so neither is timed while V8 is still compiling it.
    await load();
    const first = checkGrids(grids);
    if (first.tables.length !== sheets * perSheet)
      throw new Error(`engine: expected ${sheets * perSheet} tables, read ${first.tables.length}`);

    const loads: Timing[] = [];
    const checks: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      loads.push(await timed(load));
      checks.push(await timed(() => checkGrids(grids)));
      log(
        `engine run ${i + 1}/${runs}: exceljs ${loads[i].ms.toFixed(0)} ms, read+validate ${checks[i].ms.toFixed(0)} ms`,
      );
    }
    const validateMs = median(checks.map((t) => t.ms));
    const xlsxLoadMs = median(loads.map((t) => t.ms));
    const cpuRatio = median(checks.map((t) => t.cpuMs)) / median(loads.map((t) => t.cpuMs));
    return {
      result: {
        tables: first.tables.length,
        validateMs: round1(validateMs),
        xlsxLoadMs: round1(xlsxLoadMs),
        ratio: round3(validateMs / xlsxLoadMs),
      },
      detail: {
        sheets,
        fileBytes,
        findings: first.findings.length,
        runs,
        readXlsxMs: round1(read.ms),
        cpuRatio: round3(cpuRatio),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
