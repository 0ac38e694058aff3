/**
 * Shapes the reader met wrong after round 10 (2026-12-07, second session): a part whose label states
 * a unit other than the table's, … — each with the near miss that must stay as it was.
 */

import { gridFromRows, type Grid } from '../../src/domain/grid';
import { checkGrids } from '../../src/domain/analysis';
import { computeTotals, totalsView } from '../../src/domain/totals';
import { classifyKey, labelKey } from '../../src/domain/lexicon';
import { amounts } from '../fixtures/grid-reading';
import { expectFromName } from '../../src/domain/names';
import { SEED_TABLES } from '../fixtures/seed-data';
import { templateGrid } from '../fixtures/table-builder';
import { readGrid } from '../../src/domain/reader';

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

describe('the indicator header written again under its block', () => {
  const HEADER = ['一级指标', '二级指标', '三级指标', '指标值'];
  const rowsOf = (between: (string | null)[][]): Rows => [
    ['项目名称', '某项目'],
    ['预算数', 100],
    ['绩效目标', '完成'],
    HEADER,
    ['产出指标', '数量指标', '补助人数', '≥100人'],
    ...between,
    ['效益指标', '社会效益指标', '受益群众', '≥500人'],
    ['满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
  ];
  const names = (rows: Rows): string[] =>
    checkGrids([gridFromRows('s', rows)]).tables.flatMap((t) => t.indicators.map((i) => i.name.text));

  test.each<[string, (string | null)[][]]>([
    ['a page break’s repeat', [HEADER]],
    ['with its second row of sub-headings', [HEADER, [null, null, null, '年度指标值']]],
  ])('%s: the rows under it are still the table’s', (_, between) => {
    expect(names(rowsOf(between))).toEqual(['补助人数', '受益群众', '满意度']);
  });

  test('a self-evaluation’s second block is scored with the first', () => {
    const head = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
    const rows: Rows = [
      ['项目支出绩效自评表'],
      ['项目名称', '某项目'],
      head,
      ['产出指标', '数量指标', '培训人数', '≥100人', '120人', 50, 50],
      head,
      ['效益指标', '社会效益指标', '受益群众', '≥500人', '600人', 30, 30],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '95%', 10, 10],
    ];
    const { tables, findings } = checkGrids([gridFromRows('s', rows)]);
    expect(tables[0]?.indicators).toHaveLength(3);
    expect(findings.map((f) => f.rule)).not.toContain('indicator/missing-level1');
  });

  test('near miss: a block marked as the project period’s still ends the year’s', () => {
    const rows = rowsOf([['中长期绩效指标'], HEADER]);
    expect(names(rows)).toEqual(['补助人数']);
  });

  test('near miss: a row naming only two of the headings is an indicator row', () => {
    const rows = rowsOf([['产出指标', '二级指标', '三级指标', '≥1项']]);
    expect(names(rows)).toHaveLength(4);
  });
});

describe('a page break that repeated the project’s line over its indicators', () => {
  const project = ['项目编码', 'A01', '项目名称', '项目甲'];
  const head = ['一级指标', '二级指标', '三级指标', '指标值'];
  const rows: Rows = [
    project,
    ['预算数', 100, '其中：财政资金', 80, '其他资金', 20],
    ['绩效目标', '完成'],
    head,
    ['产出指标', '数量指标', '补助人数', '≥100人'],
    project,
    head,
    ['满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
  ];

  test('is one table, its budget counted once, no duplicate code', () => {
    const { tables, findings } = checkGrids([gridFromRows('s', rows)]);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.indicators.map((i) => i.name.text)).toEqual(['补助人数', '满意度']);
    expect(findings.map((f) => f.rule)).not.toContain('table/duplicate-code');
    expect(totalsView(computeTotals(tables)).total).toBe('100.00');
  });

  test('near miss: another project under it is its own table', () => {
    const other = rows.map((r) => (r === project ? ['项目编码', 'A02', '项目名称', '项目乙'] : r));
    const second = [...rows.slice(0, 5), ...other.slice(5)];
    expect(checkGrids([gridFromRows('s', second)]).tables).toHaveLength(2);
  });

  test('near miss: the same project with its own budget is still a table (a duplicate to report)', () => {
    const twice = [...rows.slice(0, 5), project, ['预算数', 50], head, rows[7] as (string | null)[]];
    const { tables, findings } = checkGrids([gridFromRows('s', twice)]);
    expect(tables).toHaveLength(2);
    expect(findings.map((f) => f.rule)).toContain('table/duplicate-code');
  });
});

describe('a unit line that also names the units of other columns', () => {
  test.each([
    ['单位：元、%', '123.45'],
    ['单位：元/%', '123.45'],
    ['单位：万元、%', '1234500.00'],
    ['金额单位：元，人、%', '123.45'],
  ])('%s states the money’s unit', (line, total) => {
    const grid = gridFromRows('s', [[line], ['项目名称', '某项目'], ['预算数', 1234500], ...INDICATORS]);
    expect(amounts(grid)[0]?.total).toBe(total);
  });

  test('near miss: a place named after the unit is no unit (单位：元氏县、…)', () => {
    const grid = gridFromRows('s', [
      ['单位：元氏县、%'],
      ['项目名称', '某项目'],
      ['预算数', 100],
      ...INDICATORS,
    ]);
    expect(amounts(grid)[0]?.total).toBe('100.00');
  });
});

describe('the 2021 申报表’s seven sources of money', () => {
  const money: Rows = [
    ['项目资金申请(万元)', '资金总额', 100],
    [null, '一般公共预算拨款', 50],
    [null, '政府性基金预算拨款', 30],
    [null, '国有资本经营预算拨款', 0],
    [null, '纳入财政专户管理的收入', 10],
    [null, '未纳入财政专户管理的收入', 5],
    [null, '上年结余收入', 5],
  ];

  test('every source is counted: the fiscal ones, the carry-over and the rest', () => {
    const t = checkGrids([table(money)]).tables[0];
    const texts = (fields: { text: string }[] | undefined) => fields?.map((f) => f.text);
    expect(texts(t?.budget.lines?.fiscal)).toEqual(['50', '30', '0', '10']);
    expect(t?.budget.carryover?.text).toBe('5');
    expect(t?.budget.other?.text).toBe('5');
    expect(rules(money)).not.toContain('budget/sum-mismatch');
  });

  test('near miss: a source left out still makes them not add up', () => {
    expect(rules(money.filter((r) => r[1] !== '政府性基金预算拨款'))).toContain('budget/sum-mismatch');
  });
});

describe('a funds score heading that states its rule', () => {
  test.each(['得分（20分*执行率）', '得分(10分×执行率)', '得分（执行率×10分）'])(
    '%s heads the 得分 column',
    (text) => {
      expect(classifyKey(labelKey(text))?.kind).toBe('score');
    },
  );

  test('near miss: a rate heading is not a score', () => {
    expect(classifyKey(labelKey('执行率（B/A）'))?.kind).not.toBe('score');
  });
});

describe('sources of the fiscal money listed after the total on its line', () => {
  test.each<[string, Rows]>([
    ['中央 and 省级', [['年度资金总额', 100, '中央资金', 60, '省级资金', 40]]],
    ['一般公共预算 and 政府性基金', [['预算数', 100, '一般公共预算', 60, '政府性基金', 40]]],
  ])('%s adding up to the total are its fiscal part', (_, money) => {
    expect(read(money)).toEqual({ total: '100.00', fiscal: '100.00', other: '0.00' });
  });

  test('figures that do not add up are still its part: budget/sum-mismatch says they do not', () => {
    const money: Rows = [['年度资金总额', 100, '中央资金', 60, '省级资金', 30]];
    expect(read(money)?.fiscal).toBe('90.00');
    expect(rules(money)).toContain('budget/sum-mismatch');
  });

  test('near miss: one source alone beside a total of one level’s money may be another line of the form', () => {
    const money: Rows = [['本级预算金额', 100, '该项目支出上级资金', 100]];
    expect(read(money)?.fiscal).toBeNull();
    expect(rules(money)).toContain('table/unreadable');
  });
});

describe('a forecast of a year to come beside this year’s budget', () => {
  test('columns 2024年预算数 | 2025年预测数: this year’s column, not the forecast nor its heading', () => {
    const money: Rows = [
      [null, '2024年预算数', '2025年预测数'],
      ['资金总额', 100, 120],
      ['财政拨款', 80, 100],
      ['其他资金', 20, 20],
    ];
    expect(read(money)).toEqual({ total: '100.00', fiscal: '80.00', other: '20.00' });
    expect(rules(money)).not.toContain('budget/not-number');
  });

  test('预算数 | 2025年预测数 heading the figures under them: the budget’s', () => {
    expect(
      read([
        ['预算数', '2025年预测数'],
        [100, 120],
      ])?.total,
    ).toBe('100.00');
  });

  test('near miss: a forecast alone is what the form gives', () => {
    expect(read([['2025年预测数', 120]])?.total).toBe('120.00');
  });

  test('near miss: last year’s executed figure beside this year’s budget is not taken', () => {
    const money: Rows = [
      [null, '2023年执行数', '2024年预算数'],
      ['资金总额', 90, 100],
      ['财政拨款', 70, 80],
      ['其他资金', 20, 20],
    ];
    expect(read(money)).toEqual({ total: '100.00', fiscal: '80.00', other: '20.00' });
  });
});

describe('a department’s table in a batch of several files', () => {
  const department = gridFromRows('部门', [
    ['部门整体支出绩效目标表'],
    ['部门名称', '某县文化局'],
    ['年度预算申请', '资金总额', 300],
    ['年度总体目标', '完成全年工作'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '办理件数', '≥100件'],
  ]);
  const project = table([['预算数', 100]]);
  const { tables } = checkGrids([department, project]);

  test('beside the projects of its own file, it adds to no sum (it holds theirs)', () => {
    expect(tables.map((t) => t.form)).toEqual(['department', 'target']);
    expect(totalsView(computeTotals(tables, () => 'one file')).total).toBe('100.00');
  });

  test('beside another file’s projects, it is counted', () => {
    const view = totalsView(computeTotals(tables, (i) => `file ${i}`));
    expect(view.total).toBe('400.00');
  });
});

describe('amounts whose number format shows their unit', () => {
  const shown = (value: number, numberFormat: string) => ({ value, numberFormat });
  const grid = (format: string, unit?: string) =>
    gridFromRows('s', [
      ...(unit ? [[unit]] : []),
      ['项目名称', '某项目'],
      [
        '年度资金总额',
        shown(80000, format),
        '其中：财政拨款',
        shown(80000, format),
        '其他资金',
        shown(0, format),
      ],
      ...INDICATORS,
    ]);

  test.each(['#,##0.00"元"', '0.00\\元', '[Red]#,##0.00"元";-#,##0.00"元"'])(
    '%s shows 元: 80,000.00元 is 8.00 万元',
    (format) => {
      expect(amounts(grid(format))[0]).toEqual({ total: '8.00', fiscal: '8.00', other: '0.00' });
    },
  );

  test('0.00"万元" under a 单位：元 line is in 万元, as each cell shows', () => {
    expect(amounts(grid('0.00"万元"', '单位：元'))[0]?.total).toBe('80000.00');
  });

  test('near miss: a format without a unit leaves the table’s', () => {
    expect(amounts(grid('#,##0.00'))[0]?.total).toBe('80000.00');
    expect(amounts(grid('#,##0.00', '单位：元'))[0]?.total).toBe('8.00');
  });
});

describe('a part on the total’s line and another on the line under it', () => {
  test('预算数 | 100 | 财政拨款 | 70 over 其他资金 | 40: both read, and the mismatch said', () => {
    const money: Rows = [
      ['预算数', 100, '财政拨款', 70],
      ['其他资金', 40],
    ];
    expect(read(money)).toEqual({ total: '100.00', fiscal: '70.00', other: '40.00' });
    expect(rules(money)).toContain('budget/sum-mismatch');
  });

  test('near miss: parts that add up draw nothing', () => {
    expect(
      rules([
        ['预算数', 100, '财政拨款', 60],
        ['其他资金', 40],
      ]),
    ).not.toContain('budget/sum-mismatch');
  });
});

describe('a money label split over two cells by a conversion', () => {
  test.each<[string, Rows]>([
    ['其中：财政 | 拨款', [['年度资金总额', 120, '其中：财政', '拨款', 100, '其他资金', 20]]],
    ['财政 | 拨款 and 其他 | 资金', [['年度资金总额', 120, '财政', '拨款', 100, '其他', '资金', 20]]],
    ['自有 | 资金', [['年度资金总额', 120, '财政拨款', 100, '自有', '资金', 20]]],
  ])('%s is one label, beside its figure', (_, money) => {
    expect(read(money)).toEqual({ total: '120.00', fiscal: '100.00', other: '20.00' });
  });

  test('near miss: two words that make no label stay apart', () => {
    expect(read([['补助', '对象', 120]])?.total).toBeNull();
  });

  test('near miss: without a figure after them, the halves are not joined', () => {
    expect(
      read([
        ['年度资金总额', 120],
        ['财政', '拨款'],
      ])?.fiscal,
    ).toBeNull();
  });
});

describe('digits with a space between them', () => {
  test('groups of three are thousands: 1 234 567', () => {
    expect(read([['预算数', '1 234 567']])?.total).toBe('1234567.00');
  });

  test('anything else is two figures run together, never one (1 20)', () => {
    expect(read([['预算数', '1 20']])?.total).toBeNull();
    expect(rules([['预算数', '1 20']])).toContain('budget/not-number');
  });
});

describe('a PDF’s page break inside a table', () => {
  const head = ['一级指标', '二级指标', '三级指标', '指标值'];
  const first: Rows = [
    ['项目绩效目标表'],
    ['项目名称', '困难群众救助'],
    ['预算数', 120, '其中：财政资金', 100, '其他资金', 20],
    ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
    [null, 25, 50, 75, 100],
    ['绩效目标', '完成'],
    head,
    ['产出指标', '数量指标', '救助人数', '≥100人'],
  ];

  test.each(['- 1 -', '—2—', '第 1 页', '第1页 共3页', '1/3'])(
    'the page number %s is no indicator',
    (page) => {
      const { tables, findings } = checkGrids([
        gridFromRows('s', [...first, [page], ['满意度指标', '服务对象满意度指标', '满意度', '≥90%']]),
      ]);
      expect(tables[0]?.indicators.map((i) => i.name.text)).toEqual(['救助人数', '满意度']);
      expect(findings.map((f) => f.rule)).not.toContain('indicator/unknown-level1');
    },
  );

  test('the title, project and money repeated over the next page are one table, counted once', () => {
    const repeat: Rows = [
      ['- 1 -'],
      ...first.slice(0, 3),
      head,
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
    ];
    const { tables } = checkGrids([gridFromRows('s', [...first, ...repeat])]);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.indicators).toHaveLength(2);
    expect(totalsView(computeTotals(tables)).total).toBe('120.00');
  });

  test('near miss: the same project with other money is no repeat', () => {
    const other: Rows = [
      ...first.slice(0, 2),
      ['预算数', 80, '其中：财政资金', 80, '其他资金', 0],
      head,
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%'],
    ];
    expect(checkGrids([gridFromRows('s', [...first, [], ...other])]).tables).toHaveLength(2);
  });
});

describe('a row of figures shifted against its headings', () => {
  test('an amount past the last heading: no heading takes a neighbour’s figure', () => {
    const money: Rows = [
      ['资金情况（万元）', '年度资金总额', '财政拨款', '其他资金'],
      [null, null, 120, 100, 20],
    ];
    expect(read(money)).toEqual({ total: null, fiscal: null, other: null });
  });

  test('near miss: figures under their headings are read', () => {
    const money: Rows = [
      ['资金情况（万元）', '年度资金总额', '财政拨款', '其他资金'],
      [null, 120, 100, 20],
    ];
    expect(read(money)).toEqual({ total: '120.00', fiscal: '100.00', other: '20.00' });
  });
});

describe('a label and its value on two lines of one cell', () => {
  test('年度资金总额：⏎100 | 其中：财政拨款⏎80 | 其他资金⏎20', () => {
    expect(read([['年度资金总额：\n100', '其中：财政拨款\n80', '其他资金\n20']])).toEqual({
      total: '100.00',
      fiscal: '80.00',
      other: '20.00',
    });
  });

  test('the project’s name on the line under its label', () => {
    const grid = gridFromRows('s', [['项目名称：\n困难群众救助'], ['预算数', 100], ...INDICATORS]);
    expect(checkGrids([grid]).tables[0]?.name?.text).toBe('困难群众救助');
  });

  test('near miss: a unit on the next line is no value', () => {
    expect(read([['预算数\n（万元）', 100]])?.total).toBe('100.00');
  });
});

describe('a project’s cost breakdown with a 合计 line under its name (鄂州)', () => {
  const grid = gridFromRows('s', [
    ['鄂州市2022年市直部门预算项目支出绩效目标表'],
    ['项目名称', '滨湖大楼办公大楼运行保障', '项目类别', '本级支出项目'],
    ['项目预算成本构成', '金额', '测算(公式)依据', '2020年实际执行数', '2021年实际执行数'],
    ['保安服务费', 191, '依据招标文件', 191, 191],
    ['保洁服务费', 99, '依据招标文件', 99, 99],
    ['合计', 290, null, 290, 290],
    ['绩效目标', '以办公大楼服务对象满意为目标'],
    ...INDICATORS,
  ]);

  test('is the project’s, not a list of projects: its name and goal are read', () => {
    const [t] = checkGrids([grid]).tables;
    expect(t?.name?.text).toBe('滨湖大楼办公大楼运行保障');
    expect(t?.goal?.text).toBe('以办公大楼服务对象满意为目标');
    expect(t?.range.startsWith('A1:')).toBe(true);
  });

  test('near miss: a real list of projects under its heading is still a list', () => {
    const list = gridFromRows('s', [
      ['项目名称', '金额', '实施单位'],
      ['项目甲', 100, '某局'],
      ['项目乙', 50, '某局'],
    ]);
    expect(checkGrids([list]).tables).toEqual([]);
  });
});

describe('a note typed right of the table, past an empty column', () => {
  const withNote = (address: { row: number; col: number }, text: string): Grid => {
    const grid = templateGrid('s', SEED_TABLES[0] ?? {});
    const cells = grid.cells.map((r) => [...r]);
    const line = cells[address.row] ?? [];
    while (line.length < address.col) line.push({ value: null });
    line[address.col] = { value: text };
    cells[address.row] = line;
    return { ...grid, cells };
  };
  const plain = readGrid(templateGrid('s', SEED_TABLES[0] ?? {}))[0];

  test('beside the title: the title is still the table’s', () => {
    const [t] = readGrid(withNote({ row: 0, col: 8 }, '报送日期：2026-01-15'));
    expect(t?.range).toBe(plain?.range);
    expect(t?.title?.text).toBe(plain?.title?.text);
  });

  test('beside the unit line: neither the unit’s name nor the range takes it', () => {
    const [t] = readGrid(withNote({ row: 1, col: 8 }, '已电话确认'));
    expect(t?.reportingUnit).toBe(plain?.reportingUnit);
    expect(t?.range).toBe(plain?.range);
  });
});

describe('a provincial fund’s sources written as 安排 (广东)', () => {
  test.each(['一般公共预算安排', '政府性基金预算安排'])('%s is a source of the fiscal money', (text) => {
    expect(classifyKey(labelKey(text))?.kind).toBe('fiscal');
  });
});

describe('a plan’s period labels wrapped over two lines by a conversion', () => {
  const plan = (rows: Rows) =>
    checkGrids([
      table([['预算数', 100], ['资金支出计划（%）', '3月', '6月', '10月', '12月'], ...rows]),
    ]).tables[0]?.plan.map((f) => f.text);

  test('3月 | 6月 … over 底 | 底 …: the figures under them are the plan', () => {
    expect(
      plan([
        [null, '底', '底', '底', '底'],
        [null, 20, 50, 80, 100],
      ]),
    ).toEqual(['20', '50', '80', '100']);
  });

  test('near miss: the figures right under the labels', () => {
    expect(plan([[null, 20, 50, 80, 100]])).toEqual(['20', '50', '80', '100']);
  });
});

describe('a money header of two rows without merges', () => {
  test('年度预算 | 其中 over | 财政拨款 | 其他资金: the total under its heading, no false error', () => {
    const money: Rows = [
      ['项目资金（万元）', '年度预算', '其中', null],
      [null, null, '财政拨款', '其他资金'],
      [null, 100, 80, 20],
    ];
    expect(read(money)).toEqual({ total: '100.00', fiscal: '80.00', other: '20.00' });
    expect(rules(money)).not.toContain('budget/not-number');
  });

  test('near miss: a figure past the sub-headings still says the row is shifted', () => {
    const money: Rows = [
      ['项目资金（万元）', '年度预算', '其中', null],
      [null, null, '财政拨款', '其他资金'],
      [null, null, 100, 80, 20],
    ];
    expect(read(money)?.total).toBeNull();
  });
});

describe('满意程度 is a 满意度', () => {
  test('a rate of satisfaction, better higher: ≤75% is said', () => {
    expect(expectFromName('群众满意程度')).toMatchObject({ kind: 'percent', satisfaction: true });
    const grid = gridFromRows('s', [
      ['项目名称', '某项目'],
      ['预算数', 100],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['满意度指标', '服务对象满意度指标', '群众满意程度', '≤75%'],
    ]);
    expect(checkGrids([grid]).findings.map((f) => f.rule)).toContain('indicator/direction');
  });

  test('near miss: 不满意程度 is no satisfaction', () => {
    expect(expectFromName('群众不满意程度').satisfaction).toBe(false);
  });
});

describe('a rate of something done late', () => {
  test.each(['逾期发放率', '逾期还款率'])('%s is better lower', (name) => {
    expect(expectFromName(name).reverse).toBe(true);
  });

  test.each(['逾期清收率', '超期整改率', '逾期率'])('near miss: %s as before', (name) => {
    expect(expectFromName(name).reverse).toBe(name === '逾期率');
  });
});

describe('regressions this round’s shift check must not cause', () => {
  test('the template with amounts and no name: 项目名称 is still found, its cell empty', () => {
    const grid = templateGrid('s', { total: 100, fiscal: 80, other: 20 });
    const findings = checkGrids([grid]).findings.filter((f) => f.message.includes('项目名称'));
    expect(findings.map((f) => f.rule)).toEqual(['table/missing-field']);
  });
});

describe('a 自评表 whose funds block states its weight in its headings (施甸)', () => {
  const rows: Rows = [
    ['项目支出绩效自评表'],
    ['项目名称', '新型农业经营主体扶持项目'],
    ['预算执行情况(万元)(20分)', '预算数(A)', '执行数(B)', '执行率(B/A)', '得分 (20分*执行率)'],
    ['年度财政资金总额', 650, 94, 0.1446, 2.9],
    ['一级指标', '二级指标', '三级指标', '年初目标值(A)', '实际完成值(B)', '得分'],
    ['产出指标(50分)', '数量指标', '扶持主体数(个)', 15, 15, 50],
    ['效益指标(20分)', '经济效益指标', '产值(万元)', 8000, 8000, 20],
    ['满意度指标(10分)', '服务对象满意度指标', '满意度(%)', 90, 100, 10],
  ];

  test('the funds weigh 20, and 2.90 at 14.46% is no mismatch', () => {
    const { tables, findings } = checkGrids([gridFromRows('s', rows)]);
    expect(tables[0]?.funds?.[0]?.headings).toContain('预算执行情况(万元)(20分)');
    expect(findings.filter((f) => f.rule === 'selfeval/score-mismatch')).toEqual([]);
  });
});
