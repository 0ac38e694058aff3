/**
 * Money cells left empty in layouts whose headings the reader does not know, found by clearing each
 * field of the real corpus in turn (2026-12-07, fourth session): an OCR's `年初预匏数 | 调整预算将`
 * read the 调整预算's figure as the budget; a row of money headings (`财政拨款 | 非税安排 | 上年结转`)
 * read the next heading's words as 财政拨款. The empty cell is the amount's place, said on its cell
 * — each case with the near misses that must stay as they were.
 */

import { checkGrids } from '../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readGrid } from '../../src/domain/reader';
import { amounts, merges } from '../fixtures/grid-reading';

type Rows = (string | number | null)[][];

const INDICATORS: Rows = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '补助人数', '≥100人'],
];

const findingsOf = (grid: Grid): string[] => checkGrids([grid]).findings.map((f) => `${f.rule}@${f.cell}`);

describe('a money line under column headings the reader does not know, its first figure empty', () => {
  /** A 自评表-like funds block: `项目资金 | · | h1 | h2 | 全年执行数` over the line `· | 年度资金总额 | …`. */
  const table = (h1: string, h2: string, figures: (number | null)[]): Grid =>
    gridFromRows(
      's',
      [
        ['项目名称', '某项目'],
        ['项目资金（万元）', null, h1, h2, '全年执行数'],
        [null, '年度资金总额', ...figures],
        ...INDICATORS,
      ],
      merges('A2:A3'),
    );

  test.each<[string, string, string]>([
    ['an OCR’s garbled headings', '年初预匏数', '调整预算将,A、'],
    ['a total of the project before the parts', '项目总金额', '财政资金'],
    ['a budget asked for before one granted', '申报数', '金额'],
  ])(
    '%s: the empty cell is the budget, unread with its finding there — never the next figure',
    (_, h1, h2) => {
      const grid = table(h1, h2, [null, 64.8, 60]);
      expect(readGrid(grid)[0]?.budget.total?.cell).toBe('C3');
      expect(amounts(grid)[0]?.total).toBeNull();
      expect(findingsOf(grid)).toContain('table/missing-field@C3');
    },
  );

  test('near miss: the first figure written is the budget', () => {
    expect(amounts(table('年初预匏数', '调整预算将,A、', [64.8, 70, 60]))[0]?.total).toBe('64.80');
  });

  test.each<[string, string, string]>([
    ['the figure under this year’s heading', '项目总金额', '本年度预算'],
    ['a 科目编码 column before the amount', '科目编码', '金额'],
    ['a share before the amount', '占比', '金额'],
  ])('near miss: %s is read', (_, h1, h2) => {
    expect(amounts(table(h1, h2, [null, 64.8, 60]))[0]?.total).toBe('64.80');
  });

  test('near miss: a line of labels and values over the money line is no row of headings', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '某项目'],
      ['主管部门', '某局', '实施单位', '某中心'],
      ['预算数', null, 50],
      ...INDICATORS,
    ]);
    expect(amounts(grid)[0]?.total).toBe('50.00');
  });
});

describe('a row of money headings, the cell under one of them left empty', () => {
  /** `资金来源（万元）| 财政拨款 | 非税安排 | 上年结转 | 政府债券 | 其他` over its line of figures. */
  const table = (figures: (number | null)[]): Grid =>
    gridFromRows('s', [
      ['项目名称', '全市文物保护专项经费', '预算金额', 36],
      ['资金来源（万元）', '财政拨款', '非税安排', '上年结转', '政府债券', '其他'],
      [null, ...figures],
      ...INDICATORS,
    ]);

  test('財政拨款 empty: its cell, read as the form’s 0 with budget/sum-mismatch — not the words 非税安排', () => {
    const grid = table([null, 0, 0, 0, 0]);
    const t = readGrid(grid)[0];
    expect(t?.budget.fiscal?.cell).toBe('B3');
    expect(amounts(grid)[0]).toEqual({ total: '36.00', fiscal: '0.00', other: '0.00' });
    expect(findingsOf(grid)).toContain('budget/sum-mismatch@D1');
    expect(findingsOf(grid).filter((f) => f.startsWith('budget/not-number'))).toEqual([]);
  });

  test('上年结转 empty: its cell, not the words 政府债券', () => {
    const t = readGrid(table([36, 0, null, 0, 0]))[0];
    expect(t?.budget.carryover?.cell).toBe('D3');
    expect(amounts(table([36, 0, null, 0, 0]))[0]).toEqual({
      total: '36.00',
      fiscal: '36.00',
      other: '0.00',
    });
  });

  test('财政拨款 in words (`详见附件`): its own cell is not a number, said there — not the next heading', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '全市文物保护专项经费', '预算金额', 36],
      ['资金来源（万元）', '财政拨款', '非税安排', '上年结转', '政府债券', '其他'],
      [null, '详见附件', 0, 0, 0, 0],
      ...INDICATORS,
    ]);
    expect(readGrid(grid)[0]?.budget.fiscal?.cell).toBe('B3');
    expect(findingsOf(grid)).toContain('budget/not-number@B3');
  });

  test('near miss: every figure written reads as before', () => {
    const grid = table([36, 0, 0, 0, 0]);
    expect(readGrid(grid)[0]?.budget.fiscal?.cell).toBe('B3');
    expect(amounts(grid)[0]).toEqual({ total: '36.00', fiscal: '36.00', other: '0.00' });
    expect(findingsOf(grid).filter((f) => f.startsWith('budget/'))).toEqual([]);
  });
});

describe('a budget system’s flat export (one row per indicator, the project’s cells merged down)', () => {
  const HEADER = ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标值'];
  const ind = (n: number): (string | null)[] => ['产出指标', '数量指标', `指标${n}`, `≥${n}人`];
  /** Two projects of three indicators each, rows 3–5 and 6–8, their cells merged down or not. */
  const exportGrid = (names: [string | null, string | null], merged = true, gapAfter?: number): Grid => {
    const rows: Rows = [
      ['金额单位：万元'],
      HEADER,
      ['某单位', names[0], 30, '目标一', ...ind(1)],
      [null, null, null, null, ...ind(2)],
      [null, null, null, null, ...ind(3)],
      [null, names[1], 20, '目标二', ...ind(4)],
      [null, null, null, null, ...ind(5)],
      [null, null, null, null, ...ind(6)],
    ];
    const m = merged ? ['A3:A8', 'B3:B5', 'C3:C5', 'D3:D5', 'B6:B8', 'C6:C8', 'D6:D8'] : [];
    const grid = gridFromRows('s', rows, merges(...m));
    if (gapAfter === undefined) return grid;
    // An empty row inserted after the sheet row `gapAfter` (1-based), the merges over it grown.
    grid.cells.splice(gapAfter, 0, []);
    grid.merges = grid.merges.map((r) => ({
      ...r,
      top: r.top >= gapAfter ? r.top + 1 : r.top,
      bottom: r.bottom >= gapAfter ? r.bottom + 1 : r.bottom,
    }));
    return grid;
  };
  const projects = (grid: Grid) =>
    readGrid(grid).map((t) => [t.name?.text ?? null, t.budget.total?.text ?? null, t.indicators.length]);

  test('a project whose name is left empty is still a project, with its finding on the name cell', () => {
    for (const names of [
      [null, '项目二'],
      ['项目一', null],
    ] as [string | null, string | null][]) {
      const grid = exportGrid(names);
      expect(projects(grid)).toEqual([
        [names[0] ?? '', '30', 3],
        [names[1] ?? '', '20', 3],
      ]);
      expect(findingsOf(grid)).toContain(`table/missing-field@${names[0] === null ? 'B3' : 'B6'}`);
    }
  });

  test('unmerged, a project written on its first row only, its name empty, is a project by its budget', () => {
    expect(projects(exportGrid(['项目一', null], false))).toEqual([
      ['项目一', '30', 3],
      ['', '20', 3],
    ]);
  });

  test('an empty row inside a project’s rows keeps its indicators in it', () => {
    expect(projects(exportGrid(['项目一', '项目二'], true, 4))).toEqual([
      ['项目一', '30', 3],
      ['项目二', '20', 3],
    ]);
  });

  test('near miss: rows with nothing of a project’s written are the project above’s indicators', () => {
    expect(projects(exportGrid(['项目一', '项目二'], false))).toEqual([
      ['项目一', '30', 3],
      ['项目二', '20', 3],
    ]);
  });
});

describe('a goal left empty beside labels and headings that are not the goal', () => {
  test('a goal written a line per 一级, its first line empty: that cell, not the category’s name', () => {
    const grid = (first: string | null): Grid =>
      gridFromRows(
        's',
        [
          ['项目名称', '全市文物保护专项经费', '预算金额', 36],
          ['年度绩效总目标', '产出指标', first, null],
          [null, '效益指标', '文物保护宣传覆盖人次≥20万', null],
          ...INDICATORS,
        ],
        merges('A2:A3', 'C2:D2', 'C3:D3'),
      );
    const empty = readGrid(grid(null))[0]?.goal;
    expect([empty?.cell, empty?.text]).toEqual(['C2', '']);
    expect(findingsOf(grid(null))).toContain('table/missing-field@C2');
    expect(readGrid(grid('开展文物安全巡查8次'))[0]?.goal?.text).toBe('开展文物安全巡查8次');
  });

  /** 宁德's 部门整体 form: 年度总体目标 in its box, then the 年度履职目标 block's headings. */
  const department = (goal: string | null): Grid =>
    gridFromRows(
      's',
      [
        ['部门（单位）名称', '某研究室', null, '部门预算编码', '901001033'],
        ['年度预算安排（万元）', '资金总额', 171.41],
        ['年度总体目标', goal, null, null, null],
        ['年度履职目标', '部门职能', '年度目标任务', '支出项目名称', '预算金额（万元）'],
        [null, '组织、指导、编纂', '保障志鉴工作开展', '地情、市志编纂经费', 49],
        ...INDICATORS,
      ],
      merges('B3:E3', 'A4:A5'),
    );

  test('an empty goal in its own box is that box, not the next goal label’s heading (`部门职能`)', () => {
    const goal = readGrid(department(null))[0]?.goal;
    expect([goal?.cell, goal?.text]).toEqual(['B3', '']);
    expect(findingsOf(department(null))).toContain('table/missing-field@B3');
  });

  test('near miss: the goal written in its box is read', () => {
    expect(readGrid(department('确保本室工作正常运行'))[0]?.goal?.text).toBe('确保本室工作正常运行');
  });

  /** An old form without its title: the project and its goal, no budget, plan or indicators yet. */
  const old = (name: string | null, goal: string | null): Grid =>
    gridFromRows(
      's',
      [
        ['专项名称', name, null, null],
        ['总体绩效目标', goal, null, null],
      ],
      merges('B1:D1', 'B2:D2'),
    );

  test('a named project whose goal is still to write is a table, its goal missing on its cell', () => {
    expect(readGrid(old('某专项', '为台胞解决生活困难')).length).toBe(1);
    expect(readGrid(old('某专项', null)).length).toBe(1);
    expect(findingsOf(old('某专项', null))).toContain('table/missing-field@B2');
  });

  test('near miss: a blank form (no name, no goal) is no table', () => {
    expect(readGrid(old(null, null))).toEqual([]);
  });
});

describe('a bare 万 under 成本指标 (`设备购置 | ≤250万`)', () => {
  const cost = (name: string, value: string, level2 = '成本指标'): string[] =>
    checkGrids([
      gridFromRows('s', [
        ['项目名称', '某项目'],
        ['预算数', 300, '其中：财政资金', 300],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', level2, name, value],
      ]),
    ])
      .findings.filter((f) => f.cell === 'D4')
      .map((f) => f.rule);

  test('is 万元 on a name without a money word: written short, not “not an amount”', () => {
    expect(cost('设备购置', '≤250万')).toEqual(['indicator/nonstandard-text']);
    expect(cost('设备购置', '≤350万')).toContain('budget/cost-exceeds-budget');
    expect(cost('设备购置', '≤250万', '经济成本指标')).toEqual(['indicator/nonstandard-text']);
  });

  test('near miss: a count’s 万 (`购置数量`) under 成本指标 is still no amount', () => {
    expect(cost('购置数量', '≤250万')).toContain('indicator/level2-mismatch');
  });

  test('near miss: under 社会成本指标 a bare 万 is not money', () => {
    expect(cost('设备购置', '≤350万', '社会成本指标')).not.toContain('budget/cost-exceeds-budget');
  });
});

describe('a spending plan by periods of its own (by quarter, by half-year)', () => {
  const planned = (periods: string[], values: (number | null)[]): Grid =>
    gridFromRows('s', [
      ['项目名称', '某项目'],
      ['预算数', 300, '其中：财政资金', 300],
      ['资金支出计划（%）', ...periods],
      [null, ...values],
      ['绩效目标', '完成培训'],
      ...INDICATORS,
    ]);
  const planFindings = (grid: Grid) =>
    checkGrids([grid]).findings.filter((f) => f.rule === 'table/unreadable' || f.rule.startsWith('plan/'));

  test.each<[string, string[], string]>([
    ['by quarter', ['3月底', '6月底', '9月底', '12月底'], '3月底、6月底、9月底、12月底'],
    ['by quarter, in words', ['一季度', '二季度', '三季度', '四季度'], '一季度、二季度、三季度、四季度'],
    ['by half-year', ['上半年', '下半年'], '上半年、下半年'],
  ])(
    '%s: unread, and the finding on the plan’s label says which periods and what to write',
    (_, periods, label) => {
      const findings = planFindings(planned(periods, [20, 50, 80, 100].slice(0, periods.length)));
      expect(findings.map((f) => [f.rule, f.messageId, f.cell])).toEqual([
        ['table/unreadable', 'planPeriods', 'A3'],
      ]);
      expect(findings[0]?.message).toContain(`按“${label}”分期填写`);
      expect(findings[0]?.message).toContain('应填写截至3月底、6月底、10月底、12月底');
      const en = checkGrids([planned(periods, [20, 50, 80, 100])], { lang: 'en-US' }).findings.find(
        (f) => f.messageId === 'planPeriods',
      );
      expect(en?.message).toContain(`by “${label}”`);
    },
  );

  test('near miss: the form’s four periods are read and checked', () => {
    const grid = planned(['3月底', '6月底', '10月底', '12月底'], [20, 50, 40, 100]);
    expect(readGrid(grid)[0]?.plan.map((f) => f.cell)).toEqual(['B4', 'C4', 'D4', 'E4']);
    expect(planFindings(grid).map((f) => f.rule)).toEqual(['plan/decreasing']);
  });

  test('near miss: a plan label with no periods at all is “not found”, as before', () => {
    const findings = planFindings(planned(['说明'], [null]));
    expect(findings.map((f) => f.messageId)).toEqual(['missingPart']);
  });
});

describe('a dash or words among the figures under a heading over sub-headings (`财政资金` over `中央 | 省级 | 市级 | 本级`)', () => {
  const table = (central: string | number): Grid =>
    gridFromRows(
      's',
      [
        ['项目名称', '雨露计划'],
        ['专项资金情况', '本年度预计投入（万元）', '财政资金（万元）', null, null, null, '其他'],
        [null, null, '中央', '省级', '市级资金', '本级', null],
        [null, 7, central, 7, 0, 0, 0],
        ...INDICATORS,
      ],
      merges('B2:B3', 'C2:F2', 'G2:G3'),
    );

  test.each(['—', '/', '-'])('`%s` is that source’s nothing: the part is the sum of the others', (dash) => {
    const t = readGrid(table(dash))[0];
    expect(t?.budget.lines?.fiscal.map((f) => f.cell) ?? [t?.budget.fiscal?.cell]).toContain('C4');
    expect(amounts(table(dash))[0]).toEqual({ total: '7.00', fiscal: '7.00', other: '0.00' });
    expect(findingsOf(table(dash)).filter((f) => f.startsWith('budget/'))).toEqual([]);
  });

  test('words there (`详见附件`): that source is not a number, said on its own cell, not the next heading', () => {
    const t = readGrid(table('详见附件'))[0];
    expect(t?.budget.lines?.fiscal.map((f) => f.cell)).toEqual(['C4', 'D4', 'E4', 'F4']);
    expect(amounts(table('详见附件'))[0]?.fiscal).toBeNull();
    expect(findingsOf(table('详见附件')).filter((f) => f.startsWith('budget/'))).toEqual([
      'budget/not-number@C4',
    ]);
  });

  test('near miss: with a figure there, as before', () => {
    expect(amounts(table(0))[0]).toEqual({ total: '7.00', fiscal: '7.00', other: '0.00' });
  });

  test('near miss: a row of sub-headings in words (no figure) is still passed over to the figures', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目名称', '雨露计划'],
        ['专项资金情况', '本年度预计投入（万元）', '财政资金（万元）', null, '其他'],
        [null, null, '上级补助', '本级安排', null],
        [null, 7, 5, 2, 0],
        ...INDICATORS,
      ],
      merges('B2:B3', 'C2:D2', 'E2:E3'),
    );
    expect(amounts(grid)[0]).toEqual({ total: '7.00', fiscal: '7.00', other: '0.00' });
  });
});

describe('a column deleted: a label right against the next label (`资金用途 | 主管部门 | 某局`)', () => {
  const table = (usage: string | null): Grid =>
    gridFromRows('s', [
      ['项目名称', '博物馆免费开放补助'],
      usage === null ? ['资金用途', '主管部门', '某局'] : ['资金用途', usage, '主管部门', '某局'],
      ['预算数', 20, '其中：财政资金', 20],
      ...INDICATORS,
    ]);

  test('the usage is empty at its label, never the next label’s words', () => {
    expect(readGrid(table(null))[0]?.usage?.text).toBe('');
  });

  test('near miss: the usage written between them is read', () => {
    expect(readGrid(table('业务类项目'))[0]?.usage?.text).toBe('业务类项目');
  });
});

describe('a column inserted into a form whose title is merged over it', () => {
  /** 嘉峪关's 申报表 with an empty column D inserted: the title and year lines merged over it. */
  const table = (): Grid =>
    gridFromRows(
      's',
      [
        ['省级部门预算项目支出绩效目标', null, null, null, null],
        ['(2023年度)', null, null, null, null],
        ['二级项目名称', '博物馆免费开放补助', '项目类型', null, '新增项目'],
        ['项目总投资', '20万元', '中央补助安排', null, 0],
        ['省级财政安排', 0, '其他资金', null, '20万元'],
        ['预算申报数', '20万元', '资金性质', null, '一般公共预算'],
        ...INDICATORS,
      ],
      merges('A1:E1', 'A2:E2'),
    );

  test('the year line above is no column’s heading: each part is its figure one column further', () => {
    expect(amounts(table())[0]).toEqual({ total: '20.00', fiscal: '0.00', other: '20.00' });
    expect(findingsOf(table())).not.toContain('budget/sum-mismatch@B6');
  });
});
