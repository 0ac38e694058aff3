import type { Rule } from './rule';
import { selfEvaluation } from '../selfeval/findings';

/** 全年执行数 above 全年预算数 (SPEC §12). */
const rule: Rule = {
  meta: {
    id: 'selfeval/over-spent',
    severity: 'warning',
    description: {
      'zh-CN': '全年执行数超过全年预算数',
      'en-US': 'The year’s spending exceeds the year’s budget',
    },
    messages: {
      over: {
        'zh-CN': '全年执行数{{executed}}超过全年预算数{{budget}}；应核对执行数，超支部分须有预算调整依据。',
        'en-US':
          'The year’s spending {{executed}} exceeds the year’s budget {{budget}}; check the figure, and an overspend needs a budget adjustment behind it.',
      },
    },
    fixable: false,
  },
  check(context) {
    const funds = selfEvaluation(context)?.funds;
    if (!funds?.executedField || funds.budget.kind !== 'number' || funds.executed.kind !== 'number') return;
    if (!funds.executed.value.gt(funds.budget.value)) return;
    context.report({
      at: funds.executedField,
      messageId: 'over',
      data: { executed: funds.executed.value.toFixed(2), budget: funds.budget.value.toFixed(2) },
    });
  },
};

export default rule;
