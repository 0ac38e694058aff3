/**
 * SPEC §8: bad input gives a finding or a clear message, never a crash or a hang. Whatever a sheet
 * holds, the reader and every rule finish, and each finding points at a real cell of the table it
 * is about, inside the sheet, in A1 style, with its message filled in.
 */

import fc from 'fast-check';
import { parseA1, toA1 } from '../../../src/domain/address';
import { lastCol, lastRow, type CellRange, type Grid } from '../../../src/domain/grid';
import { readWorkbook } from '../../../src/domain/reader';
import { computeTotals, totalsView } from '../../../src/domain/totals';
import type { Finding } from '../../../src/domain/types';
import { validateTables } from '../../../src/domain/validate';
import { GOOD } from '../rules/rule-tester';
import { templateGrid } from '../../fixtures/table-builder';
import { grid, MAX_COL, MAX_ROW, mutate, mutation } from './arbitraries';

const AMOUNT = /^-?\d+\.\d\d$/;

/** The cell as Excel writes it, with nothing else around it: `F12`, never `$F$12`, ` F12` or `Sheet!F12`. */
function expectA1(address: string): { row: number; col: number } {
  const at = parseA1(address);
  expect(toA1(at.row, at.col)).toBe(address);
  expect(at.row).toBeLessThanOrEqual(MAX_ROW);
  expect(at.col).toBeLessThanOrEqual(MAX_COL);
  return at;
}

/**
 * Where a finding may point: the grid's cells and the merges that reach them, and at most two rows
 * below and two columns right of them, where a missing label's value, or a missing value beside an
 * empty cell, would be typed. Never past the sheet's last row or column.
 */
function extentOf(g: Grid): CellRange {
  let { top, left } = g;
  let bottom = lastRow(g);
  let right = lastCol(g);
  for (const m of g.merges) {
    if (m.bottom < g.top || m.top > lastRow(g) || m.right < g.left || m.left > lastCol(g)) continue;
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  return { top, left, bottom: Math.min(bottom + 2, MAX_ROW), right: Math.min(right + 2, MAX_COL) };
}

function expectInside(extent: CellRange, at: { row: number; col: number }, finding: Finding): void {
  const inside =
    at.row >= extent.top && at.row <= extent.bottom && at.col >= extent.left && at.col <= extent.right;
  expect({ finding: `${finding.rule} at ${finding.sheet}!${finding.cell}`, inside }).toEqual({
    finding: `${finding.rule} at ${finding.sheet}!${finding.cell}`,
    inside: true,
  });
}

/** Everything a user would see of the grids: tables, findings in both languages, totals. */
function checkAll(grids: Grid[]): void {
  const tables = readWorkbook(grids);
  const extents = new Map(grids.map((g) => [g.sheet, extentOf(g)]));
  for (const table of tables) {
    expect(extents.has(table.sheet)).toBe(true);
    const [first, last = first] = table.range.split(':');
    expect(expectA1(first)).toEqual({ row: table.top, col: table.left });
    expect(expectA1(last)).toEqual({ row: table.bottom, col: table.right });
  }
  for (const lang of ['zh-CN', 'en-US'] as const) {
    for (const finding of validateTables(tables, { lang })) {
      expect(['error', 'warning', 'info']).toContain(finding.severity);
      const table = tables[finding.table ?? -1];
      expect(table).toBeDefined();
      // On the table's sheet; rows that continue it on a later sheet are named on their own cells.
      if (finding.rule === 'table/stray-rows') expect(finding.sheet).toBe(table.continuedIn?.sheet);
      else expect(finding.sheet).toBe(table.sheet);
      const extent = extents.get(finding.sheet) as CellRange;
      expectInside(extent, expectA1(finding.cell), finding);
      if (finding.fix) {
        expect(finding.fix.sheet).toBe(finding.sheet);
        expectInside(extent, expectA1(finding.fix.cell), finding);
      }
      expect(finding.message.trim()).not.toBe('');
      expect(finding.message).not.toMatch(/^rules\.|\{\{[a-zA-Z]+\}\}/);
    }
  }
  const view = totalsView(computeTotals(tables));
  // Never a guessed number: an amount is printed, or null with the cell that could not be read.
  for (const amount of [view.total, view.fiscal, view.other, ...view.planned])
    if (amount === null) expect(view.incomplete.length).toBeGreaterThan(0);
    else expect(amount).toMatch(AMOUNT);
  for (const u of view.incomplete) {
    expect(u.sheet).toBe(tables[u.table]?.sheet);
    expectInside(extents.get(u.sheet) as CellRange, expectA1(u.cell), u as unknown as Finding);
  }
  // Every project is listed: not a 自评表, nor a department's table beside projects' (its budget holds theirs).
  const withProjects = tables.some((t) => t.form === 'target');
  expect(view.projects).toHaveLength(
    tables.filter((t) => t.form !== 'selfEval' && !(withProjects && t.form === 'department')).length,
  );
}

describe('random sheets', () => {
  test('never crash the reader, the rules or the totals; every finding is at a cell of its sheet', () => {
    fc.assert(
      fc.property(fc.uniqueArray(grid, { maxLength: 3, selector: (g) => g.sheet }), (grids) =>
        checkAll(grids),
      ),
      { numRuns: 120 },
    );
  });
});

describe('a valid template table, corrupted', () => {
  const valid = templateGrid('项目', GOOD);
  const rows = valid.cells.length;
  const cols = Math.max(...valid.cells.map((r) => r.length));

  test('is read and checked without a crash, whatever is typed over it, deleted, copied, shifted or merged', () => {
    fc.assert(
      fc.property(fc.array(mutation(rows, cols), { minLength: 1, maxLength: 8 }), (mutations) => {
        checkAll([mutations.reduce(mutate, valid)]);
      }),
      { numRuns: 200 },
    );
  });

  test('twice on one sheet and once more on another, corrupted differently', () => {
    const stacked: Grid = {
      ...valid,
      cells: [...valid.cells, [], ...valid.cells.map((r) => r.map((c) => (c ? { ...c } : c)))],
      merges: [
        ...valid.merges,
        ...valid.merges.map((m) => ({ ...m, top: m.top + rows + 1, bottom: m.bottom + rows + 1 })),
      ],
    };
    fc.assert(
      fc.property(
        fc.array(mutation(2 * rows + 1, cols), { maxLength: 6 }),
        fc.array(mutation(rows, cols), { maxLength: 6 }),
        (a, b) => {
          checkAll([a.reduce(mutate, stacked), { ...b.reduce(mutate, valid), sheet: '项目 二' }]);
        },
      ),
      { numRuns: 80 },
    );
  });
});
