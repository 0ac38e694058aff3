import rule from '../../../src/domain/rules/indicator-formula-value';
import { GOOD, runRule, withRow } from './rule-tester';

runRule(rule, {
  valid: [GOOD, { title: '=100% kept as text is not a formula', table: withRow(1, { value: '=100%' }) }],
  invalid: [
    {
      title: '=100% typed into a number cell',
      table: withRow(1, { value: { value: 1, formula: '=100%', numberFormat: 'General' } }),
      errors: [
        {
          cell: 'F11',
          messageId: 'formula',
          fix: '＝100%',
          messageIncludes: '=100%',
          messageIncludesEn: '＝100%',
        },
      ],
    },
    {
      title: 'a formula that is no value: no fix to guess',
      table: withRow(0, { value: { value: 200, formula: '=SUM(H1:H3)' } }),
      errors: [{ cell: 'F10', messageId: 'formulaNoFix', fix: null, messageIncludes: 'SUM' }],
    },
    {
      title: 'a formula with an error result',
      table: withRow(0, { value: { value: '#REF!', error: true, formula: '=#REF!*2' } }),
      errors: [{ cell: 'F10', messageId: 'formulaNoFix', fix: null }],
    },
  ],
});
