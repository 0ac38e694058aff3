import type { Profile } from '../taxonomy';
import { bareName } from '../text';
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
 * A rate of harm that SPEC §3's list of reverse indicators does not name (`森林受灾率`, `辍学率`,
 * `逾期发放率`): most are ceilings, but some forms set them as floors of what they reduce; the
 * direction is the user's to state, and no fix guesses it.
 */
const HARM_RATE =
  /(?:受灾|死亡|发病|患病|感染|失业|流失|辍学|损失|损耗|污染|返贫|漏报|漏检|误报|闲置|空置|逾期|超期|拖欠|违法|犯罪|案发|复发|不合格)\p{Script=Han}{0,3}率$/u;

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
      either: {
        'zh-CN':
          '三级指标“{{name}}”的指标值“{{value}}”缺少比较符号；应按指标的方向写明，上限写“{{ceiling}}”，下限写“{{floor}}”。',
        'en-US':
          'The value “{{value}}” of “{{name}}” has no comparator; state its direction: “{{ceiling}}” for a ceiling, “{{floor}}” for a floor.',
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
      if (!zero && !expectation(ind).reverse && HARM_RATE.test(bareName(ind.name.text))) {
        const at = isSplit(ind) && ind.comparator && !filled(ind.comparator) ? ind.comparator : ind.value;
        context.report({
          at,
          messageId: 'either',
          data: {
            name: ind.name.text,
            value: info.text,
            ceiling: formatCanonical('≤', info.parsed.number, info.parsed.unit),
            floor: formatCanonical('≥', info.parsed.number, info.parsed.unit),
          },
        });
        continue;
      }
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
