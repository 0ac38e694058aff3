import rule from '../../../src/domain/rules/indicator-duplicate-name';
import { GOOD, runRule, withExtraRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    {
      title: 'similar but different names',
      table: withExtraRow({ level1: '产出指标', level2: '数量指标', name: '培训人次', value: '≥300人次' }),
    },
  ],
  invalid: [
    {
      table: withExtraRow({ level1: '产出指标', level2: '数量指标', name: ' 培训人数', value: '≥100人' }),
      errors: [
        {
          cell: 'C16',
          messageId: 'duplicate',
          messageIncludes: 'C10',
          messageIncludesEn: 'C10',
          severity: 'warning',
        },
      ],
    },
  ],
});
