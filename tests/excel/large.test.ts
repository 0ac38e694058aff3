/**
 * Above Excel on the web's response limit (5 MB; lowered here so the test stays small) a read comes
 * in chunks, one more round trip each; a cell that cannot be read at all is named, never skipped.
 */

import type { Grid } from '../../src/domain/grid';
import { SEED_TABLES } from '../fixtures/seed-data';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { templateGrid } from '../fixtures/table-builder';
import { open } from './sim-workbooks';

/** Notes above a project table: `rows` rows of long text, the table below them. */
function notesThenTable(sheet: string, rows: number, text: string): Grid {
  const grid = templateGrid(sheet, { ...SEED_TABLES[0], code: 'BIG-1', name: '大表项目' }, { top: rows + 1 });
  const notes = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: 7 }, (_, c) => ({ value: `${text}${r}-${c}` })),
  );
  return { ...grid, top: 0, cells: [...notes, [], ...grid.cells] };
}

describe('a workbook above the payload limit', () => {
  it('is read in chunks, every table found', async () => {
    const grids = [...seedStandardGrids(), notesThenTable('大表', 400, '说明'.repeat(30))];
    const { sim, bench } = await open(grids);
    sim.payloadLimit = 256 * 1024;
    const state = await bench.refresh();
    expect(state.problems).toEqual([]);
    expect(state.tables.map((t) => t.code?.text)).toContain('BIG-1');
    expect(state.tables).toHaveLength(7);
    expect(state.totals.total).toBe('112.00');
    expect(sim.syncCount).toBeGreaterThan(2);
  });

  it('names a sheet whose cells cannot be read at all, and reads the rest', async () => {
    const grids = [...seedStandardGrids(), notesThenTable('巨表', 1, '长'.repeat(200_000))];
    const { sim, bench } = await open(grids);
    sim.payloadLimit = 256 * 1024;
    const state = await bench.refresh();
    expect(state.problems).toEqual([{ sheet: '巨表', message: expect.stringContaining('巨表') }]);
    expect(state.tables).toHaveLength(6);
    expect(state.totals.total).toBe('102.00');
  });
});
