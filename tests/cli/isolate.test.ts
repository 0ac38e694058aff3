/**
 * SPEC §7: reading runs where running out of memory or time ends that file, not the process. The
 * guard is switched off here (its limits raised out of reach), so that exceljs itself meets the
 * crafted file inside the reader worker, under a small heap or a short time.
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gridFromRows } from '../../src/domain/grid';
import { DEFAULT_LIMITS, readXlsx, XlsxReadError, type XlsxLimits } from '../../src/cli/read-xlsx';
import { minimalXlsxParts, writeGridsXlsx, zipParts } from '../fixtures/xlsx';

const NO_GUARD: XlsxLimits = {
  ...DEFAULT_LIMITS,
  elements: Infinity,
  cells: Infinity,
  rows: Infinity,
  columns: Infinity,
  mergesPerSheet: Infinity,
};

let dir: string;
/** A merge over the whole sheet: exceljs builds every cell of it, past any small heap. */
let bomb: string;
/** 500,000 cells take exceljs seconds (2.5–6 s on the development machine); the guard is off here. */
let slow: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-isolate-'));
  bomb = path.join(dir, 'merge.xlsx');
  await fs.writeFile(
    bomb,
    zipParts(minimalXlsxParts('<sheetData/><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>')),
  );
  const rows = Array.from({ length: 50_000 }, (_, i) => {
    const r = i + 1;
    const cells = 'ABCDEFGHIJ'
      .split('')
      .map((c, j) => `<c r="${c}${r}"><v>${j}</v></c>`)
      .join('');
    return `<row r="${r}">${cells}</row>`;
  });
  slow = path.join(dir, 'cells.xlsx');
  await fs.writeFile(slow, zipParts(minimalXlsxParts(`<sheetData>${rows.join('')}</sheetData>`)));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function readError(p: string, limits: XlsxLimits): Promise<XlsxReadError> {
  try {
    await readXlsx(p, limits);
  } catch (err) {
    if (err instanceof XlsxReadError) return err;
    throw err;
  }
  throw new Error(`${p} was read`);
}

describe('the reader worker', () => {
  it('ends a file that exhausts its heap with out-of-memory, then reads the next file', async () => {
    const err = await readError(bomb, { ...NO_GUARD, heapMb: 96 });
    expect(err.code).toBe('out-of-memory');
    expect(err.data).toEqual({ limit: 96 });

    const good = path.join(dir, 'good.xlsx');
    await writeGridsXlsx([gridFromRows('项目', [['项目名称', '培训']])], good);
    const [grid] = await readXlsx(good);
    expect(grid.cells[0][1]?.value).toBe('培训');
  }, 120_000);

  it('ends a file that takes longer than its time with timeout', async () => {
    const err = await readError(slow, { ...NO_GUARD, timeMs: 1_000 });
    expect(err.code).toBe('timeout');
    expect(err.data).toEqual({ limit: 1 });
  }, 120_000);

  it('files asked for behind one that ends its worker are read by a fresh worker', async () => {
    const after = ['x', 'y'];
    await Promise.all(
      after.map((n) => writeGridsXlsx([gridFromRows(n, [[n]])], path.join(dir, `${n}.xlsx`))),
    );
    // All asked at once: the worker has them queued when the first ends it.
    const results = await Promise.allSettled([
      readXlsx(slow, { ...NO_GUARD, timeMs: 1_000 }),
      readXlsx(path.join(dir, 'x.xlsx')),
      readXlsx(bomb, { ...NO_GUARD, heapMb: 96 }),
      readXlsx(path.join(dir, 'y.xlsx')),
    ]);
    expect(
      results.map((r) => (r.status === 'fulfilled' ? r.value[0].sheet : (r.reason as XlsxReadError).code)),
    ).toEqual(['timeout', 'x', 'out-of-memory', 'y']);
  }, 120_000);

  it('reads files asked for together one after the other, each with its own answer', async () => {
    const names = ['a', 'b', 'c'];
    await Promise.all(
      names.map((n) => writeGridsXlsx([gridFromRows(n, [[n]])], path.join(dir, `${n}.xlsx`))),
    );
    await fs.writeFile(path.join(dir, 'bad.xlsx'), 'not a zip');
    const results = await Promise.allSettled(
      [...names, 'bad'].map((n) => readXlsx(path.join(dir, `${n}.xlsx`))),
    );
    expect(
      results.map((r) => (r.status === 'fulfilled' ? r.value[0].sheet : (r.reason as XlsxReadError).code)),
    ).toEqual(['a', 'b', 'c', 'not-zip']);
  }, 120_000);
});
