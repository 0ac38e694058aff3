/**
 * The reader's known gaps of 2026-12-07 (README), each seen on real tables: a unit stated before a
 * grid, … — each with the near misses that must stay as they were.
 */

import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readGrid, unitStatedAfter } from '../../src/domain/reader';
import { amounts } from '../fixtures/grid-reading';

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
