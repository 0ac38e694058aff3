/**
 * The reader and the rules on real tables from many provinces (tests/fixtures/real): every table
 * found with its form, every budget exact (or null where the table truly has none), no phantom
 * tables, the defects a reviewer finds found (recall), and no `error` on a cell a reviewer accepts.
 * Prints recall and the false errors, so a change to the reader shows what it gained and lost.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGrids } from '../../src/domain/analysis';
import type { Finding } from '../../src/domain/types';
import { formatOrNull } from '../../src/domain/totals';
import { gridsOf, realDocuments, type ExpectedFinding, type RealDocument } from '../fixtures/real';

interface DocReport {
  id: string;
  problems: string[];
  expected: number;
  found: number;
  missed: ExpectedFinding[];
  falseErrors: Finding[];
}

const key = (f: { sheet: string; cell: string; rule: string }): string => `${f.sheet}!${f.cell} ${f.rule}`;

function matches(list: readonly ExpectedFinding[], f: Finding): boolean {
  return list.some((e) => e.rule === f.rule && e.sheet === f.sheet && (e.cell === '*' || e.cell === f.cell));
}

function evaluate(doc: RealDocument): DocReport {
  const grids = gridsOf(doc);
  const { state, totals } = analyseGrids(grids);
  const problems: string[] = [];
  const { tables } = state;
  const expected = doc.expected.tables;
  if (tables.length !== expected.length)
    problems.push(
      `tables: expected ${expected.length}, read ${tables.length} (${tables.map((t) => `${t.sheet}!${t.range}`).join(', ')})`,
    );
  // Tables in reading order on each sheet, as the expectations list them.
  expected.forEach((e, i) => {
    const t = tables[i];
    const a = totals.tables[i];
    if (!t || !a) return;
    const where = `table ${i + 1} (${t.sheet}!${t.range})`;
    if (t.sheet !== e.sheet) problems.push(`${where}: on sheet ${t.sheet}, expected ${e.sheet}`);
    if (t.form !== e.form) problems.push(`${where}: form ${t.form}, expected ${e.form}`);
    const read = {
      total: formatOrNull(a.total),
      fiscal: formatOrNull(a.fiscal),
      other: formatOrNull(a.other),
    };
    for (const part of ['total', 'fiscal', 'other'] as const) {
      const want = e.budget[part];
      const got = read[part];
      // A part the form does not have may be read as the rest of 预算数: exact, not a guess.
      const derived =
        want === null &&
        got !== null &&
        ((part === 'other' && !t.budget.other) || (part === 'fiscal' && !t.budget.fiscal));
      if (got !== want && !derived)
        problems.push(`${where}: ${part} ${String(got)}, expected ${String(want)}`);
    }
  });

  const own = doc.expected.findings;
  const tolerated = doc.expected.tolerated ?? [];
  const missed = own.filter(
    (e) => !state.findings.some((f) => f.rule === e.rule && f.sheet === e.sheet && f.cell === e.cell),
  );
  const falseErrors = state.findings.filter(
    (f) => f.severity === 'error' && !matches(own, f) && !matches(tolerated, f),
  );
  return {
    id: doc.id,
    problems,
    expected: own.length,
    found: own.length - missed.length,
    missed,
    falseErrors,
  };
}

const docs = realDocuments();
const reports = docs.map(evaluate);

afterAll(() => {
  const expected = reports.reduce((n, r) => n + r.expected, 0);
  const found = reports.reduce((n, r) => n + r.found, 0);
  const falseErrors = reports.flatMap((r) => r.falseErrors.map((f) => `${r.id} ${key(f)}: ${f.message}`));
  const heldOut = reports.filter((r) => docs.find((d) => d.id === r.id)?.heldOut);
  const lines = [
    `real tables: ${docs.length} documents, ${docs.reduce((n, d) => n + d.expected.tables.length, 0)} tables`,
    `recall of the expected defects: ${found}/${expected} = ${(found / expected).toFixed(3)}`,
    `false errors: ${falseErrors.length}`,
    `held out: ${heldOut.length} documents, ${heldOut.filter((r) => r.problems.length === 0).length} with tables and budgets right, ` +
      `recall ${heldOut.reduce((n, r) => n + r.found, 0)}/${heldOut.reduce((n, r) => n + r.expected, 0)}, ` +
      `false errors ${heldOut.reduce((n, r) => n + r.falseErrors.length, 0)}`,
    ...falseErrors.map((l) => `  ${l}`),
    `missed:`,
    ...reports.flatMap((r) => r.missed.map((m) => `  ${r.id} ${key(m)} (${m.why ?? ''})`)),
    `table and budget problems:`,
    ...reports.flatMap((r) => r.problems.map((p) => `  ${r.id}: ${p}`)),
  ];
  const out = path.resolve(__dirname, '..', '..', 'test-artifacts', 'real-corpus.txt');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, lines.join('\n') + '\n');
  // The summary a developer sees in the test log.
  console.log(lines.slice(0, 4).join('\n') + `\n(details: ${path.relative(process.cwd(), out)})`);
});

describe('the real-table corpus', () => {
  it('holds at least 30 tables from at least 12 provinces or ministries, with sources', () => {
    const tables = docs.reduce((n, d) => n + d.expected.tables.length, 0);
    const provinces = new Set(docs.map((d) => /^(.+?(?:省|自治区|市|兵团))/.exec(d.region)?.[1] ?? d.region));
    expect(tables).toBeGreaterThanOrEqual(30);
    expect(provinces.size).toBeGreaterThanOrEqual(12);
    for (const d of docs) {
      expect(d.source).toMatch(/^https?:\/\/|\//);
      expect(d.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each(reports.map((r) => [r.id, r] as const))(
    '%s: tables, forms and budgets as a reviewer reads them',
    (_, r) => {
      expect(r.problems).toEqual([]);
    },
  );

  it.each(reports.map((r) => [r.id, r] as const))('%s: no error on a cell a reviewer accepts', (_, r) => {
    expect(r.falseErrors.map((f) => `${key(f)}: ${f.message}`)).toEqual([]);
  });

  it('holds at least 20 held-out documents, tables and no-table paper (blank forms, reports) alike', () => {
    const held = docs.filter((d) => d.heldOut);
    expect(held.length).toBeGreaterThanOrEqual(20);
    expect(held.filter((d) => d.expected.tables.length === 0).length).toBeGreaterThanOrEqual(5);
    expect(held.filter((d) => d.expected.tables.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('finds at least 90 % of the defects a reviewer finds', () => {
    const expected = reports.reduce((n, r) => n + r.expected, 0);
    const found = reports.reduce((n, r) => n + r.found, 0);
    expect(found / expected).toBeGreaterThanOrEqual(0.9);
  });
});
