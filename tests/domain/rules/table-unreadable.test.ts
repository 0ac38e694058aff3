import { gridFromRows } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/table-unreadable';
import { GOOD, runRule } from './rule-tester';

runRule(rule, {
  valid: [GOOD],
  invalid: [
    {
      title: 'a table with no plan and no indicator block',
      grids: [
        gridFromRows('外单位', [
          ['项目编码', 'X-1', '项目名称', '道路养护'],
          ['预算数', 12, '其中：财政资金', 12],
          ['绩效目标', '完成养护'],
        ]),
      ],
      errors: [
        {
          cell: 'A1',
          messageId: 'missingPart',
          severity: 'warning',
          messageIncludes: '资金支出计划',
          messageIncludesEn: 'spending plan',
        },
        {
          cell: 'A4',
          messageId: 'missingPart',
          severity: 'error',
          messageIncludes: '一级指标',
          messageIncludesEn: 'indicator',
        },
      ],
    },
  ],
});
