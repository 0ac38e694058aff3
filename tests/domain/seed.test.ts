import type Big from 'big.js';
/**
 * The seed document's six tables (a county 信访局's real submission) must give exactly SPEC §4's
 * reference findings and SPEC §6's totals, whether they sit in the template, one per sheet, or were
 * pasted from Word onto one sheet.
 */

import { readWorkbook } from '../../src/domain/reader';
import { computeTotals, formatWan, totalsView } from '../../src/domain/totals';
import type { Finding } from '../../src/domain/types';
import { checkGrids } from '../../src/domain/analysis';
import { seedPastedGrid, seedStandardGrids } from '../fixtures/seed-grids';

type Expected = Pick<Finding, 'rule' | 'severity' | 'sheet' | 'cell'> & { fix: string | number | null };

const brief = (f: Finding): Expected => ({
  rule: f.rule,
  severity: f.severity,
  sheet: f.sheet,
  cell: f.cell,
  fix: f.fix ? f.fix.value : null,
});

/** Project 2's plan cells 3月底–10月底 and project 3's 3月底–6月底 are blank before a filled period. */
function expected(sheets: string[], top: (project: number) => number): Expected[] {
  /** `offset` rows below the table's first row: the plan values are at +6, indicator rows from +9. */
  const at = (project: number, column: string, offset: number) => ({
    sheet: sheets[project - 1],
    cell: `${column}${top(project) + offset}`,
  });
  const blank = (project: number, column: string): Expected => ({
    rule: 'plan/blank',
    severity: 'warning',
    ...at(project, column, 6),
    fix: 0,
  });
  return [
    blank(2, 'B'),
    blank(2, 'C'),
    blank(2, 'D'),
    blank(3, 'B'),
    blank(3, 'C'),
    // 及时处理网络平台上的信访案件 = ≤500件 under 时效指标 (the third indicator row).
    { rule: 'indicator/level2-mismatch', severity: 'warning', ...at(3, 'F', 11), fix: null },
    // 疑难信访案件处理率 = 75% (the third indicator row).
    { rule: 'indicator/no-comparator', severity: 'warning', ...at(4, 'F', 11), fix: '≥75%' },
    // 到京信访事件处理率 = ≤20万元 (the fourth indicator row).
    { rule: 'indicator/unit-mismatch', severity: 'error', ...at(6, 'F', 12), fix: null },
  ];
}

const STANDARD_SHEETS = [
  '群众工作中心运行',
  '信访局办公场所运行费',
  '信访网络运行维护费',
  '疑难信访资金',
  '值班接访',
  '驻京值班',
];

describe.each([
  {
    layout: 'template, one sheet per project',
    grids: seedStandardGrids,
    sheets: STANDARD_SHEETS,
    top: () => 1,
  },
  {
    layout: 'pasted from Word, six tables on one sheet',
    grids: () => [seedPastedGrid()],
    sheets: Array<string>(6).fill('Sheet1'),
    // Each pasted table is 15 rows with one empty row between.
    top: (project: number) => 1 + 16 * (project - 1),
  },
])('the seed ($layout)', ({ grids, sheets, top }) => {
  test('six tables, each at its real address', () => {
    const { tables } = checkGrids(grids());
    expect(tables.map((t) => t.name?.text)).toEqual(STANDARD_SHEETS);
    expect(tables.map((t) => t.range)).toEqual([1, 2, 3, 4, 5, 6].map((p) => `A${top(p)}:G${top(p) + 14}`));
  });

  test('exactly the reference findings, and no other error anywhere', () => {
    const { findings } = checkGrids(grids());
    expect(findings.map(brief)).toEqual(expected(sheets, top));
  });

  test('the messages name the cell and say what is expected, in Chinese and in English', () => {
    const zh = checkGrids(grids()).findings;
    const en = checkGrids(grids(), { lang: 'en-US' }).findings;
    const unit = zh.find((f) => f.rule === 'indicator/unit-mismatch');
    expect(unit?.message).toBe(
      '“到京信访事件处理率”是比率指标，指标值“≤20万元”却是金额单位；应为百分比，如“≥90%”。',
    );
    const unitEn = en.find((f) => f.rule === 'indicator/unit-mismatch');
    expect(unitEn?.message).toContain('“到京信访事件处理率” is a rate');
    expect(zh.find((f) => f.rule === 'indicator/no-comparator')?.message).toContain('“75%”');
  });

  test('project 5: ≤33万元 of 劝返信访经费开支 against a budget of 33.00 gives no finding', () => {
    const { findings } = checkGrids(grids());
    const cost = { sheet: sheets[4], cell: `F${top(5) + 9}` };
    const value = readWorkbook(grids())[4].indicators[0].value;
    expect([value.cell, value.text]).toEqual([cost.cell, '≤33万元']);
    expect(findings.filter((f) => f.sheet === cost.sheet && f.cell === cost.cell)).toEqual([]);
  });

  test('totals: 102.00 万元, all 财政资金, planned 17.60 / 41.50 / 69.55 / 102.00', () => {
    const totals = computeTotals(readWorkbook(grids()));
    const view = totalsView(totals);
    expect(totals.projects).toBe(6);
    expect(view.total).toBe('102.00');
    expect(view.fiscal).toBe('102.00');
    expect(view.other).toBe('0.00');
    expect(view.planned).toEqual(['17.60', '41.50', '69.55', '102.00']);
    expect(totals.total?.eq(102)).toBe(true);
    expect(totals.incomplete).toEqual([]);
    expect(view.projects.map((p) => [p.code, p.total, ...p.planned])).toEqual([
      ['207-0401-YBN-3HDD', '10.00', '2.00', '5.00', '8.50', '10.00'],
      // Blank periods before a filled one count 0.
      ['207-0401-YBN-TK6U', '16.35', '0.00', '0.00', '0.00', '16.35'],
      ['207-0401-YBN-5ST4', '2.65', '0.00', '0.00', '2.65', '2.65'],
      ['207-0401-YBN-UQZG', '20.00', '5.00', '10.00', '16.00', '20.00'],
      ['207-0401-YBN-HHIM', '33.00', '6.60', '16.50', '26.40', '33.00'],
      ['207-0401-YBN-NTO4', '20.00', '4.00', '10.00', '16.00', '20.00'],
    ]);
    expect(view.projects.map((p) => p.sheet)).toEqual(sheets);
  });

  test('a printed share may differ from the exact one: 16.35 × 85 % = 13.8975 prints 13.90', () => {
    const tables = readWorkbook(grids());
    const project2 = tables[1];
    // The seed's project 2 with the spending plan of project 1 (…, 85, 100).
    const plan = tables[0].plan;
    const totals = computeTotals([{ ...project2, plan }]);
    expect(totals.tables[0].planned[2]?.toString()).toBe('13.8975');
    expect(formatWan(totals.tables[0].planned[2] as Big)).toBe('13.90');
  });
});
