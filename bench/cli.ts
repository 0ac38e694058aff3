/**
 * SPEC §10 cli ratio: the wall time of `perf-targets check` on the 1,000-table workbook (a whole
 * process: start, the guard, the reader worker, exceljs, the rules, the report) against a Node
 * process that only loads the same workbook with exceljs. Both run as child processes, alternately,
 * several times; the medians are compared. The command is the built one (lib/, rebuilt first).
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedStandardGrids } from '../tests/fixtures/seed-grids';
import { writeGridsXlsx } from '../tests/fixtures/xlsx';
import { median, round1, round3 } from './stats';
import { stackedWorkbook } from './workbooks';

export interface CliResult {
  tables: number;
  checkMs: number;
  loadOnlyMs: number;
  ratio: number;
}

export interface CliDetail {
  runs: number;
  checks: number[];
  loads: number[];
  /** A reviewer's batch: `perf-targets check` on a folder of small workbooks (printed, not in results.json). */
  batch: { files: number; tablesPerFile: number; runs: number[]; medianMs: number };
}

/** The batch: this many copies of the seed's six tables, each a workbook of its own. */
const BATCH_FILES = 500;
const BATCH_RUNS = 3;

export interface CliOptions {
  sheets?: number;
  tablesPerSheet?: number;
  runs?: number;
  /** The command to time (default: this repository's bin/perf-targets.js, built first). */
  bin?: string;
  log?: (line: string) => void;
}

const ROOT = join(__dirname, '..');

/** A process that loads the workbook with exceljs and does nothing else: the baseline. */
const LOAD_ONLY =
  "const ExcelJS = require('exceljs'); new ExcelJS.Workbook().xlsx.readFile(process.argv[1]);";

function timedProcess(args: string[]): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`cli: ${args.join(' ')} ended with ${r.status}: ${r.stderr}`);
  return ms;
}

export async function measureCli(
  options: CliOptions = {},
): Promise<{ result: CliResult; detail: CliDetail }> {
  const sheets = options.sheets ?? 100;
  const perSheet = options.tablesPerSheet ?? 10;
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => undefined);
  const bin = options.bin ?? join(ROOT, 'bin', 'perf-targets.js');
  if (!options.bin) {
    log('cli: building lib/ (tsc -p tsconfig.cli.json) …');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'perf-targets-bench-cli-'));
  try {
    const file = join(dir, `${sheets * perSheet}-tables.xlsx`);
    await writeGridsXlsx(stackedWorkbook(sheets, perSheet), file);
    const check = () => timedProcess([bin, 'check', file, '--format', 'json']);
    const load = () => timedProcess(['-e', LOAD_ONLY, file]);
    // Warm-up: both once, so that neither is timed with a cold file cache.
    check();
    load();
    const checks: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < runs; i++) {
      checks.push(check());
      loads.push(load());
      log(
        `cli run ${i + 1}/${runs}: perf-targets check ${checks[i].toFixed(0)} ms, exceljs load only ${loads[i].toFixed(0)} ms`,
      );
    }
    const checkMs = median(checks);
    const loadOnlyMs = median(loads);

    const folder = join(dir, 'batch');
    mkdirSync(folder);
    const seed = seedStandardGrids();
    const one = join(dir, 'seed.xlsx');
    await writeGridsXlsx(seed, one);
    for (let i = 0; i < BATCH_FILES; i++)
      copyFileSync(one, join(folder, `${String(i).padStart(3, '0')}.xlsx`));
    const batchRuns: number[] = [];
    for (let i = 0; i < BATCH_RUNS; i++) {
      batchRuns.push(timedProcess([bin, 'check', folder, '--format', 'json']));
      log(`cli batch run ${i + 1}/${BATCH_RUNS}: ${BATCH_FILES} files ${batchRuns[i].toFixed(0)} ms`);
    }
    return {
      result: {
        tables: sheets * perSheet,
        checkMs: round1(checkMs),
        loadOnlyMs: round1(loadOnlyMs),
        ratio: round3(checkMs / loadOnlyMs),
      },
      detail: {
        runs,
        checks: checks.map(Math.round),
        loads: loads.map(Math.round),
        batch: {
          files: BATCH_FILES,
          tablesPerFile: seed.length,
          runs: batchRuns.map(Math.round),
          medianMs: Math.round(median(batchRuns)),
        },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
