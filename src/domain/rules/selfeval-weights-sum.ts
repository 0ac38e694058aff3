import type { SelfEvaluation } from '../selfeval/evaluate';
import { defaultGroupWeight, FUNDS_WEIGHT, positivePoints } from '../selfeval/weights';
import { weightInName } from '../taxonomy';
import type { Field } from '../types';
import type { Rule } from './rule';
import { nameOf, points, selfEvaluation } from '../selfeval/findings';

/**
 * Where a reviewer points when the weights do not add up: the funds block's 分值 when it is not the
 * 10 of §12, else the first 一级 whose name gives a weight other than its default; undefined when
 * neither stands out (the last 分值 then takes the finding).
 */
function culprit(evaluation: SelfEvaluation): Field | undefined {
  const funds = evaluation.funds;
  const fundsCell = funds?.line.cells.weight;
  if (funds?.weight && fundsCell && funds.weight.gt(0) && !funds.weight.eq(FUNDS_WEIGHT)) return fundsCell;
  for (const s of evaluation.indicators) {
    const named = weightInName(s.indicator.level1.text);
    if (named === undefined) continue;
    const group = defaultGroupWeight(s.indicator.level1.text);
    if (group !== undefined && group !== named) return s.indicator.level1;
  }
  return undefined;
}

/** The 分值 do not add up to 100, or one cannot be read (SPEC §12). */
const rule: Rule = {
  meta: {
    id: 'selfeval/weights-sum',
    severity: 'error',
    description: {
      'zh-CN': '分值合计不等于100',
      'en-US': 'The weights do not add up to 100',
    },
    messages: {
      sum: {
        'zh-CN': '各项分值（含预算执行率）合计为{{sum}}，不是100；应调整分值使合计为100。',
        'en-US':
          'The weights (the budget execution rate’s included) add up to {{sum}}, not 100; adjust them to total 100.',
      },
      unreadable: {
        'zh-CN': '三级指标“{{name}}”的分值“{{text}}”不是数字；应填写分值，如“10”。',
        'en-US':
          'The weight “{{text}}” of indicator “{{name}}” is not a number; enter a weight such as “10”.',
      },
      fundsWeight: {
        'zh-CN':
          '“{{label}}”有得分却没有分值，各项指标分值合计为{{sum}}，无法确定预算执行率的分值，本表未计总分；应注明预算执行率的分值（通常为10分），并使各项分值合计为100。',
        'en-US':
          '“{{label}}” is scored but has no weight, and the indicators’ weights add up to {{sum}}, so the budget execution rate’s weight cannot be told and the table is not scored; state its weight (usually 10) so that all weights add up to 100.',
      },
      strayRow: {
        'zh-CN':
          '第{{row}}行有分值或得分“{{text}}”，却没有三级指标名称、指标值和实际完成值，无法判断是否计入总分，本表未计总分；应填写三级指标名称和指标值，小计行应在二级指标栏注明“小计”。',
        'en-US':
          'Row {{row}} has a weight or score “{{text}}” but no indicator name, target or actual value, so whether it counts cannot be told and the table is not scored; enter the indicator’s name and target, or mark a subtotal row “小计” in the 二级指标 column.',
      },
      noWeight: {
        'zh-CN':
          '三级指标“{{name}}”的一级指标“{{level1}}”不在指标体系中，无法确定分值；应改为产出指标、效益指标或满意度指标，或填写分值。',
        'en-US':
          'Indicator “{{name}}” sits under “{{level1}}”, which the framework does not know, so it has no weight; use 产出指标, 效益指标 or 满意度指标, or enter a weight.',
      },
    },
    fixable: false,
  },
  check(context) {
    const evaluation = selfEvaluation(context);
    // Weights of the form's own, in a column not placed, are table/unreadable's to report.
    if (!evaluation || evaluation.indicators.length === 0 || evaluation.weightsUnread) return;
    const funds = evaluation.funds;
    if (funds?.weightUnread)
      context.report({
        at: funds.line.cells.score ?? funds.line.label,
        messageId: 'fundsWeight',
        data: { label: funds.line.label.text.trim(), sum: points(evaluation.weights) },
      });
    for (const ind of evaluation.strayRows ?? []) {
      const at = positivePoints(ind.weight) ? ind.weight : ind.score;
      if (at) context.report({ at, messageId: 'strayRow', data: { row: ind.row + 1, text: at.text.trim() } });
    }
    let last = evaluation.indicators[0]?.indicator.weight ?? evaluation.indicators[0]?.indicator.level1;
    for (const s of evaluation.indicators) {
      const ind = s.indicator;
      const name = nameOf(ind);
      if (s.weightUnreadable && ind.weight)
        context.report({ at: ind.weight, messageId: 'unreadable', data: { name, text: ind.weight.text } });
      else if (!s.weight && !ind.weight)
        context.report({ at: ind.level1, messageId: 'noWeight', data: { name, level1: ind.level1.text } });
      if (ind.weight) last = ind.weight;
    }
    // A weight not known (the budget's, a stray row's) has been reported: no sum to judge.
    if (evaluation.weights.eq(100) || !last || funds?.weightUnread || evaluation.strayRows) return;
    // Default weights add up to 100 whenever every 一级 is there; a missing 一级 is
    // indicator/missing-level1's to report. Only weights someone wrote can be wrong here.
    const fundsWeight = evaluation.funds?.line.cells.weight;
    const written =
      evaluation.indicators.some((s) => s.weightTyped) ||
      evaluation.indicators.some((s) => weightInName(s.indicator.level1.text) !== undefined) ||
      (fundsWeight !== undefined && fundsWeight.text.trim() !== '');
    if (!written) return;
    context.report({
      at: culprit(evaluation) ?? last,
      messageId: 'sum',
      data: { sum: points(evaluation.weights) },
    });
  },
};

export default rule;
