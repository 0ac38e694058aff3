import rule from '../../../src/domain/rules/indicator-unknown-level2';
import { GOOD, runRule, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'the suffix 指标 is optional', table: withRow(4, { level2: '社会效益' }) },
    {
      title: 'an unknown 一级 is unknown-level1’s',
      table: withRow(4, { level1: '影响指标', level2: '随便' }),
    },
  ],
  invalid: [
    {
      table: withRow(1, { level2: '效率指标' }),
      errors: [
        { cell: 'B11', messageId: 'unknown', messageIncludes: '效率指标', messageIncludesEn: '质量指标' },
      ],
    },
    {
      title: 'a 二级 under the wrong 一级 is told where it belongs',
      table: withRow(4, { level1: '产出指标', level2: '社会效益指标' }),
      errors: [{ cell: 'B14', messageId: 'wrongLevel1', messageIncludes: '效果指标' }],
    },
  ],
});
