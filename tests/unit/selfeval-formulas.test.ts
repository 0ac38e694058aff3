/**
 * The generated 自评表's formulas, evaluated by the simulator, against the domain's scores on the
 * same inputs (SPEC §12: the Excel formulas and the TypeScript must agree), on random targets and
 * random year-end figures: numbers bare or with the unit, other units, words, blanks, negatives.
 */

import Big from 'big.js';
import fc from 'fast-check';
import { parseA1 } from '../../src/domain/address';
import type { Grid, GridCell } from '../../src/domain/grid';
import { readGrid } from '../../src/domain/reader';
import {
  buildSelfEvalSheet,
  evaluateSelf,
  QUALITATIVE_GRADES,
  selfEvalGrid,
  UNSCORABLE,
} from '../../src/domain/selfeval';
import { SimWorkbook } from '../../src/sim';
import { templateGrid, type IndicatorInput } from '../fixtures/table-builder';

const LEVELS = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['效果指标', '社会效益指标'],
  ['满意度指标', '服务对象满意度指标'],
] as const;
const UNITS = ['%', '人', '次', '天', '万元', ''];
const COMPARATORS = ['≥', '≤', '＝', '>', '<', ''];

const decimal = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom(0, 1, 2))
  .map(([n, d]) => new Big(n).div(10 ** d).toFixed());

const target = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...COMPARATORS), decimal, fc.constantFrom(...UNITS)) },
  { weight: 1, arbitrary: fc.constant(['', '按期完成', ''] as [string, string, string]) },
);

const indicator = fc.tuple(fc.integer({ min: 0, max: 3 }), target);

interface Row {
  value: string;
  unit: string;
  qualitative: boolean;
}

/** What a person might type as the actual value of a target in `unit`. */
function actualFor(row: Row): fc.Arbitrary<string | number | null> {
  if (row.qualitative) return fc.constantFrom(null, ...QUALITATIVE_GRADES.map((g) => g.text));
  const signed = fc.tuple(fc.boolean(), decimal).map(([neg, d]) => (neg && d !== '0' ? `-${d}` : d));
  return fc.oneof(
    { weight: 4, arbitrary: decimal.map((d) => `${d}${row.unit}`) },
    { weight: 3, arbitrary: decimal },
    { weight: 1, arbitrary: signed },
    { weight: 1, arbitrary: decimal.map((d) => `≥${d}${row.unit}`) },
    { weight: 1, arbitrary: decimal.map((d) => `${d}${row.unit === '人' ? '次' : '人'}`) },
    { weight: 1, arbitrary: decimal.map((d) => `${d}%`) },
    { weight: 1, arbitrary: fc.constantFrom(null, '已完成', ' ') },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 300 }) },
  );
}

const scenario = fc.array(indicator, { minLength: 1, maxLength: 8 }).chain((rows) => {
  const inputs: IndicatorInput[] = rows.map(([level, [cmp, n, unit]], k) => ({
    level1: LEVELS[level]?.[0],
    level2: LEVELS[level]?.[1],
    name: `指标${k + 1}`,
    value: `${cmp}${n}${unit}`,
  }));
  const parsed: Row[] = rows.map(([, [, n, unit]]) => ({ value: n, unit, qualitative: n === '按期完成' }));
  return fc.record({
    inputs: fc.constant(inputs),
    rows: fc.constant(parsed),
    actuals: fc.tuple(...parsed.map(actualFor)),
    scores: fc.array(fc.integer({ min: 0, max: 100 }), {
      minLength: parsed.length,
      maxLength: parsed.length,
    }),
    budget: fc.option(
      fc.integer({ min: 0, max: 100000 }).map((n) => n / 100),
      { nil: null },
    ),
    executed: fc.option(
      fc.integer({ min: -100, max: 200000 }).map((n) => n / 100),
      { nil: null },
    ),
  });
});

function put(grid: Grid, address: string, cell: GridCell): void {
  const { row, col } = parseA1(address);
  const r = (grid.cells[row] ??= []);
  r[col] = cell;
}

const asText = (v: string | number | boolean | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

describe('the 自评表 formulas agree with the domain', () => {
  let compared = 0;
  /** Builds the sheet of `s`, lets the simulator compute it, and compares every score with the domain's. */
  function agree(s: Scenario): void {
    const [target] = readGrid(
      templateGrid('目标', { name: '测试项目', total: 10, fiscal: 10, indicators: s.inputs }),
    );
    if (!target) throw new Error('no target table');
    const spec = buildSelfEvalSheet(target, { year: 2024 });
    const grid = selfEvalGrid(spec, '自评');
    const { cellsOf } = spec;
    if (s.budget !== null) put(grid, cellsOf.yearBudget, { value: s.budget, numberFormat: '0.00' });
    if (s.executed !== null) put(grid, cellsOf.executed, { value: s.executed, numberFormat: '0.00' });
    cellsOf.rows.forEach((row, k) => {
      const actual = s.actuals[k];
      if (actual !== null && actual !== undefined)
        put(grid, row.actual, { value: actual, numberFormat: '@' });
      if (row.qualitative && actual !== null) {
        const weight = new Big(String(grid.cells[parseA1(row.weight).row]?.[parseA1(row.weight).col]?.value));
        // A typed score within 0 … 分值 (the rule judges the grade's range).
        const score = weight
          .times(s.scores[k] ?? 0)
          .div(100)
          .round(2, Big.roundDown)
          .toNumber();
        put(grid, row.score, { value: score, numberFormat: '0.00' });
      }
    });
    const sim = SimWorkbook.fromGrids([grid]);
    const computed = sim.toGrid('自评');
    const [table] = readGrid(computed);
    if (!table) throw new Error('the generated sheet was not read');
    const evaluation = evaluateSelf(table);
    const shown = (address: string): string => asText(sim.getCell('自评', address).value);
    const expectScore = (address: string, score: Big | undefined): void => {
      const v = sim.getCell('自评', address).value;
      if (score === undefined) expect(typeof v === 'number' ? `number ${v}` : 'no score').toBe('no score');
      else
        expect(typeof v === 'number' ? new Big(v).toFixed(2) : `text “${asText(v)}”`).toBe(score.toFixed(2));
      compared++;
    };
    evaluation.indicators.forEach((ind, k) => {
      const row = cellsOf.rows[k];
      if (!row || row.qualitative) return;
      expectScore(row.score, ind.score);
      if (ind.score === undefined && ind.actual.kind !== 'empty') expect(shown(row.score)).toBe(UNSCORABLE);
    });
    expectScore(cellsOf.fundsScore, evaluation.funds?.score);
    expectScore(cellsOf.total, evaluation.total);
    expect(shown(cellsOf.grade)).toBe(evaluation.grade ?? '');
    expect(new Big(Number(sim.getCell('自评', cellsOf.weights).value)).toFixed(2)).toBe(
      evaluation.weights.toFixed(2),
    );
  }

  test('on random targets and year-end figures', () => {
    compared = 0;
    fc.assert(fc.property(scenario, agree), { numRuns: Number(process.env.SELFEVAL_RUNS ?? 600) });
    expect(compared).toBeGreaterThan(2500);
  }, 120000);

  test('on a score the binary arithmetic puts a hair below a cents boundary', () => {
    // (1 − (19.19 − 10) ÷ 10) × 5 is 0.405 exactly, 0.40499999999999925 in binary: 0.41 both ways.
    agree({
      inputs: [
        { level1: '满意度指标', level2: '服务对象满意度指标', name: '投诉人数', value: '≤10人' },
        { level1: '满意度指标', level2: '服务对象满意度指标', name: '指标2', value: '≥95%' },
      ],
      rows: [
        { value: '10', unit: '人', qualitative: false },
        { value: '95', unit: '%', qualitative: false },
      ],
      actuals: ['19.19', '96%'],
      scores: [0, 0],
      budget: null,
      executed: null,
    });
  });
});
