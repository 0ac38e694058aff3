import { gridFromRows } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/budget-unit-doubt';
import { GOOD, runRule, tableWith } from './rule-tester';

/** A table read by hand: a unit line, the project, its money and one indicator. */
const sheet = (unit: string | null, money: (string | number | null)[][]) => ({
  grids: [
    gridFromRows('Sheet1', [
      ...(unit ? [[unit]] : []),
      ['项目名称', '某项目'],
      ...money,
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '补助人数', '≥100人'],
    ]),
  ],
});

runRule(rule, {
  valid: [
    GOOD,
    tableWith({ total: 99_999, fiscal: 99_999, other: 0 }),
    // Written with its unit, the amount says what it is.
    tableWith({ total: '150000万元', fiscal: 150_000, other: 0 }),
    { title: 'a 元 table of a usual size', ...sheet('单位：元', [['预算数', 1_234_500]]) },
    { title: 'a 元 table of exactly 1,000 元', ...sheet('单位：元', [['预算数', 1_000]]) },
    { title: 'an amount left empty', ...sheet(null, [['预算数', null]]) },
    { title: 'a small 万元 amount is not in doubt', ...sheet('单位：万元', [['预算数', 0.5]]) },
    {
      title: 'a whole department’s budget may be billions',
      grids: [
        gridFromRows('Sheet1', [
          ['部门整体支出绩效目标表'],
          ['部门名称', '某县教育局'],
          ['年度预算申请', '资金总额', 122_641.5],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '在校学生数', '≥1000人'],
        ]),
      ],
    },
  ],
  invalid: [
    {
      title: 'a 元 table whose unit line was not seen',
      ...sheet(null, [['预算数', 1_234_500]]),
      errors: [
        {
          cell: 'B2',
          messageId: 'large',
          messageIncludes: '约 123.45 亿元',
          messageIncludesEn: 'write “单位：元” above the table',
        },
      ],
    },
    {
      title: 'no total: the fiscal line is looked at',
      ...sheet(null, [['其中：财政资金', 2_000_000]]),
      errors: [{ cell: 'B2', messageId: 'large', messageIncludes: '财政资金' }],
    },
    {
      title: 'a 万元 table stated in 元',
      ...sheet('单位：元', [['预算数', 50]]),
      errors: [{ cell: 'B3', messageId: 'small', messageIncludes: '“单位：万元”' }],
    },
  ],
});
