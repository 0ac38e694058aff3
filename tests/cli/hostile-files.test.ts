/**
 * Issue #12, as an attacker tried it: small crafted .xlsx files (10 KB – 40 MB) that exceljs would
 * expand into gigabytes or hours. Each is checked together with a good file by the installed
 * command, as a separate process (`node bin/perf-targets.js`, built into a directory of its own):
 * exit 2, one stderr line naming the file, no stack frame, the good file still reported, and the
 * process within 30 s and 1 GB of peak memory (measured by tests/support/report-rss.js).
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { minimalXlsxParts, writeGridsXlsx, xlsxParts, zipParts, type ZipPart } from '../fixtures/xlsx';

const ROOT = path.resolve(__dirname, '..', '..');
/** Built here rather than in lib/, so that another test building lib/ at the same time cannot race it. */
const TREE = path.join(ROOT, 'test-artifacts', 'hostile-bin');
const BIN = path.join(TREE, 'bin', 'perf-targets.js');
const RSS_PRELOAD = path.join(ROOT, 'tests', 'support', 'report-rss.js');
const MAX_SECONDS = 30;
const MAX_RSS_KB = 1024 * 1024;
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

let dir: string;

/** A worksheet part deflated as it is generated: the XML of 13 million rows is never one string. */
async function streamedSheet(count: number, item: (i: number) => string): Promise<ZipPart> {
  const deflate = createDeflateRaw();
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = async (s: string): Promise<void> => {
    const b = Buffer.from(s, 'utf8');
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>`);
  const STEP = 50_000;
  for (let start = 0; start < count; start += STEP) {
    let chunk = '';
    for (let i = start; i < Math.min(count, start + STEP); i++) chunk += item(i);
    await write(chunk);
  }
  await write('</sheetData></worksheet>');
  deflate.end();
  await ended;
  return { name: 'xl/worksheets/sheet1.xml', data: '', deflated: { body: Buffer.concat(out), crc, size } };
}

const oneSheet = (body: string): ZipPart[] => minimalXlsxParts(body);
const merge = (element: string): ZipPart[] =>
  oneSheet(`<sheetData/><mergeCells count="1">${element}</mergeCells>`);
const withSheetPart = (part: ZipPart): ZipPart[] => {
  const parts = minimalXlsxParts('');
  parts[4] = part;
  return parts;
};
const repeat = (n: number, item: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => item(i)).join('');

/** Each crafted file: its name and how to make its parts. */
const CRAFTED: [string, () => ZipPart[] | Promise<ZipPart[]>][] = [
  ['merge-single-quotes.xlsx', () => merge("<mergeCell ref='A1:XFD1048576'/>")],
  ['merge-spaces-around-equals.xlsx', () => merge('<mergeCell ref = "A1:XFD1048576"/>')],
  ['merge-tabs-and-entities.xlsx', () => merge('<mergeCell\tref\t=\t"&#65;1:&#x58;FD1048576"/>')],
  ['merge-prefixed.xlsx', () => merge('<x:mergeCell xmlns:x="urn:x" ref="A1:XFD1048576"/>')],
  ['merge-to-row-99999999.xlsx', () => merge('<mergeCell ref="A1:B99999999"/>')],
  [
    'merges-5001-on-one-sheet.xlsx',
    () =>
      oneSheet(
        `<sheetData/><mergeCells>${repeat(5_001, (i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`)}</mergeCells>`,
      ),
  ],
  ['col-200000000.xlsx', () => oneSheet('<cols><col min="7" max="200000000"/></cols><sheetData/>')],
  [
    'col-span-quotes-reordered.xlsx',
    () => oneSheet("<cols><col max='200000000'\nmin='7'/></cols><sheetData/>"),
  ],
  ['col-min-past-max.xlsx', () => oneSheet('<cols><col min="200000000" max="1"/></cols><sheetData/>')],
  ['row-99999999.xlsx', () => oneSheet('<sheetData><row r="99999999"/></sheetData>')],
  [
    'rows-13-million.xlsx',
    async () => withSheetPart(await streamedSheet(13_000_000, (i) => `<row r="${(i % 1_048_576) + 1}"/>`)),
  ],
  ['rows-600000.xlsx', async () => withSheetPart(await streamedSheet(600_000, (i) => `<row r="${i + 1}"/>`))],
  [
    'cells-tab-2-million.xlsx',
    async () =>
      withSheetPart(await streamedSheet(2_000_000, (i) => `<c\tr="A${(i % 1_048_576) + 1}"><v>1</v></c>`)),
  ],
  [
    'cells-tab-9-million.xlsx',
    async () =>
      withSheetPart(await streamedSheet(9_000_000, (i) => `<c\tr="A${(i % 1_048_576) + 1}"><v>1</v></c>`)),
  ],
  [
    'defined-name-whole-sheet.xlsx',
    () => {
      const parts = xlsxParts([{ name: 'Sheet1', body: '<sheetData/>' }]);
      const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
      wb.data = String(wb.data).replace(
        '</sheets>',
        '</sheets><definedNames><definedName name="x">Sheet1!$A$1:$XFD$1048576</definedName></definedNames>',
      );
      return parts;
    },
  ],
  [
    'styles-4-million-elements.xlsx',
    () =>
      oneSheet('<sheetData/>').concat({
        name: 'xl/styles.xml',
        data: `<styleSheet xmlns="${NS}"><cellXfs>${'<xf/>'.repeat(4_100_000)}</cellXfs></styleSheet>`,
      }),
  ],
  [
    'sheet-part-lies-about-size.xlsx',
    () => [
      ...minimalXlsxParts('<sheetData/>'),
      {
        name: 'xl/worksheets/sheet2.xml',
        data: `<worksheet>${' '.repeat(32 << 20)}</worksheet>`,
        declaredSize: 100,
      },
    ],
  ],
];

beforeAll(async () => {
  try {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json', '--outDir', path.join(TREE, 'lib')],
      { cwd: ROOT, stdio: 'pipe' },
    );
  } catch {
    // Reported below if nothing was emitted.
  }
  if (!existsSync(path.join(TREE, 'lib', 'cli', 'main.js'))) throw new Error('tsc emitted nothing');
  await fs.mkdir(path.dirname(BIN), { recursive: true });
  await fs.copyFile(path.join(ROOT, 'bin', 'perf-targets.js'), BIN);
  dir = path.join(TREE, 'files');
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'good.xlsx'));
  for (const [name, make] of CRAFTED) await fs.writeFile(path.join(dir, name), zipParts(await make()));
}, 600_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  rssKb: number;
}

function perfTargets(args: string[]): Run {
  const rssFile = path.join(dir, `rss-${process.pid}.txt`);
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', RSS_PRELOAD, BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PERF_RSS_FILE: rssFile },
    timeout: 120_000,
  });
  const seconds = (performance.now() - start) / 1000;
  const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds, rssKb };
}

describe('crafted files, each checked with a good file', () => {
  it.each(CRAFTED.map(([name]) => name))(
    '%s: exit 2, one line naming it, the good file reported, within 30 s and 1 GB',
    async (name) => {
      const size = (await fs.stat(path.join(dir, name))).size;
      expect(size).toBeLessThan(40 << 20);
      const r = perfTargets(['check', name, 'good.xlsx']);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr).not.toMatch(/FATAL|heap out of memory|Error:/i);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^perf-targets: ${name.replace(/\./g, '\\.')}: \\S`));
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('文件：good.xlsx');
      expect(r.stdout).toContain('群众工作中心运行');
      expect(r.seconds).toBeLessThan(MAX_SECONDS);
      expect(r.rssKb).toBeLessThan(MAX_RSS_KB);
    },
    120_000,
  );

  it('all of them in one run: one line each, in order, and the good file still reported', () => {
    const names = CRAFTED.map(([name]) => name);
    const r = perfTargets(['check', '--format', 'json', ...names, 'good.xlsx']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.split(': ')[1])).toEqual(names);
    const doc = JSON.parse(r.stdout) as { files: { file: string; error?: string; tables: unknown[] }[] };
    expect(doc.files.filter((f) => f.error).map((f) => f.file)).toEqual(names);
    expect(doc.files.find((f) => f.file === 'good.xlsx')?.tables).toHaveLength(6);
  }, 300_000);
});
