import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cellAt, gridFromRows, type Grid } from '../../src/domain/grid';
import { LIST_SHEET, SUMMARY_SHEET } from '../../src/domain/layout';
import { DEFAULT_LIMITS, readXlsx, XlsxReadError } from '../../src/cli/read-xlsx';
import { minimalXlsxParts, writeGridsXlsx, xlsxParts, zipParts, type ZipPart } from '../fixtures/xlsx';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-read-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (name: string): string => path.join(dir, name);

async function readError(p: string, limits = DEFAULT_LIMITS): Promise<XlsxReadError> {
  try {
    await readXlsx(p, limits);
  } catch (err) {
    if (err instanceof XlsxReadError) return err;
    throw err;
  }
  throw new Error(`${p} was read`);
}

describe('readXlsx: what the cells hold', () => {
  let grids: Grid[];
  beforeAll(async () => {
    const sheet = gridFromRows(
      '项目 一',
      [
        ['项目绩效目标表', null, null],
        [
          { value: 10, numberFormat: '0.00' },
          { value: 0.2, numberFormat: '0.00%' },
          { value: '=100%', numberFormat: '@' },
        ],
        [{ value: '#REF!', error: true }, { value: 45292, date: true, numberFormat: 'yyyy-mm-dd' }, true],
        [{ value: 30, formula: '=B5+C5' }, { value: '#DIV/0!', error: true, formula: '=1/0' }, null],
        [null, 10, 20],
      ],
      { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] },
    );
    const hidden: Grid = { ...gridFromRows('隐藏', [['x']]), hidden: true };
    const p = file('values.xlsx');
    await writeGridsXlsx([sheet, hidden], p);
    grids = await readXlsx(p);
  });

  it('keeps numbers with their formats, text formatted as text, errors, dates and booleans', () => {
    const g = grids[0];
    expect(g.sheet).toBe('项目 一');
    expect(cellAt(g, 1, 0)).toEqual({ value: 10, numberFormat: '0.00' });
    expect(cellAt(g, 1, 1)).toEqual({ value: 0.2, numberFormat: '0.00%' });
    expect(cellAt(g, 1, 2)).toEqual({ value: '=100%', numberFormat: '@' });
    expect(cellAt(g, 2, 0)).toEqual({ value: '#REF!', error: true });
    expect(cellAt(g, 2, 1)).toEqual({ value: 45292, date: true, numberFormat: 'yyyy-mm-dd' });
    expect(cellAt(g, 2, 2)).toEqual({ value: true });
  });

  it('gives a formula cell its formula and its cached result, errors included', () => {
    const g = grids[0];
    expect(cellAt(g, 3, 0)).toEqual({ value: 30, formula: '=B5+C5' });
    expect(cellAt(g, 3, 1)).toEqual({ value: '#DIV/0!', error: true, formula: '=1/0' });
  });

  it('puts a merge’s value on its master only', () => {
    const g = grids[0];
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(cellAt(g, 0, 0)?.value).toBe('项目绩效目标表');
    expect(cellAt(g, 0, 1)).toBeUndefined();
    expect(cellAt(g, 0, 2)).toBeUndefined();
  });

  it('reports hidden sheets as hidden', () => {
    expect(grids[0].hidden).toBeUndefined();
    expect(grids[1].hidden).toBe(true);
  });
});

describe('readXlsx: rich text, hyperlinks, shared formulas, position', () => {
  it('joins rich text runs, takes a hyperlink’s text, translates shared formulas, keeps the used range’s corner', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('C3').value = { richText: [{ text: '≥' }, { text: '90%', font: { bold: true } }] };
    ws.getCell('D3').value = { text: '临信字[2018]5号', hyperlink: 'https://example.invalid/doc' };
    ws.getCell('C4').value = { formula: 'C3&"x"', result: '≥90%x' };
    ws.getCell('D4').value = { sharedFormula: 'C4', result: 'y' };
    const p = file('rich.xlsx');
    await wb.xlsx.writeFile(p);
    const [g] = await readXlsx(p);
    expect(g.top).toBe(2);
    expect(g.left).toBe(2);
    expect(cellAt(g, 2, 2)?.value).toBe('≥90%');
    expect(cellAt(g, 2, 3)?.value).toBe('临信字[2018]5号');
    expect(cellAt(g, 3, 2)).toEqual({ value: '≥90%x', formula: '=C3&"x"' });
    expect(cellAt(g, 3, 3)?.formula).toBe('=D3&"x"');
  });
});

describe('readXlsx: Chinese Excel’s built-in date formats', () => {
  it.each([
    [31, 'yyyy"年"m"月"d"日"'],
    [57, 'yyyy"年"m"月"'],
    [28, 'm"月"d"日"'],
  ])('a number in built-in format %i is a date, with that format', async (id, code) => {
    const styles: ZipPart = {
      name: 'xl/styles.xml',
      data:
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
        `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${id}" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    };
    const parts = minimalXlsxParts(
      '<sheetData><row r="1"><c r="A1" s="1"><v>46360.6</v></c></row></sheetData>',
      [styles],
    );
    const p = file(`date-${id}.xlsx`);
    await fs.writeFile(p, zipParts(parts));
    const [g] = await readXlsx(p);
    expect(cellAt(g, 0, 0)?.date).toBe(true);
    expect(cellAt(g, 0, 0)?.numberFormat).toBe(code);
    expect(cellAt(g, 0, 0)?.value).toBeCloseTo(46360.6, 6);
  });
});

describe('readXlsx: the add-in’s own sheets are internal', () => {
  const inline = (a1: string, text: string) => `<c r="${a1}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const labelled = `<sheetData><row r="1">${inline('A1', '项目名称')}${inline('B1', 'x')}</row></sheetData>`;

  it('marks a sheet carrying the add-in’s custom property perfTargets.role (ExcelApi 1.12)', async () => {
    const role = (r: string): ZipPart => ({
      name: `xl/customProperty-${r}.bin`,
      data: Buffer.from(r, 'utf16le'),
    });
    const parts = xlsxParts(
      [
        { name: '项目1', body: labelled },
        {
          name: '我的汇总',
          body: `${labelled}<customProperties><customPr name="perfTargets.role" r:id="rId7"/></customProperties>`,
          rels: '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty" Target="../customProperty-summary.bin"/>',
        },
        {
          name: '别的属性',
          body: `${labelled}<customProperties><customPr name="someone.else" r:id="rId1"/></customProperties>`,
          rels: '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty" Target="/xl/customProperty-summary.bin"/>',
        },
      ],
      [role('summary')],
    );
    await fs.writeFile(file('custom-property.xlsx'), zipParts(parts));
    const grids = await readXlsx(file('custom-property.xlsx'));
    expect(grids.map((g) => [g.sheet, g.internal ?? false])).toEqual([
      ['项目1', false],
      ['我的汇总', true],
      ['别的属性', false],
    ]);
  });

  it('marks the sheets named in the add-in’s workbook setting perfTargets.internalSheets', async () => {
    const setting = JSON.stringify(JSON.stringify({ 'Sheet & 汇总': 'summary', 其他: 'not-a-role' }));
    const escaped = setting.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const webext: ZipPart = {
      name: 'xl/webextensions/webextension1.xml',
      data:
        '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{1}">' +
        `<we:properties><we:property name="perfTargets.settings" value="&quot;{}&quot;"/>` +
        `<we:property name="perfTargets.internalSheets" value="${escaped}"/></we:properties></we:webextension>`,
    };
    const parts = xlsxParts(
      [
        { name: 'Sheet & 汇总', body: labelled },
        { name: '其他', body: labelled },
      ],
      [webext],
    );
    await fs.writeFile(file('settings.xlsx'), zipParts(parts));
    const grids = await readXlsx(file('settings.xlsx'));
    expect(grids.map((g) => [g.sheet, g.internal ?? false])).toEqual([
      ['Sheet & 汇总', true],
      ['其他', false],
    ]);
  });

  it('knows the list sheet by name and the 汇总 sheet by the add-in’s header, old or titled, in either language', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('项目1').getCell('A1').value = '项目名称';
    wb.addWorksheet(LIST_SHEET).getCell('A1').value = '产出指标';
    wb.addWorksheet(SUMMARY_SHEET).getRow(1).values = [
      '项目编码',
      '项目名称',
      '工作表',
      '预算数（万元）',
      '财政资金（万元）',
    ];
    // As written now: the title and the unit line above the header.
    const totals = wb.addWorksheet('Totals');
    totals.getCell('A1').value = 'Project budget summary, 2026';
    totals.getCell('J2').value = 'Unit: 10k yuan';
    totals.getRow(3).values = ['Project code', 'Project name', 'Worksheet', 'Budget (10k yuan)'];
    const p = file('internal.xlsx');
    await wb.xlsx.writeFile(p);
    const grids = await readXlsx(p);
    expect(grids.map((g) => [g.sheet, g.internal ?? false])).toEqual([
      ['项目1', false],
      [LIST_SHEET, true],
      [SUMMARY_SHEET, true],
      ['Totals', true],
    ]);
  });

  it('reads a user’s own sheet called 汇总 that is a project table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SUMMARY_SHEET);
    ws.getRow(1).values = ['项目编码', '207-1', '项目名称', '汇总项目'];
    const p = file('user-summary.xlsx');
    await wb.xlsx.writeFile(p);
    const [g] = await readXlsx(p);
    expect(g.internal).toBeUndefined();
  });
});

describe('readXlsx: files that are not workbooks, or are hostile', () => {
  it('names a missing file, a directory, an empty file, a renamed text file, an OLE file', async () => {
    expect((await readError(file('missing.xlsx'))).code).toBe('not-found');
    expect((await readError(dir)).code).toBe('unreadable');
    await fs.writeFile(file('empty.xlsx'), '');
    expect((await readError(file('empty.xlsx'))).code).toBe('empty-file');
    await fs.writeFile(file('text.xlsx'), '项目名称,预算数\n群众工作中心运行,10\n');
    expect((await readError(file('text.xlsx'))).code).toBe('not-zip');
    await fs.writeFile(
      file('old.xlsx'),
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
    );
    expect((await readError(file('old.xlsx'))).code).toBe('ole');
  });

  it('says a cut-off download is truncated, wherever it was cut', async () => {
    const whole = zipParts(
      minimalXlsxParts(
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c></row></sheetData>',
      ),
    );
    for (const keep of [40, Math.floor(whole.length / 2), whole.length - 10]) {
      await fs.writeFile(file('cut.xlsx'), whole.subarray(0, keep));
      expect((await readError(file('cut.xlsx'))).code).toBe('truncated');
    }
  });

  it('says a zip that is not a workbook (a .docx renamed) is not one', async () => {
    await fs.writeFile(file('doc.xlsx'), zipParts([{ name: 'word/document.xml', data: '<w:document/>' }]));
    expect((await readError(file('doc.xlsx'))).code).toBe('not-workbook');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const p = file('big.xlsx');
    await writeGridsXlsx([gridFromRows('S', [['x']])], p);
    const size = (await fs.stat(p)).size;
    expect((await readError(p, { ...DEFAULT_LIMITS, fileBytes: size - 1 })).code).toBe('too-large');
  });

  it('refuses a part that inflates past the limit, even when the zip lies about its size', async () => {
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'无'.repeat(400_000)}</t></si></sst>`;
    const limits = { ...DEFAULT_LIMITS, partBytes: 1024 * 1024 };
    const honest = minimalXlsxParts('<sheetData/>', [{ name: 'xl/sharedStrings.xml', data: strings }]);
    await fs.writeFile(file('sst.xlsx'), zipParts(honest));
    const err = await readError(file('sst.xlsx'), limits);
    expect(err.code).toBe('part-too-large');
    expect(err.data).toEqual({ part: 'xl/sharedStrings.xml', limit: 1 });
    const lying = minimalXlsxParts('<sheetData/>', [
      { name: 'xl/sharedStrings.xml', data: strings, declaredSize: 100 },
    ]);
    await fs.writeFile(file('sst-lie.xlsx'), zipParts(lying));
    expect((await readError(file('sst-lie.xlsx'), limits)).code).toBe('corrupt');
  });

  it('refuses a zip bomb by its inflated total', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const parts = minimalXlsxParts('<sheetData/>', [{ name: 'xl/media/image1.png', data: zeros }]);
    await fs.writeFile(file('bomb.xlsx'), zipParts(parts));
    const err = await readError(file('bomb.xlsx'), { ...DEFAULT_LIMITS, unzippedBytes: 4 * 1024 * 1024 });
    expect(err.code).toBe('unzipped-too-large');
  });

  it('refuses a merge over the whole sheet instead of building a billion cells', async () => {
    const parts = minimalXlsxParts(
      '<sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    );
    await fs.writeFile(file('merge.xlsx'), zipParts(parts));
    expect((await readError(file('merge.xlsx'))).code).toBe('too-many-cells');
  });

  it('refuses an encrypted zip entry, and says a sheet of broken XML is damaged', async () => {
    const parts = minimalXlsxParts('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
    const zipped = zipParts(parts);
    // Set the "encrypted" flag of the first entry in the central directory.
    const cd = zipped.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const encrypted = Buffer.from(zipped);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(cd + 8) | 1, cd + 8);
    await fs.writeFile(file('enc.xlsx'), encrypted);
    expect((await readError(file('enc.xlsx'))).code).toBe('zip-encrypted');

    const broken = minimalXlsxParts('');
    broken[4] = {
      ...broken[4],
      data: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>' + '<'.repeat(10),
    };
    await fs.writeFile(file('broken.xlsx'), zipParts(broken));
    expect((await readError(file('broken.xlsx'))).code).toBe('corrupt');
  });

  it('reads a sheet full of #REF! as error cells', async () => {
    const rows = Array.from({ length: 20 }, () =>
      Array.from({ length: 7 }, () => ({ value: '#REF!', error: true })),
    );
    const p = file('refs.xlsx');
    await writeGridsXlsx([gridFromRows('坏表', rows)], p);
    const [g] = await readXlsx(p);
    expect(g.cells).toHaveLength(20);
    expect(g.cells.flat().every((c) => c?.error === true && c.value === '#REF!')).toBe(true);
  });
});
