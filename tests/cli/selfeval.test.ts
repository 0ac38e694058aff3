/**
 * `perf-targets selfeval` end to end: the seed's six target tables → six 自评表; the year-end figures
 * typed with exceljs as a user would; `check --format json` scores each table as a hand calculation
 * does (SPEC §12) and names what is still to fill.
 */

import { runCli, type Ran } from './run-cli';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { JsonReport } from '../../src/cli/report';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';
import { templateGrid } from '../fixtures/table-builder';
import { withRow } from '../domain/rules/rule-tester';

jest.setTimeout(60000);

let dir: string;

const cli = (...argv: string[]): Promise<Ran> => runCli(dir, ...argv);

async function fill(file: string, values: Record<string, Record<string, string | number>>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  for (const [sheet, cells] of Object.entries(values)) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  }
  await wb.xlsx.writeFile(path.join(dir, file));
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-'));
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'seed.xlsx'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('perf-targets selfeval', () => {
  test('six 自评表 from the seed, scored as by hand once filled', async () => {
    const written = await cli('selfeval', 'seed.xlsx', '--out', '自评表.xlsx', '--year', '2024');
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('6 张自评表');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '自评表.xlsx'));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      '自评-群众工作中心运行',
      '自评-信访局办公场所运行费',
      '自评-信访网络运行维护费',
      '自评-疑难信访资金',
      '自评-值班接访',
      '自评-驻京值班',
    ]);
    const first = wb.worksheets[0]!;
    expect(first.getCell('A1').value).toBe('项目支出绩效自评表（2024年度）');
    expect(first.getCell('C6').value).toBe(10);
    expect(first.getCell('G6').formula).toMatch(/^IF\(/);
    expect(first.getCell('E12').protection?.locked).toBe(false);
    expect(first.getCell('D12').protection?.locked).not.toBe(false);

    await fill('自评表.xlsx', {
      '自评-群众工作中心运行': {
        D6: 10,
        E6: 12.5, // 执行率 125 %: capped at 10
        E12: '25次', // ≤20次, inside 2×: (1 − 5/20) × 16.66 = 12.495 → 12.50
        E13: '81%', // ≥90%: 81/90 × 16.66 = 14.994 → 14.99
        E14: '95%', // met: 16.68
        E15: '320天', // met: 15
        E16: '25次', // ≤10次, beyond 2×: 0
        E17: '90%', // met: 10
      },
      '自评-疑难信访资金': {
        D6: 20,
        E6: 18, // 0.9 × 10 = 9
        E12: '3次', // ≤5次 met: 16.66
        E13: '90%', // 16.66
        E14: '60%', // 75% (＝, scored as 正向): 60/75 × 16.68 = 13.344 → 13.34
        E15: '60', // 15
        E16: '5次', // 15
        E17: '92%', // 10
      },
    });
    const checked = await cli('check', '自评表.xlsx', '--format', 'json');
    const doc = JSON.parse(checked.stdout) as JsonReport;
    const tables = doc.files[0]!.tables;
    expect(tables.map((t) => t.form)).toEqual(Array(6).fill('selfEval'));
    expect(tables[0]!.selfEval).toEqual({ score: '79.17', grade: '中', weights: '100.00' });
    expect(tables[3]!.selfEval).toEqual({ score: '95.66', grade: '优', weights: '100.00' });
    expect(tables[1]!.selfEval).toEqual({ score: null, grade: null, weights: '100.00' });
    const findings = doc.files[0]!.findings ?? [];
    const on = (sheet: string, rule: string): string[] =>
      findings.filter((f) => f.sheet === sheet && f.rule === rule).map((f) => f.cell);
    expect(on('自评-群众工作中心运行', 'selfeval/missing-reason')).toEqual(['H12', 'H13', 'H16']);
    expect(on('自评-群众工作中心运行', 'selfeval/over-spent')).toEqual(['E6']);
    expect(on('自评-信访局办公场所运行费', 'selfeval/missing-actual')).toEqual([
      'D6',
      'E6',
      'E12',
      'E13',
      'E14',
      'E15',
      'E16',
      'E17',
    ]);
    // Besides its own rules, a 自评表 shows only the defects of the targets it copied (column D: the
    // seed's `≤500件` as a time limit, `75%` without a comparator, `≤20万元` for a rate): nothing of a target table's form.
    const others = findings.filter((f) => !f.rule.startsWith('selfeval/'));
    expect(others.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      '自评-信访网络运行维护费!D14 indicator/level2-mismatch',
      '自评-疑难信访资金!D14 indicator/no-comparator',
      '自评-驻京值班!D15 indicator/unit-mismatch',
    ]);
  });

  test('a qualitative target: a grade from the list and a score within it', async () => {
    const target = withRow(4, { name: '培训成果在工作中得到应用', value: '显著提升' });
    await writeGridsXlsx([templateGrid('业务培训', target)], path.join(dir, 'training.xlsx'));
    expect((await cli('selfeval', 'training.xlsx', '--out', 'training-自评.xlsx')).code).toBe(0);
    await fill('training-自评.xlsx', {
      '自评-业务培训': {
        D6: 10,
        E6: 9.5, // 9.5
        E12: '210人',
        E13: '96%',
        E14: '28天',
        E15: '7.8万元',
        E16: '部分达成年度指标并具有一定效果',
        G16: 20, // within 60–80 % of 30
        E17: '95%',
        H16: '部分学员所在岗位调整，应用情况尚待跟踪。',
      },
    });
    const doc = JSON.parse(
      (await cli('check', 'training-自评.xlsx', '--format', 'json')).stdout,
    ) as JsonReport;
    expect(doc.files[0]!.tables[0]!.selfEval).toEqual({ score: '89.50', grade: '良', weights: '100.00' });
    expect(doc.files[0]!.findings).toEqual([]);
  });

  test('never replaces a file unless --force', async () => {
    await fs.writeFile(path.join(dir, 'taken.xlsx'), 'mine');
    const r = await cli('selfeval', 'seed.xlsx', '--out', 'taken.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('文件已存在');
    expect(await fs.readFile(path.join(dir, 'taken.xlsx'), 'utf8')).toBe('mine');
    expect((await cli('selfeval', 'seed.xlsx', '--out', 'taken.xlsx', '--force')).code).toBe(0);
  });

  test('a workbook without a target table writes nothing', async () => {
    const r = await cli('selfeval', '自评表.xlsx', '--out', 'again.xlsx', '--lang', 'en-US');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no performance-target table');
    await expect(fs.stat(path.join(dir, 'again.xlsx'))).rejects.toThrow();
  });
});
