import rule from '../../../src/domain/rules/indicator-level2-mismatch';
import { GOOD, runRule, withExtraRow, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    {
      title: 'a time-limit rate under 时效指标',
      table: withRow(2, { name: '信访案件处理及时率', value: '≥90%' }),
    },
    { title: 'a date under 时效指标', table: withRow(2, { value: '2024年6月底前' }) },
    {
      title: 'a qualitative value with a neutral name is not judged',
      table: withRow(2, { name: '培训按期完成', value: '按期' }),
    },
    {
      title: 'seed project 5: 劝返信访经费开支 under 成本指标',
      table: withRow(3, { name: '劝返信访经费开支', value: '≤33万元' }),
    },
    { title: 'a unit contradicting the name is unit-mismatch’s', table: withRow(5, { value: '≥30天' }) },
    {
      title: 'a percentage under 数量指标 is not judged',
      table: withRow(0, { name: '越级非正常上访人员劝返率', value: '≥75%' }),
    },
  ],
  invalid: [
    {
      title: 'seed project 3: ≤500件 under 时效指标',
      table: withRow(2, { name: '及时处理网络平台上的信访案件', value: '≤500件' }),
      errors: [
        {
          cell: 'F12',
          messageId: 'timeliness',
          fix: null,
          messageIncludes: '≤500件',
          messageIncludesEn: '时效指标',
        },
      ],
    },
    {
      title: '成本指标 not money',
      table: withRow(3, { name: '培训成本控制', value: '≤100%' }),
      errors: [{ cell: 'F13', messageId: 'cost', messageIncludes: '≤100%' }],
    },
    {
      title: '成本指标 with a count',
      table: withRow(3, { name: '采购设备', value: '≤10台' }),
      errors: [{ cell: 'F13', messageId: 'cost' }],
    },
    {
      title: 'a 满意度 name outside 满意度指标',
      table: withExtraRow({ level1: '效果指标', level2: '社会效益指标', name: '群众满意度', value: '≥90%' }),
      errors: [{ cell: 'C16', messageId: 'satisfactionName', messageIncludes: '服务对象满意度指标' }],
    },
    {
      title: '满意度指标 value not percent',
      table: withRow(5, { name: '服务对象评价', value: '≥4.5分' }),
      errors: [{ cell: 'F15', messageId: 'satisfactionValue' }],
    },
  ],
});
