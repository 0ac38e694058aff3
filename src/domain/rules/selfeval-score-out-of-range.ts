import { gradeRange } from '../selfeval/score';
import type { Rule } from './rule';
import { nameOf, points, selfEvaluation } from '../selfeval/findings';

/** A typed score below 0 or above its 分值, or outside the range of the qualitative grade chosen (SPEC §12). */
const rule: Rule = {
  meta: {
    id: 'selfeval/score-out-of-range',
    severity: 'error',
    description: {
      'zh-CN': '得分超出分值或所选等级的范围',
      'en-US': 'A score outside its weight or the grade chosen',
    },
    messages: {
      outOfWeight: {
        'zh-CN': '三级指标“{{name}}”的得分{{score}}不在0至{{weight}}分之间；应填写0至{{weight}}之间的得分。',
        'en-US':
          'The score {{score}} of indicator “{{name}}” is not between 0 and {{weight}}; enter a score in that range.',
      },
      outOfGrade: {
        'zh-CN':
          '定性指标“{{name}}”选择了“{{grade}}”，得分{{score}}不在该等级的{{from}}至{{to}}分之间；应在此范围内评分，或改选等级。',
        'en-US':
          'Qualitative indicator “{{name}}” is graded “{{grade}}” but scores {{score}}, outside {{from}}–{{to}}; score within that range or change the grade.',
      },
    },
    fixable: false,
  },
  check(context) {
    const evaluation = selfEvaluation(context);
    if (!evaluation) return;
    for (const s of evaluation.indicators) {
      const ind = s.indicator;
      if (!ind.score || s.typed === undefined || !s.weight || ind.score.raw?.formula) continue;
      const name = nameOf(ind);
      const score = points(s.typed);
      // Above a default 分值 is no defect: the form may weigh its indicators otherwise without saying so.
      if (s.typed.lt(0) || (s.weightTyped && s.typed.gt(s.weight))) {
        context.report({
          at: ind.score,
          messageId: 'outOfWeight',
          data: { name, score, weight: points(s.weight) },
        });
        continue;
      }
      if (s.actual.kind !== 'text' || !s.actual.grade) continue;
      const range = gradeRange(s.actual.grade, s.weight);
      if (s.typed.lt(range.from) || s.typed.gt(range.to))
        context.report({
          at: ind.score,
          messageId: 'outOfGrade',
          data: { name, score, grade: s.actual.grade.text, from: points(range.from), to: points(range.to) },
        });
    }
  },
};

export default rule;
