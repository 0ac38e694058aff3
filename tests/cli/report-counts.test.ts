/**
 * `report`'s 汇总 (SPEC §7; red team r3d D8): a file that cannot be read counts the error 问题清单
 * lists for it, and the header counts projects, not the files that hold none.
 */

import { runCli } from './run-cli';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { gridFromRows } from '../../src/domain/grid';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';

jest.setTimeout(60_000);

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-report-counts-'));
  await fs.mkdir(path.join(dir, 'batch'));
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'batch', 'seed.xlsx'));
  await fs.writeFile(path.join(dir, 'batch', 'zero.xlsx'), '');
  await writeGridsXlsx([gridFromRows('Sheet1', [])], path.join(dir, 'batch', 'empty.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it('汇总 counts agree with 问题清单 and count projects only', async () => {
  const r = await runCli(dir, 'report', 'batch', '--out', 'r.xlsx');
  expect(r.code).toBe(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'r.xlsx'));
  const summary = wb.getWorksheet('汇总')!;
  const list = wb.getWorksheet('问题清单')!;
  const rows: unknown[][] = [];
  for (let i = 4; i <= summary.rowCount; i++) rows.push((summary.getRow(i).values as unknown[]).slice(1));
  const listed: unknown[][] = [];
  for (let i = 2; i <= list.rowCount; i++) listed.push((list.getRow(i).values as unknown[]).slice(1));
  // Per file, 错误 on 汇总 adds up to the 错误 lines of 问题清单.
  for (const file of ['batch/seed.xlsx', 'batch/zero.xlsx', 'batch/empty.xlsx'].map((f) =>
    path.join(...f.split('/')),
  )) {
    const errors = rows
      .filter((row) => row[0] === file)
      .reduce((n: number, row) => n + (row[6] as number), 0);
    expect(errors).toBe(listed.filter((row) => row[0] === file && row[5] === '错误').length);
  }
  expect(rows.find((row) => row[0] === path.join('batch', 'zero.xlsx'))?.[6]).toBe(1);
  expect(summary.getCell('A2').value).toBe(
    '共 3 个文件、6 个项目：通过 5 个，退回修改 1 个。另有 2 个文件没有可审核的项目（无法读取或没有找到绩效目标表），退回修改。',
  );
  // Without such files the header is as before.
  const clean = await runCli(dir, 'report', 'batch/seed.xlsx', '--out', 'clean.xlsx');
  expect(clean.code).toBe(0);
  const cw = new ExcelJS.Workbook();
  await cw.xlsx.readFile(path.join(dir, 'clean.xlsx'));
  expect(cw.getWorksheet('汇总')!.getCell('A2').value).toBe(
    '共 1 个文件、6 个项目：通过 5 个，退回修改 1 个。',
  );
});
