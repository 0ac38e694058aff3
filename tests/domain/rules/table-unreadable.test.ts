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
          severity: 'warning',
          messageIncludes: '一级指标',
          messageIncludesEn: 'indicator',
        },
      ],
    },
    {
      title: 'a pasted table without a 绩效目标 label: says what is missing and where it looked',
      grids: [
        gridFromRows('外单位', [
          ['项目名称', '道路养护', null, null],
          ['预算数', 12, '其中：财政资金', 12],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '养护里程', '≥20公里'],
        ]),
      ],
      errors: [
        { cell: 'A1', messageId: 'missingPart', messageIncludes: '资金支出计划' },
        { cell: 'A2', messageId: 'missingPart', messageIncludes: '绩效目标', messageIncludesEn: 'goal' },
      ],
    },
    {
      title: 'a source beside a total of one level’s money: the fiscal part unread, said on its figure',
      grids: [
        gridFromRows('湘潭', [
          ['项目支出名称', '雾炮车降尘抑尘服务'],
          ['年度本级预算金额', '250万', '该项目支出上级资金', 30],
          ['绩效目标', '全市空气质量达到优良'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '配备车辆数', '≥10辆'],
        ]),
      ],
      errors: [
        { cell: 'A1', messageId: 'missingPart', messageIncludes: '资金支出计划' },
        {
          cell: 'D2',
          messageId: 'sourceBeside',
          severity: 'warning',
          messageIncludes: '“该项目支出上级资金”30与预算数“年度本级预算金额”250万并列',
          messageIncludesEn: 'lines “其中：财政资金” and “其他资金” under it',
        },
      ],
    },
  ],
});
