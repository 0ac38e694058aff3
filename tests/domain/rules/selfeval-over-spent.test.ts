import rule from '../../../src/domain/rules/selfeval-over-spent';
import { filled } from '../../fixtures/selfeval-cases';
import { runRule } from './rule-tester';

runRule(rule, {
  valid: [filled('spent within the budget'), filled('spent exactly the budget', { executed: 10 })],
  invalid: [
    {
      ...filled('执行率 above 100 %', { executed: 12.5 }),
      errors: [{ cell: 'E6', messageId: 'over', messageIncludes: '12.50', messageIncludesEn: '10.00' }],
    },
  ],
});
