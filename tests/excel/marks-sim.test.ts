/**
 * SPEC §8 on the simulator: marks are conditional formats the add-in owns; 清除标记 removes exactly
 * those; nothing the user formatted is ever written; inserting a template never overwrites.
 */

import { MARK_FILL } from '../../src/domain/layout';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { hostHas, open, snapshot } from './sim-workbooks';

describe('marks', () => {
  it("show each finding's cell on 校验 and leave every cell's own format as it was once cleared", async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const [first] = sim.sheetNames();
    // The user's own formatting and conditional format, which the add-in must never touch.
    await sim.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(first);
      const usage = ws.getRange('B5');
      usage.format.fill.color = '#DDEBF7';
      usage.format.font.bold = true;
      ws.getRange('G3').format.borders.getItem('EdgeBottom').style = 'Double';
      const own = ws.getRange('C4').conditionalFormats.add('Custom');
      own.custom.rule.formula = '=$C$4>1000';
      own.custom.format.fill.color = '#00B050';
      await ctx.sync();
    });
    const before = snapshot(sim);
    const userRules = sim.conditionalFormats(first);

    const state = await bench.validate();
    const warning = state.findings.find((f) => f.rule === 'indicator/no-comparator')!;
    expect(sim.getCell(warning.sheet, warning.cell)).toMatchObject({
      fill: MARK_FILL.warning,
      ownFill: null,
    });
    const error = state.findings.find((f) => f.rule === 'indicator/unit-mismatch')!;
    expect(sim.getCell(error.sheet, error.cell).fill).toBe(MARK_FILL.error);
    expect(snapshot(sim)).not.toEqual(before);

    await bench.clearHighlights();
    // Every cell's own content and format is as it was; what may still colour a cell is the
    // template's own rules, which stay (SPEC §8), and the user's rule, which is untouched.
    const own = (snap: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(snap).map(([k, v]) => [k, { ...(v as object), fill: undefined }]));
    expect(own(snapshot(sim))).toEqual(own(before));
    const after = sim.conditionalFormats(first);
    expect(after).toEqual(expect.arrayContaining(userRules));
    expect(after.every((cf) => !cf.formula.includes('perf-targets|'))).toBe(true);
  });

  it('are not doubled by a second 校验, and clearing keeps the template rules', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    await bench.validate();
    const sheets = sim.sheetNames();
    const once = sheets.map((s) => sim.conditionalFormats(s));
    await bench.validate();
    expect(sheets.map((s) => sim.conditionalFormats(s))).toEqual(once);
    await bench.clearHighlights();
    const left = sheets.map((s) => sim.conditionalFormats(s));
    // Only the marks go: what is left is the template's own rules, none of them a mark.
    expect(left.every((rules) => rules.length > 0)).toBe(true);
    expect(left.flat().every((cf) => !cf.formula.includes('perf-targets|'))).toBe(true);
    expect(left.flat().length).toBeLessThan(once.flat().length);
    await bench.validate();
    expect(sheets.map((s) => sim.conditionalFormats(s))).toEqual(once);
  });

  it('do nothing on a host without conditional formats', async () => {
    const { sim, bench } = await open(seedStandardGrids(), { excelApi: '1.5' });
    const before = snapshot(sim);
    sim.resetSyncCount();
    const state = await bench.validate();
    expect(state.findings.length).toBeGreaterThan(0);
    expect(sim.syncCount).toBe(1);
    expect(snapshot(sim)).toEqual(before);
  });
});

describe('inserting the template', () => {
  it('uses a new sheet and never touches the others, even when the project is named like one of them', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const originals = sim.sheetNames();
    const [first] = originals;
    const before = snapshot(sim);
    const { sheet } = await bench.insertTemplate({
      profile: 'hebei-2019',
      unitCode: '207002',
      unitName: '中国共产党临西县委员会信访局',
      projectName: first,
    });
    expect(sheet).toBe(`${first} (2)`);
    expect(snapshot(sim, originals)).toEqual(before);
    expect(sim.getCell(sheet, 'A1').value).toBe('项目绩效目标表');
    expect(sim.getCell(sheet, 'A2').value).toBe('207002中国共产党临西县委员会信访局');
    expect(sim.getCell(sheet, 'E3').value).toBe(first);
    expect(sim.activeSheet()).toBe(sheet);
  });

  it('writes a table the reader takes for a fresh project, with its dropdowns, rules and print settings', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const { sheet } = await bench.insertTemplate({
      profile: 'mof-2021',
      unitCode: '',
      unitName: '',
      projectName: '新项目',
    });
    const state = await bench.refresh();
    const table = state.tables.find((t) => t.sheet === sheet)!;
    expect(table.name?.text).toBe('新项目');
    expect(table.profile).toBe('mof-2021');
    expect(table.indicators.map((i) => i.level1.text)).toContain('成本指标');
    // Labels locked, inputs unlocked and typed as text or numbers.
    expect(sim.getCell(sheet, 'A3')).toMatchObject({ value: '项目编码', locked: true, bold: true });
    expect(sim.getCell(sheet, table.budget.total!.cell)).toMatchObject({
      numberFormat: '0.00',
      locked: false,
    });
    expect(sim.getCell(sheet, table.indicators[0].value.cell)).toMatchObject({
      numberFormat: '@',
      locked: false,
    });
    expect(sim.getCell(sheet, 'D10').borders).toEqual({ top: true, bottom: true, left: true, right: true });
    expect(sim.merges(sheet)).toContainEqual({ top: 0, left: 0, bottom: 0, right: 6 });
    expect(sim.dataValidations(sheet).map((d) => d.showAlert)).toEqual([false, false, false]);
    expect(sim.conditionalFormats(sheet).length).toBeGreaterThan(0);
    // Print settings need ExcelApi 1.9 (Office 2019 has none: the sheet prints with Excel's defaults).
    if (hostHas('1.9'))
      expect(sim.pageLayout(sheet)).toMatchObject({
        orientation: 'Portrait',
        paperSize: 'A4',
        centerHorizontally: true,
      });
    // The hidden list sheet behind the dropdowns is the add-in's own: marked (a sheet property from
    // ExcelApi 1.12, a workbook setting always), and never read as a table.
    expect(sim.sheetInfo('_绩效指标列表').visibility).toBe('Hidden');
    expect(sim.customProperties('_绩效指标列表')).toEqual(
      hostHas('1.12') ? { 'perfTargets.role': 'lists' } : {},
    );
    expect(JSON.parse(sim.settings()['perfTargets.internalSheets'] as string)).toMatchObject({
      _绩效指标列表: 'lists',
    });
    expect(state.tables.some((t) => t.sheet === '_绩效指标列表')).toBe(false);
    // Typing into the fresh template is checked by the template's own rules, where Excel evaluates them.
    sim.setValue(sheet, table.plan[3].cell, 90);
    expect(sim.getCell(sheet, table.plan[3].cell).fill).toBe(MARK_FILL.error);
  });

  it('creates the list sheet and its names once', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    await bench.insertTemplate({ profile: 'hebei-2019', unitCode: '', unitName: '' });
    const names = sim.names();
    await bench.insertTemplate({ profile: 'hebei-2019', unitCode: '', unitName: '' });
    expect(sim.names()).toEqual(names);
    expect(sim.sheetNames().filter((s) => s === '_绩效指标列表')).toHaveLength(1);
  });

  it('refuses with a clear message when the workbook structure is protected', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    await sim.excel.run(async (ctx) => {
      ctx.workbook.protection.protect();
      await ctx.sync();
    });
    const sheets = sim.sheetNames();
    await expect(bench.insertTemplate({ profile: 'hebei-2019', unitCode: '', unitName: '' })).rejects.toThrow(
      /工作簿的结构受保护/,
    );
    expect(sim.sheetNames()).toEqual(sheets);
  });
});

describe('a protected sheet', () => {
  it('keeps its marks as they are, says so, and refuses changes with a clear message', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const state = await bench.validate();
    const finding = state.findings.find((f) => f.rule === 'indicator/no-comparator')!;
    const others = sim.sheetNames().filter((s) => s !== finding.sheet);
    await sim.excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(finding.sheet).protection.protect();
      await ctx.sync();
    });
    const rules = sim.conditionalFormats(finding.sheet);

    const again = await bench.validate();
    expect(again.problems).toEqual([{ sheet: finding.sheet, message: expect.stringContaining('受保护') }]);
    expect(sim.conditionalFormats(finding.sheet)).toEqual(rules);

    await expect(bench.clearHighlights()).rejects.toThrow(finding.sheet);
    expect(sim.conditionalFormats(finding.sheet)).toEqual(rules);
    expect(
      others.every((s) => sim.conditionalFormats(s).every((cf) => !cf.formula.includes('perf-targets|'))),
    ).toBe(true);

    await expect(bench.applyFix(finding)).rejects.toThrow(/锁定/);
    await expect(bench.addIndicatorRow(finding.sheet, 10)).rejects.toThrow(/受保护/);
  });
});
