/**
 * The guard counts what exceljs would build, read the way exceljs reads it: the crafted
 * files and their variants (quotes, whitespace, tabs, entities, prefixes, attribute order, huge
 * spans, row floods), and zips whose directories say one thing to a naive reader and another to JSZip.
 */

import { crc32 } from 'node:zlib';
import JSZip from 'jszip';
import { DEFAULT_LIMITS, inspectXlsx, XlsxReadError, type XlsxLimits } from '../../src/cli/zip-guard';
import { minimalXlsxParts, xlsxParts, zipParts, type ZipPart } from '../fixtures/xlsx';

function refusal(buf: Buffer, limits: XlsxLimits = DEFAULT_LIMITS): XlsxReadError | undefined {
  try {
    inspectXlsx(buf, limits);
    return undefined;
  } catch (err) {
    if (err instanceof XlsxReadError) return err;
    throw err;
  }
}

const sheet = (body: string): Buffer => zipParts(minimalXlsxParts(body));
const code = (body: string, limits?: XlsxLimits): string | undefined => refusal(sheet(body), limits)?.code;
const merge = (mergeCell: string) => `<sheetData/><mergeCells count="1">${mergeCell}</mergeCells>`;

describe('merged areas, however the XML spells them', () => {
  it.each([
    ['double quotes', '<mergeCell ref="A1:XFD1048576"/>'],
    ['single quotes', "<mergeCell ref='A1:XFD1048576'/>"],
    ['spaces around =', '<mergeCell ref = "A1:XFD1048576"/>'],
    ['a tab and a newline', '<mergeCell\tref\n=\t"A1:XFD1048576"/>'],
    ['character references', '<mergeCell ref="&#65;1:&#x58;FD1048576"/>'],
    ['absolute references', '<mergeCell ref="$A$1:$XFD$1048576"/>'],
    ['corners swapped', '<mergeCell ref="XFD1048576:A1"/>'],
    ['another attribute first', '<mergeCell xml:space="preserve" ref="A1:XFD1048576"></mergeCell>'],
    ['a namespace prefix', '<x:mergeCell xmlns:x="urn:x" ref="A1:XFD1048576"/>'],
    ['whole columns as a lenient reader sees them', '<mergeCell ref="A1:XFD1048576junk"/>'],
  ])('%s: refused as too many cells', (_how, element) => {
    expect(code(merge(element))).toBe('too-many-cells');
  });

  it('a merge to row 99,999,999 is outside any sheet', () => {
    const err = refusal(sheet(merge('<mergeCell ref="A1:B99999999"/>')));
    expect(err?.code).toBe('beyond-sheet');
    expect(err?.data).toEqual({ ref: 'A1:B99999999' });
  });

  it('small merges add up: 600 areas of 1,000 cells are 600,000 cells', () => {
    const many = Array.from(
      { length: 600 },
      (_, i) => `<mergeCell ref="A${i * 1000 + 1}:A${i * 1000 + 1000}"/>`,
    );
    expect(code(merge(many.join('')))).toBe('too-many-cells');
  });

  it('too many areas on one sheet, however small: exceljs compares each with all before it', () => {
    const many = Array.from({ length: 5_001 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`);
    expect(code(merge(many.join('')))).toBe('too-many-merges');
    expect(code(merge(many.slice(0, 5_000).join('')))).toBeUndefined();
  });
});

describe('cells, rows and columns', () => {
  const cells = (n: number, open: (i: number) => string) =>
    `<sheetData><row r="1">${Array.from({ length: n }, (_, i) => `${open(i)}<v>1</v></c>`).join('')}</row></sheetData>`;

  it.each([
    ['a space', (i: number) => `<c r="A${i + 1}">`],
    ['a tab', (i: number) => `<c\tr="A${i + 1}">`],
    ['a newline and single quotes', (i: number) => `<c\nr='A${i + 1}'>`],
    ['no attribute at all', () => `<c>`],
  ])('cells written with %s count: one past the limit is refused', (_how, open) => {
    const limits = { ...DEFAULT_LIMITS, cells: 1_000 };
    expect(code(cells(1_000, open), limits)).toBeUndefined();
    expect(code(cells(1_001, open), limits)).toBe('too-many-cells');
  });

  it('a flood of empty rows is refused at the row limit', () => {
    const rows = (n: number) =>
      `<sheetData>${Array.from({ length: n }, (_, i) => `<row r="${i + 1}"/>`).join('')}</sheetData>`;
    const limits = { ...DEFAULT_LIMITS, rows: 1_000 };
    expect(code(rows(1_000), limits)).toBeUndefined();
    expect(code(rows(1_001), limits)).toBe('too-many-rows');
    expect(code('<sheetData><row r="1048577"/></sheetData>')).toBe('beyond-sheet');
    expect(code('<sheetData><row r=" 99999999"/></sheetData>')).toBe('beyond-sheet');
  });

  it('a column definition past XFD, or one exceljs fills up to its min, is outside any sheet', () => {
    expect(code('<cols><col min="7" max="200000000"/></cols><sheetData/>')).toBe('beyond-sheet');
    expect(code('<cols><col max = \'200000000\' min="7"/></cols><sheetData/>')).toBe('beyond-sheet');
    expect(code('<cols><col min="200000000" max="1"/></cols><sheetData/>')).toBe('beyond-sheet');
  });

  it('the columns every sheet defines add up; "hide the rest" on one sheet is fine', () => {
    const hideRest = '<cols><col min="8" max="16384" hidden="1"/></cols><sheetData/>';
    const book = (n: number) =>
      zipParts(xlsxParts(Array.from({ length: n }, (_, i) => ({ name: `S${i}`, body: hideRest }))));
    expect(refusal(book(16))).toBeUndefined();
    expect(refusal(book(17))?.code).toBe('too-many-columns');
  });
});

describe('defined names, shared strings, sheets, elements, bytes', () => {
  const withNames = (names: string): Buffer => {
    const parts = minimalXlsxParts('<sheetData/>');
    const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
    wb.data = String(wb.data).replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
    return zipParts(parts);
  };

  it('a defined name over a million cells counts them (exceljs indexes each), a print area does not', () => {
    expect(refusal(withNames('<definedName name="x">Sheet1!$A$1:$A$1048576</definedName>'))?.code).toBe(
      'too-many-cells',
    );
    expect(
      refusal(withNames("<definedName name=\"x\">'a,b'!$A$1,'q!$A$1:$XFD$1048576'</definedName>"))?.code,
    ).toBe('too-many-cells');
    expect(
      refusal(
        withNames(
          '<definedName name="_xlnm.Print_Area" localSheetId="0">Sheet1!$A$1:$XFD$1048576</definedName>',
        ),
      ),
    ).toBeUndefined();
    expect(refusal(withNames('<definedName name="x">Sheet1!$A$1:$G$30</definedName>'))).toBeUndefined();
  });

  it('shared strings, sheets and elements each have a limit', () => {
    const sst = (n: number): ZipPart => ({
      name: 'xl/sharedStrings.xml',
      data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>x</t></si>'.repeat(n)}</sst>`,
    });
    const limits = { ...DEFAULT_LIMITS, sharedStrings: 100 };
    expect(refusal(zipParts(minimalXlsxParts('<sheetData/>', [sst(100)])), limits)).toBeUndefined();
    expect(refusal(zipParts(minimalXlsxParts('<sheetData/>', [sst(101)])), limits)?.code).toBe(
      'too-many-shared-strings',
    );

    const sheets = Array.from({ length: 11 }, (_, i) => ({ name: `S${i}`, body: '<sheetData/>' }));
    expect(refusal(zipParts(xlsxParts(sheets)), { ...DEFAULT_LIMITS, sheets: 10 })?.code).toBe(
      'too-many-sheets',
    );

    const styles: ZipPart = {
      name: 'xl/styles.xml',
      data: `<styleSheet><cellXfs>${'<xf numFmtId="0"/>'.repeat(2_000)}</cellXfs></styleSheet>`,
    };
    expect(
      refusal(zipParts(minimalXlsxParts('<sheetData/>', [styles])), { ...DEFAULT_LIMITS, elements: 1_000 })
        ?.code,
    ).toBe('too-many-elements');
  });

  it('a part exceljs does not parse is still inflated and held to its declared size', () => {
    const bomb: ZipPart = {
      name: 'xl/printerSettings/printerSettings1.bin',
      data: Buffer.alloc(4 << 20),
      declaredSize: 10,
    };
    expect(refusal(zipParts(minimalXlsxParts('<sheetData/>', [bomb])))?.code).toBe('corrupt');
  });

  it('entities are not expanded: a DOCTYPE with its own entities is a damaged sheet', () => {
    const laughs =
      '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>';
    const parts = minimalXlsxParts('');
    parts[4] = { ...parts[4], data: laughs };
    expect(refusal(zipParts(parts))?.code).toBe('corrupt');
  });
});

describe('zips read the way JSZip reads them', () => {
  /** The parts exceljs gets from JSZip: what the guard must have seen. */
  const jszipNames = async (zip: Buffer): Promise<string[]> =>
    Object.keys((await JSZip.loadAsync(zip)).files);
  const bombSheet =
    '<worksheet><sheetData/><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>';

  /** The workbook with a second sheet part whose name is given, holding the bomb. */
  function withBomb(name: string): ZipPart[] {
    return [...minimalXlsxParts('<sheetData/>'), { name, data: bombSheet }];
  }

  it('the name in the local header is the one that counts, not the central directory’s', async () => {
    const zip = zipParts(withBomb('xl/worksheets/sheet2.xml'));
    const central = zip.lastIndexOf(Buffer.from('xl/worksheets/sheet2.xml'));
    zip.write('xl/worksheets/sheetX.xml', central);
    expect(await jszipNames(zip)).toContain('xl/worksheets/sheet2.xml');
    expect(refusal(zip)?.code).toBe('too-many-cells');
  });

  it('a name with .. or a leading slash resolves to the part exceljs loads', async () => {
    expect(await jszipNames(zipParts(withBomb('xl/media/../worksheets/sheet2.xml')))).toContain(
      'xl/worksheets/sheet2.xml',
    );
    expect(refusal(zipParts(withBomb('xl/media/../worksheets/sheet2.xml')))?.code).toBe('too-many-cells');
    expect(refusal(zipParts(withBomb('/xl/worksheets/sheet2.xml')))?.code).toBe('too-many-cells');
    expect(refusal(zipParts(withBomb('backup/xl/worksheets/sheet2.xml')))?.code).toBe('too-many-cells');
  });

  it('a central header past the declared count is read too, as JSZip does', async () => {
    const zip = zipParts(withBomb('xl/worksheets/sheet2.xml'));
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = zip.readUInt16LE(end + 10);
    zip.writeUInt16LE(count - 1, end + 8);
    zip.writeUInt16LE(count - 1, end + 10);
    expect(await jszipNames(zip)).toContain('xl/worksheets/sheet2.xml');
    expect(refusal(zip)?.code).toBe('too-many-cells');
  });

  it('the Info-ZIP Unicode path field renames an entry for JSZip, so it does for the guard', async () => {
    const innocent = 'xl/notes/readme-now.txt';
    const real = 'xl/worksheets/sheet2.xml';
    const zip = zipParts(withBomb(innocent));
    // Rebuild the last central header with a 0x7075 extra field naming the real part.
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const nameLen = zip.readUInt16LE(cd + 28);
    const header = Buffer.from(zip.subarray(cd, cd + 46 + nameLen));
    header.writeUInt16LE(header.readUInt16LE(8) & ~0x0800, 8);
    const value = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), Buffer.from(real)]);
    value.writeUInt32LE(crc32(Buffer.from(innocent)), 1);
    const field = Buffer.concat([Buffer.from([0x75, 0x70]), Buffer.alloc(2), value]);
    field.writeUInt16LE(value.length, 2);
    header.writeUInt16LE(field.length, 30);
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const tail = Buffer.from(zip.subarray(end));
    tail.writeUInt32LE(tail.readUInt32LE(12) + field.length, 12);
    const rebuilt = Buffer.concat([zip.subarray(0, cd), header, field, tail]);
    expect(await jszipNames(rebuilt)).toContain(real);
    expect(refusal(rebuilt)?.code).toBe('too-many-cells');
  });
});
