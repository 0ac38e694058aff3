/**
 * Excel's limits on what an add-in may write, enforced as Excel enforces them: the write fails at
 * sync and nothing of the batch after it is applied.
 *
 * - a cell holds at most 32,767 characters; a formula at most 8,192; functions nest at most 64 deep
 *   (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3;
 *   8,192 also in [MS-OI29500] 2.1.1085, ST_Formula,
 *   https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/8ebf82e4-4fa4-43a6-9ecd-d2d793a6f4bf).
 *   A formula above the length fails with `FormulaLengthExceedsLimit` (Excel.ErrorCodes in
 *   @types/office-js).
 * - a text constant inside a formula holds at most 255 characters (Excel refuses the formula with
 *   "Text values in formulas are limited to 255 characters").
 * - data validation: the rule's formula or list at most 255 characters (counted in characters, not
 *   bytes: https://github.com/qax-os/excelize/issues/972); the prompt's and the error's titles at
 *   most 32, the prompt at most 255, the error message at most 224 ([MS-OI29500] 2.1.613,
 *   https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64).
 */

import { SimError } from './errors';
import type { Node } from './formula/parser';

export const EXCEL_LIMITS = {
  cellText: 32767,
  formula: 8192,
  formulaText: 255,
  nesting: 64,
  validationFormula: 255,
  validationTitle: 32,
  validationPrompt: 255,
  validationError: 224,
} as const;

function invalid(message: string): SimError {
  return new SimError('InvalidArgument', message);
}

/** Function calls nested inside one another, the deepest chain. */
function nesting(node: Node): number {
  switch (node.t) {
    case 'func':
      return 1 + Math.max(0, ...node.args.map(nesting));
    case 'unary':
    case 'percent':
      return nesting(node.x);
    case 'bin':
      return Math.max(nesting(node.l), nesting(node.r));
    default:
      return 0;
  }
}

function longestText(node: Node): number {
  switch (node.t) {
    case 'str':
      return node.v.length;
    case 'func':
      return Math.max(0, ...node.args.map(longestText));
    case 'unary':
    case 'percent':
      return longestText(node.x);
    case 'bin':
      return Math.max(longestText(node.l), longestText(node.r));
    default:
      return 0;
  }
}

/** A formula Excel would take: `formula` its text with `=`, `tree` its parse. */
export function checkFormulaLimits(formula: string, tree: Node): void {
  if (formula.length > EXCEL_LIMITS.formula)
    throw new SimError(
      'FormulaLengthExceedsLimit',
      `The formula is ${formula.length} characters long; Excel allows ${EXCEL_LIMITS.formula}.`,
    );
  if (longestText(tree) > EXCEL_LIMITS.formulaText)
    throw invalid(`Text values in formulas are limited to ${EXCEL_LIMITS.formulaText} characters.`);
  if (nesting(tree) > EXCEL_LIMITS.nesting)
    throw invalid(`The formula nests more than ${EXCEL_LIMITS.nesting} levels of functions.`);
}

export function checkCellText(text: string): void {
  if (text.length > EXCEL_LIMITS.cellText)
    throw invalid(
      `Text of ${text.length} characters does not fit in a cell (at most ${EXCEL_LIMITS.cellText}).`,
    );
}

export function checkValidationFormula(text: string): void {
  if (text.length > EXCEL_LIMITS.validationFormula)
    throw invalid(
      `A data validation formula or list is limited to ${EXCEL_LIMITS.validationFormula} characters (${text.length}).`,
    );
}

/** `errorAlert` / `prompt` texts: titles at most 32, the message at most `message` characters. */
export function checkValidationTexts(
  what: 'errorAlert' | 'prompt',
  settings: { title?: unknown; message?: unknown } | null,
): void {
  if (!settings || typeof settings !== 'object') return;
  const max = what === 'prompt' ? EXCEL_LIMITS.validationPrompt : EXCEL_LIMITS.validationError;
  if (typeof settings.title === 'string' && settings.title.length > EXCEL_LIMITS.validationTitle)
    throw invalid(`The ${what} title is limited to ${EXCEL_LIMITS.validationTitle} characters.`);
  if (typeof settings.message === 'string' && settings.message.length > max)
    throw invalid(`The ${what} message is limited to ${max} characters.`);
}
