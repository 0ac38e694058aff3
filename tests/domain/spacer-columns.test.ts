/**
 * A PDF converter turned into a workbook leaves sliver columns between two ruling lines: a column
 * with nothing in it, which a title merged across the row may cross. Such a column between a label
 * and its figure is no place where the user would type the figure (SPEC §5): every real table reads
 * the same amounts with one inserted before its second, third or fourth column.
 */

import type { Grid } from '../../src/domain/grid';
import { workbookAmounts } from '../fixtures/grid-reading';
import { gridsOf, realDocuments } from '../fixtures/real';

/** `grid` with an empty column inserted before column `at`; merges across it widened. */
function withSliver(grid: Grid, at: number): Grid {
  return {
    ...grid,
    cells: grid.cells.map((line) => [...line.slice(0, at), undefined, ...line.slice(at)]),
    merges: grid.merges.map((m) => ({
      ...m,
      left: m.left >= at ? m.left + 1 : m.left,
      right: m.right >= at ? m.right + 1 : m.right,
    })),
  };
}

describe('a sliver column between a label and its figure', () => {
  const documents = realDocuments();

  test.each([1, 2, 3])('inserted before column %i: every real table reads the same amounts', (at) => {
    expect(documents.length).toBeGreaterThan(100);
    const changed: string[] = [];
    for (const doc of documents) {
      const grids = gridsOf(doc);
      const before = workbookAmounts(grids);
      const after = workbookAmounts(grids.map((g) => withSliver(g, at)));
      if (JSON.stringify(after) !== JSON.stringify(before))
        changed.push(`${doc.id}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    }
    expect(changed).toEqual([]);
  });
});
