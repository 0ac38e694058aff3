/**
 * SPEC §10's round trips, as `npm run bench` reports them (bench/round-trips.ts): each operation the
 * task pane runs costs the same few round trips on a workbook of 1, 10 or 100 project sheets, and
 * does what the user asked for (the counts are of operations that did their work).
 */

import {
  measureChunkedRead,
  measureOperations,
  roundTripsResult,
  SHEET_COUNTS,
  type SheetRun,
} from '../../bench/round-trips';

const EXPECTED = {
  insertTemplate: 2,
  validateWorkbook: 2,
  liveEdit: 1,
  applyHighlights: 2,
  clearHighlights: 2,
  writeSummary: 2,
  generateSelfEval: 2,
};

jest.setTimeout(300_000);

describe('round trips per operation', () => {
  const runs = new Map<number, SheetRun>();

  beforeAll(async () => {
    for (const n of SHEET_COUNTS) runs.set(n, await measureOperations(n));
  });

  it.each([...SHEET_COUNTS])('are exactly one read and at most one write, on %i project sheet(s)', (n) => {
    expect(runs.get(n)?.counts).toEqual(EXPECTED);
  });

  it('stay at most 2 and do not grow with the number of sheets', () => {
    const result = roundTripsResult([...runs.values()]);
    expect(result).toEqual({ ...EXPECTED, validateWorkbook: { '1': 2, '10': 2, '100': 2 } });
    for (const count of Object.values(EXPECTED)) expect(count).toBeLessThanOrEqual(2);
  });

  it.each([...SHEET_COUNTS])('a live edit on %i sheet(s) reads again only the edited table', (n) => {
    const live = runs.get(n)?.live;
    expect(live).toEqual({ tables: n, sheetsReread: 1, tablesReread: 1, tablesRevalidated: 1 });
  });

  it.each([...SHEET_COUNTS])('the counted operations did their work on %i sheet(s)', (n) => {
    const { outcome } = runs.get(n) as SheetRun;
    // 实时标记 on: the value that lost its comparator is listed and marked yellow at once …
    expect(outcome.findingsAfterEdit).toContainEqual({
      rule: 'indicator/no-comparator',
      ...outcome.editedCell,
    });
    expect(outcome.fillAfterEdit).toBe('#FFEB9C');
    // … 清除标记 removes the mark, 汇总 and 插入模板 added their sheets, 生成自评表 one per project.
    expect(outcome.fillAfterClear).toBeNull();
    expect(outcome.sheets).toEqual(expect.arrayContaining(['汇总', '新项目']));
    expect(outcome.sheets.filter((s) => s.startsWith('自评-'))).toHaveLength(n);
    expect(outcome.sheets).toHaveLength(2 * n + 3);
  });
});

describe('a workbook above Excel on the web’s 5 MB response limit', () => {
  it('is read in chunks: more round trips than below the limit, and the benchmark says how many', async () => {
    const chunked = await measureChunkedRead(2, 20_000);
    expect(chunked.bytes).toBeGreaterThan(chunked.limit);
    expect(chunked.validateBelowLimit).toBe(EXPECTED.validateWorkbook);
    expect(chunked.added).toBeGreaterThan(0);
    expect(chunked.validate).toBe(chunked.validateBelowLimit + chunked.added);
  });
});
