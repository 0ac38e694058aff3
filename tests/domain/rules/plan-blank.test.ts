import rule from '../../../src/domain/rules/plan-blank';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [GOOD, tableWith({ plan: [0, 0, 0, 100] })],
  invalid: [
    {
      title: 'seed project 2: only 12月底 filled → 0 before the first filled period',
      table: tableWith({ plan: [null, null, null, 100] }),
      errors: [
        { cell: 'B7', messageId: 'blankStart', fix: 0, severity: 'warning' },
        { cell: 'C7', messageId: 'blankStart', fix: 0 },
        {
          cell: 'D7',
          messageId: 'blankStart',
          fix: 0,
          messageIncludes: '10月底',
          messageIncludesEn: 'end-of-October',
        },
      ],
    },
    {
      title: 'a gap carries the previous cumulative value',
      table: tableWith({ plan: [20, null, '60.00', 100] }),
      errors: [{ cell: 'C7', messageId: 'blankCarry', fix: 20, messageIncludes: '20' }],
    },
    {
      title: 'a percent-formatted cell gets the fix in its own format',
      table: tableWith({
        plan: [{ value: 0.25, numberFormat: '0.00%' }, { value: null, numberFormat: '0.00%' }, 0.8, 1].map(
          (v) => (typeof v === 'number' ? { value: v, numberFormat: '0.00%' } : v),
        ),
      }),
      errors: [{ cell: 'C7', messageId: 'blankCarry', fix: 0.25 }],
    },
    {
      title: 'an empty 12月底 is a blank like the others, its fix 100',
      table: tableWith({ plan: [20, 50, null, null] }),
      errors: [{ cell: 'E7', messageId: 'blankEnd', fix: 100, severity: 'warning', messageIncludes: '100' }],
    },
    {
      title: 'all empty: one finding, no fix to guess',
      table: tableWith({ plan: [null, null, null, null] }),
      errors: [{ cell: 'B7', messageId: 'allBlank', fix: null }],
    },
  ],
});
