import { readGrid, readWorkbook } from '../../../src/domain/reader';
import { buildSelfEvalSheet, evaluateSelf, selfEvalGrid } from '../../../src/domain/selfeval';
import { SEED_TABLES } from '../../fixtures/seed-data';
import { templateGrid } from '../../fixtures/table-builder';

const targets = readWorkbook(SEED_TABLES.map((t, i) => templateGrid(`项目${i + 1}`, t)));

describe('the generated 自评表 read back', () => {
  test.each(targets.map((t, i) => [i, t] as const))('seed table %i', (_, target) => {
    const spec = buildSelfEvalSheet(target, { year: 2024 });
    const [table] = readGrid(selfEvalGrid(spec, '自评'));
    expect(table?.form).toBe('selfEval');
    expect(table?.name?.text).toBe(target.name?.text);
    expect(table?.indicators.map((i) => i.name.text)).toEqual(
      target.indicators.filter((i) => i.name.text !== '').map((i) => i.name.text),
    );
    expect(table?.indicators.map((i) => i.actual?.cell)).toEqual(spec.cellsOf.rows.map((r) => r.actual));
    expect(table?.indicators.map((i) => i.weight?.cell)).toEqual(spec.cellsOf.rows.map((r) => r.weight));
    expect(table?.indicators.map((i) => i.score?.cell)).toEqual(spec.cellsOf.rows.map((r) => r.score));
    expect(table?.indicators.map((i) => i.deviation?.cell)).toEqual(
      spec.cellsOf.rows.map((r) => r.deviation),
    );
    expect(table?.funds?.[0]?.cells.executed?.cell).toBe(spec.cellsOf.executed);
    expect(table?.goal?.text).toBe(target.goal?.text);
    // Excel keeps a formula written into a text-formatted cell as text.
    expect(spec.cells.filter((c) => c.formula && c.numberFormat === '@')).toEqual([]);
    // Every input is unlocked; every formula is locked.
    const inputs = [
      spec.cellsOf.yearBudget,
      spec.cellsOf.executed,
      ...spec.cellsOf.rows.map((r) => r.actual),
    ];
    const at = (a: string) => spec.cells.find((c) => `${String.fromCharCode(65 + c.col)}${c.row + 1}` === a);
    expect(inputs.map((a) => at(a)?.locked)).toEqual(inputs.map(() => false));
    expect(spec.cells.filter((c) => c.formula && !c.locked)).toEqual([]);
    const evaluation = evaluateSelf(table!);
    expect(evaluation.weights.toFixed(2)).toBe('100.00');
    expect(evaluation.total).toBeUndefined();
  });
});
