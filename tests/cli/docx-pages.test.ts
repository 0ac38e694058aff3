/**
 * Every one-table document of the real corpus as a Word document whose table a PDF converter cut at
 * a page: one Word table a page, a page number between, the next page's piece drawn with only the
 * column edges its own rows use. Read by the command line's .docx reader, it must give what the
 * whole table gives: the same tables, amounts, and each indicator's 一级, 二级, name and value.
 */

import { docxGrids } from '../../src/cli/read-docx';
import { DEFAULT_LIMITS } from '../../src/cli/zip-guard';
import { analyseGrids } from '../../src/domain/analysis';
import type { Grid } from '../../src/domain/grid';
import { formatOrNull } from '../../src/domain/totals';
import { docxParts, pageTable, paragraph } from '../fixtures/docx';
import { gridsOf, realDocuments } from '../fixtures/real';
import { zipParts } from '../fixtures/xlsx';

const read = (body: string): Grid[] => docxGrids(zipParts(docxParts(body)), DEFAULT_LIMITS);

function reading(grids: Grid[]): unknown {
  const { state, totals } = analyseGrids(grids);
  return {
    money: totals.tables.map((r) => [formatOrNull(r.total), formatOrNull(r.fiscal), formatOrNull(r.other)]),
    indicators: state.tables.map((t) =>
      t.indicators.map((i) => [i.level1.text, i.level2.text, i.name.text, i.value.text]),
    ),
  };
}

const documents = realDocuments()
  .map((doc) => ({ id: doc.id, grid: gridsOf(doc) }))
  .filter((d): d is { id: string; grid: [Grid] } => d.grid.length === 1 && (d.grid[0]?.top ?? -1) >= 0);

describe('a real table cut at a page, as a PDF converter writes it to Word', () => {
  it.each(documents.map((d) => [d.id, d.grid[0]] as const))('%s', (_id, grid) => {
    const end = grid.top + grid.cells.length;
    const whole = read(pageTable(grid, grid.top, end));
    const expected = reading(whole);
    const { state } = analyseGrids(whole);
    // Cut in the middle of each table's indicators, and between its first two indicators.
    const cuts = new Set<number>();
    for (const t of state.tables) {
      const rows = [...new Set(t.indicators.map((i) => i.row))];
      for (const k of [1, Math.floor(rows.length / 2)]) if (rows[k] !== undefined) cuts.add(rows[k]);
    }
    for (const row of cuts) {
      const pages = read(
        pageTable(grid, grid.top, row) + paragraph('- 2 -') + pageTable(grid, row, end, true),
      );
      expect({ row: row + 1, ...(reading(pages) as object) }).toEqual({
        row: row + 1,
        ...(expected as object),
      });
    }
  });
});
