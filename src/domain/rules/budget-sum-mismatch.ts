import Big from 'big.js';
import { readAmount } from '../amounts';
import type { Rule } from './rule';

const cents = (b: Big): string => b.toFixed(2, Big.roundHalfUp);

/**
 * 财政资金 (+ 上年结转 where the layout has it) + 其他资金 must equal 预算数, exactly to 0.01 万元 (an
 * empty part is 0). Reported on 财政资金, where the split is usually typed after the total.
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
      mismatchCarryover: {
        'zh-CN':
          '财政拨款 {{fiscal}} + 上年结转 {{carryover}} + 其他资金 {{other}} = {{sum}}，与预算数 {{total}} 不符；三者之和应等于预算数。',
        'en-US':
          'Fiscal funds {{fiscal}} + carry-over {{carryover}} + other funds {{other}} = {{sum}}, but the budget is {{total}}; they must add up to the budget.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    const { total, fiscal, carryover, other } = table.budget;
    if (!fiscal) return;
    const t = readAmount(total, table.moneyScale);
    const parts = [fiscal, carryover, other].map((f) => readAmount(f, table.moneyScale));
    if (t.kind !== 'number' || parts.some((p) => p.kind === 'invalid')) return;
    const [f, c, o] = parts.map((p) => (p.kind === 'number' ? p.value : new Big(0))) as [Big, Big, Big];
    const sum = f.plus(c).plus(o);
    const inWan = (b: Big): string => cents(b.times(table.moneyScale));
    if (inWan(sum) === inWan(t.value)) return;
    const data = { fiscal: cents(f), other: cents(o), sum: cents(sum), total: cents(t.value) };
    if (carryover) {
      context.report({ at: fiscal, messageId: 'mismatchCarryover', data: { ...data, carryover: cents(c) } });
    } else {
      context.report({ at: fiscal, messageId: 'mismatch', data });
    }
  },
};

export default rule;
