/**
 * SPEC §8 as properties, on the simulator: whatever the user formatted, 校验 and 清除标记 leave every
 * cell's own format as it was; 插入模板 never changes a cell that holds something, whatever the
 * workbook holds and whatever the project is called; a fix changes exactly its own cell, and its
 * undo restores the workbook exactly.
 */

import fc from 'fast-check';
import { toA1 } from '../../../src/domain/address';
import type { Grid } from '../../../src/domain/grid';
import { LIST_SHEET, SUMMARY_SHEET } from '../../../src/domain/layout';
import type { SimWorkbook } from '../../../src/sim';
import { SEED_TABLES } from '../../fixtures/seed-data';
import { templateGrid } from '../../fixtures/table-builder';
import { cell as anyCell, HOSTILE_TEXT, LABELS, VALUES } from '../../domain/hostile/arbitraries';
import { open, snapshot } from '../sim-workbooks';

/** Each cell as the user left it: content and own formats, without what Excel computes for display. */
function contents(sim: SimWorkbook, sheets = sim.sheetNames()): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, view] of Object.entries(snapshot(sim, sheets))) {
    const { fill: _fill, fontColor: _fontColor, text: _text, ...own } = view as Record<string, unknown>;
    if ('formula' in own) delete own.value;
    out.set(key, JSON.stringify(own));
  }
  return out;
}

/** A snapshot without the displayed fill, which conditional formats may colour: the cells' own format. */
function ownFormats(snap: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snap).map(([k, v]) => [k, { ...(v as object), fill: undefined }]));
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

const colour = fc
  .integer({ min: 0, max: 0xffffff })
  .map((n) => `#${n.toString(16).padStart(6, '0').toUpperCase()}`);

/** What a user does to a cell's look. */
const ownFormat = fc.record(
  {
    fill: colour,
    fontColor: colour,
    bold: fc.boolean(),
    italic: fc.boolean(),
    wrap: fc.boolean(),
    horizontal: fc.constantFrom('Left', 'Center', 'Right'),
    border: fc.constantFrom('Continuous', 'Double', 'Dash'),
    numberFormat: fc.constantFrom('0.00', '0', '#,##0.00', '@', 'General', '0.00%'),
  },
  { requiredKeys: [] },
);

type OwnFormat = typeof ownFormat extends fc.Arbitrary<infer T> ? T : never;

const formatted = fc.record({
  row: fc.integer({ min: 0, max: 16 }),
  col: fc.integer({ min: 0, max: 7 }),
  format: ownFormat,
});

/** A user's own conditional format over some cells. */
const userRule = fc.record({
  row: fc.integer({ min: 0, max: 16 }),
  col: fc.integer({ min: 0, max: 6 }),
  formula: fc.constantFrom('=TRUE', '=LEN(A1)>0', '=ISNUMBER(A1)', '=A1=""'),
  fill: colour,
});

const SHEETS = SEED_TABLES.slice(0, 3).map((t, i) => ({ sheet: `项目${i + 1}`, table: t }));

async function formatCells(
  sim: SimWorkbook,
  sheet: string,
  cells: {
    row: number;
    col: number;
    format: OwnFormat;
  }[],
  rules: { row: number; col: number; formula: string; fill: string }[],
): Promise<void> {
  await sim.excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const { row, col, format } of cells) {
      const range = ws.getRange(toA1(row, col));
      if (format.fill) range.format.fill.color = format.fill;
      if (format.fontColor) range.format.font.color = format.fontColor;
      if (format.bold !== undefined) range.format.font.bold = format.bold;
      if (format.italic !== undefined) range.format.font.italic = format.italic;
      if (format.wrap !== undefined) range.format.wrapText = format.wrap;
      if (format.horizontal) range.format.horizontalAlignment = format.horizontal;
      if (format.border) range.format.borders.getItem('EdgeBottom').style = format.border;
      if (format.numberFormat) range.numberFormat = [[format.numberFormat]];
    }
    for (const rule of rules) {
      const cf = ws
        .getRange(`${toA1(rule.row, rule.col)}:${toA1(rule.row + 2, rule.col + 1)}`)
        .conditionalFormats.add('Custom');
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = rule.fill;
    }
    await ctx.sync();
  });
}

describe('校验 then 清除标记', () => {
  test("leave every cell's own format, and the user's own conditional formats, as they were", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: SHEETS.length - 1 }), formatted), { maxLength: 25 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: SHEETS.length - 1 }), userRule), { maxLength: 3 }),
        async (cells, rules) => {
          const { sim, bench } = await open(SHEETS.map(({ sheet, table }) => templateGrid(sheet, table)));
          for (const [i, { sheet }] of SHEETS.entries())
            await formatCells(
              sim,
              sheet,
              cells.filter(([s]) => s === i).map(([, c]) => c),
              rules.filter(([s]) => s === i).map(([, r]) => r),
            );
          const own = contents(sim);
          const shown = snapshot(sim);
          const userRules = SHEETS.map(({ sheet }) => sim.conditionalFormats(sheet));

          const state = await bench.validate();
          expect(changed(own, contents(sim))).toEqual([]);
          // The marks are there: a finding of the validated tables shows its colour.
          const marked = state.findings.find((f) => f.severity !== 'info');
          if (marked) expect(sim.getCell(marked.sheet, marked.cell).fill).not.toBeNull();

          await bench.clearHighlights();
          // Every cell's own format is as it was. What may still colour a cell is the user's rules,
          // untouched, and the template's own rules, which 校验 restores on a template-made table
          // and 清除标记 leaves, like its borders (SPEC §8); no mark of 校验 stays.
          expect(ownFormats(snapshot(sim))).toEqual(ownFormats(shown));
          for (const [i, { sheet }] of SHEETS.entries()) {
            const left = sim.conditionalFormats(sheet);
            expect(left).toEqual(expect.arrayContaining(userRules[i]!));
            expect(left.every((cf) => !cf.formula.includes('perf-targets|'))).toBe(true);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});

/** A sheet name as users and other tools make them, colliding with what the add-in would choose. */
const sheetName = fc.oneof(
  fc.constantFrom(
    'Sheet1',
    SUMMARY_SHEET,
    LIST_SHEET,
    '新项目',
    '新项目 (2)',
    '群众工作中心运行',
    "O'Brien",
    '=1+1',
    'A1',
  ),
  // Excel refuses []:*?/\ in a sheet name, an apostrophe at either end, and History.
  fc
    .string({ minLength: 1, maxLength: 31 })
    .filter((s) => !/[[\]:*?/\\]|^'|'$/.test(s) && s.toLowerCase() !== 'history'),
);

const userSheet = fc.record({
  sheet: sheetName,
  cells: fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 12 }),
  top: fc.integer({ min: 0, max: 5 }),
  left: fc.integer({ min: 0, max: 3 }),
});

const projectName = fc.oneof(
  fc.constantFrom(
    '新项目',
    '群众工作中心运行',
    SUMMARY_SHEET,
    LIST_SHEET,
    'History',
    "'引号'",
    '',
    '   ',
    'a'.repeat(40),
    '项目[2025]/一期:*?',
    ...HOSTILE_TEXT,
  ),
  fc.constantFrom(...LABELS, ...VALUES),
  fc.string({ maxLength: 40 }),
);

describe('插入模板', () => {
  test('never changes a cell that holds something, nor renames or removes a sheet', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(userSheet, { minLength: 1, maxLength: 4, selector: (s) => s.sheet.toLowerCase() }),
        projectName,
        fc.boolean(),
        async (sheets, name, twice) => {
          const grids: Grid[] = sheets.map((s) => ({ ...s, merges: [] }));
          const { sim, bench } = await open(grids);
          const names = sim.sheetNames();
          const before = contents(sim);
          const filled = [...before.keys()].filter((k) => {
            const [sheet, address] = [k.slice(0, k.lastIndexOf('!')), k.slice(k.lastIndexOf('!') + 1)];
            return sim.getCell(sheet, address).value !== null;
          });

          const options = {
            profile: 'hebei-2019' as const,
            unitCode: '207002',
            unitName: '某单位',
            projectName: name,
          };
          const made = [(await bench.insertTemplate(options)).sheet];
          if (twice) made.push((await bench.insertTemplate(options)).sheet);

          expect(sim.sheetNames()).toEqual(expect.arrayContaining(names));
          for (const sheet of made) expect(names).not.toContain(sheet);
          expect(new Set(made).size).toBe(made.length);
          const after = contents(sim, names);
          expect(filled.filter((k) => before.get(k) !== after.get(k))).toEqual([]);
        },
      ),
      {
        numRuns: 25,
        examples: [
          [[{ sheet: LIST_SHEET, cells: [[{ value: '我的数据' }]], top: 0, left: 0 }], '新项目', true],
          [[{ sheet: '新项目', cells: [[{ value: 1 }]], top: 2, left: 2 }], 'History', false],
        ],
      },
    );
  }, 60_000);
});

/** Values that draw a fix: no comparator, not canonical, a formula, a blank plan period. */
const fixable = fc.record({
  values: fc.array(fc.constantFrom('90%', '≥ 90 %', '>=95%', '不低于90%', '100 %', '≤20 次', '30天', null), {
    minLength: 6,
    maxLength: 6,
  }),
  formula: fc.boolean(),
  planBlank: fc.integer({ min: -1, max: 2 }),
  pick: fc.nat(),
});

describe('a fix', () => {
  test('changes exactly its own cell, and its undo gives back the workbook as it was', async () => {
    await fc.assert(
      fc.asyncProperty(fixable, async ({ values, formula, planBlank, pick }) => {
        const seed = SEED_TABLES[0];
        const indicators = (seed.indicators ?? []).map((ind, i) => ({
          ...ind,
          value:
            i === 0 && formula ? { value: 0.9, formula: '=90%' } : (values[i % values.length] ?? ind.value),
        }));
        const plan = (seed.plan ?? []).map((p, i) => (i === planBlank ? null : p));
        const { sim, bench } = await open([templateGrid('项目', { ...seed, indicators, plan })]);
        await bench.validate();
        const state = await bench.refresh();
        const fixes = state.findings.filter((f) => f.fix);
        fc.pre(fixes.length > 0);
        const finding = fixes[pick % fixes.length];

        const own = contents(sim);
        const shown = snapshot(sim);
        const applied = await bench.applyFix(finding);
        expect(changed(own, contents(sim))).toEqual([`项目!${finding.fix!.cell}`]);
        const cell = sim.getCell('项目', finding.fix!.cell);
        expect(cell.value).toBe(finding.fix!.value);
        expect(cell.formula).toBeUndefined();

        expect(await bench.undoFix(applied)).toBe('undone');
        expect(snapshot(sim)).toEqual(shown);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

/** What a cell may hold before a fix is written into it. */
const before = fc.constantFrom<{
  input: { value: string | number | null; formula?: string };
  numberFormat: string;
}>(
  { input: { value: 75 }, numberFormat: 'General' },
  { input: { value: 0.75 }, numberFormat: '0.00%' },
  { input: { value: '75%' }, numberFormat: '@' },
  { input: { value: null }, numberFormat: '@' },
  { input: { value: null }, numberFormat: 'General' },
  { input: { value: 1, formula: '=100%' }, numberFormat: 'General' },
  { input: { value: 1, formula: '=100%' }, numberFormat: '@' },
  { input: { value: 2, formula: '=1+1' }, numberFormat: '0.00' },
);

/** Fix values, among them text Excel would turn into a number, a date, a boolean or a formula. */
const fixValue = fc.oneof(
  fc.constantFrom(
    '≥75%',
    '＝100%',
    '1/2',
    '20%',
    '0012',
    '=1+1',
    '+1',
    '-1',
    '@x',
    'TRUE',
    '2024-01-01',
    ' 12 ',
    '75',
  ),
  fc.integer({ min: -5, max: 100 }),
);

describe('any fix written into any cell', () => {
  test('holds exactly the fix, as typed, touches nothing else, and its undo restores the cell', async () => {
    await fc.assert(
      fc.asyncProperty(before, fixValue, async ({ input, numberFormat }, value) => {
        const grid: Grid = {
          sheet: '表',
          top: 0,
          left: 0,
          cells: [[{ value: '旁边' }, { ...input, numberFormat }, { value: 3 }]],
          merges: [],
        };
        const { sim, bench } = await open([grid]);
        const own = contents(sim);
        const shown = snapshot(sim);
        const finding = {
          rule: 'indicator/nonstandard-text',
          severity: 'info' as const,
          sheet: '表',
          cell: 'B1',
          message: '',
          messageId: 'nonstandard',
          data: {},
          fix: { sheet: '表', cell: 'B1', value },
        };
        const applied = await bench.applyFix(finding);
        // Only B1 changes; it may not change at all when it already held the fix.
        expect(changed(own, contents(sim)).filter((key) => key !== '表!B1')).toEqual([]);
        expect(sim.getCell('表', 'B1')).toMatchObject({ value });
        expect(sim.getCell('表', 'B1').formula).toBeUndefined();
        expect(await bench.undoFix(applied)).toBe('undone');
        expect(snapshot(sim)).toEqual(shown);
      }),
      {
        numRuns: 40,
        examples: [
          [{ input: { value: 2, formula: '=1+1' }, numberFormat: '0.00' }, '1/2'],
          [{ input: { value: 1, formula: '=100%' }, numberFormat: '@' }, '＝100%'],
        ],
      },
    );
  }, 60_000);
});
