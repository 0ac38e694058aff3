/**
 * The workbooks the benchmark measures, made with the test-table builder from the seed's six real
 * tables (each copy with its own code and name, so no table is a duplicate of another).
 */

import type { Grid } from '../src/domain/grid';
import { SEED_TABLES } from '../tests/fixtures/seed-data';
import { stackedGrid, templateGrid, type TableInput } from '../tests/fixtures/table-builder';

/**
 * The `i`-th project: a seed table with its own code and name, and its own wording wherever people
 * write sentences (用途, 绩效目标, 指标解释), so that no cache of repeated text flatters the engine.
 * Indicator names and categories stay as the seed has them: those do repeat across real projects.
 */
function project(i: number): TableInput {
  const seed = SEED_TABLES[i % SEED_TABLES.length];
  const own = (text: string | undefined) => (text ? `${text}（第${i + 1}项）` : text);
  return {
    ...seed,
    code: `${seed.code}-${i + 1}`,
    name: `项目${i + 1}${seed.name}`,
    usage: own(seed.usage),
    goal: own(seed.goal),
    indicators: seed.indicators?.map((ind) => ({ ...ind, description: own(ind.description) })),
  };
}

/** `n` project sheets, one table each in the template's layout at A1, as the add-in inserts them. */
export function projectSheets(n: number): Grid[] {
  return Array.from({ length: n }, (_, i) => templateGrid(`项目${i + 1}`, project(i)));
}

/** `sheets` sheets of `perSheet` tables stacked one empty row apart: `sheets × perSheet` tables. */
export function stackedWorkbook(sheets: number, perSheet: number): Grid[] {
  return Array.from({ length: sheets }, (_, s) =>
    stackedGrid(
      `单位${s + 1}`,
      Array.from({ length: perSheet }, (_, k) => project(s * perSheet + k)),
    ),
  );
}

/** A plain data sheet (a 明细 of numbers), `rows × cols`, to push a workbook past 5 MB. */
export function dataSheet(name: string, rows: number, cols: number): Grid {
  return {
    sheet: name,
    top: 0,
    left: 0,
    merges: [],
    cells: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => ({ value: r * cols + c + 0.25, numberFormat: '0.00' })),
    ),
  };
}
