/**
 * SPEC §8 with Excel as strict as it is: collection items loaded without their id are addressed by
 * their position (the simulator's default, as Office.js does), so deleting several conditional
 * formats in one batch shifts the positions of the rest. Whatever the order in which the user adds
 * rules of their own, edits cells, and presses 校验 and 清除标记, every rule of the user's stays
 * exactly as it was — range, formula, fill, and its order among the user's other rules.
 */

import fc from 'fast-check';
import { toA1 } from '../../../src/domain/address';
import { isOwnedFormula } from '../../../src/domain/marks';
import type { SimWorkbook } from '../../../src/sim';
import { SEED_TABLES } from '../../fixtures/seed-data';
import { templateGrid } from '../../fixtures/table-builder';
import { open } from '../sim-workbooks';

const SHEETS = SEED_TABLES.slice(0, 2).map((t, i) => ({ sheet: `项目${i + 1}`, table: t }));

const colour = fc
  .integer({ min: 0, max: 0xffffff })
  .map((n) => `#${n.toString(16).padStart(6, '0').toUpperCase()}`);

type Step =
  | { kind: 'validate' }
  | { kind: 'clear' }
  | { kind: 'rule'; sheet: number; row: number; col: number; formula: string; fill: string }
  | { kind: 'edit'; sheet: number; cell: string; value: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'validate' }),
  fc.constant<Step>({ kind: 'clear' }),
  fc.record({
    kind: fc.constant('rule' as const),
    sheet: fc.integer({ min: 0, max: SHEETS.length - 1 }),
    row: fc.integer({ min: 0, max: 16 }),
    col: fc.integer({ min: 0, max: 6 }),
    formula: fc.constantFrom('=TRUE', '=LEN(A1)>0', '=ISNUMBER(A1)', '=A1=""'),
    fill: colour,
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    sheet: fc.integer({ min: 0, max: SHEETS.length - 1 }),
    // A 指标值 and a plan cell: findings come and go, so marks are added and deleted.
    cell: fc.constantFrom('F10', 'F11', 'B7', 'C7'),
    value: fc.constantFrom('≤20万元', '90%', '≥90%', '120', '30', ''),
  }),
);

/** The user's own rules on each sheet, in priority order. */
function userRules(sim: SimWorkbook): string[][] {
  return SHEETS.map(({ sheet }) =>
    sim
      .conditionalFormats(sheet)
      .filter((cf) => !isOwnedFormula(cf.formula))
      .map((cf) => `${cf.range} ${cf.formula} ${cf.fill ?? ''}`),
  );
}

async function addRule(sim: SimWorkbook, s: Extract<Step, { kind: 'rule' }>): Promise<void> {
  await sim.excel.run(async (ctx) => {
    const cf = ctx.workbook.worksheets
      .getItem(SHEETS[s.sheet].sheet)
      .getRange(`${toA1(s.row, s.col)}:${toA1(s.row + 1, s.col + 1)}`)
      .conditionalFormats.add('Custom');
    cf.custom.rule.formula = s.formula;
    cf.custom.format.fill.color = s.fill;
    await ctx.sync();
  });
}

describe("the user's own conditional formats, interleaved with the add-in's", () => {
  test('are never deleted or changed by 校验 or 清除标记, on items addressed by position', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const { sim, bench } = await open(SHEETS.map(({ sheet, table }) => templateGrid(sheet, table)));
        expect(sim.indexAddressing).toBe(true);
        // Rules the add-in owns first, so that the user's come between them later.
        await bench.validate();
        const expected: string[][] = SHEETS.map(() => []);
        for (const s of steps) {
          if (s.kind === 'validate') await bench.validate();
          else if (s.kind === 'clear') await bench.clearHighlights();
          else if (s.kind === 'edit') sim.setValue(SHEETS[s.sheet].sheet, s.cell, s.value);
          else {
            await addRule(sim, s);
            // Excel puts a new rule first.
            expected[s.sheet].unshift(
              `${toA1(s.row, s.col)}:${toA1(s.row + 1, s.col + 1)} ${s.formula} ${s.fill}`,
            );
          }
          expect(userRules(sim)).toEqual(expected);
        }
        await bench.validate();
        await bench.clearHighlights();
        expect(userRules(sim)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
