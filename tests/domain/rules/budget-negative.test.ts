import rule from '../../../src/domain/rules/budget-negative';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [GOOD, tableWith({ other: 0 }), tableWith({ total: '10万' })],
  invalid: [
    {
      table: tableWith({ fiscal: 12, other: -2 }),
      errors: [{ cell: 'G4', messageId: 'negative', messageIncludes: '-2', fix: null }],
    },
    {
      title: 'negative numeric text',
      table: tableWith({ total: '-10.00', fiscal: -10, other: null }),
      errors: [
        { cell: 'C4', messageId: 'negative' },
        { cell: 'E4', messageId: 'negative' },
      ],
    },
  ],
});
