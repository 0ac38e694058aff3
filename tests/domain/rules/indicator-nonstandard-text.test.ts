import rule from '../../../src/domain/rules/indicator-nonstandard-text';
import { GOOD, runRule, splitGrid, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    {
      title: 'split columns hold no one text to rewrite',
      grids: [splitGrid([['满意度指标', '服务对象满意度指标', '群众满意度', '>=', 90, '%']])],
    },
    GOOD,
    withRow(1, { value: '＝100%' }),
    {
      title: 'no comparator is no-comparator’s (its fix is canonical too)',
      table: withRow(1, { value: '75.0 %' }),
    },
    { title: 'a qualitative value', table: withRow(2, { value: '按期完成' }) },
    { title: 'a date', table: withRow(2, { value: '2023.07-2024.01' }) },
    {
      title: 'a unit contradicting the name is unit-mismatch’s',
      table: withRow(1, { value: '不超过20万元' }),
    },
    { title: 'surrounding white space', table: withRow(1, { value: ' ≥95% ' }) },
    { title: 'a rate written as a fraction is unit-mismatch’s', table: withRow(1, { value: '>=0.95' }) },
    {
      title: 'a unit the name states need not be written again',
      table: withRow(5, { name: '满意度(%)', value: '≥90' }),
    },
  ],
  invalid: [
    {
      title: 'the unit the name states is left in the name',
      table: withRow(5, { name: '满意度(%)', value: '>=90' }),
      errors: [
        { cell: 'F15', messageId: 'nonstandard', fix: '≥90', messageIncludes: '“>=90”的规范写法是“≥90”' },
      ],
    },
    {
      table: withRow(1, { value: '>=95%' }),
      errors: [
        {
          cell: 'F11',
          messageId: 'nonstandard',
          severity: 'info',
          fix: '≥95%',
          messageIncludes: '>=95%',
          messageIncludesEn: '≥95%',
        },
      ],
    },
    {
      table: withRow(1, { value: '＞＝９５％' }),
      errors: [{ cell: 'F11', messageId: 'nonstandard', fix: '≥95%' }],
    },
    {
      table: withRow(1, { value: '不低于95%' }),
      errors: [{ cell: 'F11', messageId: 'nonstandard', fix: '≥95%' }],
    },
    {
      table: withRow(1, { value: '≥95.00(%)' }),
      errors: [{ cell: 'F11', messageId: 'nonstandard', fix: '≥95%' }],
    },
    {
      title: '=100% typed as text',
      table: withRow(1, { value: '=100%' }),
      errors: [{ cell: 'F11', messageId: 'nonstandard', fix: '＝100%' }],
    },
    {
      table: withRow(0, { value: '≥1,200人' }),
      errors: [{ cell: 'F10', messageId: 'nonstandard', fix: '≥1200人' }],
    },
    {
      table: withRow(3, { value: '控制在8万元以内' }),
      errors: [{ cell: 'F13', messageId: 'nonstandard', fix: '≤8万元' }],
    },
  ],
});
