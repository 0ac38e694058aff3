import rule from '../../../src/domain/rules/budget-cost-exceeds-budget';
import { GOOD, runRule, withRow } from './rule-tester';

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
