import { gridFromRows } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/budget-amount-as-text';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    tableWith({ total: 12.5, fiscal: 12.5, other: null }),
    {
      title: 'what cannot be read is budget/not-number’s',
      table: tableWith({ total: '待定', fiscal: '十万' }),
    },
    {
      title: 'a number sharing its label’s cell, as the form writes it',
      grids: [
        gridFromRows('外单位', [
          ['项目名称', '道路养护'],
          ['资金情况', '年度资金总额:16'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '养护里程', '≥20公里'],
        ]),
      ],
    },
  ],
  invalid: [
    {
      title: 'units written in a 万元 table: read, converted and fixed to the bare number',
      table: tableWith({ total: '20万元', fiscal: '200,000元', other: '0万' }),
      errors: [
        { cell: 'C4', messageId: 'withUnit', fix: 20, messageIncludes: '“20万元”', messageIncludesEn: '20' },
        { cell: 'E4', messageId: 'withUnit', fix: 20, messageIncludes: '200,000元' },
        { cell: 'G4', messageId: 'withUnit', fix: 0 },
      ],
    },
    {
      title: 'numeric text with thousands separators',
      table: tableWith({ total: '1,234.50', fiscal: '１２３４.５' }),
      errors: [
        { cell: 'C4', messageId: 'asText', fix: 1234.5, messageIncludes: '1234.5' },
        { cell: 'E4', messageId: 'asText', fix: 1234.5 },
      ],
    },
    {
      title: 'a unit in a label’s own cell: said, never fixed (the label would be lost)',
      grids: [
        gridFromRows('外单位', [
          ['项目名称', '道路养护'],
          ['资金情况', '年度资金总额:50万'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '养护里程', '≥20公里'],
        ]),
      ],
      errors: [{ cell: 'B2', messageId: 'withUnit', fix: null, messageIncludes: '50' }],
    },
    {
      title: 'a 元 table: 3,309,840.00 as text is fixed; 2万元 would need converting and is not',
      grids: [
        gridFromRows('元表', [
          [null, null, null, '金额单位：元'],
          ['项目名称', '村组干部报酬'],
          ['预算数', '3,309,840.00', '其中：财政资金', '2万元'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '发放人数', '≥230人'],
        ]),
      ],
      errors: [
        { cell: 'B3', messageId: 'asText', fix: 3309840 },
        { cell: 'D3', messageId: 'withUnit', fix: null, messageIncludes: '20000' },
      ],
    },
  ],
});
