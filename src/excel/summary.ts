/**
 * The 汇总 sheet (SPEC §6) as cells: a title with the year, the unit line, one row per project and
 * a total row, the amounts as live formulas pointing at each project's cells, so the sheet stays
 * right where the add-in does not run; a note under the total names the projects whose amounts
 * could not be read, and a last column flags the projects that still have errors. Only the
 * formula subset of HELPERS.md is used. Text taken from cells is written as text.
 */

import { columnLetters, parseA1, quoteSheet } from '../domain/address';
import { formatFactor, isPercentFormat, readAmount } from '../domain/amounts';
import { MONEY_UNIT_LABEL, SUMMARY_HEADER_ROW } from '../domain/layout';
import {
  budgetLines,
  type BudgetPart,
  type Field,
  type Finding,
  type Lang,
  type TargetTable,
} from '../domain/types';
import { summaryText } from '../i18n/summary';
import { widthInPoints } from './template';

export type SummaryCell = { text: string } | { formula: string };

/** Code, name, sheet, seven amounts, and the errors still to correct. */
const SUMMARY_COLUMNS = 11;
/** Columns D–J (0-based 3–9) hold amounts. */
const FIRST_AMOUNT_COLUMN = 3;
const AMOUNT_COLUMNS = 7;
export { SUMMARY_HEADER_ROW };

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
 * does every sum it is part of. An empty cell is `empty` (a formula: 0, or 未能读取).
 */
function amount(table: TargetTable, field: Field | undefined, empty: string): string {
  if (!field) return UNREAD;
  if (field.raw?.date) return UNREAD;
  const r = ref(table, field);
  const reading = readAmount(field, table.moneyScale);
  const written =
    reading.kind === 'number' && reading.written
      ? `IF(TRIM(${r})=${quoteText(field.text)},${reading.value.toString()},${UNREAD})`
      : UNREAD;
  // A number shown by its format in another unit or divided (`#,##0.00"元"`, `0!.0000"万元"`) is
  // worth what the domain reads it as: the stored number times the format's factor.
  const { factor } = formatFactor(field.raw?.numberFormat, table.moneyScale);
  const stored = factor === undefined ? r : `${r}*${factor.toFixed()}`;
  const number = `IF(ISNUMBER(${r}),${stored},IFERROR(VALUE(SUBSTITUTE(TRIM(${r}),",","")),${written}))`;
  const read = `IF(TRIM(${r})="",${empty},${number})`;
  return table.moneyScale === 1 ? read : `IFERROR(${read}/10000,${UNREAD})`;
}

/** A string literal for a formula (doubled quotes), so cell text stays text. */
function quoteText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * 财政资金 and 其他资金 as totals.ts counts them: 财政拨款 plus 上年结转 where the form has it; a
 * part the form does not have, when the others say what it is (the rest of 预算数), is that rest.
 * An empty part is 0 beside a 预算数 that reads as an amount or another part that does (the block
 * was filled in), else 未能读取 (totals.ts partWritten): never a confident 0 beside an unread total.
 */
function fundCells(table: TargetTable, totalCell: string): { fiscal: string; other: string } {
  const { budget } = table;
  const lines = (part: BudgetPart): Field[] => budgetLines(table, part);
  const parts = [...lines('fiscal'), ...lines('carryover'), ...lines('other')];
  const known = [totalCell, ...parts.map((f) => amount(table, f, UNREAD))].map((x) => `ISNUMBER(${x})`);
  // Filled in, an empty line is 0; not filled in, no line reads as an amount and every sum below is
  // 未能读取 anyway. Tested once per column, not inside each line: a part of many sources stays far
  // below Excel's formula length.
  const filled = (formula: string): string =>
    formula === UNREAD ? UNREAD : `IF(OR(${known.join(',')}),${formula},${UNREAD})`;
  // A part the form breaks into several sources (中央资金 + 市级资金 …) is the sum of its lines.
  const sum = (part: BudgetPart): string =>
    lines(part)
      .map((f) => amount(table, f, '0'))
      .join('+');
  const granted = sum('fiscal');
  const carry = budget.carryover ? `+${sum('carryover')}` : '';
  const other = sum('other');
  const rest = (known: string) =>
    `IFERROR(${totalCell}-(${known})${carry ? `-(${carry.slice(1)})` : ''},${UNREAD})`;
  const cells = (fiscal: string, other: string) => ({ fiscal: filled(fiscal), other: filled(other) });
  if (!budget.other && budget.fiscal) return cells(`IFERROR(${granted}${carry},${UNREAD})`, rest(granted));
  if (!budget.fiscal && budget.other)
    return cells(`IFERROR(${totalCell}-(${other}),${UNREAD})`, `IFERROR(${other},${UNREAD})`);
  return cells(
    budget.fiscal ? `IFERROR(${granted}${carry},${UNREAD})` : UNREAD,
    budget.other ? `IFERROR(${other},${UNREAD})` : UNREAD,
  );
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

/** What the 汇总 sheet is about, beyond the tables: the year and the unit, as in 设置. */
export interface SummaryOptions {
  year?: string;
  unitCode?: string;
  unitName?: string;
  /** The workbook's findings (Finding.table indexes `all`): a project with errors is flagged. */
  findings?: readonly Finding[];
  /** The amounts the totals could not read (TotalsView.incomplete, `table` indexing `all`). */
  incomplete?: readonly { table: number }[];
}

export interface SummaryLayout {
  /** `2026年度项目预算汇总表`. */
  title: string;
  /** The reporting unit (单位编码 and 名称), left; the unit of the amounts, right. */
  unit: string;
  unitLabel: string;
  /** From the header row: the header, one row per project, the total row. */
  rows: SummaryCell[][];
  /** Under the total, when a total is incomplete: which projects' amounts could not be read. */
  note?: string;
}

/**
 * The 汇总 sheet: a header row, one row per project, a total row, from row SUMMARY_HEADER_ROW. A
 * self-evaluation (自评表, SPEC §12) reports on a project already listed by its target table: it is
 * not a project.
 */
export function summaryCells(
  all: readonly TargetTable[],
  lang: Lang,
  options: SummaryOptions = {},
): SummaryLayout {
  const projects = all.map((table, index) => ({ table, index })).filter((p) => p.table.form !== 'selfEval');
  const tables = projects.map((p) => p.table);
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
    s('errors'),
  ];
  const first = SUMMARY_HEADER_ROW + 2; // 1-based row of the first project
  const errorCounts = new Map<number, number>();
  for (const f of options.findings ?? [])
    if (f.severity === 'error' && f.table !== undefined)
      errorCounts.set(f.table, (errorCounts.get(f.table) ?? 0) + 1);
  const errorsOf = (index: number): number => errorCounts.get(index) ?? 0;
  const rows = projects.map(({ table, index }, i): SummaryCell[] => {
    const row = first + i;
    const totalCell = `$${columnLetters(FIRST_AMOUNT_COLUMN)}${row}`;
    const funds = fundCells(table, totalCell);
    const plan = cumulative(table);
    const errors = errorsOf(index);
    return [
      { text: table.code?.text ?? '' },
      { text: table.name?.text ?? '' },
      { text: table.sheet },
      { formula: `=${amount(table, table.budget.total, UNREAD)}` },
      { formula: `=${funds.fiscal}` },
      { formula: `=${funds.other}` },
      ...[0, 1, 2, 3].map((k) => ({
        formula: plan ? `=IFERROR(${totalCell}*${plan[k]}/100,${UNREAD})` : `=${UNREAD}`,
      })),
      { text: errors > 0 ? summaryText(lang, 'errorCount', { count: errors }) : '' },
    ];
  });
  const last = first + tables.length - 1;
  const total: SummaryCell[] = [s('totalRow'), { text: '' }, { text: '' }];
  for (let col = FIRST_AMOUNT_COLUMN; col < FIRST_AMOUNT_COLUMN + AMOUNT_COLUMNS; col++) {
    const letters = columnLetters(col);
    const column = `${letters}${first}:${letters}${last}`;
    // A sum with an amount that could not be read is not a total: it says so instead.
    total.push({
      formula: tables.length > 0 ? `=IF(COUNT(${column})=${tables.length},SUM(${column}),${UNREAD})` : '=0',
    });
  }
  total.push({ text: '' });
  // The projects an incomplete total leaves out, as the totals read them now.
  const incomplete = new Set((options.incomplete ?? []).map((u) => u.table));
  const unread = projects
    .filter(({ index }) => incomplete.has(index))
    .map(({ table }) => {
      const name = table.name?.text.trim();
      return name && name !== table.sheet
        ? summaryText(lang, 'unreadProject', { name, sheet: table.sheet })
        : summaryText(lang, 'unreadSheet', { sheet: table.sheet });
    });
  const year = options.year?.trim();
  return {
    title: summaryText(lang, year ? 'title' : 'titleNoYear', { year }),
    unit: `${options.unitCode ?? ''}${options.unitName ?? ''}`,
    unitLabel: lang === 'zh-CN' ? MONEY_UNIT_LABEL : summaryText(lang, 'unitLabel'),
    rows: [header, ...rows, total],
    ...(unread.length > 0
      ? {
          note: summaryText(lang, 'incomplete', {
            projects: unread.join(summaryText(lang, 'listSeparator')),
          }),
        }
      : {}),
  };
}

/**
 * Column widths in characters: code, name, sheet, the seven amounts, the errors. An amount's header
 * (`6月底计划支出（万元）`) wraps; its column fits `6月底计划支出`, so the line breaks before
 * `（万元）` rather than inside it.
 */
const SUMMARY_WIDTHS = [20, 24, 16, 15, 15, 15, 15, 15, 15, 15, 12];

/**
 * The 汇总 sheet: the title and the unit line above an unbordered gap, as on the official forms;
 * texts as text (`@`, never a formula), amounts as formulas in `0.00`; printed landscape on A4,
 * one page wide, when the host has page layout (ExcelApi 1.9).
 */
export function queueSummary(ws: Excel.Worksheet, layout: SummaryLayout, pageLayout = false): void {
  const cells = layout.rows;
  const top = SUMMARY_HEADER_ROW + 1; // 1-based header row
  const n = cells.length;
  const bottom = top + n - 1;
  const last = columnLetters(SUMMARY_COLUMNS - 1);
  const firstAmount = columnLetters(FIRST_AMOUNT_COLUMN);
  const lastAmount = columnLetters(FIRST_AMOUNT_COLUMN + AMOUNT_COLUMNS - 1);
  const afterAmounts = columnLetters(FIRST_AMOUNT_COLUMN + AMOUNT_COLUMNS);
  const textOf = (c: (typeof cells)[number][number]): string => ('text' in c ? c.text : '');

  const title = ws.getRange(`A1:${last}1`);
  title.merge(false);
  title.numberFormat = [Array<string>(SUMMARY_COLUMNS).fill('@')];
  ws.getRange('A1').values = [[layout.title]];
  title.format.font.bold = true;
  title.format.font.size = 16;
  title.format.horizontalAlignment = 'Center';
  const unitLeft = ws.getRange('A2:F2');
  unitLeft.merge(false);
  unitLeft.numberFormat = [Array<string>(6).fill('@')];
  ws.getRange('A2').values = [[layout.unit]];
  unitLeft.format.horizontalAlignment = 'Left';
  const unitRight = ws.getRange(`${columnLetters(SUMMARY_COLUMNS - 2)}2:${last}2`);
  unitRight.merge(false);
  ws.getRange(`${columnLetters(SUMMARY_COLUMNS - 2)}2`).values = [[layout.unitLabel]];
  unitRight.format.horizontalAlignment = 'Right';

  ws.getRange(`A${top}:${last}${bottom}`).numberFormat = cells.map((row) =>
    row.map((c) => ('formula' in c ? '0.00' : '@')),
  );
  ws.getRange(`A${top}:${columnLetters(FIRST_AMOUNT_COLUMN - 1)}${bottom}`).values = cells.map((row) =>
    row.slice(0, FIRST_AMOUNT_COLUMN).map(textOf),
  );
  ws.getRange(`${afterAmounts}${top}:${last}${bottom}`).values = cells.map((row) =>
    row.slice(FIRST_AMOUNT_COLUMN + AMOUNT_COLUMNS).map(textOf),
  );
  ws.getRange(`${firstAmount}${top}:${lastAmount}${top}`).values = [
    cells[0].slice(FIRST_AMOUNT_COLUMN, FIRST_AMOUNT_COLUMN + AMOUNT_COLUMNS).map(textOf),
  ];
  if (n > 1)
    ws.getRange(`${firstAmount}${top + 1}:${lastAmount}${bottom}`).formulas = cells
      .slice(1)
      .map((row) =>
        row
          .slice(FIRST_AMOUNT_COLUMN, FIRST_AMOUNT_COLUMN + AMOUNT_COLUMNS)
          .map((c) => ('formula' in c ? c.formula : '')),
      );
  const header = ws.getRange(`A${top}:${last}${top}`);
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';
  ws.getRange(`A${bottom}:${last}${bottom}`).format.font.bold = true;
  const table = ws.getRange(`A${top}:${last}${bottom}`);
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical'] as const)
    table.format.borders.getItem(edge).style = 'Continuous';
  if (n > 1) table.format.borders.getItem('InsideHorizontal').style = 'Continuous';
  if (layout.note) {
    const note = ws.getRange(`A${bottom + 1}:${last}${bottom + 1}`);
    note.merge(false);
    note.numberFormat = [Array<string>(SUMMARY_COLUMNS).fill('@')];
    ws.getRange(`A${bottom + 1}`).values = [[layout.note]];
    note.format.wrapText = true;
    note.format.horizontalAlignment = 'Left';
    note.format.font.color = '#9C0006';
  }
  SUMMARY_WIDTHS.forEach((chars, i) => {
    const col = columnLetters(i);
    ws.getRange(`${col}:${col}`).format.columnWidth = widthInPoints(chars);
  });
  if (pageLayout) {
    const page = ws.pageLayout;
    page.orientation = 'Landscape';
    page.paperSize = 'A4';
    page.centerHorizontally = true;
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
}
