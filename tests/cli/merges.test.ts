/**
 * The reader has exceljs keep the merged areas it parsed instead of applying them (its check of each
 * area against all before it is quadratic) and applies them itself (src/cli/read-xlsx.ts sheetGrid).
 * These tests hold that to exceljs merging by itself: the same grids, or a refusal where exceljs
 * fails, on written workbooks, on hand-made sheets and on mutated ones.
 */

import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Grid } from '../../src/domain/grid';
import { applyMerges, loadXlsx, sheetGrid, XlsxReadError, type SheetBatch } from '../../src/cli/read-xlsx';
import { DEFAULT_LIMITS } from '../../src/cli/zip-guard';
import { stackedWorkbook } from '../../bench/workbooks';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { cellPartsOnly, tagEndIn, writtenXlsx, xlsxParts, xlsxTexts, zipParts } from '../fixtures/xlsx';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-merges-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let n = 0;
type Outcome = Grid[] | { error: string };

/** What the command line reads (merges applied by the reader), without the add-in's own marks. */
async function read(data: Buffer): Promise<Outcome> {
  const p = path.join(dir, `m${n++}.xlsx`);
  await fs.writeFile(p, data);
  const grids: Grid[] = [];
  const take = (b: SheetBatch): void => b.positions.forEach((at, i) => (grids[at] = b.grids[i]));
  try {
    take(await loadXlsx(p, { ...DEFAULT_LIMITS, roundBytes: Infinity }, take));
  } catch (err) {
    if (err instanceof XlsxReadError) return { error: err.code };
    throw err;
  }
  return grids.map(({ internal: _internal, ...g }) => g);
}

/** exceljs merging by itself, the grids made from its worksheets as before. */
async function byExceljs(data: Buffer): Promise<Outcome> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
    });
  } catch {
    return { error: 'corrupt' };
  }
  return wb.worksheets.map((ws) => sheetGrid(ws));
}

/**
 * The same grids as exceljs's merging, or a refusal where it fails; true when grids were compared.
 * Where exceljs refuses the file for a part that holds no cells and the command line reads it, the
 * grids are those exceljs reads with that part put back (`repaired`).
 */
async function same(data: Buffer, repaired?: Buffer): Promise<boolean> {
  const ours = await read(data);
  let theirs = await byExceljs(data);
  if ('error' in theirs && !('error' in ours) && repaired) theirs = await byExceljs(repaired);
  if ('error' in theirs) {
    expect(ours).toEqual({ error: 'corrupt' });
    return false;
  }
  // The guard's own limits refuse before exceljs is asked; nothing to compare then.
  if ('error' in ours && ours.error !== 'corrupt') return false;
  expect(ours).toStrictEqual(theirs);
  return true;
}

const sheet = (merges: string, extra = ''): string =>
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1"><v>5</v></c>' +
  `<c r="C1"><v>7</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>${extra}</sheetData>` +
  merges;

describe('merged areas applied by the reader are the ones exceljs applies', () => {
  it('written workbooks: the seed, the benchmark’s stacked tables', async () => {
    expect(await same(await writtenXlsx(seedStandardGrids()))).toBe(true);
    expect(await same(await writtenXlsx(stackedWorkbook(3, 4)))).toBe(true);
  });

  it.each([
    ['a value under a merge is dropped', '<mergeCells><mergeCell ref="A1:C1"/></mergeCells>'],
    ['corners swapped, absolute', '<mergeCells><mergeCell ref="$C$2:$A$1"/></mergeCells>'],
    ['one cell', '<mergeCells><mergeCell ref="B2"/><mergeCell ref="A1:A1"/></mergeCells>'],
    ['outside the cells', '<mergeCells><mergeCell ref="E5:F9"/></mergeCells>'],
    [
      'two lists',
      '<mergeCells><mergeCell ref="A1:B1"/></mergeCells><mergeCells><mergeCell ref="A2:B2"/></mergeCells>',
    ],
    ['overlapping', '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'],
    ['twice the same', '<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A1:B1"/></mergeCells>'],
    [
      'a one-cell merge inside another',
      '<mergeCells><mergeCell ref="A1:C2"/><mergeCell ref="B2"/></mergeCells>',
    ],
    ['no reference', '<mergeCells><mergeCell/><mergeCell ref="A1:B1"/></mergeCells>'],
    ['a reference with junk after it', '<mergeCells><mergeCell ref="A1:B2junk"/></mergeCells>'],
    [
      'a prefixed element exceljs does not know',
      '<mergeCells><x:mergeCell xmlns:x="urn:x" ref="A1:C1"/></mergeCells>',
    ],
  ])('%s', async (_, merges) => {
    await same(
      zipParts(
        xlsxParts([
          { name: 'S', body: sheet(merges) },
          { name: 'T', body: sheet('') },
        ]),
      ),
    );
  });

  it('sheets listed out of part order', async () => {
    const parts = xlsxParts([
      { name: 'A', body: sheet('<mergeCells><mergeCell ref="A1:C1"/></mergeCells>') },
      { name: 'B', body: sheet('<mergeCells><mergeCell ref="A2:B2"/></mergeCells>') },
    ]);
    const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = String(rels.data).replace(/sheet(\d)\.xml/g, (_, d: string) => `sheet${3 - Number(d)}.xml`);
    expect(await same(zipParts(parts))).toBe(true);
  });

  it('applyMerges: covered cells but the top-left one, areas in reading order', () => {
    const { merges, covered } = applyMerges([
      { top: 3, left: 1, bottom: 3, right: 2 },
      { top: 1, left: 2, bottom: 2, right: 2 },
      { top: 5, left: 5, bottom: 5, right: 5 },
    ]);
    expect(merges).toEqual([
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 2, left: 0, bottom: 2, right: 1 },
    ]);
    expect(covered.size).toBe(2);
    expect(() =>
      applyMerges([
        { top: 1, left: 1, bottom: 2, right: 2 },
        { top: 2, left: 2, bottom: 2, right: 2 },
      ]),
    ).toThrow(XlsxReadError);
  });
});

describe('mutated workbooks: the same grids as exceljs’s merging, or its refusal', () => {
  let base: { name: string; text: string }[];
  beforeAll(async () => {
    base = await xlsxTexts(await writtenXlsx(seedStandardGrids().slice(0, 3)));
  });

  const TOKENS = [
    '<mergeCell ref="A1:B2"/>',
    '<mergeCell ref="C5"/>',
    '<mergeCell ref="D9:B7"/>',
    '<mergeCell/>',
    '<mergeCells><mergeCell ref="H1:J3"/></mergeCells>',
    '<c r="B3"><v>1</v></c>',
    '<row r="4"><c r="C4" t="inlineStr"><is><t>旧值</t></is></c></row>',
    '<sheet name="重复" sheetId="1" r:id="rId2"/>',
  ];

  it('200 of them', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            part: fc.nat(),
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            token: fc.constantFrom(...TOKENS),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        async (mutations) => {
          const texts = base.map((b) => b.text);
          for (const m of mutations) {
            // Mostly into the worksheets, where the merges are.
            const sheets = texts
              .map((_, i) => i)
              .filter((i) => base[i].name.startsWith('xl/worksheets/sheet'));
            const i = m.part % 4 === 0 ? m.part % texts.length : sheets[m.part % sheets.length];
            const t = texts[i];
            const k = tagEndIn(t, m.at);
            texts[i] = t.slice(0, k) + m.token + t.slice(k);
          }
          const data = zipParts(base.map((b, i) => ({ name: b.name, data: texts[i] })));
          if (await same(data, zipParts(cellPartsOnly(base, texts)))) compared++;
        },
      ),
      { numRuns: 200, seed: 20_261_206, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(50);
  }, 600_000);
});
