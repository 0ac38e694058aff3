/**
 * Reading Word tables (src/cli/read-docx.ts): how Word's markup becomes a grid, and what a crafted
 * or broken document does — a finding or one line with exit 2, never a crash or a hang (SPEC §7).
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run, type CliIO } from '../../src/cli/main';
import { docxGrids } from '../../src/cli/read-docx';
import { ReadError } from '../../src/cli/bounded-zip';
import { DEFAULT_LIMITS, type XlsxLimits } from '../../src/cli/zip-guard';
import { cellAt, type Grid } from '../../src/domain/grid';
import { readGrid } from '../../src/domain/reader';
import { docxParts, esc, paragraph } from '../fixtures/docx';
import { zipParts, type ZipPart } from '../fixtures/xlsx';

jest.setTimeout(60_000);

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (body: string, extra: ZipPart[] = []): Buffer => zipParts(docxParts(body, extra));
const read = (body: string, limits: Partial<XlsxLimits> = {}): Grid[] =>
  docxGrids(doc(body), { ...DEFAULT_LIMITS, ...limits });
const text = (g: Grid, a1row: number, col: number): unknown => cellAt(g, a1row - 1, col)?.value;
const tc = (inner: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;
const p = (s: string): string => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]): string => `<w:tbl><w:tblGrid/>${rows.join('')}</w:tbl>`;
/** A row of cells, each one paragraph of text. */
const row = (...texts: string[]): string => tr(...texts.map((t) => tc(p(t))));

function refused(body: string | Buffer, limits: Partial<XlsxLimits> = {}): string {
  try {
    docxGrids(typeof body === 'string' ? doc(body) : body, { ...DEFAULT_LIMITS, ...limits });
  } catch (err) {
    if (err instanceof ReadError) return err.code;
    throw err;
  }
  return 'read';
}

describe('Word markup → grid', () => {
  it('places cells by grid column: gridSpan merges across, vMerge down, gridBefore skips', () => {
    const [g] = read(
      tbl(
        tr(
          tc(p('一级指标'), '<w:vMerge w:val="restart"/>'),
          tc(p('二级'), '<w:gridSpan w:val="2"/>'),
          tc(p('值')),
        ),
        tr(tc('<w:p/>', '<w:vMerge/>'), tc(p('a')), tc(p('b')), tc(p('c'))),
        `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc(p('x'))}${tc(p('y'))}</w:tr>`,
      ),
    );
    expect(g.sheet).toBe('表1');
    expect(g.top).toBe(0);
    expect(text(g, 1, 0)).toBe('一级指标');
    expect(text(g, 1, 1)).toBe('二级');
    expect(text(g, 1, 3)).toBe('值');
    expect(text(g, 2, 0)).toBeUndefined();
    expect(text(g, 2, 3)).toBe('c');
    expect(text(g, 3, 2)).toBe('x');
    expect(text(g, 3, 3)).toBe('y');
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 2 },
      ]),
    );
    expect(g.merges).toHaveLength(2);
  });

  it('keeps tabs, breaks, paragraphs and full-width spaces; drops field codes, deleted text and text boxes', () => {
    const cell =
      '<w:p><w:r><w:t>项目</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>名称</w:t></w:r><w:r><w:br/><w:t>第二行</w:t></w:r></w:p>' +
      '<w:p><w:r><w:instrText> TC 目录 </w:instrText></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:t>　全角　</w:t></w:r></w:p>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>旧</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>';
    const [g] = read(tbl(tr(tc(cell))));
    expect(text(g, 1, 0)).toBe('项目\t名称\n第二行\n　全角　');
  });

  it('numbers tables in document order; a nested table is rows of the one holding it, its number unused', () => {
    const grids = read(
      tbl(tr(tc(p('外表') + tbl(tr(tc(p('内表')))) + '<w:p/>'))) + paragraph('正文') + tbl(tr(tc(p('第三')))),
    );
    expect(grids.map((g) => [g.sheet, text(g, 1, 0), text(g, 2, 0)])).toEqual([
      ['表1', '外表', '内表'],
      ['表3', '第三', undefined],
    ]);
  });

  it('takes the short paragraphs right above a table as its caption and unit lines, not body text', () => {
    const long = '长'.repeat(200);
    const [first, second] = read(
      paragraph('标题') +
        paragraph(long) +
        paragraph('1、某项目绩效目标表') +
        paragraph('\t207002某某局') +
        paragraph('单位：万元') +
        tbl(tr(tc(p('项目名称')))) +
        paragraph('表后的话') +
        tbl(tr(tc(p('二')))),
    );
    expect(first.top).toBe(-3);
    expect(first.cells.slice(0, 3).map((r) => r[0]?.value)).toEqual([
      '1、某项目绩效目标表',
      '207002某某局',
      '单位：万元',
    ]);
    expect(text(first, 1, 0)).toBe('项目名称');
    expect(second.top).toBe(-1);
    expect(second.cells[0][0]?.value).toBe('表后的话');
  });

  it('reads ragged rows and a table with no cells', () => {
    const grids = read(tbl(tr(tc(p('a'))), tr(tc(p('b')), tc(p('c')), tc(p('d'))), tr()) + tbl());
    expect(grids).toHaveLength(2);
    expect(text(grids[0], 2, 2)).toBe('d');
  });

  it('reads a 5,000-row table', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => tr(tc(p(`指标${i}`)), tc(p('≥90%')))).join('');
    const [g] = read(tbl(rows));
    expect(text(g, 5000, 0)).toBe('指标4999');
  });
});

describe('crafted and broken documents are refused with a reason', () => {
  // Rest parameters: a test function declaring more parameters than a row has is given `done`.
  it.each<[string, () => string | Buffer, string, Partial<XlsxLimits>?]>([
    [
      'a gridSpan past the last column',
      () => tbl(tr(tc(p('x'), '<w:gridSpan w:val="1000000000"/>'))),
      'too-many-columns',
    ],
    [
      'a gridBefore past the last column',
      () => tbl(`<w:tr><w:trPr><w:gridBefore w:val="99999"/></w:trPr>${tc(p('x'))}</w:tr>`),
      'too-many-columns',
    ],
    [
      'spans that add up to too many cells',
      () =>
        tbl(tr(...Array.from({ length: 40 }, () => tc('<w:p/>', '<w:gridSpan w:val="400"/>')))).repeat(40),
      'too-many-cells',
    ],
    ['too many rows', () => tbl(tr(tc('<w:p/>')).repeat(2000)), 'too-many-rows', { rows: 1000 }],
    ['too many tables', () => tbl(tr(tc('<w:p/>'))).repeat(50), 'too-many-sheets', { sheets: 20 }],
    [
      'too many merges',
      () => tbl(tr(tc('<w:p/>', '<w:gridSpan w:val="2"/>')).repeat(100)),
      'too-many-merges',
      { mergesPerSheet: 50 },
    ],
    [
      'tables nested a hundred thousand deep',
      () => '<w:tbl><w:tr><w:tc>'.repeat(100_000) + '</w:tc></w:tr></w:tbl>'.repeat(100_000),
      'too-many-sheets',
    ],
    [
      'an entity expansion (billion laughs)',
      () =>
        zipParts([
          ...docxParts('').filter((part) => part.name !== 'word/document.xml'),
          {
            name: 'word/document.xml',
            data: `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="${W}"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`,
          },
        ]),
      'corrupt',
    ],
    [
      'a document part that says it is small and inflates to 32 MB',
      () =>
        zipParts([
          ...docxParts('').filter((part) => part.name !== 'word/document.xml'),
          {
            name: 'word/document.xml',
            data: `<w:document xmlns:w="${W}">${' '.repeat(32 << 20)}</w:document>`,
            declaredSize: 100,
          },
        ]),
      'corrupt',
    ],
    [
      'a document part past the part limit',
      () => doc(paragraph('x'.repeat(2 << 20))),
      'part-too-large',
      { partBytes: 1 << 20 },
    ],
    [
      'broken XML',
      () =>
        zipParts([...docxParts('').slice(0, 3), { name: 'word/document.xml', data: '<w:document><w:body>' }]),
      'corrupt',
    ],
    ['a zip without a document', () => zipParts([{ name: 'hello.txt', data: 'hi' }]), 'not-document'],
    [
      'a workbook renamed .docx',
      () => zipParts([{ name: 'xl/workbook.xml', data: '<workbook/>' }]),
      'not-document',
    ],
    ['text that is no zip', () => Buffer.from('这不是文档'), 'not-zip'],
    ['an empty file', () => Buffer.alloc(0), 'empty-file'],
    [
      'an old .doc or an encrypted .docx',
      () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'ole',
    ],
    ['a truncated zip', () => doc(tbl(tr(tc(p('x'))))).subarray(0, 200), 'truncated'],
  ])('%s', (...row) => {
    const [, make, code, limits] = row;
    expect(refused(make(), limits)).toBe(code);
  });

  it('an image and a text box beside the table: both tables are read, the box’s once', () => {
    const box = (inner: string) => `<w:txbxContent>${inner}</w:txbxContent>`;
    const grids = docxGrids(
      doc(
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="wp"><a:graphic xmlns:a="a"/></wp:inline></w:drawing></w:r></w:p>' +
          '<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing>' +
          box(p('框里的说明') + tbl(tr(tc(p('框里的表'))))) +
          '</w:drawing></mc:Choice><mc:Fallback><w:pict>' +
          box(tbl(tr(tc(p('框里的表'))))) +
          '</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>' +
          tbl(tr(tc(p('项目名称')))),
        [{ name: 'word/media/image1.png', data: Buffer.alloc(1000, 7) }],
      ),
      DEFAULT_LIMITS,
    );
    expect(grids.map((g) => text(g, 1, 0))).toEqual(['框里的表', '项目名称']);
    expect(grids.map((g) => g.sheet)).toEqual(['表1', '表2']);
    // the text box's own paragraph is no caption of the table after it
    expect(grids[1].top).toBe(0);
  });
});

describe('what Word shows, not what the XML also keeps (issue 14)', () => {
  it('a row deleted with tracking on is gone; the rows after it keep the indicator block', () => {
    const deleted = `<w:tr><w:trPr><w:del w:id="3" w:author="王"/></w:trPr>${tc('<w:p><w:del w:id="4"><w:r><w:delText>旧指标</w:delText></w:r></w:del></w:p>', '<w:vMerge/>')}${tc('<w:p/>')}</w:tr>`;
    const [g] = read(
      tbl(
        `<w:tr>${tc(p('产出指标'), '<w:vMerge w:val="restart"/>')}${tc(p('数量指标'))}</w:tr>`,
        deleted,
        `<w:tr>${tc('<w:p/>', '<w:vMerge/>')}${tc(p('质量指标'))}</w:tr>`,
      ),
    );
    expect(g.cells).toHaveLength(2);
    expect(text(g, 2, 1)).toBe('质量指标');
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 0 }]);
  });

  it('an empty content control’s placeholder text is no value; a filled one’s content is', () => {
    const control = (content: string, placeholder: boolean) =>
      `<w:sdt><w:sdtPr>${placeholder ? '<w:showingPlcHdr/>' : ''}</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const [g] = read(
      tbl(
        tr(tc(p('预算数')), tc(control(p('单击或点击此处输入文字。'), true))),
        tr(tc(p('财政资金')), tc(control(p('20.00'), false))),
      ),
    );
    expect(text(g, 1, 1)).toBeUndefined();
    expect(text(g, 2, 1)).toBe('20.00');
  });

  it('hidden runs are left out unless w:val turns hiding off', () => {
    const run = (t: string, rpr: string) => `<w:r><w:rPr>${rpr}</w:rPr><w:t>${t}</w:t></w:r>`;
    const [g] = read(
      tbl(
        tr(
          tc(
            `<w:p>${run('10', '')}${run('（待定）', '<w:vanish/>')}${run('.00', '<w:vanish w:val="0"/>')}</w:p>`,
          ),
        ),
      ),
    );
    expect(text(g, 1, 0)).toBe('10.00');
  });

  it('runs inside smart tags, custom XML, simple fields and hyperlinks are read; proofing marks are not text', () => {
    const r = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
    const [g] = read(
      tbl(
        `<w:customXml w:element="row"><w:tr>${tc(`<w:p><w:smartTag w:element="place">${r('临西')}</w:smartTag><w:proofErr w:type="spellStart"/>${r('县')}<w:proofErr w:type="spellEnd"/></w:p>`)}<w:sdt><w:sdtPr/><w:sdtContent>${tc(`<w:p><w:fldSimple w:instr=" =SUM(ABOVE) ">${r('16.35')}</w:fldSimple></w:p>`)}</w:sdtContent></w:sdt>${tc(`<w:p><w:hyperlink r:id="rId9">${r('驻京值班')}</w:hyperlink></w:p>`)}</w:tr></w:customXml>`,
        `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc(p('中'))}</w:tr>`,
      ),
    );
    expect([text(g, 1, 0), text(g, 1, 1), text(g, 1, 2), text(g, 2, 1)]).toEqual([
      '临西县',
      '16.35',
      '驻京值班',
      '中',
    ]);
  });

  it('a table continued after a page break is one table; a table naming its own project is not', () => {
    const brk = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    const grids = read(
      tbl(row('项目名称', 'A'), row('一级指标', '指标值'), row('产出指标', '≥1个')) +
        brk +
        p('续表') +
        tbl(row('一级指标', '指标值'), row('满意度指标', '≥90%')) +
        brk +
        tbl(row('项目名称', 'B'), row('一级指标', '指标值')) +
        p('填报说明') +
        tbl(row('满意度指标', '≥80%')),
    );
    expect(grids.map((g) => g.sheet)).toEqual(['表1', '表3', '表4']);
    // the repeated header row is dropped, the continuation's rows follow the first part's
    expect(grids[0].cells.map((r) => r.map((c) => c?.value))).toEqual([
      ['项目名称', 'A'],
      ['一级指标', '指标值'],
      ['产出指标', '≥1个'],
      ['满意度指标', '≥90%'],
    ]);
    // a line of text between two tables keeps them apart
    expect(text(grids[2], 1, 0)).toBe('满意度指标');
  });

  it('a page number between the pieces of a table, as a PDF converter leaves it, keeps them one', () => {
    for (const number of ['- 2 -', '第 2 页', '第2页 共3页', '2/3', '— 2 —']) {
      const grids = read(
        tbl(row('项目名称', 'A'), row('一级指标', '指标值'), row('产出指标', '≥1个')) +
          p(number) +
          tbl(row('满意度指标', '≥90%')),
      );
      expect(grids.map((g) => g.sheet)).toEqual(['表1']);
      expect(text(grids[0], 4, 0)).toBe('满意度指标');
    }
  });

  it('a piece in other columns whose edges lie on the first piece’s is joined in its columns', () => {
    const grid = (widths: number[]) =>
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
    const cell = (x: string, span = 1) => tc(p(x), span > 1 ? `<w:gridSpan w:val="${span}"/>` : '');
    const first =
      `<w:tbl>${grid([1000, 1000, 1500, 500, 1000, 1000])}` +
      tr(cell('项目名称'), cell('乡村道路养护', 5)) +
      tr(cell('一级指标'), cell('二级指标'), cell('三级指标', 2), cell('指标值'), cell('备注')) +
      tr(cell('产出指标'), cell('数量指标'), cell('养护里程', 2), cell('≥120公里'), cell('')) +
      '</w:tbl>';
    // the next page's piece: no line between 三级指标's two columns, so one column there
    const piece = (widths: number[]) =>
      `<w:tbl>${grid(widths)}` +
      tr(cell('效益指标'), cell('社会效益指标'), cell('通行条件'), cell('明显改善'), cell('')) +
      tr(cell('满意度指标'), cell('服务对象满意度指标'), cell('群众满意度'), cell('≥90%'), cell('')) +
      '</w:tbl>';
    const [joined, ...rest] = read(first + p('- 2 -') + piece([1000, 1000, 2000, 1000, 1000]));
    expect(rest).toEqual([]);
    expect([
      text(joined, 4, 0),
      text(joined, 4, 2),
      text(joined, 4, 3),
      text(joined, 4, 4),
      text(joined, 5, 4),
    ]).toEqual(['效益指标', '通行条件', undefined, '明显改善', '≥90%']);
    expect(joined.merges).toContainEqual({ top: 3, bottom: 3, left: 2, right: 3 });
    const [table] = readGrid(joined);
    expect(table?.indicators.map((i) => i.value.text)).toEqual(['≥120公里', '明显改善', '≥90%']);
    // edges that do not line up (a piece drawn in other columns): two tables, as before
    expect(read(first + piece([1000, 1200, 1800, 1000, 1000])).map((g) => g.sheet)).toEqual(['表1', '表2']);
  });

  it('a page’s piece that ends one project and begins the next: its first rows go on the table above', () => {
    const grids = read(
      tbl(
        row('项目名称', 'A', ''),
        row('一级指标', '二级指标', '指标值'),
        row('产出指标', '数量指标', '≥1个'),
      ) +
        p('- 2 -') +
        tbl(
          row('效益指标', '社会效益指标', '明显改善'),
          row('满意度指标', '服务对象满意度指标', '≥90%'),
          row('项目名称', 'B', ''),
          row('一级指标', '二级指标', '指标值'),
        ),
    );
    expect(grids.map((g) => g.sheet)).toEqual(['表1', '表2']);
    expect(grids[0]?.cells.map((r) => r[0]?.value)).toEqual([
      '项目名称',
      '一级指标',
      '产出指标',
      '效益指标',
      '满意度指标',
    ]);
    expect(grids[1]?.cells.map((r) => r[0]?.value)).toEqual(['项目名称', '一级指标']);
  });

  it('an indicator row like one above it is kept; only a repeated header row is dropped', () => {
    const [g] = read(
      tbl(
        row('项目名称', 'A', ''),
        row('一级指标', '二级指标', '指标值'),
        row('产出指标', '数量指标', '88'),
        row('一级指标', '二级指标', '指标值'),
        row('产出指标', '质量指标', '88'),
      ) + tbl(row('产出指标', '数量指标', '88'), row('效益指标', '社会效益指标', '68')),
    );
    expect(g?.cells.map((r) => r[1]?.value)).toEqual([
      'A',
      '二级指标',
      '数量指标',
      '二级指标',
      '质量指标',
      '数量指标',
      '社会效益指标',
    ]);
  });

  it('a merge the page cut goes on below it, unless it was a heading’s', () => {
    const restart = (x: string) => tc(x === '' ? '<w:p/>' : p(x), '<w:vMerge w:val="restart"/>');
    const more = tc('<w:p/>', '<w:vMerge/>');
    const cell = (x: string) => tc(p(x));
    // a flat export: each project's name merged down its indicator rows, cut after its first row
    const [flat] = read(
      tbl(
        tr(cell('项目名称'), cell('一级指标'), cell('二级指标'), cell('三级指标'), cell('指标值')),
        tr(cell('村组干部报酬'), cell('产出指标'), cell('数量指标'), cell('发放人数'), cell('≥230人')),
      ) +
        tbl(
          tr(restart(''), cell('产出指标'), cell('质量指标'), cell('按时发放'), cell('100%')),
          tr(more, cell('效益指标'), cell('社会效益指标'), cell('社会稳定'), cell('≥95%')),
        ),
    );
    expect(flat?.merges).toContainEqual({ top: 1, left: 0, bottom: 3, right: 0 });
    const tables = readGrid(flat as Grid);
    expect(tables.map((t) => [t.name?.text, t.indicators.length])).toEqual([['村组干部报酬', 3]]);
    // the header's 一级指标 above an empty 一级 merged down the next page is no 一级 of those rows
    const [form] = read(
      tbl(
        tr(cell('项目名称'), cell('A'), cell(''), cell(''), cell('')),
        tr(cell('绩效指标'), cell('一级指标'), cell('二级指标'), cell('三级指标'), cell('指标值')),
      ) +
        tbl(
          tr(cell(''), restart(''), cell('数量指标'), cell('养护里程'), cell('20')),
          tr(cell(''), more, cell('质量指标'), cell('验收合格率'), cell('20')),
        ),
    );
    expect(form?.merges).toContainEqual({ top: 2, left: 1, bottom: 3, right: 1 });
    expect(readGrid(form as Grid)[0]?.indicators.map((i) => i.value.text)).toEqual(['20', '20']);
  });

  it('soft hyphens and zero-width characters are not part of a cell’s text', () => {
    const [g] = read(tbl(row('207-0401-\u00adYBN', '1\u200b0.00\ufeff')));
    expect(text(g, 1, 0)).toBe('207-0401-YBN');
    expect(text(g, 1, 1)).toBe('10.00');
  });
});

describe('the command line with bad documents', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-docx-bad-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CliIO = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: dir,
    };
    return { code: await run(argv, io), stdout, stderr };
  }

  it('each unreadable document is one line naming it, exit 2, the others still checked', async () => {
    await fs.writeFile(path.join(dir, 'fake.docx'), 'not a document');
    await fs.writeFile(
      path.join(dir, 'span.docx'),
      doc(tbl(tr(tc(p('x'), '<w:gridSpan w:val="99999999"/>')))),
    );
    await fs.writeFile(path.join(dir, 'empty.docx'), doc(paragraph('没有表格的文档')));
    const r = await cli('check', 'fake.docx', 'span.docx', 'empty.docx');
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^perf-targets: fake\.docx: 不是 \.xlsx 工作簿或 \.docx 文档/);
    expect(lines[1]).toMatch(/^perf-targets: span\.docx: .*列/);
    expect(r.stdout).toMatch(/文件：empty\.docx\n {2}没有找到绩效目标表/);
  });

  it.each(['.xls', '.et'])('a %s file that is no workbook: one line saying so', async (ext) => {
    await fs.writeFile(path.join(dir, `old${ext}`), 'whatever');
    for (const [lang, said] of [
      ['zh-CN', new RegExp(`文件名是 \\${ext}，内容却不是 Excel 工作簿`)],
      ['en-US', new RegExp(`named \\${ext} but no Excel workbook`)],
    ] as const) {
      const r = await cli('check', `old${ext}`, '--lang', lang);
      expect(r.code).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => l !== '');
      expect(lines).toEqual([expect.stringMatching(said)]);
    }
  });

  it.each(['.doc', '.wps', '.pdf'])(
    'a %s file: one line saying to save it as .xlsx or .docx',
    async (ext) => {
      await fs.writeFile(path.join(dir, `old${ext}`), 'whatever');
      for (const [lang, said] of [
        ['zh-CN', /另存为 \.xlsx.*另存为 \.docx/],
        ['en-US', /save it as \.xlsx in Excel or as \.docx in Word/],
      ] as const) {
        const r = await cli('check', `old${ext}`, '--lang', lang);
        expect(r.code).toBe(2);
        const lines = r.stderr.split('\n').filter((l) => l !== '');
        expect(lines).toEqual([expect.stringContaining(`old${ext}: `)]);
        expect(lines[0]).toMatch(said);
      }
    },
  );

  it('indicator rows split off a table in other columns are named on the table, not dropped', async () => {
    const body =
      tbl(
        row('项目名称', '乡村道路养护', '', ''),
        row('年度资金总额', '120', '', ''),
        row('一级指标', '二级指标', '三级指标', '指标值'),
        row('产出指标', '数量指标', '养护里程', '≥120公里'),
      ) +
      p('- 2 -') +
      // the next page's piece: its columns differ (a description column the converter split)
      tbl(
        row('效益指标', '社会效益指标', '通行条件', '明显改善', '说明'),
        row('满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', ''),
      );
    await fs.writeFile(path.join(dir, 'split.docx'), doc(body));
    const r = await cli('check', 'split.docx', '--format', 'json');
    const file = (
      JSON.parse(r.stdout) as {
        files: { findings: { rule: string; sheet: string; cell: string; message: string }[] }[];
      }
    ).files[0];
    const stray = file?.findings.filter((f) => f.rule === 'table/stray-rows');
    expect(stray).toEqual([
      expect.objectContaining({
        sheet: '表2',
        cell: 'A1',
        message: expect.stringContaining('“乡村道路养护”'),
      }),
    ]);
  });

  it('a piece in other columns that repeats the header row is joined by its header', async () => {
    const grid = (...widths: number[]): string =>
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
    // 指标值 over two grid columns on the first page; the next page's piece (a PDF converter's)
    // repeats the header row in four columns of its own, whose edges lie on none of the first's.
    const wide = (...texts: string[]): string =>
      tr(...texts.map((t, i) => tc(p(t), i === 3 ? '<w:gridSpan w:val="2"/>' : '')));
    const body =
      `<w:tbl>${grid(1200, 1200, 1200, 600, 1200)}` +
      wide('项目名称', '乡村道路养护', '', '') +
      wide('年度资金总额', '120', '', '') +
      wide('一级指标', '二级指标', '三级指标', '指标值') +
      wide('产出指标', '数量指标', '养护里程', '≥120公里') +
      '</w:tbl>' +
      p('续表') +
      `<w:tbl>${grid(900, 1500, 2600, 1200)}` +
      row('一级指标', '二级指标', '三级指标', '指标值') +
      row('效益指标', '社会效益指标', '通行条件', '明显改善') +
      row('满意度指标', '服务对象满意度指标', '群众满意度', '≥90%') +
      '</w:tbl>';
    await fs.writeFile(path.join(dir, 'joined.docx'), doc(body));
    const r = await cli('check', 'joined.docx', '--format', 'json');
    const report = JSON.parse(r.stdout) as {
      files: { tables: { indicators: number }[]; findings: { rule: string }[] }[];
    };
    expect(report.files[0]?.tables.map((t) => t.indicators)).toEqual([3]);
    expect(report.files[0]?.findings.map((f) => f.rule)).not.toContain('table/stray-rows');
  });

  it('a directory holds its .docx files too, lock files skipped', async () => {
    const sub = path.join(dir, 'in');
    await fs.mkdir(sub);
    await fs.writeFile(path.join(sub, 'a.docx'), doc(tbl(tr(tc(p('项目名称')), tc(p('某项目'))))));
    await fs.writeFile(path.join(sub, '~$a.docx'), 'lock');
    const r = await cli('check', 'in', '--format', 'json');
    const files = (JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
    expect(files).toEqual([path.join('in', 'a.docx')]);
  });
});
