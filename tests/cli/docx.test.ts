/**
 * Word documents (SPEC §7): the seed built as the department's real .docx — body text, captions
 * with field codes, the unit line and 单位：万元 above each table, merged cells as Word makes them —
 * read through `check` and `totals` gives what the seed workbooks give.
 */

import { findingGist, runCli, runCliJson, type Ran } from './run-cli';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonReport } from '../../src/cli/report';
import { readDocx } from '../../src/cli/read-docx';
import { cellAt } from '../../src/domain/grid';
import { parseA1 } from '../../src/domain/address';
import { seedDocumentBody, writeDocx } from '../fixtures/docx';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';

jest.setTimeout(60_000);

let dir: string;

const cli = (...argv: string[]): Promise<Ran> => runCli(dir, ...argv);

const json = (...argv: string[]) => runCliJson(dir, ...argv);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-docx-'));
  await writeDocx(seedDocumentBody(), path.join(dir, 'seed.docx'));
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'standard.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the seed as a Word document', () => {
  let word: JsonReport;
  let excel: JsonReport;
  let code: number;
  beforeAll(async () => {
    ({ doc: word, code } = await json('check', 'seed.docx'));
    ({ doc: excel } = await json('check', 'standard.xlsx'));
  });

  it('reads six tables, named 表1…表6, with the seed’s projects, budgets and plans', () => {
    const tables = word.files[0].tables;
    expect(tables.map((t) => t.sheet)).toEqual(['表1', '表2', '表3', '表4', '表5', '表6']);
    const project = (t: (typeof tables)[number]) => [
      t.code,
      t.name,
      t.budget,
      t.plan,
      t.indicators,
      t.profile,
    ];
    expect(tables.map(project)).toEqual(excel.files[0].tables.map(project));
    for (const t of tables) {
      expect(t.unit).toBe('207002中国共产党临西县委员会信访局');
      expect(t.range).toMatch(/^A1:/);
    }
  });

  it('totals exactly 102.00, planned 17.60 / 41.50 / 69.55 / 102.00', async () => {
    expect(word.totals).toEqual({
      total: '102.00',
      fiscal: '102.00',
      other: '0.00',
      planned: ['17.60', '41.50', '69.55', '102.00'],
      projects: 6,
    });
    const totals = await cli('totals', 'seed.docx');
    expect(totals.code).toBe(0);
    expect(totals.stdout).toMatch(/^合计\s+102\.00\s+102\.00\s+0\.00\s+17\.60\s+41\.50\s+69\.55\s+102\.00$/m);
  });

  it('gives the reference findings of the seed workbook, at cells that hold what they name', async () => {
    expect(code).toBe(1);
    const byTable = (doc: JsonReport) => doc.files[0].findings!.map(findingGist).sort();
    expect(byTable(word)).toEqual(byTable(excel));
    const grids = await readDocx(path.join(dir, 'seed.docx'));
    const comparator = word.files[0].findings!.find((f) => f.rule === 'indicator/no-comparator');
    expect(comparator).toBeDefined();
    const grid = grids.find((g) => g.sheet === comparator!.sheet)!;
    const { row, col } = parseA1(comparator!.cell);
    expect(String(cellAt(grid, row, col)?.value)).toMatch(/75/);
    expect(comparator!.fix).toEqual({ cell: comparator!.cell, value: '≥75%' });
  });

  it('does not call a Word table’s numbers text', () => {
    expect(word.files[0].findings!.filter((f) => f.rule === 'budget/amount-as-text')).toEqual([]);
  });
});
