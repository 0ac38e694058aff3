/**
 * A large workbook is loaded in rounds (src/cli/xlsx-chunks.ts): each round's workbook is the file as
 * the guard read it, stored, with the other rounds' worksheets replaced by a marked empty one. These
 * tests load the same files at once and in rounds (a tiny round size forces rounds on small files)
 * and ask for the same grids in the same order, or the same refusal — on ordinary workbooks, on zips
 * no ordinary writer makes (duplicate, slash-led, folder-flagged and unreferenced parts, shared ids,
 * print areas), and on mutated ones. Then the command line: a file that fails in a later round is
 * dropped whole, and the report is the one a single load gives.
 */

import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { Grid } from '../../src/domain/grid';
import { loadXlsx, readXlsx, XlsxReadError, type SheetBatch } from '../../src/cli/read-xlsx';
import { DEFAULT_LIMITS } from '../../src/cli/zip-guard';
import { stackedWorkbook } from '../../bench/workbooks';
import { seedStandardGrids } from '../fixtures/seed-grids';
import {
  cellPartsOnly,
  tagEndIn,
  writtenXlsx,
  xlsxParts,
  xlsxTexts,
  zipParts,
  type ZipPart,
} from '../fixtures/xlsx';
import { runCli } from './run-cli';
import { analyseGrids } from '../../src/domain/analysis';
import { referenceLookup } from '../../src/domain/library';
import { jsonReport, type JsonReport } from '../../src/cli/report';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-rounds-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
async function saved(data: Buffer): Promise<string> {
  const p = path.join(dir, `w${n++}.xlsx`);
  await fs.writeFile(p, data);
  return p;
}

type Outcome = { grids: Grid[]; rounds: number } | { error: string };

/** The file read at once (no rounds), or in rounds of `roundBytes` of worksheet XML. */
async function load(p: string, roundBytes: number): Promise<Outcome> {
  const grids: Grid[] = [];
  let rounds = 0;
  const take = (b: SheetBatch): void => {
    rounds++;
    b.positions.forEach((at, i) => {
      expect(grids[at]).toBeUndefined();
      grids[at] = b.grids[i];
    });
  };
  try {
    // At once: the guard's pass reads the cells (src/cli/xlsx-direct.ts); in rounds, exceljs does.
    take(await loadXlsx(p, { ...DEFAULT_LIMITS, roundBytes, exceljsOnly: roundBytes !== Infinity }, take));
  } catch (err) {
    if (err instanceof XlsxReadError) return { error: err.code };
    throw err;
  }
  return { grids, rounds };
}

/**
 * Loaded at once (the cells read in the guard's pass) and in rounds (by exceljs), the file gives the
 * same; returns how many rounds it was read in. Where exceljs refuses the file for a part that holds
 * no cells and the direct reader reads it, its grids are those exceljs reads with that part put back
 * (`repaired`).
 */
async function sameInRounds(data: Buffer, repaired?: Buffer): Promise<number> {
  const p = await saved(data);
  const once = await load(p, Infinity);
  let inRounds = await load(p, 1);
  if ('error' in inRounds && !('error' in once) && repaired) inRounds = await load(await saved(repaired), 1);
  if ('error' in once) {
    expect(inRounds).toEqual(once);
    return 0;
  }
  expect(once).toMatchObject({ grids: expect.any(Array) });
  expect(inRounds).toMatchObject({ grids: expect.any(Array) });
  const { grids, rounds } = inRounds as { grids: Grid[]; rounds: number };
  expect(grids).toHaveLength(once.grids.length);
  expect(grids).toStrictEqual(once.grids);
  return rounds;
}

const sheet = (i: number): string =>
  `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>表${i}</t></is></c><c r="B1"><v>${i}</v></c></row>` +
  `<row r="2"><c r="A2"><f>B1*2</f><v>${2 * i}</v></c></row></sheetData>` +
  '<mergeCells count="1"><mergeCell ref="C3:D4"/></mergeCells>';

describe('a workbook read in rounds gives what it gives read at once', () => {
  it('the benchmark’s stacked tables, the seed, several sheets of each', async () => {
    expect(await sameInRounds(await writtenXlsx(stackedWorkbook(7, 3)))).toBe(4);
    const twice = [
      ...seedStandardGrids(),
      ...seedStandardGrids().map((g) => ({ ...g, sheet: `${g.sheet}2` })),
    ];
    expect(await sameInRounds(await writtenXlsx(twice))).toBeGreaterThan(1);
  });

  it('hidden sheets, the add-in’s own sheets, a sheet list out of part order', async () => {
    const parts = xlsxParts([0, 1, 2, 3].map((i) => ({ name: `S${i}`, body: sheet(i) })));
    const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
    wb.data = String(wb.data)
      .replace('name="S1"', 'name="S1" state="hidden"')
      .replace('name="S2"', 'name="汇总" state="veryHidden"');
    // The sheet list names the parts backwards.
    const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = String(rels.data).replace(/sheet(\d)\.xml/g, (_, d: string) => `sheet${5 - Number(d)}.xml`);
    expect(await sameInRounds(zipParts(parts))).toBe(4);
  });

  it('duplicate parts, a slash-led twin, a folder-flagged part, an unreferenced part, a shared id, print areas', async () => {
    const parts: ZipPart[] = xlsxParts([0, 1, 2].map((i) => ({ name: `S${i}`, body: sheet(i) })));
    const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
    wb.data = String(wb.data).replace(
      '</sheets>',
      '<sheet name="Twin" sheetId="2" r:id="rId3"/></sheets><definedNames>' +
        '<definedName name="_xlnm.Print_Area" localSheetId="1">S1!$A$1:$D$4</definedName>' +
        '<definedName name="_xlnm.Print_Titles" localSheetId="5">S1!$1:$1</definedName>' +
        '<definedName name="x">S0!$A$1</definedName></definedNames>',
    );
    parts.push(
      { name: 'xl/worksheets/sheet2.xml', data: `<worksheet>${sheet(20)}</worksheet>` },
      { name: '/xl/worksheets/sheet3.xml', data: `<worksheet>${sheet(30)}</worksheet>` },
      { name: 'xl/worksheets/sheet9.xml', data: `<worksheet>${sheet(90)}</worksheet>` },
      { name: 'xl/media/../worksheets/sheet1.xml', data: `<worksheet>${sheet(10)}</worksheet>` },
    );
    const zip = zipParts(parts);
    // Flag the slash-led part a folder, as DOS does, in its central header.
    const at = zip.lastIndexOf(Buffer.from('/xl/worksheets/sheet3.xml'));
    zip.writeUInt32LE(0x10, at - 46 + 38);
    expect(await sameInRounds(zip)).toBeGreaterThan(1);
  });

  it('a sheet exceljs cannot read, in a later round: the same refusal', async () => {
    const parts = xlsxParts([0, 1, 2].map((i) => ({ name: `S${i}`, body: sheet(i) })));
    parts[parts.length - 1].data = String(parts[parts.length - 1].data).replace(
      '<mergeCell ref="C3:D4"/>',
      '<mergeCell ref="C3:D4"/><mergeCell ref="D4:E5"/>',
    );
    const p = await saved(zipParts(parts));
    expect(await load(p, Infinity)).toEqual({ error: 'corrupt' });
    const rounds: number[][] = [];
    await expect(
      readXlsx(p, { ...DEFAULT_LIMITS, roundBytes: 1, exceljsOnly: true }, (b) => rounds.push(b.positions)),
    ).rejects.toMatchObject({
      code: 'corrupt',
    });
    expect(rounds.length).toBeGreaterThan(0);
  });
});

describe('mutated workbooks: the same grids or the same refusal, in rounds or at once', () => {
  let base: { name: string; text: string }[];
  beforeAll(async () => {
    base = await xlsxTexts(await writtenXlsx([...seedStandardGrids(), ...seedStandardGrids()].slice(0, 4)));
  });

  const TOKENS = [
    '<mergeCell ref="A1:B2"/>',
    '<row r="3"><c r="Z3"><v>1</v></c></row>',
    '<c r="XFE1"><v>1</v></c>',
    '<c r="A1" t="s"><v>99999</v></c>',
    '<sheet name="幽灵" sheetId="9" r:id="rId99"/>',
    '<sheet name="重复" sheetId="1" r:id="rId2"/>',
    '<definedName name="_xlnm.Print_Area" localSheetId="3">#REF!</definedName>',
    '<tabColor rgb="FF000000"/>',
    '<',
    '&',
    '"',
  ];

  it('300 of them', async () => {
    let inRounds = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            part: fc.nat(),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            token: fc.oneof(
              { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
              fc.string({ maxLength: 4 }),
            ),
            cut: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, fc.constant(true)),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (mutations) => {
          const texts = base.map((b) => b.text);
          for (const m of mutations) {
            const i = m.part % texts.length;
            const t = texts[i];
            const k = tagEndIn(t, m.at);
            texts[i] = m.cut ? t.slice(0, k) + t.slice(k + 40) : t.slice(0, k) + m.token + t.slice(k);
          }
          const data = zipParts(base.map((b, i) => ({ name: b.name, data: texts[i] })));
          const rounds = await sameInRounds(data, zipParts(cellPartsOnly(base, texts)));
          if (rounds > 1) inRounds++;
          else refused++;
        },
      ),
      { numRuns: 300, seed: 20_261_205, endOnFailure: true },
    );
    // Both sides are reached: files read in several rounds, and files refused.
    expect(inRounds).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(50);
  }, 600_000);
});

describe('the command line on a workbook read in rounds', () => {
  it('reports what analyseGrids reports on the grids read at once; a file failing in a later round is dropped whole', async () => {
    // Over the default round size: about 1.3 MB of worksheet XML in 20 sheets.
    const big = await saved(await writtenXlsx(stackedWorkbook(20, 3)));
    const zip = await JSZip.loadAsync(await fs.readFile(big));
    const broken: ZipPart[] = [];
    for (const f of Object.values(zip.files)) {
      if (f.dir) continue;
      let text = await f.async('string');
      // Two merged areas that overlap: exceljs refuses the sheet, the guard has nothing against it.
      if (f.name === 'xl/worksheets/sheet20.xml')
        text = text.replace(
          '<mergeCells',
          '<mergeCells><mergeCell ref="A1:C3"/><mergeCell ref="B2:D4"/></mergeCells><x',
        );
      broken.push({ name: f.name, data: text });
    }
    const bad = await saved(zipParts(broken));
    const r = await runCli(dir, 'check', '--format', 'json', path.basename(bad), path.basename(big));
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(path.basename(bad))]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as JsonReport;
    expect(doc.files.map((f) => [f.error !== undefined, f.tables.length])).toEqual([
      [true, 0],
      [false, 60],
    ]);
    // What the command printed before it read workbooks in rounds: all grids at once, analyseGrids.
    const grids = await readXlsx(big, { ...DEFAULT_LIMITS, roundBytes: Infinity });
    const { state, totals } = analyseGrids(grids, {
      lang: 'zh-CN',
      profile: 'auto',
      references: referenceLookup,
    });
    // The file that failed is in it too: named, and making the totals incomplete (SPEC §6).
    const expected = jsonReport(
      [
        { file: path.basename(bad), tables: [], findings: [], error: doc.files[0].error as string },
        { file: path.basename(big), tables: state.tables, findings: state.findings },
      ],
      totals,
      true,
    );
    expect(JSON.stringify(doc)).toBe(JSON.stringify(expected));
  }, 120_000);
});
