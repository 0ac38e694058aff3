/**
 * Word documents a word processor wrote (issue 14): tests/fixtures/real-docx/*.docx were saved by
 * LibreOffice Writer, not built from XML we wrote (see the README there). Read through `check` and
 * `totals`, the seed's three copies give what the seed workbook gives, and the provinces' 申报表
 * give their budgets — a number that cannot be read is reported as unread, never as 0.
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findingGist, runCli, runCliJson, type Ran } from './run-cli';
import type { JsonReport } from '../../src/cli/report';
import { readDocx } from '../../src/cli/read-docx';
import { cellAt, type Grid } from '../../src/domain/grid';
import { parseA1 } from '../../src/domain/address';
import { SEED_UNIT } from '../fixtures/seed-data';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'real-docx');
const fixture = (name: string): string => path.join(FIXTURES, name);

let dir: string;
const cli = (...argv: string[]): Promise<Ran> => runCli(dir, ...argv);

const json = (...argv: string[]) => runCliJson(dir, ...argv);

/** What a finding's cell holds in the document's grids. */
function shown(grids: Grid[], f: { sheet: string; cell: string }): string {
  const grid = grids.find((g) => g.sheet === f.sheet);
  if (!grid) return '';
  const { row, col } = parseA1(f.cell);
  return String(cellAt(grid, row, col)?.value ?? '');
}

let excel: JsonReport;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-real-docx-'));
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'standard.xlsx'));
  ({ doc: excel } = await json('check', 'standard.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const SIX = ['表1', '表2', '表3', '表4', '表5', '表6'];

describe.each([
  ['seed-writer.docx', 'saved by Writer from a typed document', SIX],
  ['seed-word97.docx', 'after a trip through Word 97 .doc', SIX],
  ['seed-habits.docx', 'worn: tracked change, hidden text, text frame, numbering, TOC, hyphens', SIX],
  // tables 2 and 5 go on after a page break (Word's 3rd and 6th tables): each is one table, named
  // by its first part, and the later tables keep their place among the document's tables
  ['seed-split.docx', 'two tables continued over a page', ['表1', '表2', '表4', '表5', '表6', '表8']],
])('the seed as %s (%s)', (file, _how, sheets) => {
  let word: JsonReport;
  let code: number;
  beforeAll(async () => {
    ({ doc: word, code } = await json('check', fixture(file)));
  });

  it('reads the six projects with the seed’s codes, names, budgets, plans and indicators', () => {
    const tables = word.files[0].tables;
    expect(tables.map((t) => t.sheet)).toEqual(sheets);
    const project = (t: (typeof tables)[number]) => [
      t.code,
      t.name,
      t.budget,
      t.plan,
      t.indicators,
      t.profile,
    ];
    expect(tables.map(project)).toEqual(excel.files[0].tables.map(project));
    for (const t of tables) expect(t.unit).toBe(SEED_UNIT);
  });

  it('totals exactly 102.00, planned 17.60 / 41.50 / 69.55 / 102.00', async () => {
    expect(word.totals).toEqual({
      total: '102.00',
      fiscal: '102.00',
      other: '0.00',
      planned: ['17.60', '41.50', '69.55', '102.00'],
      projects: 6,
    });
    const totals = await cli('totals', fixture(file));
    expect(totals.code).toBe(0);
    expect(totals.stdout).toMatch(/^合计\s+102\.00\s+102\.00\s+0\.00\s+17\.60\s+41\.50\s+69\.55\s+102\.00$/m);
  });

  it('gives the seed workbook’s findings, each at a cell that holds what it names', async () => {
    expect(code).toBe(1);
    const findings = word.files[0].findings!;
    expect(findings.map(findingGist).sort()).toEqual(excel.files[0].findings!.map(findingGist).sort());
    const grids = await readDocx(fixture(file));
    const at = (rule: string) =>
      shown(
        grids,
        findings.find((f) => f.rule === rule)!,
      );
    expect(at('indicator/no-comparator')).toBe('75%');
    expect(at('indicator/unit-mismatch')).toBe('≤20万元');
    expect(at('indicator/level2-mismatch')).toBe('≤500件');
  });
});

describe('the worn copy, cell by cell', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await readDocx(fixture('seed-habits.docx'));
  });
  const find = (sheet: string, text: string): string[] => {
    const grid = grids.find((g) => g.sheet === sheet)!;
    return grid.cells.flatMap((row) =>
      row.filter((c) => c && String(c.value).includes(text)).map((c) => String(c!.value)),
    );
  };

  it('reads a tracked change as it now stands: the inserted 10.00, not the deleted 12.00', () => {
    expect(find('表1', '10.00')).toEqual(['10.00', '10.00']); // 预算数 and 财政资金
    expect(find('表1', '12.00')).toEqual([]);
  });

  it('leaves hidden text out, as Word shows the cell: 其他资金 is empty, so 0', () => {
    expect(find('表2', '不填')).toEqual([]);
  });

  it('reads the hyphens Word draws (non-breaking) and drops those it only may (soft)', () => {
    expect(find('表3', '5ST4')).toEqual(['207-0401-YBN-5ST4']);
  });

  it('reads the table inside a text frame once, not twice through its fallback copy', () => {
    expect(grids.filter((g) => g.cells.some((r) => r.some((c) => c?.value === '值班接访')))).toHaveLength(1);
  });
});

describe('other provinces’ 申报表 as Word documents', () => {
  it('金寨县 项目支出绩效目标申报表: 年度资金总额 1125, of which 财政拨款 1125', async () => {
    const { doc } = await json('check', fixture('jinzhai-shenbao-2021.docx'));
    const [t] = doc.files[0].tables;
    expect(doc.files[0].tables).toHaveLength(1);
    expect([t.name, t.code || null, t.budget, t.indicators]).toEqual([
      '物业管理',
      null,
      { total: '1125.00', fiscal: '1125.00', other: '0.00' },
      9,
    ]);
    // the form has no 资金支出计划: no plan, not a plan of zeros
    expect(t.plan).toEqual([null, null, null, null]);
    const grids = await readDocx(fixture('jinzhai-shenbao-2021.docx'));
    const noComparator = doc.files[0].findings!.filter((f) => f.rule === 'indicator/no-comparator');
    expect(noComparator.map((f) => shown(grids, f))).toContain('8个');
    const errors = doc.files[0].findings!.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('武川县 绩效目标申报表: 50万 read, the fund name in 财政拨款 reported unread, never 0', async () => {
    const { doc, code } = await json('check', fixture('wuchuan-shenbao-2021.docx'));
    const [t] = doc.files[0].tables;
    expect(doc.files[0].tables).toHaveLength(1);
    expect(t.name).toBe('大青山乡沙湾子少数民族聚居村养殖场基础设施建设项目');
    expect(t.budget).toEqual({ total: '50.00', fiscal: null, other: '0.00' });
    expect(code).toBe(1);
    const grids = await readDocx(fixture('wuchuan-shenbao-2021.docx'));
    const notNumber = doc.files[0].findings!.find((f) => f.rule === 'budget/not-number')!;
    expect(shown(grids, notNumber)).toBe('中央衔接推进乡村振兴补助资金(少数民族发展任务)50');
    const asText = doc.files[0].findings!.find((f) => f.rule === 'budget/amount-as-text')!;
    expect(shown(grids, asText)).toBe('年度资金总额:50万');

    const totals = await json('totals', fixture('wuchuan-shenbao-2021.docx'));
    expect(totals.code).toBe(1);
    expect(totals.doc.totals.fiscal).toBeNull();
    expect(totals.doc.totals.incomplete).toContainEqual(
      expect.objectContaining({ sheet: notNumber.sheet, cell: notNumber.cell, field: 'fiscal' }),
    );
  });

  it('湘潭市 申报表 from an RTF export, every row with its own cell boundaries: 250万 read, no line invented', async () => {
    const file = fixture('xiangtan-shenbao-2023.docx');
    const { doc } = await json('check', file);
    const [t] = doc.files[0].tables;
    expect(doc.files[0].tables).toHaveLength(1);
    expect([t.name, t.budget, t.indicators]).toEqual([
      '雾炮车降尘抑尘服务',
      // the form has no 财政资金 or 其他资金 line: not found, not 0
      { total: '250.00', fiscal: null, other: null },
      7,
    ]);
    const grids = await readDocx(file);
    const findings = doc.files[0].findings!;
    const at = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => shown(grids, f));
    expect(at('budget/amount-as-text')).toEqual(['250万']);
    expect(at('indicator/no-comparator').sort()).toEqual(['10辆', '250万']);
    expect(at('indicator/empty-placeholder').sort()).toEqual([
      '可持续影响指标',
      '生态效益指标',
      '经济效益指标',
    ]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
