import rule from '../../../src/domain/rules/indicator-unknown-level1';
import { GOOD, runRule, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: '效益指标 is accepted for 效果指标', table: withRow(4, { level1: '效益指标' }) },
    { title: 'white space and full-width folding', table: withRow(5, { level1: ' 满意度指标 ' }) },
    {
      title: 'synonym 社会公众或服务对象满意度指标',
      table: withRow(5, { level1: '社会公众或服务对象满意度指标' }),
    },
    {
      title: 'mof-2021 has 成本指标 as a 一级',
      profile: 'mof-2021',
      table: withRow(3, { level1: '成本指标', level2: '经济成本指标' }),
    },
  ],
  invalid: [
    {
      table: withRow(4, { level1: '影响指标' }),
      errors: [
        {
          cell: 'A14',
          messageId: 'unknown',
          messageIncludes: '影响指标',
          messageIncludesEn: '效果指标',
          fix: null,
        },
      ],
    },
    {
      title: 'hebei-2019 has no 成本指标 一级',
      profile: 'hebei-2019',
      table: withRow(3, { level1: '成本指标', level2: '成本指标' }),
      errors: [{ cell: 'A13', messageId: 'unknown', messageIncludes: '产出指标' }],
    },
  ],
});
