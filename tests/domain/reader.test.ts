import { toA1 } from '../../src/domain/address';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readGrid, readWorkbook } from '../../src/domain/reader';
import { budgetLines, type Field, type TargetTable } from '../../src/domain/types';
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
    expect(t.reportingUnit).toBe('207002某某局');
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
    expect(t.columns).toEqual({ description: true, basis: true, levels: 'full' });
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

describe('tables side by side', () => {
  /** Two grids on one sheet, the second's cells where it says they are. */
  function beside(a: Grid, b: Grid): Grid {
    const rows = Math.max(a.cells.length, b.cells.length);
    const cells = Array.from({ length: rows }, (_, r) => {
      const line: Grid['cells'][number][number][] = [];
      (a.cells[r] ?? []).forEach((c, i) => (line[a.left + i] = c));
      (b.cells[r] ?? []).forEach((c, i) => (line[b.left + i] = c));
      return Array.from({ length: line.length }, (_, i) => line[i]);
    });
    return { sheet: a.sheet, top: 0, left: 0, cells, merges: [...a.merges, ...b.merges] };
  }

  test('two projects next to each other are two tables, each with its own cells', () => {
    const second = { ...INPUT, code: 'P-002', name: '驻京值班', total: 20, fiscal: 20, other: null };
    const tables = readGrid(beside(templateGrid('对比', INPUT), templateGrid('对比', second, { left: 8 })));
    expect(
      tables.map((t) => [t.range, t.code?.cell, t.code?.text, t.budget.total?.cell, t.indicators.length]),
    ).toEqual([
      ['A1:G13', 'B3', 'P-001', 'C4', 4],
      ['I1:O13', 'J3', 'P-002', 'K4', 4],
    ]);
    expect(tables[1].indicators.map((i) => i.value.cell)).toEqual(['N10', 'N11', 'N12', 'N13']);
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
      tables.every((t) => t.reportingUnit === SEED_UNIT && t.moneyScale === 1 && t.profile === 'hebei-2019'),
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

  test('a merge over the whole sheet keeps the table and its notes on the sheet', () => {
    const grid = templateGrid('s', INPUT);
    grid.merges.push({ top: 0, left: 0, bottom: 1048575, right: 16383 });
    // Without its 指标值 header, the value column is looked for right of the others: the sheet's edge.
    grid.cells[8][5] = { value: false };
    for (const t of readGrid(grid)) {
      expect(t.right).toBeLessThanOrEqual(16383);
      expect(t.range).not.toMatch(/XFE|1048577/);
      for (const n of t.notes) expect(n.cell).not.toMatch(/XFE|1048577/);
    }
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
    expect(t.reportingUnit).toBe('某某局');
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
    expect(t.columns).toEqual({ description: false, basis: true, levels: 'full' });
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
    const grid = gridFromRows('s', [
      ['项目名称', null, '乙', '项目编码', 'Y-2'],
      ['预算数', null, 5],
    ]);
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

describe('labels in their regional variants', () => {
  /** A small table: name, a budget line, a goal, then the indicator header and rows as given. */
  const small = (
    header: (string | null)[],
    rows: (string | number | null)[][],
    budget?: (string | number | null)[],
  ) =>
    gridFromRows('s', [
      ['项目名称', '甲项目', '项目编码', 'J-1'],
      budget ?? ['预算数', 10, '其中：财政资金', 10, '其他资金', null],
      ['绩效目标', '完成'],
      header,
      ...rows,
    ]);

  test.each([
    '指标值',
    '指标值及单位',
    '年度指标值',
    '年度(/项目)指标值',
    '年度（/项目）指标值',
    '目标值',
    '当年预期实现值',
  ])('value column %s', (label) => {
    const [t] = readGrid(
      small(['一级指标', '二级指标', '三级指标', label], [['产出指标', '数量指标', '培训人数', '≥100人']]),
    );
    expect([t.indicators[0].value.cell, t.indicators[0].valueText]).toEqual(['D5', '≥100人']);
    expect(t.notes.map((n) => n.what)).toEqual(['plan']);
  });

  test.each([
    ['指标值确定依据', '绩效指标描述'],
    ['绩效标准', '指标解释'],
    ['评价标准', '绩效指标描述'],
  ])('basis column %s, description column %s', (basis, description) => {
    const [t] = readGrid(
      small(
        ['一级指标', '二级指标', '三级指标', description, '指标值', basis],
        [['产出指标', '数量指标', '培训人数', '参训人数', '≥100人', '计划标准']],
      ),
    );
    const ind = t.indicators[0];
    expect([at(ind.description), at(ind.value), at(ind.basis), t.columns]).toEqual([
      ['D5', '参训人数'],
      ['E5', '≥100人'],
      ['F5', '计划标准'],
      { description: true, basis: true, levels: 'full' },
    ]);
  });

  test.each([
    ['指标性质', '计量单位'],
    ['计算符号', '度量单位'],
    ['符号', '单位'],
  ])('value split over %s | 指标值 | %s', (comparator, unit) => {
    const [t] = readGrid(
      small(
        ['一级指标', '二级指标', '三级指标', comparator, '指标值', unit, '权重', '分值', '指标方向性'],
        [
          ['产出指标', '数量指标', '培训人数', '≥', 100, '人', 30, 30, '正向'],
          ['满意度指标', '服务对象满意度指标', '学员满意度', '≥', '90%', '%', 20, 20, '正向'],
        ],
      ),
    );
    expect(t.indicators.map((i) => [at(i.comparator), at(i.value), at(i.unit), i.valueText])).toEqual([
      [['D5', '≥'], ['E5', '100'], ['F5', '人'], '≥100人'],
      // A value cell that already carries its unit keeps it once.
      [['D6', '≥'], ['E6', '90%'], ['F6', '%'], '≥90%'],
    ]);
    expect(t.range).toBe('A1:I6');
  });

  test.each([
    ['预算数', '其中：财政资金'],
    ['年度资金申请总额', '财政拨款'],
    ['年度资金总额', '其中：财政拨款'],
    ['预算金额', '其中:当年财政拨款'],
  ])('budget labelled %s with %s', (total, fiscal) => {
    const [t] = readGrid(
      small(['一级指标', '二级指标', '三级指标', '指标值'], [], [total, 12, fiscal, 10, '其他资金', 2]),
    );
    expect([at(t.budget.total), at(t.budget.fiscal), at(t.budget.other)]).toEqual([
      ['B2', '12'],
      ['D2', '10'],
      ['F2', '2'],
    ]);
  });

  test('this year’s funds rather than the project period’s, on two lines', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['项目名称', '三年项目'],
        ['项目资金总额', 300, '其中：财政拨款', 240, '其他资金', 60],
        ['年度资金总额', 100, '其中：财政拨款', 80, '其他资金', 20],
      ]),
    );
    expect([at(t.budget.total), at(t.budget.fiscal), at(t.budget.other)]).toEqual([
      ['B3', '100'],
      ['D3', '80'],
      ['F3', '20'],
    ]);
  });

  test('上年结转 is read as its own part of the budget, one label under the other', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['项目名称', '续建项目'],
        ['项目资金（万元）', '年度资金总额', 50],
        [null, '其中：财政拨款', 30],
        [null, '上年结转', 15],
        [null, '其他资金', 5],
      ]),
    );
    expect([
      at(t.budget.total),
      at(t.budget.fiscal),
      at(t.budget.carryover),
      at(t.budget.other),
      t.moneyScale,
    ]).toEqual([['C2', '50'], ['C3', '30'], ['C4', '15'], ['C5', '5'], 1]);
  });

  test('a grid of 项目期 and 年度 columns is read down the year’s column', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['项目名称', '三年项目'],
        [null, null, '项目期资金总额', '年度资金总额'],
        [null, '资金总额', 300, 100],
        [null, '其中：财政拨款', 240, 80],
        [null, '其他资金', 60, 20],
      ]),
    );
    expect([at(t.budget.total), at(t.budget.fiscal), at(t.budget.other)]).toEqual([
      ['D3', '100'],
      ['D4', '80'],
      ['D5', '20'],
    ]);
  });

  test('the goal under a 年度目标 column header', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['项目名称', '三年项目'],
        ['总体目标', '中期目标', '年度目标'],
        [null, '三年建成', '今年完成一期'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
      ]),
    );
    expect(at(t.goal)).toEqual(['C3', '今年完成一期']);
  });
});

describe('amounts in 元', () => {
  const withHead = (head: (string | null)[][]) =>
    gridFromRows('s', [
      ...head,
      ['项目名称', '甲', '项目编码', 'J-1'],
      ['预算数', 120000, '其中：财政资金', 120000],
    ]);

  test.each([
    ['单位：元', () => withHead([[null, null, null, '单位：元']])],
    [
      '金额单位:元 under the title',
      () => withHead([['XX项目绩效目标表'], [null, null, null, '金额单位:元']]),
    ],
    ['（元）', () => withHead([[null, null, null, '（元）']])],
    ['单位:元 beside 填报单位', () => withHead([['填报单位：某局', null, null, '单位:元']])],
    ['one cell for unit and money unit', () => withHead([['填报单位：某某局      金额单位：元']])],
    [
      'in the budget label',
      () =>
        gridFromRows('s', [
          ['项目名称', '甲'],
          ['年度资金总额（元）', 120000, '财政拨款', 120000],
        ]),
    ],
  ])('%s → moneyScale 0.0001', (_what, grid) => {
    expect(readGrid(grid())[0].moneyScale).toBe(0.0001);
  });

  test('a unit line in 万元, and a county whose name begins with 元, stay 万元', () => {
    expect(readGrid(withHead([[null, null, null, '单位：万元']]))[0].moneyScale).toBe(1);
    const [t] = readGrid(withHead([['填报单位：元氏县财政局']]));
    expect([t.moneyScale, t.reportingUnit]).toEqual([1, '元氏县财政局']);
  });

  test('a unit inside longer text neither changes the amounts’ unit nor ends the indicator block', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        [null, null, null, '单位：万元'],
        ['项目名称', '困难群众救助', '项目编码', 'J-1'],
        ['预算数', 12, '其中：财政资金', 12],
        ['资金用途', '按每人每月300元（单位：元）的标准发放救助金，全年约400人次'],
        ['一级指标', '二级指标', '三级指标', '指标值', '绩效指标描述'],
        ['产出指标', '数量指标', '救助人次', '≥400人次', '全年救助人次'],
        ['产出指标', '成本指标', '人均救助标准', '≤300元', '每人每月（单位：元）'],
        ['满意度指标', '服务对象满意度指标', '受助群众满意度', '≥90%', '抽样回访'],
      ]),
    );
    expect([t.moneyScale, t.indicators.length, t.usage?.cell]).toEqual([1, 3, 'B4']);
  });

  test('the unit line keeps the unit’s name without its money unit', () => {
    const [t] = readGrid(withHead([['填报单位：某某局      金额单位：元']]));
    expect([t.reportingUnit, t.range]).toEqual(['某某局', 'A1:D3']);
  });

  test('the 元 of one table does not leak into the next on the same sheet', () => {
    const tables = readGrid(
      gridFromRows('s', [
        [null, null, null, '单位：元'],
        ['项目名称', '甲', '项目编码', 'J-1'],
        ['预算数', 120000, '其中：财政资金', 120000],
        [],
        [null, null, null, '单位：万元'],
        ['项目名称', '乙', '项目编码', 'J-2'],
        ['预算数', 12, '其中：财政资金', 12],
      ]),
    );
    expect(tables.map((t) => [t.code?.text, t.moneyScale])).toEqual([
      ['J-1', 0.0001],
      ['J-2', 1],
    ]);
  });
});

describe('成本指标 in the 一级 column: a mof-2021 一级 or a shifted hebei-2019 row', () => {
  const table = (rows: (string | null)[][], profile?: 'auto' | 'hebei-2019' | 'mof-2021') =>
    readGrid(
      gridFromRows('s', [
        ['项目名称', '培训项目'],
        ['一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据'],
        ['产出指标', '数量指标', '培训人数', '≥100人', '计划标准'],
        ...rows,
      ]),
      { profile },
    )[0];
  const row = (t: TargetTable) => {
    const i = t.indicators[1];
    return [i.level1.text, i.level1.inherited, at(i.level2), at(i.name), at(i.value)];
  };

  test('beside a mof-2021 成本 二级 it is a 一级, and the table is mof-2021', () => {
    const t = table([['成本指标', '经济成本指标', '培训经费', '≤5万元', '预算支出标准']]);
    expect(t.profile).toBe('mof-2021');
    expect(row(t)).toEqual(['成本指标', false, ['B4', '经济成本指标'], ['C4', '培训经费'], ['D4', '≤5万元']]);
  });

  test('beside a 三级 name it is the 二级 of a row shifted left, and the table stays hebei-2019', () => {
    const t = table([['成本指标', '培训经费', '≤5万元', '预算支出标准']]);
    expect(t.profile).toBe('hebei-2019');
    expect(row(t)).toEqual(['产出指标', true, ['A4', '成本指标'], ['B4', '培训经费'], ['C4', '≤5万元']]);
    expect(t.indicators[1].basis?.cell).toBe('D4');
  });

  test('beside a blank 二级 it is a 一级', () => {
    const t = table([['成本指标', null, '培训经费', '≤5万元', '预算支出标准']]);
    expect([t.profile, ...row(t)]).toEqual([
      'mof-2021',
      '成本指标',
      false,
      ['B4', ''],
      ['C4', '培训经费'],
      ['D4', '≤5万元'],
    ]);
  });

  test('in a table where 成本指标 is a 一级 elsewhere, a 三级 name beside it does not make the row shifted', () => {
    const t = table([
      ['成本指标', '经济成本指标', '培训经费', '≤5万元', '预算支出标准'],
      ['成本指标', '场地租金', '≤1万元', null, '预算支出标准'],
    ]);
    const third = t.indicators[2];
    expect([t.profile, third.level1.text, at(third.level2), at(third.name)]).toEqual([
      'mof-2021',
      '成本指标',
      ['B5', '场地租金'],
      ['C5', '≤1万元'],
    ]);
  });

  test('with hebei-2019 chosen, 成本指标 beside a 三级 name is still read as shifted', () => {
    const t = table([['成本指标', '培训经费', '≤5万元', '预算支出标准']], 'hebei-2019');
    expect(row(t)[2]).toEqual(['A4', '成本指标']);
  });

  test('a 二级 typed into the 一级 column with the 二级 column blank is not a shifted row', () => {
    const t = table([['时效指标', null, '完成时间', '≤12月', '计划标准']]);
    expect(row(t)).toEqual(['时效指标', false, ['B4', ''], ['C4', '完成时间'], ['D4', '≤12月']]);
  });
});

describe('indicator blocks as forms and exports draw them', () => {
  test('a two-row header: 指标值 over 符号 | 数值 | 单位', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目名称', '甲'],
        ['一级指标', '二级指标', '三级指标', '指标值', null, null, '指标值确定依据'],
        [null, null, null, '符号', '数值', '单位'],
        ['产出指标', '数量指标', '培训人数', '≥', 100, '人', '计划标准'],
      ],
      {
        merges: [
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 1, left: 1, bottom: 2, right: 1 },
          { top: 1, left: 2, bottom: 2, right: 2 },
          { top: 1, left: 3, bottom: 1, right: 5 },
          { top: 1, left: 6, bottom: 2, right: 6 },
        ],
      },
    );
    const [t] = readGrid(grid);
    const ind = t.indicators[0];
    expect([
      t.indicators.length,
      at(ind.comparator),
      at(ind.value),
      at(ind.unit),
      ind.valueText,
      at(ind.basis),
    ]).toEqual([1, ['D4', '≥'], ['E4', '100'], ['F4', '人'], '≥100人', ['G4', '计划标准']]);
  });

  test('columns are found by their labels in whatever order the form puts them', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['三级指标', '一级指标', '二级指标', '指标值'],
        ['培训人数', '产出指标', '数量指标', '≥100人'],
        ['合格率', null, '质量指标', '≥95%'],
      ]),
    );
    expect(t.indicators.map((i) => [at(i.level1), at(i.level2), at(i.name), at(i.value)])).toEqual([
      [
        ['B2', '产出指标'],
        ['C2', '数量指标'],
        ['A2', '培训人数'],
        ['D2', '≥100人'],
      ],
      [
        ['B2', '产出指标'],
        ['C3', '质量指标'],
        ['A3', '合格率'],
        ['D3', '≥95%'],
      ],
    ]);
    expect(t.range).toBe('A1:D3');
  });

  test('中期指标值 beside 年度指标值: the year’s value is read', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值'],
        ['产出指标', '数量指标', '培训人数', '≥300人', '≥100人'],
      ]),
    );
    expect(at(t.indicators[0].value)).toEqual(['E2', '≥100人']);
  });

  test.each(['备注：本表一式两份', '填表人：张三  联系电话：12345', '合计'])(
    'the block ends at a footer line (%s) that follows the last row directly',
    (footer) => {
      const [t] = readGrid(
        gridFromRows('s', [
          ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
          ['产出指标', '数量指标', '培训人数', '≥100人', 50],
          [null, '质量指标', '合格率', '≥95%', 50],
          [footer, null, null, null, 100],
        ]),
      );
      expect([t.indicators.length, t.bottom, t.range]).toEqual([2, 2, 'A1:E3']);
    },
  );

  test('a 二级 merged down its rows, and a blank 二级 under it, continue it', () => {
    const [t] = readGrid(
      gridFromRows(
        's',
        [
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '培训人数', '≥100人'],
          [null, null, '培训场次', '≥4场'],
          [null, null, '发放教材', '≥100册'],
          [null, '质量指标', '合格率', '≥95%'],
        ],
        {
          merges: [
            { top: 1, left: 0, bottom: 4, right: 0 },
            { top: 1, left: 1, bottom: 2, right: 1 },
          ],
        },
      ),
    );
    expect(
      t.indicators.map((i) => [i.level1.cell, i.level2.cell, i.level2.text, i.level2.inherited]),
    ).toEqual([
      ['A2', 'B2', '数量指标', false],
      ['A2', 'B2', '数量指标', true],
      ['A2', 'B2', '数量指标', true],
      ['A2', 'B5', '质量指标', false],
    ]);
  });

  test('a value that looks like a year does not end the block', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '时效指标', '完工时间', '≤12月'],
        [null, null, null, '2025年'],
        [null, '质量指标', '合格率', '≥95%'],
      ]),
    );
    expect(t.indicators.map((i) => i.value.cell)).toEqual(['D2', 'D3', 'D4']);
  });

  test('rows not grouped by 一级, each carrying its own', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '培训人数', '≥100人'],
        ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
        ['产出指标', '时效指标', '完成时间', '≤12月'],
        [null, '质量指标', '合格率', '≥95%'],
      ]),
    );
    expect(t.indicators.map((i) => [i.level1.cell, i.level1.text, i.level2.text])).toEqual([
      ['A2', '产出指标', '数量指标'],
      ['A3', '满意度指标', '服务对象满意度指标'],
      ['A4', '产出指标', '时效指标'],
      ['A4', '产出指标', '质量指标'],
    ]);
  });
});

describe('a table that cannot be read whole is still reported', () => {
  test('an indicator header without a value column: what was read, and where the value was looked for', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['项目名称', '甲', '项目编码', 'J-1'],
        ['年度资金总额', 10, '财政拨款', 10],
        ['一级指标', '二级指标', '三级指标', '考核内容'],
        ['产出指标', '数量指标', '培训人数', '完成培训'],
      ]),
    );
    expect([at(t.name), at(t.budget.total), t.indicators.length]).toEqual([['B1', '甲'], ['B2', '10'], 1]);
    expect(t.notes).toEqual([
      { what: 'indicators', cell: 'E3' },
      { what: 'plan', cell: 'A1' },
      { what: 'goal', cell: 'A2' },
    ]);
  });

  test('an indicator block whose header names no 三级指标 column: the labels above are still a table', () => {
    const [t] = readGrid(
      gridFromRows('s', [
        ['项目名称', '甲', '项目编码', 'J-1'],
        ['预算数', 10, '其中：财政资金', 10],
        ['绩效目标', '完成'],
        ['一级指标', '二级指标', '考核要点', '指标值'],
        ['产出指标', '数量指标', '培训人数', '≥100人'],
      ]),
    );
    expect([at(t.code), at(t.goal), t.indicators]).toEqual([['D1', 'J-1'], ['B3', '完成'], []]);
    expect(t.notes).toEqual([
      { what: 'plan', cell: 'A1' },
      { what: 'indicators', cell: 'A4' },
    ]);
  });
});

describe('budgets as a row of headings over a row of figures', () => {
  const indicators = [
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '培训人次', '≥500人次'],
    ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
  ];
  const budgetOf = (t: TargetTable) => [
    t.budget.total?.text,
    budgetLines(t, 'fiscal').map((f) => f.text),
    budgetLines(t, 'other').map((f) => f.text),
  ];

  test('the last heading of the row takes the figure under it, as its neighbours do', () => {
    const grid = gridFromRows('Sheet1', [
      ['项目支出绩效目标表'],
      ['项目名称', '职业技能培训'],
      ['项目资金（万元）', '资金总额', '财政拨款', '其他资金'],
      [null, 120, 100, 20],
      ['年度目标', '完成培训500人次'],
      ...indicators,
    ]);
    const [table] = readGrid(grid);
    expect(budgetOf(table)).toEqual(['120', ['100'], ['20']]);
    expect(budgetLines(table, 'other')[0].cell).toBe('D4');
  });

  test('a label that ends its line over text is not a heading: its value stays where the user types', () => {
    const grid = gridFromRows('Sheet1', [
      ['项目名称', '职业技能培训', null, null],
      ['年度资金总额', 20, '其他资金'],
      ['年度目标', '完成培训500人次', '培训500人次'],
      ...indicators,
    ]);
    const [table] = readGrid(grid);
    expect(budgetLines(table, 'other').map((f) => [f.cell, f.text])).toEqual([['D2', '']]);
  });

  test('beside a project-period column, this year’s column is read', () => {
    const grid = gridFromRows('Sheet1', [
      ['项目名称', '职业技能培训'],
      ['项目资金（万元）', null, '中期资金总额', '年度资金总额'],
      [null, '资金总额', 500, 120],
      [null, '其中：财政拨款', 400, 100],
      [null, '其他资金', 100, 20],
      ['年度目标', '完成培训500人次'],
      ...indicators,
    ]);
    const [table] = readGrid(grid);
    expect(budgetOf(table)).toEqual(['120', ['100'], ['20']]);
  });
});
