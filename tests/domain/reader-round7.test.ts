/**
 * Indicator blocks without 一级/二级 columns (重庆's 部门整体 form: 指标名称 | 指标权重 | 计量单位 |
 * 指标性质 | 指标值), and what round 7 of unseen real documents (tests/fixtures/real, 2026-12-06,
 * second night) showed the reader missing — each with the near miss that must stay as it was.
 */

import { analyseGrids, checkGrids } from '../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { classifyKey, labelKey } from '../../src/domain/lexicon';
import { readGrid } from '../../src/domain/reader';
import { amounts, merges } from '../fixtures/grid-reading';

/** A 一级/二级/三级 header and one indicator: the block a table needs to be one. */
const INDICATORS = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '补助人数', '≥100人'],
];

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
    expect(t.columns.levels).toBe('none');
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
      ...INDICATORS,
    ]);
    const [t] = readGrid(grid);
    expect(t.columns.levels).toBe('full');
    expect(t.indicatorHeader?.cell).toBe('A5');
    expect(t.indicators.map((i) => i.name.text)).toEqual(['补助人数']);
  });

  test('a project table with levels still misses a 一级 it lacks', () => {
    const grid = gridFromRows('s', [['项目名称', '某项目', '预算数', 10], ...INDICATORS]);
    expect(checkGrids([grid]).findings.map((f) => f.rule)).toContain('indicator/missing-level1');
  });
});

describe('the lexicon knows the wordings of round 7', () => {
  test.each([
    ['项目当年预算(万元)', 'total'],
    ['中央补助年度金额(万元)', 'total'],
    ['部门整体支出总额', 'total'],
    ['其中:上级财政补助资金', 'fiscal'],
    ['其中:同级财政资金', 'fiscal'],
    ['会展项目名称', 'name'],
    ['子项目名称', 'name'],
    ['一级指标*', 'level1'],
    ['绩效指标值*', 'value'],
    ['绩效指标性质*', 'comparator'],
    ['绩效度量单位', 'unit'],
    ['年度目标1:(80分)', 'goal'],
    ['上年结转', 'carryover'],
    ['指标权重', 'weight'],
    ['指标分值', 'weight'],
    ['当年整体绩效目标', 'goal'],
    ['年度整体绩效目标', 'goal'],
    ['当年绩效目标', 'goal'],
  ])('%s is a %s label', (text, kind) => {
    expect(classifyKey(labelKey(text))?.kind).toBe(kind);
  });
});

test.each(['支出项目名称', '同名项目名称'])('%s is no project-name label', (text) => {
  expect(classifyKey(labelKey(text))?.kind).not.toBe('name');
});

describe('last year’s figures are never this year’s budget', () => {
  const table = (money: (string | number | null)[][]): Grid =>
    gridFromRows('s', [['项目名称', '某项目'], ...money, ...INDICATORS]);

  test.each(['上年度资金总额', '上年预算数', '同名项目上年预算额', '去年执行数'])(
    '%s alone leaves the budget unread',
    (label) => {
      expect(amounts(table([[label, 100]]))).toEqual([{ total: null, fiscal: null, other: null }]);
    },
  );

  test('beside this year’s, this year’s is read', () => {
    expect(amounts(table([['同名项目上年预算额', 80, '项目当年预算(万元)', 25]]))[0].total).toBe('25.00');
  });

  test('the project’s whole budget beside this year’s: this year’s', () => {
    expect(amounts(table([['项目总预算(万元)', 75, '项目当年预算(万元)', 25]]))[0].total).toBe('25.00');
  });

  test('what last year carried over is still a part of this year’s money', () => {
    const [read] = amounts(
      table([
        ['预算数', 30],
        ['财政拨款', 20],
        ['上年结转', 10],
      ]),
    );
    expect([read.total, read.fiscal]).toEqual(['30.00', '30.00']);
  });
});

describe('a 合计 line under the parts', () => {
  const form = (sum: (string | number | null)[]): Grid =>
    gridFromRows(
      's',
      [
        ['部门整体支出绩效目标申报表'],
        ['部门(单位)名称', '某教育局'],
        ['部门总体资金情况', '收入构成', '财政拨款', 108292.73],
        [null, null, '其他资金', 14348.77],
        sum,
        [null, '支出构成', '基本支出', 93199.91],
        [null, null, '项目支出', 29441.59],
        [null, null, '合计', 122641.5],
      ],
      merges('B3:B5', 'B6:B8'),
    );

  test('is the total where the form has no total line', () => {
    expect(amounts(form([null, null, '合计', 122641.5]))).toEqual([
      { total: '122641.50', fiscal: '108292.73', other: '14348.77' },
    ]);
  });

  test('a 合计 that is not right under the parts (the spending’s) is not', () => {
    expect(amounts(form([null, null, null, null]))[0].total).toBeNull();
  });

  test('a 合计 holding no amount leaves the total unread', () => {
    expect(amounts(form([null, null, '合计', '见附表']))[0].total).toBeNull();
  });
});

describe.each([
  ['typed in Excel', 1, 2, 500, 54.3, 554.3],
  ['from a Word table, every cell text', '1', '2', '500', '54.3', '554.3'],
])('an allocation list above its target table, no empty row between (%s)', (_how, one, two, a, b, sum) => {
  const grid = gridFromRows('s', [
    ['项目奖励资金分配表'],
    ['序号', '单位名称', '会展项目名称', '分配金额(万元)'],
    [one, '省卫生健康委', '健康产业博览会', a],
    [two, '省贸促会', '创意设计推广周', b],
    ['合计', null, null, sum],
    ['项目绩效目标表'],
    ['主管部门:省商务厅', null, null, '资金总额:554.30'],
    ['总体目标', '全年实现会展业综合收入不低于280亿元'],
    ['一级指标*', '二级指标*', '三级指标*', '绩效指标性质*', '绩效指标值*', '绩效度量单位'],
    ['产出指标', '数量指标', '全年实现会展业综合收入', '≥', 280, '亿元'],
  ]);

  test('the list is no table, and its headings are nobody’s name; the table after it is read', () => {
    const tables = readGrid(grid);
    expect(tables).toHaveLength(1);
    expect(tables[0].form).toBe('target');
    expect(tables[0].name).toBeUndefined();
    expect(tables[0].indicators.map((i) => i.valueText)).toEqual(['≥280亿元']);
    expect(amounts(grid)[0].total).toBe('554.30');
  });
});

describe('an old form’s 一级 column headed 指标, with no 二级', () => {
  const grid = (level1: string[]): Grid =>
    gridFromRows(
      's',
      [
        ['项目名称', '某补助经费'],
        ['资金总额', 10],
        ['项目绩效指标', '指标', '指标内容', '指标值'],
        [null, level1[0], '培训人次', '≥200人次'],
        [null, null, '测报准确率', '≥85%'],
        [null, level1[1], '损失量', '有效减少'],
      ],
      merges('A3:A6', 'B4:B5'),
    );

  test('reads the 一级 and asks for no 二级', () => {
    const [t] = readGrid(grid(['产出指标', '效益指标']));
    expect(t.columns.levels).toBe('level1');
    expect(t.indicators.map((i) => [i.level1.text, i.name.text])).toEqual([
      ['产出指标', '培训人次'],
      ['产出指标', '测报准确率'],
      ['效益指标', '损失量'],
    ]);
    const rules = checkGrids([grid(['产出指标', '效益指标'])]).findings.map((f) => f.rule);
    expect(rules).not.toContain('indicator/unknown-level2');
    expect(rules).toContain('indicator/missing-level1');
  });

  test('a column of other words beside the names is no 一级 column', () => {
    expect(readGrid(grid(['培训', '效果']))[0].indicatorHeader).toBeUndefined();
  });
});

describe('a 自评表’s actual written as its target was', () => {
  test('“2天以内” achieved for “2天以内” is 2 days, not an unreadable actual', () => {
    const grid = gridFromRows('s', [
      ['项目支出绩效自评表'],
      ['项目名称', '某项目'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '时效指标', '解决群众问题时间', '2天以内', '2天以内', 10, 10],
    ]);
    const rules = checkGrids([grid]).findings.map((f) => `${f.rule}@${f.cell}`);
    expect(rules).not.toContain('selfeval/missing-actual@E4');
  });
});

describe('round 8: a department’s 自评表 whose funds lines hold their amounts in their own cells', () => {
  const grid = (fiscalLine: string): Grid =>
    gridFromRows(
      's',
      [
        ['2023年度部门整体支出绩效自评表'],
        ['预算部门、单位名称', '某乡人民政府'],
        ['年度预算申请\n(万元', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '自评得分'],
        [null, '年度资金总额', 861.1, 2030.12, 2030.12, 10, { value: 1, numberFormat: '0%' }, 10],
        [null, fiscalLine],
        [null, '政府性基金拨款:118.82'],
        [null, '纳入专户管理的非税收入拨款:'],
        [null, '其他资金:585.62'],
      ].map((r) => r.map((c) => (c !== null && typeof c === 'object' ? c.value : c))),
      merges('A3:A8', 'B5:D5', 'B6:D6', 'B7:D7', 'B8:D8'),
    );

  test('the department is named, this year’s budget read, the lines summed; a bare label is no amount', () => {
    const [t] = readGrid(grid('其中: 一般公共预算:1325.68'));
    expect(t.form).toBe('department');
    expect(t.name?.text).toBe('某乡人民政府');
    expect(amounts(grid('其中: 一般公共预算:1325.68'))).toEqual([
      { total: '2030.12', fiscal: '1444.50', other: '585.62' },
    ]);
    const errors = checkGrids([grid('其中: 一般公共预算:1325.68')]).findings.filter(
      (f) => f.rule === 'budget/not-number',
    );
    expect(errors).toEqual([]);
  });

  test('a line’s amount that is not a number is still said to be one', () => {
    const rules = checkGrids([grid('其中: 一般公共预算:待定')]).findings.map((f) => `${f.rule}@${f.cell}`);
    expect(rules).toContain('budget/not-number@B5');
  });
});

describe('round 8: last year’s column beside this year’s request, the sources by level', () => {
  const grid = gridFromRows(
    's',
    [
      ['项目支出预算绩效目标申报表'],
      ['项目名称', '幼儿园公用经费'],
      ['项目资金情况', '项目资金申请(万元)', '项 目', '上年度安排资金', '本年度申请资金'],
      [null, null, '合 计', 213.4, 259],
      [null, null, '市级资金', null, null],
      [null, null, '省级资金', null, null],
      [null, null, '县级资金', 213.4, 259],
    ],
    merges('A3:A7', 'B3:B7'),
  );

  test('this year’s column is read, last year’s never; the column heading is no amount', () => {
    const [read] = amounts(grid);
    expect([read.total, read.fiscal]).toEqual(['259.00', '259.00']);
    expect(checkGrids([grid]).findings.filter((f) => f.rule === 'budget/not-number')).toEqual([]);
  });
});

describe('totals of several years or of other years', () => {
  const table = (money: (string | number | null)[][]): Grid =>
    gridFromRows('s', [['项目名称', '某项目'], ...money, ...INDICATORS]);
  const total = (money: (string | number | null)[][]): string | null =>
    amounts(table(money))[0]?.total ?? null;

  test('years side by side: the latest, the form’s own year', () => {
    expect(total([['2024年预算数', 100, '2025年预算数', 50]])).toBe('50.00');
    expect(total([['2025年预算数', 50, '2024年预算数', 100]])).toBe('50.00');
  });

  test('a span of years beside one year: the year', () => {
    expect(total([['2023-2025年资金总额', 600, '2023年资金总额', 200]])).toBe('200.00');
  });

  test('a span of years alone is not this year’s budget: unread, and said so', () => {
    expect(total([['中期资金总额', 600]])).toBeNull();
    expect(total([['2023-2025年资金总额', 600]])).toBeNull();
    const notes = readGrid(table([['中期资金总额', 600]]))[0]?.notes.map((n) => n.what);
    expect(notes).toContain('budget');
  });

  test('the project’s own total alone is its budget (a project of one year)', () => {
    expect(total([['项目资金总额', 80]])).toBe('80.00');
  });
});

describe('a department’s 自评表 without 一级/二级 columns (重庆’s 部门整体绩效自评表)', () => {
  const grid = gridFromRows('s', [
    ['2023年部门整体绩效自评表'],
    ['部门(单位)名称', '某街道办事处', null, '年度预算数', 1000],
    [
      '指标名称',
      '计量单位',
      '指标性质',
      '年初指标值',
      '调整指标值',
      '全年完成值',
      '得分系数',
      '指标权重',
      '指标得分',
    ],
    ['预算执行率', '%', '≥', 95, null, 98, 1, 60, 60],
    ['服务对象满意度', '%', '≥', 90, null, 85, 0.9, 40, 30],
  ]);

  test('reads each row’s target, actual, weight and score, and scores it', () => {
    const [t] = readGrid(grid);
    expect(t.columns.levels).toBe('none');
    expect(t.indicators.map((i) => [i.valueText, i.actual?.text, i.weight?.text, i.score?.text])).toEqual([
      ['≥95%', '98', '60', '60'],
      ['≥90%', '85', '40', '30'],
    ]);
    const rules = checkGrids([grid]).findings.map((f) => `${f.rule}@${f.cell}`);
    expect(rules).toContain('selfeval/score-mismatch@I5');
    expect(rules.filter((r) => /level1|level2|weights-sum/.test(r))).toEqual([]);
  });
});

describe('round 9: a 自评表’s money by source, each heading with its unit, over one row of figures', () => {
  const grid = (figures: (string | number | null)[]): Grid =>
    gridFromRows(
      's',
      [
        ['某市财政预算支出项目绩效目标自评表'],
        ['项目名称', '乡村道路建设养护项目'],
        [
          '项目资金',
          '来源',
          '中央\n(万元)',
          '省、地\n(万元)',
          '本级\n(万元)',
          '其他\n(万元)',
          '合计\n(万元)',
          '执行数\n(万元)',
          '执行率',
        ],
        [null, null, ...figures],
        [
          null,
          '一级\n指标',
          '二级\n指标',
          '指标名称\n(三级指标)',
          '年初指\n标值',
          '年终完\n成值',
          '自评\n分',
        ],
        [
          '项目\n绩效\n85 分',
          '产出\n指标\n40 分',
          '数量指标\n15 分',
          '乡村道路建设养护里程',
          '300 公里',
          '300 公里',
          15,
        ],
      ],
      merges('A3:A4'),
    );

  test('the sources are fiscal money, 合计 the total, 其他 the other money', () => {
    expect(amounts(grid([null, null, 309, null, 309, 309, '100 %']))).toEqual([
      { total: '309.00', fiscal: '309.00', other: '0.00' },
    ]);
    const [t] = readGrid(grid([null, null, 309, null, 309, 309, '100 %']));
    expect(t.form).toBe('selfEval');
    expect(
      t.indicators.map((i) => [i.level1.text.replace(/\s+/gu, ''), i.actual?.text, i.score?.text]),
    ).toEqual([['产出指标40分', '300 公里', '15']]);
  });

  test.each(['中央', '合计', '来源'])('%s alone, without its unit, is no money label', (text) => {
    expect(['total', 'fiscal', 'other']).not.toContain(classifyKey(labelKey(text))?.kind);
  });

  test.each([
    ['指标名称(三级指标)', 'indicatorName'],
    ['年终完成值', 'actual'],
    ['自评分', 'score'],
    ['复核分', 'extra'],
    ['市、县(万元)', 'fiscal'],
  ])('%s is a %s label', (text, kind) => {
    expect(classifyKey(labelKey(text))?.kind).toBe(kind);
  });
});

describe('the filer’s line between a title and its form', () => {
  const read = (line: (string | null)[]) =>
    readGrid(
      gridFromRows('s', [
        ['某县部门整体支出绩效自评表'],
        line,
        ['部门名称', '某局'],
        ['预算数', 10],
        ...INDICATORS,
      ]),
    )[0];

  test.each([
    [['填报日期:2022 年 8 月 10 日', null, null, '单位领导审签:', null, '自评总分: 95']],
    [['填报单位:某局', null, null, '填报日期:2022年8月10日']],
    [['编制单位(盖章):', null, '联系人:张三', '联系电话:123']],
  ])('%j keeps the title with its form', (line) => {
    const t = read(line);
    expect(t?.title?.text).toBe('某县部门整体支出绩效自评表');
    expect(t?.form).toBe('department');
    expect(t?.range.startsWith('A1:')).toBe(true);
  });

  test('a line of prose is no filer’s line: the title above it is not taken', () => {
    expect(read(['根据有关文件要求，现将本单位整体支出绩效自评情况公开如下。'])?.title).toBeUndefined();
  });
});

describe('a money unit stated above the first of a sheet’s tables only', () => {
  const totals = (rows: (string | number | null)[][]): (string | null)[] =>
    amounts(gridFromRows('s', rows)).map((a) => a.total);

  test('the table under it, stating none, is in the same unit', () => {
    expect(
      totals([
        ['项目绩效目标表'],
        ['单位：元'],
        ['项目名称', '甲'],
        ['预算数', 500000],
        ...INDICATORS,
        [null],
        ['项目绩效目标表'],
        ['项目名称', '乙'],
        ['预算数', 300000],
        ...INDICATORS,
      ]),
    ).toEqual(['50.00', '30.00']);
  });

  test('a table that states its own unit keeps it', () => {
    expect(
      totals([
        ['单位：元'],
        ['项目名称', '甲'],
        ['预算数', 500000],
        ...INDICATORS,
        [null],
        ['单位：万元'],
        ['项目名称', '乙'],
        ['预算数', 30],
        ...INDICATORS,
      ]),
    ).toEqual(['50.00', '30.00']);
  });

  test('with no unit stated anywhere, 万元', () => {
    expect(totals([['项目名称', '甲'], ['预算数', 50], ...INDICATORS])).toEqual(['50.00']);
  });
});

describe('a money unit in its own cell between a label and its amount', () => {
  const read = (unit: string, amount: number | null) =>
    amounts(
      gridFromRows('s', [['单位：万元'], ['项目名称', '某项目'], ['预算数', unit, amount], ...INDICATORS]),
    )[0]?.total;

  test('belongs to the label: the amount after it is read, in that unit', () => {
    expect(read('（万元）', 50)).toBe('50.00');
    expect(read('（元）', 500000)).toBe('50.00');
  });

  test('with no amount after it, the amount is empty, never the unit', () => {
    expect(read('（万元）', null)).toBeNull();
  });

  test('a bare 元 (a unit of measure as much as of money) stays a word where an amount belongs', () => {
    expect(read('元', 500000)).toBeNull();
  });
});

describe('a spending plan written in money', () => {
  const grid = (heading: string, cells: (string | number | null)[]): Grid =>
    gridFromRows('s', [
      ['项目名称', '某项目'],
      ['预算数', 50],
      [heading, '3月底', '6月底', '10月底', '12月底'],
      [null, ...cells],
      ...INDICATORS,
    ]);
  const planned = (g: Grid): (string | null)[] => {
    const { totals } = analyseGrids([g]);
    return totals.tables[0]?.planned.map((p) => (p === null ? null : p.toFixed(2))) ?? [];
  };

  test.each([
    ['资金支出计划（万元）', [10, 20, 40, 50]],
    ['资金支出计划', [10, 20, 40, 50]],
    ['资金支出计划', ['10万元', '20万元', '40万元', '50万元']],
  ])('%s %j: unread and said so, never percents of the budget', (heading, cells) => {
    const g = grid(heading, cells);
    expect(readGrid(g)[0]?.plan).toEqual([]);
    expect(planned(g)).toEqual([null, null, null, null]);
    const findings = checkGrids([g]).findings;
    expect(findings.filter((f) => f.rule.startsWith('plan/'))).toEqual([]);
    expect(findings.find((f) => f.rule === 'table/unreadable' && f.cell === 'B4')?.message).toContain(
      '按金额填写',
    );
  });

  test('percentages, and plain numbers whose 12月底 is not the budget, are read as percentages', () => {
    expect(planned(grid('资金支出计划', ['20%', '40%', '80%', '100%']))).toEqual([
      '10.00',
      '20.00',
      '40.00',
      '50.00',
    ]);
    expect(planned(grid('资金支出计划', [10, 20, 40, 80]))).toEqual(['5.00', '10.00', '20.00', '40.00']);
  });
});
