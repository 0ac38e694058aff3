import rule from '../../../src/domain/rules/selfeval-unit-mismatch';
import { filled } from '../../fixtures/selfeval-cases';
import { runRule } from './rule-tester';

// The targets: ≥200人, ≥95%, ≤30天, ≤8万元, ≤1.5%, ≥95% (E12 … E17 take the actual values).
runRule(rule, {
  valid: [
    filled('units as the targets'),
    filled('numbers without a unit', { actuals: ['210', '96', '28'] }),
    // Units of the same quantity convert exactly (SPEC §12 judges the kind of unit).
    filled('元 for 万元', { actuals: [undefined, undefined, undefined, '78000元'] }),
    filled('a bare 万 for 万元', { actuals: [undefined, undefined, undefined, '7.8万'] }),
    filled('名 for 人, 日 for 天', { actuals: ['210名', undefined, '28日'] }),
    // A bare fraction whose two readings (1.2% and 0.012%) both meet ≤1.5% is scored either way.
    filled('a fraction that scores the same as a rate and as a percent', {
      actuals: [undefined, undefined, undefined, undefined, '0.012'],
    }),
    filled('a percent-formatted fraction', {
      actuals: [undefined, { value: 0.96, numberFormat: '0%' }],
    }),
  ],
  invalid: [
    {
      ...filled('persons for days: another kind', { actuals: [undefined, undefined, '28人'] }),
      errors: [{ cell: 'E14', messageId: 'mismatch', messageIncludes: '≤30天', messageIncludesEn: '30天' }],
    },
    {
      ...filled('percent for 万元: another kind', { actuals: [undefined, undefined, undefined, '78%'] }),
      errors: [{ cell: 'E15', messageId: 'mismatch', messageIncludes: '8万元' }],
    },
    {
      ...filled('months for days: the same kind, not the same quantity', {
        actuals: [undefined, undefined, '1个月'],
      }),
      errors: [
        {
          cell: 'E14',
          messageId: 'otherUnit',
          severity: 'warning',
          messageIncludes:
            '“1个月”与年度指标值“≤30天”单位不同，不能换算，未计分；应以与指标值相同的单位填写，如“30天”',
          messageIncludesEn: '30天',
        },
      ],
    },
    {
      ...filled('working days for days', { actuals: [undefined, undefined, '20个工作日'] }),
      errors: [{ cell: 'E14', messageId: 'otherUnit', severity: 'warning', messageIncludes: '20个工作日' }],
    },
    {
      ...filled('person-times for persons', { actuals: ['260人次'] }),
      errors: [{ cell: 'E12', messageId: 'otherUnit', severity: 'warning', messageIncludes: '260人次' }],
    },
    {
      ...filled('a bare fraction for a percent target', { actuals: [undefined, '0.96'] }),
      errors: [
        {
          cell: 'E13',
          messageId: 'fraction',
          severity: 'warning',
          messageIncludes: '是96%还是0.96%无法确定，未计分；应写明百分号，如“96%”',
          messageIncludesEn: '96%',
        },
      ],
    },
    {
      ...filled('a fraction typed as a number', { actuals: [undefined, 0.97] }),
      errors: [{ cell: 'E13', messageId: 'fraction', severity: 'warning', messageIncludes: '97%' }],
    },
  ],
});
