/**
 * SPEC §6: totals are exact. Random amounts with two decimals, typed as numbers or as text, in 万元
 * or in 元, with random spending plans, give exactly the sums that integer arithmetic gives — no
 * binary floating-point drift anywhere, and the printed two decimals rounded half up only at the end.
 */

import type Big from 'big.js';
import fc from 'fast-check';
import { readWorkbook } from '../../../src/domain/reader';
import { computeTotals, totalsView } from '../../../src/domain/totals';
import { GOOD } from '../rules/rule-tester';
import { stackedGrid, templateGrid, type CellInput } from '../../fixtures/table-builder';

/** Exact decimals as scaled integers: `value / 10^scale`. */
interface Exact {
  value: bigint;
  scale: number;
}

function exactString({ value, scale }: Exact): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Two decimals, half up, as formatWan promises (the amounts here are never negative). */
function printed({ value, scale }: Exact): string {
  const step = 10n ** BigInt(scale - 2);
  const cents = ((value + step / 2n) / step).toString().padStart(3, '0');
  return `${cents.slice(0, -2)}.${cents.slice(-2)}`;
}

const sum = (xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

/** An amount in cents, typed the ways people type it. */
function typed(cents: bigint, as: 'number' | 'text' | 'grouped' | 'fullwidth'): CellInput {
  const text = exactString({ value: cents, scale: 2 });
  switch (as) {
    case 'number':
      return Number(text);
    case 'text':
      return (Number(cents) / 100).toFixed(2);
    case 'grouped':
      return (Number(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    case 'fullwidth':
      return text.replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  }
}

const typing = fc.constantFrom('number', 'text', 'grouped', 'fullwidth') as fc.Arbitrary<
  'number' | 'text' | 'grouped' | 'fullwidth'
>;

/** Cumulative plan in hundredths of a percent (2050 = 20.50 %), some periods blank. */
const plan = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 })
  .map((xs) => [...xs].sort((a, b) => a - b))
  .chain((xs) =>
    fc
      .array(fc.boolean(), { minLength: 4, maxLength: 4 })
      .map((blank) => xs.map((x, i): number | null => (blank[i] ? null : x))),
  );

const project = fc.record({
  // Up to 99 亿 (in 万元, or that many 元 for tables in 元): well past 2^53 hundredths of a cent.
  fiscal: fc.bigInt({ min: 0n, max: 99_999_999_999n }),
  other: fc.bigInt({ min: 0n, max: 99_999_999n }),
  typing,
  plan,
  yuan: fc.boolean(),
});

describe('totals', () => {
  test('are the exact sums of the amounts typed, whatever their size or how they were typed', () => {
    fc.assert(
      fc.property(fc.array(project, { minLength: 1, maxLength: 12 }), fc.boolean(), (projects, oneSheet) => {
        const inputs = projects.map((p, i) => ({
          ...GOOD,
          code: `P-${i}`,
          total: typed(p.fiscal + p.other, p.typing),
          fiscal: typed(p.fiscal, p.typing),
          other: typed(p.other, p.typing),
          plan: p.plan.map((pct) =>
            pct === null ? null : Number(exactString({ value: BigInt(pct), scale: 2 })),
          ),
        }));
        const grids = oneSheet
          ? [stackedGrid('全部', inputs)]
          : inputs.map((input, i) => templateGrid(`项目${i + 1}`, input));
        // The template says 单位：万元 once per table, in the order the tables come.
        let table = 0;
        for (const g of grids)
          for (const row of g.cells)
            row.forEach((c, k) => {
              if (c?.value !== '单位：万元') return;
              if (projects[table++].yuan) row[k] = { ...c, value: '单位：元' };
            });
        const tables = readWorkbook(grids);
        expect(tables.map((t) => t.moneyScale)).toEqual(projects.map((p) => (p.yuan ? 0.0001 : 1)));

        // Everything in units of 10^-12 万元: a cent of a 元 table is 10^-6 万元, and a plan of
        // hundredths of a percent takes four more decimals.
        const SCALE = 12;
        const inWan = (cents: bigint, yuan: boolean): bigint => cents * (yuan ? 10n ** 6n : 10n ** 10n);
        const total = projects.map((p) => inWan(p.fiscal + p.other, p.yuan));
        const fiscal = projects.map((p) => inWan(p.fiscal, p.yuan));
        const other = projects.map((p) => inWan(p.other, p.yuan));
        const planned = projects.map((p, i) => {
          let carried = 0n;
          return p.plan.map((pct) => {
            if (pct !== null) carried = (total[i] * BigInt(pct)) / 10_000n;
            return carried;
          });
        });

        const totals = computeTotals(tables);
        const exact = (value: bigint): string => exactString({ value, scale: SCALE });
        expect(totals.incomplete).toEqual([]);
        const read = (b: Big | null): Big => {
          if (b === null) throw new Error('an amount of a complete table was not read');
          return b;
        };
        expect(read(totals.total).toFixed()).toBe(exact(sum(total)));
        expect(read(totals.fiscal).toFixed()).toBe(exact(sum(fiscal)));
        expect(read(totals.other).toFixed()).toBe(exact(sum(other)));
        expect(read(totals.fiscal).plus(read(totals.other)).eq(read(totals.total))).toBe(true);
        totals.planned.forEach((b, k) =>
          expect(read(b).toFixed()).toBe(exact(sum(planned.map((p) => p[k])))),
        );
        totals.tables.forEach((row, i) => {
          expect(read(row.total).toFixed()).toBe(exact(total[i]));
          row.planned.forEach((b, k) => expect(read(b).toFixed()).toBe(exact(planned[i][k])));
        });

        const view = totalsView(totals);
        expect(view.total).toBe(printed({ value: sum(total), scale: SCALE }));
        view.planned.forEach((p, k) =>
          expect(p).toBe(printed({ value: sum(planned.map((row) => row[k])), scale: SCALE })),
        );
        expect(view.projects.map((p) => p.fiscal)).toEqual(
          fiscal.map((value) => printed({ value, scale: SCALE })),
        );
      }),
      { numRuns: 60 },
    );
  });
});
