import rule from '../../../src/domain/rules/budget-not-number';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    tableWith({ other: null }),
    { title: 'numeric text', table: tableWith({ total: '1,000.50', fiscal: '１０００.5', other: '0.00' }) },
    {
      title: 'amounts written with their unit are read (budget/amount-as-text says so)',
      table: tableWith({ total: '10万', fiscal: '100000元', other: '0万元' }),
    },
    {
      title: 'negative and unbalanced amounts are other rules’ findings',
      table: tableWith({ total: -1, fiscal: 3 }),
    },
  ],
  invalid: [
    {
      title: 'an amount formatted as a percentage is no amount: said as Excel shows it',
      table: tableWith({ total: { value: 0.5, numberFormat: '0%' } }),
      errors: [
        { cell: 'C4', messageId: 'percent', messageIncludes: '显示为“50%”', messageIncludesEn: '“50%”' },
      ],
    },
    {
      title: '待定 and 十万元 are not amounts',
      table: tableWith({ total: '待定', fiscal: '十万元' }),
      errors: [
        { cell: 'C4', messageId: 'notNumber', messageIncludes: '“待定”', messageIncludesEn: '待定' },
        { cell: 'E4', messageId: 'notNumber', messageIncludes: '十万元' },
      ],
    },
    {
      title: 'an error value, a boolean and a date',
      table: tableWith({
        total: { value: '#REF!', error: true },
        fiscal: { value: true },
        other: { value: 45000, date: true },
      }),
      errors: [
        { cell: 'C4', messageId: 'errorValue', messageIncludes: '#REF!', fix: null },
        { cell: 'E4', messageId: 'notNumber' },
        {
          cell: 'G4',
          messageId: 'date',
          messageIncludes: '日期“2023-03-15”',
          messageIncludesEn: 'date “2023-03-15”',
        },
      ],
    },
    {
      title: 'a date with a time in 预算数',
      table: tableWith({ total: { value: 46360.6, date: true, numberFormat: 'yyyy"年"m"月"d"日"' } }),
      errors: [{ cell: 'C4', messageId: 'date', messageIncludes: '“2026-12-04 14:24”，不是金额' }],
    },
  ],
});
