/**
 * The 汇总 sheet (SPEC §6): live formulas that Excel evaluates to the totals the task pane shows,
 * for tables in 万元 or 元, plan cells typed as numbers, text or Excel percent; text stays text.
 */

import { parseA1, toA1 } from '../../src/domain/address';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { SUMMARY_HEADER_ROW } from '../../src/excel/summary';
import type { TotalsView } from '../../src/excel/workbench';
import type { SimWorkbook } from '../../src/sim';
import { MOF_2021_SHEET, mof2021Grid } from '../fixtures/foreign';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { templateGrid } from '../fixtures/table-builder';
import { hostHas, open, snapshot } from './sim-workbooks';

const AMOUNT_COLUMNS = [3, 4, 5, 6, 7, 8, 9];

/** Rows counted from the header (0): the title and the unit line stand above it. */
const H = SUMMARY_HEADER_ROW;

/** The amounts of a summary row as Excel computes them (unrounded: the sheet shows two decimals). */
function row(sim: SimWorkbook, sheet: string, r: number): (number | string)[] {
  return AMOUNT_COLUMNS.map((c) => sim.getCell(sheet, toA1(H + r, c)).value as number | string);
}

/** The sheet's row against the domain's view: each amount equal, or 未能读取 where the domain has null. */
function expectRow(
  actual: (number | string)[],
  expected: { total: string | null; fiscal: string | null; other: string | null; planned: (string | null)[] },
) {
  const wanted = [expected.total, expected.fiscal, expected.other, ...expected.planned];
  actual.forEach((v, i) => {
    const w = wanted[i];
    if (w === null || w === undefined) expect(v).toBe('未能读取');
    else expect(v as number).toBeCloseTo(Number(w), 2);
  });
}

function expectSheetMatches(sim: SimWorkbook, sheet: string, totals: TotalsView) {
  totals.projects.forEach((p, i) => {
    expect(sim.getCell(sheet, toA1(H + i + 1, 0)).value ?? '').toBe(p.code);
    expect(sim.getCell(sheet, toA1(H + i + 1, 2)).value).toBe(p.sheet);
    expectRow(row(sim, sheet, i + 1), p);
  });
  expectRow(row(sim, sheet, totals.projects.length + 1), totals);
}

/** A project whose 预算数 is not decided yet (`待定`): an amount that cannot be read. */
const undecided = (): Grid =>
  templateGrid('待定项目', {
    code: 'A-1',
    name: '待定项目',
    total: '待定',
    fiscal: 5,
    plan: [20, 50, 80, 100],
  });

describe('the 汇总 sheet', () => {
  it("evaluates to the seed's totals: 102.00, planned 17.60 / 41.50 / 69.55 / 102.00", async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const { sheet } = await bench.writeSummary();
    expect(sheet).toBe('汇总');
    const last = row(sim, sheet, 7);
    expect(last.map((v) => (v as number).toFixed(2))).toEqual([
      '102.00',
      '102.00',
      '0.00',
      '17.60',
      '41.50',
      '69.55',
      '102.00',
    ]);
    expect(sim.getCell(sheet, 'A10').value).toBe('合计');
    // Each amount's unit on a line of its own: a narrow column never breaks inside （万元）.
    expect(['D3', 'E3', 'J3'].map((a) => sim.getCell(sheet, a).value)).toEqual([
      '预算数\n（万元）',
      '财政资金\n（万元）',
      '12月底计划支出\n（万元）',
    ]);
    expectSheetMatches(sim, sheet, (await bench.refresh()).totals);
    // The sheet is the add-in's own: marked, and never read as a project table.
    expect(sim.customProperties(sheet)).toEqual(hostHas('1.12') ? { 'perfTargets.role': 'summary' } : {});
    expect(JSON.parse(sim.settings()['perfTargets.internalSheets'] as string)).toMatchObject({
      [sheet]: 'summary',
    });
    expect((await bench.refresh()).tables.some((t) => t.sheet === sheet)).toBe(false);
  });

  it('follows the projects when the add-in is not running', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const state = await bench.refresh();
    const { sheet } = await bench.writeSummary();
    const first = state.tables[0];
    sim.setValue(first.sheet, first.budget.total!.cell, 30);
    sim.setValue(first.sheet, first.budget.fiscal!.cell, 30);
    expect(sim.getCell(sheet, 'D10').value).toBeCloseTo(122, 6);
    expectSheetMatches(sim, sheet, (await bench.refresh()).totals);
  });

  it('converts 元, reads Excel-percent and text plan cells, and keeps a name that looks like a formula as text', async () => {
    const name = '=HYPERLINK("http://example.com","点我")';
    const yuan: Grid = templateGrid('元表', {
      code: '=1+1',
      name,
      total: 123456,
      fiscal: 100000,
      other: '23,456',
      plan: [{ value: 0.1, numberFormat: '0.00%' }, null, { value: 0.6, numberFormat: '0%' }, '100%'],
    });
    const unit = yuan.cells[1];
    unit[5] = { value: '单位：元', numberFormat: '@' };
    const { sim, bench } = await open([...seedStandardGrids(), yuan]);
    const { sheet } = await bench.writeSummary();
    const totals = (await bench.refresh()).totals;
    const mine = totals.projects.findIndex((p) => p.sheet === '元表');
    expect(totals.projects[mine]).toMatchObject({
      total: '12.35',
      planned: ['1.23', '1.23', '7.41', '12.35'],
    });
    expectSheetMatches(sim, sheet, totals);
    for (const [col, text] of [
      [0, '=1+1'],
      [1, name],
    ] as const) {
      const cell = sim.getCell(sheet, toA1(H + mine + 1, col));
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('counts 上年结转 in 财政资金 on a 财政部 2021 form in 元, and follows it when it changes', async () => {
    // This year's column: 1,300,000 = 1,000,000 财政拨款 + 50,000 上年结转 + 250,000 其他资金.
    const grid = mof2021Grid();
    for (const [address, value] of [
      ['E7', 1300000],
      ['E9', 50000],
    ] as const) {
      const { row, col } = parseA1(address);
      grid.cells[row - grid.top][col - grid.left] = { value };
    }
    const { sim, bench } = await open([grid]);
    const { sheet } = await bench.writeSummary();
    expect(row(sim, sheet, 1).slice(0, 3)).toEqual([130, 105, 25]);
    expect(row(sim, sheet, 2).slice(0, 3)).toEqual([130, 105, 25]);
    expectSheetMatches(sim, sheet, (await bench.refresh()).totals);

    sim.setValue(MOF_2021_SHEET, 'E9', 80000);
    sim.setValue(MOF_2021_SHEET, 'E7', 1330000);
    expect(row(sim, sheet, 2).slice(0, 3)).toEqual([133, 108, 25]);
    expectSheetMatches(sim, sheet, (await bench.refresh()).totals);
  });

  it('is refreshed in place, and never takes over a sheet of the user that happens to be called 汇总', async () => {
    const { sim, bench } = await open([
      ...seedStandardGrids(),
      templateGrid('汇总', { name: '用户自己的表' }),
    ]);
    const before = snapshot(sim, ['汇总']);
    const { sheet } = await bench.writeSummary();
    expect(sheet).toBe('汇总 (2)');
    expect(snapshot(sim, ['汇总'])).toEqual(before);
    await bench.insertTemplate({
      profile: 'hebei-2019',
      unitCode: '',
      unitName: '',
      projectName: '新增项目',
    });
    const again = await bench.writeSummary();
    expect(again.sheet).toBe(sheet);
    expect(sim.sheetNames().filter((s) => s.startsWith('汇总'))).toEqual(['汇总', '汇总 (2)']);
    expectSheetMatches(sim, sheet, (await bench.refresh()).totals);
  });

  it('shows 未能读取 for an amount it cannot read, and in every total it belongs to; never 0', async () => {
    const { sim, bench } = await open([
      undecided(),
      templateGrid('带单位', {
        code: 'A-2',
        name: '带单位',
        total: '20万元',
        fiscal: '20万元',
        plan: [10, 20, 30, 100],
      }),
    ]);
    const { sheet } = await bench.writeSummary();
    const state = await bench.refresh();
    expect(state.totals.projects[0]).toMatchObject({ total: null, planned: [null, null, null, null] });
    expect(state.totals.projects[1]).toMatchObject({ total: '20.00', fiscal: '20.00', other: '0.00' });
    expect(state.totals.total).toBeNull();
    expectSheetMatches(sim, sheet, state.totals);
    expect(row(sim, sheet, 3)[0]).toBe('未能读取');

    // Typed in properly, the sheet follows without the add-in.
    sim.setValue('待定项目', 'C4', 5);
    expect(row(sim, sheet, 1)).toEqual([5, 5, 0, 1, 2.5, 4, 5]);
    expect(row(sim, sheet, 3)[0]).toBe(25);
    // An amount written with its unit is taken as long as the cell still says so.
    sim.setValue('带单位', 'C4', '30万元');
    expect(row(sim, sheet, 2)[0]).toBe('未能读取');
  });

  it('shows 未能读取, not 0, for the empty parts of a total that cannot be read, as the task pane does', async () => {
    const { sim, bench } = await open([
      templateGrid('空白项目', { code: 'A-1', name: '空白项目', plan: [20, 50, 80, 100] }),
      templateGrid('待定项目', { code: 'A-2', name: '待定项目', total: '待定', fiscal: 5 }),
    ]);
    const { sheet } = await bench.writeSummary();
    const state = await bench.refresh();
    expect(state.totals.projects[0]).toMatchObject({ total: null, fiscal: null, other: null });
    // A part was written: the empty 其他资金 beside it is 0, on the sheet as in the pane.
    expect(state.totals.projects[1]).toMatchObject({ total: null, fiscal: '5.00', other: '0.00' });
    expectSheetMatches(sim, sheet, state.totals);
    expect(row(sim, sheet, 1).slice(0, 3)).toEqual(['未能读取', '未能读取', '未能读取']);

    // The 预算数 typed in, the empty parts are the form's 0 again, without the add-in.
    sim.setValue('空白项目', 'C4', 10);
    expect(row(sim, sheet, 1).slice(0, 3)).toEqual([10, 0, 0]);
    sim.setValue('空白项目', 'C4', null);
    sim.setValue('空白项目', 'G4', 3);
    expect(row(sim, sheet, 1).slice(0, 3)).toEqual(['未能读取', 0, 3]);
  });

  it('sums every line of a part the form splits into sources, as the totals do, and follows each', async () => {
    // 中央资金 and 省级资金 on the total's line, 自有资金 and 其他收入 under 其他资金: each part two lines.
    const split = gridFromRows('分项目', [
      ['项目名称', '分来源项目'],
      ['年度资金总额', 100, '中央资金', 60, '省级资金', 30],
      ['其他资金', null, '自有资金', 6, '其他收入', 4],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '补助人数', '≥100人'],
    ]);
    const { sim, bench } = await open([split]);
    const state = await bench.refresh();
    const lines = state.tables[0]?.budget.lines;
    expect(lines?.fiscal.map((f) => f.cell)).toEqual(['D2', 'F2']);
    const { sheet } = await bench.writeSummary();
    const totals = (await bench.refresh()).totals;
    expectSheetMatches(sim, sheet, totals);
    expect(row(sim, sheet, 1).slice(0, 2)).toEqual([100, 90]);

    // The second source changes: the sheet follows it without the add-in, not only the first line.
    sim.setValue('分项目', 'F2', 40);
    expect(row(sim, sheet, 1).slice(0, 2)).toEqual([100, 100]);
    sim.setValue('分项目', 'F2', '待定');
    expect(row(sim, sheet, 1)[1]).toBe('未能读取');
  });

  it('reads an amount as its format shows it (元 by its format, 元 shown as 万元), as the pane does', async () => {
    // 80000 shown `80,000.00元` is 8 万元; 1500000 shown `150.0000万元` by the 元-as-万元 trick is 150
    // 万元. The sheet used the stored numbers: 80000 and 1500000 beside the pane's 8 and 150.
    const formatted = gridFromRows('格式项目', [
      ['项目名称', '格式项目'],
      ['年度资金总额', 1500000, '财政拨款', 80000, '其他资金', 142],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '补助人数', '≥100人'],
    ]);
    const money = formatted.cells[1];
    if (!money) throw new Error('no money line');
    money[1] = { value: 1500000, numberFormat: '0!.0000"万元"' };
    money[3] = { value: 80000, numberFormat: '#,##0.00"元"' };
    const { sim, bench } = await open([formatted]);
    const { sheet } = await bench.writeSummary();
    const totals = (await bench.refresh()).totals;
    expect([totals.projects[0]?.total, totals.projects[0]?.fiscal]).toEqual(['150.00', '8.00']);
    expectSheetMatches(sim, sheet, totals);
    expect(row(sim, sheet, 1).slice(0, 3)).toEqual([150, 8, 142]);
    // The cell changes, its format stays: the sheet follows it in the unit shown.
    sim.setValue('格式项目', 'B2', 2000000);
    expect(row(sim, sheet, 1)[0]).toBe(200);
  });

  it('has the title with the year and the unit line of 设置, flags errors and notes an incomplete total', async () => {
    const { sim, bench } = await open([
      undecided(),
      templateGrid('好项目', { code: 'A-2', name: '好项目', total: 20, fiscal: 20, plan: [10, 20, 30, 100] }),
    ]);
    await bench.saveSettings({
      ...(await bench.loadSettings()),
      year: '2026',
      unitCode: '207002',
      unitName: '临西县信访局',
    });
    const { sheet } = await bench.writeSummary();
    const state = await bench.refresh();
    expect(sim.getCell(sheet, 'A1').value).toBe('2026年度项目预算汇总表');
    expect(sim.getCell(sheet, 'A2').value).toBe('207002临西县信访局');
    expect(sim.getCell(sheet, 'J2').value).toBe('单位：万元');
    expect(sim.getCell(sheet, 'K3').value).toBe('待改错误');
    const errors = state.findings.filter((f) => f.table === 0 && f.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(sim.getCell(sheet, 'K4').value).toBe(`${errors} 个错误`);
    const second = state.findings.filter((f) => f.table === 1 && f.severity === 'error').length;
    expect(sim.getCell(sheet, 'K5').value ?? '').toBe(second > 0 ? `${second} 个错误` : '');
    expect(sim.getCell(sheet, 'A6').value).toBe('合计');
    const note = String(sim.getCell(sheet, 'A7').value);
    expect(note).toContain('合计不完整：“待定项目”的金额未能读取');
    expect(note).not.toContain('好项目');
  });

  it('lists no project and totals 0 in an empty workbook', async () => {
    const { sim, bench } = await open([{ sheet: 'Sheet1', top: 0, left: 0, cells: [], merges: [] }]);
    const { sheet } = await bench.writeSummary();
    expect(sim.getCell(sheet, 'A4').value).toBe('合计');
    expect(row(sim, sheet, 1)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
