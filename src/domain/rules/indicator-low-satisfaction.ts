import type { Rule } from './rule';
import { expectation, percentOf, percentOutOfRange, roleOf, valueInfo } from './support';

/** A 满意度 target below the profile's floor (80 % in every profile so far). */
const rule: Rule = {
  meta: {
    id: 'indicator/low-satisfaction',
    severity: 'warning',
    description: {
      'zh-CN': '满意度目标低于指标体系规定的下限',
      'en-US': 'A satisfaction target below the profile’s floor',
    },
    messages: {
      low: {
        'zh-CN': '满意度指标“{{name}}”的目标“{{value}}”低于 {{floor}}%；满意度目标应不低于 {{floor}}%。',
        'en-US':
          'Satisfaction indicator “{{name}}” targets “{{value}}”, below {{floor}} %; a satisfaction target should be at least {{floor}} %.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table, profile } = context;
    const floor = profile.satisfactionFloor;
    for (const ind of table.indicators) {
      const e = expectation(ind);
      const satisfaction =
        e.kind === 'percent' && !e.reverse && (e.satisfaction || roleOf(profile, ind) === 'satisfaction');
      if (!satisfaction) continue;
      const info = valueInfo(ind);
      const percent = percentOf(info);
      const comparator = info?.parsed.comparator;
      // A ceiling on 满意度 is indicator/direction's finding.
      if (!info || percent === undefined || comparator === '≤' || comparator === '<') continue;
      if (percentOutOfRange(info) || percent >= floor) continue;
      context.report({
        at: ind.value,
        messageId: 'low',
        data: { name: ind.name.text, value: info.text, floor },
      });
    }
  },
};

export default rule;
