/** What the selfeval/* rules share: which tables they judge, and how a target is shown as an example. */

import { evaluateSelf, type IndicatorScore, type SelfEvaluation } from './evaluate';
import type { RuleContext } from '../rules/rule';

/** The table's scores when it is a self-evaluation (SPEC §12); undefined for any other form. */
export function selfEvaluation(context: RuleContext): SelfEvaluation | undefined {
  return context.table.form === 'selfEval' ? evaluateSelf(context.table) : undefined;
}

/** The target as an example of what to type: its number and unit (`96%`, `200人`). */
export function exampleOf(score: IndicatorScore): string {
  const t = score.target;
  return t ? `${t.number.toFixed()}${t.unit ?? ''}` : '';
}

/** A score or 分值 as shown: two decimals. */
export const points = (b: { toFixed(dp: number): string }): string => b.toFixed(2);
