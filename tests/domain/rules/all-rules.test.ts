import { readGrid } from '../../../src/domain/reader';
import { RULES } from '../../../src/domain/rules';
import { validateTables } from '../../../src/domain/validate';
import { templateGrid } from '../../fixtures/table-builder';
import { findingsOf, GOOD } from './rule-tester';

describe('the rule set', () => {
  test('ids are unique and every rule of SPEC §4 is present', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'table/missing-field',
      'table/duplicate-code',
      'budget/not-number',
      'budget/negative',
      'budget/sum-mismatch',
      'budget/cost-exceeds-budget',
      'plan/not-number',
      'plan/out-of-range',
      'plan/decreasing',
      'plan/not-complete',
      'plan/blank',
      'plan/percent-format',
      'indicator/unknown-level1',
      'indicator/unknown-level2',
      'indicator/missing-level1',
      'indicator/empty-name',
      'indicator/empty-value',
      'indicator/empty-description',
      'indicator/empty-basis',
      'indicator/no-comparator',
      'indicator/unit-mismatch',
      'indicator/rate-out-of-range',
      'indicator/direction',
      'indicator/low-satisfaction',
      'indicator/level2-mismatch',
      'indicator/vague-value',
      'indicator/duplicate-name',
      'indicator/nonstandard-text',
      'indicator/formula-value',
      'indicator/empty-placeholder',
    ]) {
      expect(ids).toContain(id);
    }
  });

  test('a correct, complete table gives no finding at all', () => {
    for (const profile of ['hebei-2019', 'mof-2015'] as const) {
      const tables = readGrid(templateGrid('培训', GOOD, { profile }), { profile });
      expect(validateTables(tables).map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
    }
  });

  test('a fresh template lists what to fill, each on its cell, and nothing crashes', () => {
    const tables = readGrid(templateGrid('新项目', {}));
    const findings = validateTables(tables);
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.cell}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        'table/missing-field E3',
        'table/missing-field C4',
        'table/missing-field B8',
        'indicator/missing-level1 A9',
      ]),
    );
    // One finding a cell and rule; an empty 12月底 is a blank period like the others (a warning).
    expect(new Set(errors).size).toBe(errors.length);
    const plan = findings.filter((f) => f.rule.startsWith('plan/'));
    expect(plan.map((f) => `${f.rule} ${f.cell} ${f.severity}`)).toEqual(['plan/blank B7 warning']);
    expect(findings.find((f) => f.rule === 'table/missing-field' && f.cell === 'B3')?.severity).toBe(
      'warning',
    );
  });

  test('cell text is shown as typed, never interpreted by the message formatter', () => {
    const value = '{{name}} $t(app.title) <b>≥</b>';
    const rule = RULES.find((r) => r.meta.id === 'indicator/vague-value');
    if (!rule) throw new Error('vague-value missing');
    const table = { ...GOOD, indicators: [{ ...GOOD.indicators![1], value }] };
    const { zh, en } = findingsOf(rule, { table });
    expect(zh[0].message).toContain(`“${value}”`);
    expect(en[0].message).toContain(`“${value}”`);
  });
});
