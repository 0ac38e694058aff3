import rule from '../../../src/domain/rules/selfeval-missing-reason';
import { filled } from '../../fixtures/selfeval-cases';
import { runRule } from './rule-tester';

runRule(rule, {
  valid: [
    filled('every target met'),
    filled('a shortfall explained', { actuals: ['150人'], deviations: ['场地改造，两期培训推迟到次年。'] }),
    filled('a blank actual is not a shortfall', { actuals: [null] }),
  ],
  invalid: [
    {
      ...filled('正向 short of the target', { actuals: ['150人'] }),
      errors: [{ cell: 'H12', messageId: 'missing', messageIncludes: '9.38', messageIncludesEn: '12.50' }],
    },
    {
      ...filled('反向 above the target', { actuals: [undefined, undefined, '36天'] }),
      errors: [{ cell: 'H14', messageId: 'missing', messageIncludes: '培训完成时间' }],
    },
  ],
});
