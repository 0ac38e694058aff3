/**
 * The 汇总 sheet (SPEC §6) as cells: one row per project and a total row, the amounts as live
 * formulas pointing at each project's cells, so the sheet stays right where the add-in does not
 * run. Only the formula subset of HELPERS.md is used. Text taken from cells is written as text.
 */

import { columnLetters, parseA1, quoteSheet } from '../domain/address';
import { isPercentFormat } from '../domain/amounts';
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

/**
 * An amount in 万元, as the domain reads it (amounts.ts): a number, or numeric text with thousands
 * separators; empty or unreadable is 0. A cell holding a date is unreadable and counts 0.
 */
function amount(table: TargetTable, field: Field | undefined): string {
  if (!field || field.raw?.date) return '0';
  const r = ref(table, field);
  const wan = `IF(ISNUMBER(${r}),${r},IFERROR(VALUE(SUBSTITUTE(TRIM(${r}),",","")),0))`;
  return table.moneyScale === 1 ? wan : `${wan}/10000`;
}

/** 财政资金 as totals.ts counts it: 财政拨款 plus 上年结转 where the form has it (carried-over fiscal money). */
function fiscal(table: TargetTable): string {
  const granted = amount(table, table.budget.fiscal);
  return table.budget.carryover ? `${granted}+${amount(table, table.budget.carryover)}` : granted;
}

/**
 * A plan cell as a percentage, an error when blank or unreadable: a number (×100 when the cell is
 * formatted as Excel percent, decided from its format now), or text such as `20.00` or `20%`.
 */
function percent(table: TargetTable, field: Field | undefined): string | undefined {
  if (!field || field.raw?.date) return undefined;
  const r = ref(table, field);
  const scale = isPercentFormat(field.raw?.numberFormat) ? '*100' : '';
  return `IF(ISNUMBER(${r}),${r}${scale},VALUE(SUBSTITUTE(SUBSTITUTE(TRIM(${r}),"％",""),"%","")))`;
}

/** Cumulative percentages: a blank or unreadable period carries the one before it, 0 before the first. */
function cumulative(table: TargetTable): string[] {
  const out: string[] = [];
  let previous = '0';
  for (let i = 0; i < 4; i++) {
    const p = percent(table, table.plan[i]);
    const current = p ? `IFERROR(${p},${previous})` : previous;
    out.push(current);
    previous = current;
  }
  return out;
}

/** The 汇总 sheet's cells from A1: a header row, one row per table, a total row. */
export function summaryCells(tables: readonly TargetTable[], lang: Lang): SummaryCell[][] {
  const s = (key: string, data?: Record<string, unknown>): SummaryCell => ({
    text: summaryText(lang, key, data),
  });
  const header: SummaryCell[] = [
    s('code'),
    s('name'),
    s('sheet'),
    s('total'),
    s('fiscal'),
    s('other'),
    ...[1, 2, 3, 4].map((i) => s('planned', { period: summaryText(lang, `period${i}`) })),
  ];
  const rows = tables.map((table, i): SummaryCell[] => {
    const row = i + 2;
    return [
      { text: table.code?.text ?? '' },
      { text: table.name?.text ?? '' },
      { text: table.sheet },
      { formula: `=${amount(table, table.budget.total)}` },
      { formula: `=${fiscal(table)}` },
      { formula: `=${amount(table, table.budget.other)}` },
      ...cumulative(table).map((pct) => ({
        formula: `=$${columnLetters(FIRST_AMOUNT_COLUMN)}${row}*${pct}/100`,
      })),
    ];
  });
  const last = tables.length + 1;
  const total: SummaryCell[] = [s('totalRow'), { text: '' }, { text: '' }];
  for (let col = FIRST_AMOUNT_COLUMN; col < SUMMARY_COLUMNS; col++) {
    const letters = columnLetters(col);
    total.push({ formula: tables.length > 0 ? `=SUM(${letters}2:${letters}${last})` : '=0' });
  }
  return [header, ...rows, total];
}

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
  [20, 24, 16, 12, 12, 12, 12, 12, 12, 12].forEach((chars, i) => {
    const col = columnLetters(i);
    ws.getRange(`${col}:${col}`).format.columnWidth = widthInPoints(chars);
  });
}
