import type { Rule } from './rule';
import { planReadings } from './support';

/** By 12月底 the whole budget is planned to be spent: the cumulative plan ends at 100. */
const rule: Rule = {
  meta: {
    id: 'plan/not-complete',
    severity: 'error',
    description: {
      'zh-CN': '12月底累计支出计划不是 100',
      'en-US': 'The end-of-December cumulative plan is not 100',
    },
    messages: {
      notHundred: {
        'zh-CN': '12月底累计支出计划为 {{percent}}%；到年底累计应为 100%。',
        'en-US':
          'The end-of-December cumulative plan is {{percent}} %; by the end of the year it must be 100 %.',
      },
    },
    fixable: false,
  },
  check(context) {
    const readings = planReadings(context.table);
    if (!readings) return;
    const { field, reading } = readings[3];
    // An empty 12月底 is plan/blank's, like any other empty period; out of range is
    // plan/out-of-range's: one defect, one finding, one severity.
    if (reading.kind === 'number' && reading.percent >= 0 && reading.percent < 100) {
      context.report({ at: field, messageId: 'notHundred', data: { percent: reading.percent } });
    }
  },
};

export default rule;
