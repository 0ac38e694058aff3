/**
 * Excel returns no merged areas for a range that holds more than 512 of them, and the refusal fails
 * the whole batch. One merge-heavy sheet (a user's own form, many tables on one sheet) must cost
 * that sheet at most, and say so: every other sheet's findings stay.
 */

import { analyseGrids } from '../../src/domain/analysis';
import type { Grid } from '../../src/domain/grid';
import { SEED_TABLES } from '../fixtures/seed-data';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { stackedGrid } from '../fixtures/table-builder';
import { hostHas, open } from './sim-workbooks';

/** A user's own form: 600 merged pairs of cells, some text in each, no project table. */
function form(sheet: string, merges: number): Grid {
  return {
    sheet,
    top: 0,
    left: 0,
    cells: Array.from({ length: merges }, (_, r) => [{ value: `第${r + 1}项` }, undefined, { value: r }]),
    merges: Array.from({ length: merges }, (_, r) => ({ top: r, left: 0, bottom: r, right: 1 })),
  };
}

/** 35 project tables stacked on one sheet, 17 merges each: 595 merged areas. */
function manyTables(sheet: string): Grid {
  const tables = Array.from({ length: 35 }, (_, i) => {
    const seed = SEED_TABLES[i % SEED_TABLES.length];
    return { ...seed, code: `${seed.code}-${i + 1}`, name: `${seed.name}${i + 1}` };
  });
  return stackedGrid(sheet, tables, { pasted: true });
}

const key = (f: { sheet: string; cell: string; rule: string }) => `${f.sheet}!${f.cell} ${f.rule}`;

/** The findings the domain gives the same grids, merges and all: what Excel should show. */
function expected(grids: Grid[]) {
  const withMerges = hostHas('1.13') ? grids : grids.map((g) => ({ ...g, merges: [] }));
  return analyseGrids(withMerges).state.findings.map(key).sort();
}

describe('a sheet with more merged areas than Excel returns at once', () => {
  it("costs no other sheet anything: a user's form beside six projects", async () => {
    const grids = [...seedStandardGrids(), form('我的表单', 600)];
    const { sim, bench } = await open(grids);
    expect(sim.merges('我的表单')).toHaveLength(600);
    const state = await bench.refresh();
    expect(state.problems).toEqual([]);
    expect(state.findings.map(key).sort()).toEqual(expected(grids));
    expect(state.tables).toHaveLength(6);
    // Excel refused the first batch: read again without merges, then the merges in parts. Once
    // known, the sheet's merges are read in parts at once: one round trip more than without it.
    expect(sim.syncCount).toBe(hostHas('1.13') ? 3 : 1);
    sim.resetSyncCount();
    await bench.refresh();
    expect(sim.syncCount).toBe(hostHas('1.13') ? 2 : 1);
  });

  it('reads 35 tables stacked on one sheet with their merges, as the domain reads them', async () => {
    const grids = [...seedStandardGrids().slice(0, 2), manyTables('汇编')];
    expect(grids[2].merges.length).toBeGreaterThan(512);
    const { bench } = await open(grids);
    const state = await bench.refresh();
    expect(state.problems).toEqual([]);
    expect(state.tables).toHaveLength(37);
    expect(state.findings.map(key).sort()).toEqual(expected(grids));
    const validated = await bench.validate();
    expect(validated.findings.map(key).sort()).toEqual(expected(grids));
  });

  it("names the sheet whose merges cannot be read even in parts, and keeps every other sheet's findings", async () => {
    // 600 rows of 400 columns: 240,000 cells, more than the parts the add-in asks for in one request.
    const wide = form('我的表单', 600);
    wide.cells[599] = [...wide.cells[599], ...Array.from({ length: 396 }, () => undefined), { value: '末' }];
    const grids = [...seedStandardGrids(), wide];
    const { bench } = await open(grids);
    const state = await bench.refresh();
    if (!hostHas('1.13')) {
      expect(state.problems).toEqual([]);
      return;
    }
    expect(state.problems).toEqual([
      { sheet: '我的表单', message: expect.stringContaining('合并单元格太多') },
    ]);
    expect(state.findings.map(key).sort()).toEqual(expected(seedStandardGrids()));
    expect(state.tables).toHaveLength(6);
  });

  it('is cleared (清除标记) and live-edited without failing', async () => {
    const grids = [...seedStandardGrids(), form('我的表单', 600)];
    const { sim, bench } = await open(grids);
    await bench.validate();
    await bench.clearHighlights();
    const states: number[] = [];
    const stop = await bench.startLive((s) => void states.push(s.findings.length));
    sim.setValue('我的表单', 'C3', 99);
    sim.setValue(grids[0].sheet, 'F12', '≤20万元');
    await sim.idle();
    expect(states.length).toBeGreaterThan(0);
    await stop();
  });
});
