/** Indicator rows added and removed inside the block; fixes and their undo; hosts at ExcelApi 1.4. */

import { toA1 } from '../../src/domain/address';
import { MARK_FILL } from '../../src/domain/layout';
import type { Finding, TargetTable } from '../../src/domain/types';
import { seedPastedGrid, seedStandardGrids } from '../fixtures/seed-grids';
import { hostHas, open, snapshot } from './sim-workbooks';

const names = (t: TargetTable) => t.indicators.map((i) => i.name.text);

describe('indicator rows', () => {
  it('are added after a row, continuing its category, formatted as the template formats them', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const [table] = (await bench.refresh()).tables;
    const after = table.indicators[1];
    await bench.addIndicatorRow(table.sheet, after.row);
    const [grown] = (await bench.refresh()).tables;
    expect(names(grown)).toEqual([...names(table).slice(0, 2), '', ...names(table).slice(2)]);
    const added = grown.indicators[2];
    expect(added.row).toBe(after.row + 1);
    expect([added.level1.text, added.level2.text]).toEqual([after.level1.text, after.level2.text]);
    expect(sim.getCell(table.sheet, added.value.cell)).toMatchObject({
      numberFormat: '@',
      locked: false,
      value: null,
    });
    expect(sim.getCell(table.sheet, added.value.cell).borders).toEqual({
      top: true,
      bottom: true,
      left: true,
      right: true,
    });
    expect(sim.merges(table.sheet)).toContainEqual({ top: added.row, left: 3, bottom: added.row, right: 4 });
    const dropdowns = sim.dataValidations(table.sheet).map((d) => d.range);
    expect(dropdowns).toContain(`A${grown.indicators[0].row + 1}:A${grown.bottom + 1}`);
  });

  it("added at the block's end are covered by the template's rules", async () => {
    const { sim, bench } = await open(seedStandardGrids());
    await bench.validate();
    const [table] = (await bench.refresh()).tables;
    await bench.addIndicatorRow(table.sheet, table.bottom);
    const [grown] = (await bench.refresh()).tables;
    const last = grown.indicators.at(-1)!;
    sim.setValue(table.sheet, last.name.cell, '案件处理率');
    sim.setValue(table.sheet, last.value.cell, '≥120%');
    expect(sim.getCell(table.sheet, last.value.cell).fill).toBe(MARK_FILL.error);
  });

  it('are added to a table pasted from Word with its number formats and merges', async () => {
    const { sim, bench } = await open([seedPastedGrid()]);
    const [table] = (await bench.refresh()).tables;
    await bench.addIndicatorRow('Sheet1', table.indicatorHeader!.row);
    const [grown] = (await bench.refresh()).tables;
    expect(grown.indicators).toHaveLength(table.indicators.length + 1);
    expect(grown.indicators[0].level2.text).toBe(table.indicators[0].level2.text);
    expect(names(grown).slice(1)).toEqual(names(table));
    // Without merged-area reads (ExcelApi 1.13) the add-in cannot know the row was merged.
    const merged = { top: grown.indicators[0].row, left: 3, bottom: grown.indicators[0].row, right: 4 };
    if (hostHas('1.13')) expect(sim.merges('Sheet1')).toContainEqual(merged);
    else expect(sim.merges('Sheet1')).not.toContainEqual(merged);
  });

  it('are removed inside the block only', async () => {
    const { bench } = await open(seedStandardGrids());
    const [table] = (await bench.refresh()).tables;
    await expect(bench.removeIndicatorRow(table.sheet, table.indicatorHeader!.row)).rejects.toThrow(/表头/);
    await expect(bench.removeIndicatorRow(table.sheet, table.bottom + 3)).rejects.toThrow(/指标区/);
    await expect(bench.removeIndicatorRow(table.sheet, 2)).rejects.toThrow(/指标区/);
    await bench.removeIndicatorRow(table.sheet, table.indicators[0].row);
    const [shrunk] = (await bench.refresh()).tables;
    expect(names(shrunk)).toEqual(names(table).slice(1));
    expect(shrunk.goal?.text).toBe(table.goal?.text);
  });

  it('are not removed when the row holds something outside the table', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const [table] = (await bench.refresh()).tables;
    const row = table.indicators[0].row;
    sim.setValue(table.sheet, toA1(row, 9), '备注');
    await expect(bench.removeIndicatorRow(table.sheet, row)).rejects.toThrow(/J/);
    expect(names((await bench.refresh()).tables[0])).toEqual(names(table));
  });

  it('are refused on a sheet that is gone', async () => {
    const { bench } = await open(seedStandardGrids());
    await expect(bench.addIndicatorRow('不存在', 10)).rejects.toThrow(/不存在/);
  });
});

describe('fixes', () => {
  it('change only their own cell and can be undone while the cell still holds the fix', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const state = await bench.refresh();
    const finding = state.findings.find((f) => f.rule === 'indicator/no-comparator') as Finding;
    const before = snapshot(sim);
    const applied = await bench.applyFix(finding);
    const after = snapshot(sim);
    const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    expect(changed).toEqual([`${finding.sheet}!${finding.cell}`]);
    expect(sim.getCell(finding.sheet, finding.cell).value).toBe(finding.fix!.value);
    expect((await bench.refresh()).findings).not.toContainEqual(
      expect.objectContaining({ rule: finding.rule, cell: finding.cell }),
    );

    await expect(bench.undoFix(applied)).resolves.toBe('undone');
    expect(snapshot(sim)).toEqual(before);
  });

  it("are not undone over the user's later edit", async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const finding = (await bench.refresh()).findings.find((f) => f.fix) as Finding;
    const applied = await bench.applyFix(finding);
    sim.setValue(finding.sheet, finding.cell, '≥85%');
    await expect(bench.undoFix(applied)).resolves.toBe('changed');
    expect(sim.getCell(finding.sheet, finding.cell).value).toBe('≥85%');
  });

  it('turn a formula typed into a number cell back into text, and undo restores the formula', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const [table] = (await bench.refresh()).tables;
    const cell = table.indicators[1].value.cell;
    await sim.excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(table.sheet).getRange(cell);
      range.numberFormat = [['General']];
      await ctx.sync();
    });
    sim.setValue(table.sheet, cell, '=100%');
    const finding = (await bench.refresh()).findings.find(
      (f) => f.rule === 'indicator/formula-value' && f.cell === cell,
    )!;
    const applied = await bench.applyFix(finding);
    expect(sim.getCell(table.sheet, cell)).toMatchObject({
      value: finding.fix!.value,
      numberFormat: 'General',
    });
    expect(sim.getCell(table.sheet, cell).formula).toBeUndefined();
    await bench.undoFix(applied);
    expect(sim.getCell(table.sheet, cell)).toMatchObject({ formula: '=100%', value: 1 });
  });

  it('say so when the sheet is gone', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const finding = (await bench.refresh()).findings.find((f) => f.fix) as Finding;
    sim.deleteSheet(finding.sheet);
    await expect(bench.applyFix(finding)).rejects.toThrow(finding.sheet);
  });
});

describe('a host at ExcelApi 1.4', () => {
  it('still reads, totals, inserts the template and writes the summary, without dropdowns, rules or events', async () => {
    const { sim, bench } = await open(seedStandardGrids(), { excelApi: '1.4' });
    expect(bench.capabilities).toEqual({
      conditionalFormats: false,
      dataValidation: false,
      events: false,
      sheetCustomProperties: false,
    });
    const state = await bench.refresh();
    expect(state.totals.total).toBe('102.00');
    expect(state.findings).toContainEqual(expect.objectContaining({ rule: 'indicator/unit-mismatch' }));
    sim.resetSyncCount();
    const { sheet } = await bench.insertTemplate({ profile: 'hebei-2019', unitCode: '', unitName: '' });
    expect(sim.syncCount).toBe(2);
    expect(sim.getCell(sheet, 'A1').value).toBe('项目绩效目标表');
    expect(sim.dataValidations(sheet)).toEqual([]);
    expect(sim.conditionalFormats(sheet)).toEqual([]);
    expect(sim.sheetNames()).not.toContain('_绩效指标列表');
    const summary = await bench.writeSummary();
    expect(sim.settings()['perfTargets.internalSheets']).toContain(summary.sheet);
    expect((await bench.refresh()).tables.some((t) => t.sheet === summary.sheet)).toBe(false);
    // The seed's six projects, and the new table whose 预算数 is not filled yet: not read, not 0.
    expect(sim.getCell(summary.sheet, 'D10').value).toBe('未能读取');
    expect(sim.getCell(summary.sheet, 'D11').value).toBe('未能读取');
    sim.setValue(sheet, 'C4', 0);
    expect(sim.getCell(summary.sheet, 'D11').value).toBeCloseTo(102, 6);
    await expect(bench.startLive(() => undefined)).resolves.toBeInstanceOf(Function);
  });
});
