/**
 * The budget and its money unit (SPEC §5). Labels differ by form (预算数, 年度资金总额, 年度资金申请总额,
 * 预算金额; 财政资金 or 财政拨款; 上年结转; 其他资金) and so does the arrangement: side by side on one
 * line, one under the other, or a grid whose columns are the project period and this year.
 */

import type { Hit, SheetView } from './reader-sheet';
import { isAnnual, isProjectPeriod } from './reader-labels';
import type { Field } from './types';

export interface BudgetRead {
  total?: Field;
  fiscal?: Field;
  carryover?: Field;
  other?: Field;
  /** The total's label, when found. */
  totalHit?: Hit;
  /** The budget's labels, for the table's extent. */
  labels: Hit[];
}

const PARTS = ['fiscal', 'carryover', 'other'] as const;
/** How far below a column header (年度资金总额) its rows (财政拨款, 其他资金) may sit. */
const MATRIX_DEPTH = 6;

/** This year's total rather than the project period's, when the form gives both. */
function pickTotal(totals: Hit[]): Hit | undefined {
  return totals.find((h) => isAnnual(h.key)) ?? totals.find((h) => !isProjectPeriod(h.key)) ?? totals[0];
}

/**
 * A grid such as
 *   |          | 项目资金总额 | 年度资金总额 |
 *   | 资金总额 | 375          | 125          |
 *   | 财政拨款 | 300          | 100          |
 * is read down the year's column, each row by its label at the left.
 */
function readMatrix(view: SheetView, hits: Hit[], header: Hit): BudgetRead | undefined {
  const rowsBelow = hits.filter(
    (h) =>
      h.row > view.depth(header.row, header.col) && h.row <= header.row + MATRIX_DEPTH && h.col < header.col,
  );
  if (!rowsBelow.some((h) => h.kind !== 'total')) return undefined;
  const rowLabel = (kind: Hit['kind']): Hit | undefined => rowsBelow.find((h) => h.kind === kind);
  const at = (label: Hit | undefined): Field | undefined =>
    label ? view.field(label.row, header.col) : undefined;
  const totalLabel = rowLabel('total');
  const read: BudgetRead = {
    total: totalLabel ? at(totalLabel) : undefined,
    totalHit: totalLabel ?? header,
    labels: [header, ...rowsBelow],
  };
  for (const part of PARTS) {
    const field = at(rowLabel(part));
    if (field) read[part] = field;
  }
  // Without a 资金总额 row, the figure under the column header is the total.
  if (!read.total) read.total = view.below(header);
  return read;
}

export function readBudget(view: SheetView, hits: Hit[]): BudgetRead {
  const budgetHits = hits.filter((h) => h.kind === 'total' || (PARTS as readonly string[]).includes(h.kind));
  const totals = budgetHits.filter((h) => h.kind === 'total');
  for (const header of totals.filter((h) => isAnnual(h.key))) {
    const matrix = readMatrix(view, budgetHits, header);
    if (matrix) return matrix;
  }
  const totalHit = pickTotal(totals);
  const read: BudgetRead = { totalHit, labels: [], total: totalHit ? view.valueRight(totalHit) : undefined };
  if (totalHit) read.labels.push(totalHit);
  for (const part of PARTS) {
    const candidates = budgetHits.filter((h) => h.kind === part);
    // The parts of the chosen total: on its line, else the first at or below it.
    const label =
      (totalHit &&
        (candidates.find((h) => h.row === totalHit.row) ?? candidates.find((h) => h.row >= totalHit.row))) ||
      candidates[0];
    if (!label) continue;
    read[part] = view.valueRight(label);
    read.labels.push(label);
  }
  return read;
}

/**
 * The money unit of the table's amounts: the one written nearest above (or on) the budget's line —
 * `项目资金（元）` beside the amounts, or the unit line — else any in the table's header lines.
 */
export function moneyScaleOf(
  view: SheetView,
  top: number,
  headerEnd: number,
  budgetRow: number | undefined,
): 1 | 0.0001 {
  const marks = view.moneyMarks.filter((m) => m.row >= top && m.row <= headerEnd);
  if (!marks.length) return 1;
  if (budgetRow !== undefined) {
    const above = marks.filter((m) => m.row <= budgetRow);
    const last = above[above.length - 1];
    if (last) return last.scale;
  }
  return marks[0]?.scale ?? 1;
}
