import Big from 'big.js';
import { readAmount } from '../amounts';
import type { Rule } from './rule';

const cents = (b: Big): string => b.toFixed(2, Big.roundHalfUp);

/**
 * 财政资金 + 其他资金 must equal 预算数, exactly to 0.01 万元 (an empty 其他资金 is 0). Reported on
 * 财政资金, where the split is usually typed after the total.
 */
const rule: Rule = {
  meta: {
    id: 'budget/sum-mismatch',
    severity: 'error',
    description: {
      'zh-CN': '财政资金与其他资金之和不等于预算数',
      'en-US': 'Fiscal funds plus other funds differ from the budget',
    },
    messages: {
      mismatch: {
        'zh-CN':
          '财政资金 {{fiscal}} + 其他资金 {{other}} = {{sum}}，与预算数 {{total}} 不符；两者之和应等于预算数。',
        'en-US':
          'Fiscal funds {{fiscal}} + other funds {{other}} = {{sum}}, but the budget is {{total}}; the two must add up to the budget.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    const { total, fiscal, other } = table.budget;
    if (!fiscal) return;
    const t = readAmount(total);
    const f = readAmount(fiscal);
    const o = readAmount(other);
    if (t.kind !== 'number' || f.kind === 'invalid' || o.kind === 'invalid') return;
    const fiscalValue = f.kind === 'number' ? f.value : new Big(0);
    const otherValue = o.kind === 'number' ? o.value : new Big(0);
    const sum = fiscalValue.plus(otherValue);
    const inWan = (b: Big): string => cents(b.times(table.moneyScale));
    if (inWan(sum) === inWan(t.value)) return;
    context.report({
      at: fiscal,
      messageId: 'mismatch',
      data: {
        fiscal: cents(fiscalValue),
        other: cents(otherValue),
        sum: cents(sum),
        total: cents(t.value),
      },
    });
  },
};

export default rule;
