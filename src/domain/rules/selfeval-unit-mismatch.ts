import type { Rule } from './rule';
import { exampleOf, selfEvaluation } from '../selfeval/findings';

/** An actual value in another unit than its target's (`3个月` for `≤30天`) (SPEC §12). */
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
    },
    fixable: false,
  },
  check(context) {
    const evaluation = selfEvaluation(context);
    if (!evaluation) return;
    for (const s of evaluation.indicators) {
      const ind = s.indicator;
      if (s.actual.kind !== 'unitMismatch' || !ind.actual || !s.target) continue;
      context.report({
        at: ind.actual,
        messageId: 'mismatch',
        data: {
          name: ind.name.text,
          text: s.actual.text,
          target: s.target.parsed.input,
          example: exampleOf(s),
        },
      });
    }
  },
};

export default rule;
