import rule from '../../../src/domain/rules/plan-percent-format';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'typed text 20% is a number, not a format', table: tableWith({ plan: ['20%', 50, 80, 100] }) },
  ],
  invalid: [
    {
      table: tableWith({
        plan: [{ value: 0.2, numberFormat: '0.00%' }, 50, { value: 0.8, numberFormat: '0%' }, 100],
      }),
      errors: [
        {
          cell: 'B7',
          messageId: 'percentFormat',
          messageIncludes: '20',
          messageIncludesEn: 'end-of-March',
          fix: null,
        },
        { cell: 'D7', messageId: 'percentFormat', messageIncludes: '80' },
      ],
    },
  ],
});
