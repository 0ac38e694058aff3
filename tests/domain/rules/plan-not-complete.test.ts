import rule from '../../../src/domain/rules/plan-not-complete';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'an empty 12月底 is plan/blank’s', table: tableWith({ plan: [20, 50, 80, null] }) },
    tableWith({ plan: [null, null, null, '100.00'] }),
    tableWith({ plan: [20, 50, 80, { value: 1, numberFormat: '0.00%' }] }),
    { title: 'above 100 is plan/out-of-range’s', table: tableWith({ plan: [20, 50, 80, 120] }) },
    { title: 'not a number is plan/not-number’s', table: tableWith({ plan: [20, 50, 80, '全部'] }) },
  ],
  invalid: [
    {
      table: tableWith({ plan: [20, 50, 80, 90] }),
      errors: [{ cell: 'E7', messageId: 'notHundred', messageIncludes: '90%', fix: null }],
    },
    {
      title: '99.99 is not 100',
      table: tableWith({ plan: [20, 50, 80, 99.99] }),
      errors: [{ cell: 'E7', messageId: 'notHundred' }],
    },
  ],
});
