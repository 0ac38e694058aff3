import rule from '../../../src/domain/rules/indicator-low-satisfaction';
import { GOOD, runRule, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'exactly the floor', table: withRow(5, { value: '≥80%' }) },
    { title: 'a ceiling is indicator/direction’s', table: withRow(5, { value: '≤70%' }) },
    { title: 'not a percentage', table: withRow(5, { value: '满意' }) },
    { title: 'a low ordinary rate is not a satisfaction', table: withRow(1, { value: '≥60%' }) },
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
      title: 'a 满意度指标 row named otherwise',
      table: withRow(5, { name: '群众认可率', value: '≥70%' }),
      errors: [{ cell: 'F15', messageId: 'low' }],
    },
  ],
});
