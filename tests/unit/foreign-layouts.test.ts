/**
 * Tables in the layouts people actually have (SPEC §5) — a 财政部 2021-style 申报表 in 元, a budget
 * system's split-column export, last year's Word tables pasted onto one sheet, a 部门整体 table —
 * read, checked and totalled as a reviewer would: the findings they expect on the cells they expect,
 * nothing of severity `error` on a correct cell, and the right totals in 万元.
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseA1 } from '../../src/domain/address';
import type { Grid, GridCell } from '../../src/domain/grid';
import { readXlsx } from '../../src/cli/read-xlsx';
import { readGrid } from '../../src/domain/reader';
import { computeTotals, totalsView } from '../../src/domain/totals';
import type { Field, Finding, TargetTable } from '../../src/domain/types';
import { checkGrids } from '../../src/domain/analysis';
import {
  BUDGET_EXPORT_SHEET,
  budgetExportGrid,
  DEPARTMENT_SHEET,
  departmentGrid,
  FOREIGN_WORKBOOKS,
  MOF_2021_SHEET,
  mof2021Grid,
  WORD_PASTE_SHEET,
  wordPasteGrid,
} from '../fixtures/foreign';
import { writeGridsXlsx } from '../fixtures/xlsx';

interface Expected {
  rule: string;
  severity: Finding['severity'];
  sheet: string;
  cell: string;
  fix: string | number | null;
}

const brief = (f: Finding): Expected => ({
  rule: f.rule,
  severity: f.severity,
  sheet: f.sheet,
  cell: f.cell,
  fix: f.fix ? f.fix.value : null,
});

const at = (f: Field | undefined) => (f ? [f.cell, f.text] : undefined);

/** The grid with some cells retyped, as the user would correct them. */
function retyped(grid: Grid, changes: Record<string, string | number>): Grid {
  const cells = grid.cells.map((row) => [...row]);
  for (const [address, value] of Object.entries(changes)) {
    const { row, col } = parseA1(address);
    const line = cells[row - grid.top];
    const cell: GridCell = { value };
    line[col - grid.left] = cell;
  }
  return { ...grid, cells };
}

interface Family {
  title: string;
  grid: () => Grid;
  sheet: string;
  /** What a reviewer finds: the defects the user made. */
  defects: Expected[];
  /** What the layout itself gives (a form without a spending plan). */
  layout: Expected[];
  /** The defects corrected as the user would type them. */
  corrections: Record<string, string | number>;
  totals: {
    total: string | null;
    fiscal: string | null;
    other: string | null;
    planned: (string | null)[];
    projects: number;
  };
}

const finding = (
  sheet: string,
  rule: string,
  severity: Finding['severity'],
  cell: string,
  fix: string | number | null = null,
): Expected => ({ rule, severity, sheet, cell, fix });

const FAMILIES: Family[] = [
  {
    title: '财政部 2021-style 申报表 in 元',
    grid: mof2021Grid,
    sheet: MOF_2021_SHEET,
    defects: [
      finding(MOF_2021_SHEET, 'indicator/no-comparator', 'warning', 'E15', '≥85%'),
      // ≤130万元 against a year's budget of 1,250,000 元 = 125 万元.
      finding(MOF_2021_SHEET, 'budget/cost-exceeds-budget', 'error', 'E17'),
    ],
    layout: [finding(MOF_2021_SHEET, 'table/unreadable', 'warning', 'A3')],
    corrections: { E15: '≥85%', E17: '≤120万元' },
    totals: {
      total: '125.00',
      fiscal: '100.00',
      other: '25.00',
      // No spending plan on this form: what is planned is unknown, never 0.
      planned: [null, null, null, null],
      projects: 1,
    },
  },
  {
    title: 'budget-system export with split value columns',
    grid: budgetExportGrid,
    sheet: BUDGET_EXPORT_SHEET,
    defects: [
      finding(BUDGET_EXPORT_SHEET, 'indicator/low-satisfaction', 'warning', 'E12'),
      finding(BUDGET_EXPORT_SHEET, 'indicator/no-comparator', 'warning', 'D16', '≤'),
    ],
    layout: [],
    corrections: { E12: 90, D16: '≤' },
    totals: {
      total: '86.00',
      fiscal: '80.00',
      other: '6.00',
      planned: ['0.00', '34.40', '68.80', '86.00'],
      projects: 1,
    },
  },
  {
    title: "last year's Word tables pasted at B3",
    grid: wordPasteGrid,
    sheet: WORD_PASTE_SHEET,
    defects: [
      finding(WORD_PASTE_SHEET, 'indicator/empty-description', 'warning', 'E17'),
      finding(WORD_PASTE_SHEET, 'indicator/nonstandard-text', 'info', 'G29', '≥80米'),
      finding(WORD_PASTE_SHEET, 'indicator/nonstandard-text', 'info', 'G30', '＝100%'),
      finding(WORD_PASTE_SHEET, 'indicator/level2-mismatch', 'warning', 'G31'),
      finding(WORD_PASTE_SHEET, 'indicator/no-comparator', 'warning', 'G33', '≥250万元'),
    ],
    layout: [],
    corrections: {
      E17: '帮扶机制在矫正期满后持续运行的情况',
      G29: '≥80米',
      G30: '＝100%',
      G31: '≤5个工作日',
      G33: '≥250万元',
    },
    totals: {
      total: '30.60',
      fiscal: '30.60',
      other: '0.00',
      // 18.6 × 25/50/75/100 % + 12 × 20/50/80/100 %.
      planned: ['7.05', '15.30', '23.55', '30.60'],
      projects: 2,
    },
  },
  {
    title: '部门整体 table without 项目编码',
    grid: departmentGrid,
    sheet: DEPARTMENT_SHEET,
    defects: [finding(DEPARTMENT_SHEET, 'indicator/vague-value', 'warning', 'E15')],
    // No 项目编码 line, so no 项目编码 to fill in; a whole department's table has no spending plan to miss.
    layout: [],
    corrections: { E15: '≥90%' },
    totals: {
      total: '356.80',
      fiscal: '330.80',
      other: '26.00',
      planned: [null, null, null, null],
      projects: 1,
    },
  },
];

const order = (list: Expected[]): Expected[] =>
  [...list].sort((a, b) => {
    const p = parseA1(a.cell);
    const q = parseA1(b.cell);
    return p.row - q.row || p.col - q.col || a.rule.localeCompare(b.rule);
  });

describe.each(FAMILIES)('$title', (family) => {
  test('gives the findings a reviewer expects, on their cells', () => {
    const { findings } = checkGrids([family.grid()]);
    expect(order(findings.map(brief))).toEqual(order([...family.defects, ...family.layout]));
    expect(findings.every((f) => f.message !== '' && f.sheet === family.sheet)).toBe(true);
  });

  test('no error lands on a correct cell, and once the defects are corrected none is left', () => {
    const defectCells = new Set(family.defects.map((d) => d.cell));
    const { findings } = checkGrids([family.grid()]);
    for (const f of findings.filter((x) => x.severity === 'error')) expect(defectCells).toContain(f.cell);
    const corrected = checkGrids([retyped(family.grid(), family.corrections)]);
    expect(order(corrected.findings.map(brief))).toEqual(order(family.layout));
  });

  test('totals are right in 万元', () => {
    const view = totalsView(computeTotals(readGrid(family.grid())));
    expect({
      total: view.total,
      fiscal: view.fiscal,
      other: view.other,
      planned: view.planned,
      projects: view.projects.length,
    }).toEqual(family.totals);
  });
});

describe('what the reader finds in each layout', () => {
  test('财政部 2021: the year column of the funds grid, in 元; 成本指标 as a 一级 makes it mof-2021', () => {
    const [t] = readGrid(mof2021Grid());
    expect([t.range, t.profile, t.moneyScale, t.reportingUnit]).toEqual([
      'A1:F21',
      'mof-2021',
      0.0001,
      '某县农村公路养护中心',
    ]);
    expect([at(t.title), at(t.code), at(t.name), at(t.goal)?.[0]]).toEqual([
      ['A1', '项目支出绩效目标申报表'],
      ['B4', '130522-25-JT-0118'],
      ['B3', '农村公路日常养护'],
      'B11',
    ]);
    // 年度资金总额 (E), not the project period's (D).
    expect([at(t.budget.total), at(t.budget.fiscal), at(t.budget.carryover), at(t.budget.other)]).toEqual([
      ['E7', '1250000'],
      ['E8', '1000000'],
      ['E9', '0'],
      ['E10', '250000'],
    ]);
    expect(t.plan).toEqual([]);
    expect(t.notes).toEqual([{ what: 'plan', cell: 'A3' }]);
    expect(t.indicatorHeader?.cell).toBe('B12');
    expect(t.columns).toEqual({ description: false, basis: false, levels: 'full' });
    expect(
      t.indicators.map((i) => [i.level1.text, i.level2.cell, i.level2.text, i.name.cell, i.value.cell]),
    ).toEqual([
      ['产出指标', 'C13', '数量指标', 'D13', 'E13'],
      ['产出指标', 'C13', '数量指标', 'D14', 'E14'],
      ['产出指标', 'C15', '质量指标', 'D15', 'E15'],
      ['产出指标', 'C16', '时效指标', 'D16', 'E16'],
      ['成本指标', 'C17', '经济成本指标', 'D17', 'E17'],
      ['成本指标', 'C18', '社会成本指标', 'D18', 'E18'],
      ['效益指标', 'C19', '社会效益指标', 'D19', 'E19'],
      ['效益指标', 'C20', '可持续影响指标', 'D20', 'E20'],
      ['满意度指标', 'C21', '服务对象满意度指标', 'D21', 'E21'],
    ]);
  });

  test('budget export: comparator, number and unit joined; 权重 and 指标方向性 ignored; the 合计 row ends the block', () => {
    const [t] = readGrid(budgetExportGrid());
    expect([t.range, t.profile, t.moneyScale, t.reportingUnit]).toEqual([
      'A1:I16',
      'hebei-2019',
      0.0001,
      '某县卫生健康局',
    ]);
    expect([at(t.budget.total), at(t.budget.fiscal), at(t.budget.other)]).toEqual([
      ['B4', '860000'],
      ['E4', '800000'],
      ['G4', '60000'],
    ]);
    expect(t.budget.carryover).toBeUndefined();
    expect(t.plan.map(at)).toEqual([
      ['B6', '0'],
      ['C6', '40'],
      ['D6', '80'],
      ['E6', '100'],
    ]);
    expect(t.columns).toEqual({ description: false, basis: true, levels: 'full' });
    expect(
      t.indicators.map((i) => [
        i.level1.text,
        i.level2.text,
        i.comparator?.cell,
        i.value.cell,
        i.unit?.cell,
        i.valueText,
      ]),
    ).toEqual([
      ['产出指标', '数量指标', 'D9', 'E9', 'F9', '≥36台'],
      ['效益指标', '社会效益指标', 'D10', 'E10', 'F10', '≥5%'],
      ['产出指标', '质量指标', 'D11', 'E11', 'F11', '＝100%'],
      ['满意度指标', '服务对象满意度指标', 'D12', 'E12', 'F12', '≥70%'],
      ['产出指标', '时效指标', 'D13', 'E13', 'F13', '≤6月'],
      ['产出指标', '成本指标', 'D14', 'E14', 'F14', '≤25000元'],
      ['效益指标', '可持续影响指标', 'D15', 'E15', 'F15', '≥8年'],
      ['效益指标', '社会效益指标', 'D16', 'E16', 'F16', '3%'],
    ]);
    expect(t.indicators.every((i) => !i.level1.inherited && i.basis?.cell === `I${i.row + 1}`)).toBe(true);
  });

  test('Word paste: two tables from B3, merged 一级, a shifted 成本指标 row read as a hebei-2019 二级', () => {
    const tables = readGrid(wordPasteGrid());
    expect(
      tables.map((t) => [t.range, t.profile, t.moneyScale, t.reportingUnit, t.code?.text, t.notes.length]),
    ).toEqual([
      ['B3:H18', 'hebei-2019', 1, '207005某某县司法局', '207-0402-SFJ-01', 0],
      ['B20:H35', 'hebei-2019', 1, '207005某某县司法局', '207-0402-SFJ-02', 0],
    ]);
    const shifted = tables[0].indicators[3];
    expect([
      shifted.level1.cell,
      shifted.level1.text,
      shifted.level1.inherited,
      at(shifted.level2),
      at(shifted.name),
      at(shifted.description),
      at(shifted.value),
      at(shifted.basis),
    ]).toEqual([
      'B12',
      '产出指标',
      true,
      ['B15', '成本指标'],
      ['C15', '心理矫治服务费用'],
      ['D15', '购买专业心理矫治服务的费用'],
      ['E15', '≤6万元'],
      ['G15', '预算支出标准'],
    ]);
    expect(
      tables[1].indicators.map((i) => [i.level1.cell, i.level2.cell, i.value.cell, i.valueText]),
    ).toEqual([
      ['B29', 'C29', 'G29', '≥80M'],
      ['B29', 'C30', 'G30', '=100.00(%)'],
      ['B29', 'C31', 'G31', '及时'],
      ['B29', 'C31', 'G32', '2023.07-2024.01'],
      ['B33', 'C33', 'G33', '250万'],
      ['B33', 'C34', 'G34', '≥95%'],
      ['B35', 'C35', 'G35', '≥90%'],
    ]);
  });

  test('部门整体: the department is the name, 年度主要任务 the use of the funds, no 项目编码', () => {
    const [t] = readGrid(departmentGrid());
    expect([t.range, t.profile, t.moneyScale, t.reportingUnit, t.code]).toEqual([
      'A1:F15',
      'hebei-2019',
      1,
      '某县文化广电和旅游局',
      undefined,
    ]);
    expect([
      at(t.name),
      at(t.budget.total),
      at(t.budget.fiscal),
      at(t.budget.other),
      t.usage?.cell,
      t.goal?.cell,
    ]).toEqual([['B3', '某县文化广电和旅游局'], ['B4', '356.8'], ['D4', '330.8'], ['F4', '26'], 'B5', 'B6']);
    expect(t.notes).toEqual([{ what: 'code', cell: 'A3' }]);
    expect(t.columns).toEqual({ description: true, basis: true, levels: 'full' });
    expect(t.indicators.map((i) => [i.description?.cell, i.value.cell, i.basis?.cell])[0]).toEqual([
      'D8',
      'E8',
      'F8',
    ]);
  });
});

describe('上年结转 in the 财政部 2021 funds grid', () => {
  /** This year's column retyped: 1,000,000 财政拨款 + `carryover` 上年结转 + 250,000 其他资金 against `total`. */
  const funds = (carryover: number, total: number) =>
    checkGrids([retyped(mof2021Grid(), { E7: total, E9: carryover })]).findings.filter((f) =>
      f.rule.startsWith('budget/sum'),
    );

  test('a carry-over that makes up the total is no error', () => {
    expect(funds(50000, 1300000)).toEqual([]);
  });

  test('a total that leaves the carry-over out is an error on 预算数, the figure the parts must make', () => {
    expect(funds(50000, 1250000).map(brief)).toEqual([
      finding(MOF_2021_SHEET, 'budget/sum-mismatch', 'error', 'E7'),
    ]);
  });
});

describe('as .xlsx files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-foreign-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test.each(FOREIGN_WORKBOOKS.map((w) => [w.file, w]))(
    '%s gives the same tables and findings from disk',
    async (_file, workbook) => {
      const file = path.join(dir, workbook.file);
      await writeGridsXlsx(workbook.grids(), file);
      const fromDisk = checkGrids(await readXlsx(file));
      const inMemory = checkGrids(workbook.grids());
      const shape = (t: TargetTable) => [t.sheet, t.range, t.profile, t.moneyScale, t.indicators.length];
      expect(fromDisk.tables.map(shape)).toEqual(inMemory.tables.map(shape));
      expect(fromDisk.findings.map(brief)).toEqual(inMemory.findings.map(brief));
    },
  );
});
