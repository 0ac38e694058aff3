import Big from 'big.js';
import { readAmount } from '../amounts';
import { budgetLines, type Field } from '../types';
import type { Rule } from './rule';

const cents = (b: Big): string => b.toFixed(2, Big.roundHalfUp);

/**
 * 财政资金 (+ 上年结转 where the layout has it) + 其他资金 must equal 预算数, exactly to 0.01 万元; an
 * empty part, and 其他资金 on a form without that line, is 0; a part listed as several sources is
 * their sum. Reported on 预算数, the figure the parts must make up. On a form without an 其他资金
 * line the message prints no figure for it: the money left over may be other money nobody wrote.
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
      // A form without an 其他资金 line: its other money is not written anywhere, so no figure of it
      // is printed (the totals report it unread, SPEC §4).
      mismatchNoOther: {
        'zh-CN':
          '财政资金 {{fiscal}} 与预算数 {{total}} 不符，本表没有“其他资金”一栏；请核对预算数，或在表中写明其他资金。',
        'en-US':
          'Fiscal funds {{fiscal}} differ from the budget {{total}}, and the table has no “other funds” line; check the budget, or state the other funds in the table.',
      },
      mismatchCarryoverNoOther: {
        'zh-CN':
          '财政拨款 {{fiscal}} + 上年结转 {{carryover}} = {{sum}}，与预算数 {{total}} 不符，本表没有“其他资金”一栏；请核对预算数，或在表中写明其他资金。',
        'en-US':
          'Fiscal funds {{fiscal}} + carry-over {{carryover}} = {{sum}}, but the budget is {{total}}, and the table has no “other funds” line; check the budget, or state the other funds in the table.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    const total = table.budget.total;
    const fiscal = budgetLines(table, 'fiscal');
    if (!total || !fiscal.length) return;
    // A self-evaluation's breakdown left blank is still to fill (SPEC §12), not a contradiction.
    const parts = [...fiscal, ...budgetLines(table, 'carryover'), ...budgetLines(table, 'other')];
    if (table.form === 'selfEval' && parts.every((p) => readAmount(p, table.moneyScale).kind === 'empty'))
      return;
    const t = readAmount(total, table.moneyScale);
    if (t.kind !== 'number') return;
    let unreadable = false;
    const sum = (fields: Field[]): Big =>
      fields.reduce((acc, f) => {
        const a = readAmount(f, table.moneyScale);
        if (a.kind === 'invalid') unreadable = true;
        return a.kind === 'number' ? acc.plus(a.value) : acc;
      }, new Big(0));
    const f = sum(fiscal);
    const c = sum(budgetLines(table, 'carryover'));
    const o = sum(budgetLines(table, 'other'));
    // An amount that cannot be read is budget/not-number's finding; adding it up would be a guess.
    if (unreadable) return;
    const all = f.plus(c).plus(o);
    const inWan = (b: Big): string => cents(b.times(table.moneyScale));
    if (inWan(all) === inWan(t.value)) return;
    const data = { fiscal: cents(f), other: cents(o), sum: cents(all), total: cents(t.value) };
    const noOther = budgetLines(table, 'other').length === 0;
    if (table.budget.carryover) {
      const messageId = noOther ? 'mismatchCarryoverNoOther' : 'mismatchCarryover';
      context.report({ at: total, messageId, data: { ...data, carryover: cents(c) } });
    } else {
      context.report({ at: total, messageId: noOther ? 'mismatchNoOther' : 'mismatch', data });
    }
  },
};

export default rule;
