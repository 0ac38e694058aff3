/**
 * Live validation (SPEC §8): the findings list follows every edit by reading only; the add-in's own
 * writes do not set it off; with 实时标记 on, marks follow too, written only when they change.
 */

import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { MARK_FILL } from '../../src/domain/layout';
import type { Finding } from '../../src/domain/types';
import type { WorkbookState } from '../../src/excel/workbench';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { stackedGrid } from '../fixtures/table-builder';
import { SEED_TABLES } from '../fixtures/seed-data';
import { hostHas, open } from './sim-workbooks';

function recorder() {
  const states: WorkbookState[] = [];
  return { states, listener: (s: WorkbookState) => void states.push(s) };
}

describe('live validation', () => {
  it("shows a user's edit in the list, and the template's own rule shows it in the cell, without any write", async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const seeded = (await bench.refresh()).findings.find(
      (f) => f.rule === 'indicator/unit-mismatch',
    ) as Finding;
    const typed = sim.getCell(seeded.sheet, seeded.cell).value as string;
    // The user had it right; 校验 put the template's rules in place and marked nothing on that cell.
    sim.setValue(seeded.sheet, seeded.cell, '≥95%');
    await bench.validate();
    expect(sim.getCell(seeded.sheet, seeded.cell).fill).toBeNull();
    const rules = sim.conditionalFormats(seeded.sheet);

    const { states, listener } = recorder();
    const stop = await bench.startLive(listener);
    sim.resetSyncCount();
    sim.setValue(seeded.sheet, seeded.cell, typed);
    await sim.idle();

    expect(sim.syncCount).toBe(1);
    expect(states).toHaveLength(1);
    expect(states[0].findings).toContainEqual(
      expect.objectContaining({ rule: 'indicator/unit-mismatch', sheet: seeded.sheet, cell: seeded.cell }),
    );
    expect(sim.getCell(seeded.sheet, seeded.cell)).toMatchObject({ fill: MARK_FILL.error, ownFill: null });
    expect(sim.conditionalFormats(seeded.sheet)).toEqual(rules);
    await stop();
  });

  it('says which sheet the user is on, without a read, so the pane lists its findings first', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    await bench.refresh();
    const { states, listener } = recorder();
    const stop = await bench.startLive(listener);
    const [, second, third] = sim.sheetNames();
    sim.resetSyncCount();
    sim.activateSheet(third);
    await sim.idle();
    expect(states.at(-1)?.activeSheet).toBe(third);
    expect(sim.syncCount).toBe(0);
    sim.setValue(second, 'E3', '改过的名称');
    await sim.idle();
    expect(states.at(-1)?.activeSheet).toBe(second);
    await stop();
  });

  it("ignores the add-in's own writes (from ExcelApi 1.14, which tells them apart)", async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const state = await bench.refresh();
    const { states, listener } = recorder();
    const stop = await bench.startLive(listener);
    sim.resetSyncCount();
    const applied = await bench.applyFix(state.findings.find((f) => f.fix)!);
    await bench.writeSummary();
    await bench.undoFix(applied);
    await sim.idle();
    if (hostHas('1.14')) {
      expect(states).toHaveLength(0);
      expect(sim.syncCount).toBe(6);
    } else {
      // Without triggerSource the add-in's writes look like the user's: the sheets are read again
      // (reads only), and the list ends where it began.
      expect(states.length).toBeGreaterThan(0);
      expect(states.at(-1)!.findings).toEqual((await bench.refresh()).findings);
    }
    await stop();
  });

  it('keeps the other sheets from cache and still finds a code used twice across sheets', async () => {
    const grids = seedStandardGrids();
    const { sim, bench } = await open(grids);
    const state = await bench.refresh();
    const [a, b] = state.tables;
    const { states, listener } = recorder();
    const stop = await bench.startLive(listener);
    sim.setValue(b.sheet, b.code!.cell, a.code!.text);
    await sim.idle();
    expect(states.at(-1)!.tables).toHaveLength(state.tables.length);
    expect(states.at(-1)!.findings).toContainEqual(
      expect.objectContaining({ rule: 'table/duplicate-code', sheet: b.sheet, cell: b.code!.cell }),
    );
    expect(states.at(-1)!.totals.total).toBe(state.totals.total);
    await stop();
  });

  it('stops listening when asked', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const { states, listener } = recorder();
    const stop = await bench.startLive(listener);
    await stop();
    sim.setValue(sim.sheetNames()[0], 'C4', 11);
    await sim.idle();
    expect(states).toHaveLength(0);
  });

  it('listens sheet by sheet where the collection has no change event (ExcelApi 1.7), new sheets included', async () => {
    const { sim, bench } = await open(seedStandardGrids(), { excelApi: '1.8' });
    const { states, listener } = recorder();
    const stop = await bench.startLive(listener);
    sim.setValue(sim.sheetNames()[0], 'C4', 11);
    await sim.idle();
    expect(states).toHaveLength(1);
    sim.addSheet('新表');
    await sim.idle();
    sim.setValue('新表', 'A1', '项目名称');
    await sim.idle();
    expect(states).toHaveLength(2);
    await stop();
  });

  it('is off where Excel has no change events (ExcelApi 1.6): findings follow on 校验', async () => {
    const { sim, bench } = await open(seedStandardGrids(), { excelApi: '1.6' });
    expect(bench.capabilities.events).toBe(false);
    const { states, listener } = recorder();
    const stop = await bench.startLive(listener);
    sim.setValue(sim.sheetNames()[0], 'C4', 11);
    await sim.idle();
    expect(states).toHaveLength(0);
    await stop();
  });
});

describe('live marks (实时标记)', () => {
  it('mark the edited table after each edit, and write nothing when the marks stay the same', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    await bench.saveSettings({ ...DEFAULT_SETTINGS, liveMarks: true });
    const state = await bench.refresh();
    const table = state.tables[0];
    const value = table.indicators[1].value;
    const stop = await bench.startLive(() => undefined);

    sim.resetSyncCount();
    sim.setValue(table.sheet, value.cell, '90%');
    await sim.idle();
    expect(sim.syncCount).toBe(2);
    expect(sim.getCell(table.sheet, value.cell).fill).toBe(MARK_FILL.warning);

    sim.resetSyncCount();
    sim.setValue(table.sheet, table.indicators[1].description!.cell, '处理的信访案件占全部案件的比率');
    await sim.idle();
    expect(sim.syncCount).toBe(1);

    sim.setValue(table.sheet, value.cell, '≥90%');
    await sim.idle();
    expect(sim.getCell(table.sheet, value.cell).fill).toBeNull();
    await stop();
  });

  it('leave empty required cells of a table the user has not touched unmarked until 校验', async () => {
    const [first, second] = SEED_TABLES;
    const untouched = {
      ...second,
      indicators: second.indicators!.map((i, k) => (k === 0 ? { ...i, value: '' } : i)),
    };
    const { sim, bench } = await open([stackedGrid('Sheet1', [first, untouched])]);
    await bench.saveSettings({ ...DEFAULT_SETTINGS, liveMarks: true });
    const [a, b] = (await bench.refresh()).tables;
    const empty = b.indicators[0].value.cell;
    const stop = await bench.startLive(() => undefined);
    sim.setValue('Sheet1', a.indicators[1].value.cell, '90%');
    await sim.idle();
    expect(sim.getCell('Sheet1', a.indicators[1].value.cell).fill).toBe(MARK_FILL.warning);
    expect(sim.getCell('Sheet1', empty).fill).toBeNull();
    await bench.validate();
    expect(sim.getCell('Sheet1', empty).fill).toBe(MARK_FILL.error);
    await stop();
  });
});
