/**
 * Edits Excel does not report (a value picked from a dropdown, some pasting: office-js#420, #3888,
 * #4066) still reach the findings list, through live validation's fallback: a read of the active
 * sheet every `pollMs` and soon after the selection moves or a sheet is activated. It never writes.
 */

import type { WorkbookState } from '../../src/excel/workbench';
import type { SimWorkbook } from '../../src/sim';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { projectGrids } from './sim-workbooks';
import { open, snapshot } from './sim-workbooks';

jest.setTimeout(60_000);

const POLL_MS = 40;
const LEVEL2 =
  '数量指标,质量指标,时效指标,成本指标,经济效益指标,社会效益指标,生态效益指标,可持续影响指标,服务对象满意度指标';

/** Waits (generously: the machine may be busy) until `ok()`; the fallback's bound is checked in counts. */
async function until(ok: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function withDropdown(sim: SimWorkbook, sheet: string): Promise<void> {
  await sim.excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange('B10:B15').dataValidation.rule = {
      list: { inCellDropDown: true, source: LEVEL2 },
    };
    await ctx.sync();
  });
}

const mismatchAt = (sheet: string) => (s: WorkbookState | undefined) =>
  !!s?.findings.some((f) => f.sheet === sheet && f.rule === 'indicator/level2-mismatch' && f.cell === 'F10');

describe('edits Excel does not report', () => {
  it('a 二级 picked from the dropdown shows its finding within a poll or two, and nothing is written', async () => {
    const grids = seedStandardGrids();
    const sheet = grids[0].sheet;
    const { sim, bench } = await open(grids, { pollMs: POLL_MS });
    await withDropdown(sim, sheet);
    expect(mismatchAt(sheet)(await bench.refresh())).toBe(false);
    sim.missedChangeEvents = { dropdown: true, paste: true };
    const states: WorkbookState[] = [];
    let readsUntilFound = 0;
    const stop = await bench.startLive((s) => {
      states.push(s);
      if (mismatchAt(sheet)(s) && !readsUntilFound) readsUntilFound = sim.syncCount;
    });
    // An edit Excel does report first: the fallback goes on after it.
    sim.setValue(sheet, 'F11', '≥90%');
    await sim.idle();
    await until(() => states.length > 0);
    const before = snapshot(sim);
    const formats = sim.conditionalFormats(sheet);
    sim.resetSyncCount();

    // 重复信访案件数量 ≤20次 moved under 时效指标: a count is not a time limit.
    sim.pickFromList(sheet, 'B10', '时效指标');
    await until(() => readsUntilFound > 0);
    await stop();
    // Found by the next periodic read, or the one after if one was under way: each a single read.
    expect(readsUntilFound).toBeLessThanOrEqual(2);
    expect(snapshot(sim)).toEqual({ ...before, [`${sheet}!B10`]: sim.getCell(sheet, 'B10') });
    expect(sim.conditionalFormats(sheet)).toEqual(formats);
  });

  it('a paste Excel does not report shows when the user moves on, and on another sheet once it is left', async () => {
    const grids = seedStandardGrids();
    const [first, second] = grids.map((g) => g.sheet);
    // A long period: here the selection change and the activation are what set the fallback off.
    const { sim, bench } = await open(grids, { pollMs: 60_000 });
    sim.missedChangeEvents = { dropdown: true, paste: true };
    await bench.refresh();
    const states: WorkbookState[] = [];
    const stop = await bench.startLive((s) => void states.push(s));
    sim.selection = { sheet: first, address: 'F10' };
    await sim.idle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await sim.idle();

    sim.paste(first, 'F10', [['≤20万元']]);
    sim.selection = { sheet: first, address: 'F11' };
    const moneyRate = (s: WorkbookState | undefined, sh: string) =>
      !!s?.findings.some((f) => f.sheet === sh && f.cell === 'F10' && f.rule !== 'plan/blank');
    await until(() => moneyRate(states.at(-1), first));

    sim.activateSheet(second);
    await sim.idle();
    sim.paste(second, 'F11', [['≤20万元']]);
    sim.activateSheet(first);
    await until(() => states.at(-1)?.findings.some((f) => f.sheet === second && f.cell === 'F11') ?? false);
    await stop();
  });

  it('costs one read of the active sheet per period, and reads nothing when nothing changed', async () => {
    const { sim, bench } = await open(projectGrids(100), { pollMs: POLL_MS });
    await bench.refresh();
    const states: WorkbookState[] = [];
    const stop = await bench.startLive((s) => void states.push(s));
    await sim.idle();
    sim.resetSyncCount();
    const bytes = sim.receivedBytes;
    const version = sim.model.version;
    await until(() => sim.syncCount >= 10);
    await stop();
    const polls = sim.syncCount;
    // Each poll: the sheet list, the settings and one template sheet's cells — a few kilobytes.
    const perPoll = (sim.receivedBytes - bytes) / polls;
    expect(perPoll).toBeLessThan(20_000);
    expect(states).toHaveLength(0);
    expect(sim.model.version).toBe(version);
  });
});
