/**
 * `annotate` keeps the unit's workbook as it is (SPEC §8): the copy is the original package, part by
 * part and byte for byte, but for what annotate adds — the 审核意见 sheet, the notes and what they
 * need. The original here carries what exceljs does not model and a re-written copy would lose: an
 * x14 dropdown, an Excel 365 threaded comment with a reply, a text box, the add-in's settings, custom
 * document properties, a custom XML part. Both files are unzipped and compared part by part; the
 * notes are read back with exceljs.
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { JsonReport } from '../../src/cli/report';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { gridsWorkbook } from '../fixtures/xlsx';
import { lines, runCli, type Ran } from './run-cli';

jest.setTimeout(60_000);

let dir: string;
const cli = (...argv: string[]): Promise<Ran> => runCli(dir, ...argv);

type Findings = NonNullable<JsonReport['files'][number]['findings']>;

async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, file)));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files))
    if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb;
}

const noteOf = (cell: ExcelJS.Cell): string => {
  const note = cell.note;
  if (!note) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((r) => r.text).join('');
};

/**
 * The XML's tags and text, in order, as tokens; attributes that annotate may change for a reason
 * (the sheet positions move up by one, a list's count grows, one tab stays selected) are left out.
 */
function tokens(xml: string): string[] {
  return (xml.match(/<[^>]+>|[^<]+/g) ?? []).map((t) =>
    t.startsWith('<')
      ? t
          .replace(/\s(localSheetId|activeTab|firstSheet|count|tabSelected)="[^"]*"/g, '')
          .replace(/\s*\/?>$/, '')
      : t,
  );
}

/** Whether every token of `original` is in `patched`, in the same order (the patch only added). */
function kept(original: string, patched: string): boolean {
  const want = tokens(original);
  const have = tokens(patched);
  let i = 0;
  for (const t of have) if (i < want.length && t === want[i]) i++;
  return i === want.length;
}

const X14 =
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>\'列表\'!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H6</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
const TEXTBOX =
  '<xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>9</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="99" name="文本框 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>TEXTBOX-请于3月10日前报送</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>';
const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${TEXTBOX}</xdr:wsDr>`;
const WEBEXT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6C1F2A7B-0000-4000-8000-000000000001}"><we:reference id="wa000000000" version="1.0.0.0" store="developer" storeType="Registry"/><we:properties><we:property name="perfTargets.settings" value="&quot;{}&quot;"/></we:properties></we:webextension>';
const CUSTOM =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property></Properties>';
const threaded = (ref: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="${ref}" dT="2026-01-10T08:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-0000000000A1}"><text>THREAD-按去年口径</text></threadedComment><threadedComment ref="${ref}" dT="2026-01-11T08:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-0000000000A2}" parentId="{00000000-0000-0000-0000-0000000000A1}"><text>THREAD-REPLY-科长已同意</text></threadedComment></ThreadedComments>`;
const PERSON =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="王五" id="{00000000-0000-0000-0000-000000000001}" userId="wangwu" providerId="None"/></personList>';

const rel = (id: string, type: string, target: string): string =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
const addRels = (xml: string, more: string): string =>
  xml.replace('</Relationships>', `${more}</Relationships>`);
const addTypes = (xml: string, more: string): string => xml.replace('</Types>', `${more}</Types>`);

/** Sheet name → worksheet part, from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet [^>]*>/g)) {
    const name = /name="([^"]+)"/
      .exec(m[0])![1]
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    const rId = /r:id="([^"]+)"/.exec(m[0])![1];
    const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    out.set(name, `xl/${target}`);
  }
  return out;
}

let findings: Findings;
/** The finding cells the unit's own notes, and the threaded comment, are put on. */
let noted: Findings[number];
let thread: Findings[number];
let plain: Findings[number];

/** The seed workbook, as a unit would send it with all the things exceljs does not model. */
async function buildRich(file: string): Promise<void> {
  const wb = gridsWorkbook(seedStandardGrids());
  const list = wb.addWorksheet('列表', { state: 'hidden' });
  ['甲', '乙', '丙'].forEach((v, i) => (list.getCell(i + 1, 1).value = v));
  wb.getWorksheet(noted.sheet)!.getCell(noted.cell).note = {
    texts: [{ text: '联系人：', font: { bold: true } }, { text: 'UNIT-NOTE 王五' }],
  };
  // The legacy note Excel keeps beside a threaded comment, for older versions.
  wb.getWorksheet(thread.sheet)!.getCell(thread.cell).note = '[Threaded comment] THREAD-按去年口径';
  const first = wb.worksheets[0];
  first.getCell('J1').value = { text: '政策依据', hyperlink: 'http://www.mof.gov.cn/' };
  first.pageSetup.printArea = 'A1:G18';
  wb.definedNames.add(`'列表'!$A$1:$A$3`, '选项');
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const parts = await sheetParts(zip);
  const firstPart = parts.get(first.name)!;
  // x14 dropdown, a tab left selected, on the first sheet.
  let xml = await zip.file(firstPart)!.async('string');
  xml = xml
    .replace('</worksheet>', `${X14}</worksheet>`)
    .replace('<sheetView ', '<sheetView tabSelected="1" ');
  // A text box: a drawing of its own (before legacyDrawing and extLst).
  xml = xml.replace(/(<legacyDrawing |<extLst>)/, '<drawing r:id="rIdDr"/>$1');
  zip.file(firstPart, xml);
  const firstRels = firstPart.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  const existing = zip.file(firstRels)
    ? await zip.file(firstRels)!.async('string')
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    firstRels,
    addRels(
      existing,
      rel(
        'rIdDr',
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
        '../drawings/drawing9.xml',
      ),
    ),
  );
  zip.file('xl/drawings/drawing9.xml', DRAWING);
  // The threaded comment and its reply.
  const threadPart = parts.get(thread.sheet)!;
  const threadRels = threadPart.replace('worksheets/', 'worksheets/_rels/') + '.rels';
  zip.file('xl/threadedComments/threadedComment1.xml', threaded(thread.cell));
  zip.file('xl/persons/person.xml', PERSON);
  zip.file(
    threadRels,
    addRels(
      await zip.file(threadRels)!.async('string'),
      rel(
        'rIdTc',
        'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
        '../threadedComments/threadedComment1.xml',
      ),
    ),
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    addRels(
      await zip.file('xl/_rels/workbook.xml.rels')!.async('string'),
      rel('rIdPe', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml'),
    ),
  );
  // The add-in's settings, custom properties, a custom XML part.
  zip.file('xl/webextensions/webextension1.xml', WEBEXT);
  zip.file('docProps/custom.xml', CUSTOM);
  zip.file('customXml/item1.xml', '<?xml version="1.0"?><b:Sources xmlns:b="http://x"/>');
  zip.file(
    '_rels/.rels',
    addRels(
      await zip.file('_rels/.rels')!.async('string'),
      rel(
        'rIdCu',
        'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
        'docProps/custom.xml',
      ),
    ),
  );
  zip.file(
    '[Content_Types].xml',
    addTypes(
      await zip.file('[Content_Types].xml')!.async('string'),
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>' +
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
        '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
        '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
        '<Override PartName="/xl/drawings/drawing9.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    ),
  );
  await fs.writeFile(
    path.join(dir, file),
    await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
  );
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-annotate-'));
  await gridsWorkbook(seedStandardGrids()).xlsx.writeFile(path.join(dir, 'seed.xlsx'));
  findings = (JSON.parse((await cli('check', 'seed.xlsx', '--format', 'json')).stdout) as JsonReport).files[0]
    .findings!;
  // Three finding cells on three different sheets (or at least two different cells).
  const cells = [...new Map(findings.map((f) => [`${f.sheet}!${f.cell}`, f])).values()];
  [noted, thread, plain] = [cells[0], cells[1], cells[cells.length - 1]];
  await buildRich('rich.xlsx');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('annotate keeps the unit’s package', () => {
  let ran: Ran;
  let before: Map<string, Buffer>;
  let after: Map<string, Buffer>;
  beforeAll(async () => {
    expect(
      (JSON.parse((await cli('check', 'rich.xlsx', '--format', 'json')).stdout) as JsonReport).files[0]
        .findings,
    ).toEqual(findings);
    ran = await cli('annotate', 'rich.xlsx', '--out', 'rich-ann.xlsx');
    before = await unzip('rich.xlsx');
    after = await unzip('rich-ann.xlsx');
  });

  it('writes the copy and says which cells got no note, because of the unit’s threaded comment', () => {
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^已写入 rich-ann\.xlsx：\d+ 个单元格加了批注/);
    expect(lines(ran.stderr)).toEqual([
      `perf-targets: rich-ann.xlsx: ${thread.sheet}!${thread.cell} 已有单位的会话批注（Excel 365），为不打乱其中的讨论，这 1 个单元格的问题没有写成批注，只列在首页“审核意见”中`,
    ]);
  });

  it('keeps every part of the original; those it does not patch byte for byte', async () => {
    const patched = new Set<string>([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
    ]);
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, 'rich.xlsx')));
    const parts = await sheetParts(zip);
    // The sheets given notes: their comments, their VML, their relationships, the sheet itself
    // (a <legacyDrawing> where it had none), and the first sheet's tab (no longer selected).
    for (const f of findings) {
      const part = parts.get(f.sheet)!;
      patched.add(part);
      patched.add(part.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    }
    for (const name of before.keys())
      if (/^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml)$/.test(name)) patched.add(name);
    for (const [name, data] of before) {
      expect(after.has(name)).toBe(true);
      if (patched.has(name))
        expect({ name, kept: kept(data.toString('utf8'), after.get(name)!.toString('utf8')) }).toEqual({
          name,
          kept: true,
        });
      else expect({ name, same: after.get(name)!.equals(data) }).toEqual({ name, same: true });
    }
    // What exceljs would have lost is there, unchanged.
    for (const name of [
      'xl/threadedComments/threadedComment1.xml',
      'xl/persons/person.xml',
      'xl/webextensions/webextension1.xml',
      'docProps/custom.xml',
      'customXml/item1.xml',
      'xl/drawings/drawing9.xml',
    ])
      expect(after.get(name)!.equals(before.get(name)!)).toBe(true);
    const firstSheet = after.get([...parts.values()][0])!.toString('utf8');
    expect(firstSheet).toContain(X14);
    expect(firstSheet).not.toContain('tabSelected');
  });

  it('adds only the review sheet, the notes and their drawings', () => {
    const added = [...after.keys()].filter((n) => !before.has(n));
    for (const name of added)
      expect(name).toMatch(
        /^xl\/(worksheets\/sheet\d+\.xml|comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$/,
      );
    expect(added.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(1);
  });

  it('puts each finding as a note on its cell, the unit’s own note kept above it, formatting and all', async () => {
    const wb = await open('rich-ann.xlsx');
    for (const f of findings) {
      const note = noteOf(wb.getWorksheet(f.sheet)!.getCell(f.cell));
      const label = { error: '[错误]', warning: '[警告]', info: '[提示]' }[f.severity];
      if (f.sheet === thread.sheet && f.cell === thread.cell) {
        expect(note).toBe('[Threaded comment] THREAD-按去年口径');
        continue;
      }
      expect(note).toContain(`${label} ${f.message}`);
      if (f.fix) expect(note).toContain(`建议改为：${f.fix.value}`);
    }
    const unit = wb.getWorksheet(noted.sheet)!.getCell(noted.cell).note as ExcelJS.Comment;
    const texts = unit.texts!;
    expect(texts[0]).toMatchObject({ text: '联系人：', font: { bold: true } });
    expect(texts[1].text).toBe('UNIT-NOTE 王五');
    expect(texts[2].text).toMatch(/^\n—— 审核意见 ——\n\[/);
    expect(noteOf(wb.getWorksheet(plain.sheet)!.getCell(plain.cell))).toMatch(/^\[(错误|警告|提示)\] /);
    // Notes nowhere else: every note the copy holds is the unit's, or on a finding's cell.
    const findingCells = new Set(findings.map((f) => `${f.sheet}!${f.cell}`));
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.note) expect(findingCells.has(`${ws.name}!${cell.address}`)).toBe(true);
        }),
      );
  });

  it('gives every note a shape in a VML drawing the sheet points to, as Excel needs', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, 'rich-ann.xlsx')));
    const parts = await sheetParts(zip);
    for (const sheet of new Set(findings.map((f) => f.sheet))) {
      const part = parts.get(sheet)!;
      const xml = await zip.file(part)!.async('string');
      const rId = /<legacyDrawing r:id="([^"]+)"\/>/.exec(xml)![1];
      const rels = await zip
        .file(part.replace('worksheets/', 'worksheets/_rels/') + '.rels')!
        .async('string');
      const target = new RegExp(`Id="${rId}"[^>]*Target="\\.\\./([^"]+)"`).exec(rels)![1];
      const vml = await zip.file(`xl/${target}`)!.async('string');
      const shapes = new Set(
        [...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map((m) => `${m[1]},${m[2]}`),
      );
      const ids = [...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of findings.filter((x) => x.sheet === sheet)) {
        const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
        const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        expect(shapes.has(`${Number(m[2]) - 1},${col}`)).toBe(true);
      }
    }
  });

  it('opens on a first sheet 审核意见 that lists every finding, the threaded one too, with links', async () => {
    const wb = await open('rich-ann.xlsx');
    expect(wb.worksheets[0].name).toBe('审核意见');
    const ws = wb.worksheets[0];
    const listed = [];
    for (let r = 4; r <= ws.rowCount; r++) listed.push(`${ws.getCell(r, 2).text}!${ws.getCell(r, 3).text}`);
    expect(listed.sort()).toEqual(findings.map((f) => `${f.sheet}!${f.cell}`).sort());
    expect(ws.getCell('E4').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('A3').font).toMatchObject({ bold: true });
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, 'rich-ann.xlsx')));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    // Sheet positions moved up by one: the first sheet's print area is still the first sheet's.
    expect(workbook).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">'审核意见'!\$1:\$3<\/definedName>/,
    );
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="1">/);
    expect(workbook).not.toMatch(/localSheetId="0">[^<]*Print_Area/);
    const part = (await sheetParts(zip)).get('审核意见')!;
    const xml = await zip.file(part)!.async('string');
    expect(xml).toContain('tabSelected="1"');
    const f = findings[0];
    expect(xml).toContain(`location="'${f.sheet}'!${f.cell}"`);
  });

  it('reads the same in the copy as in the original', async () => {
    const again = JSON.parse((await cli('check', 'rich-ann.xlsx', '--format', 'json')).stdout) as JsonReport;
    expect(again.files[0].findings).toEqual(findings);
  });

  it('a second round keeps the first round’s sheet and notes and adds 审核意见2', async () => {
    const r = await cli('annotate', 'rich-ann.xlsx', '--out', 'rich-ann2.xlsx');
    expect(r.code).toBe(0);
    const wb = await open('rich-ann2.xlsx');
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['审核意见2', '审核意见']);
    const once = await unzip('rich-ann.xlsx');
    const twice = await unzip('rich-ann2.xlsx');
    for (const [name, data] of once)
      if (!twice.get(name)!.equals(data))
        expect(kept(data.toString('utf8'), twice.get(name)!.toString('utf8'))).toBe(true);
  });
});

describe('annotate on a workbook without a 绩效目标表', () => {
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '说明';
    await wb.xlsx.writeFile(path.join(dir, 'empty.xlsx'));
  });

  it('says no table was found and returns the file, as check and report do', async () => {
    const check = await cli('check', 'empty.xlsx');
    expect(check.stdout).toContain('没有找到绩效目标表');
    const r = await cli('annotate', 'empty.xlsx');
    // SPEC §7: the file was read; annotate's verdict is in the copy, the exit code as check's.
    expect(r.code).toBe(check.code);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      '已写入 empty（审核意见）.xlsx：没有找到绩效目标表，首页“审核意见”的审核结论为退回修改\n',
    );
    const wb = await open('empty（审核意见）.xlsx');
    const summary = wb.getWorksheet('审核意见')!.getCell('A2').text;
    expect(summary).toContain('没有找到绩效目标表');
    expect(summary).toContain('退回修改');
    expect(summary).not.toContain('审核通过');
    expect(wb.getWorksheet('Sheet1')!.getCell('A1').value).toBe('说明');
  });

  it('in English too', async () => {
    const r = await cli('annotate', 'empty.xlsx', '--out', 'empty-en.xlsx', '--lang', 'en-US');
    expect(r.stdout).toMatch(/no performance-target table found; the verdict .* is “return”/);
    const wb = await open('empty-en.xlsx');
    expect(wb.worksheets[0].getCell('A2').text).toMatch(/^No performance-target table found: return\./);
  });
});

describe('what the copy cannot keep is said', () => {
  it('a digital signature no longer matches the copy: a warning on stderr', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, 'seed.xlsx')));
    zip.file('_xmlsignatures/sig1.xml', '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>');
    await fs.writeFile(path.join(dir, 'signed.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await cli('annotate', 'signed.xlsx', '--out', 'signed-ann.xlsx');
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      'perf-targets: signed-ann.xlsx: 原文件带有数字签名；批注版的内容已有改动，签名对批注版不再有效',
    ]);
    expect((await unzip('signed-ann.xlsx')).has('_xmlsignatures/sig1.xml')).toBe(true);
  });
});

describe('a unit’s note written as plain text (no runs)', () => {
  it('stays first, its own bytes kept inside a run, the reviewer’s text after it', async () => {
    const wb = gridsWorkbook(seedStandardGrids());
    wb.getWorksheet(plain.sheet)!.getCell(plain.cell).note = 'PLACEHOLDER';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const name = Object.keys(zip.files).find((n) => /^xl\/comments\d+\.xml$/.test(n))!;
    const xml = (await zip.file(name)!.async('string')).replace(
      /<text>[\s\S]*?<\/text>/,
      '<text><t xml:space="preserve">UNIT-PLAIN 单位说明</t></text>',
    );
    zip.file(name, xml);
    await fs.writeFile(path.join(dir, 'plain.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await cli('annotate', 'plain.xlsx', '--out', 'plain-ann.xlsx');
    expect(r.code).toBe(0);
    const after = (await unzip('plain-ann.xlsx')).get(name)!.toString('utf8');
    expect(after).toContain('<r><t xml:space="preserve">UNIT-PLAIN 单位说明</t></r>');
    expect(kept(xml, after)).toBe(true);
    const copy = await open('plain-ann.xlsx');
    expect(noteOf(copy.getWorksheet(plain.sheet)!.getCell(plain.cell))).toMatch(
      /^UNIT-PLAIN 单位说明\n—— 审核意见 ——\n\[(错误|警告|提示)\] /,
    );
  });
});
