/**
 * A PDF converter's workbook leaves sliver rows between ruling lines that do not meet: a row with
 * nothing in it, which a label merged down may cross. Such a row between a heading and its figures
 * is no row where the user would type (SPEC §5). And wherever one falls, no amount is read as
 * another: a table whose block it cuts reads the same amounts, or says what it could not read.
 */

import type { Grid } from '../../src/domain/grid';
import { workbookAmounts } from '../fixtures/grid-reading';
import { gridsOf, realDocuments } from '../fixtures/real';

/** `grid` with an empty row inserted before row `at`; merges across it lengthened. */
function withSliver(grid: Grid, at: number): Grid {
  return {
    ...grid,
    cells: [...grid.cells.slice(0, at), [], ...grid.cells.slice(at)],
    merges: grid.merges.map((m) => ({
      ...m,
      top: m.top >= at ? m.top + 1 : m.top,
      bottom: m.bottom >= at ? m.bottom + 1 : m.bottom,
    })),
  };
}

describe('a sliver row', () => {
  test('between a row of headings and its figures: the figures are the headings’ (a 自评表’s funds)', () => {
    const doc = realDocuments().find((d) => d.id === 'hubei-guangshui-jtj-xiangcun-zp-2021');
    if (!doc) throw new Error('document missing');
    const grids = gridsOf(doc);
    // Row 5 holds `来源 | 中央 | … | 合计 | 执行数`, row 6 the figures.
    expect(workbookAmounts(grids.map((g) => withSliver(g, 5)))).toEqual(workbookAmounts(grids));
  });

  test('anywhere in the first 40 rows of any real table: no amount is read as another', () => {
    const other: string[] = [];
    for (const doc of realDocuments()) {
      const grids = gridsOf(doc);
      const before = workbookAmounts(grids);
      const rows = Math.max(...grids.map((g) => g.cells.length));
      for (let at = 1; at < Math.min(rows, 40); at++) {
        const after = workbookAmounts(grids.map((g) => (at < g.cells.length ? withSliver(g, at) : g)));
        before.forEach((line, t) =>
          line.forEach((amount, k) => {
            const now = after[t]?.[k];
            if (after.length === before.length && amount !== null && now !== null && now !== amount)
              other.push(`${doc.id} row ${at}: ${amount} → ${now}`);
          }),
        );
      }
    }
    expect(other).toEqual([]);
  });
});
