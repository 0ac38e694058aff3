/**
 * Indicator blocks without 一级/二级 columns (重庆's 部门整体 form: 指标名称 | 指标权重 | 计量单位 |
 * 指标性质 | 指标值), and what round 7 of unseen real documents (tests/fixtures/real, 2026-12-06,
 * second night) showed the reader missing — each with the near miss that must stay as it was.
 */

import { checkGrids } from '../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { classifyKey, labelKey } from '../../src/domain/lexicon';
import { readGrid } from '../../src/domain/reader';
import { merges } from '../fixtures/grid-reading';

const FLAT_HEADER = ['绩效指标', '指标名称', '指标权重', '计量单位', '指标性质', '指标值'];

/** A department's form with a block without levels under its goal. */
function department(rows: (string | number | null)[][]): Grid {
  return gridFromRows(
    's',
    [
      ['2022年部门(单位)整体绩效目标表'],
      [null, null, null, null, null, '单位:万元'],
      ['部门(单位)名称', '某街道办事处', null, '区级支出预算总量', 3724.39],
      ['当年整体绩效目标', '保障机关运转，完成年度重点工作。'],
      FLAT_HEADER,
      ...rows,
    ],
    merges('A1:F1', 'B3:C3', 'E3:F3', 'B4:F4', `A5:A${5 + rows.length}`),
  );
}

describe('an indicator block without 一级/二级 columns', () => {
  const rows = [
    [null, '预算执行率', 10, '%', '=', 100],
    [null, '农村公路养护里程', 10, '公里', '=', 125],
    [null, '开展各种文艺活动场次', 10, null, null, 20],
    [null, '服务对象满意度', 5, '%', null, 95],
  ];

  test('is read: names, values, units and comparators, no categories', () => {
    const [t] = readGrid(department(rows));
    expect(t.form).toBe('department');
    expect(t.goal?.text).toBe('保障机关运转，完成年度重点工作。');
    expect(t.columns.levels).toBe(false);
    expect(t.indicatorHeader?.cell).toBe('B5');
    expect(
      t.indicators.map((i) => [i.name.cell, i.name.text, i.valueText, i.level1.text, i.level2.text]),
    ).toEqual([
      ['B6', '预算执行率', '=100%', '', ''],
      ['B7', '农村公路养护里程', '=125公里', '', ''],
      ['B8', '开展各种文艺活动场次', '20', '', ''],
      ['B9', '服务对象满意度', '95%', '', ''],
    ]);
    expect(t.indicators.map((i) => i.weight?.text)).toEqual(['10', '10', '10', '5']);
  });

  test('its values are checked; the categories it does not have are not asked for', () => {
    const { findings } = checkGrids([department(rows)]);
    const rules = findings.map((f) => `${f.rule}@${f.cell}`);
    expect(rules).toContain('indicator/no-comparator@E8');
    expect(rules).toContain('indicator/no-comparator@E9');
    expect(rules.filter((r) => /level1|level2/.test(r))).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a block alone, with no project or department above it, is no table (a report’s grid)', () => {
    const grid = gridFromRows('s', [
      ['评价内容'],
      ['指标名称', '计量单位', '指标性质', '指标值'],
      ['培训人数', '人', '≥', 100],
      ['满意度', '%', '≥', 90],
    ]);
    expect(readGrid(grid)).toEqual([]);
  });

  test('a line of labels saying 指标名称 and 指标值 with no other column is no header', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '某项目', '预算数', 10],
      ['指标名称', '培训人数', '指标值', '100人'],
    ]);
    const [t] = readGrid(grid);
    expect(t.indicatorHeader).toBeUndefined();
  });

  test('beside a block with levels, the block with levels is the table’s', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '某项目', '预算数', 10],
      ['指标名称', '指标权重', '计量单位', '指标值'],
      ['预算执行率', 10, '%', 100],
      [null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '补助人数', '≥100人'],
    ]);
    const [t] = readGrid(grid);
    expect(t.columns.levels).toBe(true);
    expect(t.indicatorHeader?.cell).toBe('A5');
    expect(t.indicators.map((i) => i.name.text)).toEqual(['补助人数']);
  });

  test('a project table with levels still misses a 一级 it lacks', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '某项目', '预算数', 10],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '补助人数', '≥100人'],
    ]);
    expect(checkGrids([grid]).findings.map((f) => f.rule)).toContain('indicator/missing-level1');
  });
});

describe('the lexicon knows the wordings of round 7', () => {
  test.each([
    ['指标权重', 'weight'],
    ['指标分值', 'weight'],
    ['当年整体绩效目标', 'goal'],
    ['年度整体绩效目标', 'goal'],
    ['当年绩效目标', 'goal'],
  ])('%s is a %s label', (text, kind) => {
    expect(classifyKey(labelKey(text))?.kind).toBe(kind);
  });
});
