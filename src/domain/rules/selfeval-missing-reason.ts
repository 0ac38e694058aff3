import { filled } from './support';
import type { Rule } from './rule';
import { nameOf, points, selfEvaluation } from '../selfeval/findings';

/** A score below its 分值 without a 偏差原因分析 (SPEC §12). */
const rule: Rule = {
  meta: {
    id: 'selfeval/missing-reason',
    severity: 'error',
    description: {
      'zh-CN': '得分低于分值却没有偏差原因',
      'en-US': 'A score below its weight without a reason',
    },
    messages: {
      missing: {
        'zh-CN':
          '三级指标“{{name}}”得分{{score}}低于分值{{weight}}，没有偏差原因；应在“偏差原因分析及改进措施”中写明未完成的原因和改进措施。',
        'en-US':
          'Indicator “{{name}}” scores {{score}} of {{weight}} and gives no reason; explain the shortfall and the remedy under “偏差原因分析及改进措施”.',
      },
    },
    fixable: false,
  },
  check(context) {
    const evaluation = selfEvaluation(context);
    if (!evaluation) return;
    for (const s of evaluation.indicators) {
      const ind = s.indicator;
      // The score the form states, else the one computed: a shortfall either way needs its reason.
      const score = s.typed ?? s.score;
      if (!score || !s.weight || !ind.deviation || filled(ind.deviation)) continue;
      if (score.gte(s.weight.round(2))) continue;
      context.report({
        at: ind.deviation,
        messageId: 'missing',
        data: { name: nameOf(ind), score: points(score), weight: points(s.weight) },
      });
    }
  },
};

export default rule;
