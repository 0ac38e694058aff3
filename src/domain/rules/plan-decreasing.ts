import type { Rule } from './rule';
import { planReadings } from './support';

/** The plan is cumulative: 3月底 ≤ 6月底 ≤ 10月底 ≤ 12月底. */
const rule: Rule = {
  meta: {
    id: 'plan/decreasing',
    severity: 'error',
    description: {
      'zh-CN': '累计资金支出计划逐期减少',
      'en-US': 'The cumulative spending plan goes down',
    },
    messages: {
      decreasing: {
        'zh-CN':
          '{{period}}累计支出计划 {{percent}}% 低于{{previousPeriod}}的 {{previousPercent}}%；计划是累计数，应逐期不减。',
        'en-US':
          'The {{period}} cumulative plan {{percent}} % is below the {{previousPeriod}} plan of {{previousPercent}} %; the plan is cumulative and cannot go down.',
      },
    },
    terms: { period: 'period', previousPeriod: 'period' },
    fixable: false,
  },
  check(context) {
    let highest: { percent: number; period: number } | undefined;
    planReadings(context.table)?.forEach(({ field, reading }, i) => {
      if (reading.kind !== 'number') return;
      if (highest && reading.percent < highest.percent) {
        context.report({
          at: field,
          messageId: 'decreasing',
          data: {
            period: String(i),
            percent: reading.percent,
            previousPeriod: String(highest.period),
            previousPercent: highest.percent,
          },
        });
      } else {
        highest = { percent: reading.percent, period: i };
      }
    });
  },
};

export default rule;
