/**
 * Generators of what real workbooks hold, for the hostile-input property tests: every kind of cell
 * Excel can hand over (text of any sort, the table's own labels in the wrong places, numbers of
 * every size, error values, dates, booleans, formulas, 32,767-character text), merges that overlap
 * or cover whole columns, and corruptions of a valid template table.
 */

import fc from 'fast-check';
import type { CellRange, Grid, GridCell } from '../../../src/domain/grid';

/** Excel's sheet limits: 1,048,576 rows, 16,384 columns (XFD), 32,767 characters in a cell. */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;
export const MAX_CELL_TEXT = 32_767;

/** The words the reader looks for, so that random grids hold half-tables and not only noise. */
export const LABELS = [
  '项目绩效目标表',
  '1、群众工作中心运行绩效目标表',
  '项目名称',
  '项目编码',
  '部门名称',
  '实施单位',
  '单位：万元',
  '单位：元',
  '金额单位:元',
  '预算规模及资金用途',
  '预算数',
  '年度资金总额',
  '其中：财政资金',
  '财政拨款',
  '上年结转',
  '其他资金',
  '资金支出计划（%）',
  '3月底',
  '6月底',
  '10月底',
  '12月底',
  '绩效目标',
  '年度绩效目标',
  '一级指标',
  '二级指标',
  '三级指标',
  '绩效指标描述',
  '指标值',
  '指标性质',
  '计量单位',
  '权重',
  '指标值确定依据',
  '产出指标',
  '效果指标',
  '效益指标',
  '成本指标',
  '满意度指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '社会效益指标',
  '服务对象满意度指标',
  '经济成本指标',
  '信访案件处理率',
  '满意度',
  '劝返信访经费开支',
  '备注',
  '合计',
  '（2025年度）',
];

/** What people type into 指标值 and amount cells, the well-formed and the odd. */
export const VALUES = [
  '≥90%',
  '75%',
  '≤20万元',
  '＝100%',
  '=100%',
  '十万元',
  '10万',
  '1,000.50',
  '２０％',
  '292%',
  '及时',
  '2023.07-2024.01',
  '12月31日前',
  '≥',
  '%',
  '-',
  '—',
  '不低于',
  '1e309',
  '0x10',
  '9'.repeat(400),
];

/** Text that must stay text wherever it lands: formulas, markup, control and bidi characters. */
export const HOSTILE_TEXT = [
  '=HYPERLINK("http://evil.invalid","点我")',
  '+cmd|" /C calc"!A0',
  '-1+1',
  '@SUM(1,2)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '$t(rules.terms)',
  '\u202Eevil\u202C',
  'line\r\nbreak\ttab\u0000nul',
  '__proto__',
  'constructor',
  '\uD800',
];

const ERRORS = ['#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#N/A', '#NULL!', '#NUM!', '#SPILL!', '#CALC!'];

/** One cell as any source could hand it over; undefined is an empty cell. */
export const cell: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom(...LABELS).map((value): GridCell => ({ value })) },
  { weight: 2, arbitrary: fc.constantFrom(...VALUES, ...HOSTILE_TEXT).map((value): GridCell => ({ value })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }).map((value): GridCell => ({ value })) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map((value): GridCell => ({ value })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.double(),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.constantFrom(0, -0, 100, 0.2, 1e308, -1e308, Number.MIN_VALUE, 2 ** 53 + 1),
      )
      .map((value): GridCell => ({ value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.double({ noNaN: true }), fc.constantFrom('0.00', '0.00%', '0%', '@', 'General', 'yyyy-mm-dd'))
      .map(([value, numberFormat]): GridCell => ({ value, numberFormat })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((value): GridCell => ({ value, error: true })) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: -1, max: 3_000_000 }).map((value): GridCell => ({ value, date: true })),
  },
  { weight: 1, arbitrary: fc.boolean().map((value): GridCell => ({ value })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('=100%', '=A1', '=SUM(B4:B9)', '=1/0', '=""'),
        fc.constantFrom(null, 1, '#REF!', ''),
      )
      .map(([formula, value]): GridCell => ({
        formula,
        value,
        ...(value === '#REF!' ? { error: true } : {}),
      })),
  },
  // What a cell can hold at most; rarely, because every rule reads it.
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('指', '≥', 'a', '=', '<')
      .map((ch): GridCell => ({ value: ch.repeat(MAX_CELL_TEXT) })),
  },
);

/**
 * A rectangle in or around a grid of `rows` × `cols` cells whose first cell is at `top`/`left`, or
 * one over whole columns, whole rows or the whole sheet; it may overlap any other.
 */
export function mergeIn(rows: number, cols: number, top = 0, left = 0): fc.Arbitrary<CellRange> {
  const local = fc
    .tuple(
      fc.integer({ min: 0, max: rows + 2 }),
      fc.integer({ min: 0, max: cols + 2 }),
      fc.integer({ min: 0, max: rows + 2 }),
      fc.integer({ min: 0, max: cols + 2 }),
    )
    .map(([a, b, c, d]) => ({
      top: Math.min(MAX_ROW, top + Math.min(a, c)),
      left: Math.min(MAX_COL, left + Math.min(b, d)),
      bottom: Math.min(MAX_ROW, top + Math.max(a, c)),
      right: Math.min(MAX_COL, left + Math.max(b, d)),
    }));
  const huge = fc.constantFrom<CellRange>(
    { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL },
    { top: 0, left: 0, bottom: MAX_ROW, right: 0 },
    { top: 0, left: 1, bottom: MAX_ROW, right: 2 },
    { top: 2, left: 0, bottom: 2, right: MAX_COL },
    { top: 8, left: 0, bottom: 200_000, right: 6 },
  );
  return fc.oneof({ weight: 15, arbitrary: local }, { weight: 1, arbitrary: huge });
}

/** A sheet of random content: ragged rows, holes, any position, merges that may overlap or be huge. */
export const grid: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.oneof(
      fc.constantFrom('Sheet1', '项目 一', "O'Brien", '汇总', '=1+1'),
      fc.string({ maxLength: 31 }),
    ),
    top: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.constant(MAX_ROW - 30)),
    left: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.constant(MAX_COL - 10)),
    cells: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 30 }),
    hidden: fc.boolean(),
  })
  .chain((g) =>
    fc
      .array(mergeIn(g.cells.length, 10, g.top, g.left), { maxLength: 6 })
      .map((merges): Grid => ({ ...g, merges })),
  );

/** A deep copy, so a mutation never reaches the grid it came from. */
export function cloneGrid(g: Grid): Grid {
  return {
    ...g,
    cells: g.cells.map((r) => r.map((c) => (c ? { ...c } : c))),
    merges: g.merges.map((m) => ({ ...m })),
  };
}

export type Mutation =
  | { kind: 'set'; row: number; col: number; cell: GridCell | undefined }
  | { kind: 'deleteRow'; row: number }
  | { kind: 'duplicateRow'; row: number }
  | { kind: 'swapRows'; a: number; b: number }
  | { kind: 'shiftRow'; row: number; by: number }
  | { kind: 'merge'; range: CellRange }
  | { kind: 'unmergeAll' }
  | { kind: 'truncate'; rows: number };

/** Corruptions a table suffers in real life: typed over, rows deleted, copied, swapped or shifted, merged. */
export function mutation(rows: number, cols: number): fc.Arbitrary<Mutation> {
  const row = fc.integer({ min: 0, max: Math.max(0, rows - 1) });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record({ row, col: fc.integer({ min: 0, max: cols }), cell })
        .map((m): Mutation => ({ kind: 'set', ...m })),
    },
    { weight: 1, arbitrary: row.map((r): Mutation => ({ kind: 'deleteRow', row: r })) },
    { weight: 1, arbitrary: row.map((r): Mutation => ({ kind: 'duplicateRow', row: r })) },
    { weight: 1, arbitrary: fc.tuple(row, row).map(([a, b]): Mutation => ({ kind: 'swapRows', a, b })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(row, fc.integer({ min: -2, max: 3 }))
        .map(([r, by]): Mutation => ({ kind: 'shiftRow', row: r, by })),
    },
    { weight: 1, arbitrary: mergeIn(rows, cols).map((range): Mutation => ({ kind: 'merge', range })) },
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'unmergeAll' }) },
    { weight: 1, arbitrary: row.map((r): Mutation => ({ kind: 'truncate', rows: r })) },
  );
}

/** Applies a mutation to a grid at A1 (rows and columns of the mutation are the grid's own). */
export function mutate(g: Grid, m: Mutation): Grid {
  const out = cloneGrid(g);
  const rows = out.cells;
  switch (m.kind) {
    case 'set': {
      while (rows.length <= m.row) rows.push([]);
      rows[m.row][m.col] = m.cell;
      break;
    }
    case 'deleteRow':
      rows.splice(m.row, 1);
      break;
    case 'duplicateRow':
      if (rows[m.row])
        rows.splice(
          m.row,
          0,
          rows[m.row].map((c) => (c ? { ...c } : c)),
        );
      break;
    case 'swapRows':
      if (rows[m.a] && rows[m.b]) [rows[m.a], rows[m.b]] = [rows[m.b], rows[m.a]];
      break;
    case 'shiftRow': {
      const r = rows[m.row];
      if (r) rows[m.row] = m.by >= 0 ? [...new Array<undefined>(m.by).fill(undefined), ...r] : r.slice(-m.by);
      break;
    }
    case 'merge':
      out.merges.push({ ...m.range });
      break;
    case 'unmergeAll':
      out.merges = [];
      break;
    case 'truncate':
      rows.length = Math.min(rows.length, m.rows);
      break;
  }
  return out;
}
