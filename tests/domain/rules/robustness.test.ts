import fc from 'fast-check';
import { parseA1 } from '../../../src/domain/address';
import type { GridCell } from '../../../src/domain/grid';
import { readGrid } from '../../../src/domain/reader';
import { validateTables } from '../../../src/domain/validate';
import { computeTotals, totalsView } from '../../../src/domain/totals';
import { templateGrid, type CellInput } from '../../fixtures/table-builder';
import { corruptedGood } from './rule-tester';

/** What lands in cells in real life: text of every sort, numbers, error values, dates, booleans, formulas. */
const cellInput: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }).filter((s) => !s.includes('{')),
  fc.constantFrom(
    '≥90%',
    '75%',
    '≤20万元',
    '=100%',
    '十万元',
    '10万',
    '1,000.50',
    '２０％',
    '  ',
    '292%',
    '及时',
    '2023.07-2024.01',
  ),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.constantFrom<GridCell>(
    { value: '#REF!', error: true },
    { value: 45000, date: true },
    { value: true },
    { value: 0.2, numberFormat: '0.00%' },
    { value: 1, formula: '=100%' },
    { value: null, formula: '=A1' },
  ),
  fc.constant('很长的文字'.repeat(2000)),
);

describe('odd input never crashes the rules or the totals', () => {
  test('random content in every input cell', () => {
    fc.assert(
      fc.property(corruptedGood(cellInput), (table) => {
        const tables = readGrid(templateGrid('随机', table));
        for (const lang of ['zh-CN', 'en-US'] as const) {
          for (const f of validateTables(tables, { lang })) {
            expect(() => parseA1(f.cell)).not.toThrow();
            // Cell text may hold anything; the message's own placeholders are all filled.
            expect(f.message).not.toMatch(/^rules\.|\{\{[a-zA-Z]+\}\}/);
            if (f.fix) expect(() => parseA1(f.fix!.cell)).not.toThrow();
          }
        }
        const view = totalsView(computeTotals(tables));
        for (const amount of [view.total, ...view.planned])
          if (amount === null) expect(view.incomplete.length).toBeGreaterThan(0);
          else expect(amount).toMatch(/^-?\d+\.\d\d$/);
      }),
      { numRuns: 80 },
    );
  });
});
