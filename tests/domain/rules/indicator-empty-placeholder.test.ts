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
          cell: 'C16',
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
      errors: ['C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17', 'C18'].map((cell) => ({
        cell,
        messageId: 'empty',
      })),
    },
  ],
});
