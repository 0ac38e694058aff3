import { gridFromRows } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/budget-sum-mismatch';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    {
      title: '财政拨款 + 上年结转 + 其他资金 = 年度资金总额',
      grids: [
        gridFromRows('财政部表', [
          ['项目名称', '道路养护', '项目编码', 'X-1'],
          ['年度资金总额', 100, '财政拨款', 60, '上年结转', 30, '其他资金', 10],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '养护里程', '≥20公里'],
        ]),
      ],
    },
    GOOD,
    { title: 'empty 其他资金 is 0', table: tableWith({ total: 16.35, fiscal: 16.35, other: null }) },
    { title: 'exact decimals: 0.1 + 0.2 = 0.3', table: tableWith({ total: 0.3, fiscal: 0.1, other: 0.2 }) },
    { title: 'numeric text', table: tableWith({ total: '1,000.00', fiscal: '999.99', other: '0.01' }) },
    {
      title: 'below 0.01 万元 is not a difference',
      table: tableWith({ total: 10, fiscal: 10.004, other: null }),
    },
    { title: 'an unreadable amount is budget/not-number’s finding', table: tableWith({ fiscal: '8万' }) },
  ],
  invalid: [
    {
      title: 'a form with 上年结转: the three parts must add up',
      grids: [
        gridFromRows('财政部表', [
          ['项目名称', '道路养护', '项目编码', 'X-1'],
          ['年度资金总额', 100, '财政拨款', 60, '上年结转', 30, '其他资金', 5],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '养护里程', '≥20公里'],
        ]),
      ],
      errors: [
        {
          cell: 'B2',
          messageId: 'mismatchCarryover',
          messageIncludes: '上年结转 30.00',
          messageIncludesEn: 'carry-over',
        },
      ],
    },
    {
      table: tableWith({ total: 10, fiscal: 8, other: 1 }),
      errors: [
        { cell: 'C4', messageId: 'mismatch', fix: null, messageIncludes: '8.00', messageIncludesEn: '10.00' },
      ],
    },
    {
      title: 'empty 财政资金 and 其他资金 under a budget',
      table: tableWith({ total: 5, fiscal: null, other: null }),
      errors: [{ cell: 'C4', messageId: 'mismatch', messageIncludes: '5.00' }],
    },
    {
      title: 'one cent off',
      table: tableWith({ total: 102, fiscal: 101.99, other: null }),
      errors: [{ cell: 'C4', messageId: 'mismatch' }],
    },
  ],
});
