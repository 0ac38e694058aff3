/**
 * SPEC §10: every operation is one Excel.run of at most one read and one write round trip, the same
 * for a workbook of 1, 10 or 100 project sheets.
 */

import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Finding } from '../../src/domain/types';
import { hostHas, open, projectGrids, roundTrips } from './sim-workbooks';

async function measure(n: number): Promise<Record<string, number>> {
  const { sim, bench } = await open(projectGrids(n));
  const counts: Record<string, number> = {};
  const count = async (name: string, operation: () => Promise<unknown>) => {
    counts[name] = await roundTrips(sim, operation);
  };
  let state = await bench.refresh();
  await count('refresh', async () => (state = await bench.refresh()));
  await count('validate', () => bench.validate());
  await count('clearHighlights', () => bench.clearHighlights());
  await count('writeSummary', () => bench.writeSummary());
  await count('writeSummary again', () => bench.writeSummary());
  await count('insertTemplate', () =>
    bench.insertTemplate({ profile: 'hebei-2019', unitCode: '207002', unitName: '某单位' }),
  );
  await count('refresh after insert', () => bench.refresh());
  const finding = state.findings.find((f) => f.fix && f.sheet === '项目1') as Finding;
  let applied = await bench.applyFix(finding);
  await bench.undoFix(applied);
  await count('applyFix', async () => (applied = await bench.applyFix(finding)));
  await count('undoFix', () => bench.undoFix(applied));
  await count('select', () => bench.select('项目1', 'C4'));
  const header = state.tables[0].indicatorHeader!.row;
  await count('addIndicatorRow', () => bench.addIndicatorRow('项目1', header + 1));
  await count('removeIndicatorRow', () => bench.removeIndicatorRow('项目1', header + 2));
  await count('loadSettings', () => bench.loadSettings());
  await count('saveSettings', () => bench.saveSettings({ ...DEFAULT_SETTINGS, liveMarks: false }));
  let stop: () => Promise<void> = async () => undefined;
  await count('startLive', async () => (stop = await bench.startLive(() => undefined)));
  await count('liveEdit', async () => sim.setValue('项目1', 'C4', 12));
  await bench.saveSettings({ ...DEFAULT_SETTINGS, liveMarks: true });
  await count('liveEdit with marks', async () => sim.setValue('项目1', 'C4', 13));
  await count('liveEdit, marks unchanged', async () => sim.setValue('项目1', 'C4', 14));
  await stop();
  return counts;
}

describe('round trips', () => {
  let one: Record<string, number>;

  beforeAll(async () => {
    one = await measure(1);
  });

  it('cost at most one read and one write per operation', () => {
    expect(one).toEqual({
      refresh: 1,
      validate: 2,
      clearHighlights: 2,
      writeSummary: 2,
      'writeSummary again': 2,
      insertTemplate: 2,
      'refresh after insert': 1,
      applyFix: 2,
      undoFix: 2,
      select: 1,
      addIndicatorRow: 2,
      removeIndicatorRow: 2,
      loadSettings: 1,
      saveSettings: 1,
      // Below ExcelApi 1.9 each sheet has its own listener: the sheet list comes first.
      startLive: hostHas('1.9') ? 1 : 2,
      liveEdit: 1,
      'liveEdit with marks': 2,
      'liveEdit, marks unchanged': 1,
    });
  });

  // A hundred sheets take a while to read and check on a loaded machine; the count is what matters.
  it.each([10, 100])(
    'are the same for %i project sheets',
    async (n) => {
      expect(await measure(n)).toEqual(one);
    },
    180_000,
  );
});
