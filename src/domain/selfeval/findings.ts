/** What the selfeval/* rules share: which tables they judge, and how a target is shown as an example. */

import { evaluateSelf, type IndicatorScore, type SelfEvaluation } from './evaluate';
import type { RuleContext } from '../rules/rule';
import type { Indicator, TargetTable } from '../types';

/** The table's scores when it is a self-evaluation (SPEC §12), a department's included; else undefined. */
export function selfEvaluation(context: RuleContext): SelfEvaluation | undefined {
  return isSelfEvaluation(context.table) ? evaluateSelf(context.table) : undefined;
}

/**
 * A 自评表 — or a department's self-evaluation (部门整体支出绩效自评表), read as the department's
 * table, whose columns of what was spent and achieved are still judged as a 自评表's.
 */
export function isSelfEvaluation(table: TargetTable): boolean {
  return (
    table.form === 'selfEval' ||
    (table.form === 'department' &&
      (table.funds?.some((line) => line.cells.executed !== undefined) === true ||
        table.indicators.some((ind) => ind.actual !== undefined || ind.score !== undefined)))
  );
}

/** The target as an example of what to type: its number and unit (`96%`, `200人`). */
export function exampleOf(score: IndicatorScore): string {
  const t = score.target;
  return t ? `${t.number.toFixed()}${t.unit ?? ''}` : '';
}

/** A score or 分值 as shown: two decimals. */
export const points = (b: { toFixed(dp: number): string }): string => b.toFixed(2);

/**
 * An indicator as messages name it: its 三级 name, or — for a row scored without one — the address of
 * the name's cell, which is where the name is missing.
 */
export function nameOf(ind: Indicator): string {
  return ind.name.text.trim() !== '' ? ind.name.text : ind.name.cell;
}
