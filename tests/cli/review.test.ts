/**
 * The reviewer's desk (SPEC §7): `annotate` writes the copy a unit gets back — notes on the finding
 * cells and a first sheet 审核意见 with links — and `report` one workbook for a batch. Read back with
 * exceljs; the files read are hashed before and after.
 */

import { runCli, type Ran } from './run-cli';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { JsonReport } from '../../src/cli/report';
import { seedDocumentBody, writeDocx } from '../fixtures/docx';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';

jest.setTimeout(60_000);

let dir: string;

const cli = (...argv: string[]): Promise<Ran> => runCli(dir, ...argv);

const hash = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await fs.readFile(path.join(dir, file)))
    .digest('hex');

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb;
}

/** The worksheet part of the first sheet (审核意见) in the package. */
async function reviewPart(zip: JSZip): Promise<string> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rId = /<sheet [^>]*r:id="([^"]+)"/.exec(wb)![1];
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return `xl/${target}`;
}

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');
const noteOf = (cell: ExcelJS.Cell): string => {
  const note = cell.note;
  if (!note) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((r) => r.text).join('');
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-review-'));
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, '信访局.xlsx'));
  await writeDocx(seedDocumentBody(), path.join(dir, '信访局.docx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('annotate', () => {
  let findings: NonNullable<JsonReport['files'][number]['findings']>;
  let before: string;
  let written: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    findings = (JSON.parse((await cli('check', '信访局.xlsx', '--format', 'json')).stdout) as JsonReport)
      .files[0].findings!;
    before = await hash('信访局.xlsx');
    written = await cli('annotate', '信访局.xlsx');
  });

  it('writes 信访局（审核意见）.xlsx beside the file and never touches the file itself', async () => {
    expect(written.code).toBe(0);
    expect(written.stderr).toBe('');
    expect(written.stdout).toMatch(/^已写入 信访局（审核意见）\.xlsx：\d+ 个单元格加了批注/);
    expect(await hash('信访局.xlsx')).toBe(before);
  });

  it('puts each finding as a note on its cell, prefixed with its severity, with the value to write', async () => {
    const wb = await open('信访局（审核意见）.xlsx');
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) {
      const note = noteOf(wb.getWorksheet(f.sheet)!.getCell(f.cell));
      const label = { error: '[错误]', warning: '[警告]', info: '[提示]' }[f.severity];
      expect(note).toContain(`${label} ${f.message}`);
      if (f.fix) expect(note).toContain(`建议改为：${f.fix.value}`);
    }
  });

  it('changes no value the unit wrote', async () => {
    const original = await open('信访局.xlsx');
    const copy = await open('信访局（审核意见）.xlsx');
    for (const ws of original.worksheets) {
      const other = copy.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell((cell) => expect(other.getCell(cell.address).value).toEqual(cell.value)),
      );
      expect(Object.keys(other.model.merges ?? [])).toEqual(Object.keys(ws.model.merges ?? []));
    }
  });

  it('opens on a first sheet 审核意见 listing every finding, errors first, each linking to its cell', async () => {
    const wb = await open('信访局（审核意见）.xlsx');
    const first = wb.worksheets[0];
    expect(first.name).toBe('审核意见');
    expect(first.getCell('A1').text).toBe('审核意见：信访局.xlsx');
    expect(first.getCell('A2').text).toMatch(/错误 1 个/);
    expect(first.getRow(3).values).toEqual(
      expect.arrayContaining(['序号', '工作表', '单元格', '项目', '级别', '问题', '建议改为', '规则']),
    );
    // Links inside the workbook, as Excel writes them: a location on the cell, no relationship.
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, '信访局（审核意见）.xlsx')));
    const sheetXml = await zip.file(await reviewPart(zip))!.async('string');
    const locations = new Map(
      [...sheetXml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"/g)].map((m) => [
        m[1],
        m[2].replace(/&apos;/g, "'"),
      ]),
    );
    const rows: { sheet: string; link: string; severity: string; message: string }[] = [];
    for (let r = 4; r <= first.rowCount; r++) {
      expect(first.getCell(r, 3).text).toMatch(/^[A-Z]+\d+$/);
      rows.push({
        sheet: first.getCell(r, 2).text,
        link: `#${locations.get(`C${r}`)}`,
        severity: first.getCell(r, 5).text,
        message: first.getCell(r, 6).text,
      });
    }
    expect(rows).toHaveLength(findings.length);
    expect(rows[0].severity).toBe('错误');
    for (const f of findings) {
      const row = rows.find((x) => x.message === f.message && x.sheet === f.sheet);
      expect(row?.link).toBe(`#'${f.sheet}'!${f.cell}`);
    }
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('refuses to replace an existing copy without --force, and the file itself even with it', async () => {
    const again = await cli('annotate', '信访局.xlsx');
    expect(again.code).toBe(2);
    expect(lines(again.stderr)).toEqual([
      expect.stringMatching(/文件已存在，未覆盖（如需覆盖请加 --force）/),
    ]);
    expect((await cli('annotate', '信访局.xlsx', '--force')).code).toBe(0);
    const self = await cli('annotate', '信访局.xlsx', '--out', '信访局.xlsx', '--force');
    expect(self.code).toBe(2);
    expect(lines(self.stderr)).toEqual([expect.stringMatching(/不能写回原文件/)]);
    expect(await hash('信访局.xlsx')).toBe(before);
  });

  it('copies a part exceljs would refuse as it is: the copy is made from the package, not re-written', async () => {
    // A stray element in docProps/core.xml: the checker reads the cells; exceljs could not load the
    // file, but the copy does not need it to.
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, '信访局.xlsx')));
    const core = await zip.file('docProps/core.xml')!.async('string');
    const stray = core.replace(/(<cp:coreProperties[^>]*>)/, '$1<sheet name="x"/>');
    zip.file('docProps/core.xml', stray);
    await fs.writeFile(path.join(dir, '不规范.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const checked = await cli('check', '不规范.xlsx', '--format', 'json');
    expect(checked.stderr).toBe('');
    const r = await cli('annotate', '不规范.xlsx');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const copy = await JSZip.loadAsync(await fs.readFile(path.join(dir, '不规范（审核意见）.xlsx')));
    expect(await copy.file('docProps/core.xml')!.async('string')).toBe(stray);
  });

  it('says so, naming the file, when the tables are read but the copy cannot be written', async () => {
    // No [Content_Types].xml: the cells can be read, but no part can be added that Excel would open.
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, '信访局.xlsx')));
    zip.remove('[Content_Types].xml');
    await fs.writeFile(path.join(dir, '无类型.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const checked = await cli('check', '无类型.xlsx', '--format', 'json');
    expect(checked.stderr).toBe('');
    const r = await cli('annotate', '无类型.xlsx');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(
        /^perf-targets: 无类型\.xlsx: 无法为该文件写批注版：.*可用 report 命令生成审核意见$/,
      ),
    ]);
    await expect(fs.stat(path.join(dir, '无类型（审核意见）.xlsx'))).rejects.toThrow();
  });

  it('says that a Word document is reviewed with report', async () => {
    const r = await cli('annotate', '信访局.docx');
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/Word 文档请用 report/)]);
  });
});

describe('report', () => {
  let before: string[];
  let r: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    await fs.writeFile(path.join(dir, 'broken.xlsx'), 'not a workbook');
    before = [await hash('信访局.xlsx'), await hash('信访局.docx')];
    r = await cli('report', '信访局.xlsx', '信访局.docx', 'broken.xlsx', '--out', '审核意见.xlsx');
  });

  it('writes the report, names the file it could not read on stderr and exits 2, the inputs untouched', async () => {
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^perf-targets: broken\.xlsx: /)]);
    // 12 projects; broken.xlsx holds none: a file to return, not a project.
    expect(r.stdout).toMatch(
      /^已写入 审核意见\.xlsx：3 个文件、12 个项目，.*；另有 1 个文件没有可审核的项目/,
    );
    expect([await hash('信访局.xlsx'), await hash('信访局.docx')]).toEqual(before);
  });

  it('汇总: one row per file and project with unit, budget, counts and the verdict', async () => {
    const wb = await open('审核意见.xlsx');
    const ws = wb.getWorksheet('汇总')!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单']);
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '文件',
      '单位',
      '工作表',
      '项目编码',
      '项目',
      '预算数（万元）',
      '错误',
      '警告',
      '提示',
      '审核结论',
    ]);
    const rows = [];
    for (let i = 4; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1));
    expect(rows).toHaveLength(13);
    const xlsxRows = rows.filter((row) => row[0] === '信访局.xlsx');
    expect(xlsxRows.map((row) => row[4])).toEqual([
      '群众工作中心运行',
      '信访局办公场所运行费',
      '信访网络运行维护费',
      '疑难信访资金',
      '值班接访',
      '驻京值班',
    ]);
    expect(xlsxRows.map((row) => row[5])).toEqual(['10.00', '16.35', '2.65', '20.00', '33.00', '20.00']);
    for (const row of xlsxRows) expect(row[1]).toBe('207002中国共产党临西县委员会信访局');
    // 驻京值班 has the seed's error; the others pass.
    expect(xlsxRows.map((row) => row[9])).toEqual(['通过', '通过', '通过', '通过', '通过', '退回修改']);
    // The same projects again in the Word document are duplicates of the workbook's: returned.
    const docRows = rows.filter((row) => row[0] === '信访局.docx');
    expect(docRows.map((row) => row[2])).toEqual(['表1', '表2', '表3', '表4', '表5', '表6']);
    expect(docRows.every((row) => row[9] === '退回修改')).toBe(true);
    expect(rows.find((row) => row[0] === 'broken.xlsx')).toEqual(
      expect.arrayContaining(['broken.xlsx', '（文件无法读取）', '退回修改']),
    );
  });

  it('问题清单: every finding with file, unit, project, sheet, cell, severity, message and rule; header frozen, filter on', async () => {
    const check = JSON.parse(
      (await cli('check', '信访局.xlsx', '信访局.docx', '--format', 'json')).stdout,
    ) as JsonReport;
    const all = check.files.flatMap((f) => f.findings!.map((x) => ({ ...x, file: f.file })));
    const wb = await open('审核意见.xlsx');
    const ws = wb.getWorksheet('问题清单')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '文件',
      '单位',
      '项目',
      '工作表',
      '单元格',
      '级别',
      '问题',
      '建议改为',
      '规则',
    ]);
    const rows = [];
    for (let i = 2; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1));
    // Every finding, and one line for the file that could not be read.
    expect(rows).toHaveLength(all.length + 1);
    for (const f of all)
      expect(rows).toContainEqual(expect.arrayContaining([f.file, f.sheet, f.cell, f.message, f.rule]));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
  });

  it('问题清单: rows a table continued on another sheet are listed under its project', async () => {
    const [whole] = seedStandardGrids();
    const at = 11 - whole!.top;
    await writeGridsXlsx(
      [
        { ...whole!, cells: whole!.cells.slice(0, at), merges: whole!.merges.filter((m) => m.bottom < 11) },
        {
          ...whole!,
          sheet: '第2页',
          top: 0,
          cells: whole!.cells.slice(at),
          merges: whole!.merges
            .filter((m) => m.top >= 11)
            .map((m) => ({ ...m, top: m.top - 11, bottom: m.bottom - 11 })),
        },
      ],
      path.join(dir, 'cut.xlsx'),
    );
    await cli('report', 'cut.xlsx', '--out', 'cut审核意见.xlsx');
    const ws = (await open('cut审核意见.xlsx')).getWorksheet('问题清单')!;
    const rows = [];
    for (let i = 2; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1));
    const stray = rows.find((row) => row[8] === 'table/stray-rows');
    // its unit and project are the table's it continues, not left empty
    expect(stray?.slice(1, 5)).toEqual([
      '207002中国共产党临西县委员会信访局',
      '群众工作中心运行',
      '第2页',
      'B1',
    ]);
  });

  it('needs --out, in the user’s language', async () => {
    const zh = await cli('report', '信访局.xlsx');
    expect(zh.code).toBe(2);
    expect(lines(zh.stderr)).toEqual(['perf-targets: 用法错误：缺少必需的选项 --out <file>']);
    const en = await cli('report', '信访局.xlsx', '--lang', 'en-US');
    expect(lines(en.stderr)).toEqual(['perf-targets: usage error: the option --out <file> is required']);
  });

  it('refuses an existing report without --force', async () => {
    const again = await cli('report', '信访局.xlsx', '--out', '审核意见.xlsx');
    expect(again.code).toBe(2);
    expect(lines(again.stderr)).toEqual([expect.stringMatching(/文件已存在/)]);
  });
});
