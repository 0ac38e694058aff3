import rule from '../../../src/domain/rules/indicator-empty-value';
import { GOOD, runRule, withRow } from './rule-tester';

runRule(rule, {
  valid: [GOOD, { title: 'a qualitative value is a value', table: withRow(2, { value: '按期完成' }) }],
  invalid: [
    {
      table: withRow(1, { value: null }),
      errors: [
        { cell: 'F11', messageId: 'empty', messageIncludes: '培训考核合格率', messageIncludesEn: '≥90%' },
      ],
    },
    {
      title: 'the example follows the name: a count',
      table: withRow(0, { value: '  ' }),
      errors: [{ cell: 'F10', messageId: 'empty', messageIncludes: '次' }],
    },
    {
      title: 'an error value',
      table: withRow(5, { value: { value: '#N/A', error: true } }),
      errors: [{ cell: 'F15', messageId: 'errorValue', messageIncludes: '#N/A' }],
    },
  ],
});
