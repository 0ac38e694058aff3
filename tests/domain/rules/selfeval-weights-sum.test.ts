import rule from '../../../src/domain/rules/selfeval-weights-sum';
import { filled } from '../../fixtures/selfeval-cases';
import { runRule } from './rule-tester';

runRule(rule, {
  valid: [filled('the split weights add up to 100')],
  invalid: [
    {
      ...filled('a weight raised', { weights: [20] }),
      errors: [{ cell: 'F17', messageId: 'sum', messageIncludes: '107.50', messageIncludesEn: '107.50' }],
    },
    {
      ...filled('a weight that is not a number', { weights: ['十分'] }),
      errors: [
        { cell: 'F12', messageId: 'unreadable', messageIncludes: '十分' },
        { cell: 'F17', messageId: 'sum', messageIncludes: '87.50' },
      ],
    },
  ],
});
