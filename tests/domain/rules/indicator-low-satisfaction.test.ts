import rule from '../../../src/domain/rules/indicator-low-satisfaction';
import { GOOD, runRule, splitGrid, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'exactly the floor', table: withRow(5, { value: '≥80%' }) },
    { title: 'a ceiling is indicator/direction’s', table: withRow(5, { value: '≤70%' }) },
    { title: 'not a percentage', table: withRow(5, { value: '满意' }) },
    { title: 'a low ordinary rate is not a satisfaction', table: withRow(1, { value: '≥60%' }) },
    {
      title: 'split columns: 0.9 formatted as a percent is 90%',
      grids: [
        splitGrid([
          ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', { value: 0.9, numberFormat: '0%' }, null],
        ]),
      ],
    },
  ],
  invalid: [
    {
      table: withRow(5, { value: '≥75%' }),
      errors: [
        { cell: 'F15', messageId: 'low', fix: null, messageIncludes: '80%', messageIncludesEn: '80 %' },
      ],
    },
    {
      title: 'no comparator',
      table: withRow(5, { value: '60%' }),
      errors: [{ cell: 'F15', messageId: 'low', messageIncludes: '60%' }],
    },
    {
      title: 'split columns: 0.7 formatted as a percent is 70%, not 0.7',
      grids: [
        splitGrid([
          ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', { value: 0.7, numberFormat: '0.00%' }, '%'],
        ]),
      ],
      errors: [{ cell: 'E5', messageId: 'low', messageIncludes: '70%' }],
    },
    {
      title: 'a 满意度指标 row named otherwise',
      table: withRow(5, { name: '群众认可率', value: '≥70%' }),
      errors: [{ cell: 'F15', messageId: 'low' }],
    },
  ],
});
