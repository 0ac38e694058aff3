import rule from '../../../src/domain/rules/indicator-empty-placeholder';
import { GOOD, runRule, tableWith, withExtraRow } from './rule-tester';

runRule(rule, {
  valid: [GOOD],
  invalid: [
    {
      title: '生态效益指标 left blank',
      table: withExtraRow({ level1: '效果指标', level2: '生态效益指标' }),
      errors: [
        {
          cell: 'B16',
          messageId: 'empty',
          severity: 'info',
          messageIncludes: '生态效益指标',
          messageIncludesEn: '生态效益指标',
          fix: null,
        },
      ],
    },
    {
      title: 'a fresh template: one per preset row',
      table: tableWith({ indicators: undefined }),
      errors: ['B10', 'B11', 'B12', 'B13', 'B14', 'B15', 'B16', 'B17', 'B18'].map((cell) => ({
        cell,
        messageId: 'empty',
      })),
    },
  ],
});
