import rule from '../../../src/domain/rules/indicator-direction';
import { GOOD, runRule, withExtraRow, withRow } from './rule-tester';

const row = (name: string, value: string) =>
  withExtraRow({ level1: '效果指标', level2: '社会效益指标', name, value });

runRule(rule, {
  valid: [
    GOOD,
    { title: 'a cap on a count is fine', table: row('到京非正常上访人次', '≤6次') },
    { title: 'a reverse count with ≤', table: row('网络平台故障次数', '≤5次') },
    { title: '投诉处理率 is an ordinary rate', table: row('投诉处理率', '≥95%') },
    { title: 'a share (占比) may be capped', table: row('三公经费占比', '≤5%') },
    { title: 'a rate with a money unit is unit-mismatch’s', table: row('到京信访事件处理率', '≤20万元') },
    { title: 'a time limit', table: row('劝返越级非正常上访人员时间', '≤48小时') },
  ],
  invalid: [
    {
      title: 'a plain rate with ≤',
      table: row('信访案件处理率', '≤90%'),
      errors: [
        {
          cell: 'F16',
          messageId: 'higherBetter',
          fix: null,
          messageIncludes: '≥90%',
          messageIncludesEn: '≥90%',
        },
      ],
    },
    {
      title: '满意度 with <',
      table: withRow(5, { value: '<95%' }),
      errors: [{ cell: 'F15', messageId: 'higherBetter' }],
    },
    {
      title: 'a reverse rate with ≥',
      table: withRow(4, { value: '≥2%' }),
      errors: [{ cell: 'F14', messageId: 'lowerBetter', messageIncludes: '≤2%' }],
    },
    {
      title: 'a reverse count with ≥',
      table: row('安全事故起数', '≥1起'),
      errors: [{ cell: 'F16', messageId: 'lowerBetter' }],
    },
  ],
});
