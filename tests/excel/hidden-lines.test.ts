/**
 * The task pane learns which rows and columns of a sheet are hidden (Range.getVisibleView), as the
 * command line learns it from the file: table/hidden-content names them. Counting the visible lines
 * rides on the read's own round trip; which ones costs one more, only on a sheet that hides some.
 */

import { projectGrids, open } from './sim-workbooks';
import { readWorkbook } from '../../src/domain/reader';

describe('hidden rows and columns in the task pane', () => {
  it('names a hidden indicator row, with one more round trip only on that read', async () => {
    const grids = projectGrids(2);
    const [first] = readWorkbook([grids[0]]);
    const row = first.indicators[0]?.value.row;
    if (row === undefined) throw new Error('no indicator');

    const plain = await open(grids);
    await plain.bench.refresh();
    const plainTrips = plain.sim.syncCount;
    await plain.bench.refresh();
    const plainAgain = plain.sim.syncCount - plainTrips;

    const hidden = await open([{ ...grids[0], hiddenRows: [row] }, grids[1]]);
    const state = await hidden.bench.refresh();
    const said = state.findings.filter((f) => f.rule === 'table/hidden-content');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ sheet: grids[0].sheet });
    expect(said[0]?.message).toContain(`表内第 ${row + 1} 行已隐藏`);
    // Read again: the same round trips as the plain workbook's, plus the one that asks which lines.
    const before = hidden.sim.syncCount;
    await hidden.bench.refresh();
    expect(hidden.sim.syncCount - before).toBe(plainAgain + 1);
    // Everything else is as in the plain workbook.
    const others = (s: typeof state) =>
      s.findings
        .filter((f) => f.rule !== 'table/hidden-content')
        .map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
    expect(others(state)).toEqual(others(await plain.bench.refresh()));
  });

  it('names a hidden column and a hidden sheet', async () => {
    const grids = projectGrids(3);
    const { bench } = await open([{ ...grids[0], hiddenCols: [6] }, grids[1], { ...grids[2], hidden: true }]);
    const state = await bench.refresh();
    const said = state.findings.filter((f) => f.rule === 'table/hidden-content');
    expect(said.map((f) => f.sheet).sort()).toEqual([grids[0].sheet, grids[2].sheet].sort());
    expect(said.find((f) => f.sheet === grids[0].sheet)?.message).toContain('表内第 G 列已隐藏');
    expect(said.find((f) => f.sheet === grids[2].sheet)?.message).toContain(
      `工作表“${grids[2].sheet}”已隐藏`,
    );
  });
});
