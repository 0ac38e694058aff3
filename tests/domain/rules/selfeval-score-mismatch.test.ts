import rule from '../../../src/domain/rules/selfeval-score-mismatch';
import { filled } from '../../fixtures/selfeval-cases';
import { runRule } from './rule-tester';

runRule(rule, {
  valid: [
    filled('formulas compute their own scores'),
    filled('a typed score within 0.01', { actuals: ['150人'], scores: [9.37] }),
  ],
  invalid: [
    {
      ...filled('a typed full score for a shortfall', { actuals: ['150人'], scores: [12.5] }),
      errors: [
        {
          cell: 'G12',
          messageId: 'mismatch',
          fix: 9.38,
          messageIncludes: '9.38',
          messageIncludesEn: '12.50',
        },
      ],
    },
  ],
});
