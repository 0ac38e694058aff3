import rule from '../../../src/domain/rules/plan-decreasing';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    tableWith({ plan: [0, 0, 100, 100] }),
    { title: 'blank periods are skipped', table: tableWith({ plan: [30, null, null, 100] }) },
    {
      title: 'mixed formats compare as percentages',
      table: tableWith({ plan: [{ value: 0.3, numberFormat: '0%' }, 40, '60%', 100] }),
    },
  ],
  invalid: [
    {
      table: tableWith({ plan: [30, 20, 80, 100] }),
      errors: [
        {
          cell: 'C7',
          messageId: 'decreasing',
          messageIncludes: '3月底',
          messageIncludesEn: 'end-of-March',
          fix: null,
        },
      ],
    },
    {
      title: 'compared with the highest before, not only the previous',
      table: tableWith({ plan: [60, 40, 50, 100] }),
      errors: [
        { cell: 'C7', messageId: 'decreasing', messageIncludes: '60%' },
        { cell: 'D7', messageId: 'decreasing', messageIncludes: '60%' },
      ],
    },
  ],
});
