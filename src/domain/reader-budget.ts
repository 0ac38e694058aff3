/**
 * The budget and its money unit (SPEC §5). Labels differ by form (预算数, 年度资金总额, 当年年度预算,
 * 预算金额; 财政资金, 财政拨款 or its sources 中央资金 / 市级资金 / 一般公共预算; 上年结转; 其他资金,
 * 自有资金, 单位资金) and so does the arrangement: side by side on one line, one under the other, a
 * numbered breakdown (`(一)财政拨款小计` over `1、一般公共预算`), a grid whose columns are the project
 * period and this year, or a self-evaluation's columns (年初预算数 | 全年预算数 | 全年执行数 …).
 */

import { isAmount, type Hit, type SheetView } from './reader-sheet';
import { isAnnual, isProjectPeriod, NEXT_YEAR } from './lexicon';
import type { Field, FundsLine } from './types';

type Part = 'fiscal' | 'carryover' | 'other';

export interface BudgetRead {
  total?: Field;
  /** The fiscal money: one line, or several sources summed. */
  fiscal: Field[];
  carryover: Field[];
  other: Field[];
  /** The total's label, when found. */
  totalHit?: Hit;
  /** A total of several years set aside, when the form has no other (`中期资金总额` alone). */
  multiYear?: Hit;
  /** The budget's labels, for the table's extent. */
  labels: Hit[];
  /**
   * A self-evaluation's funds block (SPEC §12), by row (total, fiscal, carryover, other): the cells of
   * 年初预算数, 全年预算数, 全年执行数, 分值, 执行率 and 得分 where the form has them.
   */
  funds?: FundsRow[];
}

export type FundsColumn = keyof FundsLine['cells'];
type FundsRow = FundsLine;

const PARTS: readonly Part[] = ['fiscal', 'carryover', 'other'];
const isPart = (h: Hit): boolean => (PARTS as readonly string[]).includes(h.kind);
const FUNDS_COLUMNS: readonly FundsColumn[] = [
  'yearStart',
  'yearBudget',
  'executed',
  'weight',
  'rate',
  'score',
];
/** How far below a column heading (年度资金总额, 全年预算数) its rows may sit. */
const MATRIX_DEPTH = 8;

/** A span of years written out: `2023-2025年`, `2023至2025年`. */
const YEAR_SPAN = /\d{4}\s*[-—–~～至到]\s*\d{4}/u;
/** A figure of several years by its label: 中期, 中长期, 长期, 项目期, `2023-2025年`, `三年`. */
const MULTI_YEAR = new RegExp(`中期|长期|项目期|${YEAR_SPAN.source}|[两三四五]年`, 'u');

/**
 * This year's total rather than the project period's, when the form gives both; of labels alike,
 * one with a figure beside it (a heading such as 年度预算申请（万元） over the block has none).
 */
function pickTotal(view: SheetView, totals: Hit[]): Hit | undefined {
  const ranked = [
    ...totals.filter((h) => isAnnual(h.key) && !isProjectPeriod(h.key)),
    ...totals.filter(
      (h) => !isAnnual(h.key) && !isProjectPeriod(h.key) && !NEXT_YEAR.test(h.key) && !MULTI_YEAR.test(h.key),
    ),
    // Next year's (`下一年度预算数`) is the budget only where the form gives no other: a 申报表 filed the
    // year before asks for it.
    ...totals.filter((h) => NEXT_YEAR.test(h.key) && !isProjectPeriod(h.key) && !MULTI_YEAR.test(h.key)),
    // The project's own total (项目资金总额) is a one-year project's budget; a span of years named as
    // such (中期资金总额, 2023-2025年资金总额) is never this year's, even alone: then none is read.
    ...totals.filter((h) => isProjectPeriod(h.key) && !MULTI_YEAR.test(h.key)),
  ];
  // Years side by side (`2024年预算数 | 2025年预算数`): the latest is the year the form is about (a
  // 申报表's request, a 自评表's year), the earlier one its comparison; a span of years is none.
  const year = (h: Hit): number =>
    YEAR_SPAN.test(h.key) ? 0 : Number(/(?:^|\D)(\d{4})年/u.exec(h.key)?.[1] ?? 0);
  const latest = Math.max(0, ...ranked.map(year));
  const byYear = latest > 0 ? ranked.filter((h) => year(h) === latest || !/\d{4}/u.test(h.key)) : ranked;
  return byYear.find((h) => (view.valueOf(h)?.text ?? '') !== '') ?? byYear[0];
}

/**
 * The lines that make up each part: of the labels of a kind, those of the highest level of
 * enumeration (`(一)财政拨款小计`, not the `1、一般公共预算` under it); a line for all the fiscal (or
 * other) money alone when the form has one, else its sources, to be summed.
 */
function partLines(all: Hit[], total?: Hit): Record<Part, Hit[]> {
  const out: Record<Part, Hit[]> = { fiscal: [], carryover: [], other: [] };
  // One source of the money (上级资金) beside the total, not introduced as its breakdown (其中, a
  // number, a line below it), is another line of the form (该项目支出上级资金 beside 本级预算金额),
  // not the total's fiscal part.
  const breakdown = (h: Hit): boolean =>
    h.generic || !total || h.rank > 0 || /^其中/u.test(h.key) || h.row > total.row || h.kind !== 'fiscal';
  // …unless the other money is listed on its line or the next (`中央补助安排 0` over `省级财政安排 0 |
  // 其他资金 20万元`, above 预算申报数): then the sources are the breakdown, laid out before the total.
  const otherRows = all.filter((h) => h.kind !== 'fiscal').map((h) => h.row);
  const labels = all.filter((h) => breakdown(h) || otherRows.some((row) => Math.abs(row - h.row) <= 1));
  if (!labels.length) return out;
  const rank = Math.min(...labels.map((h) => h.rank || 9));
  const top = labels.filter((h) => (h.rank || 9) === rank);
  for (const part of PARTS) {
    let mine = top.filter((h) => h.kind === part);
    // A part whose lines all sit at another level (a numbered `二、自有资金` beside a `财政拨款` whose
    // `一、` was lost in a paste) is read at its own highest level, not dropped.
    if (!mine.length) {
      const own = labels.filter((h) => h.kind === part);
      const ownRank = Math.min(...own.map((h) => h.rank || 9));
      mine = own.filter((h) => (h.rank || 9) === ownRank);
    }
    const generic = mine.filter((h) => h.generic);
    // Siblings of a kind are summed (自有资金 and 其他收入); a generic fiscal line stands for all of it.
    out[part] = part === 'fiscal' && generic.length ? generic.slice(0, 1) : mine;
  }
  return out;
}

/**
 * A self-evaluation's funds block: a heading row with 年初预算数 / 全年预算数 / 全年执行数 … and the
 * rows 年度资金总额, 其中：财政拨款, 上年结转, 其他资金 under it. The budget is this year's
 * (全年预算数, or 调整后预算数), else the year's start (年初预算数).
 */
function readFunds(view: SheetView, hits: Hit[]): BudgetRead | undefined {
  const budgetCol = hits.find((h) => h.kind === 'yearBudget') ?? hits.find((h) => h.kind === 'yearStart');
  if (!budgetCol) return undefined;
  const headingRow = budgetCol.row;
  const columns = new Map<FundsColumn, number>();
  for (const kind of FUNDS_COLUMNS) {
    const h = hits.find((x) => x.kind === kind && x.row === headingRow);
    if (h) columns.set(kind, h.col);
  }
  const below = hits.filter(
    (h) =>
      h.row > view.depth(headingRow, budgetCol.col) &&
      h.row <= headingRow + MATRIX_DEPTH &&
      h.col < budgetCol.col &&
      (h.kind === 'total' || isPart(h)),
  );
  if (!below.length) return undefined;
  // A line written with its amount in one cell (`其中: 一般公共预算:1325.68` across the columns) holds
  // this year's amount there, and nothing in the columns it covers.
  const at = (h: Hit): Field => {
    if (h.embedded !== undefined) return view.valueOf(h) ?? view.field(h.row, h.col);
    const field = view.field(h.row, budgetCol.col);
    // The label's own cell merged over the column (`纳入专户管理的非税收入拨款:` with nothing after):
    // nothing is written there, the label is no amount.
    return field.row === h.row && field.col === h.col ? { ...field, raw: undefined, text: '' } : field;
  };
  const totalHit = below.find((h) => h.kind === 'total');
  const lines = partLines(below.filter(isPart), totalHit);
  const funds: FundsRow[] = [];
  for (const h of [...(totalHit ? [totalHit] : []), ...lines.fiscal, ...lines.carryover, ...lines.other]) {
    if (h.embedded !== undefined) continue;
    const cells: FundsRow['cells'] = {};
    for (const [kind, col] of columns) cells[kind] = view.field(h.row, col);
    funds.push({ line: h.kind as FundsRow['line'], label: view.field(h.row, h.col), cells });
  }
  return {
    total: totalHit ? at(totalHit) : undefined,
    totalHit: totalHit ?? budgetCol,
    fiscal: lines.fiscal.map(at),
    carryover: lines.carryover.map(at),
    other: lines.other.map(at),
    labels: [budgetCol, ...below],
    funds,
  };
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
      h.row > view.depth(header.row, header.col) &&
      h.row <= header.row + MATRIX_DEPTH &&
      h.col < header.col &&
      (h.kind === 'total' || isPart(h)) &&
      !view.isLabel(h.row, header.col),
  );
  if (!rowsBelow.some((h) => h.kind !== 'total')) return undefined;
  const at = (label: Hit): Field => view.field(label.row, header.col);
  const totalLabel = rowsBelow.find((h) => h.kind === 'total');
  const lines = partLines(rowsBelow.filter(isPart), totalLabel);
  return {
    // Without a 资金总额 row, the figure under the column header is the total.
    total: totalLabel ? at(totalLabel) : view.below(header),
    totalHit: totalLabel ?? header,
    fiscal: lines.fiscal.map(at),
    carryover: lines.carryover.map(at),
    other: lines.other.map(at),
    labels: [header, ...rowsBelow],
  };
}

/**
 * The parts that belong to the chosen total: where the form has two columns of figures (the
 * project period's and this year's, side by side), those in the total's column; else those on its
 * line or below it; else any.
 */
function partsOf(view: SheetView, parts: Hit[], totalHit: Hit | undefined): Hit[] {
  if (!totalHit) return parts;
  const columns = new Set(parts.map((h) => h.col));
  if (columns.size > 1) {
    const mine = parts.filter((h) => h.col === totalHit.col && h.row >= totalHit.row);
    if (mine.length) return mine;
  }
  const after = parts.filter((h) => h.row >= totalHit.row);
  return after.length ? after : parts;
}

export function readBudget(view: SheetView, hits: Hit[]): BudgetRead {
  const funds = readFunds(view, hits);
  if (funds) return funds;
  const budgetHits = hits.filter((h) => h.kind === 'total' || isPart(h));
  const totals = budgetHits.filter((h) => h.kind === 'total');
  for (const header of totals.filter((h) => isAnnual(h.key) && h.embedded === undefined)) {
    // A total with its figure beside it is a line, not the heading of a column.
    if (view.valueRight(header).text !== '') continue;
    const matrix = readMatrix(view, budgetHits, header);
    if (matrix) return matrix;
  }
  const totalHit = pickTotal(view, totals);
  const read: BudgetRead = { totalHit, labels: [], fiscal: [], carryover: [], other: [] };
  if (!totalHit) read.multiYear = totals.find((h) => MULTI_YEAR.test(h.key));
  if (totalHit) {
    read.labels.push(totalHit);
    const figures = figuresOf(view, totalHit);
    // Several figures under one total are no one amount: the cell beside it stays what is read.
    read.total = figures.length === 1 ? figures[0] : view.valueOf(totalHit);
  }
  const lines = partLines(partsOf(view, budgetHits.filter(isPart), totalHit), totalHit);
  for (const part of PARTS) {
    for (const label of lines[part]) {
      const figures = figuresOf(view, label);
      if (!figures.length) continue;
      read[part].push(...figures);
      read.labels.push(label);
    }
  }
  if (!totalHit) sumLine(view, read);
  // The parts of a total of several years are of those years too: none is this year's.
  if (read.multiYear && !read.total) {
    read.fiscal = [];
    read.carryover = [];
    read.other = [];
  }
  return read;
}

/**
 * A form without a total line whose parts are summed on the line under them (`收入构成: 财政拨款 |
 * 其他资金 | 合计`, a 部门整体 form's income): the 合计 is the total, when it holds an amount.
 */
function sumLine(view: SheetView, read: BudgetRead): void {
  const parts = read.labels;
  const first = parts[0];
  if (!first || parts.some((h) => h.col !== first.col || h.embedded !== undefined)) return;
  const col = first.col;
  const rows = parts.map((h) => h.row).sort((a, b) => a - b);
  // The lines one under the other, the sum right under the last.
  if (rows.some((row, i) => i > 0 && row !== (rows[i - 1] ?? row) + 1)) return;
  const row = (rows[rows.length - 1] ?? first.row) + 1;
  if (row > view.bottom || !/^(?:合计|总计)$/u.test(view.ownText(row, col).replace(/\s+/gu, ''))) return;
  const value = view.valueOf({ row, col });
  if (!value || !isAmount(value.raw)) return;
  read.total = value;
  read.totalHit = { kind: 'total', row, col, key: '合计', rank: 0 };
  read.labels.push(read.totalHit);
}

/**
 * A money label's figures: its value as the sheet has it (SheetView.valueOf), or — a heading in a
 * row of money headings (`本年度预计投入 | 财政资金(万元) | 其他`) whose neighbour is a word, or
 * with nothing beside it — the figures under it, one per sub-column (`中央 | 省级 | 市级资金 | 本级`
 * under 财政资金, summed as the part's lines). A word is never the amount.
 */
function figuresOf(view: SheetView, label: Hit): Field[] {
  const value = view.valueOf(label);
  if (label.embedded !== undefined) return value ? [value] : [];
  if (value && (value.text === '' || isAmount(value.raw))) return [value];
  const below = view.moneyHeadingRow(label.row) ? view.figuresBelow(label) : undefined;
  return below ?? (value ? [value] : []);
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
  unstated: 1 | 0.0001 = 1,
  total?: { label?: Hit; value?: Field },
): 1 | 0.0001 {
  // The total's own label states it (`本年预算（万元） | 100 | 已完成投资（元） | 500000`), or a unit
  // written in the cell right after its amount (`预算数 | 1000000 | 元`).
  const own =
    total?.label && view.moneyMarks.find((m) => m.row === total.label?.row && m.col === total.label.col);
  if (own) return own.scale;
  const after = total?.value && !total.value.embedded ? unitCellAfter(view, total.value) : undefined;
  if (after) return after;
  const marks = view.moneyMarks.filter((m) => m.row >= top && m.row <= headerEnd);
  // A table that states no unit: `unstated` (万元, or the unit the table above it on the sheet stated).
  if (!marks.length) return unstated;
  if (budgetRow !== undefined) {
    const above = marks.filter((m) => m.row <= budgetRow);
    const last = above[above.length - 1];
    if (last) return last.scale;
  }
  return marks[0]?.scale ?? 1;
}

/** A cell holding only a money unit (`元`, `（万元）`) right after an amount: that amount's unit. */
function unitCellAfter(view: SheetView, value: Field): 1 | 0.0001 | undefined {
  const col = view.reach(value.row, value.col) + 1;
  if (col > view.right || !isAmount(value.raw)) return undefined;
  const m = /^[(（]?\s*(?:人民币)?\s*(万元|元)\s*[)）]?$/u.exec(view.ownText(value.row, col).trim());
  return m ? (m[1] === '元' ? 0.0001 : 1) : undefined;
}
