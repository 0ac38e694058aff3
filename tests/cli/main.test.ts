/** `perf-targets` in-process through `run`: what a reviewer sees on stdout/stderr, and the exit codes. */

import { runCli, runCliJson, type Ran } from './run-cli';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readXlsx } from '../../src/cli/read-xlsx';
import { csvField, printable, width, type JsonReport } from '../../src/cli/report';
import { cellAt, gridFromRows, type Grid } from '../../src/domain/grid';
import { parseA1 } from '../../src/domain/address';
import { readWorkbook } from '../../src/domain/reader';
import { cliStrings } from '../../src/i18n/cli';
import { seedPastedGrid, seedStandardGrids } from '../fixtures/seed-grids';
import { minimalXlsxParts, writeGridsXlsx, zipParts } from '../fixtures/xlsx';

// The reader runs in a worker thread: on a loaded machine the first check takes seconds.
jest.setTimeout(30_000);

let dir: string;

const cli = (...argv: string[]): Promise<Ran> => runCli(dir, ...argv);

const json = (...argv: string[]) => runCliJson(dir, ...argv);

const stderrLines = (r: { stderr: string }): string[] => r.stderr.split('\n').filter((l) => l !== '');

/** The text a cell of a written file holds, read back from the file itself. */
async function cellText(file: string, sheet: string, a1: string): Promise<string> {
  const grid = (await readXlsx(path.join(dir, file))).find((g) => g.sheet === sheet) as Grid;
  const { row, col } = parseA1(a1);
  return String(cellAt(grid, row, col)?.value ?? '');
}

/** A seed grid with one field replaced, found through the reader so no address is assumed. */
function withField(grid: Grid, field: 'name' | 'code' | 'total', value: GridCellValue): Grid {
  const [table] = readWorkbook([grid]);
  const f = field === 'total' ? table.budget.total : table[field];
  if (!f) throw new Error(`no ${field} in ${grid.sheet}`);
  const copy: Grid = { ...grid, cells: grid.cells.map((r) => [...r]) };
  copy.cells[f.row - grid.top][f.col - grid.left] = typeof value === 'object' ? value : { value };
  return copy;
}
type GridCellValue = string | number | { value: string; error: true };

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-cli-'));
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'standard.xlsx'));
  await writeGridsXlsx([seedPastedGrid()], path.join(dir, 'pasted.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('check: the seed workbooks (SPEC §4 reference answers)', () => {
  for (const file of ['standard.xlsx', 'pasted.xlsx']) {
    describe(file, () => {
      let doc: JsonReport;
      let code: number;
      beforeAll(async () => {
        ({ doc, code } = await json('check', file));
      });

      it('finds the six projects with their budgets, plans and indicators', () => {
        expect(doc.files).toHaveLength(1);
        const [f] = doc.files;
        expect(f.file).toBe(file);
        expect(f.error).toBeUndefined();
        expect(f.tables).toHaveLength(6);
        expect(f.tables.map((t) => t.name)).toEqual([
          '群众工作中心运行',
          '信访局办公场所运行费',
          '信访网络运行维护费',
          '疑难信访资金',
          '值班接访',
          '驻京值班',
        ]);
        const first = f.tables[0];
        expect(first).toMatchObject({
          code: '207-0401-YBN-3HDD',
          profile: 'hebei-2019',
          form: 'target',
          budget: { total: '10.00', fiscal: '10.00', other: '0.00' },
          plan: [20, 50, 85, 100],
          indicators: 6,
        });
        expect(first.range).toMatch(/^A\d+:G\d+$/);
        expect(f.tables[1].plan).toEqual([null, null, null, 100]);
        expect(f.tables.every((t) => t.unit === '207002中国共产党临西县委员会信访局')).toBe(true);
      });

      it('reports the reference findings at the cells that hold them', async () => {
        const [f] = doc.files;
        const byName = (name: string) =>
          f.tables.find((t) => t.name === name) as JsonReport['files'][0]['tables'][0];
        const inTable = (name: string, rule: string) => {
          const t = byName(name);
          const [a, b] = t.range.split(':').map(parseA1);
          return f.findings!.filter((x) => {
            if (x.rule !== rule || x.sheet !== t.sheet) return false;
            const at = parseA1(x.cell);
            return at.row >= a.row && at.row <= b.row;
          });
        };
        const noComparator = inTable('疑难信访资金', 'indicator/no-comparator');
        expect(noComparator).toHaveLength(1);
        expect(noComparator[0]).toMatchObject({
          severity: 'warning',
          fix: { cell: noComparator[0].cell, value: '≥75%' },
        });
        expect(await cellText(file, noComparator[0].sheet, noComparator[0].cell)).toBe('75%');

        const unit = inTable('驻京值班', 'indicator/unit-mismatch');
        expect(unit).toHaveLength(1);
        expect(unit[0].severity).toBe('error');
        expect(unit[0].fix).toBeUndefined();
        expect(await cellText(file, unit[0].sheet, unit[0].cell)).toBe('≤20万元');

        const level2 = inTable('信访网络运行维护费', 'indicator/level2-mismatch');
        expect(level2).toHaveLength(1);
        expect(await cellText(file, level2[0].sheet, level2[0].cell)).toBe('≤500件');

        expect(inTable('信访局办公场所运行费', 'plan/blank').length).toBeGreaterThan(0);
        expect(inTable('信访网络运行维护费', 'plan/blank').length).toBeGreaterThan(0);
        const project5 = byName('值班接访');
        expect(
          f.findings!.filter((x) => x.sheet === project5.sheet && inTable('值班接访', x.rule).includes(x)),
        ).toEqual([]);
        expect(f.findings!.filter((x) => x.severity === 'error')).toEqual(unit);
      });

      it('exits 1, since there is an error finding, and prints nothing on stderr', () => {
        expect(code).toBe(1);
      });

      it('totals the six projects exactly', () => {
        expect(doc.totals).toEqual({
          total: '102.00',
          fiscal: '102.00',
          other: '0.00',
          planned: ['17.60', '41.50', '69.55', '102.00'],
          projects: 6,
        });
      });
    });
  }

  it('gives every finding rule, severity, sheet, cell and message, and a fix only as {cell, value}', async () => {
    const { doc, stderr } = await json('check', 'standard.xlsx');
    expect(stderr).toBe('');
    for (const f of doc.files[0].findings!) {
      expect(Object.keys(f).sort()).toEqual(
        expect.arrayContaining(['cell', 'message', 'rule', 'severity', 'sheet']),
      );
      expect(
        Object.keys(f).every((k) => ['rule', 'severity', 'sheet', 'cell', 'message', 'fix'].includes(k)),
      ).toBe(true);
      if (f.fix) expect(Object.keys(f.fix).sort()).toEqual(['cell', 'value']);
      expect(f.message).not.toBe('');
    }
  });

  it('finds the same project codes in two files checked together (table/duplicate-code, on the later file)', async () => {
    const { doc, code } = await json('check', 'standard.xlsx', 'pasted.xlsx');
    expect(code).toBe(1);
    const dupes = (i: number) => doc.files[i].findings!.filter((f) => f.rule === 'table/duplicate-code');
    expect(dupes(0)).toEqual([]);
    expect(dupes(1)).toHaveLength(6);
    const codeCells = doc.files[1].tables.map((t) => t.code);
    for (const d of dupes(1)) {
      expect(d.severity).toBe('error');
      expect(codeCells).toContain(await cellText('pasted.xlsx', d.sheet, d.cell));
    }
    expect(doc.totals.projects).toBe(12);
    expect(doc.totals.total).toBe('204.00');
  });
});

describe('check: text output', () => {
  it('groups by file and sheet, in Chinese, with the cell, severity, message and fix', async () => {
    const r = await cli('check', 'standard.xlsx');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('文件：standard.xlsx');
    const sheetLine = lines.findIndex((l) => l.includes('工作表“疑难信访资金”'));
    expect(sheetLine).toBeGreaterThan(0);
    const block = lines.slice(sheetLine, sheetLine + 5).join('\n');
    expect(block).toMatch(/F\d+ \[警告\] .*75%.*（indicator\/no-comparator）/);
    expect(block).toMatch(/建议改为：≥75%/);
    expect(r.stdout).toMatch(/共 1 个文件、6 个项目：错误 1 个/);
  });

  it('speaks English with --lang en-US', async () => {
    const r = await cli('check', 'standard.xlsx', '--lang', 'en-US');
    expect(r.stdout.split('\n')[0]).toBe('File: standard.xlsx');
    expect(r.stdout).toMatch(/\[warning\] .*75%/);
    expect(r.stdout).toMatch(/suggested value: ≥75%/);
    expect(r.stdout).toMatch(/1 file\(s\), 6 project\(s\): 1 error\(s\)/);
  });

  it('keeps control characters in cell text off the terminal', async () => {
    const [grid] = seedStandardGrids();
    await writeGridsXlsx(
      [withField(grid, 'name', '项目\u001b[2J\u001b[31m红\r\n名')],
      path.join(dir, 'escape.xlsx'),
    );
    const r = await cli('check', 'escape.xlsx');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout.split('\n').find((l) => l.includes('红'))).toMatch(/红 名/);
  });

  it('printable() turns control runs into a space and drops bidi overrides', () => {
    expect(printable('a\u001b[2Jb\r\nc\u202ed\u2066e\u0085f')).toBe('a [2Jb cde f');
  });
});

describe('totals', () => {
  it('prints the JSON document without findings', async () => {
    const { doc } = await json('totals', 'standard.xlsx');
    expect(doc.files[0].findings).toBeUndefined();
    expect(doc.files[0].tables).toHaveLength(6);
    expect(doc.totals.planned).toEqual(['17.60', '41.50', '69.55', '102.00']);
    expect(doc.totals.total).toBe('102.00');
  });

  it('prints an aligned text table with a 合计 row', async () => {
    const r = await cli('totals', 'standard.xlsx');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('文件：standard.xlsx');
    expect(lines[1]).toMatch(/^ {2}项目\s+预算数\s+财政资金\s+其他资金\s+3月底\s+6月底\s+10月底\s+12月底$/);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(100);
    const sum = lines.find((l) => l.startsWith('合计')) as string;
    expect(sum.trim().split(/\s+/)).toEqual([
      '合计',
      '102.00',
      '102.00',
      '0.00',
      '17.60',
      '41.50',
      '69.55',
      '102.00',
    ]);
  });

  it('a 预算数 of 待定 is 未能读取, never 0: the total is incomplete, names the cell, and the exit code is 1', async () => {
    const grids = seedStandardGrids();
    grids[2] = withField(grids[2], 'total', '待定');
    await writeGridsXlsx(grids, path.join(dir, 'pending.xlsx'));
    const [table] = readWorkbook([grids[2] as Grid]);
    const cell = table?.budget.total?.cell as string;

    const j = await json('totals', 'pending.xlsx');
    expect(j.code).toBe(1);
    expect(j.doc.files[0]?.tables[2]?.budget.total).toBeNull();
    expect(j.doc.totals.total).toBeNull();
    expect(j.doc.totals.planned).toEqual([null, null, null, null]);
    expect(j.doc.totals.incomplete).toEqual([
      { file: 'pending.xlsx', sheet: grids[2]?.sheet, cell, field: 'total', reason: 'unreadable' },
    ]);

    const text = await cli('totals', 'pending.xlsx');
    expect(text.code).toBe(1);
    const sum = text.stdout.split('\n').find((l) => l.startsWith('合计')) as string;
    expect(sum).toContain('未能读取');
    expect(sum).not.toMatch(/\b\d+\.\d\d\b.*\b102\.00\b/);
    expect(text.stdout).toContain('合计不完整');
    expect(text.stdout).toContain(`${cell}：预算数无法读取为金额`);

    const csv = await cli('totals', 'pending.xlsx', '--format', 'csv');
    expect(csv.code).toBe(1);
    expect(csv.stdout.split('\r\n').find((l) => l.startsWith('合计'))).toMatch(/^合计,,,,未能读取,/);

    // check still exits by its findings: the unreadable 预算数 is an error there.
    expect((await cli('check', 'pending.xlsx')).code).toBe(1);
  });

  it('totals exits 0 when every amount was read, whatever the findings', async () => {
    expect((await cli('totals', 'standard.xlsx')).code).toBe(0);
  });

  it('writes CSV with a BOM, the SPEC header, one row per table and 合计, quoted and defused', async () => {
    const grids = seedStandardGrids();
    grids[0] = withField(grids[0], 'name', '=HYPERLINK("http://evil.invalid","点我")');
    grids[1] = withField(grids[1], 'code', '+207-0401');
    grids[2] = withField(grids[2], 'name', '@SUM(1,2)');
    grids[3] = withField(grids[3], 'name', '疑难,"信访"资金');
    grids[4] = withField(grids[4], 'code', '-1');
    await writeGridsXlsx(grids, path.join(dir, 'inject.xlsx'));
    const r = await cli('totals', 'inject.xlsx', '--format', 'csv');
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = r.stdout.slice(1).split('\r\n');
    expect(rows[0]).toBe('文件,工作表,项目编码,项目名称,预算数,财政资金,其他资金,3月底,6月底,10月底,12月底');
    expect(rows).toHaveLength(1 + 6 + 1 + 1);
    expect(rows[8]).toBe('');
    expect(rows[7]).toBe('合计,,,,102.00,102.00,0.00,17.60,41.50,69.55,102.00');
    expect(rows[1]).toBe(
      `inject.xlsx,群众工作中心运行,207-0401-YBN-3HDD,"'=HYPERLINK(""http://evil.invalid"",""点我"")",10.00,10.00,0.00,2.00,5.00,8.50,10.00`,
    );
    expect(rows[2].split(',')[2]).toBe("'+207-0401");
    expect(rows[3]).toContain(`"'@SUM(1,2)"`);
    expect(rows[4]).toContain(`,"疑难,""信访""资金",`);
    expect(rows[5].split(',')[2]).toBe("'-1");
    // A file name is the user's, never trimmed: it can start with anything.
    await fs.copyFile(path.join(dir, 'standard.xlsx'), path.join(dir, '=1+1.xlsx'));
    const named = await cli('totals', '=1+1.xlsx', '--format', 'csv');
    expect(named.stdout.split('\r\n')[1].startsWith("'=1+1.xlsx,")).toBe(true);
  });

  it('csvField defuses a leading tab or carriage return and quotes what needs quoting', () => {
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField('10.00')).toBe('10.00');
  });

  it('csvField defuses = + - @ after leading spaces, as a sheet named “  =lead” has them', () => {
    expect(csvField('  =lead')).toBe("'  =lead");
    expect(csvField('\u3000+1')).toBe("'\u3000+1");
    expect(csvField(' -1')).toBe("' -1");
    expect(csvField(' @A1')).toBe("' @A1");
    expect(csvField('  项目 =1')).toBe('  项目 =1');
  });
});

describe('paths that cannot be read', () => {
  beforeAll(async () => {
    await fs.writeFile(path.join(dir, 'renamed.xlsx'), '项目名称,预算数\n群众工作中心运行,10\n');
    const whole = await fs.readFile(path.join(dir, 'standard.xlsx'));
    await fs.writeFile(path.join(dir, 'truncated.xlsx'), whole.subarray(0, Math.floor(whole.length * 0.6)));
    await fs.writeFile(
      path.join(dir, 'locked.xlsx'),
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]),
    );
    await fs.writeFile(path.join(dir, 'zero.xlsx'), '');
  });

  it('names each bad path on one stderr line, exits 2, and still checks and reports the good file', async () => {
    const { code, doc, stderr } = await json(
      'check',
      'missing.xlsx',
      'renamed.xlsx',
      'standard.xlsx',
      'truncated.xlsx',
      'locked.xlsx',
      'zero.xlsx',
    );
    expect(code).toBe(2);
    const lines = stderrLines({ stderr });
    expect(lines).toHaveLength(5);
    for (const [i, name] of [
      'missing.xlsx',
      'renamed.xlsx',
      'truncated.xlsx',
      'locked.xlsx',
      'zero.xlsx',
    ].entries()) {
      expect(lines[i].startsWith(`perf-targets: ${name}: `)).toBe(true);
    }
    expect(lines[0]).toMatch(/不存在/);
    expect(lines[1]).toMatch(/不是 \.xlsx/);
    expect(lines[2]).toMatch(/不完整|损坏/);
    expect(lines[3]).toMatch(/加密.*\.xls/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(doc.files.map((f) => f.file)).toEqual([
      'missing.xlsx',
      'renamed.xlsx',
      'standard.xlsx',
      'truncated.xlsx',
      'locked.xlsx',
      'zero.xlsx',
    ]);
    const byFile = new Map(doc.files.map((f) => [f.file, f]));
    expect(byFile.get('standard.xlsx')?.tables).toHaveLength(6);
    expect(byFile.get('standard.xlsx')?.error).toBeUndefined();
    for (const bad of ['missing.xlsx', 'renamed.xlsx', 'truncated.xlsx', 'locked.xlsx', 'zero.xlsx']) {
      expect(byFile.get(bad)?.error).toEqual(expect.any(String));
      expect(byFile.get(bad)?.tables).toEqual([]);
    }
    // What was read is listed; the sum over files not all read is no sum (SPEC §6, §8).
    expect(byFile.get('standard.xlsx')?.tables.map((tb) => tb.budget.total)).toContain('33.00');
    expect(doc.totals.total).toBeNull();
    expect(doc.totals.incomplete).toHaveLength(5);
  });

  it('says the same in English with --lang en-US', async () => {
    const r = await cli('check', 'locked.xlsx', '--lang', 'en-US');
    expect(r.code).toBe(2);
    expect(stderrLines(r)).toEqual([
      expect.stringMatching(/^perf-targets: locked\.xlsx: an encrypted .*\.xls/),
    ]);
  });

  it('exits 2 for totals too, with the readable files listed and the 合计 not passed off as complete', async () => {
    const r = await cli('totals', 'standard.xlsx', 'renamed.xlsx', '--format', 'csv');
    expect(r.code).toBe(2);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stdout).toContain('standard.xlsx,值班接访,207-0401-YBN-HHIM,值班接访,33.00,');
    expect(r.stdout).toContain('renamed.xlsx,,,（文件无法读取）,未能读取,');
    expect(r.stdout).toContain('合计,,,,未能读取,');
    expect(r.stdout).not.toContain('合计,,,,102.00');
  });
});

describe('workbooks with nothing to check, or broken content', () => {
  it('an empty workbook is read: no tables, no findings, exit 0', async () => {
    await writeGridsXlsx([gridFromRows('Sheet1', [])], path.join(dir, 'empty-book.xlsx'));
    const { code, doc } = await json('check', 'empty-book.xlsx');
    expect(code).toBe(0);
    expect(doc.files[0]).toEqual({ file: 'empty-book.xlsx', tables: [], findings: [] });
    const text = await cli('check', 'empty-book.xlsx');
    expect(text.stdout).toContain('没有找到绩效目标表');
  });

  it('a sheet full of #REF! is no table; a budget cell holding #REF! is a budget error at its cell', async () => {
    const refs = gridFromRows(
      '坏表',
      Array.from({ length: 15 }, () =>
        Array.from({ length: 7 }, () => ({ value: '#REF!', error: true as const })),
      ),
    );
    const [seed] = seedStandardGrids();
    const broken = withField(seed, 'total', { value: '#REF!', error: true });
    await writeGridsXlsx([refs, broken], path.join(dir, 'refs.xlsx'));
    const { code, doc } = await json('check', 'refs.xlsx');
    expect(code).toBe(1);
    expect(doc.files[0].tables.map((t) => t.sheet)).toEqual([seed.sheet]);
    const total = readWorkbook([seed])[0].budget.total!.cell;
    expect(doc.files[0].findings).toContainEqual(
      expect.objectContaining({
        rule: 'budget/not-number',
        severity: 'error',
        sheet: seed.sheet,
        cell: total,
      }),
    );
  });

  it('a file whose sheet XML is broken is one line and exit 2', async () => {
    const parts = minimalXlsxParts('');
    parts[4] = { ...parts[4], data: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>' };
    await fs.writeFile(path.join(dir, 'badxml.xlsx'), zipParts(parts));
    const r = await cli('check', 'badxml.xlsx');
    expect(r.code).toBe(2);
    expect(stderrLines(r)).toEqual([expect.stringMatching(/^perf-targets: badxml\.xlsx: 工作簿内容已损坏/)]);
  });
});

describe('directories', () => {
  beforeAll(async () => {
    const root = path.join(dir, 'inbox');
    await fs.mkdir(path.join(root, 'unit-b', 'deep'), { recursive: true });
    await fs.mkdir(path.join(dir, 'nothing-here'), { recursive: true });
    await fs.copyFile(path.join(dir, 'standard.xlsx'), path.join(root, 'a.xlsx'));
    await fs.copyFile(path.join(dir, 'pasted.xlsx'), path.join(root, 'unit-b', 'deep', 'b.XLSX'));
    await fs.writeFile(path.join(root, '~$a.xlsx'), 'Excel lock file');
    await fs.writeFile(path.join(root, 'notes.txt'), 'not a workbook');
    await fs.writeFile(path.join(dir, 'nothing-here', 'readme.txt'), 'x');
  });

  it('checks the .xlsx files of a directory recursively, skipping Excel lock files', async () => {
    const { code, doc, stderr } = await json('check', 'inbox');
    expect(stderr).toBe('');
    expect(doc.files.map((f) => f.file)).toEqual([
      path.join('inbox', 'a.xlsx'),
      path.join('inbox', 'unit-b', 'deep', 'b.XLSX'),
    ]);
    expect(doc.totals.projects).toBe(12);
    expect(code).toBe(1);
  });

  it('a damaged .xls in a directory is named and explained, never silently left out of the count', async () => {
    const root = path.join(dir, 'old-formats');
    await fs.mkdir(root, { recursive: true });
    await fs.copyFile(path.join(dir, 'standard.xlsx'), path.join(root, 'a.xlsx'));
    // An Excel 97–2003 file starts with the OLE2 signature; nothing after it here.
    const ole = Buffer.alloc(1024);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(ole);
    await fs.writeFile(path.join(root, 'b.xls'), ole);
    const { code, doc, stderr } = await json('check', 'old-formats');
    expect(code).toBe(2);
    expect(doc.files.map((f) => f.file)).toEqual([
      path.join('old-formats', 'a.xlsx'),
      path.join('old-formats', 'b.xls'),
    ]);
    expect(stderrLines({ stderr })).toEqual([expect.stringMatching(/b\.xls: 工作簿内容已损坏/)]);
  });

  it('a directory without workbooks is an unreadable path, the others still checked', async () => {
    const { code, doc, stderr } = await json('check', 'standard.xlsx', 'nothing-here');
    expect(code).toBe(2);
    expect(stderrLines({ stderr })).toEqual([
      expect.stringMatching(/^perf-targets: nothing-here: 目录中没有 \.xlsx 或 \.docx 文件$/),
    ]);
    expect(doc.files.find((f) => f.file === 'standard.xlsx')?.tables).toHaveLength(6);
  });

  it('reads a file named twice once', async () => {
    const { doc } = await json('check', 'standard.xlsx', path.join(dir, 'standard.xlsx'));
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0].findings!.some((f) => f.rule === 'table/duplicate-code')).toBe(false);
  });
});

describe('template', () => {
  it('writes the template, refuses to overwrite it, and overwrites with --force', async () => {
    const first = await cli('template', 'new.xlsx', '--projects', '2', '--unit', '207002某某单位');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('new.xlsx');
    const before = await fs.readFile(path.join(dir, 'new.xlsx'));
    const again = await cli('template', 'new.xlsx');
    expect(again.code).toBe(2);
    expect(stderrLines(again)).toEqual([expect.stringMatching(/^perf-targets: new\.xlsx: .*--force/)]);
    expect(await fs.readFile(path.join(dir, 'new.xlsx'))).toEqual(before);
    const forced = await cli('template', 'new.xlsx', '--force', '--profile', 'mof-2021');
    expect(forced.code).toBe(0);
    const { doc } = await json('check', 'new.xlsx');
    expect(doc.files[0].tables.map((t) => t.profile)).toEqual(['mof-2021']);
  });

  it('reads back as empty tables whose findings are the empty-field ones', async () => {
    const { code, doc } = await json('check', 'new.xlsx');
    expect(code).toBe(1);
    const first = await cli('template', 'two.xlsx', '--projects', '2', '--unit', '207002某某单位');
    expect(first.code).toBe(0);
    const two = await json('check', 'two.xlsx');
    expect(two.doc.files[0].tables).toHaveLength(2);
    for (const t of two.doc.files[0].tables) {
      expect(t).toMatchObject({
        code: '',
        name: '',
        plan: [null, null, null, null],
        indicators: 0,
        unit: '207002某某单位',
      });
      // An empty 预算数 is not read as 0 (SPEC §6), nor are the empty funds beside it.
      expect(t.budget).toEqual({ total: null, fiscal: null, other: null });
    }
    const emptyRules = [
      'table/missing-field',
      'plan/blank',
      'plan/not-complete',
      'indicator/missing-level1',
      'indicator/empty-placeholder',
    ];
    for (const f of [...doc.files[0].findings!, ...two.doc.files[0].findings!])
      expect(emptyRules).toContain(f.rule);
    const missing = two.doc.files[0].findings!.filter(
      (f) => f.rule === 'table/missing-field' && f.sheet === '项目1',
    );
    expect(missing.map((f) => f.cell).sort()).toEqual(['B3', 'B8', 'C4', 'E3']);
    expect(two.doc.files[0].findings!.some((f) => f.rule === 'table/duplicate-code')).toBe(false);
  });

  it('rejects a bad --projects, an empty --unit and a bad --profile with one line and exit 2', async () => {
    for (const args of [
      ['template', 'x.xlsx', '--projects', '0'],
      ['template', 'x.xlsx', '--projects', 'abc'],
      ['template', 'x.xlsx', '--unit', '  '],
      ['template', 'x.xlsx', '--profile', 'beijing'],
    ]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(stderrLines(r)).toHaveLength(1);
      expect(stderrLines(r)[0].startsWith('perf-targets: ')).toBe(true);
    }
    await expect(fs.stat(path.join(dir, 'x.xlsx'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('says why it cannot write into a directory that does not exist', async () => {
    const r = await cli('template', path.join('no', 'such', 'dir', 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(stderrLines(r)).toHaveLength(1);
  });
});

describe('usage', () => {
  it('exits 2 with one line for an unknown command, a missing path, an unknown option or format', async () => {
    for (const args of [
      ['frobnicate'],
      ['check'],
      ['check', 'a.xlsx', '--colour'],
      ['check', 'a.xlsx', '--format', 'xml'],
      ['totals', 'a.xlsx', '--format', 'html'],
    ]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(stderrLines(r)).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('shows help and the version with exit 0', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/check/);
    expect(help.stdout).toMatch(/totals/);
    expect(help.stdout).toMatch(/template/);
    const version = await cli('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('with no command at all, explains usage and exits 2', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/check/);
  });
});

describe('cli strings', () => {
  it('exist in both languages with the same keys and placeholders', () => {
    const flat = (o: object, prefix = ''): Record<string, string> =>
      Object.entries(o).reduce<Record<string, string>>((acc, [k, v]) => {
        if (typeof v === 'string') acc[prefix + k] = v;
        else Object.assign(acc, flat(v as object, `${prefix}${k}.`));
        return acc;
      }, {});
    const zh = flat(cliStrings['zh-CN']);
    const en = flat(cliStrings['en-US']);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const holes = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const key of Object.keys(zh)) {
      expect(zh[key]).not.toBe('');
      expect(holes(en[key])).toEqual(holes(zh[key]));
    }
  });
});
