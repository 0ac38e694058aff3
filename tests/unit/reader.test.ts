import { toA1 } from '../../src/domain/address';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readGrid, readWorkbook } from '../../src/domain/reader';
import type { Field, TargetTable } from '../../src/domain/types';
import { SEED_TABLES, SEED_UNIT } from '../fixtures/seed-data';
import { seedPastedGrid, seedStandardGrids } from '../fixtures/seed-grids';
import { stackedGrid, templateGrid, type TableInput } from '../fixtures/table-builder';

const at = (f: Field | undefined) => (f ? [f.cell, f.text] : undefined);

const INPUT: TableInput = {
  unit: '207002某某局',
  code: 'P-001',
  name: '值班接访',
  total: 33,
  fiscal: 30,
  other: 3,
  usage: '接访劝返',
  plan: [20, 50, null, 100],
  goal: '确保不出现越级集体访',
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '接访人次',
      description: '全年接访',
      value: '≥100人次',
      basis: '计划标准',
    },
    { level2: '时效指标', name: '劝返时间', value: '≤48小时' },
    {
      level1: '效果指标',
      level2: '社会效益指标',
      name: '越级信访事件处理率',
      value: '≥80%',
      basis: '历史标准',
    },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '信访人满意度', value: '≥90%' },
  ],
};

/** Every located cell of a table, as [A1, text] pairs, for comparing whole tables at once. */
function cells(t: TargetTable) {
  return {
    title: at(t.title),
    code: at(t.code),
    name: at(t.name),
    total: at(t.budget.total),
    fiscal: at(t.budget.fiscal),
    other: at(t.budget.other),
    usage: at(t.usage),
    goal: at(t.goal),
    plan: t.plan.map(at),
    header: at(t.indicatorHeader),
  };
}

describe('a template table read back', () => {
  test('every field keeps its cell and text', () => {
    const [t] = readGrid(templateGrid('值班接访', INPUT));
    expect(t.sheet).toBe('值班接访');
    expect(t.range).toBe('A1:G13');
    expect([t.top, t.left, t.bottom, t.right]).toEqual([0, 0, 12, 6]);
    expect(t.unit).toBe('207002某某局');
    expect(t.moneyScale).toBe(1);
    expect(t.profile).toBe('hebei-2019');
    expect(cells(t)).toEqual({
      title: ['A1', '项目绩效目标表'],
      code: ['B3', 'P-001'],
      name: ['E3', '值班接访'],
      total: ['C4', '33'],
      fiscal: ['E4', '30'],
      other: ['G4', '3'],
      usage: ['B5', '接访劝返'],
      goal: ['B8', '确保不出现越级集体访'],
      plan: [
        ['B7', '20'],
        ['C7', '50'],
        ['D7', ''],
        ['E7', '100'],
      ],
      header: ['A9', '一级指标'],
    });
    expect(t.budget.total?.raw).toEqual({ value: 33, numberFormat: '0.00' });
    expect(t.plan[2].raw).toBeUndefined();
    expect(t.columns).toEqual({ description: true, basis: true });
    expect(t.notes).toEqual([]);
    expect(
      t.indicators.map((i) => [
        i.row,
        i.level1.cell,
        i.level1.text,
        i.level1.inherited,
        i.level2.cell,
        i.level2.text,
        i.name.cell,
        i.name.text,
        i.description?.cell,
        i.value.cell,
        i.valueText,
        i.basis?.cell,
        i.basis?.text,
      ]),
    ).toEqual([
      [
        9,
        'A10',
        '产出指标',
        false,
        'B10',
        '数量指标',
        'C10',
        '接访人次',
        'D10',
        'F10',
        '≥100人次',
        'G10',
        '计划标准',
      ],
      [10, 'A10', '产出指标', true, 'B11', '时效指标', 'C11', '劝返时间', 'D11', 'F11', '≤48小时', 'G11', ''],
      [
        11,
        'A12',
        '效果指标',
        false,
        'B12',
        '社会效益指标',
        'C12',
        '越级信访事件处理率',
        'D12',
        'F12',
        '≥80%',
        'G12',
        '历史标准',
      ],
      [
        12,
        'A13',
        '满意度指标',
        false,
        'B13',
        '服务对象满意度指标',
        'C13',
        '信访人满意度',
        'D13',
        'F13',
        '≥90%',
        'G13',
        '',
      ],
    ]);
  });

  test('an empty label value gives a Field at the cell where the user would type', () => {
    const [t] = readGrid(templateGrid('新项目', {}));
    for (const f of [t.code, t.name, t.budget.total, t.budget.fiscal, t.budget.other, t.goal, ...t.plan]) {
      expect(f).toBeDefined();
      expect(f?.raw).toBeUndefined();
      expect(f?.text).toBe('');
    }
    expect([t.code?.cell, t.name?.cell, t.budget.total?.cell, t.goal?.cell]).toEqual([
      'B3',
      'E3',
      'C4',
      'B8',
    ]);
    // The preset rows: one per 二级, 一级 and 二级 filled, nothing else.
    expect(t.indicators).toHaveLength(9);
    expect(t.indicators.map((i) => i.level2.text)).toContain('生态效益指标');
    expect(t.indicators.every((i) => i.name.text === '' && i.value.text === '')).toBe(true);
    expect(t.range).toBe('A1:G18');
  });

  test('the template read wherever it starts: row 21, column D', () => {
    const [t] = readGrid(templateGrid('s', INPUT, { top: 20, left: 3 }));
    expect(t.range).toBe('D21:J33');
    expect(cells(t)).toEqual({
      title: ['D21', '项目绩效目标表'],
      code: ['E23', 'P-001'],
      name: ['H23', '值班接访'],
      total: ['F24', '33'],
      fiscal: ['H24', '30'],
      other: ['J24', '3'],
      usage: ['E25', '接访劝返'],
      goal: ['E28', '确保不出现越级集体访'],
      plan: [
        ['E27', '20'],
        ['F27', '50'],
        ['G27', ''],
        ['H27', '100'],
      ],
      header: ['D29', '一级指标'],
    });
    expect(t.indicators.map((i) => [i.level1.cell, i.name.cell, i.value.cell, i.basis?.cell])).toEqual([
      ['D30', 'F30', 'I30', 'J30'],
      ['D30', 'F31', 'I31', 'J31'],
      ['D32', 'F32', 'I32', 'J32'],
      ['D33', 'F33', 'I33', 'J33'],
    ]);
  });

  test('a 万元 template gives moneyScale 1; a table in 元 gives 0.0001', () => {
    const grid = templateGrid('s', INPUT);
    expect(readGrid(grid)[0].moneyScale).toBe(1);
    const yuan = {
      ...grid,
      cells: grid.cells.map((row) =>
        row.map((c) => (c?.value === '单位：万元' ? { value: '金额单位:元' } : c)),
      ),
    };
    expect(readGrid(yuan)[0].moneyScale).toBe(0.0001);
  });
});

describe('several tables on one sheet', () => {
  const second: TableInput = {
    ...INPUT,
    code: 'P-002',
    name: '驻京值班',
    total: 20,
    fiscal: 20,
    other: null,
  };

  test.each([1, 0])('two templates stacked, %i empty row(s) apart', (gap) => {
    const tables = readGrid(stackedGrid('Sheet1', [INPUT, second], { gap }));
    expect(tables).toHaveLength(2);
    const top2 = 13 + gap;
    expect(tables.map((t) => t.range)).toEqual(['A1:G13', `A${top2 + 1}:G${top2 + 13}`]);
    expect(tables.map((t) => [t.code?.cell, t.code?.text])).toEqual([
      ['B3', 'P-001'],
      [`B${top2 + 3}`, 'P-002'],
    ]);
    expect(tables[1].budget.total?.cell).toBe(`C${top2 + 4}`);
    expect(tables[1].budget.other).toMatchObject({ cell: `G${top2 + 4}`, text: '' });
    // The first block stops before the second table's title: four indicators each.
    expect(tables.map((t) => t.indicators.length)).toEqual([4, 4]);
    expect(tables[1].title?.cell).toBe(`A${top2 + 1}`);
  });
});

describe('the seed document', () => {
  const expectSeed = (tables: TargetTable[]) => {
    expect(tables).toHaveLength(6);
    expect(tables.map((t) => t.code?.text)).toEqual([
      '207-0401-YBN-3HDD',
      '207-0401-YBN-TK6U',
      '207-0401-YBN-5ST4',
      '207-0401-YBN-UQZG',
      '207-0401-YBN-HHIM',
      '207-0401-YBN-NTO4',
    ]);
    expect(tables.map((t) => t.name?.text)).toEqual(SEED_TABLES.map((s) => s.name));
    expect(
      tables.map((t) => [t.budget.total?.raw?.value, t.budget.fiscal?.raw?.value, t.budget.other?.text]),
    ).toEqual([
      [10, 10, ''],
      [16.35, 16.35, ''],
      [2.65, 2.65, ''],
      [20, 20, ''],
      [33, 33, ''],
      [20, 20, ''],
    ]);
    expect(tables.map((t) => t.plan.map((f) => (f.raw ? f.raw.value : null)))).toEqual([
      [20, 50, 85, 100],
      [null, null, null, 100],
      [null, null, 100, 100],
      [25, 50, 80, 100],
      [20, 50, 80, 100],
      [20, 50, 80, 100],
    ]);
    expect(tables.map((t) => t.indicators.length)).toEqual([6, 6, 6, 6, 6, 6]);
    expect(
      tables.every((t) => t.unit === SEED_UNIT && t.moneyScale === 1 && t.profile === 'hebei-2019'),
    ).toBe(true);
    expect(tables.flatMap((t) => t.notes)).toEqual([]);
  };

  test('one sheet per project, each in the template layout', () => {
    const tables = readWorkbook(seedStandardGrids());
    expectSeed(tables);
    expect(tables.map((t) => `${t.sheet}!${t.range}`)).toEqual([
      '群众工作中心运行!A1:G15',
      '信访局办公场所运行费!A1:G15',
      '信访网络运行维护费!A1:G15',
      '疑难信访资金!A1:G15',
      '值班接访!A1:G15',
      '驻京值班!A1:G15',
    ]);
    // Project 4's 疑难信访案件处理率 = 75% sits in F12, where the finding will point.
    const p4 = tables[3].indicators.find((i) => i.name.text === '疑难信访案件处理率');
    expect([p4?.value.cell, p4?.valueText]).toEqual(['F12', '75%']);
    const p6 = tables[5].indicators.find((i) => i.name.text === '到京信访事件处理率');
    expect([p6?.value.cell, p6?.valueText, p6?.level1.text, p6?.level2.text]).toEqual([
      'F13',
      '≤20万元',
      '效果指标',
      '社会效益指标',
    ]);
  });

  test('all six pasted from Word onto one sheet', () => {
    const tables = readGrid(seedPastedGrid());
    expectSeed(tables);
    expect(tables.map((t) => t.range)).toEqual([
      'A1:G15',
      'A17:G31',
      'A33:G47',
      'A49:G63',
      'A65:G79',
      'A81:G95',
    ]);
    expect(tables.map((t) => [t.title?.cell, t.title?.text])).toEqual(
      SEED_TABLES.map((s, i) => [`A${1 + 16 * i}`, `${i + 1}、${s.name}绩效目标表`]),
    );
    const t5 = tables[4];
    expect([t5.code?.cell, t5.budget.total?.cell, t5.plan[0].cell, t5.goal?.cell]).toEqual([
      'B67',
      'C68',
      'B71',
      'B72',
    ]);
    expect(
      t5.indicators.map((i) => [
        i.level1.cell,
        i.level1.text,
        i.level1.inherited,
        i.level2.cell,
        i.level2.text,
        i.value.cell,
      ]),
    ).toEqual([
      ['A74', '产出指标', false, 'B74', '成本指标', 'F74'],
      ['A74', '产出指标', true, 'B75', '数量指标', 'F75'],
      ['A74', '产出指标', true, 'B76', '时效指标', 'F76'],
      ['A77', '效果指标', false, 'B77', '社会效益指标', 'F77'],
      ['A77', '效果指标', true, 'B78', '可持续影响指标', 'F78'],
      ['A79', '满意度指标', false, 'B79', '服务对象满意度指标', 'F79'],
    ]);
  });
});

describe('what the reader could not find', () => {
  test('a table whose 项目名称 label is missing is still read, with a note where the label should be', () => {
    const grid = templateGrid('s', INPUT);
    grid.cells[2][3] = undefined;
    const [t] = readGrid(grid);
    expect(t.name).toBeUndefined();
    expect(t.notes).toEqual([{ what: 'name', cell: 'D3' }]);
    expect(t.code?.cell).toBe('B3');
    expect(t.budget.total?.text).toBe('33');
    expect(t.indicators).toHaveLength(4);
  });

  test('a table without plan, goal and indicator block says where it looked', () => {
    const grid = gridFromRows('s', [
      ['项目编码', 'X-1', null, '项目名称', '只有预算'],
      [null, '预算数', 5, '其中：财政资金', 5, '其他资金', null],
    ]);
    const [t] = readGrid(grid);
    expect(t.name?.text).toBe('只有预算');
    expect(t.budget.total?.cell).toBe('C2');
    expect(t.plan).toEqual([]);
    expect(t.indicators).toEqual([]);
    expect(t.notes.map((n) => n.what)).toEqual(['plan', 'goal', 'indicators']);
    expect(t.notes.find((n) => n.what === 'indicators')?.cell).toBe('A3');
    expect(t.range).toBe('A1:G2');
  });

  test('a sheet of #REF! errors gives no table and no crash', () => {
    const err = { value: '#REF!', error: true };
    const grid = gridFromRows(
      '坏表',
      Array.from({ length: 30 }, () => Array.from({ length: 10 }, () => err)),
    );
    expect(readGrid(grid)).toEqual([]);
  });

  test('error values inside a table are kept as they are, for the rules to report', () => {
    const [t] = readGrid(
      templateGrid('s', {
        ...INPUT,
        total: { value: '#REF!', error: true },
        plan: [{ value: '#DIV/0!', error: true }, 50, 80, 100],
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '接访人次', value: { value: '#N/A', error: true } },
        ],
      }),
    );
    expect(t.budget.total).toMatchObject({ cell: 'C4', text: '#REF!', raw: { value: '#REF!', error: true } });
    expect(t.plan[0]).toMatchObject({ cell: 'B7', text: '#DIV/0!' });
    expect(t.indicators[0].value).toMatchObject({ cell: 'F10', text: '#N/A' });
  });

  test('a merge over a whole column neither hangs nor confuses the reader', () => {
    const grid = templateGrid('s', INPUT);
    grid.merges.push({ top: 0, left: 10, bottom: 1048575, right: 12 });
    expect(readGrid(grid).map((t) => [t.range, t.indicators.length])).toEqual([['A1:G13', 4]]);
  });

  test('many tables on one sheet are all found, each with its own rows', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...INPUT, code: `P-${i}` }));
    const tables = readGrid(stackedGrid('s', many));
    expect(tables).toHaveLength(200);
    expect(tables[199].code).toMatchObject({ text: 'P-199', cell: `B${199 * 14 + 3}` });
    expect(tables.every((t) => t.indicators.length === 4 && t.notes.length === 0)).toBe(true);
  });

  test('empty and odd sheets give nothing', () => {
    expect(readGrid(gridFromRows('空', []))).toEqual([]);
    expect(
      readGrid(
        gridFromRows('杂', [
          [true, 3.5, '项目绩效目标表'],
          [null, { value: 45000, date: true }],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('layouts the template did not make', () => {
  /** A province-style table in 元: split comparator/unit columns, 年度指标值, merged 一级 cells. */
  function foreign(): Grid {
    const rows = [
      ['XX项目绩效目标申报表'],
      ['填报单位：某某局', null, null, null, null, null, '金额单位:元'],
      ['项目名称', '办公楼维修', null, null, '项目编码', null, 'WX-9'],
      ['年度资金总额', 120000, null, '财政拨款', 100000, '其他资金', 20000],
      ['资金支出计划', '3月', '6月', '10月', '12月'],
      [null, 0, 30, 60, 100],
      ['年度绩效目标', '完成维修'],
      ['一级指标', '二级指标', '三级指标', '指标性质', '年度指标值', '计量单位', '绩效标准'],
      ['产出指标', '数量指标', '维修面积', '≥', 1200, '平方米', '计划标准'],
      [null, '质量指标', '验收合格率', '＝', 100, '%', '行业标准'],
      ['效益指标', '社会效益', '群众投诉次数', '≤', 2, '次', null],
      ['满意度指标', '服务对象满意度指标', '使用人满意度', '≥', 90, '%', null],
      [],
      ['备注：本表一式两份'],
    ];
    return gridFromRows('外省表', rows, {
      top: 4,
      left: 1,
      merges: [{ top: 12, left: 1, bottom: 13, right: 1 }],
    });
  }

  test('labels found wherever they sit, values right of them, amounts in 元', () => {
    const [t] = readGrid(foreign());
    expect(t.range).toBe('B5:H16');
    expect(t.title).toMatchObject({ cell: 'B5', text: 'XX项目绩效目标申报表' });
    expect(t.unit).toBe('某某局');
    expect(t.moneyScale).toBe(0.0001);
    expect(cells(t)).toMatchObject({
      code: ['H7', 'WX-9'],
      name: ['C7', '办公楼维修'],
      total: ['C8', '120000'],
      fiscal: ['F8', '100000'],
      other: ['H8', '20000'],
      goal: ['C11', '完成维修'],
      plan: [
        ['C10', '0'],
        ['D10', '30'],
        ['E10', '60'],
        ['F10', '100'],
      ],
      header: ['B12', '一级指标'],
    });
    expect(t.columns).toEqual({ description: false, basis: true });
    expect(t.profile).toBe('hebei-2019');
    expect(
      t.indicators.map((i) => [
        i.level1.text,
        i.level1.inherited,
        i.level2.text,
        i.value.cell,
        i.valueText,
        i.comparator?.cell,
        i.unit?.cell,
      ]),
    ).toEqual([
      ['产出指标', false, '数量指标', 'F13', '≥1200平方米', 'E13', 'G13'],
      ['产出指标', true, '质量指标', 'F14', '＝100%', 'E14', 'G14'],
      ['效益指标', false, '社会效益', 'F15', '≤2次', 'E15', 'G15'],
      ['满意度指标', false, '服务对象满意度指标', 'F16', '≥90%', 'E16', 'G16'],
    ]);
    // The block ends at the empty row: the remark below is not an indicator.
    expect(t.bottom).toBe(15);
  });

  test('a merged 一级 continues down; a row whose 一级 cell holds a 二级 is shifted left', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目名称', '甲'],
        ['一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据'],
        ['产出指标', '数量指标', '培训人数', '≥100人', '计划标准'],
        [null, '质量指标', '合格率', '≥95%', '行业标准'],
        ['时效指标', '完成时间', '≤12月', '计划标准'],
        ['成本指标', '经济成本指标', '培训经费', '≤5万元', '预算支出标准'],
      ],
      { merges: [{ top: 2, left: 0, bottom: 3, right: 0 }] },
    );
    const [t] = readGrid(grid, { profile: 'auto' });
    expect(t.profile).toBe('mof-2021');
    expect(
      t.indicators.map((i) => [
        i.level1.cell,
        i.level1.text,
        i.level1.inherited,
        i.level2.cell,
        i.level2.text,
        i.name.cell,
        i.name.text,
        i.value.cell,
        i.value.text,
        i.basis?.text,
      ]),
    ).toEqual([
      ['A3', '产出指标', false, 'B3', '数量指标', 'C3', '培训人数', 'D3', '≥100人', '计划标准'],
      ['A3', '产出指标', true, 'B4', '质量指标', 'C4', '合格率', 'D4', '≥95%', '行业标准'],
      ['A3', '产出指标', true, 'A5', '时效指标', 'B5', '完成时间', 'C5', '≤12月', '计划标准'],
      ['A6', '成本指标', false, 'B6', '经济成本指标', 'C6', '培训经费', 'D6', '≤5万元', '预算支出标准'],
    ]);
    expect(readGrid(grid, { profile: 'mof-2015' })[0].profile).toBe('mof-2015');
    expect(t.notes.map((n) => n.what)).toEqual(['code', 'budget', 'plan', 'goal']);
  });

  test('an indicator block without 项目名称/项目编码 above it is still a table', () => {
    const grid = gridFromRows('s', [
      ['一级指标', '二级指标', '三级指标', '目标值'],
      ['产出指标', '数量指标', '培训人数', '≥100人'],
    ]);
    const [t] = readGrid(grid);
    expect(t.indicators.map((i) => [i.value.cell, i.valueText])).toEqual([['D2', '≥100人']]);
    expect(t.notes.map((n) => n.what)).toEqual(['name', 'code', 'budget', 'plan', 'goal']);
  });

  test("the add-in's own sheets are never read as tables", () => {
    const summary = { ...templateGrid('汇总', INPUT), internal: true };
    const list = {
      ...gridFromRows('_绩效指标列表', [['产出指标', '数量指标']]),
      internal: true,
      hidden: true,
    };
    expect(readWorkbook([summary, list, templateGrid('值班接访', INPUT)]).map((t) => t.sheet)).toEqual([
      '值班接访',
    ]);
  });

  test('a value cell separated from its label by an empty cell is still found', () => {
    const grid = gridFromRows('s', [['项目名称', null, '乙', '项目编码', 'Y-2']]);
    const [t] = readGrid(grid);
    expect([at(t.name), at(t.code)]).toEqual([
      ['C1', '乙'],
      ['E1', 'Y-2'],
    ]);
  });
});

test('toA1 agrees with the cells the reader reports', () => {
  const [t] = readGrid(templateGrid('s', INPUT, { top: 5 }));
  for (const f of [t.code, t.name, ...t.plan]) expect(f && toA1(f.row, f.col)).toBe(f?.cell);
});
