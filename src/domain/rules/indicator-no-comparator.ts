import type { Profile } from '../taxonomy';
import { bareName } from '../text';
import type { Indicator } from '../types';
import { formatCanonical } from '../value';
import type { Rule } from './rule';
import {
  HARM_RATE,
  expectation,
  filled,
  isBenefitRole,
  isCostRole,
  isSplit,
  namesSpending,
  needsUserDecision,
  roleOf,
  valueCellText,
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
  const role = roleOf(profile, ind);
  // Under a cost 二级 (成本指标), an amount whose unit was written short or not at all (`150万`, `60`
  // on `…维护费`) is what the project spends all the same.
  if (
    isCostRole(role) &&
    (info.parsed.unit === '' || info.parsed.unit === null || /^万/u.test(info.parsed.unit))
  )
    return true;
  if (info.parsed.kind !== 'money') return false;
  return isCostRole(role) || (namesSpending(ind.name.text) && !isBenefitRole(role));
}

/**
 * Where no fix can be sure of the direction, and the message names both: a time (`办结时限 3个工作日`
 * is a ceiling, `培训时长 40学时` a floor), a rate of 0 % that is not a listed reverse one (`≥0%` would
 * hold for any value), or a bare fraction on a rate (`验收合格率 0.95`: 95 % or 0.95 %?).
 */
function directionUnsure(ind: Indicator, info: ValueInfo): boolean {
  if (expectation(ind).reverse) return false;
  if (info.measure === 'time') return true;
  // A bare number on a time's name (`任务完成时限(月) | 10`).
  if (expectation(ind).kind === 'time' && !info.parsed.unit) return true;
  const percentName = expectation(ind).kind === 'percent';
  const n = Number(info.parsed.number);
  if (info.measure === 'percent' && n === 0) return true;
  return percentName && info.measure !== 'percent' && !info.parsed.unit && n >= 0 && n <= 1;
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
      const harm = !expectation(ind).reverse && HARM_RATE.test(bareName(ind.name.text));
      if ((!zero && harm) || (!isCeiling(context.profile, ind, info) && directionUnsure(ind, info))) {
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
        context.report({
          at: ind.value,
          messageId: 'missing',
          data,
          // As the cell shows it: a percent-formatted 0.95 is `95%`, not the 0.95 it stores.
          fix: `${comparator}${valueCellText(ind.value)}`,
        });
      }
    }
  },
};

export default rule;
