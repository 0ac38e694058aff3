/** Every rule of SPEC §4 and §12 (and table/unreadable), in the order the task pane's help lists them. */

import type { Rule } from './rule';
import tableMissingField from './table-missing-field';
import tableDuplicateCode from './table-duplicate-code';
import tableUnreadable from './table-unreadable';
import tableFormulaField from './table-formula-field';
import tableHiddenContent from './table-hidden-content';
import tableStrayRows from './table-stray-rows';
import budgetNotNumber from './budget-not-number';
import budgetAmountAsText from './budget-amount-as-text';
import budgetNegative from './budget-negative';
import budgetSumMismatch from './budget-sum-mismatch';
import budgetCostExceedsBudget from './budget-cost-exceeds-budget';
import budgetUnitDoubt from './budget-unit-doubt';
import planNotNumber from './plan-not-number';
import planOutOfRange from './plan-out-of-range';
import planDecreasing from './plan-decreasing';
import planNotComplete from './plan-not-complete';
import planBlank from './plan-blank';
import planPercentFormat from './plan-percent-format';
import planAmountMismatch from './plan-amount-mismatch';
import indicatorUnknownLevel1 from './indicator-unknown-level1';
import indicatorUnknownLevel2 from './indicator-unknown-level2';
import indicatorMissingLevel1 from './indicator-missing-level1';
import indicatorEmptyName from './indicator-empty-name';
import indicatorEmptyValue from './indicator-empty-value';
import indicatorEmptyDescription from './indicator-empty-description';
import indicatorEmptyBasis from './indicator-empty-basis';
import indicatorNoComparator from './indicator-no-comparator';
import indicatorUnitMismatch from './indicator-unit-mismatch';
import indicatorRateOutOfRange from './indicator-rate-out-of-range';
import indicatorDirection from './indicator-direction';
import indicatorLowSatisfaction from './indicator-low-satisfaction';
import indicatorLevel2Mismatch from './indicator-level2-mismatch';
import indicatorVagueValue from './indicator-vague-value';
import indicatorDuplicateName from './indicator-duplicate-name';
import indicatorNonstandardText from './indicator-nonstandard-text';
import indicatorFormulaValue from './indicator-formula-value';
import indicatorEmptyPlaceholder from './indicator-empty-placeholder';
import selfevalMissingActual from './selfeval-missing-actual';
import selfevalMissingReason from './selfeval-missing-reason';
import selfevalScoreOutOfRange from './selfeval-score-out-of-range';
import selfevalScoreMismatch from './selfeval-score-mismatch';
import selfevalWeightsSum from './selfeval-weights-sum';
import selfevalUnitMismatch from './selfeval-unit-mismatch';
import selfevalOverSpent from './selfeval-over-spent';

export type { Rule, RuleContext, RuleMeta, Report, MessageTemplate } from './rule';

export const RULES: readonly Rule[] = [
  tableMissingField,
  tableDuplicateCode,
  tableUnreadable,
  tableFormulaField,
  tableHiddenContent,
  tableStrayRows,
  budgetNotNumber,
  budgetAmountAsText,
  budgetNegative,
  budgetSumMismatch,
  budgetCostExceedsBudget,
  budgetUnitDoubt,
  planNotNumber,
  planOutOfRange,
  planDecreasing,
  planNotComplete,
  planBlank,
  planPercentFormat,
  planAmountMismatch,
  indicatorUnknownLevel1,
  indicatorUnknownLevel2,
  indicatorMissingLevel1,
  indicatorEmptyName,
  indicatorEmptyValue,
  indicatorEmptyDescription,
  indicatorEmptyBasis,
  indicatorNoComparator,
  indicatorUnitMismatch,
  indicatorRateOutOfRange,
  indicatorDirection,
  indicatorLowSatisfaction,
  indicatorLevel2Mismatch,
  indicatorVagueValue,
  indicatorDuplicateName,
  indicatorNonstandardText,
  indicatorFormulaValue,
  indicatorEmptyPlaceholder,
  selfevalMissingActual,
  selfevalMissingReason,
  selfevalScoreOutOfRange,
  selfevalScoreMismatch,
  selfevalWeightsSum,
  selfevalUnitMismatch,
  selfevalOverSpent,
];

/** The rule with that id, if any. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
