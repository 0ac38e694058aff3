/**
 * Real .doc files (Word 97–2003): read as the .docx reader reads the same document. The committed
 * files are saved as .doc by LibreOffice (tests/fixtures/doc): Word documents of the corpus, and
 * documents of the real corpus written as a .docx first. Hostile files are these with bytes changed.
 */

import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as CFB from 'cfb';
import { docBlocks, docGrids } from '../../src/cli/read-doc';
import { docxGrids } from '../../src/cli/read-docx';
import { ReadError } from '../../src/cli/read-error';
import { DEFAULT_LIMITS } from '../../src/cli/zip-guard';
import { analyseGrids } from '../../src/domain/analysis';
import { cellText, type Grid } from '../../src/domain/grid';
import { formatOrNull } from '../../src/domain/totals';
import { writeDocx } from '../fixtures/docx';
import { DOC_DOCUMENTS, REAL_DOCX } from '../fixtures/doc';
import { docxBodyOf } from '../fixtures/doc/source';
import { runCli, runCliJson } from './run-cli';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'doc');
const REAL = path.join(__dirname, '..', 'fixtures', 'real-docx');
const docOf = (id: string): Buffer => readFileSync(path.join(FIXTURES, `${id}.doc`));

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-doc-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** What a reviewer reads off the document: amounts, indicators, and each finding's rule. */
function reading(grids: Grid[]): unknown {
  const { state, totals } = analyseGrids(grids);
  return {
    tables: grids.map((g) => g.sheet),
    money: totals.tables.map((t) => [formatOrNull(t.total), formatOrNull(t.fiscal), formatOrNull(t.other)]),
    indicators: state.tables.map((t) => t.indicators.map((i) => [i.level1.text, i.name.text, i.value.text])),
    findings: state.findings.map((f) => `${f.sheet} ${f.rule}`),
  };
}

/** A grid as text, cell for cell, with its merges. */
const shown = (g: Grid) => ({
  sheet: g.sheet,
  top: g.top,
  cells: g.cells.map((line) => (line ?? []).map((c) => cellText(c))),
  merges: g.merges,
});

function readError(run: () => unknown): ReadError {
  try {
    run();
  } catch (err) {
    if (err instanceof ReadError) return err;
    throw err;
  }
  throw new Error('no error');
}

/** `id`'s .doc with `change` made to its WordDocument stream, in a container written again. */
function changed(id: string, change: (word: Buffer) => Buffer | number): Buffer {
  const container = CFB.read(docOf(id), { type: 'buffer' });
  const entry = CFB.find(container, 'WordDocument');
  if (!entry?.content) throw new Error('no WordDocument stream');
  const original = Buffer.from(entry.content as Uint8Array);
  // A change in place returns a number (writeUInt16LE's offset); a cut returns the shorter stream.
  const result = change(original);
  const word = Buffer.isBuffer(result) ? result : original;
  entry.content = word;
  entry.size = word.length;
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

describe('a real .doc reads as the same document saved as .docx', () => {
  test.each(REAL_DOCX)('%s: the same tables, amounts, indicators and findings', (id) => {
    const docx = docxGrids(readFileSync(path.join(REAL, `${id}.docx`)), DEFAULT_LIMITS);
    const doc = docGrids(docOf(id), DEFAULT_LIMITS);
    expect(doc.length).toBeGreaterThan(0);
    expect(reading(doc)).toEqual(reading(docx));
  });

  test.each(DOC_DOCUMENTS)('%s: cell for cell and merge for merge', async (id) => {
    const file = path.join(dir, `${id}.docx`);
    await writeDocx(docxBodyOf(id), file);
    const docx = docxGrids(readFileSync(file), DEFAULT_LIMITS);
    const doc = docGrids(docOf(id), DEFAULT_LIMITS);
    expect(doc.map(shown)).toEqual(docx.map(shown));
    expect(reading(doc)).toEqual(reading(docx));
  });

  test('what Word shows: the text as changed with tracking on, no hidden text, a table in a frame', () => {
    const grids = docGrids(docOf('seed-habits'), DEFAULT_LIMITS);
    const { totals } = analyseGrids(grids);
    // Six projects: the fifth in a text frame (the text-box story, anchored in the main text).
    expect(totals.tables).toHaveLength(6);
    expect(totals.tables.map((t) => formatOrNull(t.total))).toEqual([
      '10.00',
      '16.35',
      '2.65',
      '20.00',
      '33.00',
      '20.00',
    ]);
    const text = grids.flatMap((g) => g.cells.flat().map((c) => cellText(c))).join('\n');
    // 12.00 deleted with tracking on, 10.00 inserted; no field code (TOC, DATE) is text.
    expect(text).not.toMatch(/12\.00|TOC \\|DATE \\@/);
    // The table of contents' result and the captions' text are paragraphs, not tables.
    const paragraphs = docBlocks(docOf('seed-habits')).filter((b) => 'text' in b);
    expect(paragraphs.length).toBeGreaterThan(10);
  });
});

test('a table nested in a cell is rows of its table; ≥ and ≤ from the Symbol font read as such', () => {
  const { state } = analyseGrids(docGrids(docOf('nested-symbols'), DEFAULT_LIMITS));
  expect(
    state.tables.map((t) => t.indicators.map((i) => [i.level1.text, i.name.text, i.value.text])),
  ).toEqual([
    [
      ['产出指标', '补助人数', '≥90%'],
      ['满意度指标', '群众满意度', '≤95%'],
    ],
  ]);
});

describe('.doc files that cannot be read say why', () => {
  test('an open password, Word 6.0/95, a damaged file', () => {
    const encrypted = changed('jinzhai-shenbao-2021', (w) =>
      w.writeUInt16LE(w.readUInt16LE(0x0a) | 0x0100, 0x0a),
    );
    expect(readError(() => docGrids(encrypted, DEFAULT_LIMITS)).code).toBe('doc-encrypted');
    const word95 = changed('jinzhai-shenbao-2021', (w) => w.writeUInt16LE(0x0068, 2));
    expect(readError(() => docGrids(word95, DEFAULT_LIMITS)).code).toBe('doc-old');
    // The stream cut short: the FIB's piece table and property pages point past its end.
    const cut = changed('jinzhai-shenbao-2021', (w) => w.subarray(0, 0x300));
    expect(readError(() => docGrids(cut, DEFAULT_LIMITS)).code).toBe('doc-corrupt');
    expect(readError(() => docGrids(Buffer.from('d0cf11e0a1b11ae1', 'hex'), DEFAULT_LIMITS)).code).toBe(
      'doc-corrupt',
    );
  });

  test('bytes changed at random: each file is read, or refused with a reason, nothing else thrown', () => {
    const streams = ['jinzhai-shenbao-2021', 'seed-habits'].map((id) => {
      const container = CFB.read(docOf(id), { type: 'buffer' });
      return { container, word: Buffer.from(CFB.find(container, 'WordDocument')?.content as Uint8Array) };
    });
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const outcomes = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const { container, word } = streams[i % 2]!;
      const bytes = Buffer.from(word);
      // Mostly the header and the first pages (the FIB, the text, the property pages), where
      // every change matters.
      for (let k = 0; k < 1 + Math.floor(random() * 8); k++) {
        const at = Math.floor(random() * Math.min(bytes.length, random() < 0.5 ? 0x400 : bytes.length));
        bytes[at] = random() < 0.5 ? Math.floor(random() * 256) : 0xff;
      }
      const entry = CFB.find(container, 'WordDocument')!;
      entry.content = bytes;
      try {
        docGrids(Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array), DEFAULT_LIMITS);
        outcomes.add('read');
      } catch (err) {
        if (!(err instanceof ReadError)) throw err;
        outcomes.add(err.code);
      }
      entry.content = word;
    }
    expect(outcomes).toContain('read');
    expect(outcomes).toContain('doc-corrupt');
  });
});

describe('perf-targets reads a real .doc', () => {
  beforeAll(async () => {
    await fs.copyFile(path.join(FIXTURES, 'seed-word97.doc'), path.join(dir, 'seed.doc'));
    await fs.copyFile(path.join(FIXTURES, 'seed-word97.doc'), path.join(dir, 'renamed.docx'));
    await fs.copyFile(path.join(FIXTURES, 'seed-word97.doc'), path.join(dir, 'seed.wps'));
    await fs.copyFile(path.join(REAL, 'seed-word97.docx'), path.join(dir, 'seed.docx'));
  });

  test('as the same document saved as .docx; under .docx and .wps names too', async () => {
    const gist = async (file: string) => {
      const { code, doc } = await runCliJson(dir, 'check', file);
      return {
        code,
        totals: doc.totals,
        projects: doc.files.flatMap((f) => f.tables.map((t) => [t.name, t.budget, t.plan, t.indicators])),
        findings: doc.files.flatMap((f) => (f.findings ?? []).map((x) => x.rule)),
      };
    };
    const want = await gist('seed.docx');
    expect(want.projects).toHaveLength(6);
    for (const file of ['seed.doc', 'renamed.docx', 'seed.wps']) expect(await gist(file)).toEqual(want);
  });

  test('a password-protected .doc, and a damaged one: one line each, in both languages', async () => {
    await fs.writeFile(
      path.join(dir, 'locked.doc'),
      changed('jinzhai-shenbao-2021', (w) => w.writeUInt16LE(w.readUInt16LE(0x0a) | 0x0100, 0x0a)),
    );
    const zh = await runCli(dir, 'check', 'locked.doc');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/locked\.doc: 这是设了打开密码的 \.doc 文档：请在 Word 中取消密码后再检查/);
    const en = await runCli(dir, 'check', 'locked.doc', '--lang', 'en-US');
    expect(en.stderr).toMatch(
      /locked\.doc: a password-protected \.doc document: remove the password in Word/,
    );
    const ole = Buffer.alloc(1024);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(ole);
    await fs.writeFile(path.join(dir, 'broken.doc'), ole);
    const broken = await runCli(dir, 'check', 'broken.doc');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.doc: \.doc 文档内容已损坏.*另存为 \.docx/);
  });

  test('a folder takes the .doc files', async () => {
    const sub = path.join(dir, 'in');
    await fs.mkdir(sub, { recursive: true });
    await fs.copyFile(path.join(FIXTURES, 'jinzhai-shenbao-2021.doc'), path.join(sub, 'a.doc'));
    await fs.copyFile(path.join(FIXTURES, 'xiangtan-shenbao-2023.doc'), path.join(sub, 'b.doc'));
    const { doc } = await runCliJson(dir, 'check', 'in');
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(['a.doc', 'b.doc']);
    expect(doc.totals.projects).toBe(2);
  });
});
