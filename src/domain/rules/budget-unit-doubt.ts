import Big from 'big.js';
import { readAmount } from '../amounts';
import { budgetLines, type Field } from '../types';
import type { Rule } from './rule';

/**
 * A project's budget far outside what one project's target table holds: a 元 table read as 万元
 * (`单位：元` stated where the reader could not see it) gives 10,000 times the amount, a 万元 table
 * read as 元 a ten-thousandth. The reader cannot tell; the person who filled the table can.
 */
const LARGE_WAN = new Big(100_000); // 10 亿元 for one project
const SMALL_YUAN = new Big(1_000); // under 1,000 元 for a whole project

const rule: Rule = {
  meta: {
    id: 'budget/unit-doubt',
    severity: 'warning',
    description: {
      'zh-CN': '预算数大小异常，金额单位可疑',
      'en-US': 'A budget of an unusual size: the money unit is in doubt',
    },
    messages: {
      large: {
        'zh-CN':
          '{{field}} {{value}} 万元（约 {{yi}} 亿元）大得不寻常，已按万元读取；请核对金额单位：若表中金额以元为单位，请在表格上方写明“单位：元”。',
        'en-US':
          '{{field}} {{value}} (in 万元, about {{yi}} hundred million yuan) is unusually large and was read in 万元; check the money unit: if the amounts are in yuan, write “单位：元” above the table.',
      },
      small: {
        'zh-CN':
          '{{field}} {{value}} 元小得不寻常，已按元读取；请核对金额单位：若表中金额以万元为单位，请将表格上方的单位改为“单位：万元”。',
        'en-US':
          '{{field}} {{value}} yuan is unusually small and was read in yuan; check the money unit: if the amounts are in 万元, write “单位：万元” above the table.',
      },
    },
    terms: { field: 'field' },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    // A whole department's budget may well be billions: only a project's is judged.
    if (table.form === 'department') return;
    // The total, or where none is read, each fiscal line: the first amount that is read.
    const candidates: [string, Field | undefined][] = table.budget.total
      ? [['total', table.budget.total]]
      : budgetLines(table, 'fiscal').map((f) => ['fiscal', f] as [string, Field]);
    for (const [field, cell] of candidates) {
      if (!cell) continue;
      const amount = readAmount(cell, table.moneyScale);
      // An amount written with its unit (`1200万元`) says what it is.
      if (amount.kind !== 'number' || amount.written || amount.value.lte(0)) continue;
      const wan = amount.value.times(table.moneyScale);
      if (wan.gte(LARGE_WAN))
        context.report({
          at: cell,
          messageId: 'large',
          data: { field, value: amount.value.toFixed(2), yi: wan.div(10_000).toFixed(2) },
        });
      else if (table.moneyScale !== 1 && amount.value.lt(SMALL_YUAN))
        context.report({ at: cell, messageId: 'small', data: { field, value: amount.value.toFixed(2) } });
      return;
    }
  },
};

export default rule;
