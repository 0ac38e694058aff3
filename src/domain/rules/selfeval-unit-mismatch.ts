import type { Rule } from './rule';
import { exampleOf, nameOf, selfEvaluation } from '../selfeval/findings';

/**
 * An actual value of another unit kind than its target's (`5人` for `≤30天`) (SPEC §12): an error. One of
 * the same kind in a unit that does not convert (`3个工作日` for `≤3天`), or a bare fraction against a
 * percent target whose two readings score differently (0.98 for `≥95%`), or a percent against a
 * target without a unit whose two readings score differently (`90%` for `50`), or a bare number
 * against money on a row that states no unit, scoring differently in 元 and in 万元 (`480000` for
 * `≤50万元`), is not scored: a warning saying so. Units of the same quantity (`480000元` for `≤50万元`) are converted and scored.
 */
const rule: Rule = {
  meta: {
    id: 'selfeval/unit-mismatch',
    severity: 'error',
    description: {
      'zh-CN': '实际完成值的单位与年度指标值不同',
      'en-US': 'An actual value in another unit than its target',
    },
    messages: {
      mismatch: {
        'zh-CN':
          '三级指标“{{name}}”的实际完成值“{{text}}”与年度指标值“{{target}}”单位不同，无法计分；应以与指标值相同的单位填写，如“{{example}}”。',
        'en-US':
          'The actual value “{{text}}” of indicator “{{name}}” is in another unit than its target “{{target}}” and cannot be scored; write it in the target’s unit, such as “{{example}}”.',
      },
      otherUnit: {
        'zh-CN':
          '三级指标“{{name}}”的实际完成值“{{text}}”与年度指标值“{{target}}”单位不同，不能换算，未计分；应以与指标值相同的单位填写，如“{{example}}”。',
        'en-US':
          'The actual value “{{text}}” of indicator “{{name}}” is in a unit that does not convert to its target’s “{{target}}”, so it is not scored; write it in the target’s unit, such as “{{example}}”.',
      },
      fraction: {
        'zh-CN':
          '三级指标“{{name}}”的实际完成值“{{text}}”没有百分号，而年度指标值“{{target}}”是百分比：是{{rate}}还是{{text}}%无法确定，未计分；应写明百分号，如“{{rate}}”。',
        'en-US':
          'The actual value “{{text}}” of indicator “{{name}}” has no percent sign while its target “{{target}}” is a percentage: {{rate}} or {{text}}% cannot be told, so it is not scored; write the percent sign, such as “{{rate}}”.',
      },
      bareMoney: {
        'zh-CN':
          '三级指标“{{name}}”的实际完成值“{{text}}”没有单位，而年度指标值“{{target}}”是金额：按元计是{{asYuan}}，按万元计是{{asWan}}，得分不同，未计分；应写明单位，如“{{asYuan}}”或“{{asWan}}”。',
        'en-US':
          'The actual value “{{text}}” of indicator “{{name}}” has no unit while its target “{{target}}” is an amount of money: {{asYuan}} and {{asWan}} score differently, so it is not scored; write the unit, such as “{{asYuan}}” or “{{asWan}}”.',
      },
      targetFraction: {
        'zh-CN':
          '三级指标“{{name}}”的年度指标值“{{target}}”没有百分号：是{{rate}}还是{{percent}}无法确定，实际完成值“{{text}}”未计分；应在年度指标值写明百分号，如“{{rate}}”。',
        'en-US':
          'The target “{{target}}” of indicator “{{name}}” has no percent sign: {{rate}} or {{percent}} cannot be told, so the actual value “{{text}}” is not scored; write the percent sign in the target, such as “{{rate}}”.',
      },
      percentOfBare: {
        'zh-CN':
          '三级指标“{{name}}”的年度指标值“{{target}}”没有单位，而实际完成值“{{text}}”是百分比：指标值是否也是百分比无法确定，未计分；应在年度指标值写明单位，如“{{percent}}”，或按指标值的口径填写实际完成值（不带百分号）。',
        'en-US':
          'The target “{{target}}” of indicator “{{name}}” has no unit while its actual value “{{text}}” is a percentage: whether the target is one too cannot be told, so it is not scored; write the target with its unit, such as “{{percent}}”, or the actual value as the target counts it (without a percent sign).',
      },
    },
    fixable: false,
  },
  check(context) {
    const evaluation = selfEvaluation(context);
    if (!evaluation) return;
    for (const s of evaluation.indicators) {
      const ind = s.indicator;
      if (!ind.actual || !s.target) continue;
      const data = { name: nameOf(ind), target: s.target.parsed.input, example: exampleOf(s) };
      if (s.actual.kind === 'unitMismatch')
        context.report({ at: ind.actual, messageId: 'mismatch', data: { ...data, text: s.actual.text } });
      // Of the target's kind, so no error of kind (§12); but not the same quantity, so not scored.
      else if (s.actual.kind === 'otherUnit')
        context.report({
          at: ind.actual,
          messageId: 'otherUnit',
          severity: 'warning',
          data: { ...data, text: s.actual.text },
        });
      else if (s.fractionUnread && s.actual.kind === 'number')
        context.report({
          at: ind.actual,
          messageId: 'fraction',
          severity: 'warning',
          data: { ...data, text: s.actual.value.toFixed(), rate: `${s.actual.value.times(100).toFixed()}%` },
        });
      else if (s.moneyUnread && s.actual.kind === 'number')
        // Not guessed into an excess or a pass: the unit is the user's to write.
        context.report({
          at: ind.actual,
          messageId: 'bareMoney',
          severity: 'warning',
          data: {
            ...data,
            text: s.actual.value.toFixed(),
            asYuan: `${s.actual.value.toFixed()}元`,
            asWan: `${s.actual.value.toFixed()}万元`,
          },
        });
      else if (s.percentUnread && s.actual.kind === 'percentOfBare' && s.target.nameKind === 'percent')
        // A rate's target in (0, 1]: the target is what lacks its sign.
        context.report({
          at: ind.value,
          messageId: 'targetFraction',
          severity: 'warning',
          data: {
            ...data,
            text: s.actual.text,
            rate: `${s.target.number.times(100).toFixed()}%`,
            percent: `${s.target.number.toFixed()}%`,
          },
        });
      else if (s.percentUnread && s.actual.kind === 'percentOfBare')
        context.report({
          at: ind.actual,
          messageId: 'percentOfBare',
          severity: 'warning',
          data: { ...data, text: s.actual.text, percent: `${s.target.parsed.input.trim()}%` },
        });
    }
  },
};

export default rule;
