/**
 * Sums over files that could not all be read (SPEC §6, §7, §8; red team r3d D7, D8): a file that
 * cannot be read is amounts that cannot be read. The sums say they are incomplete and name the file,
 * in the text, the JSON and the CSV, never a 0 for what was not read; `report` counts projects, not
 * files without one.
 */

import { runCli, runCliJson, lines, type Ran } from './run-cli';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { width } from '../../src/cli/report';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readWorkbook } from '../../src/domain/reader';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';

jest.setTimeout(60_000);

let dir: string;

const cli = (...argv: string[]): Promise<Ran> => runCli(dir, ...argv);
const json = (...argv: string[]) => runCliJson(dir, ...argv);

/** The seed table with its 预算数 replaced, found through the reader so no address is assumed. */
function withTotal(grid: Grid, value: string): { grid: Grid; cell: string } {
  const [table] = readWorkbook([grid]);
  const f = table.budget.total;
  if (!f) throw new Error(`no 预算数 in ${grid.sheet}`);
  const copy: Grid = { ...grid, cells: grid.cells.map((r) => [...r]) };
  copy.cells[f.row - grid.top][f.col - grid.left] = { value };
  return { grid: copy, cell: f.cell as string };
}

let pendingCell: string;
let pendingSheet: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-unread-'));
  // A folder as reviewers get it: one good workbook, an empty file, a CSV saved as .xlsx.
  await fs.mkdir(path.join(dir, 'batch'));
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'batch', 'a-seed.xlsx'));
  await fs.writeFile(path.join(dir, 'batch', 'b-zero.xlsx'), '');
  await fs.writeFile(path.join(dir, 'batch', 'c-csv.xlsx'), '项目名称,预算数\n群众工作中心运行,10\n');
  // Nothing readable at all.
  await fs.mkdir(path.join(dir, 'bad'));
  await fs.writeFile(path.join(dir, 'bad', 'zero.xlsx'), '');
  await fs.writeFile(path.join(dir, 'bad', 'csv.xlsx'), 'a,b\n1,2\n');
  // A readable workbook with an amount that cannot be read.
  const grids = seedStandardGrids();
  const pending = withTotal(grids[2], '待定');
  grids[2] = pending.grid;
  pendingCell = pending.cell;
  pendingSheet = pending.grid.sheet;
  await writeGridsXlsx(grids, path.join(dir, 'pending.xlsx'));
  // A workbook without any 绩效目标表.
  await writeGridsXlsx([gridFromRows('Sheet1', [])], path.join(dir, 'empty.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('totals over a folder where some files cannot be read (D7)', () => {
  it('JSON: the sums are null, and totals.incomplete names each file not read with why', async () => {
    const { code, doc, stderr } = await json('totals', 'batch');
    expect(code).toBe(2);
    expect(lines(stderr)).toHaveLength(2);
    const seed = doc.files.find((f) => f.file.endsWith('a-seed.xlsx'));
    expect(seed?.tables).toHaveLength(6);
    // Each project that was read keeps its amounts …
    expect(seed?.tables.map((tb) => tb.budget.total)).toEqual([
      '10.00',
      '16.35',
      '2.65',
      '20.00',
      '33.00',
      '20.00',
    ]);
    // … but no sum passes for the whole folder.
    expect(doc.totals).toMatchObject({
      total: null,
      fiscal: null,
      other: null,
      planned: [null, null, null, null],
    });
    expect(doc.totals.projects).toBe(6);
    const errorOf = (name: string): string | undefined => doc.files.find((f) => f.file.endsWith(name))?.error;
    expect(doc.totals.incomplete).toEqual([
      {
        file: path.join('batch', 'b-zero.xlsx'),
        sheet: '',
        cell: '',
        field: 'file',
        reason: 'unreadable',
        error: errorOf('b-zero.xlsx'),
      },
      {
        file: path.join('batch', 'c-csv.xlsx'),
        sheet: '',
        cell: '',
        field: 'file',
        reason: 'unreadable',
        error: errorOf('c-csv.xlsx'),
      },
    ]);
    expect(errorOf('b-zero.xlsx')).toEqual(expect.any(String));
  });

  it('text: 合计 is 未能读取, the words say incomplete, give what was read and name the files', async () => {
    const r = await cli('totals', 'batch');
    expect(r.code).toBe(2);
    const out = lines(r.stdout);
    const sum = out.find((l) => l.startsWith('合计')) as string;
    expect(sum).toMatch(/^合计\s+未能读取/);
    expect(sum).not.toMatch(/\d/);
    expect(r.stdout).not.toMatch(/合计预算数 102\.00/);
    expect(r.stdout).toContain(
      '合计不完整：有 2 个文件无法读取，其中的金额没有计入；已读取的预算数合计 102.00 万元。',
    );
    for (const name of ['b-zero.xlsx', 'c-csv.xlsx'])
      expect(out).toContain(`  ${path.join('batch', name)}：文件无法读取，没有计入`);
    // The projects read are still listed with their amounts.
    expect(out.some((l) => /驻京值班\s+20\.00/.test(l))).toBe(true);
    for (const l of out) expect(width(l)).toBeLessThanOrEqual(100);
  });

  it('text in English says the same', async () => {
    const r = await cli('totals', 'batch', '--lang', 'en-US');
    expect(r.stdout).toContain(
      'Totals incomplete: 2 file(s) could not be read and are not counted; the budgets read add up to 102.00 万元.',
    );
    expect(lines(r.stdout)).toContain(`  ${path.join('batch', 'b-zero.xlsx')}: cannot be read, not counted`);
  });

  it('CSV: each file not read is a row of 未能读取, and so is 合计', async () => {
    const r = await cli('totals', 'batch', '--format', 'csv');
    expect(r.code).toBe(2);
    const rows = r.stdout
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter((l) => l !== '');
    const unread = '未能读取,未能读取,未能读取,未能读取,未能读取,未能读取,未能读取';
    expect(rows).toContain(`${path.join('batch', 'b-zero.xlsx')},,,（文件无法读取）,${unread}`);
    expect(rows).toContain(`${path.join('batch', 'c-csv.xlsx')},,,（文件无法读取）,${unread}`);
    expect(rows[rows.length - 1]).toBe(`合计,,,,${unread}`);
    expect(rows).toHaveLength(1 + 6 + 2 + 1);
  });

  it('check --format json carries the same totals', async () => {
    const { code, doc } = await json('check', 'batch');
    expect(code).toBe(2);
    expect(doc.totals.total).toBeNull();
    expect(doc.totals.incomplete?.map((u) => u.field)).toEqual(['file', 'file']);
  });

  it('an unread amount and an unread file together: both named, in file order', async () => {
    const { code, doc } = await json('totals', 'batch/b-zero.xlsx', 'pending.xlsx');
    expect(code).toBe(2);
    expect(doc.totals.total).toBeNull();
    expect(doc.totals.incomplete).toEqual([
      expect.objectContaining({ file: path.join('batch', 'b-zero.xlsx'), field: 'file' }),
      { file: 'pending.xlsx', sheet: pendingSheet, cell: pendingCell, field: 'total', reason: 'unreadable' },
    ]);
    const text = await cli('totals', 'batch/b-zero.xlsx', 'pending.xlsx');
    expect(text.stdout).toContain(
      '合计不完整：有 1 个文件无法读取、1 个金额未能读取，都没有计入；已读取的预算数合计 99.35 万元。',
    );
    expect(text.stdout).toContain(`${pendingCell}：预算数无法读取为金额`);
  });

  it('all files readable: unchanged, complete sums and no incomplete marker', async () => {
    const { code, doc } = await json('totals', 'batch/a-seed.xlsx');
    expect(code).toBe(0);
    expect(doc.totals.total).toBe('102.00');
    expect(doc.totals.incomplete).toBeUndefined();
    const text = await cli('totals', 'batch/a-seed.xlsx');
    expect(text.stdout).toContain('合计预算数 102.00 万元');
    expect(text.stdout).not.toContain('不完整');
  });
});

describe('totals when no file can be read: never a 0', () => {
  it('text: no 合计 of 0.00, but says there is nothing to add up and names the files', async () => {
    const r = await cli('totals', 'bad');
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/0\.00/);
    expect(r.stdout).not.toMatch(/^合计/m);
    expect(r.stdout).toContain('没有合计：2 个文件无法读取，没有读到任何项目。');
    expect(lines(r.stdout)).toContain(`  ${path.join('bad', 'zero.xlsx')}：文件无法读取，没有计入`);
    const en = await cli('totals', 'bad', '--lang', 'en-US');
    expect(en.stdout).not.toMatch(/0\.00/);
    expect(en.stdout).toContain('No totals: 2 file(s) could not be read and no project was read.');
  });

  it('also beside a readable file that holds no table', async () => {
    const r = await cli('totals', 'empty.xlsx', 'bad/zero.xlsx');
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/0\.00/);
    expect(r.stdout).toContain('没有合计：1 个文件无法读取');
  });

  it('JSON and CSV: null and 未能读取, with the files named', async () => {
    const { doc } = await json('totals', 'bad');
    expect(doc.totals).toMatchObject({
      total: null,
      fiscal: null,
      other: null,
      planned: [null, null, null, null],
    });
    expect(doc.totals.projects).toBe(0);
    expect(doc.totals.incomplete?.map((u) => u.file).sort()).toEqual(
      [path.join('bad', 'csv.xlsx'), path.join('bad', 'zero.xlsx')].sort(),
    );
    const csv = await cli('totals', 'bad', '--format', 'csv');
    expect(csv.stdout).not.toMatch(/0\.00/);
    expect(csv.stdout.trimEnd().split('\r\n').pop()).toMatch(/^合计,,,,未能读取,/);
  });
});

describe('report: the counts on stdout are of projects (D8)', () => {
  it('a file without a project is no project, and is said apart', async () => {
    await fs.copyFile(path.join(dir, 'empty.xlsx'), path.join(dir, 'batch', 'd-empty.xlsx'));
    try {
      const r = await cli('report', 'batch', '--out', 'r.xlsx');
      expect(r.code).toBe(2);
      // 4 files: the seed's 6 projects (驻京值班 has the seed's error), an empty file, a CSV, no table.
      expect(r.stdout).toMatch(
        /^已写入 r\.xlsx：4 个文件、6 个项目，通过 5 个，退回修改 1 个，问题 \d+ 条；/,
      );
      expect(r.stdout).toContain('另有 3 个文件没有可审核的项目（无法读取或没有找到绩效目标表），退回修改');
      const en = await cli('report', 'batch', '--out', 'r-en.xlsx', '--lang', 'en-US');
      expect(en.stdout).toMatch(
        /4 file\(s\), 6 project\(s\), 5 passed, 1 to return, .*; 3 more file\(s\) hold no project/,
      );
    } finally {
      await fs.rm(path.join(dir, 'batch', 'd-empty.xlsx'));
    }
  });
});

describe('a form without a spending plan', () => {
  it('says only the plans are left out: every budget is in the total', async () => {
    // The seed's first table without its 资金支出计划 rows: a form of a province that asks for none.
    const grid = seedStandardGrids()[0];
    const [table] = readWorkbook([grid]);
    // From the row that says 支出计划 down to the row of its figures.
    const first = grid.cells.findIndex((line) =>
      line.some((c) => String(c?.value ?? '').includes('支出计划')),
    );
    const last = Math.max(...table.plan.map((p) => p.row - grid.top));
    expect(first).toBeGreaterThanOrEqual(0);
    const planRows = new Set<number>();
    for (let r = first; r <= last; r++) planRows.add(grid.top + r);
    const kept: Grid = {
      ...grid,
      cells: grid.cells.map((line, r) => (planRows.has(grid.top + r) ? [] : line)),
      merges: grid.merges.filter((m) => ![...planRows].some((r) => r >= m.top && r <= m.bottom)),
    };
    await writeGridsXlsx([kept], path.join(dir, 'no-plan.xlsx'));
    const zh = await cli('totals', 'no-plan.xlsx');
    expect(zh.stdout).toContain(
      '支出计划合计不完整：有 1 个项目的支出计划未能读取，没有计入；预算数已全部读取，合计 10.00 万元。',
    );
    expect(zh.stdout).not.toContain('个金额未能读取');
    const en = await cli('totals', 'no-plan.xlsx', '--lang', 'en-US');
    expect(en.stdout).toContain(
      'Planned spending incomplete: the plans of 1 project(s) could not be read and are not counted; every budget was read, adding up to 10.00 万元.',
    );
  });
});
