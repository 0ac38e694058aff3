/**
 * Rows and columns hidden inside a table of an .xlsx file: read as written, and named
 * (table/hidden-content), through the whole command line (the reader's worker included).
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWorkbook } from '../../src/domain/reader';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';
import type { JsonFinding, JsonReport } from '../../src/cli/report';
import { runCliJson } from './run-cli';

const findings = (doc: JsonReport): JsonFinding[] => doc.files.flatMap((f) => f.findings ?? []);

jest.setTimeout(60_000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-hidden-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('a hidden indicator row of the seed’s first table is checked and named; the totals stay', async () => {
  const grids = seedStandardGrids();
  const [first] = readWorkbook([grids[0]]);
  const row = first.indicators[0]?.value.row;
  if (row === undefined) throw new Error('the seed’s first table has no indicator');
  await writeGridsXlsx(grids, path.join(dir, 'plain.xlsx'));
  await writeGridsXlsx(
    [{ ...grids[0], hiddenRows: [row] }, ...grids.slice(1)],
    path.join(dir, 'hidden.xlsx'),
  );
  const plain = await runCliJson(dir, 'check', 'plain.xlsx');
  const hidden = await runCliJson(dir, 'check', 'hidden.xlsx');
  const said = findings(hidden.doc).filter((f) => f.rule === 'table/hidden-content');
  expect(said).toHaveLength(1);
  expect(said[0]?.message).toContain(`表内第 ${row + 1} 行已隐藏`);
  expect(findings(plain.doc).some((f) => f.rule === 'table/hidden-content')).toBe(false);
  // Everything else is as it was: the hidden row is read as written.
  const others = (doc: JsonReport) =>
    findings(doc)
      .filter((f) => f.rule !== 'table/hidden-content')
      .map((f) => `${f.rule}@${f.cell}`);
  expect(others(hidden.doc)).toEqual(others(plain.doc));
  expect(hidden.doc.totals).toEqual(plain.doc.totals);
});
