import Big from 'big.js';
import type { Rule } from './rule';
import { nameOf, points, selfEvaluation } from '../selfeval/findings';

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

export default rule;
