/**
 * The cells read in the guard's pass (src/cli/xlsx-direct.ts) are the cells exceljs reads: the same
 * grids on every workbook the tests hold (the real documents, the foreign layouts, the seed, the
 * benchmark's), on hand-made parts in the spellings other writers use (LibreOffice, WPS, Excel's
 * shared formulas, rich text, phonetic runs, escapes, dates), and where the direct reader does not
 * know a spelling it steps aside and exceljs reads the file.
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Grid } from '../../src/domain/grid';
import { loadXlsx, readXlsx, XlsxReadError, type SheetBatch } from '../../src/cli/read-xlsx';
import { DirectXlsx } from '../../src/cli/xlsx-direct';
import { DEFAULT_LIMITS, inspectXlsx, isWorksheetPart } from '../../src/cli/zip-guard';
import { stackedWorkbook } from '../../bench/workbooks';
import { FOREIGN_WORKBOOKS } from '../fixtures/foreign';
import { gridsOf, realDocuments } from '../fixtures/real';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writtenXlsx, xlsxParts, zipParts, type SheetPart, type ZipPart } from '../fixtures/xlsx';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-targets-direct-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
type Outcome = { grids: Grid[]; batches: number } | { error: string };

async function load(data: Buffer, exceljsOnly: boolean): Promise<Outcome> {
  const p = path.join(dir, `d${n++}.xlsx`);
  await fs.writeFile(p, data);
  const grids: Grid[] = [];
  let batches = 0;
  const take = (b: SheetBatch): void => {
    batches++;
    b.positions.forEach((at, i) => {
      expect(grids[at]).toBeUndefined();
      grids[at] = b.grids[i];
    });
  };
  try {
    take(await loadXlsx(p, { ...DEFAULT_LIMITS, roundBytes: Infinity, exceljsOnly }, take));
  } catch (err) {
    if (err instanceof XlsxReadError) return { error: err.code };
    throw err;
  }
  return { grids, batches };
}

/** Why the direct reader would step aside on `data` (undefined: it reads every sheet itself). */
function asideReason(data: Buffer): string | undefined {
  const direct = new DirectXlsx();
  inspectXlsx(data, DEFAULT_LIMITS, {
    visitor: (name, kind) => direct.visitor(name, kind),
    worksheetParsed(name, xlsx) {
      direct.listSheets(xlsx.entries.filter((e) => isWorksheetPart(e.name)).map((e) => e.name));
      direct.grid(name);
    },
  });
  return direct.reason;
}

/** Both readers give the same; returns why the direct reader stepped aside, if it did. */
async function same(data: Buffer): Promise<string | undefined> {
  const direct = await load(data, false);
  const exceljs = await load(data, true);
  if ('error' in exceljs) expect(direct).toEqual(exceljs);
  else {
    expect(direct).toMatchObject({ grids: expect.any(Array) });
    expect((direct as { grids: Grid[] }).grids).toStrictEqual(exceljs.grids);
  }
  try {
    return asideReason(data);
  } catch {
    return 'refused by the guard';
  }
}

const sheetXml = (body: string): SheetPart => ({ name: 'Sheet1', body });

/** A workbook of one sheet, with shared strings and styles as given. */
function book(
  body: string,
  options: { strings?: string; styles?: string; workbookPr?: string; rels?: string } = {},
): Buffer {
  const extra: ZipPart[] = [];
  if (options.strings !== undefined)
    extra.push({
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.strings}</sst>`,
    });
  if (options.styles !== undefined)
    extra.push({
      name: 'xl/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.styles}</styleSheet>`,
    });
  const parts = xlsxParts([{ ...sheetXml(body), rels: options.rels }], extra);
  if (options.workbookPr !== undefined) {
    const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
    wb.data = String(wb.data).replace('<sheets>', `${options.workbookPr}<sheets>`);
  }
  return zipParts(parts);
}

const STYLES =
  '<numFmts count="3"><numFmt numFmtId="176" formatCode="0.00_ "/><numFmt numFmtId="177" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
  '<numFmt numFmtId="178" formatCode="#,##0.00\\ &quot;万元&quot;"/><numFmt numFmtId="10" formatCode=""/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>' +
  '<cellStyleXfs count="1"><xf numFmtId="14" fontId="0"/></cellStyleXfs>' +
  '<cellXfs count="7"><xf numFmtId="0" fontId="0"/><xf numFmtId="176" fontId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="177" fontId="0"/><xf numFmtId="14" fontId="0"/><xf numFmtId="49" fontId="0"/>' +
  '<xf numFmtId="178" fontId="0"><alignment horizontal="center" wrapText="1"/></xf><xf numFmtId="10" fontId="0"/></cellXfs>';

describe('the direct reader reads what exceljs reads', () => {
  it('every real document, foreign layout, the seed and the benchmark’s stacked tables, in the sheets exceljs writes', async () => {
    const workbooks: Grid[][] = [
      ...realDocuments()
        .map(gridsOf)
        .filter((g) => g.length > 0),
      ...FOREIGN_WORKBOOKS.map((w) => w.grids()),
      seedStandardGrids(),
      stackedWorkbook(3, 4),
    ];
    expect(workbooks.length).toBeGreaterThan(80);
    for (const grids of workbooks) {
      // Sheet names as exceljs keeps them: unique, at most 31 characters, none of []:*?/\.
      const named = grids.map((g, i) => ({
        ...g,
        sheet: `${i + 1}-${g.sheet.replace(/[[\]:*?/\\]/g, '')}`.slice(0, 31),
      }));
      const data = await writtenXlsx(named);
      expect(await same(data)).toBeUndefined();
    }
  });

  it('numbers, dates and text in their formats; booleans, errors, styled empty cells, s="0"', async () => {
    const body =
      '<sheetData><row r="1" spans="1:8" x14ac:dyDescent="0.25" xmlns:x14ac="urn:x14ac">' +
      '<c r="A1" s="1"><v>12.5</v></c><c r="B1" s="2"><v>45292</v></c><c r="C1" s="3"><v>45292.5</v></c>' +
      '<c r="D1" s="4" t="s"><v>0</v></c><c r="E1" s="5"><v>1234.5</v></c><c r="F1" s="6"><v>0.25</v></c>' +
      '<c r="G1" t="b"><v>1</v></c><c r="H1" t="b"><v>0</v></c></row>' +
      '<row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c><c r="B3" s="1"/><c r="C3" s="0"><v>7</v></c><c r="D3"/>' +
      '<c r="E3" s="99"><v>3</v></c><c r="F3"><v>1.5E-3</v></c><c r="G3"><v>abc</v></c></row>' +
      // A row of styled empty cells only: exceljs passes over it (its merged areas stay).
      '<row r="4"><c r="A4" s="1"/><c r="B4" s="2"/></row><row r="5"><c r="A5" s="1"/><c r="B5"><f>A4</f></c></row></sheetData>' +
      '<mergeCells><mergeCell ref="B4:C4"/></mergeCells>';
    const data = book(body, { strings: '<si><t>  文本 </t></si>', styles: STYLES });
    expect(await same(data)).toBeUndefined();
    const read = (await load(data, false)) as { grids: Grid[] };
    const row = read.grids[0].cells[0];
    expect(row[0]).toEqual({ value: 12.5, numberFormat: '0.00_ ' });
    expect(row[1]).toMatchObject({ value: 45292, date: true });
    expect(row[4]).toEqual({ value: 1234.5, numberFormat: '#,##0.00 "万元"' });
  });

  it('under a date format, what is no date stays what it is: a formula’s text, a number past the years', async () => {
    // Found on Excel files of Apache POI's (FormatKM, 53433) saved as .xlsx by LibreOffice: exceljs
    // made each an invalid date, read as an empty cell.
    const body =
      '<sheetData><row r="1"><c r="A1" s="2" t="str"><f>D10</f><v>s3845</v></c>' +
      '<c r="B1" s="3"><v>102102102.102</v></c><c r="C1" s="3"><v>45292</v></c>' +
      '<c r="D1" s="2"><f>C1</f><v>45292</v></c><c r="E1" s="3" t="str"><f>TEXT(C1,"0")</f><v>45292</v></c></row></sheetData>';
    const data = book(body, { styles: STYLES });
    expect(await same(data)).toBeUndefined();
    const row = ((await load(data, false)) as { grids: Grid[] }).grids[0].cells[0];
    expect(row[0]).toMatchObject({ value: 's3845', formula: '=D10' });
    expect(row[1]).toMatchObject({ value: 102102102.102 });
    expect(row[1]?.date).toBeUndefined();
    expect(row[2]).toMatchObject({ value: 45292, date: true });
    expect(row[3]).toMatchObject({ value: 45292, date: true, formula: '=C1' });
    // A text result that looks like a number is text, no date.
    expect(row[4]).toMatchObject({ value: '45292', formula: '=TEXT(C1,"0")' });
    expect(row[4]?.date).toBeUndefined();
  });

  it('the gaps of a row take the row’s format, else the column’s, as exceljs makes them', async () => {
    const body =
      '<cols><col min="1" max="2" width="9" style="4"/><col min="2" max="4" style="1"/><col min="6" max="6" style="3"/></cols>' +
      '<sheetData><row r="1"><c r="E1"><v>1</v></c></row>' +
      '<row r="2" s="2" customFormat="1"><c r="C2"><v>2</v></c><c r="D2" s="0"/></row>' +
      '<row r="3"><c r="A3" s="6"/></row>' +
      '<row r="4"><c r="B4" s="1"/><c r="G4"><v>4</v></c></row></sheetData>' +
      '<mergeCells><mergeCell ref="A4:A5"/><mergeCell ref="C4:D4"/></mergeCells>';
    expect(await same(book(body, { styles: STYLES }))).toBeUndefined();
    const read = (await load(book(body, { styles: STYLES }), false)) as { grids: Grid[] };
    expect(read.grids[0].cells[0][0]).toEqual({ value: null, numberFormat: '@' });
  });

  it('hidden rows and columns that hold something, as exceljs reads `hidden` (1 or true)', async () => {
    const body =
      '<cols><col min="2" max="3" width="9" hidden="1"/><col min="5" max="5" hidden="true"/><col min="6" max="6" hidden="0"/></cols>' +
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="F1"><v>6</v></c></row>' +
      '<row r="2" hidden="1"><c r="A2"><v>3</v></c></row><row r="3" hidden="true"/>' +
      '<row r="4" hidden="0"><c r="D4"><v>4</v></c></row><row r="5" hidden="1"><c r="E5"><v>5</v></c></row></sheetData>';
    expect(await same(book(body, {}))).toBeUndefined();
    const read = (await load(book(body, {}), false)) as { grids: Grid[] };
    // Rows 2 and 5 and columns B and E hold cells; row 3 and column C are hidden but empty.
    expect(read.grids[0]).toMatchObject({ hiddenRows: [1, 4], hiddenCols: [1, 4] });
  });

  it('hyperlinks: a linked cell keeps what it held, loses its formula; internal links do nothing', async () => {
    const body =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
      '<c r="D1"><f>B1*2</f><v>25</v></c><c r="E1" s="1"/><c r="F1" t="inlineStr"><is><t>内部</t></is></c></row>' +
      '<row r="2"><c r="C2" s="1"/></row><row r="3"><c r="B3"/><c r="D3" s="1"/></row></sheetData>' +
      '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId2"/><hyperlink ref="C1" r:id="rId1"/>' +
      '<hyperlink ref="D1" r:id="rId1"/><hyperlink ref="E1" r:id="rId1"/><hyperlink ref="F1" location="\'Sheet1\'!A1"/>' +
      '<hyperlink ref="B3" r:id="rId1"/><hyperlink ref="A1:B2" r:id="rId2"/><hyperlink ref="C2" r:id="rId3"/></hyperlinks>';
    const rels =
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:a@b.c" TargetMode="External"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="" TargetMode="External"/>';
    const data = book(body, { strings: '<si><t>预算数</t></si>', styles: STYLES, rels });
    expect(await same(data)).toBeUndefined();
    // A linked amount is still an amount (exceljs's cell value would hide it as the link's text).
    const read = (await load(data, false)) as { grids: Grid[] };
    expect(read.grids[0].cells[0].slice(0, 4)).toEqual([
      { value: '预算数' },
      { value: 12.5 },
      { value: 'ab' },
      { value: 25 },
    ]);
  });

  it('shared strings: rich runs, phonetic runs, escapes, empty items, entities', async () => {
    const strings =
      '<si><t>项目名称</t></si>' +
      '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>预算</t></r><r><t xml:space="preserve"> 数</t></r></si>' +
      '<si><t>单位</t><rPh sb="0" eb="2"><t>たんい</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t>第一行_x000D_\n第二行</t></si>' +
      '<si/>' +
      '<si><t/></si>' +
      '<si><t>&lt;≥&amp;90%&gt;</t></si>' +
      '<si><r><t>a</t></r><r><rPr><i/></rPr></r></si>';
    const cells = Array.from(
      { length: 8 },
      (_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`,
    );
    const data = book(`<sheetData><row r="1">${cells.join('')}</row></sheetData>`, { strings });
    expect(await same(data)).toBeUndefined();
  });

  it('inline strings, plain and rich; str results with entities', async () => {
    const body =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>预算数</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><r><t>资金</t></r><r><rPr><b/></rPr><t>用途_x0009_说明</t></r></is></c>' +
      '<c r="C1" t="inlineStr"><is><t xml:space="preserve">  前后空格  </t></is></c>' +
      '<c r="D1" t="str"><v>a&amp;amp;b</v></c><c r="E1" t="inlineStr"><is/></c></row></sheetData>';
    expect(await same(book(body))).toBeUndefined();
  });

  it('formulas: plain, shared (master and slid copies), array, cached 0 and false, text, boolean and error results', async () => {
    const body =
      '<sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f>A1+B1</f><v>3</v></c></row>' +
      '<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>0</v></c><c r="C2"><f t="shared" ref="C2:C4" si="0">A2+B2</f><v>4</v></c>' +
      '<c r="D2"><f t="shared" ref="D2:E2" si="1">SUM($A$1:A2)</f><v>5</v></c><c r="E2"><f t="shared" si="1"/><v>7</v></c></row>' +
      '<row r="3"><c r="A3"><v>0</v></c><c r="C3"><f t="shared" si="0"/><v>0</v></c><c r="D3" t="str"><f>"万"&amp;"元"</f><v>万元</v></c>' +
      '<c r="E3" t="b"><f>A3=0</f><v>1</v></c><c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="G3" t="b"><f>A3=1</f><v>0</v></c></row>' +
      '<row r="4"><c r="C4"><f t="shared" si="0"/></c><c r="D4"><f t="array" ref="D4">SUM(A1:A3*1)</f><v>5</v></c>' +
      '<c r="E4"><f t="shared" si="7"/><v>9</v></c><c r="F4" s="2"><f>TODAY()</f><v>45292</v></c></row>' +
      // A master and a copy without `si`: exceljs pairs them all the same.
      '<row r="5"><c r="A5"><f t="shared" ref="A5:B5">A1*2</f><v>2</v></c><c r="B5"><f t="shared"/><v>4</v></c></row>' +
      '</sheetData>';
    expect(await same(book(body, { styles: STYLES }))).toBeUndefined();
    // A cached 0 or false is what Excel shows: read, not taken for an empty cell.
    const read = (await load(book(body, { styles: STYLES }), false)) as { grids: Grid[] };
    expect(read.grids[0].cells[2][2]).toEqual({ formula: '=A3+B3', value: 0 });
    expect(read.grids[0].cells[2][6]).toEqual({ formula: '=A3=1', value: false });
  });

  it('merged areas (the last list counts), hidden sheets, a chartsheet in the list, a 1904 workbook, no styles part', async () => {
    const body =
      '<sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>标题</t></is></c><c r="C2"><v>5</v></c></row>' +
      '<row r="3"><c r="B3"><v>1</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:A1"/></mergeCells><mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells>';
    expect(await same(book(body))).toBeUndefined();
    expect(
      await same(book(body, { styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' })),
    ).toBeUndefined();

    const parts = xlsxParts([
      { name: '一', body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
      { name: '二', body: '<sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData>' },
      { name: '三', body: '<sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData>' },
    ]);
    const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
    wb.data = String(wb.data)
      .replace('name="二"', 'name="二" state="hidden"')
      .replace('</sheets>', '<sheet name="图表" sheetId="9" r:id="rId9"/></sheets>');
    const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = String(rels.data).replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    );
    expect(await same(zipParts(parts))).toBeUndefined();
  });

  it('steps aside where it does not mirror exceljs, and exceljs reads the file the same', async () => {
    const aside = async (body: string, reason: RegExp): Promise<void> => {
      expect(await same(book(body))).toMatch(reason);
    };
    // A link whose relationship is missing: exceljs fails on it, and so does the command line.
    await aside(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>链接</t></is></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>',
      /hyperlink without relationship/,
    );
    await aside(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位</t><rPh sb="0" eb="1"><t>たん</t></rPh></is></c></row></sheetData>',
      /rPh/,
    );
    await aside('<sheetData><row><c r="A1"><v>1</v></c></row></sheetData>', /row r/);
    await aside('<sheetData><row r="1"><c><v>1</v></c><c><v>2</v></c></row></sheetData>', /cell r/);
    await aside('<sheetData><row r="1"><c r="$A$1"><v>1</v></c></row></sheetData>', /cell r/);
    await aside('<sheetData><row r="2"><c r="A1"><v>1</v></c></row></sheetData>', /cell r/);
    await aside('<x:sheetData xmlns:x="urn:x"><x:row r="1"/></x:sheetData>', /sheetData/);
    // A shared string that is not there: exceljs fails on it, so does the command line.
    expect(
      await load(
        book('<sheetData><row r="1"><c r="A1" t="s"><v>3</v></c></row></sheetData>', {
          strings: '<si><t>x</t></si>',
        }),
        false,
      ),
    ).toEqual({
      error: 'corrupt',
    });
  });

  it('hands the sheets over as it reads them; a file that fails later is refused whole', async () => {
    const grids = stackedWorkbook(6, 10);
    const ok = await load(await writtenXlsx(grids), false);
    expect(ok).toMatchObject({ grids: expect.any(Array) });
    expect((ok as { batches: number }).batches).toBeGreaterThan(1);

    const parts = xlsxParts(
      Array.from({ length: 8 }, (_, s) => ({
        name: `S${s}`,
        body:
          '<sheetData>' +
          Array.from(
            { length: 200 },
            (_, r) =>
              `<row r="${r + 1}">${Array.from({ length: 5 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r * c}</v></c>`).join('')}</row>`,
          ).join('') +
          '</sheetData>' +
          (s === 7 ? '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>' : ''),
      })),
    );
    const p = path.join(dir, 'late-failure.xlsx');
    await fs.writeFile(p, zipParts(parts));
    const seen: number[][] = [];
    await expect(readXlsx(p, DEFAULT_LIMITS, (b) => seen.push(b.positions))).rejects.toMatchObject({
      code: 'corrupt',
    });
    expect(seen.length).toBeGreaterThan(0);
  });
});
