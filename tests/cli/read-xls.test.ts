/**
 * Real .xls files (Excel 97–2003, BIFF8): read as the .xlsx reader reads the same workbook. The
 * committed files are real documents of the corpus saved as .xls by LibreOffice (tests/fixtures/xls);
 * what those do not show, and hostile files, are written record by record (tests/fixtures/xls/biff.ts).
 */

import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReadError } from '../../src/cli/read-error';
import { workbookStream as workbookStreamOf, xlsGrids } from '../../src/cli/read-xls';
import { readXlsx } from '../../src/cli/read-xlsx';
import { DEFAULT_LIMITS } from '../../src/cli/zip-guard';
import { analyseGrids } from '../../src/domain/analysis';
import type { Grid, GridCell } from '../../src/domain/grid';
import { formatOrNull } from '../../src/domain/totals';
import { gridsOf, realDocuments } from '../fixtures/real';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { XLS_DOCUMENTS, XLS_FORMULAS, XLWT_DOCUMENTS } from '../fixtures/xls';
import {
  cell,
  colinfo,
  merges,
  oleFile,
  record,
  row,
  rk,
  sstPieces,
  u16,
  workbookStream,
  xlString,
  type WorkbookSpec,
} from '../fixtures/xls/biff';
import { writeGridsXlsx } from '../fixtures/xlsx';
import { runCli, runCliJson } from './run-cli';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'xls');

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-xls-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const read = (spec: WorkbookSpec): Grid[] => xlsGrids(oleFile(workbookStream(spec)), DEFAULT_LIMITS);
const at = (grid: Grid | undefined, r: number, c: number): GridCell | undefined =>
  grid?.cells[r - grid.top]?.[c - grid.left];

function readError(run: () => unknown): ReadError {
  try {
    run();
  } catch (err) {
    if (err instanceof ReadError) return err;
    throw err;
  }
  throw new Error('no error');
}

/** The cells that hold something, by address, as the grid fields the readers give. */
function cells(grid: Grid): Map<string, GridCell> {
  const out = new Map<string, GridCell>();
  grid.cells.forEach((line, r) =>
    line.forEach((c, k) => {
      if (c && c.value !== null && c.value !== '') out.set(`${grid.top + r}:${grid.left + k}`, c);
    }),
  );
  return out;
}

function reading(grids: Grid[]): unknown {
  const { state, totals } = analyseGrids(grids);
  return {
    money: totals.tables.map((t) => [formatOrNull(t.total), formatOrNull(t.fiscal), formatOrNull(t.other)]),
    indicators: state.tables.map((t) => t.indicators.map((i) => [i.level1.text, i.name.text, i.value.text])),
    findings: state.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`),
  };
}

describe('real documents saved as .xls', () => {
  const documents = new Map(realDocuments().map((d) => [d.id, gridsOf(d)]));
  documents.set('seed', seedStandardGrids());

  const files = [
    ...['seed', ...XLS_DOCUMENTS].map((id) => [`${id}.xls`, id] as const),
    ...XLWT_DOCUMENTS.map((id) => [`${id}-xlwt.xls`, id] as const),
    ['hunan-hengshan-guantang-bmzt-zp-2023-gnumeric.xls', 'hunan-hengshan-guantang-bmzt-zp-2023'] as const,
  ];
  it.each(files)('%s: the cells, merges and reading of the .xlsx', async (file, id) => {
    const grids = documents.get(id);
    if (!grids) throw new Error(id);
    const xlsx = path.join(dir, `${id}.xlsx`);
    await writeGridsXlsx(grids, xlsx);
    const want = await readXlsx(xlsx);
    const got = xlsGrids(readFileSync(path.join(FIXTURES, file)), DEFAULT_LIMITS);
    expect(got.map((g) => g.sheet)).toEqual(want.map((g) => g.sheet));
    got.forEach((g, i) => {
      const w = want[i]!;
      expect([...cells(g)]).toEqual([...cells(w)]);
      const box = (m: { top: number; left: number; bottom: number; right: number }) =>
        `${m.top},${m.left},${m.bottom},${m.right}`;
      expect(g.merges.map(box).sort()).toEqual(w.merges.map(box).sort());
    });
    expect(reading(got)).toEqual(reading(want));
  });
});

describe('BIFF8 records the .xls reader reads', () => {
  test('a string whose characters change width at a CONTINUE (Latin-1 first, UTF-16 after)', () => {
    const head = Buffer.from([1, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0]);
    const pieces = [
      Buffer.concat([head, Buffer.from('abc', 'latin1')]),
      Buffer.concat([Buffer.from([1]), Buffer.from('中文', 'utf16le')]),
    ];
    const [grid] = read({ sst: pieces, sheets: [{ name: 's', records: [cell.sst(0, 0, 0)] }] });
    expect(at(grid, 0, 0)?.value).toBe('abc中文');
  });

  test('rich text runs and phonetic data after a string, cut by a CONTINUE, are stepped over', () => {
    // 项目 with two formatting runs (8 bytes) and 10 bytes of phonetic data, the record cut inside
    // the runs; then a plain string.
    const rich = Buffer.concat([
      Buffer.from([2, 0, 0x0d, 2, 0, 10, 0, 0, 0]),
      Buffer.from('项目', 'utf16le'),
      Buffer.alloc(5, 0xaa),
    ]);
    const rest = Buffer.concat([
      Buffer.alloc(3, 0xaa),
      Buffer.alloc(10, 0xbb),
      Buffer.from([2, 0, 0]),
      Buffer.from('ok'),
    ]);
    const head = Buffer.from([2, 0, 0, 0, 2, 0, 0, 0]);
    const [grid] = read({
      sst: [Buffer.concat([head, rich]), rest],
      sheets: [{ name: 's', records: [cell.sst(0, 0, 0), cell.sst(1, 0, 1)] }],
    });
    expect([at(grid, 0, 0)?.value, at(grid, 1, 0)?.value]).toEqual(['项目', 'ok']);
  });

  test('shared strings cut by CONTINUE records, mid-string, wide and narrow', () => {
    const long = '项目支出绩效目标'.repeat(700);
    const latin = 'Budget line '.repeat(900);
    const strings = ['项目名称', long, latin, '其中：财政拨款', 'é'];
    const pieces = sstPieces(strings, 2000);
    expect(pieces.length).toBeGreaterThan(5);
    const [grid] = read({
      sst: pieces,
      sheets: [{ name: '表一', records: strings.map((_, i) => cell.sst(i, 0, i)) }],
    });
    expect(strings.map((_, i) => at(grid, i, 0)?.value)).toEqual(strings);
  });

  test('numbers: NUMBER, RK as integer, double and hundredths, MULRK; booleans and errors', () => {
    const [grid] = read({
      sheets: [
        {
          name: 'Sheet1',
          records: [
            cell.number(0, 0, 1234.5678),
            cell.rk(0, 1, rk.int(-42)),
            cell.rk(0, 2, rk.int(1250, true)),
            cell.rk(0, 3, rk.double(0.5)),
            cell.mulrk(1, 1, [rk.int(7), rk.int(3, true), rk.double(2.5)]),
            cell.boolerr(2, 0, 1, false),
            cell.boolerr(2, 1, 0x07, true),
            cell.boolerr(2, 2, 0x2a, true),
          ],
        },
      ],
    });
    expect([0, 1, 2, 3].map((c) => at(grid, 0, c)?.value)).toEqual([1234.5678, -42, 12.5, 0.5]);
    expect([1, 2, 3].map((c) => at(grid, 1, c)?.value)).toEqual([7, 0.03, 2.5]);
    expect(at(grid, 2, 0)).toEqual({ value: true });
    expect(at(grid, 2, 1)).toEqual({ value: '#DIV/0!', error: true });
    expect(at(grid, 2, 2)).toEqual({ value: '#N/A', error: true });
  });

  test('formulas: their last value, a string one after a SHRFMLA record', () => {
    const [grid] = read({
      sheets: [
        {
          name: 'Sheet1',
          records: [
            cell.formula(0, 0, 100.25),
            cell.formula(0, 1, { kind: 0 }),
            cell.shrfmla(),
            cell.string('合计'),
            cell.formula(0, 2, { kind: 1, byte: 1 }),
            cell.formula(0, 3, { kind: 2, byte: 0x17 }),
            cell.formula(0, 4, { kind: 3 }),
          ],
        },
      ],
    });
    expect(at(grid, 0, 0)).toEqual({ value: 100.25, formula: '=1' });
    expect(at(grid, 0, 1)).toEqual({ value: '合计', formula: '=1' });
    expect(at(grid, 0, 2)).toEqual({ value: true, formula: '=1' });
    expect(at(grid, 0, 3)).toEqual({ value: '#REF!', error: true, formula: '=1' });
    expect(at(grid, 0, 4)).toEqual({ value: null, formula: '=1' });
  });

  test.each(['formulas.xls', 'formulas-gnumeric.xls'])('a formula’s text, as %s holds it', (file) => {
    const [grid] = xlsGrids(readFileSync(path.join(FIXTURES, file)), DEFAULT_LIMITS);
    expect(XLS_FORMULAS.map((_, i) => at(grid, 5 + i, 2)?.formula)).toEqual(XLS_FORMULAS.map((f) => `=${f}`));
    expect([1, 2, 3].map((r) => at(grid, r, 4)?.formula)).toEqual(['=B2*2', '=B3*2', '=B4*2']);
    expect(at(grid, 5, 2)?.value).toBe(22.5);
  });

  test('a shared formula, its references relative to each cell; tokens not known leave the text out', () => {
    // ptgExp → the master at E2; the shared tokens: RefN (same row, three columns left) × 2.
    const exp = Buffer.from([0x01, 1, 0, 4, 0]);
    const refN = Buffer.concat([Buffer.from([0x4c]), u16(0, 0xc000 | 0xfd)]);
    const shared = Buffer.concat([refN, Buffer.from([0x1e, 2, 0, 0x05])]);
    const name = Buffer.from([0x43, 1, 0, 0, 0]);
    const [grid] = read({
      sheets: [
        {
          name: 's',
          records: [
            cell.formula(1, 4, 25, 0, exp),
            cell.shrfmla(1, 3, 4, shared),
            cell.formula(2, 4, 6, 0, exp),
            cell.formula(3, 4, 14, 0, exp),
            cell.formula(4, 4, 7, 0, name),
          ],
        },
      ],
    });
    expect([1, 2, 3].map((r) => at(grid, r, 4)?.formula)).toEqual(['=B2*2', '=B3*2', '=B4*2']);
    expect(at(grid, 4, 4)).toEqual({ value: 7, formula: '=' });
  });

  test('a reference to another workbook names its file and sheet, as the rules look for it', () => {
    const supbook = record(
      0x01ae,
      Buffer.concat([u16(1), xlString('\u0001C\u0003预算.xls'), xlString('Sheet1')]),
    );
    const externsheet = record(0x0017, u16(1, 0, 0, 0));
    const ref3d = Buffer.concat([Buffer.from([0x5a]), u16(0, 0, 0xc000)]);
    const [grid] = read({
      early: [supbook, externsheet],
      sheets: [{ name: 's', records: [cell.formula(0, 0, 5, 0, ref3d)] }],
    });
    expect(at(grid, 0, 0)?.formula).toBe("='[预算.xls]Sheet1'!A1");
  });

  test('number formats: built-in and custom codes, dates in either date system', () => {
    const spec = (date1904: boolean): WorkbookSpec => ({
      formats: { 164: 'yyyy"年"m"月"d"日"', 165: '0.00%' },
      xfs: [0, 14, 164, 165, 4],
      date1904,
      sheets: [
        {
          name: 'Sheet1',
          records: [
            cell.number(0, 0, 46360, 1),
            cell.number(0, 1, 46360, 2),
            cell.number(0, 2, 0.255, 3),
            cell.number(0, 3, 1250.5, 4),
          ],
        },
      ],
    });
    const [grid] = read(spec(false));
    expect(at(grid, 0, 0)).toMatchObject({ value: 46360, date: true });
    expect(at(grid, 0, 1)).toMatchObject({ value: 46360, date: true, numberFormat: 'yyyy"年"m"月"d"日"' });
    expect(at(grid, 0, 2)).toEqual({ value: 0.255, numberFormat: '0.00%' });
    expect(at(grid, 0, 3)).toEqual({ value: 1250.5, numberFormat: '#,##0.00' });
    // 1904: day 0 is 1904-01-01, 1,462 days after the 1900 system's.
    expect(at(read(spec(true))[0], 0, 0)).toMatchObject({ value: 46360 + 1462, date: true });
  });

  test('merged areas, a LABEL, hidden rows, columns and sheets; charts and empty sheets', () => {
    const grids = read({
      sheets: [
        {
          name: '项目',
          records: [
            row(1, false),
            row(3, true),
            colinfo(2, 3, true),
            cell.label(0, 0, '项目名称'),
            cell.label(3, 2, '隐藏的行和列'),
            cell.number(1, 4, 5),
            merges([0, 0, 1, 2], [5, 5, 0, 0]),
          ],
        },
        { name: '旧表', hidden: true, records: [cell.label(0, 0, '去年')] },
        { name: '空表', records: [] },
      ],
    });
    expect(grids.map((g) => [g.sheet, g.hidden === true])).toEqual([
      ['项目', false],
      ['旧表', true],
      ['空表', false],
    ]);
    const [grid] = grids;
    expect(grid?.merges).toEqual([{ top: 0, bottom: 0, left: 1, right: 2 }]);
    expect(grid?.hiddenRows).toEqual([3]);
    expect(grid?.hiddenCols).toEqual([2]);
    expect(at(grid, 3, 2)?.value).toBe('隐藏的行和列');
  });
});

describe('records Excel writes that LibreOffice does not (found in Apache POI’s Excel files)', () => {
  test('a chart embedded in a sheet: its substream (BOF to EOF) is passed over, the cells after it read', () => {
    const chart = [
      record(0x0809, Buffer.concat([u16(0x0600, 0x0020), Buffer.alloc(12)])),
      cell.number(9, 9, 99),
      record(0x000a),
    ];
    const [grid] = read({
      sheets: [{ name: 's', records: [cell.label(0, 0, '项目名称'), ...chart, cell.number(1, 1, 120)] }],
    });
    expect(at(grid, 0, 0)?.value).toBe('项目名称');
    expect(at(grid, 1, 1)?.value).toBe(120);
    // The chart's own records are no cells of the sheet.
    expect(at(grid, 9, 9)).toBeUndefined();
  });

  test('a formula’s long text result goes on in CONTINUE records, its width renewed in each', () => {
    const text = '项目'.repeat(10);
    // The STRING record holds the count, the flags and 4 characters; a CONTINUE record the rest,
    // after a flags byte of its own (1: UTF-16).
    const whole = xlString(text);
    const first = whole.subarray(0, 3 + 8);
    const rest = Buffer.concat([Buffer.from([1]), whole.subarray(3 + 8)]);
    const [grid] = read({
      sheets: [
        {
          name: 's',
          records: [cell.formula(0, 0, { kind: 0 }), record(0x0207, first), record(0x003c, rest)],
        },
      ],
    });
    expect(at(grid, 0, 0)?.value).toBe(text);
  });
});

describe('.xls files that cannot be read say why', () => {
  const one = { name: 'Sheet1', records: [cell.label(0, 0, '项目名称')] };

  test('an open password (FILEPASS), Excel 5.0/95, no workbook stream', () => {
    expect(readError(() => read({ early: [record(0x002f, Buffer.alloc(6))], sheets: [one] })).code).toBe(
      'xls-encrypted',
    );
    expect(readError(() => read({ version: 0x0500, sheets: [one] })).code).toBe('xls-old');
    const doc = oleFile(Buffer.from('not a workbook'), 'WordDocument');
    expect(readError(() => xlsGrids(doc, DEFAULT_LIMITS)).code).toBe('not-workbook');
  });

  test('records that point outside their stream, or at strings that are not there, are corrupt', () => {
    const stream = workbookStream({ sheets: [one] });
    expect(
      readError(() => xlsGrids(oleFile(stream.subarray(0, stream.length - 3)), DEFAULT_LIMITS)).code,
    ).toBe('corrupt');
    expect(readError(() => read({ sheets: [{ name: 's', records: [cell.sst(0, 0, 5)] }] })).code).toBe(
      'corrupt',
    );
    // An SST claiming more strings than its bytes hold (a writer's habit, found in Apache POI's test
    // files): read as far as it goes; a cell pointing at a string that is not there is corrupt.
    const sst = Buffer.alloc(8);
    sst.writeUInt32LE(1000, 0);
    sst.writeUInt32LE(1000, 4);
    expect(read({ sst: [sst], sheets: [one] })[0]?.cells[0]?.[0]?.value).toBe('项目名称');
    expect(
      readError(() => read({ sst: [sst], sheets: [{ name: 's', records: [cell.sst(0, 0, 0)] }] })).code,
    ).toBe('corrupt');
    expect(readError(() => xlsGrids(Buffer.from('d0cf11e0a1b11ae1', 'hex'), DEFAULT_LIMITS)).code).toBe(
      'corrupt',
    );
  });

  test('the limits of the .xlsx reader hold: cells, merges, rows, shared strings', () => {
    const limits = { ...DEFAULT_LIMITS, cells: 10, mergesPerSheet: 2, rows: 3, sharedStrings: 2 };
    const many = Array.from({ length: 11 }, (_, i) => cell.number(i, 0, i));
    const grids = (spec: WorkbookSpec) => xlsGrids(oleFile(workbookStream(spec)), limits);
    expect(readError(() => grids({ sheets: [{ name: 's', records: many }] })).code).toBe('too-many-cells');
    expect(
      readError(() =>
        grids({ sheets: [{ name: 's', records: [merges([0, 1, 0, 0], [2, 3, 0, 0], [4, 5, 0, 0])] }] }),
      ).code,
    ).toBe('too-many-merges');
    expect(
      readError(() => grids({ sheets: [{ name: 's', records: [0, 1, 2, 3].map((r) => row(r, false)) }] }))
        .code,
    ).toBe('too-many-rows');
    expect(readError(() => grids({ sst: sstPieces(['a', 'b', 'c']), sheets: [one] })).code).toBe(
      'too-many-shared-strings',
    );
  });
});

describe('.xls files with bytes changed at random', () => {
  test('each is read, or refused with a reason: nothing else is thrown', () => {
    const streams = ['seed', 'formulas'].map(
      (id) => workbookStreamOf(readFileSync(path.join(FIXTURES, `${id}.xls`))) ?? Buffer.alloc(0),
    );
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const outcomes = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const bytes = Buffer.from(streams[i % 2] ?? []);
      for (let k = 0; k < 1 + Math.floor(random() * 8); k++)
        bytes[Math.floor(random() * bytes.length)] = random() < 0.5 ? Math.floor(random() * 256) : 0xff;
      try {
        xlsGrids(oleFile(bytes), DEFAULT_LIMITS);
        outcomes.add('read');
      } catch (err) {
        if (!(err instanceof ReadError)) throw err;
        outcomes.add(err.code);
      }
    }
    expect(outcomes).toContain('read');
    expect(outcomes).toContain('corrupt');
  });
});

describe('perf-targets reads a real .xls', () => {
  beforeAll(async () => {
    await fs.copyFile(path.join(FIXTURES, 'seed.xls'), path.join(dir, 'seed.xls'));
    await fs.copyFile(path.join(FIXTURES, 'seed.xls'), path.join(dir, 'renamed.xlsx'));
    await fs.copyFile(path.join(FIXTURES, 'seed.xls'), path.join(dir, 'seed.et'));
    await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'seed.xlsx'));
  });

  test('as the same workbook saved as .xlsx: projects, totals and findings; under .et and .xlsx too', async () => {
    const gist = async (file: string) => {
      const { code, doc } = await runCliJson(dir, 'check', file);
      return {
        code,
        totals: doc.totals,
        projects: doc.files.flatMap((f) => f.tables.map((t) => [t.name, t.budget, t.plan, t.indicators])),
        findings: doc.files.flatMap((f) => (f.findings ?? []).map((x) => `${x.cell} ${x.rule}`)),
      };
    };
    const want = await gist('seed.xlsx');
    expect(want.projects).toHaveLength(6);
    for (const file of ['seed.xls', 'seed.et', 'renamed.xlsx']) expect(await gist(file)).toEqual(want);
  });

  test('an .xlsx saved as .xls, and a .docx as .doc (an export’s habit), read as what they are', async () => {
    await fs.copyFile(path.join(dir, 'seed.xlsx'), path.join(dir, 'zip.xls'));
    const xlsx = await runCliJson(dir, 'check', 'seed.xlsx');
    const zip = await runCliJson(dir, 'check', 'zip.xls');
    expect(zip.doc.totals).toEqual(xlsx.doc.totals);
    expect(zip.doc.files[0]?.tables).toHaveLength(6);
    await fs.copyFile(
      path.join(__dirname, '..', 'fixtures', 'real-docx', 'seed-writer.docx'),
      path.join(dir, 'seed.doc'),
    );
    const doc = await runCliJson(dir, 'check', 'seed.doc');
    expect(doc.doc.files[0]?.tables).toHaveLength(6);
    expect(doc.doc.totals).toEqual(xlsx.doc.totals);
  });

  test('annotate asks for report or an .xlsx; report reads the .xls', async () => {
    const annotate = await runCli(dir, 'annotate', 'seed.xls');
    expect(annotate.code).toBe(2);
    expect(annotate.stderr).toMatch(
      /\.xls 工作簿和 Word 文档请用 report 生成审核意见，或先在 Excel 中另存为 \.xlsx/,
    );
    const report = await runCli(dir, 'report', 'seed.xls', '--out', '审核意见.xlsx');
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/1 个文件、6 个项目/);
  });

  test('an Excel 2.x–4.0 .xls (a bare BIFF stream, no OLE container) is said to be an old .xls', async () => {
    // BIFF4's BOF: version 0, a worksheet.
    await fs.writeFile(path.join(dir, 'excel4.xls'), record(0x0409, u16(0, 0x0010, 0)));
    const zh = await runCli(dir, 'check', 'excel4.xls');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/excel4\.xls: 这是 Excel 5\.0\/95 或更早格式的旧版 \.xls 工作簿/);
  });

  test('a password-protected .xls: one line saying to remove the password, in both languages', async () => {
    const locked = oleFile(
      workbookStream({ early: [record(0x002f, Buffer.alloc(6))], sheets: [{ name: 's', records: [] }] }),
    );
    await fs.writeFile(path.join(dir, 'locked.xls'), locked);
    const zh = await runCli(dir, 'check', 'locked.xls');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/locked\.xls: 这是设了打开密码的 \.xls 工作簿：请在 Excel 中取消密码后再检查/);
    const en = await runCli(dir, 'check', 'locked.xls', '--lang', 'en-US');
    expect(en.stderr).toMatch(
      /locked\.xls: a password-protected \.xls workbook: remove the password in Excel/,
    );
  });
});
