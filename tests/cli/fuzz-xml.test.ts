/**
 * Issue #12's fuzz test: the XML parts of a real workbook (a standard table as exceljs writes it,
 * shared strings, styles, theme, workbook and relationships included) mutated thousands of ways —
 * inserted elements that expand (merges, rows, columns, names), numbers made huge, quotes and
 * whitespace respelled, text cut, duplicated or broken, bytes of the zip itself flipped — and checked
 * by the command line in batches, each with a good file. Whatever the file, the run ends with exit
 * 0, 1 or 2, every stderr line names one file, no stack trace is printed, and the good file is
 * still reported.
 */

import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';
import { templateGrid } from '../fixtures/table-builder';
import { gridsWorkbook, writeGridsXlsx, zipParts, type ZipPart } from '../fixtures/xlsx';
import { GOOD } from '../domain/rules/rule-tester';

const BATCH = 20;
const RUNS = 100;

let dir: string;
let base: { name: string; text: string; xml: boolean }[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-fuzz-'));
  await writeGridsXlsx([templateGrid('好表', GOOD)], path.join(dir, 'good.xlsx'));
  const sheet = templateGrid('项目', GOOD);
  sheet.cells[3][2] = { value: 10, formula: '=E4+G4' };
  sheet.cells[6][1] = { value: 46000.5, date: true, numberFormat: 'yyyy-mm-dd' };
  const zip = await JSZip.loadAsync(await gridsWorkbook([sheet]).xlsx.writeBuffer());
  base = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    base.push({ name: file.name, text: await file.async('string'), xml: /\.(xml|rels)$/.test(file.name) });
  }
}, 60_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Text that, inserted into a part, expands in exceljs or breaks the XML in a new way. */
const TOKENS = [
  '<mergeCell ref="A1:XFD1048576"/>',
  "<mergeCell ref='A1:B99999999'/>",
  '<mergeCell\tref = "$A$1:$XFD$1048576"/>',
  '<mergeCells><mergeCell ref="B2:C3"/><mergeCell ref="B2:C3"/></mergeCells>',
  '<row r="99999999"/>',
  '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
  '<row/>',
  '<c\tr="A1"><v>1</v></c>',
  '<c r="XFE1"><v>1</v></c>',
  '<c r="A1" t="s"><v>99999</v></c>',
  '<c r="A1" t="e"><v>#REF!</v></c>',
  '<c r="A1" s="999"><v>1</v></c>',
  '<c r="A1"><f>cmd|\' /C calc\'!A0</f><v>1</v></c>',
  '<cols><col min="7" max="200000000"/></cols>',
  '<col min="1" max="16384"/>',
  '<definedName name="x">Sheet1!$A$1:$XFD$1048576</definedName>',
  '<definedName name="_xlnm.Print_Area" localSheetId="9">#REF!</definedName>',
  '<sheet name="幽灵" sheetId="9" r:id="rId99"/>',
  '<hyperlink ref="A1" r:id="rId404"/>',
  '<si><t>  =lead</t></si>',
  '<xf numFmtId="31" applyNumberFormat="1"/>',
  '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
  '&#0;',
  '&#x110000;',
  '<![CDATA[ ]]>',
  ']]>',
  '<?xml version="1.0"?>',
  '<',
  '>',
  '"',
  "'",
  '&',
  '=',
  '\t',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '项目名称',
  '预算数',
];

type Mutation =
  | { op: 'insert'; at: number; token: string; times: number }
  | { op: 'insertAfterTag'; nth: number; token: string; times: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; times: number }
  | { op: 'number'; nth: number; value: string }
  | { op: 'respell' };

const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);
const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, fc.string({ maxLength: 6 }));
const times = fc.constantFrom(1, 1, 2, 500, 60_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fraction, token, times }),
  // After the end of a tag the XML usually stays well-formed, so the insertion reaches exceljs.
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('insertAfterTag' as const), nth: fc.nat(), token, times }),
  },
  fc.record({ op: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: fraction,
    length: fc.integer({ min: 1, max: 400 }),
    times: fc.constantFrom(2, 50, 5_000),
  }),
  fc.record({
    op: fc.constant('number' as const),
    nth: fc.nat(400),
    value: fc.constantFrom(
      '0',
      '-1',
      '16385',
      '1048577',
      '99999999',
      '4294967296',
      '1e308',
      '',
      'NaN',
      '007',
    ),
  }),
  fc.constant({ op: 'respell' as const }),
);

function mutate(text: string, m: Mutation): string {
  const at = (f: number) => Math.floor(f * text.length);
  switch (m.op) {
    case 'insert':
      return text.slice(0, at(m.at)) + m.token.repeat(m.times) + text.slice(at(m.at));
    case 'insertAfterTag': {
      const ends = [...text.matchAll(/>/g)].map((m) => m.index + 1);
      const i = ends.length ? ends[m.nth % ends.length] : 0;
      return text.slice(0, i) + m.token.repeat(m.times) + text.slice(i);
    }
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'duplicate': {
      const piece = text.slice(at(m.at), at(m.at) + m.length);
      return text.slice(0, at(m.at)) + piece.repeat(m.times) + text.slice(at(m.at));
    }
    case 'number': {
      let n = 0;
      return text.replace(/\d+/g, (d) => (n++ === m.nth ? m.value : d));
    }
    case 'respell':
      // The same XML, spelled as no writer does: single quotes, tabs and newlines around '='.
      return text.replace(/ (\w+(?::\w+)?)="([^"']*)"/g, "\t$1\n=\t'$2'");
  }
}

/** One crafted file: mutations of some XML parts, sometimes bytes of the zip itself flipped or cut. */
const craftedFile = fc.record({
  parts: fc.array(
    fc.record({
      // -1: the worksheet, where most of what expands lives.
      part: fc.oneof({ weight: 2, arbitrary: fc.constant(-1) }, fc.nat()),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    }),
    {
      minLength: 1,
      maxLength: 2,
    },
  ),
  flips: fc.oneof(
    { weight: 5, arbitrary: fc.constant<[number, number][]>([]) },
    fc.array(fc.tuple(fraction, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
  ),
  cut: fc.oneof({ weight: 19, arbitrary: fc.constant(1) }, fraction),
});

type CraftedFile = typeof craftedFile extends fc.Arbitrary<infer T> ? T : never;

function build(file: CraftedFile): Buffer {
  const texts = base.map((p) => p.text);
  const xmlParts = base.flatMap((p, i) => (p.xml ? [i] : []));
  const sheet = base.findIndex((p) => p.name === 'xl/worksheets/sheet1.xml');
  for (const { part, mutations } of file.parts) {
    const i = part < 0 ? sheet : xmlParts[part % xmlParts.length];
    texts[i] = mutations.reduce(mutate, texts[i]);
  }
  const zip = zipParts(base.map((p, i): ZipPart => ({ name: p.name, data: texts[i] })));
  for (const [where, byte] of file.flips) zip[Math.floor(where * (zip.length - 1))] = byte;
  return zip.subarray(0, Math.max(1, Math.floor(file.cut * zip.length)));
}

interface Report {
  files: { file: string; error?: string; tables: unknown[] }[];
}

test(`${RUNS * BATCH} mutated workbooks: exit 0, 1 or 2, one line per unreadable file, no stack trace`, async () => {
  let unreadable = 0;
  let read = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(craftedFile, { minLength: BATCH, maxLength: BATCH }), async (files) => {
      const names = files.map((_, i) => `f${i}.xlsx`);
      await Promise.all(files.map((f, i) => fs.writeFile(path.join(dir, names[i]), build(f))));
      let stdout = '';
      let stderr = '';
      const code = await run(['check', '--format', 'json', ...names, 'good.xlsx'], {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        cwd: dir,
      });
      expect([0, 1, 2]).toContain(code);
      expect(stderr).not.toMatch(/^\s+at /m);
      const lines = stderr.split('\n').filter((l) => l !== '');
      for (const line of lines) expect(line).toMatch(/^perf-targets: f\d+\.xlsx: \S/);
      const report = JSON.parse(stdout) as Report;
      const failed = report.files.filter((f) => f.error !== undefined).map((f) => f.file);
      expect(lines.map((l) => l.split(': ')[1])).toEqual(failed);
      expect(report.files.find((f) => f.file === 'good.xlsx')).toMatchObject({ tables: [expect.anything()] });
      expect(report.files.find((f) => f.file === 'good.xlsx')?.error).toBeUndefined();
      unreadable += failed.length;
      read += names.length - failed.length;
    }),
    { numRuns: RUNS, seed: 20_260_412, endOnFailure: true },
  );
  // The fuzz reaches both sides: files refused and files read despite their mutations.
  expect(unreadable).toBeGreaterThan(RUNS);
  expect(read).toBeGreaterThan(RUNS);
}, 1_200_000);
