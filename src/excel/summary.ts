/**
 * The 汇总 sheet (SPEC §6) as cells: one row per project and a total row, the amounts as live
 * formulas pointing at each project's cells, so the sheet stays right where the add-in does not
 * run. Only the formula subset of HELPERS.md is used. Text taken from cells is written as text.
 */

import { columnLetters, parseA1, quoteSheet } from '../domain/address';
import { isPercentFormat, readAmount } from '../domain/amounts';
import type { Field, Lang, TargetTable } from '../domain/types';
import { summaryText } from '../i18n/summary';
import { widthInPoints } from './template';

export type SummaryCell = { text: string } | { formula: string };

const SUMMARY_COLUMNS = 10;
/** Columns D–J (0-based 3–9) hold amounts. */
const FIRST_AMOUNT_COLUMN = 3;

/** `'项目 一'!$C$4`: absolute, so the formula stays put if the row is copied. */
function ref(table: TargetTable, field: Field): string {
  const { row, col } = parseA1(field.cell);
  return `${quoteSheet(table.sheet)}!$${columnLetters(col)}$${row + 1}`;
}

/** What a cell that cannot be read shows on the 汇总 sheet, in place of a number (never 0). */
const UNREAD = '"未能读取"';

/**
 * An amount in 万元, as the domain reads it (amounts.ts): a number, or numeric text with thousands
 * separators; an amount written with its unit (`20万元`) the domain read is kept as long as the
 * cell still says so. Anything else — an empty 预算数, `待定`, a date — shows 未能读取, and so
 * does every sum it is part of; an empty 财政资金 or 其他资金 is 0, as on the form.
 */
function amount(table: TargetTable, field: Field | undefined, emptyIsZero: boolean): string {
  if (!field) return UNREAD;
  if (field.raw?.date) return UNREAD;
  const r = ref(table, field);
  const reading = readAmount(field, table.moneyScale);
  const written =
    reading.kind === 'number' && reading.written
      ? `IF(TRIM(${r})=${quoteText(field.text)},${reading.value.toString()},${UNREAD})`
      : UNREAD;
  const number = `IF(ISNUMBER(${r}),${r},IFERROR(VALUE(SUBSTITUTE(TRIM(${r}),",","")),${written}))`;
  const read = `IF(TRIM(${r})="",${emptyIsZero ? '0' : UNREAD},${number})`;
  return table.moneyScale === 1 ? read : `IFERROR(${read}/10000,${UNREAD})`;
}

/** A string literal for a formula (doubled quotes), so cell text stays text. */
function quoteText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * 财政资金 and 其他资金 as totals.ts counts them: 财政拨款 plus 上年结转 where the form has it; a
 * part the form does not have, when the others say what it is (the rest of 预算数), is that rest.
 */
function fundCells(table: TargetTable, totalCell: string): { fiscal: string; other: string } {
  const { budget } = table;
  const granted = amount(table, budget.fiscal, true);
  const carry = budget.carryover ? `+${amount(table, budget.carryover, true)}` : '';
  const other = amount(table, budget.other, true);
  const rest = (known: string) =>
    `IFERROR(${totalCell}-(${known})${carry ? `-(${carry.slice(1)})` : ''},${UNREAD})`;
  if (!budget.other && budget.fiscal)
    return { fiscal: `IFERROR(${granted}${carry},${UNREAD})`, other: rest(granted) };
  if (!budget.fiscal && budget.other) {
    const fiscal = `IFERROR(${totalCell}-(${other}),${UNREAD})`;
    return { fiscal, other: `IFERROR(${other},${UNREAD})` };
  }
  return { fiscal: `IFERROR(${granted}${carry},${UNREAD})`, other: `IFERROR(${other},${UNREAD})` };
}

/**
 * A plan cell as a percentage: a number (×100 when the cell is formatted as Excel percent, decided
 * from its format now), or text such as `20.00` or `20%`; an error when it cannot be read.
 */
function percent(table: TargetTable, field: Field): string {
  const r = ref(table, field);
  const scale = isPercentFormat(field.raw?.numberFormat) ? '*100' : '';
  return `IF(ISNUMBER(${r}),${r}${scale},VALUE(SUBSTITUTE(SUBSTITUTE(TRIM(${r}),"％",""),"%","")))`;
}

/**
 * Cumulative percentages as totals.ts computes them: a blank period carries the one before it, 0
 * before the first; an unreadable one (and blanks after it) is an error until a later period is
 * filled. A table without a plan has none (undefined).
 */
function cumulative(table: TargetTable): string[] | undefined {
  if (table.plan.length !== 4) return undefined;
  const out: string[] = [];
  let previous = '0';
  for (const field of table.plan) {
    const current = field.raw?.date
      ? 'NA()'
      : `IF(TRIM(${ref(table, field)})="",${previous},${percent(table, field)})`;
    out.push(current);
    previous = current;
  }
  return out;
}

/**
 * The 汇总 sheet's cells from A1: a header row, one row per project, a total row. A self-evaluation
 * (自评表, SPEC §12) reports on a project already listed by its target table: it is not a project.
 */
export function summaryCells(all: readonly TargetTable[], lang: Lang): SummaryCell[][] {
  const tables = all.filter((t) => t.form !== 'selfEval');
  const s = (key: string, data?: Record<string, unknown>): SummaryCell => ({
    text: summaryText(lang, key, data),
  });
  // An amount's unit goes on a line of its own, so the header never breaks inside （万元）.
  const withUnit = (key: string, data?: Record<string, unknown>): SummaryCell => ({
    text: summaryText(lang, key, data).replace(/\s*([（(][^（）()]*[）)])$/, '\n$1'),
  });
  const header: SummaryCell[] = [
    s('code'),
    s('name'),
    s('sheet'),
    withUnit('total'),
    withUnit('fiscal'),
    withUnit('other'),
    ...[1, 2, 3, 4].map((i) => withUnit('planned', { period: summaryText(lang, `period${i}`) })),
  ];
  const rows = tables.map((table, i): SummaryCell[] => {
    const row = i + 2;
    const totalCell = `$${columnLetters(FIRST_AMOUNT_COLUMN)}${row}`;
    const funds = fundCells(table, totalCell);
    const plan = cumulative(table);
    return [
      { text: table.code?.text ?? '' },
      { text: table.name?.text ?? '' },
      { text: table.sheet },
      { formula: `=${amount(table, table.budget.total, false)}` },
      { formula: `=${funds.fiscal}` },
      { formula: `=${funds.other}` },
      ...[0, 1, 2, 3].map((k) => ({
        formula: plan ? `=IFERROR(${totalCell}*${plan[k]}/100,${UNREAD})` : `=${UNREAD}`,
      })),
    ];
  });
  const last = tables.length + 1;
  const total: SummaryCell[] = [s('totalRow'), { text: '' }, { text: '' }];
  for (let col = FIRST_AMOUNT_COLUMN; col < SUMMARY_COLUMNS; col++) {
    const letters = columnLetters(col);
    const column = `${letters}2:${letters}${last}`;
    // A sum with an amount that could not be read is not a total: it says so instead.
    total.push({
      formula: tables.length > 0 ? `=IF(COUNT(${column})=${tables.length},SUM(${column}),${UNREAD})` : '=0',
    });
  }
  return [header, ...rows, total];
}

/**
 * Column widths in characters: code, name, sheet, then the seven amounts. An amount's header
 * (`6月底计划支出（万元）`) wraps; its column fits `6月底计划支出`, so the line breaks before
 * `（万元）` rather than inside it.
 */
const SUMMARY_WIDTHS = [20, 24, 16, 15, 15, 15, 15, 15, 15, 15];

/** The 汇总 sheet's cells: texts as text (`@`, never a formula), amounts as formulas in `0.00`. */
export function queueSummary(ws: Excel.Worksheet, cells: ReturnType<typeof summaryCells>): void {
  const n = cells.length;
  const last = columnLetters(SUMMARY_COLUMNS - 1);
  const firstAmount = columnLetters(FIRST_AMOUNT_COLUMN);
  const textOf = (c: (typeof cells)[number][number]): string => ('text' in c ? c.text : '');
  ws.getRange(`A1:${last}${n}`).numberFormat = cells.map((row) =>
    row.map((c) => ('formula' in c ? '0.00' : '@')),
  );
  ws.getRange(`A1:${columnLetters(FIRST_AMOUNT_COLUMN - 1)}${n}`).values = cells.map((row) =>
    row.slice(0, FIRST_AMOUNT_COLUMN).map(textOf),
  );
  ws.getRange(`${firstAmount}1:${last}1`).values = [cells[0].slice(FIRST_AMOUNT_COLUMN).map(textOf)];
  if (n > 1)
    ws.getRange(`${firstAmount}2:${last}${n}`).formulas = cells
      .slice(1)
      .map((row) => row.slice(FIRST_AMOUNT_COLUMN).map((c) => ('formula' in c ? c.formula : '')));
  const header = ws.getRange(`A1:${last}1`);
  header.format.font.bold = true;
  header.format.wrapText = true;
  ws.getRange(`A${n}:${last}${n}`).format.font.bold = true;
  const table = ws.getRange(`A1:${last}${n}`);
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'] as const)
    table.format.borders.getItem(edge).style = 'Continuous';
  if (n > 1) table.format.borders.getItem('InsideHorizontal').style = 'Continuous';
  SUMMARY_WIDTHS.forEach((chars, i) => {
    const col = columnLetters(i);
    ws.getRange(`${col}:${col}`).format.columnWidth = widthInPoints(chars);
  });
}
