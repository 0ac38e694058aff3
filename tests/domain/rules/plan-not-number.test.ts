import rule from '../../../src/domain/rules/plan-not-number';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'numeric text 20.00 and 20%', table: tableWith({ plan: ['20.00', '50%', '80％', 100] }) },
    { title: 'empty cells are plan/blank’s', table: tableWith({ plan: [null, null, null, 100] }) },
    {
      title: 'percent-formatted numbers',
      table: tableWith({ plan: [{ value: 0.2, numberFormat: '0.00%' }, 50, 80, 100] }),
    },
  ],
  invalid: [
    {
      table: tableWith({ plan: ['二成', 50, '八十', 100] }),
      errors: [
        {
          cell: 'B7',
          messageId: 'notNumber',
          messageIncludes: '3月底',
          messageIncludesEn: 'end-of-March',
          fix: null,
        },
        { cell: 'D7', messageId: 'notNumber', messageIncludes: '八十' },
      ],
    },
    {
      title: 'an error value and a boolean',
      table: tableWith({ plan: [20, { value: '#DIV/0!', error: true }, 80, { value: true }] }),
      errors: [
        { cell: 'C7', messageId: 'errorValue', messageIncludes: '#DIV/0!' },
        { cell: 'E7', messageId: 'notNumber' },
      ],
    },
    {
      title: 'a number too large to be one: 400 nines typed, 1e308 in a percent cell',
      table: tableWith({ plan: ['9'.repeat(400), { value: 1e308, numberFormat: '0%' }, 80, 100] }),
      errors: [
        { cell: 'B7', messageId: 'notNumber' },
        { cell: 'C7', messageId: 'notNumber' },
      ],
    },
    {
      title: 'a date, shown as the date and not as 46360.6 %',
      table: tableWith({ plan: [{ value: 46360.6, date: true, numberFormat: 'yyyy-mm-dd' }, 50, 80, 100] }),
      errors: [
        {
          cell: 'B7',
          messageId: 'date',
          messageIncludes: '3月底支出计划是日期“2026-12-04 14:24”，不是百分比',
          messageIncludesEn: 'date “2026-12-04 14:24”, not a percentage',
        },
      ],
    },
  ],
});
