import Big from 'big.js';
import { parseA1 } from '../../src/domain/address';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readGrid, readWorkbook } from '../../src/domain/reader';
import { computeTotals, formatWan, totalsView } from '../../src/domain/totals';
import { mof2021Grid } from '../fixtures/foreign';
import { stackedGrid, templateGrid, type TableInput } from '../fixtures/table-builder';

const table = (overrides: Partial<TableInput>): TableInput => ({
  code: 'T-1',
  name: '测试项目',
  total: 10,
  fiscal: 10,
  other: null,
  plan: [20, 50, 80, 100],
  goal: '完成',
  ...overrides,
});

const totalsOf = (...inputs: TableInput[]) => computeTotals(readGrid(stackedGrid('Sheet1', inputs)));

/** The same table with its unit line saying 元, as other units' files do. */
function inYuan(input: TableInput): Grid {
  const grid = templateGrid('元表', input);
  for (const row of grid.cells)
    for (const cell of row) if (cell && cell.value === '单位：万元') cell.value = '单位：元';
  return grid;
}

describe('computeTotals', () => {
  test('exact decimals: thirty projects of 0.10 万元 total exactly 3', () => {
    const inputs = Array.from({ length: 30 }, (_, i) => table({ code: `T-${i}`, total: 0.1, fiscal: 0.1 }));
    const totals = totalsOf(...inputs);
    expect(totals.projects).toBe(30);
    expect(totals.total?.toString()).toBe('3');
    expect(totals.fiscal?.toString()).toBe('3');
    expect(totals.planned.map((b) => b?.toString())).toEqual(['0.6', '1.5', '2.4', '3']);
  });

  test('0.1 + 0.2 is 0.3, not 0.30000000000000004', () => {
    const totals = totalsOf(
      table({ total: 0.1, fiscal: 0.1 }),
      table({ code: 'T-2', total: 0.2, fiscal: 0.2 }),
    );
    expect(totals.total?.eq(new Big('0.3'))).toBe(true);
  });

  test('the total is summed exactly and rounded once: three × 13.8975 prints 41.69, not 3 × 13.90', () => {
    const share = table({ total: 16.35, fiscal: 16.35, plan: [20, 50, 85, 100] });
    const totals = totalsOf(share, { ...share, code: 'T-2' }, { ...share, code: 'T-3' });
    const view = totalsView(totals);
    expect(view.projects.map((p) => p.planned[2])).toEqual(['13.90', '13.90', '13.90']);
    expect(view.planned[2]).toBe('41.69');
    expect(view.total).toBe('49.05');
  });

  test('a table in 元 is converted to 万元', () => {
    const tables = readGrid(inYuan(table({ total: 123456, fiscal: 100000, other: 23456 })));
    expect(tables[0].moneyScale).toBe(0.0001);
    const view = totalsView(computeTotals(tables));
    expect([view.total, view.fiscal, view.other]).toEqual(['12.35', '10.00', '2.35']);
    expect(computeTotals(tables).total?.toString()).toBe('12.3456');
    expect(view.planned).toEqual(['2.47', '6.17', '9.88', '12.35']);
  });

  test('元 and 万元 tables add up in 万元', () => {
    const wan = readGrid(templateGrid('万元表', table({ total: 10, fiscal: 10 })));
    const yuan = readGrid(inYuan(table({ total: 50000, fiscal: 50000 })));
    expect(totalsView(computeTotals([...wan, ...yuan])).total).toBe('15.00');
  });

  test('a blank period carries the previous cumulative amount, 0 before the first filled one', () => {
    const totals = totalsOf(table({ total: 10, plan: [null, 40, null, 100] }));
    expect(totalsView(totals).planned).toEqual(['0.00', '4.00', '4.00', '10.00']);
  });

  test('all periods blank plan nothing', () => {
    const totals = totalsOf(table({ plan: [null, null, null, null] }));
    expect(totalsView(totals).planned).toEqual(['0.00', '0.00', '0.00', '0.00']);
  });

  test('percent-formatted plan cells and numeric text read as percentages', () => {
    const totals = totalsOf(
      table({
        total: 10,
        plan: [{ value: 0.2, numberFormat: '0.00%' }, '50%', '80.00', { value: 1, numberFormat: '0%' }],
      }),
    );
    expect(totalsView(totals).planned).toEqual(['2.00', '5.00', '8.00', '10.00']);
  });

  test('an unreadable amount is never 0: it is null, every sum it is in is null, and the cell is named', () => {
    const totals = totalsOf(
      table({ total: '待定', fiscal: { value: '#REF!', error: true }, plan: [20, 50, 80, 100] }),
      table({ code: 'T-2', total: 5, fiscal: 5, plan: [20, '五成', 80, 100] }),
    );
    const view = totalsView(totals);
    // Nothing of the first table's money reads: its empty 其他资金 is no 0 either.
    expect(view.projects[0]).toMatchObject({ total: null, fiscal: null, other: null });
    expect(view.projects[0].planned).toEqual([null, null, null, null]);
    expect([view.total, view.fiscal, view.other]).toEqual([null, null, null]);
    expect(view.known).toMatchObject({ total: '5.00', fiscal: '5.00', other: '0.00' });
    // 五成 cannot be read: that period is unknown, the next filled one is known again.
    expect(view.projects[1].planned).toEqual(['1.00', null, '4.00', '5.00']);
    expect(view.planned).toEqual([null, null, null, null]);
    expect(view.incomplete.map((u) => [u.table, u.cell, u.field, u.reason])).toEqual([
      [0, 'C4', 'total', 'unreadable'],
      [0, 'E4', 'fiscal', 'unreadable'],
      [0, 'G4', 'other', 'empty'],
      [1, 'C26', 'plan', 'unreadable'],
    ]);
  });

  test('an empty 预算数 is not 0, nor are the empty parts beside it when nothing else is written', () => {
    const view = totalsView(totalsOf(table({ total: null, fiscal: null, other: null })));
    expect([view.total, view.fiscal, view.other]).toEqual([null, null, null]);
    expect(view.incomplete.map((u) => [u.cell, u.field, u.reason])).toEqual([
      ['C4', 'total', 'empty'],
      ['E4', 'fiscal', 'empty'],
      ['G4', 'other', 'empty'],
    ]);
  });

  test('empty 财政资金 and 其他资金 are 0 beside a 预算数 that reads, or beside a part that was written', () => {
    const read = totalsView(totalsOf(table({ total: 10, fiscal: null, other: null })));
    expect([read.total, read.fiscal, read.other]).toEqual(['10.00', '0.00', '0.00']);
    const undecided = totalsView(totalsOf(table({ total: '待定', fiscal: 8, other: null })));
    expect([undecided.total, undecided.fiscal, undecided.other]).toEqual([null, '8.00', '0.00']);
    const empty = totalsView(totalsOf(table({ total: null, fiscal: null, other: 2 })));
    expect([empty.total, empty.fiscal, empty.other]).toEqual([null, '0.00', '2.00']);
  });

  test('amounts written with their unit are read exactly and converted (SPEC §5)', () => {
    const view = totalsView(totalsOf(table({ total: '20万元', fiscal: '150,000元', other: '5万' })));
    expect([view.total, view.fiscal, view.other]).toEqual(['20.00', '15.00', '5.00']);
    const yuan = totalsView(computeTotals(readGrid(inYuan(table({ total: '1.2万元', fiscal: 12000 })))));
    expect([yuan.total, yuan.fiscal]).toEqual(['1.20', '1.20']);
  });

  test('numeric text amounts count; 其他资金 is totalled on its own', () => {
    const view = totalsView(totalsOf(table({ total: '1,000.50', fiscal: '900.25', other: '100.25' })));
    expect([view.total, view.fiscal, view.other]).toEqual(['1000.50', '900.25', '100.25']);
  });

  test('a project found twice counts once per occurrence; the view keeps sheet, code and name', () => {
    const grids = [templateGrid('甲', table({})), templateGrid('乙', table({}))];
    const totals = computeTotals(readWorkbook(grids));
    expect(totals.projects).toBe(2);
    const view = totalsView(totals);
    expect(view.total).toBe('20.00');
    expect(view.projects.map((p) => [p.table, p.sheet, p.code, p.name])).toEqual([
      [0, '甲', 'T-1', '测试项目'],
      [1, '乙', 'T-1', '测试项目'],
    ]);
  });

  test('上年结转 is fiscal money: 财政拨款 + 上年结转 is 财政资金, so 财政资金 + 其他资金 = 预算数', () => {
    // The 财政部 2021 form in 元, this year's column: 1,300,000.05 = 1,000,000 + 50,000.05 + 250,000.
    const grid = mof2021Grid();
    for (const [address, value] of [
      ['E7', 1300000.05],
      ['E9', 50000.05],
    ] as const) {
      const { row, col } = parseA1(address);
      grid.cells[row - grid.top][col - grid.left] = { value };
    }
    const tables = readGrid(grid);
    expect(tables[0].budget.carryover?.cell).toBe('E9');
    const totals = computeTotals(tables);
    expect([totals.total, totals.fiscal, totals.other].map((b) => b?.toString())).toEqual([
      '130.000005',
      '105.000005',
      '25',
    ]);
    expect((totals.fiscal as Big).plus(totals.other as Big).eq(totals.total as Big)).toBe(true);
    const view = totalsView(totals);
    expect([view.total, view.fiscal, view.other]).toEqual(['130.00', '105.00', '25.00']);
    expect(view.projects[0].fiscal).toBe('105.00');
  });

  test('no tables: zero everywhere', () => {
    const view = totalsView(computeTotals([]));
    expect(view).toEqual({
      projects: [],
      total: '0.00',
      fiscal: '0.00',
      other: '0.00',
      planned: ['0.00', '0.00', '0.00', '0.00'],
      known: { total: '0.00', fiscal: '0.00', other: '0.00', planned: ['0.00', '0.00', '0.00', '0.00'] },
      incomplete: [],
    });
  });
});

describe('formatWan', () => {
  test('two decimals, half up, where binary floats would round down', () => {
    expect(formatWan(new Big('13.8975'))).toBe('13.90');
    expect(formatWan(new Big('2.675'))).toBe('2.68');
    expect(formatWan(new Big('1.005'))).toBe('1.01');
    expect(formatWan(new Big('102'))).toBe('102.00');
    expect(formatWan(new Big('12345678.9'))).toBe('12345678.90');
  });

  test('never prints -0.00', () => {
    expect(formatWan(new Big('-0.001'))).toBe('0.00');
    expect(formatWan(new Big('-1.005'))).toBe('-1.01');
  });
});

describe('a Word table with lines above it (negative rows)', () => {
  test('what could not be read is named by a real cell address, never a negative row', () => {
    const grid = gridFromRows(
      '表1',
      [
        ['项目支出绩效目标申报表'],
        ['单位：万元'],
        ['项目名称', '饮水工程'],
        ['年度资金总额', 120],
        ['其中：财政拨款', 100],
        ['其他资金', 20],
        ['年度总体目标', '完成12处工程'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '改造工程数量', '≥12处'],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
      ],
      { top: -2 },
    );
    const tables = readGrid(grid);
    expect(tables).toHaveLength(1);
    const totals = computeTotals(tables);
    expect(totals.incomplete.length).toBeGreaterThan(0);
    for (const u of totals.incomplete) expect(u.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
    for (const note of tables[0].notes ?? []) expect(note.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
  });
});
