/**
 * The reader's known gaps of 2026-12-07 (README), each seen on real tables: a unit stated before a
 * grid; the empty parts of an unread total; … — each with the near misses that must stay as they
 * were.
 */

import { analyseGrids, checkGrids } from '../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readGrid, unitStatedAfter } from '../../src/domain/reader';
import { computeTotals } from '../../src/domain/totals';
import { amounts, merges } from '../fixtures/grid-reading';

type Rows = (string | number | null)[][];

const INDICATORS: Rows = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '补助人数', '≥100人'],
];

describe('a money unit stated before the grid (a Word document’s earlier 单位：元)', () => {
  const rows: Rows = [['项目名称', '某项目'], ['预算数', 1234500, '其中：财政资金', 1234500], ...INDICATORS];

  test('a table that states none is in that unit', () => {
    const grid: Grid = { ...gridFromRows('表2', rows), unitAbove: 0.0001 };
    expect(amounts(grid)[0]).toMatchObject({ total: '123.45', fiscal: '123.45' });
    expect(readGrid(grid)[0]?.moneyScale).toBe(0.0001);
  });

  test('near miss: a table that states its own unit keeps it', () => {
    const grid: Grid = { ...gridFromRows('表2', [['单位：万元'], ...rows]), unitAbove: 0.0001 };
    expect(amounts(grid)[0]).toMatchObject({ total: '1234500.00' });
  });

  test('what a grid leaves stated: its unit line, else what came before it', () => {
    expect(unitStatedAfter(gridFromRows('表1', [['单位：元'], ...rows]))).toBe(0.0001);
    expect(unitStatedAfter(gridFromRows('表1', [['金额单位：元']]))).toBe(0.0001);
    expect(unitStatedAfter(gridFromRows('表1', rows), 0.0001)).toBe(0.0001);
    expect(unitStatedAfter(gridFromRows('表1', rows))).toBeUndefined();
    expect(unitStatedAfter(gridFromRows('表1', [['单位：万元'], ...rows]), 0.0001)).toBe(1);
  });
});

describe('the empty parts of a 自评表 whose 全年预算数 column is empty', () => {
  /** A 自评表's funds block: 年初预算数 filled, 全年预算数 as given, 全年执行数 filled. */
  const selfEval = (yearBudget: (number | null)[]): Grid =>
    gridFromRows(
      's',
      [
        ['项目支出绩效自评表（2023年度）'],
        ['项目名称', '某项目'],
        ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        [null, '年度资金总额', 100, yearBudget[0] ?? null, 95, 10, null, null],
        [null, '其中：财政拨款', 100, yearBudget[1] ?? null, 95, null, null, null],
        [null, '其他资金', null, yearBudget[2] ?? null, null, null, null, null],
        [
          '一级指标',
          '二级指标',
          '三级指标',
          '年度指标值',
          '实际完成值',
          '分值',
          '得分',
          '偏差原因分析及改进措施',
        ],
        ['产出指标', '数量指标', '保障人数', '≥100人', '100人', 50, 50, null],
      ],
      merges('A3:A6'),
    );

  test('the parts beside the unread total are unread too, never 0.00', () => {
    const totals = computeTotals(readGrid(selfEval([null, null, null])));
    const [row] = totals.tables;
    expect([row?.total, row?.fiscal, row?.other]).toEqual([null, null, null]);
    expect(row?.unread.map((u) => [u.cell, u.field, u.reason])).toEqual([
      ['D4', 'total', 'empty'],
      ['D5', 'fiscal', 'empty'],
      ['D6', 'other', 'empty'],
    ]);
  });

  test('near miss: beside a 全年预算数 that reads, an empty 其他资金 is 0', () => {
    expect(amounts(selfEval([100, 100, null]))[0]).toEqual({
      total: '100.00',
      fiscal: '100.00',
      other: '0.00',
    });
  });

  test('near miss: a part written beside the empty total still counts, the empty one beside it is 0', () => {
    expect(amounts(selfEval([null, 100, null]))[0]).toEqual({ total: null, fiscal: '100.00', other: '0.00' });
  });

  test('the target table beside it is totalled as before; the 自评表 adds to no sum', () => {
    const target = gridFromRows('t', [
      ['项目名称', '某项目'],
      ['预算数', 100, '其中：财政资金', 100, '其他资金', null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '保障人数', '≥100人'],
    ]);
    const { state } = analyseGrids([target, selfEval([null, null, null])]);
    expect(state.tables.map((t) => t.form)).toEqual(['target', 'selfEval']);
    expect(state.totals).toMatchObject({ total: '100.00', fiscal: '100.00', other: '0.00' });
    // Only the target table's missing plan is incomplete: the 自评表's unread amounts are no sum's.
    expect(state.totals.incomplete.map((u) => [u.table, u.field])).toEqual([[0, 'plan']]);
  });
});

describe('sources of the fiscal money on the total’s line', () => {
  const table = (money: Rows): Grid => gridFromRows('s', [['项目名称', '某项目'], ...money, ...INDICATORS]);
  const read = (money: Rows) => amounts(table(money))[0];
  const findings = (money: Rows): [string, string][] =>
    checkGrids([table(money)])
      .findings.filter((f) => f.rule.startsWith('budget/') || f.rule === 'table/unreadable')
      .filter((f) => f.rule !== 'table/unreadable' || f.messageId === 'sourceBeside')
      .map((f) => [f.rule, f.cell]);

  describe('beside a total of all the project’s money: its parts, and budget/sum-mismatch speaks', () => {
    test.each<[string, Rows, string, string]>([
      ['中央 and 省级 short of it', [['年度资金总额', 100, '中央资金', 60, '省级资金', 30]], '90.00', 'B2'],
      [
        '一般公共预算 and 政府性基金 over it',
        [['预算数', 100, '一般公共预算', 60, '政府性基金', 50]],
        '110.00',
        'B2',
      ],
      ['one source alone', [['年度资金总额', 100, '中央补助资金', 60]], '60.00', 'B2'],
      ['in 元', [['单位：元'], ['预算金额', 1000000, '市级资金', 400000, '区级资金', 500000]], '90.00', 'B3'],
    ])('%s', (_, money, fiscal, cell) => {
      expect(read(money)?.fiscal).toBe(fiscal);
      expect(findings(money)).toEqual([['budget/sum-mismatch', cell]]);
    });

    test('near miss: a source alone equal to the total is the whole fiscal part, no finding', () => {
      const money: Rows = [['预算数', 100, '上级补助', 100]];
      expect(read(money)).toEqual({ total: '100.00', fiscal: '100.00', other: '0.00' });
      expect(findings(money)).toEqual([]);
    });

    test('near miss: a source that is no amount is budget/not-number’s, not a silent 未能读取', () => {
      const money: Rows = [['年度资金总额', 100, '中央资金', 60, '省级资金', '待定']];
      expect(read(money)?.fiscal).toBeNull();
      expect(findings(money)).toEqual([['budget/not-number', 'F2']]);
    });
  });

  describe('beside a total that is one level’s money (本级预算金额): not placed, said on the source', () => {
    test.each<[string, Rows, string[]]>([
      ['上级资金 after it', [['本级预算金额', 100, '该项目支出上级资金', 30]], ['D2']],
      ['上级资金 before it', [['该项目支出上级资金', 30, '年度本级预算金额', 50]], ['B2']],
      ['the same figure', [['本级预算金额', 100, '该项目支出上级资金', 100]], ['D2']],
      ['上级资金 0', [['年度本级 预算金额', '250万', '该项目支出上级资金', 0]], ['D2']],
      ['two that do not add up', [['本级预算金额', 100, '上级资金', 30, '中央资金', 20]], ['D2', 'F2']],
    ])('%s', (_, money, cells) => {
      expect(read(money)?.fiscal).toBeNull();
      expect(findings(money).filter(([rule]) => rule === 'table/unreadable')).toEqual(
        cells.map((cell) => ['table/unreadable', cell]),
      );
    });

    test('the finding names the cell, both figures and what to write', () => {
      const [zh] = checkGrids([table([['本级预算金额', 100, '该项目支出上级资金', 30]])]).findings.filter(
        (f) => f.messageId === 'sourceBeside',
      );
      expect(zh?.severity).toBe('warning');
      expect(zh?.message).toBe(
        'D2“该项目支出上级资金”30与预算数“本级预算金额”100并列，看不出它包含在预算数之内还是另加在预算数之外，本表的财政资金未读取，资金各项未校验，也未计入合计；请写明预算数的构成，如在预算数下分列“其中：财政资金”“其他资金”并填写金额（两者之和等于预算数）。',
      );
      const [en] = checkGrids([table([['本级预算金额', 100, '该项目支出上级资金', 30]])], {
        lang: 'en-US',
      }).findings.filter((f) => f.messageId === 'sourceBeside');
      expect(en?.message).toContain('D2 “该项目支出上级资金” 30 stands beside the budget “本级预算金额” 100');
    });

    test.each<[string, Rows, string]>([
      ['sources adding up to it', [['本级预算金额', 100, '上级资金', 60, '中央资金', 40]], '100.00'],
      ['a source introduced by 其中', [['本级预算金额', 100, '其中：上级资金', 30]], '30.00'],
      ['all the fiscal money beside it', [['本级预算金额', 100, '财政拨款', 100]], '100.00'],
      [
        'the source on the line under it',
        [
          ['本级预算金额', 100],
          ['上级资金', 100],
        ],
        '100.00',
      ],
    ])('near miss: %s is read as its part, with no such finding', (_, money, fiscal) => {
      expect(read(money)?.fiscal).toBe(fiscal);
      expect(findings(money).filter(([rule]) => rule === 'table/unreadable')).toEqual([]);
    });
  });
});

describe('a spending plan written twice, in money and in percent', () => {
  type Cell = string | number | { value: number; numberFormat: string } | null;
  const twice = (first: Cell[], second: Cell[], headings?: [string, string], total: Cell = 200): Grid =>
    gridFromRows('s', [
      ['项目名称', '某项目', '项目编码', 'X-1'],
      ['预算数', total, '其中：财政资金', total],
      [...(headings ? ['资金支出计划', '时间'] : ['资金支出计划']), '3月底', '6月底', '10月底', '12月底'],
      [...(headings ? [null, headings[0]] : [null]), ...first] as (string | number | null)[],
      [...(headings ? [null, headings[1]] : [null]), ...second] as (string | number | null)[],
      ['绩效目标', '完成养护'],
      ...INDICATORS,
    ]);
  const plan = (grid: Grid) => {
    const [table] = readGrid(grid);
    return {
      percents: table?.plan.map((f) => f.text),
      amounts: table?.planAmounts?.map((f) => f.text),
      planned: computeTotals(readGrid(grid)).tables[0]?.planned.map((b) => b?.toFixed(2) ?? null),
    };
  };
  const unreadPlan = (grid: Grid): string[] =>
    checkGrids([grid])
      .findings.filter((f) => f.rule === 'table/unreadable' && f.messageId === 'planInAmounts')
      .map((f) => f.cell);

  test.each<[string, Grid, string[], string[]]>([
    [
      'amounts over percentages, no headings',
      twice([40, 100, 160, 200], [20, 50, 80, 100]),
      ['20', '50', '80', '100'],
      ['40', '100', '160', '200'],
    ],
    [
      'percentages over amounts, headed',
      twice(['20%', '50%', '80%', '100%'], [40, 100, 160, 200], ['支出比例（%）', '支出金额（万元）']),
      ['20%', '50%', '80%', '100%'],
      ['40', '100', '160', '200'],
    ],
    [
      'each period’s own amount over cumulative percentages',
      twice([40, 60, 60, 40], [20, 50, 80, 100], ['计划支出数', '累计进度']),
      ['20', '50', '80', '100'],
      ['40', '60', '60', '40'],
    ],
    [
      'amounts written with their unit',
      twice(['40万元', '100万元', '160万元', '200万元'], [20, 50, 80, 100]),
      ['20', '50', '80', '100'],
      ['40万元', '100万元', '160万元', '200万元'],
    ],
    [
      'a budget of 100: only the headings tell',
      twice([20, 50, 80, 100], [20, 50, 80, 100], ['金额（万元）', '占比'], 100),
      ['20', '50', '80', '100'],
      ['20', '50', '80', '100'],
    ],
  ])('%s: the percentages are the plan', (_, grid, percents, amountTexts) => {
    const read = plan(grid);
    expect(read.percents).toEqual(percents);
    expect(read.amounts).toEqual(amountTexts);
    expect(unreadPlan(grid)).toEqual([]);
  });

  test('the planned amounts are the budget’s share by each date, as the percentages say', () => {
    expect(plan(twice([40, 100, 160, 200], [20, 50, 80, 100])).planned).toEqual([
      '40.00',
      '100.00',
      '160.00',
      '200.00',
    ]);
  });

  test('the two rows disagreeing: said on the percentage', () => {
    const { findings } = checkGrids([twice([40, 100, 160, 200], [20, 40, 80, 100])]);
    expect(findings.filter((f) => f.rule === 'plan/amount-mismatch').map((f) => f.cell)).toEqual(['C5']);
  });

  test('near miss: amounts written once stay unread, as before', () => {
    const grid = twice([40, 100, 160, 200], [null, null, null, null]);
    expect(plan(grid).percents).toEqual([]);
    expect(unreadPlan(grid)).toEqual(['B4']);
  });

  test('near miss: percentages written once, the goal under them, read as before', () => {
    const grid = twice([20, 50, 80, 100], [null, null, null, null]);
    expect(plan(grid)).toMatchObject({ percents: ['20', '50', '80', '100'], amounts: undefined });
  });

  test.each<[string, Grid]>([
    [
      'two rows of percentages (计划, 调整后)',
      twice([20, 50, 80, 100], [10, 40, 80, 100], ['计划（%）', '调整后（%）']),
    ],
    ['two rows nothing tells apart', twice([20, 50, 80, 100], [20, 50, 80, 100], undefined, 100)],
  ])('near miss: %s: the first row is the plan, nothing else', (_, grid) => {
    expect(plan(grid)).toMatchObject({ percents: ['20', '50', '80', '100'], amounts: undefined });
    expect(checkGrids([grid]).findings.filter((f) => f.rule === 'plan/amount-mismatch')).toEqual([]);
  });
});
