/**
 * A self-evaluation table scored (SPEC §12): each indicator's 分值, what its 实际完成值 reads as, its
 * score; the 执行率 and its score; 总分 and 等级. What cannot be read or scored is undefined with the
 * reason kept, never 0: the rules report it, and the total stays undefined until every part is known.
 */

import Big from 'big.js';
import { isPercentFormat, parseDecimalText, readAmount, type AmountReading } from '../amounts';
import { filled, valueInfo } from '../rules/support';
import type { Field, FundsLine, Indicator, ParsedValue, TargetTable } from '../types';
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
import { defaultWeights, FUNDS_WEIGHT } from './weights';

/** A quantitative target: its direction, number and unit (null when the target has none). */
export interface Target {
  direction: Direction;
  number: Big;
  unit: string | null;
  parsed: ParsedValue;
}

export type ActualReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: Big }
  /** A quantity in another unit than the target's (`3个月` for `≤30天`). */
  | { kind: 'unitMismatch'; text: string; unit: string | null }
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
}

export interface FundsScore {
  line: FundsLine;
  weight: Big;
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
}

const evaluations = new WeakMap<TargetTable, SelfEvaluation>();

function directionOf(parsed: ParsedValue): Direction {
  return parsed.comparator === '≤' || parsed.comparator === '<' ? 'down' : 'up';
}

/** The target as a number to score against, when it is one (a date or words are qualitative). */
export function targetOf(ind: Indicator): Target | undefined {
  const parsed = valueInfo(ind)?.parsed;
  if (!parsed?.quantitative || parsed.number === null || parsed.kind === 'date') return undefined;
  const number = parseDecimalText(parsed.number);
  return number ? { direction: directionOf(parsed), number, unit: parsed.unit, parsed } : undefined;
}

/** The unit as the user may type it after the number: the target's own (`%`, `人次`, `万元`). */
function withoutUnit(text: string, unit: string | null): string {
  if (unit && text.endsWith(unit)) return text.slice(0, -unit.length);
  return text;
}

/**
 * What an 实际完成值 holds, read against its target: a number in the target's unit (typed with that
 * unit or without one); a quantity in another unit; or text that is not a number.
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
    return {
      kind: 'number',
      value: isPercentFormat(raw.numberFormat) && target.unit === '%' ? value.times(100) : value,
    };
  }
  // `≥266米` as the actual value: forms copy the target's comparator; the number is what was achieved.
  const text = field.text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/^[≥≤><=]+/u, '');
  const number = parseDecimalText(withoutUnit(text, target.unit));
  if (number) return { kind: 'number', value: number };
  const parsed = parseValue(text);
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
  if (parsed.quantitative && parsed.comparator === null && parsed.unit !== target.unit)
    return { kind: 'unitMismatch', text: field.text, unit: parsed.unit };
  return { kind: 'notNumber', text: field.text };
}

/** A 分值 or 得分 cell as a number (`10`, `10.00`, `10分`); undefined when empty, 'invalid' otherwise. */
export function readPoints(field: Field | undefined): Big | 'invalid' | undefined {
  const raw = field?.raw;
  if (!field || !raw) return undefined;
  if (raw.error || typeof raw.value === 'boolean') return 'invalid';
  if (typeof raw.value === 'number') return Number.isFinite(raw.value) ? new Big(raw.value) : 'invalid';
  if (raw.value === null || String(raw.value).trim() === '') return undefined;
  const text = String(raw.value).normalize('NFKC').replace(/\s+/gu, '').replace(/分$/u, '');
  return parseDecimalText(text) ?? 'invalid';
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
      const score = quantitativeScore(target.direction, target.number, actual.value, weight);
      if (score) out.score = score;
    }
  } else if (typed && typed.gte(0) && typed.lte(weight)) {
    out.score = typed;
  }
  return out;
}

/** The funds line scored: the total's line (年度资金总额), else the first the form has. */
function scoreFunds(table: TargetTable, typedWeights: boolean): FundsScore | undefined {
  const line = table.funds?.find((l) => l.line === 'total') ?? table.funds?.[0];
  if (!line) return undefined;
  const budgetField = line.cells.yearBudget ?? line.cells.yearStart;
  const executedField = line.cells.executed;
  const typed = readPoints(line.cells.weight);
  // A form whose indicators carry their own 分值 and whose funds block has no 分值 column does not
  // score the budget; the 财政部 form scores it 10.
  const weight =
    typed instanceof Big ? typed : line.cells.weight || !typedWeights ? new Big(FUNDS_WEIGHT) : new Big(0);
  const budget = readAmount(budgetField);
  const executed = readAmount(executedField);
  const out: FundsScore = {
    line,
    weight,
    budget,
    executed,
    ...(budgetField ? { budgetField } : {}),
    ...(executedField ? { executedField } : {}),
  };
  const typedScore = readPoints(line.cells.score);
  if (typedScore instanceof Big) out.typed = typedScore;
  if (budget.kind === 'number' && executed.kind === 'number') {
    const rate = executionRate(executed.value, budget.value);
    if (rate) {
      out.rate = rate;
      out.score = fundsScore(executed.value, budget.value, weight);
    }
  }
  return out;
}

/** The indicators a self-evaluation scores: those with a 三级 name. */
export function scoredIndicators(table: TargetTable): Indicator[] {
  return table.indicators.filter((ind) => filled(ind.name));
}

/** Scores a self-evaluation table (the same object is returned for the same table). */
export function evaluateSelf(table: TargetTable): SelfEvaluation {
  const cached = evaluations.get(table);
  if (cached) return cached;
  const indicators = scoredIndicators(table);
  const typedWeights = indicators.some((ind) => ind.weight !== undefined && filled(ind.weight));
  const defaults = defaultWeights(indicators, table.profile);
  // A form that scores a row above its default 分值 weighs its rows its own way, in a column the
  // reader did not place (a garbled or unknown heading): judged by the defaults it would be wrong
  // on every row, so its rows have no weight to be judged by.
  const aboveDefault = typedWeights
    ? undefined
    : indicators.find((ind, i) => {
        const typed = readPoints(ind.score);
        const weight = defaults[i];
        return typed instanceof Big && weight !== undefined && typed.gt(weight);
      });
  const ownScheme = aboveDefault !== undefined;
  const scores = indicators.map((ind, i) => {
    if (!typedWeights) return scoreIndicator(ind, ownScheme ? undefined : defaults[i], false);
    const typed = readPoints(ind.weight);
    const scored = scoreIndicator(ind, typed instanceof Big ? typed : undefined, true);
    if (typed === 'invalid') scored.weightUnreadable = true;
    return scored;
  });
  const funds = scoreFunds(table, typedWeights);
  let weights = new Big(funds ? funds.weight : 0);
  for (const s of scores) if (s.weight) weights = weights.plus(s.weight);
  const parts = [...scores.map((s) => s.score), ...(funds && funds.weight.gt(0) ? [funds.score] : [])];
  // Default weights count the 执行率's 10: without a funds block the total cannot be complete.
  const complete =
    scores.length > 0 && (funds !== undefined || typedWeights) && parts.every((p) => p !== undefined);
  const result: SelfEvaluation = {
    indicators: scores,
    weights,
    ...(funds ? { funds } : {}),
    ...(aboveDefault?.score ? { weightsUnread: aboveDefault.score } : {}),
  };
  if (complete) {
    const total = parts.reduce<Big>((sum, p) => (p ? sum.plus(p) : sum), new Big(0));
    result.total = total;
    result.grade = gradeOf(total);
  }
  evaluations.set(table, result);
  return result;
}
