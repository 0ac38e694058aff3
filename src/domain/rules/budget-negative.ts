import { readAmount } from '../amounts';
import { budgetCells } from './support';
import type { Rule } from './rule';

const rule: Rule = {
  meta: {
    id: 'budget/negative',
    severity: 'error',
    description: { 'zh-CN': '金额为负数', 'en-US': 'A negative amount' },
    messages: {
      negative: {
        'zh-CN': '{{field}}“{{text}}”是负数；金额不能小于 0。',
        'en-US': '{{field}} “{{text}}” is negative; an amount cannot be below 0.',
      },
    },
    terms: { field: 'field' },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    for (const [field, cell] of budgetCells(table)) {
      const amount = readAmount(cell, table.moneyScale);
      if (amount.kind === 'number' && amount.value.lt(0))
        context.report({ at: cell, messageId: 'negative', data: { field, text: amount.value.toString() } });
    }
  },
};

export default rule;
