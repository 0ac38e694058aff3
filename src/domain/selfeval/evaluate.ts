/**
 * A self-evaluation table scored (SPEC §12): each indicator's 分值, what its 实际完成值 reads as, its
 * score; the 执行率 and its score; 总分 and 等级. What cannot be read or scored is undefined with the
 * reason kept, never 0: the rules report it, and the total stays undefined until every part is known.
 */

import Big from 'big.js';
import { isPercentFormat, parseDecimalText, readAmount, type AmountReading } from '../amounts';
import { expectation, filled, valueInfo } from '../rules/support';
import { levelKey, weightInName } from '../taxonomy';
import type { Field, FundsLine, Indicator, MeasureKind, ParsedValue, TargetTable } from '../types';
import { unitInName } from '../names';
import { lookupUnit } from '../units';
import { parseValue } from '../value';
import {
  executionRate,
  fundsScore,
  gradeOf,
  qualitativeGradeOf,
  quantitativeScore,
  type Direction,
  type Grade,
  type QualitativeGrade,
} from './score';
import { factorTo } from './units';
import {
  FUNDS_WEIGHT,
  isScoredRow,
  positivePoints,
  readPoints,
  splitWeight,
  weightGroups,
  type WeightGroup,
} from './weights';

/**
 * A quantitative target: its direction, number and unit (null when the target has none). A bare
 * number whose name makes it a rate (`工程完工率 | 100`, SPEC §3) is a percent: `unit` is `%` and
 * `percentByName` says the sign was not written.
 */
export interface Target {
  direction: Direction;
  number: Big;
  unit: string | null;
  parsed: ParsedValue;
  /** The kind the indicator's name asks for (SPEC §3), null when its words say none. */
  nameKind: MeasureKind | null;
  /** The unit `%` comes from the name, the target being written without it. */
  percentByName?: true;
  /**
   * The unit the row states for every figure in it: its 计量单位, or the name's (`项目总投入（万元）`).
   * A bare actual value is in it.
   */
  rowUnit?: string;
}

export type ActualReading =
  | { kind: 'empty' }
  /**
   * A number in the target's unit: typed so, bare, or converted exactly from another unit of the same
   * quantity (`480000元` for `≤50万元` is 48; `from` names the unit it was written in). `bareFraction`:
   * a bare number in (0, 1] against a percent target, which may mean a rate (0.98 = 98%) or a percent
   * (0.98%): scored only where both readings give the same score. `bareMoney`: a bare number against
   * a money target on a row that states no unit (`480000` for `≤50万元`): in 元 or in 万元? Scored
   * only where every reading gives the same score.
   */
  | { kind: 'number'; value: Big; from?: string; bareFraction?: true; bareMoney?: true }
  /**
   * A percent (`95%`, or 0.95 in a cell formatted as a percent; `value` is 95) against a target written
   * without a unit whose name does not make it a rate (`100` for an index, `0.95` for a 率): the
   * target may be in percent, or the percent may be the share of the target achieved. Scored only
   * where both readings give the same score.
   */
  | { kind: 'percentOfBare'; value: Big; text: string }
  /** A quantity of another kind than the target's (`3个月` for `≤30%`, `5人` for `≤30天`). */
  | { kind: 'unitMismatch'; text: string; unit: string | null }
  /**
   * A quantity of the target's kind in a unit that is not the same quantity (`3个工作日` for `≤3天`,
   * `48小时` for `≤2天`, `120人次` for `≥100人`): not an error of kind, but not scored either.
   */
  | { kind: 'otherUnit'; text: string; unit: string }
  /** Not a number (`已完成` for `≥95%`), or an error value. */
  | { kind: 'notNumber'; text: string }
  /** A qualitative target's actual value: the grade it names, if any. */
  | { kind: 'text'; text: string; grade?: QualitativeGrade };

export interface IndicatorScore {
  indicator: Indicator;
  /** 分值: as typed in the 分值 column when the table has one, else the default split. */
  weight?: Big;
  /** The 分值 is the form's own (its 分值 column), not the default split. */
  weightTyped: boolean;
  /** The 分值 cell held something that is not a number. */
  weightUnreadable?: boolean;
  /** The quantitative target; undefined for a qualitative one. */
  target?: Target;
  actual: ActualReading;
  /** The score as typed in the 得分 column (a formula's last value included), when it is a number. */
  typed?: Big;
  /** The score: computed for a quantitative target, the typed one (within 0 … 分值) for a qualitative. */
  score?: Big;
  /**
   * The actual value is a bare number in (0, 1] against a percent target whose score differs as a
   * rate (0.98 = 98%) and as a percent (0.98%): not scored, and the rule asks for the percent sign.
   */
  fractionUnread?: true;
  /**
   * The actual value is a bare number against a money target whose score differs as 元, as 万元 and
   * in the target's unit: not scored, and the rule asks for the unit.
   */
  moneyUnread?: true;
  /**
   * The actual value is a percent against a target without a unit (percentOfBare) whose two readings
   * score differently: not scored, and the rule asks for the target's unit.
   */
  percentUnread?: true;
}

export interface FundsScore {
  line: FundsLine;
  /** The 执行率's 分值; undefined when the form scores the budget but does not say by how much. */
  weight?: Big;
  /** The weight could not be told (weight undefined): the budget is not scored, the total not given. */
  weightUnread?: true;
  budget: AmountReading;
  budgetField?: Field;
  executed: AmountReading;
  executedField?: Field;
  rate?: Big;
  score?: Big;
  /** The score as the form states it (得分 of the funds line), when it is a number. */
  typed?: Big;
}

export interface SelfEvaluation {
  indicators: IndicatorScore[];
  funds?: FundsScore;
  /** The sum of every 分值 (执行率's included). */
  weights: Big;
  /** 总分, undefined while a part cannot be scored. */
  total?: Big;
  grade?: Grade;
  /**
   * The form weighs its rows by 分值 the reader did not place: the first score above its default
   * weight, where a reviewer sees it. No row is then judged by a weight.
   */
  weightsUnread?: Field;
  /** Rows with a 分值 or 得分 that cannot be told to count or not (strayRows): the total waits. */
  strayRows?: Indicator[];
}

const evaluations = new WeakMap<TargetTable, SelfEvaluation>();

function directionOf(parsed: ParsedValue): Direction {
  return parsed.comparator === '≤' || parsed.comparator === '<' ? 'down' : 'up';
}

/**
 * The target as a number to score against, when it is one (a date or words are qualitative). A bare
 * number under a name that asks for a rate (`工程完工率 | 100`) is that many percent — unless it lies in
 * (0, 1], where it may as well be the rate itself (0.95 for 95 %): that one stays without a unit, and
 * a percent typed against it is scored only where both readings agree (percentOfBare).
 */
export function targetOf(ind: Indicator): Target | undefined {
  const parsed = valueInfo(ind)?.parsed;
  if (!parsed?.quantitative || parsed.number === null || parsed.kind === 'date') return undefined;
  const number = parseDecimalText(parsed.number);
  if (!number) return undefined;
  const nameKind = expectation(ind).kind;
  const target: Target = { direction: directionOf(parsed), number, unit: parsed.unit, parsed, nameKind };
  const rowUnit =
    (filled(ind.unit) ? lookupUnit(ind.unit?.text ?? '')?.unit : undefined) ?? unitInName(ind.name.text);
  if (rowUnit) target.rowUnit = rowUnit;
  if (parsed.unit === null && nameKind === 'percent' && (number.gt(1) || number.eq(0))) {
    target.unit = '%';
    target.percentByName = true;
  }
  return target;
}

/**
 * A target without a unit whose name asks for no other kind than a percent (a count, a time, money
 * never is one): a percent typed against it is read both ways (percentOfBare).
 */
export function takesPercentOfBare(target: Target): boolean {
  return target.unit === null && (target.nameKind === null || target.nameKind === 'percent');
}

/** The unit as the user may type it after the number: the target's own (`%`, `人次`, `万元`). */
function withoutUnit(text: string, unit: string | null): string {
  if (unit && text.endsWith(unit)) return text.slice(0, -unit.length);
  return text;
}

/** The money units tables are kept in: a bare amount may be in either. */
const TABLE_MONEY_UNITS = ['元', '万元'];

/**
 * A bare number as the actual value: against a percent target, in (0, 1], maybe a rate (0.98 for
 * 98%); against money, in the unit the row states, else in 元 or 万元 (`480000` for `≤50万元`);
 * otherwise in the target's unit.
 */
function bareActual(value: Big, target: Target): Extract<ActualReading, { kind: 'number' }> {
  if (target.parsed.kind === 'money' && target.unit) {
    const stated = target.rowUnit ? factorTo(target.rowUnit, target.unit) : undefined;
    if (stated && target.rowUnit)
      return stated.eq(1)
        ? { kind: 'number', value }
        : { kind: 'number', value: value.times(stated), from: target.rowUnit };
    if (moneyFactors(target.unit).length > 0) return { kind: 'number', value, bareMoney: true };
    return { kind: 'number', value };
  }
  return target.unit === '%' && value.gt(0) && value.lte(1)
    ? { kind: 'number', value, bareFraction: true }
    : { kind: 'number', value };
}

/** What one 元 and one 万元 are in a money target's unit, where they are not the unit itself. */
export function moneyFactors(unit: string): Big[] {
  return TABLE_MONEY_UNITS.flatMap((u) => {
    const factor = factorTo(u, unit);
    return factor && !factor.eq(1) ? [factor] : [];
  });
}

/**
 * Every value an actual number may mean in its target's unit: the number itself, and for a bare
 * fraction the rate (×100), for a bare amount the same figure in 元 and in 万元.
 */
export function readingsOf(actual: Extract<ActualReading, { kind: 'number' }>, target: Target): Big[] {
  if (actual.bareFraction) return [actual.value, actual.value.times(100)];
  if (actual.bareMoney && target.unit)
    return [actual.value, ...moneyFactors(target.unit).map((f) => actual.value.times(f))];
  return [actual.value];
}

/** The score every reading agrees on; undefined when they differ or one cannot be scored. */
function agreedScore(target: Target, readings: readonly Big[], weight: Big): Big | undefined {
  const scores = readings.map((v) => quantitativeScore(target.direction, target.number, v, weight));
  const [first] = scores;
  return first && scores.every((x) => x?.eq(first)) ? first : undefined;
}

/**
 * A percent typed as the actual value (`value` in percent: 95 for `95%`), read against its target: a
 * number of a percent target; of a target without a unit, one to score on both readings
 * (percentOfBare) unless the name asks for another kind; of any other target, a unit of another kind.
 */
function percentActual(value: Big, text: string, target: Target): ActualReading {
  if (target.unit === '%') return { kind: 'number', value };
  if (takesPercentOfBare(target)) return { kind: 'percentOfBare', value, text };
  return { kind: 'unitMismatch', text, unit: '%' };
}

/**
 * What an 实际完成值 holds, read against its target: a number in the target's unit (typed with that
 * unit, without one, or in another unit of the same quantity, converted exactly); a quantity in a
 * unit of the same kind that is not the same quantity; one of another kind; or text that is not a
 * number.
 */
export function readActual(field: Field | undefined, target: Target | undefined): ActualReading {
  const raw = field?.raw;
  if (!field || !filled(field) || !raw) return { kind: 'empty' };
  if (!target) {
    const grade = qualitativeGradeOf(field.text);
    return grade ? { kind: 'text', text: field.text, grade } : { kind: 'text', text: field.text };
  }
  if (raw.error || typeof raw.value === 'boolean' || raw.value === null)
    return { kind: 'notNumber', text: field.text };
  if (typeof raw.value === 'number') {
    if (!Number.isFinite(raw.value)) return { kind: 'notNumber', text: field.text };
    const value = new Big(raw.value);
    // A cell formatted as a percent shows (and means) `95%`: never the bare 0.95.
    if (isPercentFormat(raw.numberFormat)) return percentActual(value.times(100), field.text, target);
    return bareActual(value, target);
  }
  // `≥266米` as the actual value: forms copy the target's comparator; the number is what was achieved.
  const text = field.text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/^[≥≤><=]+/u, '');
  const bare = parseDecimalText(text);
  if (bare) return bareActual(bare, target);
  const percent = text.endsWith('%') ? parseDecimalText(text.slice(0, -1)) : undefined;
  if (percent) return percentActual(percent, field.text, target);
  const number = parseDecimalText(withoutUnit(text, target.unit));
  if (number) return { kind: 'number', value: number };
  // A bare 万 after an amount of money is 万元 (SPEC §3): `48万` for `≤50万元`.
  const parsed = parseValue(text, { nameKind: target.parsed.kind === 'money' ? 'money' : null });
  // The target copied in words (`2天以内` for `2天以内`, `95%以上` for `≥95%`): the same comparator, the
  // same unit; the number is what was achieved.
  if (
    parsed.quantitative &&
    parsed.number !== null &&
    parsed.comparator !== null &&
    parsed.comparator === target.parsed.comparator &&
    parsed.unit === target.unit
  )
    return { kind: 'number', value: new Big(parsed.number) };
  if (parsed.quantitative && parsed.comparator === null && parsed.number !== null) {
    if (parsed.unit === target.unit) return { kind: 'number', value: new Big(parsed.number) };
    const factor = parsed.unit && target.unit ? factorTo(parsed.unit, target.unit) : undefined;
    if (factor && parsed.unit)
      return { kind: 'number', value: new Big(parsed.number).times(factor), from: parsed.unit };
    // 'other' gathers lengths, masses, areas …: of one kind in name only.
    if (parsed.unit && target.unit && parsed.kind === target.parsed.kind && parsed.kind !== 'other')
      return { kind: 'otherUnit', text: field.text, unit: parsed.unit };
    return { kind: 'unitMismatch', text: field.text, unit: parsed.unit };
  }
  return { kind: 'notNumber', text: field.text };
}

/**
 * The two scores a percent (`value` in percent) gives against a target without a unit: the target read
 * as a percent, and — under a name that asks for a rate, where the target is in (0, 1] — as the rate
 * itself (0.95 for 95 %), else as a number of which the percent is the share achieved (`90%` of `50`).
 * `100%` against `100` is full both ways; `90%` against `50` is full or 90 %, and not told.
 */
export function percentOfBareScores(
  target: Target,
  value: Big,
  weight: Big,
): [Big | undefined, Big | undefined] {
  const asPercent = quantitativeScore(target.direction, target.number, value, weight);
  const other =
    target.nameKind === 'percent'
      ? quantitativeScore(target.direction, target.number.times(100), value, weight)
      : quantitativeScore(target.direction, target.number, value.times(target.number).div(100), weight);
  return [asPercent, other];
}

function scoreIndicator(ind: Indicator, weight: Big | undefined, weightTyped: boolean): IndicatorScore {
  const target = targetOf(ind);
  const actual = readActual(ind.actual, target);
  const typedReading = readPoints(ind.score);
  const typed = typedReading instanceof Big ? typedReading : undefined;
  const out: IndicatorScore = {
    indicator: ind,
    actual,
    weightTyped,
    ...(weight ? { weight } : {}),
    ...(target ? { target } : {}),
  };
  if (typed) out.typed = typed;
  if (!weight) return out;
  if (target) {
    if (actual.kind === 'number') {
      // 0.98 for `≥95%`: 98% or 0.98%? 480000 for `≤50万元`: 元 or 万元? Scored only when the readings agree.
      const score = agreedScore(target, readingsOf(actual, target), weight);
      if (score) out.score = score;
      else if (actual.bareFraction) out.fractionUnread = true;
      else if (actual.bareMoney) out.moneyUnread = true;
    } else if (actual.kind === 'percentOfBare') {
      const [asPercent, other] = percentOfBareScores(target, actual.value, weight);
      if (asPercent && other && asPercent.eq(other)) out.score = asPercent;
      else out.percentUnread = true;
    }
  } else if (typed && typed.gte(0) && typed.lte(weight)) {
    out.score = typed;
  }
  return out;
}

/** The funds line scored: the total's line (年度资金总额), else the first the form has. */
/**
 * The budget's 分值 stated by its block's headings: the block's own (`预算执行情况(万元)(20分)`) or its
 * 得分 column's rule (`得分(20分*执行率)`).
 */
function weightInHeadings(line: FundsLine): number | undefined {
  for (const text of line.headings ?? []) {
    const folded = text.normalize('NFKC').replace(/\s+/gu, '');
    const rule = /(\d+(?:\.\d+)?)分?[*×xX]执行率|执行率[*×xX](\d+(?:\.\d+)?)分?/u.exec(folded);
    if (rule) return Number(rule[1] ?? rule[2]);
    if (/预算执行|资金/u.test(folded)) {
      const named = weightInName(folded);
      if (named !== undefined) return named;
    }
  }
  return undefined;
}

function fundsLineOf(table: TargetTable): FundsLine | undefined {
  return table.funds?.find((l) => l.line === 'total') ?? table.funds?.[0];
}

const TOLERANCE = new Big('0.01');

/**
 * What the indicators weigh by the form's own word: the sum of their 分值 column, or — with no 分值
 * column — of the weights their 一级 names give (`产出指标（40分）`), each 一级 once, when every scored
 * row's 一级 gives one. 'unread' when a 分值 cannot be read; undefined when the form does not say
 * (some or all weights are §12's defaults).
 */
function formIndicatorWeights(
  indicators: readonly Indicator[],
  typedWeights: boolean,
): Big | 'unread' | undefined {
  let sum = new Big(0);
  if (typedWeights) {
    for (const ind of indicators) {
      const w = readPoints(ind.weight);
      if (!(w instanceof Big)) return 'unread';
      sum = sum.plus(w);
    }
    return sum;
  }
  const named = new Map<string, number>();
  for (const ind of indicators) {
    const w = weightInName(ind.level1.text);
    if (w === undefined) return undefined;
    named.set(levelKey(ind.level1.text), w);
  }
  if (named.size === 0) return undefined;
  for (const w of named.values()) sum = sum.plus(w);
  return sum;
}

/**
 * The 分值 of the 执行率 when the indicators carry their own 分值 (a 分值 column, or every 一级 naming
 * its weight) and the funds block has none: whatever the indicators leave of 100 when that is
 * unambiguous — 0 (the form does not score the budget), the 10 of §12, or another remainder the form's
 * own 得分 confirms (18 of 20 at 90%, 16 of 20 at 80%). Undefined when the form scores the budget but its
 * weight cannot be told: never a guess.
 */
function inferredFundsWeight(line: FundsLine, indicatorWeights: Big | 'unread'): Big | undefined {
  const typedScore = readPoints(line.cells.score);
  const scored = typedScore instanceof Big && typedScore.gt(0);
  if (indicatorWeights === 'unread') return scored ? undefined : new Big(0);
  const left = new Big(100).minus(indicatorWeights);
  if (left.eq(FUNDS_WEIGHT)) return left;
  if (left.lte(0)) return left.eq(0) && scored ? undefined : new Big(0);
  if (!line.cells.score) return new Big(0);
  if (!(typedScore instanceof Big)) return undefined;
  const budget = readAmount(line.cells.yearBudget ?? line.cells.yearStart);
  const executed = readAmount(line.cells.executed);
  if (budget.kind !== 'number' || executed.kind !== 'number') return undefined;
  const computed = fundsScore(executed.value, budget.value, left);
  return computed && computed.minus(typedScore).abs().lte(TOLERANCE) ? left : undefined;
}

/** The funds line scored with the weight given (undefined: not known, so not scored). */
function scoreFunds(line: FundsLine, weight: Big | undefined): FundsScore {
  const budgetField = line.cells.yearBudget ?? line.cells.yearStart;
  const executedField = line.cells.executed;
  const budget = readAmount(budgetField);
  const executed = readAmount(executedField);
  const out: FundsScore = {
    line,
    budget,
    executed,
    ...(weight ? { weight } : { weightUnread: true }),
    ...(budgetField ? { budgetField } : {}),
    ...(executedField ? { executedField } : {}),
  };
  const typedScore = readPoints(line.cells.score);
  if (typedScore instanceof Big) out.typed = typedScore;
  if (budget.kind === 'number' && executed.kind === 'number') {
    const rate = executionRate(executed.value, budget.value);
    if (rate) {
      out.rate = rate;
      // A budget the form does not score (分值 0) has no score to compare with.
      if (weight?.gt(0)) out.score = fundsScore(executed.value, budget.value, weight);
    }
  }
  return out;
}

/** A row that only sums others (小计, 合计): never an indicator of its own. */
const SUBTOTAL = /小计|合计|总计|总分/u;

/**
 * The rows a self-evaluation scores (isScoredRow): those with a 三级 name, and those whose name was
 * left out but which carry a target or an actual value besides a 分值 or 得分.
 */
export function scoredIndicators(table: TargetTable): Indicator[] {
  return table.indicators.filter(isScoredRow);
}

/**
 * Rows with a 分值 or 得分 above 0 but neither a name, a target nor an actual value, and no 小计 label:
 * whether they count cannot be told, so the total is not given while they are there. (A placeholder
 * row scored 0 changes no sum.)
 */
function strayRows(table: TargetTable): Indicator[] {
  return table.indicators.filter(
    (ind) =>
      !isScoredRow(ind) &&
      (positivePoints(ind.weight) || positivePoints(ind.score)) &&
      ![ind.level1, ind.level2, ind.name, ind.value].some((f) => SUBTOTAL.test(f.text)),
  );
}

/**
 * The rows of a default-weight group scored above their equal share (`产出指标（50分）` over three rows
 * scored 20, 20, 10): the form splits the group its own way. When every row's 得分 is typed, they add
 * up to the group's weight exactly and each is what its actual value gives in full, they can only be
 * the 分值 (a score never exceeds its 分值, so scores adding up to the weights are the weights). Else
 * undefined: the form's split is not known.
 */
function splitOfScores(indicators: readonly Indicator[], group: WeightGroup): Big[] | undefined {
  const typed: Big[] = [];
  let sum = new Big(0);
  for (const i of group.members) {
    const ind = indicators[i];
    const score = ind ? readPoints(ind.score) : undefined;
    if (!ind || !(score instanceof Big) || score.lte(0)) return undefined;
    const target = targetOf(ind);
    if (target) {
      const actual = readActual(ind.actual, target);
      if (actual.kind !== 'number') return undefined;
      const full = agreedScore(target, readingsOf(actual, target), score);
      if (!full || !full.eq(score.round(2))) return undefined;
    }
    typed.push(score);
    sum = sum.plus(score);
  }
  return sum.eq(group.weight) ? typed : undefined;
}

/** Scores a self-evaluation table (the same object is returned for the same table). */
export function evaluateSelf(table: TargetTable): SelfEvaluation {
  const cached = evaluations.get(table);
  if (cached) return cached;
  const indicators = scoredIndicators(table);
  const typedWeights = indicators.some((ind) => ind.weight !== undefined && filled(ind.weight));
  const line = fundsLineOf(table);
  const typedFunds = line ? readPoints(line.cells.weight) : undefined;
  // The 财政部 form scores the budget 10; a 分值 typed for it, or named in its line's label
  // (`年度资金总额（20分）`), overrides that. A form whose indicators carry their own 分值 (a column, or
  // in every 一级's name) and whose funds block has none leaves it what they leave of 100.
  const namedFunds = line ? (weightInName(line.label.text) ?? weightInHeadings(line)) : undefined;
  const indicatorWeights =
    line && !line.cells.weight ? formIndicatorWeights(indicators, typedWeights) : undefined;
  const fundsWeight =
    typedFunds instanceof Big
      ? typedFunds
      : namedFunds !== undefined
        ? new Big(namedFunds)
        : line && indicatorWeights !== undefined
          ? inferredFundsWeight(line, indicatorWeights)
          : new Big(FUNDS_WEIGHT);
  const groups = weightGroups(indicators, table.profile, fundsWeight ?? new Big(FUNDS_WEIGHT));
  const defaults: (Big | undefined)[] = indicators.map(() => undefined);
  // A form that scores a row above its default 分值 weighs its rows its own way, in a column the
  // reader did not place (a garbled or unknown heading), unless its scores tell that split exactly.
  let firstAbove: number | undefined;
  for (const group of groups) {
    const shares = splitWeight(group.weight, group.members.length);
    const above = typedWeights
      ? undefined
      : group.members.find((i, k) => {
          const typed = readPoints(indicators[i]?.score);
          const share = shares[k];
          return typed instanceof Big && share !== undefined && typed.gt(share);
        });
    const split = above !== undefined ? splitOfScores(indicators, group) : shares;
    if (!split && above !== undefined) firstAbove = Math.min(firstAbove ?? above, above);
    group.members.forEach((i, k) => {
      defaults[i] = split?.[k];
    });
  }
  // The first row scored above its share, where a reviewer sees it.
  const aboveDefault = firstAbove !== undefined ? indicators[firstAbove] : undefined;
  const ownScheme = aboveDefault !== undefined;
  const scores = indicators.map((ind, i) => {
    if (!typedWeights) return scoreIndicator(ind, ownScheme ? undefined : defaults[i], false);
    const typed = readPoints(ind.weight);
    const scored = scoreIndicator(ind, typed instanceof Big ? typed : undefined, true);
    if (typed === 'invalid') scored.weightUnreadable = true;
    return scored;
  });
  const funds = line ? scoreFunds(line, fundsWeight) : undefined;
  let weights = new Big(funds?.weight ?? 0);
  for (const s of scores) if (s.weight) weights = weights.plus(s.weight);
  const stray = strayRows(table);
  const parts = [
    ...scores.map((s) => s.score),
    ...(funds && (funds.weight === undefined || funds.weight.gt(0)) ? [funds.score] : []),
  ];
  // Default weights count the 执行率's 10: without a funds block the total cannot be complete.
  const complete =
    scores.length > 0 &&
    stray.length === 0 &&
    (funds !== undefined || typedWeights) &&
    parts.every((p) => p !== undefined);
  const result: SelfEvaluation = {
    indicators: scores,
    weights,
    ...(funds ? { funds } : {}),
    ...(aboveDefault?.score ? { weightsUnread: aboveDefault.score } : {}),
    ...(stray.length ? { strayRows: stray } : {}),
  };
  if (complete) {
    const total = parts.reduce<Big>((sum, p) => (p ? sum.plus(p) : sum), new Big(0));
    result.total = total;
    result.grade = gradeOf(total);
  }
  evaluations.set(table, result);
  return result;
}
