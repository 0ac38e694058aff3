import rule from '../../../src/domain/rules/indicator-empty-name';
import { GOOD, runRule, withExtraRow, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'a placeholder row', table: withExtraRow({ level1: '效果指标', level2: '生态效益指标' }) },
  ],
  invalid: [
    {
      table: withRow(2, { name: '' }),
      errors: [
        { cell: 'C12', messageId: 'empty', messageIncludes: '≤30天', messageIncludesEn: '≤30天', fix: null },
      ],
    },
  ],
});
