/**
 * SPEC §8: huge or odd sheets give findings or nothing, never a crash or a hang — a 10,000-row sheet,
 * text as long as a cell holds, sheets with nothing in them, merges over whole columns and the whole
 * sheet. Each test checks what the user would see: the table found, its findings at their cells.
 */

import fc from 'fast-check';
import { parseA1, toA1 } from '../../../src/domain/address';
import type { Grid, GridCell } from '../../../src/domain/grid';
import { readWorkbook } from '../../../src/domain/reader';
import { computeTotals, totalsView } from '../../../src/domain/totals';
import type { Finding } from '../../../src/domain/types';
import { checkGrids } from '../../../src/domain/analysis';
import { GOOD, GOOD_INDICATORS } from '../rules/rule-tester';
import { templateGrid } from '../../fixtures/table-builder';
import { cell, MAX_CELL_TEXT, MAX_COL, MAX_ROW } from './arbitraries';

const rulesAt = (findings: Finding[], address: string): string[] =>
  findings.filter((f) => f.cell === address).map((f) => f.rule);

function expectOnSheet(findings: Finding[]): void {
  for (const f of findings) {
    const { row, col } = parseA1(f.cell);
    expect(toA1(row, col)).toBe(f.cell);
    expect(row).toBeLessThanOrEqual(MAX_ROW);
    expect(col).toBeLessThanOrEqual(MAX_COL);
  }
}

/** The good table's grid with `rows` more rows of `fill` below it (one empty row apart). */
function withRowsBelow(table: Grid, rows: (GridCell | undefined)[][]): Grid {
  return { ...table, cells: [...table.cells, [], ...rows] };
}

describe('a 10,000-row sheet', () => {
  test('a table with 10,000 indicator rows is read whole; the one bad value is found at its row', () => {
    const indicators = Array.from({ length: 10_000 }, (_, i) => ({
      ...GOOD_INDICATORS[i % GOOD_INDICATORS.length],
      name: `第${i + 1}期培训人数`,
      level1: '产出指标',
      level2: '数量指标',
      value: i === 7_777 ? '很多' : `≥${i + 1}人`,
    }));
    const grid = templateGrid('长表', { ...GOOD, indicators });
    const { tables, findings } = checkGrids([grid]);
    expect(tables).toHaveLength(1);
    expect(tables[0].indicators).toHaveLength(10_000);
    const bad = tables[0].indicators[7_777].value;
    expect(bad.text).toBe('很多');
    expect(rulesAt(findings, bad.cell)).toContain('indicator/vague-value');
    expect(tables[0].range).toBe(`A1:G${tables[0].indicators[9_999].row + 1}`);
    expectOnSheet(findings);
  });

  test('10,000 rows of everything a cell can hold under a good table: the table and its totals are intact', () => {
    const noise = fc.sample(fc.array(cell, { minLength: 7, maxLength: 7 }), {
      numRuns: 10_000,
      seed: 20_240_601,
    });
    const grid = withRowsBelow(templateGrid('杂乱', GOOD), noise);
    const tables = readWorkbook([grid]);
    expect(tables.length).toBeGreaterThanOrEqual(1);
    expect(tables[0]).toMatchObject({ range: 'A1:G15', code: { text: GOOD.code } });
    const { findings } = checkGrids([grid]);
    expect(findings.filter((f) => f.table === 0)).toEqual([]);
    expect(totalsView(computeTotals([tables[0]])).total).toBe('10.00');
    expectOnSheet(findings);
  });
});

describe('text as long as a cell can hold (32,767 characters)', () => {
  const long = (seed: string): string =>
    seed.repeat(Math.ceil(MAX_CELL_TEXT / seed.length)).slice(0, MAX_CELL_TEXT);

  test('in every text field of a table: read as typed, with findings at the right cells', () => {
    const grid = templateGrid('长文本', {
      ...GOOD,
      code: long('编码'),
      name: long('名称'),
      usage: long('用途'),
      goal: long('目标'),
      total: long('十万元'),
      indicators: GOOD_INDICATORS.map((ind, i) => ({
        ...ind,
        name: i === 0 ? long('培训人数') : ind.name,
        value: i === 1 ? long('≥') : i === 2 ? long('<script>') : ind.value,
        basis: long('依据'),
      })),
    });
    const { tables, findings } = checkGrids([grid]);
    const [t] = tables;
    expect(t.name?.text).toHaveLength(MAX_CELL_TEXT);
    expect(t.goal?.text).toHaveLength(MAX_CELL_TEXT);
    expect(rulesAt(findings, t.budget.total!.cell)).toEqual(['budget/not-number']);
    expect(rulesAt(findings, t.indicators[1].value.cell).length).toBeGreaterThan(0);
    // Words where 时效指标 asks for a time limit.
    expect(rulesAt(findings, t.indicators[2].value.cell)).toContain('indicator/level2-mismatch');
    expectOnSheet(findings);
  });
});

describe('sheets with nothing, or nothing but formats', () => {
  const empties: Grid[] = [
    { sheet: '空', top: 0, left: 0, cells: [], merges: [] },
    { sheet: '空行', top: 5, left: 3, cells: [[], [], []], merges: [] },
    {
      sheet: '只有格式',
      top: 0,
      left: 0,
      cells: Array.from({ length: 50 }, () =>
        Array.from({ length: 7 }, () => ({ value: null, numberFormat: '@' })),
      ),
      merges: [{ top: 0, left: 0, bottom: 0, right: 6 }],
    },
    {
      sheet: '空白文字',
      top: 0,
      left: 0,
      cells: [[{ value: '   ' }, { value: '\u3000' }, { value: '' }]],
      merges: [],
    },
    { sheet: '最后一格', top: MAX_ROW, left: MAX_COL, cells: [[{ value: '项目名称' }]], merges: [] },
  ];

  test('give no table and no finding, alone or beside a good table', () => {
    expect(checkGrids(empties.slice(0, 4))).toEqual({ tables: [], findings: [] });
    const good = templateGrid('好表', GOOD);
    const { tables, findings } = checkGrids([...empties.slice(0, 4), good]);
    expect(tables.map((t) => t.sheet)).toEqual(['好表']);
    expect(findings).toEqual([]);
  });

  test('a lone label in the last cell of the sheet is no table (SPEC §5) and costs nothing', () => {
    expect(checkGrids([empties[4]])).toEqual({ tables: [], findings: [] });
  });
});

describe('merges no one would make on purpose', () => {
  const cases: [string, { top: number; left: number; bottom: number; right: number }][] = [
    ['the whole sheet', { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL }],
    ['all of column A, where the labels are', { top: 0, left: 0, bottom: MAX_ROW, right: 0 }],
    ['all of row 4, the budget line', { top: 3, left: 0, bottom: 3, right: MAX_COL }],
    ['the indicator block and a million rows below it', { top: 9, left: 0, bottom: MAX_ROW, right: 6 }],
  ];

  test.each(cases)('over %s: read without a crash, findings on the sheet', (_what, merge) => {
    const grid = templateGrid('合并', GOOD);
    grid.merges.push(merge);
    const { tables, findings } = checkGrids([grid]);
    expect(tables.length).toBeLessThanOrEqual(1);
    expectOnSheet(findings);
  });

  test('overlapping merges, each over the other, and one merge many times over', () => {
    const grid = templateGrid('重叠', GOOD);
    grid.merges.push(
      { top: 2, left: 1, bottom: 6, right: 4 },
      { top: 4, left: 3, bottom: 12, right: 6 },
      ...Array.from({ length: 1_000 }, () => ({ top: 9, left: 0, bottom: 11, right: 2 })),
    );
    const { findings } = checkGrids([grid]);
    expectOnSheet(findings);
  });
});

describe('a sheet with two cells a million rows apart', () => {
  // A two-cell .xlsx makes this grid: a label at A1 and a number in the sheet's last row. The
  // reader once looked for the spending plan in every row below the label with a linear search of
  // the rows already taken, a million squared steps (minutes); now it is one pass.
  test('is read in one pass: a label and a number are no table, and no finding leaves the sheet', () => {
    const cells: (GridCell | undefined)[][] = Array.from({ length: MAX_ROW + 1 }, () => []);
    cells[0] = [{ value: '项目名称' }];
    cells[MAX_ROW] = [{ value: 1 }];
    const { tables, findings } = checkGrids([{ sheet: '稀疏', top: 0, left: 0, cells, merges: [] }]);
    expect(tables).toHaveLength(0);
    expectOnSheet(findings);
    // With a budget beside the label it is a table, still read in one pass.
    cells[0] = [{ value: '项目名称' }, { value: '甲' }, { value: '预算数' }, { value: 10 }];
    const again = checkGrids([{ sheet: '稀疏', top: 0, left: 0, cells, merges: [] }]);
    expect(again.tables).toHaveLength(1);
    expectOnSheet(again.findings);
  }, 60_000);
});
