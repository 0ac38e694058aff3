import rule from '../../../src/domain/rules/indicator-empty-value';
import { GOOD, runRule, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'a qualitative value is a value', table: withRow(2, { value: '按期完成' }) },
    { title: 'a unit with its number is a value', table: withRow(0, { value: '≥3次' }) },
  ],
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
      title: 'only the unit the form hinted at, no number',
      table: withRow(0, { value: '次' }),
      errors: [
        {
          cell: 'F10',
          messageId: 'unitOnly',
          messageIncludes: '只有单位“次”',
          messageIncludesEn: 'only the unit',
        },
      ],
    },
    {
      title: 'a comparator and a unit, no number',
      table: withRow(1, { value: '≧ %' }),
      errors: [{ cell: 'F11', messageId: 'unitOnly', messageIncludes: '≧ %' }],
    },
    {
      title: 'an error value',
      table: withRow(5, { value: { value: '#N/A', error: true } }),
      errors: [{ cell: 'F15', messageId: 'errorValue', messageIncludes: '#N/A' }],
    },
  ],
});
