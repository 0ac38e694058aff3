/**
 * `perf-targets totals --format csv` (SPEC §7): whatever the workbooks hold, no field of the CSV can
 * start a formula in the spreadsheet that opens it — codes, names and sheet names beginning with
 * `=`, `+`, `-`, `@` (after any spaces), a tab or a carriage return are prefixed with `'` — and every field still
 * says what the JSON report says. tests/cli covers fixed examples; this covers random ones, sheet
 * names and control characters included.
 */

import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import type { JsonReport } from '../../../src/cli/report';
import { SEED_TABLES } from '../../fixtures/seed-data';
import { templateGrid } from '../../fixtures/table-builder';
import { writeGridsXlsx } from '../../fixtures/xlsx';
import { HOSTILE_TEXT } from '../../domain/hostile/arbitraries';

const DANGEROUS = /^(?:[\t\r]|\s*[=+\-@])/;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-csv-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<string> {
  let stdout = '';
  await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
    cwd: dir,
  });
  return stdout;
}

/** RFC 4180: fields separated by commas, quoted when they hold a comma, a quote or a line break. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  return rows;
}

const defused = (text: string | null): string =>
  text === null ? '未能读取' : DANGEROUS.test(text) ? `'${text}` : text;

const text = fc.oneof(
  fc.constantFrom(
    ...HOSTILE_TEXT,
    '=1+1',
    '+1',
    '-1',
    '@A1',
    '\t=1',
    '\r=1',
    '=cmd|"/c calc"!A1',
    '-',
    '@',
    '  =lead',
    '\u3000+1',
    '\u00a0@A1',
  ),
  fc.string({ maxLength: 12 }),
  fc
    .tuple(
      fc.constantFrom('', ' ', '  ', '\u3000'),
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', ''),
      fc.string({ maxLength: 8 }),
    )
    .map(([s, a, b]) => s + a + b),
);

/** What Excel takes as a sheet name: no []:*?/\, no apostrophe at either end, 1–31 characters. */
const sheetName = text
  .map((s) =>
    [...s]
      .filter((ch) => ch >= ' ' && !'[]:*?/\\'.includes(ch))
      .join('')
      .replace(/^'+|'+$/g, '')
      .slice(0, 28),
  )
  .filter((s) => s.trim() !== '' && s.toLowerCase() !== 'history');

const project = fc.record({
  sheet: sheetName,
  code: text,
  name: text,
  total: fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
});

describe('totals --format csv', () => {
  test('never starts a field with a formula character, and says what the JSON says', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(project, { minLength: 1, maxLength: 4, selector: (p) => p.sheet.toLowerCase() }),
        async (projects) => {
          const grids = projects.map((p, i) =>
            templateGrid(`${i}${p.sheet}`.slice(0, 31), {
              ...SEED_TABLES[i % SEED_TABLES.length],
              code: p.code,
              name: p.name,
              total: p.total,
              fiscal: p.total,
              other: 0,
            }),
          );
          await writeGridsXlsx(grids, path.join(dir, 'x.xlsx'));
          const csv = await cli('totals', 'x.xlsx', '--format', 'csv');
          const doc = JSON.parse(await cli('totals', 'x.xlsx', '--format', 'json')) as JsonReport;

          expect(csv.startsWith('\uFEFF')).toBe(true);
          const rows = parseCsv(csv.slice(1));
          const tables = doc.files[0].tables;
          expect(rows).toHaveLength(1 + tables.length + 1);
          for (const field of rows.flat()) expect(field).not.toMatch(DANGEROUS);
          tables.forEach((t, i) => {
            expect(rows[i + 1].slice(0, 7)).toEqual(
              [
                'x.xlsx',
                t.sheet,
                t.code ?? '',
                t.name ?? '',
                t.budget.total,
                t.budget.fiscal,
                t.budget.other,
              ].map(defused),
            );
          });
          expect(rows[rows.length - 1].slice(4, 7)).toEqual(
            [doc.totals.total, doc.totals.fiscal, doc.totals.other].map(defused),
          );
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);
});
