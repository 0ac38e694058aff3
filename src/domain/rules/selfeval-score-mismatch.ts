import Big from 'big.js';
import type { Rule, RuleContext } from './rule';
import type { SelfEvaluation } from '../selfeval/evaluate';
import type { Field } from '../types';
import { nameOf, points, selfEvaluation } from '../selfeval/findings';
import { readPoints } from '../selfeval/weights';

const TOLERANCE = new Big('0.01');
const differs = (a: Big, b: Big): boolean => a.minus(b).abs().gt(TOLERANCE);
const percent = (rate: Big | undefined): string => (rate ? `${rate.times(100).round(2).toString()}%` : '');

/** A typed score that differs by more than 0.01 from the one §12 computes from the actual value. */
const rule: Rule = {
  meta: {
    id: 'selfeval/score-mismatch',
    severity: 'warning',
    description: {
      'zh-CN': '填写的得分与按实际完成值计算的得分不符',
      'en-US': 'A typed score differs from the one the actual value gives',
    },
    messages: {
      rate: {
        'zh-CN': '预算执行得分填写为{{typed}}，按执行率{{rate}}计算应为{{computed}}；应改为{{computed}}。',
        'en-US':
          'The budget execution score is {{typed}}, but the execution rate {{rate}} gives {{computed}}; change it to {{computed}}.',
      },
      totalSum: {
        'zh-CN': '总分填写为{{typed}}，各项得分合计为{{computed}}；应改为{{computed}}。',
        'en-US':
          'The total score is {{typed}}, but the scores above add up to {{computed}}; change it to {{computed}}.',
      },
      totalComputed: {
        'zh-CN': '总分填写为{{typed}}，按各项实际完成情况计算应为{{computed}}；应改为{{computed}}。',
        'en-US':
          'The total score is {{typed}}, but the actual values give {{computed}}; change it to {{computed}}.',
      },
      mismatch: {
        'zh-CN':
          '三级指标“{{name}}”填写的得分{{typed}}与按实际完成值计算的{{computed}}不符；应改为{{computed}}。',
        'en-US':
          'Indicator “{{name}}” is scored {{typed}}, but its actual value gives {{computed}}; change it to {{computed}}.',
      },
    },
    fixable: true,
  },
  check(context) {
    const evaluation = selfEvaluation(context);
    if (!evaluation) return;
    const funds = evaluation.funds;
    const fundsCell = funds?.line.cells.score;
    if (
      funds?.typed &&
      funds.score &&
      fundsCell &&
      !fundsCell.raw?.formula &&
      differs(funds.typed, funds.score)
    )
      context.report({
        at: fundsCell,
        messageId: 'rate',
        data: { typed: points(funds.typed), computed: points(funds.score), rate: percent(funds.rate) },
        fix: funds.score.toNumber(),
      });
    totalScore(context, evaluation);
    for (const s of evaluation.indicators) {
      const ind = s.indicator;
      // A formula computes its own score (the generated sheet's); only a typed one can be wrong.
      if (!ind.score || ind.score.raw?.formula || !s.target || !s.score || s.typed === undefined) continue;
      if (!differs(s.typed, s.score)) continue;
      context.report({
        at: ind.score,
        messageId: 'mismatch',
        data: { name: nameOf(ind), typed: points(s.typed), computed: points(s.score) },
        fix: s.score.toNumber(),
      });
    }
  },
};

/**
 * The 总分 typed under the indicators: the sum of the scores typed above it when every row has one
 * (an addition the reviewer checks first), else the total §12 computes.
 */
function totalScore(context: RuleContext, evaluation: SelfEvaluation): void {
  const cell = context.table.scoreTotal?.score;
  const typed = readPoints(cell);
  if (!cell || cell.raw?.formula || !(typed instanceof Big)) return;
  // Weights that do not make 100 are selfeval/weights-sum's finding: which scores make the 总分 is
  // then in doubt, and no figure is offered.
  if (!evaluation.weights.eq(100)) return;
  const rows: (Field | undefined)[] = [
    ...(evaluation.funds && evaluation.funds.weight?.gt(0) ? [evaluation.funds.line.cells.score] : []),
    ...evaluation.indicators.map((s) => s.indicator.score),
  ];
  const scores = rows.map(readPoints);
  const sum = scores.every((p): p is Big => p instanceof Big)
    ? scores.reduce((a, b) => a.plus(b), new Big(0))
    : undefined;
  const [expected, messageId] = sum
    ? [sum, 'totalSum']
    : evaluation.total
      ? [evaluation.total, 'totalComputed']
      : [undefined, ''];
  if (!expected || !differs(typed, expected)) return;
  context.report({
    at: cell,
    messageId,
    data: { typed: points(typed), computed: points(expected) },
    fix: expected.toNumber(),
  });
}

export default rule;
