/**
 * A web page saved as .xls or .doc — what a budget system's 导出 writes, and Excel or Word opens
 * with a warning — or as .htm or .mht: its tables are read as a Word document's, rowspan and colspan
 * as merges. The seed's six tables as such a page give the totals and findings of the seed's workbook.
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonFinding, JsonReport } from '../../src/cli/report';
import { cellText, type Grid } from '../../src/domain/grid';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';
import { runCli, runCliJson } from './run-cli';

jest.setTimeout(60_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-web-page-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A grid as an HTML table: its merges as rowspan and colspan, the cells they cover left out. */
function tableHtml(grid: Grid): string {
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of grid.merges) {
    spans.set(`${m.top}:${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const width = Math.max(...grid.cells.map((row) => row.length));
  const rows = grid.cells.map((row, i) => {
    const r = grid.top + i;
    const cells: string[] = [];
    for (let j = 0; j < width; j++) {
      const c = grid.left + j;
      if (covered.has(`${r}:${c}`)) continue;
      const span = spans.get(`${r}:${c}`);
      const attrs = span ? ` rowspan="${span.rows}" colspan="${span.cols}"` : '';
      cells.push(`<td${attrs}>${escape(cellText(row[j]))}</td>`);
    }
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table border="1">${rows.join('')}</table>`;
}

function pageHtml(grids: Grid[]): string {
  const body = grids.map((g) => `<p>${escape(g.sheet)}</p>${tableHtml(g)}`).join('<p></p>');
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>${body}</body></html>`;
}

/** The same page as Word's 单个文件网页 (.mht): a MIME message whose HTML part is base64. */
function pageMht(grids: Grid[]): string {
  const html = Buffer.from(pageHtml(grids), 'utf8')
    .toString('base64')
    .replace(/(.{76})/g, '$1\r\n');
  return [
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; boundary="----=_NextPart_01D9"',
    '',
    '------=_NextPart_01D9',
    'Content-Location: file:///C:/export.htm',
    'Content-Transfer-Encoding: base64',
    'Content-Type: text/html; charset="utf-8"',
    '',
    html,
    '------=_NextPart_01D9--',
    '',
  ].join('\r\n');
}

const findings = (doc: JsonReport): JsonFinding[] => doc.files.flatMap((f) => f.findings ?? []);
const gist = (doc: JsonReport) => ({
  totals: doc.totals,
  projects: doc.files.flatMap((f) => f.tables.map((t) => [t.code, t.name, t.budget, t.plan, t.indicators])),
  rules: findings(doc)
    .map((f) => f.rule)
    .sort(),
});

describe('a web page saved under the names Excel and Word open it by', () => {
  let workbook: JsonReport;
  beforeAll(async () => {
    await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'seed.xlsx'));
    workbook = (await runCliJson(dir, 'check', 'seed.xlsx')).doc;
    await fs.writeFile(path.join(dir, '导出.xls'), pageHtml(seedStandardGrids()));
    await fs.writeFile(path.join(dir, '导出.doc'), pageHtml(seedStandardGrids()));
    await fs.writeFile(path.join(dir, '导出.htm'), pageHtml(seedStandardGrids()));
    await fs.writeFile(path.join(dir, '导出.mht'), pageMht(seedStandardGrids()));
  });

  test('the seed’s workbook: six projects', () => {
    expect(gist(workbook).projects).toHaveLength(6);
  });

  test.each(['导出.xls', '导出.doc', '导出.htm', '导出.mht'])(
    '%s reads as the workbook does',
    async (file) => {
      const { code, doc } = await runCliJson(dir, 'check', file);
      expect(code).toBe(workbook.files[0]?.findings?.some((f) => f.severity === 'error') ? 1 : 0);
      expect(gist(doc)).toEqual(gist(workbook));
    },
  );

  test('a real .doc (an OLE container) is still asked to be saved as .docx; a damaged .xls is said so', async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(ole);
    await fs.writeFile(path.join(dir, 'old.doc'), ole);
    await fs.writeFile(path.join(dir, 'old.xls'), ole);
    const doc = await runCli(dir, 'check', 'old.doc');
    expect(doc.code).toBe(2);
    expect(doc.stderr).toMatch(/old\.doc: .*另存为 \.docx/);
    const xls = await runCli(dir, 'check', 'old.xls');
    expect(xls.code).toBe(2);
    expect(xls.stderr).toMatch(/old\.xls: 工作簿内容已损坏/);
  });

  test('a folder takes the web pages saved as .xls, .doc and .mht', async () => {
    const sub = path.join(dir, 'in');
    await fs.mkdir(sub, { recursive: true });
    await fs.copyFile(path.join(dir, '导出.xls'), path.join(sub, 'a.xls'));
    await fs.copyFile(path.join(dir, '导出.mht'), path.join(sub, 'b.mht'));
    const { doc } = await runCliJson(dir, 'check', 'in');
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(['a.xls', 'b.mht']);
    expect(doc.totals.projects).toBe(12);
  });
});
