import rule from '../../../src/domain/rules/indicator-unit-mismatch';
import { GOOD, runRule, withExtraRow } from './rule-tester';

const row = (name: string, value: string) =>
  withExtraRow({ level1: '效果指标', level2: '社会效益指标', name, value });

runRule(rule, {
  valid: [
    GOOD,
    { title: '≤5次 on 未处理疑难信访案件数量', table: row('未处理疑难信访案件数量', '≤5次') },
    { title: '≥320天 on 运转天数', table: row('群众工作中心正常运转天数', '≥320天') },
    { title: '≤48小时 on …时间', table: row('劝返越级非正常上访人员时间', '≤48小时') },
    { title: '≤33万元 on 经费开支', table: row('劝返信访经费开支', '≤33万元') },
    { title: '万人 is a count', table: row('受益人数', '≥1.2万人') },
    { title: 'a bare 万 on a money name is 万元', table: row('培训经费', '≤8万') },
    {
      title: 'a share of money: the kind only comes from a word inside the name',
      table: row('资金支付进度', '≥90%'),
    },
    { title: 'a date on a time name', table: row('项目完成时间', '2024年12月底前') },
    { title: 'a length on a count name is not judged', table: row('养护道路数量', '≥20公里') },
    { title: 'no kind in the name', table: row('及时处理网络平台上的信访案件', '≤500件') },
  ],
  invalid: [
    {
      title: 'seed project 6: 到京信访事件处理率 = ≤20万元',
      table: row('到京信访事件处理率', '≤20万元'),
      errors: [
        {
          cell: 'F16',
          messageId: 'mismatch',
          fix: null,
          messageIncludes: '“到京信访事件处理率”是比率指标，指标值“≤20万元”却是金额单位；应为百分比',
          messageIncludesEn: 'a money unit',
        },
      ],
    },
    {
      title: '人数 with 万元',
      table: row('培训人数统计', '30万元'),
      errors: [{ cell: 'F16', messageId: 'mismatch', messageIncludes: '计数' }],
    },
    {
      title: 'a count with a percentage',
      table: row('信访工作投诉数量', '≤5%'),
      errors: [{ cell: 'F16', messageId: 'mismatch' }],
    },
    {
      title: 'a duration with a count',
      table: row('系统正常运行天数', '≥300次'),
      errors: [{ cell: 'F16', messageId: 'mismatch', messageIncludes: '时间' }],
    },
    {
      title: '满意度 in days',
      table: row('群众满意度', '≥30天'),
      errors: [{ cell: 'F16', messageId: 'mismatch', messageIncludes: '百分比' }],
    },
    {
      title: 'a date where the name ends in money',
      table: row('项目专项资金', '2025年年底前'),
      errors: [
        {
          cell: 'F16',
          messageId: 'mismatch',
          messageIncludes: '“项目专项资金”是金额指标，指标值“2025年年底前”却是日期',
        },
      ],
    },
    {
      title: 'a rate given as a date',
      table: row('信访事项按期办结率', '2024年6月底前'),
      errors: [{ cell: 'F16', messageId: 'mismatch', messageIncludes: '日期' }],
    },
  ],
});
