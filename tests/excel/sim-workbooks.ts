/** Simulated workbooks for the adapter's tests, and the workbench over them. */

import { toA1 } from '../../src/domain/address';
import type { Grid } from '../../src/domain/grid';
import type { Lang } from '../../src/domain/types';
import { createWorkbench } from '../../src/excel';
import type { Workbench } from '../../src/excel/workbench';
import { HOST_PROFILES, SimWorkbook, defaultHostProfile } from '../../src/sim';
import { SEED_TABLES } from '../fixtures/seed-data';
import { templateGrid, type TableInput } from '../fixtures/table-builder';

/** The Excel these suites run against (jest.config.js runs them once per host profile). */
export const host = HOST_PROFILES[defaultHostProfile()];

/** Whether the emulated Excel has ExcelApi `version`. */
export function hostHas(version: string): boolean {
  const [a, b] = [version, host.excelApi].map((v) => v.split('.').map(Number));
  return a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
}

/**
 * `n` project sheets in the template's layout, the seed's tables over and over with their own code
 * and name; the second indicator of the first project lacks its comparator, so there is a fix.
 */
export function projectGrids(n: number): Grid[] {
  return Array.from({ length: n }, (_, i) => {
    const seed = SEED_TABLES[i % SEED_TABLES.length];
    const input: TableInput = { ...seed, code: `${seed.code}-${i + 1}`, name: `项目${i + 1}${seed.name}` };
    if (i === 0 && seed.indicators)
      input.indicators = seed.indicators.map((ind, k) => (k === 1 ? { ...ind, value: '90%' } : ind));
    return templateGrid(`项目${i + 1}`, input);
  });
}

export interface Opened {
  sim: SimWorkbook;
  bench: Workbench;
}

/**
 * The workbench over a simulated workbook of `grids`, as the task pane opens it (settings first,
 * which also learns the sheet list), with the round-trip counter then set to zero.
 */
export async function open(
  grids: Grid[],
  options: { lang?: Lang; excelApi?: string; sim?: SimWorkbook; pollMs?: number } = {},
): Promise<Opened> {
  const sim = options.sim ?? SimWorkbook.fromGrids(grids);
  if (options.excelApi) sim.setRequirementSets({ ExcelApi: options.excelApi });
  // The fallback's periodic read would add round trips at random moments; its own tests turn it on.
  const bench = createWorkbench(sim.excel, sim.office, {
    lang: options.lang ?? 'zh-CN',
    debounceMs: 0,
    pollMs: options.pollMs ?? 0,
  });
  await bench.loadSettings();
  sim.resetSyncCount();
  return { sim, bench };
}

/** Round trips an operation costs on the simulator. */
export async function roundTrips(sim: SimWorkbook, operation: () => Promise<unknown>): Promise<number> {
  sim.resetSyncCount();
  await operation();
  await sim.idle();
  return sim.syncCount;
}

/** Every cell of every sheet as the simulator shows it (value, formats, displayed fill, borders). */
export function snapshot(sim: SimWorkbook, sheets = sim.sheetNames()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of sheets) {
    const used = sim.usedRange(sheet);
    if (!used) continue;
    for (let r = used.top; r <= used.bottom; r++)
      for (let c = used.left; c <= used.right; c++) {
        const address = toA1(r, c);
        out[`${sheet}!${address}`] = sim.getCell(sheet, address);
      }
  }
  return out;
}
