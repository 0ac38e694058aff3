import rule from '../../../src/domain/rules/selfeval-missing-actual';
import { filled } from '../../fixtures/selfeval-cases';
import { GOOD, runRule, withRow } from './rule-tester';

const qualitative = withRow(2, { name: '培训按计划开展', value: '按计划完成' });

runRule(rule, {
  valid: [
    filled('every figure typed'),
    filled(
      'a qualitative grade and a score in its range',
      { actuals: [undefined, undefined, '达成年度指标'], scores: [undefined, undefined, 11] },
      qualitative,
    ),
    { title: 'a target table is not judged', table: GOOD },
    // The empty target is indicator/empty-value's: there is nothing to compare an actual value with.
    filled('a row with neither target nor actual value', { actuals: [null] }, withRow(0, { value: null })),
  ],
  invalid: [
    {
      ...filled('no actual value', { actuals: [null] }),
      errors: [{ cell: 'E12', messageId: 'empty', messageIncludes: '200人', messageIncludesEn: '培训人数' }],
    },
    {
      ...filled('words where a number is expected', { actuals: [undefined, '已完成'] }),
      errors: [{ cell: 'E13', messageId: 'notNumber', messageIncludes: '已完成', messageIncludesEn: '95%' }],
    },
    {
      ...filled('no 全年执行数', { executed: null }),
      errors: [{ cell: 'E6', messageId: 'noExecuted', messageIncludes: '全年执行数' }],
    },
    {
      ...filled('a 全年预算数 that is not an amount', { budget: '待定' }),
      errors: [
        { cell: 'D6', messageId: 'amountUnreadable', messageIncludes: '待定', messageIncludesEn: '待定' },
      ],
    },
    {
      ...filled('a qualitative row without a grade', { actuals: [undefined, undefined, null] }, qualitative),
      errors: [{ cell: 'E14', messageId: 'emptyGrade', messageIncludes: '达成年度指标' }],
    },
    {
      ...filled(
        'a grade without a score',
        { actuals: [undefined, undefined, '部分达成年度指标并具有一定效果'] },
        qualitative,
      ),
      errors: [
        {
          cell: 'G14',
          messageId: 'noScore',
          messageIncludes: '7.50至10.00',
          messageIncludesEn: '7.50 to 10.00',
        },
      ],
    },
  ],
});
