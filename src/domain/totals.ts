/**
 * Budget totals (SPEC §6) in exact decimals: every amount in 万元, rounded to 0.01 only when printed,
 * so the sum of the projects is exact even where each project's printed share is rounded. An amount
 * that could not be read is null, never 0: every sum it belongs to is null too, and the totals list
 * it as incomplete with the cell where the reader looked.
 */

import Big from 'big.js';
import { readAmount, readPlanCell } from './amounts';
import { columnLetters } from './address';
import { budgetLines, type BudgetPart, type Field, type TargetTable } from './types';

/** Why an amount is not in the totals: its cell is empty, it holds what cannot be read, or the table has no such field. */
export type UnreadReason = 'empty' | 'unreadable' | 'absent';

/** An amount the totals could not count, and where the reader looked (SPEC §6: never counted as 0). */
export interface UnreadAmount {
  /** Index of the table in the list totalled. */
  table: number;
  sheet: string;
  /** The amount's cell; for an absent field, the table's first cell. */
  cell: string;
  field: 'total' | 'fiscal' | 'other' | 'plan';
  reason: UnreadReason;
}

/** Money as exact decimal strings in 万元 with two decimals, as printed; null where it could not be read. */
export interface TableTotalsView {
  /** Index into WorkbookState.tables. */
  table: number;
  sheet: string;
  code: string;
  name: string;
  total: string | null;
  fiscal: string | null;
  other: string | null;
  /** Planned amounts by 3月底, 6月底, 10月底, 12月底. */
  planned: (string | null)[];
}

export interface TotalsView {
  projects: TableTotalsView[];
  /** A sum is null when any amount it is made of could not be read (`incomplete` says which). */
  total: string | null;
  fiscal: string | null;
  other: string | null;
  planned: (string | null)[];
  /** The sums of what could be read, for saying "at least" beside an incomplete total. */
  known: { total: string; fiscal: string; other: string; planned: string[] };
  incomplete: UnreadAmount[];
}

export interface TableAmounts {
  /** Index of the table in the list totalled. */
  table: number;
  sheet: string;
  code: string;
  name: string;
  total: Big | null;
  /** 财政资金: 财政拨款 plus 上年结转 where the layout has it (money granted in an earlier year). */
  fiscal: Big | null;
  other: Big | null;
  /** Planned amounts by 3月底, 6月底, 10月底, 12月底. */
  planned: (Big | null)[];
  /** A self-evaluation (自评表): its row is kept, but it is not a project and adds to no sum. */
  selfEval?: true;
  /**
   * A 部门整体 table beside project tables: the department's whole budget holds theirs, so it is not
   * a project and adds to no sum (alone, departments' tables are what is totalled).
   */
  department?: true;
  /** What could not be counted, and why. */
  unread: UnreadAmount[];
}

export interface Totals {
  tables: TableAmounts[];
  total: Big | null;
  fiscal: Big | null;
  other: Big | null;
  planned: (Big | null)[];
  /** Sums of the amounts that were read. */
  known: { total: Big; fiscal: Big; other: Big; planned: Big[] };
  incomplete: UnreadAmount[];
  projects: number;
}

const PERIODS = 4;
const ZERO = new Big(0);

type Reading = { ok: true; wan: Big } | { ok: false; reason: UnreadReason };

/**
 * An amount in 万元. An empty 预算数 is unread (nothing to count); an empty 财政资金, 上年结转 or
 * 其他资金 is 0 where `emptyIsZero` (SPEC §4), else unread.
 */
function wan(table: TargetTable, field: Field | undefined, emptyIsZero: boolean): Reading {
  if (!field) return { ok: false, reason: 'absent' };
  const amount = readAmount(field, table.moneyScale);
  if (amount.kind === 'number') return { ok: true, wan: amount.value.times(table.moneyScale) };
  if (amount.kind === 'empty') return emptyIsZero ? { ok: true, wan: ZERO } : { ok: false, reason: 'empty' };
  return { ok: false, reason: 'unreadable' };
}

/**
 * 预算数 × cumulative plan % / 100 at each period. A blank period carries the previous period's
 * cumulative amount, 0 before the first filled one; an unreadable period, and every period of a
 * table without a plan or without a readable 预算数, is unknown.
 */
function plannedAmounts(table: TargetTable, total: Big | null): (Big | null)[] {
  if (total === null || table.plan.length !== PERIODS) return Array<Big | null>(PERIODS).fill(null);
  const planned: (Big | null)[] = [];
  let carried: Big | null = ZERO;
  for (let i = 0; i < PERIODS; i++) {
    const reading = readPlanCell(table.plan[i]);
    if (reading.kind === 'number') carried = total.times(new Big(reading.percent)).div(100);
    else if (reading.kind === 'invalid') carried = null;
    planned.push(carried);
  }
  return planned;
}

/** A part's lines summed (中央资金 + 市级资金 …); absent when the form has none; the first unreadable line decides. */
function sumLines(
  table: TargetTable,
  part: BudgetPart,
  emptyIsZero: boolean,
): { reading: Reading; at: Field | undefined } {
  const lines = budgetLines(table, part);
  if (!lines.length) return { reading: { ok: false, reason: 'absent' }, at: undefined };
  let acc = ZERO;
  for (const line of lines) {
    const r = wan(table, line, emptyIsZero);
    if (!r.ok) return { reading: r, at: line };
    acc = acc.plus(r.wan);
  }
  return { reading: { ok: true, wan: acc }, at: lines[0] };
}

export function tableAmounts(table: TargetTable, index: number): TableAmounts {
  const unread: UnreadAmount[] = [];
  // Lines above a Word document's table sit at negative rows and have no address: row 1 stands for them.
  const origin = `${columnLetters(table.left)}${Math.max(table.top, 0) + 1}`;
  const note = (field: UnreadAmount['field'], at: Field | undefined, r: Reading): Big | null => {
    if (r.ok) return r.wan;
    unread.push({ table: index, sheet: table.sheet, cell: at?.cell ?? origin, field, reason: r.reason });
    return null;
  };
  const { budget } = table;
  const total = note('total', budget.total, wan(table, budget.total, false));
  const emptyIsZero = total !== null || partWritten(table);
  const fiscalSum = sumLines(table, 'fiscal', emptyIsZero);
  const otherSum = sumLines(table, 'other', emptyIsZero);
  const carrySum = sumLines(table, 'carryover', emptyIsZero);
  const granted = fiscalSum.reading;
  let other = otherSum.reading;
  const carryover: Reading = carrySum.at ? carrySum.reading : { ok: true, wan: ZERO };
  // A form without an 其他资金 line whose 财政资金 (and 上年结转) make up the whole 预算数 has no other
  // money: 0, exactly. Anything else left over is not read as other money (budget/sum-mismatch says so).
  if (total && !other.ok && other.reason === 'absent' && granted.ok && carryover.ok) {
    const rest = total.minus(granted.wan).minus(carryover.wan);
    if (rest.eq(0)) other = { ok: true, wan: ZERO };
  }
  const fiscal = !granted.ok
    ? note('fiscal', fiscalSum.at, granted)
    : note(
        'fiscal',
        carrySum.at,
        carryover.ok ? { ok: true, wan: granted.wan.plus(carryover.wan) } : carryover,
      );
  const otherWan = note('other', otherSum.at, other);
  const planned = plannedAmounts(table, total);
  if (total !== null && planned.some((p) => p === null)) {
    const bad = table.plan.find((f) => readPlanCell(f).kind === 'invalid');
    unread.push({
      table: index,
      sheet: table.sheet,
      cell: bad?.cell ?? table.plan[0]?.cell ?? origin,
      field: 'plan',
      reason: table.plan.length !== PERIODS ? 'absent' : 'unreadable',
    });
  }
  return {
    ...selfEvalMark(table),
    table: index,
    sheet: table.sheet,
    code: table.code?.text ?? '',
    name: table.name?.text ?? '',
    total,
    fiscal,
    other: otherWan,
    planned,
    unread,
  };
}

/**
 * True when a part of the budget holds an amount. An empty part is 0 (SPEC §4) beside a 预算数 that
 * was read, or beside another part that was written: the block was filled in and left that line
 * empty. Beside an unread 预算数 with nothing else written (a blank form's block, a 自评表 whose
 * 全年预算数 column is empty), an empty part says nothing: it is unread, never a confident 0.
 */
export function partWritten(table: TargetTable): boolean {
  return (['fiscal', 'carryover', 'other'] as const).some((part) =>
    budgetLines(table, part).some((f) => readAmount(f, table.moneyScale).kind === 'number'),
  );
}

function selfEvalMark(table: TargetTable): Pick<TableAmounts, 'selfEval'> {
  return table.form === 'selfEval' ? { selfEval: true } : {};
}

/** The sum, or null when any part is unknown. */
function sumOrNull(values: readonly (Big | null)[]): Big | null {
  let acc = ZERO;
  for (const v of values) {
    if (v === null) return null;
    acc = acc.plus(v);
  }
  return acc;
}

const sumKnown = (values: readonly (Big | null)[]): Big =>
  values.reduce<Big>((acc, v) => (v ? acc.plus(v) : acc), ZERO);

/**
 * Every table's amounts and their sums; a project found twice counts once per occurrence.
 * `documentOf` names each table's document (a file of a batch; one workbook by default): a
 * department's table is set aside only beside project tables of its own document.
 */
export function computeTotals(
  tables: readonly TargetTable[],
  documentOf: (index: number) => string = () => '',
): Totals {
  const withProjects = new Set(tables.flatMap((t, i) => (t.form === 'target' ? [documentOf(i)] : [])));
  const all = tables.map((table, i) => {
    const row = tableAmounts(table, i);
    return withProjects.has(documentOf(i)) && table.form === 'department'
      ? { ...row, department: true as const }
      : row;
  });
  // A self-evaluation (自评表, SPEC §12) reports on a project its target table already counts: it
  // keeps its row (callers index rows by table) but adds to no sum; so does a department's table
  // beside its projects' (its budget holds theirs: summed, they would count twice).
  const rows = all.filter((row) => !row.selfEval && !row.department);
  const column = <T>(pick: (row: TableAmounts) => T): T[] => rows.map(pick);
  const periods = Array.from({ length: PERIODS }, (_, i) => column((r) => r.planned[i] ?? null));
  return {
    tables: all,
    total: sumOrNull(column((r) => r.total)),
    fiscal: sumOrNull(column((r) => r.fiscal)),
    other: sumOrNull(column((r) => r.other)),
    planned: periods.map(sumOrNull),
    known: {
      total: sumKnown(column((r) => r.total)),
      fiscal: sumKnown(column((r) => r.fiscal)),
      other: sumKnown(column((r) => r.other)),
      planned: periods.map(sumKnown),
    },
    incomplete: rows.flatMap((r) => r.unread),
    projects: rows.length,
  };
}

/** Two decimals, half up (13.8975 → 13.90); never `-0.00`. */
export function formatWan(b: Big): string {
  const s = b.toFixed(2, Big.roundHalfUp);
  return /^-0\.00$/.test(s) ? '0.00' : s;
}

/** Two decimals, or null for an amount that could not be read. */
export function formatOrNull(b: Big | null): string | null {
  return b === null ? null : formatWan(b);
}

/** The printed view of the totals, as the task pane and the 汇总 sheet show it. */
export function totalsView(totals: Totals): TotalsView {
  const projects: TableTotalsView[] = totals.tables
    .filter((row) => !row.selfEval && !row.department)
    .map((row) => ({
      table: row.table,
      sheet: row.sheet,
      code: row.code,
      name: row.name,
      total: formatOrNull(row.total),
      fiscal: formatOrNull(row.fiscal),
      other: formatOrNull(row.other),
      planned: row.planned.map(formatOrNull),
    }));
  return {
    projects,
    total: formatOrNull(totals.total),
    fiscal: formatOrNull(totals.fiscal),
    other: formatOrNull(totals.other),
    planned: totals.planned.map(formatOrNull),
    known: {
      total: formatWan(totals.known.total),
      fiscal: formatWan(totals.known.fiscal),
      other: formatWan(totals.known.other),
      planned: totals.known.planned.map(formatWan),
    },
    incomplete: totals.incomplete,
  };
}
