import rule from '../../../src/domain/rules/plan-out-of-range';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    tableWith({ plan: [0, 0, 0, 100] }),
    tableWith({ plan: [{ value: 1, numberFormat: '0%' }, 100, 100, 100] }),
  ],
  invalid: [
    {
      table: tableWith({ plan: [-5, 50, 80, 120] }),
      errors: [
        { cell: 'B7', messageId: 'outOfRange', messageIncludes: '-5%', fix: null },
        {
          cell: 'E7',
          messageId: 'outOfRange',
          messageIncludes: '120%',
          messageIncludesEn: 'end-of-December',
        },
      ],
    },
    {
      title: 'a percent-formatted 1.5 reads as 150',
      table: tableWith({ plan: [20, { value: 1.5, numberFormat: '0.00%' }, 80, 100] }),
      errors: [{ cell: 'C7', messageId: 'outOfRange', messageIncludes: '150%' }],
    },
  ],
});
