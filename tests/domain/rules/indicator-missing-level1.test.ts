import rule from '../../../src/domain/rules/indicator-missing-level1';
import { GOOD, GOOD_INDICATORS, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    {
      title: 'rows need not be grouped by 一级',
      table: tableWith({ indicators: [...GOOD_INDICATORS].reverse() }),
    },
  ],
  invalid: [
    {
      title: 'no 满意度指标: reported on the 一级指标 header',
      table: tableWith({ indicators: GOOD_INDICATORS.slice(0, 5) }),
      errors: [
        {
          cell: 'A9',
          messageId: 'missing',
          messageIncludes: '满意度指标',
          messageIncludesEn: '满意度指标',
          fix: null,
        },
      ],
    },
    {
      title: 'a placeholder row does not cover its 一级',
      table: tableWith({
        indicators: [
          ...GOOD_INDICATORS.slice(0, 4),
          { level1: '效果指标', level2: '生态效益指标' },
          GOOD_INDICATORS[5],
        ],
      }),
      errors: [{ cell: 'A9', messageId: 'missing', messageIncludes: '效果指标' }],
    },
    {
      title: 'mof-2021 requires 成本指标 and 效益指标',
      profile: 'mof-2021',
      table: tableWith({ indicators: [GOOD_INDICATORS[0], GOOD_INDICATORS[5]] }),
      errors: [{ cell: 'A9', messageId: 'missing', messageIncludes: '“成本指标”、“效益指标”' }],
    },
  ],
});
