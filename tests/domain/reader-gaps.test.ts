/**
 * The reader's known gaps of 2026-12-07 (README), each seen on real tables: a unit stated before a
 * grid; the empty parts of an unread total; … — each with the near misses that must stay as they
 * were.
 */

import { analyseGrids } from '../../src/domain/analysis';
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
