/**
 * Budget totals (SPEC §6) in exact decimals: every amount in 万元, rounded to 0.01 only when printed,
 * so the sum of the projects is exact even where each project's printed share is rounded.
 */

import Big from 'big.js';
import { readAmount, readPlanCell } from './amounts';
import type { TargetTable } from './types';

/** Money as exact decimal strings in 万元 with two decimals, as printed. */
export interface TableTotalsView {
  /** Index into WorkbookState.tables. */
  table: number;
  sheet: string;
  code: string;
  name: string;
  total: string;
  fiscal: string;
  other: string;
  /** Planned amounts by 3月底, 6月底, 10月底, 12月底. */
  planned: string[];
}

export interface TotalsView {
  projects: TableTotalsView[];
  total: string;
  fiscal: string;
  other: string;
  planned: string[];
}

export interface TableAmounts {
  /** Index of the table in the list totalled. */
  table: number;
  sheet: string;
  code: string;
  name: string;
  total: Big;
  /** 财政资金: 财政拨款 plus 上年结转 where the layout has it (money granted in an earlier year). */
  fiscal: Big;
  other: Big;
  /** Planned amounts by 3月底, 6月底, 10月底, 12月底. */
  planned: Big[];
}

export interface Totals {
  tables: TableAmounts[];
  total: Big;
  fiscal: Big;
  other: Big;
  planned: Big[];
  projects: number;
}

const PERIODS = 4;
const ZERO = new Big(0);

/** An amount in 万元; empty or unreadable counts 0 (budget/not-number reports the latter). */
function wan(table: TargetTable, field: TargetTable['budget']['total']): Big {
  const amount = readAmount(field);
  return amount.kind === 'number' ? amount.value.times(table.moneyScale) : ZERO;
}

/**
 * 预算数 × cumulative plan % / 100 at each period. A blank (or unreadable) period carries the
 * previous period's cumulative amount, 0 before the first filled one.
 */
function plannedAmounts(table: TargetTable, total: Big): Big[] {
  const planned: Big[] = [];
  let carried = ZERO;
  for (let i = 0; i < PERIODS; i++) {
    const reading = readPlanCell(table.plan[i]);
    if (reading.kind === 'number') carried = total.times(new Big(reading.percent)).div(100);
    planned.push(carried);
  }
  return planned;
}

export function tableAmounts(table: TargetTable, index: number): TableAmounts {
  const total = wan(table, table.budget.total);
  return {
    table: index,
    sheet: table.sheet,
    code: table.code?.text ?? '',
    name: table.name?.text ?? '',
    total,
    fiscal: wan(table, table.budget.fiscal).plus(wan(table, table.budget.carryover)),
    other: wan(table, table.budget.other),
    planned: plannedAmounts(table, total),
  };
}

/** Every table's amounts and their sums; a project found twice counts once per occurrence. */
export function computeTotals(tables: readonly TargetTable[]): Totals {
  const rows = tables.map(tableAmounts);
  const sum = (pick: (row: TableAmounts) => Big): Big => rows.reduce((acc, row) => acc.plus(pick(row)), ZERO);
  return {
    tables: rows,
    total: sum((r) => r.total),
    fiscal: sum((r) => r.fiscal),
    other: sum((r) => r.other),
    planned: Array.from({ length: PERIODS }, (_, i) => sum((r) => r.planned[i] ?? ZERO)),
    projects: rows.length,
  };
}

/** Two decimals, half up (13.8975 → 13.90); never `-0.00`. */
export function formatWan(b: Big): string {
  const s = b.toFixed(2, Big.roundHalfUp);
  return /^-0\.00$/.test(s) ? '0.00' : s;
}

/** The printed view of the totals, as the task pane and the 汇总 sheet show it. */
export function totalsView(totals: Totals): TotalsView {
  const projects: TableTotalsView[] = totals.tables.map((row) => ({
    table: row.table,
    sheet: row.sheet,
    code: row.code,
    name: row.name,
    total: formatWan(row.total),
    fiscal: formatWan(row.fiscal),
    other: formatWan(row.other),
    planned: row.planned.map(formatWan),
  }));
  return {
    projects,
    total: formatWan(totals.total),
    fiscal: formatWan(totals.fiscal),
    other: formatWan(totals.other),
    planned: totals.planned.map(formatWan),
  };
}
