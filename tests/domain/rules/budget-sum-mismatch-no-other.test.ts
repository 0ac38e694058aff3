/**
 * budget/sum-mismatch on a form without an 其他资金 line (黄石's 批复表: 项目金额 164, 其中：当年市级
 * 财政资金 132): no figure is printed for the other money nobody wrote; the totals report it unread.
 */

import { checkGrids } from '../../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../../src/domain/grid';
import { amounts } from '../../fixtures/grid-reading';

const INDICATORS: (string | number | null)[][] = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '补助人数', '≥100人'],
];

describe('budget/sum-mismatch on a form without an 其他资金 line prints no figure for it', () => {
  const table = (fiscal: number, carryover?: number): Grid =>
    gridFromRows('s', [
      ['项目名称', '道路养护'],
      ['年度资金总额', 100, '财政拨款', fiscal, ...(carryover === undefined ? [] : ['上年结转', carryover])],
      ...INDICATORS,
    ]);
  const mismatch = (grid: Grid) =>
    checkGrids([grid]).findings.filter((f) => f.rule === 'budget/sum-mismatch');
  const mismatchEn = (grid: Grid) =>
    checkGrids([grid], { lang: 'en-US' }).findings.filter((f) => f.rule === 'budget/sum-mismatch');

  test('财政资金 short of the budget: said against the budget, no 其他资金 0.00', () => {
    const [f] = mismatch(table(60));
    expect(f?.cell).toBe('B2');
    expect(f?.message).toContain('财政资金 60.00 与预算数 100.00 不符');
    expect(f?.message).toContain('没有“其他资金”一栏');
    expect(f?.message).not.toContain('0.00 =');
    expect(mismatchEn(table(60))[0]?.message).toContain('no “other funds” line');
  });

  test('with 上年结转: the sum of the two, and no 其他资金 figure', () => {
    const [f] = mismatch(table(60, 30));
    expect(f?.message).toContain('财政拨款 60.00 + 上年结转 30.00 = 90.00');
    expect(f?.message).not.toContain('其他资金 0.00');
  });

  test('the totals agree: the other money is unread, never 0', () => {
    expect(amounts(table(60))[0]).toMatchObject({ total: '100.00', fiscal: '60.00', other: null });
  });

  test('near miss: a form without the line whose 财政资金 is the whole budget has nothing to say', () => {
    expect(mismatch(table(100))).toEqual([]);
  });

  test('near miss: an empty 其他资金 line is that line’s 0, printed as such', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '道路养护'],
      ['年度资金总额', 100, '财政拨款', 60, '其他资金', null],
      ...INDICATORS,
    ]);
    expect(mismatch(grid)[0]?.message).toContain('其他资金 0.00 = 60.00');
  });
});
