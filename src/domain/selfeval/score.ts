/**
 * Scoring a self-evaluation (SPEC §12) as the budget system computes it, in exact decimals: the
 * score of a quantitative indicator from its target and actual value, of the budget's 执行率, and
 * the grade of a total. The generated sheet's formulas (sheet.ts) compute the same numbers.
 */

import Big from 'big.js';

/** 正向 (≥, >, and ＝, scored as 正向) or 反向 (≤, <). */
export type Direction = 'up' | 'down';

export type Grade = '优' | '良' | '中' | '差';

/** Rounds a score to 0.01, half away from zero (Big's ROUND_HALF_UP works on the magnitude). */
export function roundScore(x: Big): Big {
  return x.round(2, Big.roundHalfUp);
}

/**
 * A quantitative indicator's score, rounded to 0.01; undefined when the target cannot be scored
 * against (a negative target: the budget system's ratios mean nothing there).
 *
 * 正向: actual ≥ target → full, else actual ÷ target × 分值 (never below 0).
 * 反向: actual ≤ target → full; target < actual < 2 × target → (1 − (actual − target) ÷ target) × 分值;
 * actual ≥ 2 × target → 0.
 * A target of 0 has no ratio (SPEC §12): actual ≤ 0 scores full, otherwise 0, whatever the direction
 * (`＝0次` of 安全事故 with 2 is 0, not full).
 */
export function quantitativeScore(
  direction: Direction,
  target: Big,
  actual: Big,
  weight: Big,
): Big | undefined {
  if (target.lt(0)) return undefined;
  if (target.eq(0)) return actual.lte(0) ? roundScore(weight) : new Big(0);
  if (direction === 'up') {
    if (actual.gte(target)) return roundScore(weight);
    if (actual.lte(0)) return new Big(0);
    // Multiplied before dividing, so that a score exactly half-way (7.435) stays exact and rounds up.
    return roundScore(actual.times(weight).div(target));
  }
  if (actual.lte(target)) return roundScore(weight);
  if (actual.gte(target.times(2))) return new Big(0);
  // (1 − (actual − target) ÷ target) × 分值 = (2 × target − actual) × 分值 ÷ target, exactly.
  return roundScore(target.times(2).minus(actual).times(weight).div(target));
}

/** 预算执行率 = 全年执行数 ÷ 全年预算数; undefined when the budget is 0 or negative. */
export function executionRate(executed: Big, budget: Big): Big | undefined {
  if (budget.lte(0)) return undefined;
  return executed.div(budget);
}

/**
 * The 执行率's score from the two figures, computed exactly: 执行数 × 分值 ÷ 预算数 rather than a rounded
 * quotient times 分值, so that a score exactly half-way rounds as Excel's ROUND does. Undefined when the
 * budget is 0 or negative.
 */
export function fundsScore(executed: Big, budget: Big, weight: Big): Big | undefined {
  if (budget.lte(0)) return undefined;
  if (executed.gte(budget)) return roundScore(weight);
  if (executed.lte(0)) return new Big(0);
  return roundScore(executed.times(weight).div(budget));
}

/** 等级 of a 总分: ≥ 90 优, 80–90 良, 60–80 中, < 60 差. */
export function gradeOf(total: Big): Grade {
  if (total.gte(90)) return '优';
  if (total.gte(80)) return '良';
  if (total.gte(60)) return '中';
  return '差';
}

/** The grades of a qualitative indicator (SPEC §12), with the share of 分值 each allows. */
export const QUALITATIVE_GRADES = [
  { text: '达成年度指标', from: '0.8', to: '1' },
  { text: '部分达成年度指标并具有一定效果', from: '0.6', to: '0.8' },
  { text: '未达成年度指标且效果较差', from: '0', to: '0.6' },
] as const;

export type QualitativeGrade = (typeof QUALITATIVE_GRADES)[number];

/** The grade an actual value names (`部分达成…` before `达成…`, `未达成…` before both); undefined when none. */
export function qualitativeGradeOf(text: string): QualitativeGrade | undefined {
  const t = text.replace(/\s+/gu, '');
  const [full, partly, missed] = QUALITATIVE_GRADES;
  if (t.startsWith('未达成')) return missed;
  if (t.startsWith('部分达成')) return partly;
  if (t.startsWith('达成')) return full;
  return undefined;
}

/** The scores a grade allows for an indicator worth `weight`: [from, to], rounded to 0.01. */
export function gradeRange(grade: QualitativeGrade, weight: Big): { from: Big; to: Big } {
  return { from: roundScore(weight.times(grade.from)), to: roundScore(weight.times(grade.to)) };
}
