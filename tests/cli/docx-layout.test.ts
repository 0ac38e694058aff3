/**
 * Word layouts the first reader missed (red team r3b, src/cli/read-docx.ts): a unit line in a small
 * layout table or in a text box above the table, a content control wrapping a whole cell, a table
 * nested in a cell, symbol-font characters (`w:sym`), and content embedded as an `w:altChunk`. Each
 * is checked on the grid the reader gives and, where it changes a number, through the command line.
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReadError } from '../../src/cli/bounded-zip';
import { docxGrids } from '../../src/cli/read-docx';
import { DEFAULT_LIMITS } from '../../src/cli/zip-guard';
import { cellAt, type Grid } from '../../src/domain/grid';
import { docxParts, esc, paragraph } from '../fixtures/docx';
import { zipParts, type ZipPart } from '../fixtures/xlsx';
import { runCli, runCliJson } from './run-cli';

jest.setTimeout(60_000);

const doc = (body: string, extra: ZipPart[] = []): Buffer => zipParts(docxParts(body, extra));
const read = (body: string, extra: ZipPart[] = []): Grid[] => docxGrids(doc(body, extra), DEFAULT_LIMITS);
/** A cell's value by its 1-based row (as in A1) and 0-based column. */
const text = (g: Grid, a1row: number, col: number): unknown => cellAt(g, a1row - 1, col)?.value;
/** The lines above a table's row 1. */
const preface = (g: Grid): unknown[] => g.cells.slice(0, -g.top).map((r) => r[0]?.value);
const tc = (inner: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;
const p = (s: string): string => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const row = (...texts: string[]): string => tr(...texts.map((t) => tc(p(t))));
const tbl = (...rows: string[]): string => `<w:tbl><w:tblGrid/>${rows.join('')}</w:tbl>`;
const span = (n: number): string => `<w:gridSpan w:val="${n}"/>`;
const RESTART = '<w:vMerge w:val="restart"/>';
const CONTINUE = '<w:vMerge/>';

/** A text box as Word writes it: the drawing, and the VML copy for old readers as the fallback. */
const textBox = (inner: string): string =>
  '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="wps">' +
  `<w:txbxContent>${inner}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v">` +
  `<w:txbxContent>${inner}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;

/** The standard table with amounts in 元 (1,234,500 元 = 123.45 万元) and one indicator block. */
const yuanTable = (): string =>
  tbl(
    row('项目编码', 'X001', '项目名称', '测试项目'),
    tr(tc(p('预算数')), tc(p('1234500')), tc(p('其中：财政资金')), tc(p('1000000'))),
    tr(tc(p('其他资金')), tc(p('234500')), tc('<w:p/>'), tc('<w:p/>')),
    row('一级指标', '二级指标', '三级指标', '指标值'),
    row('产出指标', '数量指标', '补助人数', '≥100人'),
    row('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'),
  );

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-docx-layout-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function totalOf(name: string, body: string, extra: ZipPart[] = []): Promise<string | null> {
  await fs.writeFile(path.join(dir, name), doc(body, extra));
  const { doc: report } = await runCliJson(dir, 'check', name);
  const table = report.files[0].tables.find((t) => t.name === '测试项目');
  return table ? table.budget.total : 'no table';
}

describe('a unit line in a small layout table above the table (R3B-01)', () => {
  const layout = (...cells: string[]): string => tbl(row(...cells));

  it('is a line of the next table’s preface, after the caption above the layout table', () => {
    const [first, second] = read(
      paragraph('项目绩效目标表') + layout('填报单位（盖章）：某某县民政局', '单位：元') + yuanTable(),
    );
    expect(first.sheet).toBe('表1');
    expect(second.sheet).toBe('表2');
    expect(preface(second)).toEqual(['项目绩效目标表', '填报单位（盖章）：某某县民政局 单位：元']);
  });

  it('reads the amounts in 元 as 万元: 123.45, not 1234500', async () => {
    expect(
      await totalOf(
        'layout.docx',
        paragraph('项目绩效目标表') + layout('填报单位：某局', '金额单位：元') + yuanTable(),
      ),
    ).toBe('123.45');
    // the same table without the unit anywhere is in 万元, as before
    expect(
      await totalOf('no-unit.docx', paragraph('项目绩效目标表') + layout('填报单位：某局', '') + yuanTable()),
    ).toBe('1234500.00');
  });

  it('takes nothing from a layout table with no unit or title, one naming a project, or a big one', () => {
    const cases = [
      layout('填报人：张三', '联系电话：123'),
      layout('项目名称：另一个项目', '单位：元'),
      tbl(...Array.from({ length: 5 }, (_, i) => row(`第${i}行`, '单位：元'))),
    ];
    for (const before of cases) {
      const grids = read(before + yuanTable());
      expect(preface(grids[grids.length - 1])).toEqual([]);
    }
  });

  it('a paragraph between the layout table and the table follows its lines', () => {
    const grids = read(layout('单位：元') + paragraph('（一）某项目') + yuanTable());
    expect(preface(grids[1])).toEqual(['单位：元', '（一）某项目']);
  });

  it('a long paragraph between them cuts the layout table off', () => {
    const grids = read(layout('单位：元') + paragraph('长'.repeat(200)) + yuanTable());
    expect(preface(grids[1])).toEqual([]);
  });
});

describe('a unit line in a text box above the table (R3B-02)', () => {
  it('is the table’s unit line, once (the fallback copy is not read)', () => {
    const [g] = read(paragraph('项目绩效目标表') + textBox(p('单位：元')) + yuanTable());
    expect(preface(g)).toEqual(['项目绩效目标表', '单位：元']);
  });

  it('reads the amounts in 元 as 万元', async () => {
    expect(
      await totalOf('box.docx', paragraph('项目绩效目标表') + textBox(p('金额单位：元')) + yuanTable()),
    ).toBe('123.45');
  });

  it('other text of a text box stays out of the preface and out of cells', () => {
    const [g] = read(
      paragraph('项目绩效目标表') +
        textBox(p('附件1') + p('本表由系统生成')) +
        tbl(row('项目名称', `测试项目`), tr(tc(p('预算数') + textBox(p('单位：元'))), tc(p('100')))),
    );
    expect(preface(g)).toEqual(['项目绩效目标表']);
    expect(text(g, 2, 0)).toBe('预算数');
  });

  it('a unit line in a text box anchored in the table’s first row is the table’s', () => {
    const [g] = read(
      tbl(tr(tc(p('项目名称') + textBox(p('单位：元'))), tc(p('测试项目'))), row('预算数', '100')),
    );
    expect(preface(g)).toEqual(['单位：元']);
    expect(text(g, 1, 0)).toBe('项目名称');
  });
});

describe('a content control showing its placeholder around a whole cell (R3B-05)', () => {
  const control = (inner: string, placeholder: boolean): string =>
    `<w:sdt><w:sdtPr>${placeholder ? '<w:showingPlcHdr/>' : ''}</w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;

  it('still takes its grid columns: the cells after it stay under their labels', () => {
    const [g] = read(
      tbl(
        row('年度资金总额', '其中：财政拨款', '其他资金'),
        tr(control(tc(p('单击或点击此处输入文字。')), true), tc(p('80')), tc(p('20'))),
        tr(control(tc(p('单击此处'), span(2)), true), tc(p('x'))),
      ),
    );
    expect(text(g, 2, 0)).toBeUndefined();
    expect(text(g, 2, 1)).toBe('80');
    expect(text(g, 2, 2)).toBe('20');
    expect(text(g, 3, 2)).toBe('x');
  });

  it('a filled control around a cell keeps its text; a placeholder around a row keeps the row', () => {
    const [g] = read(
      tbl(tr(control(tc(p('100')), false), tc(p('80'))), control(row('占位', '占位'), true), row('a', 'b')),
    );
    expect(text(g, 1, 0)).toBe('100');
    expect(g.cells).toHaveLength(3);
    expect(text(g, 2, 0)).toBeUndefined();
    expect(text(g, 3, 1)).toBe('b');
  });

  it('leaves the 预算数 unread through the command line, not 80', async () => {
    const body =
      paragraph('项目支出绩效目标申报表') +
      tbl(
        row('项目名称', '测试项目', '', ''),
        tr(
          tc(p('资金情况（万元）'), RESTART),
          tc(p('年度资金总额')),
          tc(p('其中：财政拨款')),
          tc(p('其他资金')),
        ),
        tr(
          tc('<w:p/>', CONTINUE),
          control(tc(p('单击或点击此处输入文字。')), true),
          tc(p('80')),
          tc(p('20')),
        ),
        row('一级指标', '二级指标', '三级指标', '指标值'),
        row('产出指标', '数量指标', '补助人数', '≥100人'),
      );
    await fs.writeFile(path.join(dir, 'sdt.docx'), doc(body));
    const { doc: report } = await runCliJson(dir, 'check', 'sdt.docx');
    const t = report.files[0].tables[0];
    expect(t.budget).toMatchObject({ total: null, fiscal: '80.00', other: '20.00' });
  });
});

describe('a table nested in a cell (R3B-06)', () => {
  const indicators = tbl(
    row('一级指标', '二级指标', '三级指标', '指标值'),
    tr(tc(p('产出指标'), RESTART), tc(p('数量指标')), tc(p('补助人数')), tc(p('≥100人'))),
    tr(tc('<w:p/>', CONTINUE), tc(p('质量指标')), tc(p('准确率')), tc(p('≥98%'))),
    row('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'),
  );

  it('its rows are rows of the table holding it, in the cell’s columns, the row’s other cells merged down', () => {
    const grids = read(
      tbl(
        tr(tc(p('项目名称')), tc(p('测试项目'), span(3))),
        row('年度资金总额', '100', '其中：财政拨款', '100'),
        tr(tc(p('年度绩效指标')), tc(indicators + '<w:p/>', span(3))),
        row('备注', '无', '', ''),
      ),
    );
    expect(grids).toHaveLength(1);
    const [g] = grids;
    expect(g.sheet).toBe('表1');
    expect(text(g, 3, 0)).toBe('年度绩效指标');
    expect(text(g, 3, 1)).toBe('一级指标');
    expect(text(g, 3, 4)).toBe('指标值');
    expect(text(g, 6, 4)).toBe('≥90%');
    expect(text(g, 7, 0)).toBe('备注');
    // 年度绩效指标 beside all four rows; the nested 产出指标 merged down its two rows
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 2, left: 0, bottom: 5, right: 0 },
        { top: 3, left: 1, bottom: 4, right: 1 },
      ]),
    );
  });

  it('the cell’s text around it takes rows of its own; cells right of a wider table move over', () => {
    const [g] = read(
      tbl(
        tr(tc(p('说明')), tc(p('上面的话') + tbl(row('a', 'b', 'c')) + p('下面的话')), tc(p('右边'))),
        row('下一行', 'x', 'y'),
      ),
    );
    expect([text(g, 1, 1), text(g, 2, 1), text(g, 2, 3), text(g, 3, 1)]).toEqual([
      '上面的话',
      'a',
      'c',
      '下面的话',
    ]);
    expect(text(g, 1, 4)).toBe('右边');
    expect(text(g, 4, 0)).toBe('下一行');
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 2, right: 0 },
        { top: 0, left: 4, bottom: 2, right: 4 },
      ]),
    );
  });

  it('a vertical merge running past the nested row goes on below it', () => {
    const [g] = read(
      tbl(
        tr(tc(p('产出指标'), RESTART), tc(p('数量')), tc(tbl(row('一'), row('二')))),
        tr(tc('<w:p/>', CONTINUE), tc(p('质量')), tc(p('三'))),
      ),
    );
    expect(g.merges).toEqual(expect.arrayContaining([{ top: 0, left: 0, bottom: 2, right: 0 }]));
    expect(text(g, 3, 1)).toBe('质量');
    expect(text(g, 3, 2)).toBe('三');
  });

  it('is one project through the command line, with its three indicators', async () => {
    const body =
      paragraph('项目支出绩效目标申报表') +
      tbl(
        tr(tc(p('项目名称')), tc(p('测试项目'), span(3))),
        row('年度资金总额', '100', '其中：财政拨款', '100'),
        tr(tc(p('年度绩效指标')), tc(indicators + '<w:p/>', span(3))),
      );
    await fs.writeFile(path.join(dir, 'nested.docx'), doc(body));
    const { doc: report } = await runCliJson(dir, 'check', 'nested.docx');
    expect(report.files[0].tables.map((t) => [t.name, t.indicators, t.budget.total])).toEqual([
      ['测试项目', 3, '100.00'],
    ]);
    expect(report.totals).toMatchObject({ total: '100.00', projects: 1 });
  });

  it('a frame table around a whole form keeps the caption above the frame', () => {
    const [g] = read(
      paragraph('单位：元') + tbl(tr(tc(tbl(row('项目名称', '测试项目'), row('预算数', '100')) + '<w:p/>'))),
    );
    expect(preface(g)).toEqual(['单位：元']);
    expect(text(g, 1, 0)).toBe('项目名称');
    expect(text(g, 2, 1)).toBe('100');
  });

  it('two projects side by side in a layout table stay two tables', () => {
    const form = (name: string) => tbl(row('项目名称', name), row('预算数', '100'));
    const grids = read(tbl(tr(tc(form('甲') + '<w:p/>'), tc(form('乙') + '<w:p/>'))));
    expect(grids.map((g) => [g.sheet, text(g, 1, 1)])).toEqual([
      ['表1', undefined],
      ['表2', '甲'],
      ['表3', '乙'],
    ]);
  });

  it('a table in a text box in a cell is still a table of its own', () => {
    const grids = read(tbl(tr(tc(p('外') + textBox(tbl(row('框里的表')))))));
    expect(grids.map((g) => text(g, 1, 0))).toEqual(['外', '框里的表']);
  });
});

describe('symbol-font characters (R3B-07)', () => {
  const sym = (font: string, char: string): string => `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
  const cellOf = (runs: string): unknown => text(read(tbl(tr(tc(`<w:p>${runs}</w:p>`))))[0], 1, 0);
  const r = (s: string, props = ''): string => `<w:r><w:rPr>${props}</w:rPr><w:t>${esc(s)}</w:t></w:r>`;

  it.each([
    ['F0B3', '≥'],
    ['F0A3', '≤'],
    ['F03E', '>'],
    ['F03C', '<'],
    ['F0B1', '±'],
    ['F0B4', '×'],
    ['F0B9', '≠'],
    ['F0BB', '≈'],
    ['F0B8', '÷'],
    ['F0B0', '°'],
    ['F025', '%'],
    ['F02D', '−'],
    ['F06D', 'μ'],
    ['B3', '≥'],
  ])('Symbol %s is %s', (char, shown) => {
    expect(cellOf(sym('Symbol', char) + r('100人'))).toBe(`${shown}100人`);
  });

  it('Wingdings check boxes and ticks are what Word draws', () => {
    expect(cellOf(sym('Wingdings', 'F0FE') + r('是') + sym('Wingdings', 'F0A8') + r('否'))).toBe('☑是◻否');
    expect(cellOf(sym('Wingdings 2', 'F052') + r('是') + sym('Wingdings 2', 'F0A3') + r('否'))).toBe(
      '☑是□否',
    );
  });

  it('a symbol this reader does not know is U+FFFD, never nothing', () => {
    expect(cellOf(sym('Webdings', 'F061') + r('100'))).toBe('\ufffd100');
    expect(cellOf(sym('Wingdings', 'F021') + r('100'))).toBe('\ufffd100');
    expect(cellOf(sym('Symbol', 'F0F0') + r('100'))).toBe('\ufffd100');
    expect(cellOf(sym('Symbol', 'zz') + r('100'))).toBe('\ufffd100');
    // a Unicode character in any font is itself
    expect(cellOf(sym('SimSun', '2265') + r('100'))).toBe('≥100');
  });

  it('a run in the Symbol font shows the font’s characters; other runs and CJK text are untouched', () => {
    const symbol = '<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>';
    expect(cellOf(r('\u00b3', symbol) + r('90%'))).toBe('≥90%');
    expect(cellOf(r('\uf0a3', symbol) + r('500元'))).toBe('≤500元');
    expect(cellOf(r('a人', symbol))).toBe('α人');
    expect(cellOf(r('\u00b3', '<w:rFonts w:ascii="Times New Roman"/>') + r('90%'))).toBe('\u00b390%');
  });

  it('a font in a tracked formatting change is the old font, not the run’s', () => {
    const changed =
      '<w:rFonts w:ascii="Times New Roman"/><w:rPrChange w:id="1"><w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr></w:rPrChange>';
    expect(cellOf(r('a', changed))).toBe('a');
  });

  it('an old gridSpan in a tracked cell-property change does not move the cells', () => {
    const [g] = read(
      tbl(
        tr(
          tc(p('a'), `${span(1)}<w:tcPrChange w:id="2"><w:tcPr>${span(3)}</w:tcPr></w:tcPrChange>`),
          tc(p('b')),
        ),
      ),
    );
    expect(text(g, 1, 1)).toBe('b');
  });

  it('no false indicator/no-comparator for ≥ typed as a symbol', async () => {
    const value = (char: string, rest: string): string =>
      `<w:p>${sym('Symbol', char)}<w:r><w:t>${rest}</w:t></w:r></w:p>`;
    const body =
      paragraph('项目绩效目标表') +
      paragraph('单位：万元') +
      tbl(
        row('项目名称', '测试项目', '', ''),
        row('预算数', '100', '其中：财政资金', '100'),
        row('一级指标', '二级指标', '三级指标', '指标值'),
        tr(tc(p('产出指标')), tc(p('数量指标')), tc(p('补助人数')), tc(value('F0B3', '100人'))),
        tr(tc(p('成本指标')), tc(p('经济成本指标')), tc(p('人均成本')), tc(value('F0A3', '500元'))),
      );
    await fs.writeFile(path.join(dir, 'sym.docx'), doc(body));
    const { doc: report } = await runCliJson(dir, 'check', 'sym.docx');
    expect((report.files[0].findings ?? []).filter((f) => f.rule === 'indicator/no-comparator')).toEqual([]);
  });
});

describe('a label and its amount on two lines of one cell (R3B-08)', () => {
  it('the cell’s text keeps the line break between them, from w:br or from two paragraphs', () => {
    const [g] = read(
      tbl(
        tr(
          tc('<w:p><w:r><w:t>年度资金总额：</w:t></w:r><w:r><w:br/><w:t>100</w:t></w:r></w:p>'),
          tc(p('其中：财政拨款') + p('80')),
        ),
      ),
    );
    expect(text(g, 1, 0)).toBe('年度资金总额：\n100');
    expect(text(g, 1, 1)).toBe('其中：财政拨款\n80');
  });
});

describe('content embedded as an altChunk (R3B-09)', () => {
  const RELS = 'word/_rels/document.xml.rels';
  const withChunk = (body: string, target: string, data: string | Buffer): ZipPart[] => {
    const parts = docxParts(body);
    const rels = parts.find((part) => part.name === RELS)!;
    rels.data = String(rels.data).replace(
      '</Relationships>',
      `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}"/></Relationships>`,
    );
    return [...parts, { name: `word/${target}`, data }];
  };
  const CHUNK =
    '<w:altChunk r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>';
  const readChunk = (target: string, data: string | Buffer, body = CHUNK): Grid[] =>
    docxGrids(zipParts(withChunk(body, target, data)), DEFAULT_LIMITS);
  const refusal = (target: string, data: string | Buffer): string => {
    try {
      readChunk(target, data);
    } catch (err) {
      if (err instanceof ReadError) return `${err.code} ${JSON.stringify(err.data)}`;
      throw err;
    }
    return 'read';
  };

  const FORM =
    '<html><head><title>标题不是正文</title><style>td{}</style></head><body><p>项目绩效目标表</p><p>单位：元</p>' +
    '<table border=1><tr><td>项目名称<td colspan=2>测试&amp;项目' +
    '<tr><td rowspan=2>预算数</td><td>1,234,500</td><td>&ge;1</td></tr>' +
    '<tr><td>第二<br>行</td><td>x</td></tr></table><!-- <table><tr><td>注释</td></tr></table> --></body></html>';

  it('an HTML chunk is read as Word shows it: paragraphs above, colspan, rowspan, entities, <br>', () => {
    const [g] = readChunk('chunk.htm', FORM);
    expect(preface(g)).toEqual(['项目绩效目标表', '单位：元']);
    expect([text(g, 1, 0), text(g, 1, 1), text(g, 2, 0), text(g, 2, 1), text(g, 2, 2)]).toEqual([
      '项目名称',
      '测试&项目',
      '预算数',
      '1,234,500',
      '≥1',
    ]);
    expect([text(g, 3, 0), text(g, 3, 1), text(g, 3, 2)]).toEqual([undefined, '第二\n行', 'x']);
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 1, bottom: 0, right: 2 },
        { top: 1, left: 0, bottom: 2, right: 0 },
      ]),
    );
  });

  it('reads an HTML chunk in the charset its <meta> names (GBK)', () => {
    const head = Buffer.from(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table><tr><td>',
    );
    const name = Buffer.from('cfeec4bfc3fbb3c6', 'hex'); // 项目名称 in GBK
    const [g] = readChunk(
      'chunk.htm',
      Buffer.concat([head, name, Buffer.from('</td><td>X</td></tr></table></body></html>')]),
    );
    expect(text(g, 1, 0)).toBe('项目名称');
  });

  it('reads the HTML part of an MHT chunk (quoted-printable, UTF-8)', () => {
    const html = Buffer.from(
      '<html><body><table><tr><td>项目名称</td><td>测试项目</td></tr></table></body></html>',
      'utf8',
    );
    const qp = [...html]
      .map((b) =>
        b >= 0x80 || b === 0x3d
          ? `=${b.toString(16).toUpperCase().padStart(2, '0')}`
          : String.fromCharCode(b),
      )
      .join('');
    const mht =
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n' +
      '------=_NextPart_01\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' +
      qp.replace(/(.{70})/g, '$1=\r\n') +
      '\r\n------=_NextPart_01--\r\n';
    const [g] = readChunk('chunk.mht', mht);
    expect(text(g, 1, 0)).toBe('项目名称');
    expect(text(g, 1, 1)).toBe('测试项目');
  });

  it('a chunk in a cell is read in that cell, its table nested there', () => {
    const body = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>${CHUNK}<w:p/></w:tc></w:tr></w:tbl>`;
    const grids = readChunk('chunk.htm', '<table><tr><td>里</td></tr></table>', body);
    expect(grids).toHaveLength(1);
    expect([text(grids[0], 1, 0), text(grids[0], 2, 0)]).toEqual(['外', '里']);
  });

  it('reads odd markup as a browser would, and broken markup in bounded time', () => {
    const [g] = readChunk('odd.htm', `<table><tr><td title="a>b" class=x'y>值</td><td>it's</td></table>`);
    expect([text(g, 1, 0), text(g, 1, 1)]).toEqual(['值', "it's"]);
    const started = Date.now();
    expect(readChunk('bad.htm', '<a'.repeat(500_000))).toEqual([]);
    expect(readChunk('bad.htm', '<td title="'.repeat(100_000))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a chunk it cannot read, or one that is missing, naming the altChunk', () => {
    expect(refusal('chunk.rtf', '{\\rtf1\\ansi 项目名称}')).toBe('other-format {"ext":"altChunk .rtf"}');
    expect(refusal('chunk.docx', Buffer.from('PK\u0003\u0004'))).toBe(
      'other-format {"ext":"altChunk .docx"}',
    );
    expect(refusal('other.htm', '<table></table>')).toBe('read');
    expect(() => docxGrids(doc(CHUNK), DEFAULT_LIMITS)).toThrow(ReadError);
  });

  it('through the command line: the HTML table totals; an unreadable chunk is exit 2 with a line saying so', async () => {
    await fs.writeFile(path.join(dir, 'chunk.docx'), zipParts(withChunk(CHUNK, 'chunk.htm', FORM)));
    const { doc: report } = await runCliJson(dir, 'check', 'chunk.docx');
    // 1,234,500 under 单位：元 above the chunk's table
    expect(report.files[0].tables.map((t) => [t.name, t.budget.total])).toEqual([['测试&项目', '123.45']]);

    await fs.writeFile(path.join(dir, 'rtf.docx'), zipParts(withChunk(CHUNK, 'chunk.rtf', '{\\rtf1 x}')));
    for (const lang of ['zh-CN', 'en-US']) {
      const r = await runCli(dir, 'totals', 'rtf.docx', '--lang', lang);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/rtf\.docx: .*altChunk \.rtf/);
    }
  });
});
