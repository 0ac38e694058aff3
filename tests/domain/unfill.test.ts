/**
 * A sheet whose merges were dropped after their value was written into every cell they covered
 * (WPS's 拆分并填充内容, a system's export, a PDF converter) reads as the merges it had. Found by
 * filling the merges of the real corpus (2026-12-07): a label written twice was two lines summed
 * (财政资金 127 read as 254), a title written across the row was no title (a project lost), and a
 * heading at the sheet's edge written twice read the first source's figure as the budget.
 */

import { checkGrids } from '../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readGrid } from '../../src/domain/reader';
import { unfilled } from '../../src/domain/unfill';
import { SEED_TABLES } from '../fixtures/seed-data';
import { stackedGrid, templateGrid } from '../fixtures/table-builder';
import { amounts, filledMerges, merges } from '../fixtures/grid-reading';
import { gridsOf, realDocuments } from '../fixtures/real';
import { formatOrNull } from '../../src/domain/totals';
import { analyseGrids } from '../../src/domain/analysis';

type Rows = (string | number | null)[][];

const INDICATORS: Rows = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '补助人数', '≥100人'],
];

/** What a reviewer reads off a table: its name, amounts, indicators and the rules it breaks. */
function reading(grid: Grid) {
  const { tables, findings } = checkGrids([grid]);
  return {
    tables: tables.map((t) => ({
      name: t.name?.text,
      range: t.range,
      indicators: t.indicators.map((i) => [i.level1?.text, i.level2?.text, i.name?.text, i.value.text]),
    })),
    amounts: amounts(grid),
    rules: findings.map((f) => f.rule).sort(),
  };
}

describe('the template and the seed’s tables, their merges filled, read as they were', () => {
  test.each(SEED_TABLES.map((t, i) => [i, t] as const))('seed table %i', (_, table) => {
    const grid = templateGrid('s', table);
    expect(reading(filledMerges(grid))).toEqual(reading(grid));
  });

  test('the seed’s tables stacked on one sheet', () => {
    const grid = stackedGrid('s', SEED_TABLES);
    expect(reading(filledMerges(grid))).toEqual(reading(grid));
  });

  test('an empty template', () => {
    const grid = templateGrid('s', {});
    expect(reading(filledMerges(grid))).toEqual(reading(grid));
  });
});

/** The money lines' rows of a grid's tables, each widened by one row either side. */
function moneyRows(grid: Grid): { lo: number; hi: number } | undefined {
  const rows = readGrid(grid).flatMap((t) =>
    [t.budget.total, t.budget.fiscal, t.budget.other].flatMap((f) => (f ? [f.row] : [])),
  );
  return rows.length ? { lo: Math.min(...rows) - 1, hi: Math.max(...rows) + 1 } : undefined;
}

/** The merges over the money lines filled, the others kept: a selection's 拆分并填充内容. */
function moneyFilled(grid: Grid): Grid {
  const span = moneyRows(grid);
  if (!span) return grid;
  const over = (m: Grid['merges'][number]): boolean => m.bottom >= span.lo && m.top <= span.hi;
  const filled = filledMerges({ ...grid, merges: grid.merges.filter(over) });
  return { ...filled, merges: grid.merges.filter((m) => !over(m)) };
}

const money = (grids: Grid[]) =>
  analyseGrids(grids).totals.tables.map((r) => [r.total, r.fiscal, r.other].map(formatOrNull));

describe.each([
  ['its merges filled', filledMerges],
  ['only the merges over its money lines filled (a selection’s 拆分并填充)', moneyFilled],
])('every real document, %s: no amount changes (unread at most)', (_, fill) => {
  test.each(realDocuments().map((d) => [d.id, d] as const))('%s', (_, doc) => {
    const grids = gridsOf(doc);
    const before = money(grids);
    const after = money(grids.map(fill));
    expect(after.length).toBe(before.length);
    after.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value !== null) expect(value).toBe(before[i]?.[j]);
      }),
    );
  });
});

describe('a merged grid', () => {
  test('near miss: a category written twice down its column in a merged grid stays as written', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目绩效目标表', null, null, null],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['满意度指标', '具体指标', '教师满意度', '≥95%'],
        [null, '具体指标', '学生满意度', '≥95%'],
      ],
      merges('A1:D1', 'A3:A4'),
    );
    expect(unfilled(grid)).toBe(grid);
  });
});

describe('what a fill broke, one layout each', () => {
  test('a label written twice is one line: 财政资金 127, not 254', () => {
    const grid = gridFromRows('s', [
      [
        '转移支付区域绩效自评表',
        '转移支付区域绩效自评表',
        '转移支付区域绩效自评表',
        '转移支付区域绩效自评表',
      ],
      ['项目名称', '项目名称', '陈列布展项目', '陈列布展项目'],
      ['资金情况（万元）', '资金情况（万元）', '年度资金总额', '年度资金总额', 127],
      ['资金情况（万元）', '资金情况（万元）', '其中：中央财政资金', '其中：中央财政资金', 127],
      ['资金情况（万元）', '资金情况（万元）', '地方资金', '地方资金', 0],
      ...INDICATORS,
    ]);
    expect(amounts(grid)[0]).toMatchObject({ total: '127.00', fiscal: '127.00' });
  });

  test('a heading at the sheet’s edge written twice: the total is unread, never 财政拨款’s 500', () => {
    const grid = gridFromRows('s', [
      ['项目绩效目标表', '项目绩效目标表', '项目绩效目标表', '项目绩效目标表', '项目绩效目标表'],
      ['专项(项目)名称', '饮水安全工程', '饮水安全工程', '饮水安全工程', '饮水安全工程'],
      ['资金情况(万元)', '资金来源', '资金来源', '资金总额', '资金总额'],
      ['资金情况(万元)', '其中:财政拨款', '其中:财政拨款', 500, 500],
      ['资金情况(万元)', '其他资金', '其他资金', null, null],
      ['总体目标', '改善提升9200人饮水条件。', '改善提升9200人饮水条件。', '改善提升9200人饮水条件。'],
      ...INDICATORS,
    ]);
    expect(amounts(grid)[0]?.total).toBeNull();
    expect(amounts(grid)[0]?.fiscal).toBe('500.00');
  });

  test('a heading written over its four sub-columns: 财政资金 is their sum', () => {
    const grid = gridFromRows('s', [
      [
        '专项绩效目标表',
        '专项绩效目标表',
        '专项绩效目标表',
        '专项绩效目标表',
        '专项绩效目标表',
        '专项绩效目标表',
      ],
      ['专项名称', '雨露计划', '雨露计划', '雨露计划', '雨露计划', '雨露计划'],
      [
        '本年度预计投入(万元)',
        '财政资金(万元)',
        '财政资金(万元)',
        '财政资金(万元)',
        '财政资金(万元)',
        '其他资金',
      ],
      ['本年度预计投入(万元)', '中央', '省级', '市级', '本级', '其他资金'],
      [7, 0, 7, 0, 0, 0],
      ...INDICATORS,
    ]);
    expect(amounts(grid)[0]).toMatchObject({ total: '7.00', fiscal: '7.00', other: '0.00' });
  });

  test('a value written across the cells after its label is one value', () => {
    const grid = gridFromRows('s', [
      ['项目绩效目标表', '项目绩效目标表', '项目绩效目标表', '项目绩效目标表'],
      ['项目名称', '绿化美化工程', '绿化美化工程', '绿化美化工程'],
      ['资金情况(万元)', '年度资金总额：', 153.5, 153.5, 153.5],
      ['资金情况(万元)', '其中：市级资金', 153.5, 153.5, 153.5],
      ...INDICATORS,
    ]);
    expect(amounts(grid)[0]).toMatchObject({ total: '153.50', fiscal: '153.50' });
  });
});

describe('near misses: what is no fill stays as written', () => {
  test('a merge down whole columns of the sheet is looked at only where cells are written', () => {
    // Found by the random sheets (CI, 2026-12-08): every cell of such a merge was listed, past what
    // a JavaScript set can hold.
    const empty = Array<null>(20).fill(null);
    const grid: Grid = {
      ...gridFromRows('s', [
        [...empty, '项目名称', '项目名称'],
        [...empty, '道路养护', null],
      ]),
      merges: [{ top: 0, left: 0, bottom: 1_048_575, right: 19 }],
    };
    expect(unfilled(grid).merges).toContainEqual({ top: 0, left: 20, bottom: 0, right: 21 });
  });

  test('a grid with merges of its own is read as it is', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目绩效目标表', null, null],
        ['完成', '完成', '完成'],
      ],
      merges('A1:C1'),
    );
    expect(unfilled(grid)).toBe(grid);
  });

  test('an export without merges and without a repeated title is read as it is', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '道路养护'],
      ['三级指标', '年度指标值', '实际完成值'],
      ['群众满意度', '达到预期', '达到预期'],
    ]);
    expect(unfilled(grid)).toBe(grid);
  });

  test('in a filled grid, equal figures under headings of their own stay two cells', () => {
    const grid = gridFromRows('s', [
      ['项目绩效目标表', '项目绩效目标表', '项目绩效目标表', '项目绩效目标表'],
      ['财政资金', '财政资金', '财政资金', '其他资金'],
      ['中央', '市级', '本级', '其他资金'],
      [0, 5, 5, 0],
      ['≥95%', '≥95%', '96%', '96%'],
    ]);
    const { merges: found } = unfilled(grid);
    expect(found).toContainEqual({ top: 1, bottom: 1, left: 0, right: 2 });
    // 5 | 5 under 市级 | 本级, and the targets of the last line: no merge.
    expect(found.filter((m) => m.top >= 3)).toEqual([]);
  });
});
