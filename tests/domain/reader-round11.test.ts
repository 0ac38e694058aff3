/**
 * Shapes the reader met wrong after round 10 (2026-12-07, second session): a part whose label states
 * a unit other than the table's, … — each with the near miss that must stay as it was.
 */

import { gridFromRows, type Grid } from '../../src/domain/grid';
import { checkGrids } from '../../src/domain/analysis';
import { computeTotals, totalsView } from '../../src/domain/totals';
import { amounts } from '../fixtures/grid-reading';

/** A 一级/二级/三级 header and one indicator: the block a table needs to be one. */
const INDICATORS = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '补助人数', '≥100人'],
];

type Rows = (string | number | null)[][];
const table = (money: Rows): Grid => gridFromRows('s', [['项目名称', '某项目'], ...money, ...INDICATORS]);
const read = (money: Rows) => amounts(table(money))[0];
const rules = (money: Rows): string[] => checkGrids([table(money)]).findings.map((f) => f.rule);

describe('a part whose own label or unit cell states another unit than the table’s', () => {
  test.each<[string, Rows]>([
    [
      '元 parts beside a 万元 total',
      [['预算数（万元）', 100, '其中：财政资金（元）', 800000, '其他资金（元）', 200000]],
    ],
    [
      '万元 parts under a 元 unit line',
      [['单位：元'], ['预算数', 1000000, '其中：财政资金（万元）', 80, '其他资金（万元）', 20]],
    ],
    [
      'a 元 cell after each part',
      [
        ['预算数（万元）', 100],
        ['财政资金', 800000, '元'],
        ['其他资金', 200000, '元'],
      ],
    ],
  ])('%s: converted to the table’s unit, and they add up', (_, money) => {
    const got = read(money);
    expect([got?.fiscal, got?.other]).toEqual(['80.00', '20.00']);
    expect(rules(money)).not.toContain('budget/sum-mismatch');
  });

  test('parts that do not add up are still said, in the table’s unit', () => {
    const money = [['预算数（万元）', 100, '其中：财政资金（元）', 700000, '其他资金（元）', 200000]];
    const found = checkGrids([table(money)]).findings.find((f) => f.rule === 'budget/sum-mismatch');
    expect(found?.message).toContain('70.00 + 其他资金 20.00 = 90.00');
  });

  test('the totals across projects count the converted part', () => {
    const grid = table([['预算数（万元）', 100, '其中：财政资金（元）', 800000, '其他资金（元）', 200000]]);
    const { tables } = checkGrids([grid]);
    const view = totalsView(computeTotals(tables));
    expect([view.fiscal, view.other]).toEqual(['80.00', '20.00']);
  });

  test('a part in text is fixed in its own unit, never the table’s', () => {
    const money = [['预算数（万元）', 100, '其中：财政资金（元）', '800,000', '其他资金（元）', 200000]];
    const found = checkGrids([table(money)]).findings.find((f) => f.rule === 'budget/amount-as-text');
    expect(found?.message).toContain('800000 元');
    expect(found?.fix).toMatchObject({ cell: 'D2', value: 800000 });
  });

  test('near miss: a part under a label without a unit keeps the table’s', () => {
    const got = read([['预算数（万元）', 100, '其中：财政资金', 80, '其他资金', 20]]);
    expect([got?.fiscal, got?.other]).toEqual(['80.00', '20.00']);
  });
});
