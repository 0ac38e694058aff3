import rule from '../../../src/domain/rules/budget-cost-exceeds-budget';
import { GOOD, runRule, splitGrid, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    {
      title: 'a cost equal to the budget (seed project 5: ≤33万元 of 33.00)',
      table: { ...withRow(3, { value: '≤33万元' }), total: 33, fiscal: 33, other: null },
    },
    { title: 'in 元, converted', table: withRow(3, { value: '≤80000元' }) },
    {
      title: 'a money target outside 成本指标',
      table: withRow(0, { name: '带动社会投资', value: '≥500万元' }),
    },
    { title: 'a cost target without money unit is another rule’s', table: withRow(3, { value: '≤50%' }) },
    {
      title: 'split columns: 8万 beside 元 is 8万元, within the budget of 12',
      grids: [splitGrid([['产出指标', '成本指标', '项目成本', '≤', '8万', '元']])],
    },
    {
      title: 'split columns: 50万元 beside a 计量单位 of 元 has no one unit to compare in (unit-mismatch’s)',
      grids: [splitGrid([['产出指标', '成本指标', '项目成本', '≤', '50万元', '元']])],
    },
    {
      title: 'mof-2021: a social cost in money is not spent from the budget',
      profile: 'mof-2021',
      table: withRow(3, {
        level1: '成本指标',
        level2: '社会成本指标',
        name: '沿线商户停业损失',
        value: '≤30万元',
      }),
    },
  ],
  invalid: [
    {
      title: 'split columns: a number formatted to show 元 is in 元',
      grids: [
        splitGrid([
          ['产出指标', '成本指标', '项目成本', '≤', { value: 240000, numberFormat: '#,##0"元"' }, null],
        ]),
      ],
      errors: [
        {
          cell: 'E5',
          messageId: 'exceeds',
          fix: null,
          messageIncludes: '（24万元）超过本项目预算数 12.00万元',
        },
      ],
    },
    {
      table: withRow(3, { value: '≤12万元' }),
      errors: [
        {
          cell: 'F13',
          messageId: 'exceeds',
          fix: null,
          messageIncludes: '≤12万元',
          messageIncludesEn: '10.00',
        },
      ],
    },
    {
      title: '元 converted to 万元',
      table: withRow(3, { value: '≤120000元' }),
      errors: [{ cell: 'F13', messageId: 'exceeds', messageIncludes: '12万元' }],
    },
    {
      title: 'mof-2021: 成本指标 is a 一级',
      profile: 'mof-2021',
      table: withRow(3, { level1: '成本指标', level2: '经济成本指标', value: '≤10.5万元' }),
      errors: [{ cell: 'F13', messageId: 'exceeds' }],
    },
  ],
});
