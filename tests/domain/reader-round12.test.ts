/**
 * Shapes found by taking the real corpus apart (2026-12-07, third session): each real document read
 * again with cells cleared, moved or deleted, checking that no field is given a label's words as its
 * value. A 自评表's goal row left empty under `预期目标 | 实际完成情况` read the heading beside it as the
 * goal, and the goal missed no finding — each case with the near miss that must stay as it was.
 */

import { gridFromRows, type CellRange, type Grid } from '../../src/domain/grid';
import { analyseGrids, checkGrids } from '../../src/domain/analysis';

const INDICATORS = [
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
  [null, '产出指标', '数量指标', '补助人数', '≥100人', '120人'],
];

/** A 自评表's head: the goal block `年度总体目标 | 预期目标 | 实际完成情况` over `goal`/`done`. */
function selfEval(goal: string | null, done: string | null, withGoalRow = true): Grid {
  const rows = [
    ['项目名称', '某项目'],
    ['年度资金总额', null, null, null, '全年预算数', 10],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    ...(withGoalRow ? [[null, goal, null, null, null, done]] : []),
    ...INDICATORS,
  ];
  const merges: CellRange[] = [
    { top: 2, left: 1, bottom: 2, right: 4 },
    ...(withGoalRow ? [{ top: 3, left: 1, bottom: 3, right: 4 }] : []),
  ];
  return gridFromRows('自评', rows, { merges });
}

const findingsOf = (grid: Grid) => checkGrids([grid]).findings.map((f) => `${f.rule}@${f.cell}`);

describe('a goal not written under its heading', () => {
  test('is an empty goal at its cell, with a finding there — not the heading beside it', () => {
    const { tables, findings } = checkGrids([selfEval(null, '已完成')]);
    expect(tables[0]?.goal?.text).toBe('');
    expect(findings.map((f) => `${f.rule}@${f.cell}`)).toContain('table/missing-field@B4');
  });

  test('with the 年度总体目标 label gone too, is still never 实际完成情况', () => {
    const grid = selfEval(null, '已完成');
    grid.cells[2]![0] = undefined;
    const goal = checkGrids([grid]).tables[0]?.goal;
    expect(goal?.text ?? '').not.toContain('实际完成情况');
  });

  test('with no row left for it, is unread and says where it looked', () => {
    const { tables } = checkGrids([selfEval(null, null, false)]);
    expect(tables[0]?.goal?.text ?? '').toBe('');
    expect(
      findingsOf(selfEval(null, null, false)).some((f) => /^table\/(unreadable|missing-field)@/.test(f)),
    ).toBe(true);
  });

  test('a goal label whose right neighbour is the 完成情况 heading: the goal is the cell under it', () => {
    const rows = [
      ['项目名称', '某项目'],
      ['年度资金总额', 10],
      ['项目年度目标', null, null, '年度目标完成情况'],
      [null, null, null, '已完成'],
      ...INDICATORS,
    ];
    const merges = [{ top: 2, left: 0, bottom: 2, right: 2 }];
    const grid = gridFromRows('s', rows, { merges });
    const { tables } = checkGrids([grid]);
    expect(tables[0]?.goal?.text).toBe('');
    expect(findingsOf(grid)).toContain('table/missing-field@A4');
  });

  test('near miss: a goal written is read as before', () => {
    const { tables, findings } = checkGrids([selfEval('完成补助发放', '已完成')]);
    expect(tables[0]?.goal?.text).toBe('完成补助发放');
    expect(findings.map((f) => `${f.rule}@${f.cell}`)).not.toContain('table/missing-field@B4');
  });
});

describe('the heading of what became of the goal, however the year is said', () => {
  /** `总体目标 | … | <heading>` over `<goal> | … | <done>`, merged as the published 自评表 have it. */
  function goalBlock(goalLabel: string, heading: string): Grid {
    const rows = [
      ['项目名称', '某项目'],
      ['年度资金总额', null, null, null, '全年预算数', 10],
      [goalLabel, null, null, null, heading],
      ['完成补助发放', null, null, null, '已按时发放'],
      ...INDICATORS,
    ];
    const merges: CellRange[] = [
      { top: 2, left: 0, bottom: 2, right: 3 },
      { top: 2, left: 4, bottom: 2, right: 5 },
      { top: 3, left: 0, bottom: 3, right: 3 },
      { top: 3, left: 4, bottom: 3, right: 5 },
    ];
    return gridFromRows('自评', rows, { merges });
  }

  test.each([
    ['总体目标', '全年实际完成情况'],
    ['总体目标', '年度实际完成情况'],
    ['年度总体目标', '年度绩效目标实际完成情况'],
    ['总体目标', '本年度目标完成情况说明'],
    ['全年预期目标', '实际完成情况'],
  ])('%s | %s: the goal is the text under them, not the heading', (label, heading) => {
    const { tables } = checkGrids([goalBlock(label, heading)]);
    expect(tables[0]?.goal?.text).toBe('完成补助发放');
  });

  test('near miss: an indicator named …完成情况 is still an indicator', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '某项目'],
      ['年度资金总额', 10],
      ['年度绩效目标', '完成补助发放'],
      INDICATORS[0] as string[],
      [null, '产出指标', '质量指标', '任务完成情况', '≥95%', '100%'],
    ]);
    const { tables } = checkGrids([grid]);
    expect(tables[0]?.indicators.map((i) => i.name.text)).toEqual(['任务完成情况']);
  });
});

describe('this year’s budget left empty beside the project’s whole budget', () => {
  const withMoney = (money: (string | number | null)[][]): Grid =>
    gridFromRows('s', [
      ['项目名称', '某项目'],
      ...money,
      ['年度绩效目标', '完成补助发放'],
      ...INDICATORS.map((r) => r.slice(1)),
    ]);

  test.each<[string, (string | number | null)[][], string]>([
    ['on one line', [['项目总预算(万元)', 75, '项目当年预算(万元)', null]], 'D2'],
    ['on one line, no unit', [['项目资金总额', 1500, '年度资金申请总额', null]], 'D2'],
    [
      'one under the other',
      [
        ['项目总预算', 65],
        ['当年年度预算', null],
      ],
      'B3',
    ],
  ])('%s: the budget is not written, and the project’s figure is never read for it', (_, money, cell) => {
    const grid = withMoney(money);
    const { tables, findings } = checkGrids([grid]);
    expect(tables[0]?.budget.total?.text ?? '').toBe('');
    expect(findings.map((f) => `${f.rule}@${f.cell}`)).toContain(`table/missing-field@${cell}`);
  });

  test.each([['详见附件'], ['待定'], ['—']])(
    'this year’s line in words (%s): read as written, never the project’s 75',
    (words) => {
      const grid = withMoney([['项目总预算(万元)', 75, '项目当年预算(万元)', words]]);
      const { state, totals } = analyseGrids([grid]);
      expect(state.tables[0]?.budget.total?.text).toBe(words);
      expect(totals.tables[0]?.total?.toFixed(2)).not.toBe('75.00');
    },
  );

  test.each<[string, (string | number | null)[][], string]>([
    ['both written', [['项目总预算(万元)', 75, '项目当年预算(万元)', 25]], '25'],
    ['the project’s alone', [['项目总预算(万元)', 75]], '75'],
    [
      'a heading over the line',
      [
        ['年度预算申请（万元）', null],
        ['资金总额', 50],
      ],
      '50',
    ],
  ])('near miss, %s: read as before', (_, money, total) => {
    const { tables } = checkGrids([withMoney(money)]);
    expect(tables[0]?.budget.total?.text).toBe(total);
  });
});

describe('the people of the form are labels, never a value', () => {
  test.each([['填报人'], ['负责人及电话'], ['经办人'], ['联系方式']])(
    '部门(单位)名称 left empty beside %s: the name is empty',
    (label) => {
      const grid = gridFromRows('s', [
        ['部门(单位)名称', null, label, '张三 13800000000'],
        ['年度资金总额', 100],
        ['年度绩效目标', '完成工作'],
        ...INDICATORS.map((r) => r.slice(1)),
      ]);
      const { tables } = checkGrids([grid]);
      expect(tables[0]?.name?.text ?? '').toBe('');
    },
  );

  test('near miss: a name written is read', () => {
    const grid = gridFromRows('s', [
      ['部门(单位)名称', '某某局', '填报人', '张三'],
      ['年度资金总额', 100],
      ['年度绩效目标', '完成工作'],
      ...INDICATORS.map((r) => r.slice(1)),
    ]);
    expect(checkGrids([grid]).tables[0]?.name?.text).toBe('某某局');
  });
});

describe('a goal heading and an empty goal box', () => {
  test.each([['当年度目标'], ['本年度目标'], ['全年目标']])(
    '总体绩效目标 | %s | text: the goal is the text, not the heading',
    (heading) => {
      const grid = gridFromRows('s', [
        ['项目名称', '某项目'],
        ['年度资金总额', 50],
        ['总体绩效目标', heading, '完成助老服务'],
        ...INDICATORS.map((r) => r.slice(1)),
      ]);
      expect(checkGrids([grid]).tables[0]?.goal?.text).toBe('完成助老服务');
    },
  );

  /** `年度总体目标 | <goal, merged B:D> | <completion, merged E:F>`, as a 自评表 without a heading row. */
  const box = (goal: string | null): Grid =>
    gridFromRows(
      '自评',
      [
        ['项目名称', '某项目'],
        ['年度资金总额', null, null, null, '全年预算数', 10],
        ['年度总体目标', goal, null, null, '已按计划完成全部保洁任务'],
        ...INDICATORS,
      ],
      {
        merges: [
          { top: 2, left: 1, bottom: 2, right: 3 },
          { top: 2, left: 4, bottom: 2, right: 5 },
        ],
      },
    );

  test('the goal’s merged box left empty, completion text past it: the goal is not written', () => {
    const { tables, findings } = checkGrids([box(null)]);
    expect(tables[0]?.goal?.text).toBe('');
    expect(findings.map((f) => `${f.rule}@${f.cell}`)).toContain('table/missing-field@B3');
  });

  test('near miss: the goal written in its box is read', () => {
    expect(checkGrids([box('完成道路保洁外包')]).tables[0]?.goal?.text).toBe('完成道路保洁外包');
  });
});

describe('this year’s column of a money grid left empty', () => {
  /** A 部门整体 money grid: 当年金额 | 占比 | 2021年 | 2022年, lines then their 合计. */
  const grid = (thisYear: (number | null)[]): Grid =>
    gridFromRows('s', [
      ['部门(单位)名称', '某某局'],
      ['资金情况', null, '当年金额', '占比', '2021年', '2022年'],
      [null, '财政拨款', thisYear[0] ?? null, '88.3%', 90147, 98577.39],
      [null, '其他资金', thisYear[1] ?? null, '11.7%', 5819, 10597.65],
      [null, '合计', thisYear[2] ?? null, '100%', 95966, 109175.04],
      ['年度绩效目标', '完成工作'],
      ...INDICATORS.map((r) => r.slice(1)),
    ]);

  test('the 合计’s cell left empty: the total is not written, never last year’s 109175.04', () => {
    const { tables, findings } = checkGrids([grid([108292.73, 14348.77, null])]);
    expect(tables[0]?.budget.total?.text ?? '').toBe('');
    expect(findings.map((f) => `${f.rule}@${f.cell}`)).toContain('table/missing-field@C5');
  });

  test('a part’s cell left empty: never that part’s figure of another year', () => {
    const { tables } = checkGrids([grid([null, 14348.77, 122641.5])]);
    expect(tables[0]?.budget.fiscal?.text ?? '').toBe('');
  });

  test('near miss: the column written is read', () => {
    const { tables } = checkGrids([grid([108292.73, 14348.77, 122641.5])]);
    expect([tables[0]?.budget.total?.text, tables[0]?.budget.fiscal?.text]).toEqual([
      '122641.5',
      '108292.73',
    ]);
  });
});

describe('a table whose indicators are named, nothing else written yet', () => {
  const form = (names: string[]): Grid =>
    gridFromRows('s', [
      ['项目名称', null],
      ['年度资金总额', null],
      ['年度绩效目标', null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ...names.map((n, i) => [i === 0 ? '产出指标' : null, i === 0 ? '数量指标' : null, n, null]),
    ]);

  test('is a table being filled in: each empty field draws its finding', () => {
    const { tables, findings } = checkGrids([form(['支持基础研究项目数', '支持重点实验室项目数'])]);
    expect(tables).toHaveLength(1);
    expect(findings.map((f) => `${f.rule}@${f.cell}`)).toContain('table/missing-field@B1');
  });

  test('near miss: a blank form’s own 指标1, 指标2 make no table', () => {
    expect(checkGrids([form(['指标1', '指标2'])]).tables).toHaveLength(0);
  });
});

describe('an empty row between indicators', () => {
  const HEAD = [
    ['项目名称', '某项目'],
    ['年度资金总额', 50],
    ['年度绩效目标', '完成工作'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '补助人数', '≥100人'],
    [null, '质量指标', '验收合格率', '≥95%'],
  ];
  const read = (after: (string | number | null)[][]) =>
    checkGrids([gridFromRows('s', [...HEAD, ...after])]).tables;

  test.each<[string, (string | null)[][]]>([
    [
      'one',
      [
        [],
        [null, '时效指标', '完成时间', '2025年12月底前'],
        ['效益指标', '社会效益指标', '受益人数', '≥100人'],
      ],
    ],
    ['two', [[], [], ['效益指标', '社会效益指标', '受益人数', '≥100人']]],
    ['one, before a category whose name is still to write', [[], ['效益指标', '经济效益指标', null, null]]],
  ])('%s: the block goes on, every indicator is read', (_, after) => {
    const tables = read(after);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.indicators.length).toBe(2 + after.filter((r) => r.length > 0).length);
  });

  test.each<[string, (string | null)[][]]>([
    ['three empty rows', [[], [], [], ['效益指标', '社会效益指标', '受益人数', '≥100人']]],
    ['a note', [[], ['注：指标值请填写可量化的数值。']]],
    ['prose under the table', [[], ['项目实施后将惠及全县困难群众，具体情况见附件说明材料。']]],
  ])('near miss, %s after it: the block ends there', (_, after) => {
    const tables = read(after);
    expect(tables[0]?.indicators.map((i) => i.name.text)).toEqual(['补助人数', '验收合格率']);
  });

  test('near miss: a new table after it begins there', () => {
    const tables = read([[], ...HEAD.map((r) => r.map((c) => (c === '某项目' ? '另一项目' : c)))]);
    expect(tables.map((t) => [t.name?.text, t.indicators.length])).toEqual([
      ['某项目', 2],
      ['另一项目', 2],
    ]);
  });
});

describe('a goal under a section heading, or by category', () => {
  test('年度绩效目标 heading a section over `*年度绩效总目标 | text`: the goal is the line’s text', () => {
    const grid = gridFromRows(
      's',
      [
        ['部门(单位)名称', '某某局'],
        ['年度绩效目标'],
        ['*年度绩效总目标', '保证职能实现，保障人员经费。'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '保障在职职工人数', '=116人'],
      ],
      { merges: [{ top: 1, left: 0, bottom: 1, right: 3 }] },
    );
    const { tables, findings } = checkGrids([grid]);
    expect(tables[0]?.goal?.text).toBe('保证职能实现，保障人员经费。');
    expect(findings.map((f) => f.rule)).not.toContain('table/missing-field');
  });

  test('`年度绩效总目标 | 产出指标 | text`, a line per 一级: the goal is the text, not the category', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目名称', '某项目', '预算金额', '36万元'],
        ['年度绩效总目标', '产出指标', '开展文物安全巡查8次'],
        [null, '效益指标', '宣传覆盖≥20万人次'],
      ],
      { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] },
    );
    expect(checkGrids([grid]).tables[0]?.goal?.text).toBe('开展文物安全巡查8次');
  });
});

describe('an empty goal box over the next block’s heading line', () => {
  const grid = (goal: string | null): Grid =>
    gridFromRows(
      's',
      [
        ['项目名称', '再生资源回收市场管理经费'],
        ['年度资金总额', 3],
        ['年度目标', goal, null, null],
        ['绩效指标（权重分值90分，其中产出指标50分）'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '聘用人员', '=1人'],
      ],
      {
        merges: [
          { top: 2, left: 1, bottom: 2, right: 3 },
          { top: 3, left: 0, bottom: 3, right: 3 },
        ],
      },
    );

  test('the goal is not written: never the heading line under it', () => {
    const { tables, findings } = checkGrids([grid(null)]);
    expect(tables[0]?.goal?.text).toBe('');
    expect(findings.map((f) => `${f.rule}@${f.cell}`)).toContain('table/missing-field@B3');
  });

  test('near miss: the goal written in its box is read', () => {
    expect(checkGrids([grid('规范建设回收网点')]).tables[0]?.goal?.text).toBe('规范建设回收网点');
  });
});
