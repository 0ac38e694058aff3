import rule from '../../../src/domain/rules/selfeval-unit-mismatch';
import { filled } from '../../fixtures/selfeval-cases';
import { runRule } from './rule-tester';

runRule(rule, {
  valid: [filled('units as the targets'), filled('numbers without a unit', { actuals: ['210', '96', '28'] })],
  invalid: [
    {
      ...filled('months for days', { actuals: [undefined, undefined, '1个月'] }),
      errors: [{ cell: 'E14', messageId: 'mismatch', messageIncludes: '≤30天', messageIncludesEn: '30天' }],
    },
    {
      ...filled('元 for 万元', { actuals: [undefined, undefined, undefined, '78000元'] }),
      errors: [{ cell: 'E15', messageId: 'mismatch', messageIncludes: '8万元' }],
    },
  ],
});
