import type { Rule } from './rule';
import { planReadings } from './support';

const rule: Rule = {
  meta: {
    id: 'plan/out-of-range',
    severity: 'error',
    description: {
      'zh-CN': '资金支出计划小于 0 或大于 100',
      'en-US': 'A spending-plan percentage below 0 or above 100',
    },
    messages: {
      outOfRange: {
        'zh-CN':
          '{{period}}累计支出计划为 {{percent}}%，超出 0–100 的范围；应填写 0 到 100 之间的累计百分比。',
        'en-US':
          'The {{period}} cumulative plan is {{percent}} %, outside 0–100; enter a cumulative percentage from 0 to 100.',
      },
    },
    terms: { period: 'period' },
    fixable: false,
  },
  check(context) {
    planReadings(context.table)?.forEach(({ field, reading }, i) => {
      if (reading.kind === 'number' && (reading.percent < 0 || reading.percent > 100)) {
        context.report({
          at: field,
          messageId: 'outOfRange',
          data: { period: String(i), percent: reading.percent },
        });
      }
    });
  },
};

export default rule;
