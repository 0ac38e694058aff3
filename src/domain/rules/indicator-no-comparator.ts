import type { Profile } from '../taxonomy';
import type { Indicator } from '../types';
import { formatCanonical } from '../value';
import type { Rule } from './rule';
import {
  expectation,
  filled,
  isBenefitRole,
  isCostRole,
  isSplit,
  namesSpending,
  needsUserDecision,
  roleOf,
  valueInfo,
  type ValueInfo,
} from './support';

/**
 * Smaller is better for a reverse indicator, and for money the project spends: an amount under a
 * cost 二级, or on a name for spending outside the 效益 二级 (`劝返信访经费开支 ≤33万元`). Money
 * under 效益 is a gain (`带动社会投资 ≥250万元`).
 */
function isCeiling(profile: Profile, ind: Indicator, info: ValueInfo): boolean {
  if (expectation(ind).reverse) return true;
  if (info.parsed.kind !== 'money') return false;
  const role = roleOf(profile, ind);
  return isCostRole(role) || (namesSpending(ind.name.text) && !isBenefitRole(role));
}

/**
 * `75%` leaves open whether 75 % is a floor or a ceiling. The fix adds `≥`, or `≤` for a reverse
 * indicator (a count or rate of adverse events), a cost in money or a count of zero (`0起`: none
 * should happen), and writes the value canonically.
 */
const rule: Rule = {
  meta: {
    id: 'indicator/no-comparator',
    severity: 'warning',
    description: {
      'zh-CN': '定量指标值缺少比较符号（≥、≤ 等）',
      'en-US': 'A quantitative value without a comparator (≥, ≤ …)',
    },
    messages: {
      missing: {
        'zh-CN': '三级指标“{{name}}”的指标值“{{value}}”缺少比较符号；应写明方向，如“{{suggestion}}”。',
        'en-US':
          'The value “{{value}}” of “{{name}}” has no comparator; state the direction, e.g. “{{suggestion}}”.',
      },
    },
    fixable: true,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      const info = valueInfo(ind);
      if (
        !info ||
        !info.parsed.quantitative ||
        info.parsed.comparator !== null ||
        info.parsed.number === null
      )
        continue;
      if (needsUserDecision(ind)) continue;
      // A count or amount of zero is a ceiling whatever the name: `≥0起` would hold for any value.
      // (A percentage keeps its direction: indicator/direction judges `≤0%` on a rate.)
      const zero = Number(info.parsed.number) === 0 && info.measure !== 'percent';
      const comparator = zero || isCeiling(context.profile, ind, info) ? '≤' : '≥';
      const suggestion = formatCanonical(comparator, info.parsed.number, info.parsed.unit);
      const data = { name: ind.name.text, value: info.text, suggestion };
      if (!isSplit(ind)) {
        context.report({ at: ind.value, messageId: 'missing', data, fix: suggestion });
      } else if (ind.comparator && !filled(ind.comparator)) {
        context.report({ at: ind.comparator, messageId: 'missing', data, fix: comparator });
      } else if (!ind.comparator) {
        context.report({ at: ind.value, messageId: 'missing', data, fix: `${comparator}${ind.value.text}` });
      }
    }
  },
};

export default rule;
