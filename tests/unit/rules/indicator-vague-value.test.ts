import rule from '../../../src/domain/rules/indicator-vague-value';
import { GOOD, runRule, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'a qualitative indicator', table: withRow(4, { name: '群众法治意识', value: '有效提升' }) },
    {
      title: 'a name whose kind only comes from a word inside it',
      table: withRow(4, { name: '专项资金到位及时性', value: '及时' }),
    },
    { title: 'a date on a time name', table: withRow(2, { value: '2024年6月底前' }) },
  ],
  invalid: [
    {
      table: withRow(1, { value: '合格' }),
      errors: [{ cell: 'F11', fix: null, messageIncludes: '比率指标', messageIncludesEn: 'a rate' }],
    },
    {
      title: 'a count',
      table: withRow(0, { value: '较多' }),
      errors: [{ cell: 'F10', messageIncludes: '“较多”' }],
    },
    {
      title: 'money',
      table: withRow(3, { value: '合理' }),
      errors: [{ cell: 'F13', messageIncludes: '万元' }],
    },
  ],
});
