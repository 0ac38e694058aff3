/**
 * Fifth session (2026-12-07): what the fourth session's mutations of the real corpus left. With
 * 财政拨款 cleared on a line of labels and figures whose last label stands at the sheet's right edge
 * (安溪, `资金总额: | 35 | 其中:财政拨款 | | 其他资金`), 其他资金 lost its line: the totals said it was
 * unread while budget/sum-mismatch printed it as 0.00.
 */

import { checkGrids } from '../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readGrid } from '../../src/domain/reader';
import { amounts, merges } from '../fixtures/grid-reading';
import { gridsOf, realDocuments } from '../fixtures/real';
import { templateGrid } from '../fixtures/table-builder';

type Rows = (string | number | null)[][];

const INDICATORS: Rows = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '补助人数', '≥100人'],
];

describe('the last label of a line of labels and figures, at the sheet’s right edge', () => {
  const table = (fiscal: number | null): Grid =>
    gridFromRows('s', [
      ['项目名称', '强制免疫补助'],
      ['资金情况（万元）', '资金总额：', 35, '其中：财政拨款', fiscal, '其他资金'],
      ['总体目标', '完成强制免疫任务。'],
      ...INDICATORS,
    ]);

  test('with 财政拨款 written, 其他资金’s place is the empty cell past the edge', () => {
    expect(readGrid(table(35))[0]?.budget.other?.cell).toBe('G2');
    expect(amounts(table(35))[0]).toMatchObject({ total: '35.00', fiscal: '35.00', other: '0.00' });
  });

  test('with 财政拨款 left empty, 其他资金 keeps its place: both parts are empty, not unread', () => {
    expect(readGrid(table(null))[0]?.budget.other?.cell).toBe('G2');
    expect(amounts(table(null))[0]).toMatchObject({ total: '35.00', fiscal: '0.00', other: '0.00' });
  });

  test('near miss: a row of headings at the edge (资金来源 | 资金总额, sources below) still has no value there', () => {
    const grid = gridFromRows(
      's',
      [
        ['专项(项目)名称', '农村饮水安全巩固提升工程专项'],
        ['资金情况(万元)', '资金来源', null, '资金总额'],
        [null, '其中:财政拨款', null, 500],
        [null, '其他资金'],
        ['总体目标', '改善提升9200人饮水条件。'],
        ...INDICATORS,
      ],
      merges('A2:A4', 'B2:C2', 'B3:C3', 'B4:C4'),
    );
    expect(amounts(grid)[0]?.total).toBeNull();
  });
});

describe('an empty column inserted beside a heading on a row of money headings', () => {
  // 广水's 自评表: `来源 | 中央 | 省、地 | 本级 | 其他 | 合计` over `· | · | · | 309 | · | 309`, with an
  // empty column inserted after 本级: the new cell beside the heading is not 本级's place, the figure
  // under it is. Before, 财政资金 read 0.00 and budget/sum-mismatch blamed the user.
  const table = (inserted: boolean): Grid => {
    const gap = inserted ? [null] : [];
    return gridFromRows(
      's',
      [
        ['项目名称', '乡村道路建设养护项目'],
        [
          '项目资金',
          '来源',
          '中央（万元）',
          '省、地（万元）',
          '本级（万元）',
          ...gap,
          '其他（万元）',
          '合计（万元）',
        ],
        [null, null, null, null, 309, ...gap, null, 309],
        ['项目年度目标', '完成乡村道路建设养护里程。'],
        ...INDICATORS,
      ],
      merges('A2:A3'),
    );
  };

  test.each([false, true])('inserted %s: 财政资金 is the 309 under 本级', (inserted) => {
    expect(amounts(table(inserted))[0]).toMatchObject({ total: '309.00', fiscal: '309.00' });
    expect(checkGrids([table(inserted)]).findings.map((f) => f.rule)).not.toContain('budget/sum-mismatch');
  });

  test('near miss: with a figure under the new cell, 本级 reads as before: the empty cell beside it', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目名称', '乡村道路建设养护项目'],
        ['项目资金', '来源', '中央（万元）', '本级（万元）', null, '其他（万元）', '合计（万元）'],
        [null, null, null, 300, 9, null, 309],
        ['项目年度目标', '完成乡村道路建设养护里程。'],
        ...INDICATORS,
      ],
      merges('A2:A3'),
    );
    expect(readGrid(grid)[0]?.budget.lines?.fiscal.map((f) => f.cell)).toEqual(['C3', 'E2']);
  });
});

describe('amounts whose number format shows them divided (the 元-as-万元 trick)', () => {
  // `0!.0000"万元"` shows 1500000 as `150.0000万元`: the user and the printout read 150 万元, and so
  // must the checker (it read 1500000 万元, a 10,000-fold number without a word under 10 亿元).
  const grid = (value: number, format: string, unit?: string): Grid =>
    gridFromRows('s', [
      ...(unit ? [[unit]] : []),
      ['项目名称', '某项目'],
      ['年度资金总额', { value, numberFormat: format }, '其中：财政拨款', { value, numberFormat: format }],
      ...INDICATORS,
    ]);

  test.each<[string, number, string]>([
    ['0!.0000"万元"', 1500000, '150.00'],
    ['0\\.0000"万元"', 1500000, '150.00'],
    ['0"."0000"万元"', 1500000, '150.00'],
    ['0!.0,"万"', 1234567, '123.46'],
    ['0!.0000', 1500000, '150.00'],
    ['#,##0.00,', 150000, '150.00'],
    ['#,##0,"千元"', 150000, '15.00'],
  ])('%s: %d reads as the figure shown, %s 万元', (format, value, wan) => {
    expect(amounts(grid(value, format))[0]).toMatchObject({ total: wan, fiscal: wan });
  });

  test('under 单位：元, a format that shows 万 is in 万元 as shown', () => {
    expect(amounts(grid(1500000, '0!.0000"万元"', '单位：元'))[0]?.total).toBe('150.00');
  });

  test.each(['#,##0.00', '0.00_ ', '#,##0.00_);[Red](#,##0.00)', '"¥"#,##0.00', '[$-804]#,##0.00'])(
    'near miss: %s shows the number as it is',
    (format) => {
      expect(amounts(grid(1500, format))[0]?.total).toBe('1500.00');
    },
  );
});

test('an indicator value shown divided by its format is checked as shown: ≤ the budget', () => {
  const grid = (value: number) =>
    gridFromRows('s', [
      ['项目名称', '某项目'],
      ['年度资金总额', 100, '其中：财政拨款', 100],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '成本指标', '设备购置成本', { value, numberFormat: '0!.0000"万元"' }],
      ['产出指标', '数量指标', '补助人数', '≥100人'],
    ]);
  const over = (value: number) =>
    checkGrids([grid(value)]).findings.filter((f) => f.rule === 'budget/cost-exceeds-budget');
  // 900000 shows `90.0000万元`: within 100 万元. 1500000 shows `150.0000万元`: over it.
  expect(over(900000)).toEqual([]);
  expect(over(1500000)).toHaveLength(1);
  expect(over(1500000)[0]?.message).toContain('150');
});

describe('a total whose label heads a column of the funds’ lines has no amount of its own', () => {
  // 昭化's form: `年度资金总额 | 金额(万元)` over `(一)财政拨款小计 | 6.3` …: the finding is on the label
  // and says why, not “预算数 not found” on a cell above it.
  const grid = gridFromRows(
    's',
    [
      ['项目名称', '特困家庭再扶助'],
      ['项目资金(万元)', '年度资金总额', '金额(万元)'],
      [null, '(一)财政拨款小计', 6.3],
      [null, '(二)自有资金小计', 0],
      ['年度目标', '完成再扶助发放。'],
      ...INDICATORS,
    ],
    merges('A2:A4'),
  );

  test('said on 年度资金总额, unread, never 0', () => {
    const found = checkGrids([grid]).findings.filter((f) => f.rule === 'table/unreadable');
    expect(found.map((f) => f.cell)).toContain('B2');
    expect(found.find((f) => f.cell === 'B2')?.message).toContain('B2“年度资金总额”没有自己的金额');
    expect(amounts(grid)[0]?.total).toBeNull();
  });

  test('near miss: a table without any total label is still told the label was not found', () => {
    const none = gridFromRows('s', [['项目名称', '某项目'], ['其中：财政拨款', 5], ...INDICATORS]);
    const found = checkGrids([none]).findings.filter((f) => f.rule === 'table/unreadable');
    expect(found.map((f) => f.messageId)).toContain('missingPart');
  });
});

describe('a blank form saved by LibreOffice, every cell formatted General', () => {
  // LibreOffice writes `General` on each cell it saves: no format of the form's own, so a blank form
  // stays no table (it was read as a fresh template to fill, its amounts unread in a batch's totals).
  const general = (grid: Grid): Grid => ({
    ...grid,
    cells: grid.cells.map((row) =>
      row.map((cell) => ({ ...(cell ?? { value: null }), numberFormat: 'General' })),
    ),
  });

  test.each([
    'weizhu-pingshen-blank-2017',
    'shaanxi-jiaxian-blank-2016',
    'heilongjiang-daqing-blank-shenbao',
  ])('%s is no table, as without the formats', (id) => {
    const doc = realDocuments().find((d) => d.id === id);
    if (!doc) throw new Error(`no document ${id}`);
    const grids = gridsOf(doc);
    expect(grids.flatMap((g) => readGrid(g))).toEqual([]);
    expect(grids.flatMap((g) => readGrid(general(g)))).toEqual([]);
  });

  test('near miss: the add-in’s fresh template, its cells formatted as text and amounts, is a table', () => {
    expect(readGrid(templateGrid('s', {}))).toHaveLength(1);
  });
});
