/**
 * Every sheet of the real corpus cut at each of its rows into two sheets, as a PDF turned into a
 * workbook one page a sheet leaves it: the second piece has lost the title, the money unit and the
 * column headings above the cut. No amount may then be read that the whole sheet does not give for
 * the same part, unless a finding on that table says the amounts are in doubt: its parts do not add
 * up (budget/sum-mismatch, a block cut short) or its unit is unlikely (budget/unit-doubt, a unit line
 * left on the page before). An amount the reader cannot place is reported unread (SPEC §5).
 */

import { analyseGrids } from '../../src/domain/analysis';
import type { Grid } from '../../src/domain/grid';
import { formatOrNull } from '../../src/domain/totals';
import { gridsOf, realDocuments } from '../fixtures/real';

/** Rows `from` to `to` (0-based, exclusive) of the grid as a sheet of their own, merges clipped. */
function piece(grid: Grid, from: number, to: number, sheet: string): Grid {
  const top = grid.top + from;
  const bottom = grid.top + to - 1;
  const merges = grid.merges
    .filter((m) => m.bottom >= top && m.top <= bottom)
    .map((m) => ({
      ...m,
      top: Math.max(m.top, top) - top + grid.top,
      bottom: Math.min(m.bottom, bottom) - top + grid.top,
    }))
    .filter((m) => m.bottom > m.top || m.right > m.left);
  return { ...grid, sheet, cells: grid.cells.slice(from, to), merges };
}

const PARTS = ['total', 'fiscal', 'other'] as const;
const DOUBT = new Set(['budget/sum-mismatch', 'budget/unit-doubt']);

const sheets = realDocuments().flatMap((doc) =>
  gridsOf(doc).map((grid) => [`${doc.id} ${grid.sheet}`, grid] as const),
);

describe('a real sheet cut at each row into two sheets', () => {
  it.each(sheets)('%s', (_id, grid) => {
    const whole = analyseGrids([grid]).totals.tables;
    const seen = PARTS.map((p) => new Set(whole.map((t) => formatOrNull(t[p]))));
    const wrong: string[] = [];
    for (let row = 1; row < grid.cells.length; row++) {
      const { state, totals } = analyseGrids([
        piece(grid, 0, row, '第1页'),
        piece(grid, row, grid.cells.length, '第2页'),
      ]);
      totals.tables.forEach((amounts, i) => {
        const doubted = state.findings.some((f) => f.table === i && DOUBT.has(f.rule));
        PARTS.forEach((part, k) => {
          const read = formatOrNull(amounts[part]);
          if (read !== null && !seen[k]?.has(read) && !doubted)
            wrong.push(
              `cut above row ${row + 1}: ${state.tables[i]?.sheet}!${state.tables[i]?.range} ${part} ${read}`,
            );
        });
      });
    }
    expect(wrong).toEqual([]);
  });
});
