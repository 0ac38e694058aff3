import rule from '../../../src/domain/rules/selfeval-score-out-of-range';
import { filled } from '../../fixtures/selfeval-cases';
import { runRule, withRow } from './rule-tester';

const qualitative = withRow(2, { name: '培训按计划开展', value: '按计划完成' });

runRule(rule, {
  valid: [
    filled('generated formulas are never judged'),
    filled(
      'a grade and a score inside it',
      {
        actuals: [undefined, undefined, '部分达成年度指标并具有一定效果'],
        scores: [undefined, undefined, 8],
      },
      qualitative,
    ),
  ],
  invalid: [
    {
      ...filled(
        'a score above its 分值',
        { actuals: [undefined, undefined, '达成年度指标'], scores: [undefined, undefined, 13] },
        qualitative,
      ),
      errors: [
        { cell: 'G14', messageId: 'outOfWeight', messageIncludes: '13.00', messageIncludesEn: '12.50' },
      ],
    },
    {
      ...filled(
        'a negative score',
        { actuals: [undefined, undefined, '达成年度指标'], scores: [undefined, undefined, -1] },
        qualitative,
      ),
      errors: [{ cell: 'G14', messageId: 'outOfWeight', messageIncludes: '-1.00' }],
    },
    {
      ...filled(
        'a score outside the grade',
        { actuals: [undefined, undefined, '未达成年度指标且效果较差'], scores: [undefined, undefined, 9] },
        qualitative,
      ),
      errors: [
        {
          cell: 'G14',
          messageId: 'outOfGrade',
          messageIncludes: '0.00至7.50',
          messageIncludesEn: '0.00–7.50',
        },
      ],
    },
  ],
});
