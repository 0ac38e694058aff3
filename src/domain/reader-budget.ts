/**
 * The budget and its money unit (SPEC §5). Labels differ by form (预算数, 年度资金总额, 当年年度预算,
 * 预算金额; 财政资金, 财政拨款 or its sources 中央资金 / 市级资金 / 一般公共预算; 上年结转; 其他资金,
 * 自有资金, 单位资金) and so does the arrangement: side by side on one line, one under the other, a
 * numbered breakdown (`(一)财政拨款小计` over `1、一般公共预算`), a grid whose columns are the project
 * period and this year, or a self-evaluation's columns (年初预算数 | 全年预算数 | 全年执行数 …).
 */

import Big from 'big.js';
import { isPercentFormat, readAmount } from './amounts';
import { isAmount, type Hit, type SheetView } from './reader-sheet';
import { isAnnual, isProjectPeriod, NEXT_YEAR, ONE_LEVEL_TOTAL } from './lexicon';
import type { Field, FundsLine } from './types';
import { isBlank } from './grid';

type Part = 'fiscal' | 'carryover' | 'other';

export interface BudgetRead {
  total?: Field;
  /** The fiscal money: one line, or several sources summed. */
  fiscal: Field[];
  carryover: Field[];
  other: Field[];
  /** The total's label, when found. */
  totalHit?: Hit;
  /**
   * A money line with several figures beside its label (`年度资金总额 | 100 | 120 | 110`) and no
   * column heading above them to say which is this year's budget (the headings on the page before,
   * or never written): the block is left unread, and said so on that line.
   */
  undecided?: { label: Hit; figures: Field[] };
  /** A total of several years set aside, when the form has no other (`中期资金总额` alone). */
  multiYear?: Hit;
  /** The budget's labels, for the table's extent. */
  labels: Hit[];
  /**
   * Sources of fiscal money on the total's line that the reader could not place, the fiscal part
   * left unread for them: beside a total that is one level's money (`本级预算金额 | 100 | 该项目支出上级
   * 资金 | 30`), they may be part of it or added to it. Each is reported on its amount's cell.
   */
  unplaced?: { label: Hit; value: Field }[];
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
 * The one year a label or a heading names (`2025年预算数` → 2025), 0 for none or a span of years; a
 * column heading may name it bare (`2024`), a label only as a year (`…年`).
 */
function yearIn(text: string, bare = false): number {
  if (YEAR_SPAN.test(text)) return 0;
  return Number((bare ? /(?:^|\D)(\d{4})年?/u : /(?:^|\D)(\d{4})年/u).exec(text)?.[1] ?? 0);
}

/**
 * This year's total rather than the project period's, when the form gives both; of labels alike,
 * one with a figure beside it (a heading such as 年度预算申请（万元） over the block has none).
 */
function pickTotal(view: SheetView, totals: Hit[], formYear?: number): Hit | undefined {
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
  const year = (h: Hit): number => yearIn(h.key);
  // The year the title names, when a label has it; else the latest.
  const wanted = formYear !== undefined && ranked.some((h) => year(h) === formYear) ? formYear : undefined;
  const latest = wanted ?? Math.max(0, ...ranked.map(year));
  const byYear = latest > 0 ? ranked.filter((h) => year(h) === latest || !/\d{4}/u.test(h.key)) : ranked;
  // Stages of one budget side by side (`一上预算数 | 二上预算数`, `申报数 | 审定数`): the later one.
  const later = byYear.filter((h) => LATER_STAGE.test(h.key));
  const pool = later.length && byYear.some((h) => EARLIER_STAGE.test(h.key)) ? later : byYear;
  // An amount beside it first: a heading's neighbour is another heading (`2024年预算数 | 2025年预测数`).
  const chosen =
    pool.find((h) => isAmount(view.valueOf(h)?.raw)) ??
    pool.find((h) => (view.valueOf(h)?.text ?? '') !== '') ??
    pool[0];
  return (chosen && thisYearLeftEmpty(view, pool, chosen)) ?? chosen;
}

/**
 * This year's line written beside the project's whole budget and left empty or in words (`项目总预算 |
 * 75 | 项目当年预算 | ___`, `| 详见附件`, or under it: `项目总预算 | 65` over `当年年度预算 | ___`):
 * this year's budget is what is written there, and the project's — of several years, perhaps — is
 * never read in its place. A heading over the block stands above its lines, never beside or under.
 */
function thisYearLeftEmpty(view: SheetView, pool: Hit[], chosen: Hit): Hit | undefined {
  if (isAnnual(chosen.key) || chosen.embedded !== undefined) return undefined;
  return pool.find((h) => {
    if (h === chosen || !isAnnual(h.key) || isProjectPeriod(h.key) || h.embedded !== undefined) return false;
    const beside = h.row === chosen.row;
    const under =
      h.col === chosen.col && h.row > chosen.row && h.row <= view.depth(chosen.row, chosen.col) + 2;
    if (!beside && !under) return false;
    // Its place on its own line, empty or holding words (`详见附件`, `待定`, `—`): read as written.
    const place = view.valueOf(h);
    return place !== undefined && place.row === h.row && !isAmount(place.raw);
  });
}

const LATER_STAGE = /二上|审定|核定|批复|调整后/u;
const EARLIER_STAGE = /一上|申报|申请/u;

/**
 * The lines that make up each part: of the labels of a kind, those of the highest level of
 * enumeration (`(一)财政拨款小计`, not the `1、一般公共预算` under it); a line for all the fiscal (or
 * other) money alone when the form has one, else its sources, to be summed. `aside` receives the
 * sources left out as no part of the total.
 */
function partLines(hits: Hit[], total?: Hit, aside?: Hit[]): Record<Part, Hit[]> {
  const out: Record<Part, Hit[]> = { fiscal: [], carryover: [], other: [] };
  // A label repeated across the cells of a merge that an export (or WPS's 拆分并填充内容) filled in
  // (`其中:中央财政资金 | 其中:中央财政资金 | 127 | 127`) is one line, not two to be summed.
  const all = hits.filter(
    (h, i) => !hits.some((o, j) => j < i && o.row === h.row && o.kind === h.kind && o.key === h.key),
  );
  // A source of the money on the total's line, not introduced as its breakdown (其中, a number, a
  // line below it), is the total's when the total is all the project's money (`年度资金总额 | 100 |
  // 中央资金 | 60`); beside a total that is one level's money it may be another line of the form
  // (该项目支出上级资金 beside 本级预算金额), added to the total rather than part of it.
  const breakdown = (h: Hit): boolean =>
    h.generic ||
    !total ||
    h.rank > 0 ||
    /^其中/u.test(h.key) ||
    h.row > total.row ||
    h.kind !== 'fiscal' ||
    !ONE_LEVEL_TOTAL.test(total.key);
  // …unless the other money is listed on its line or the next (`中央补助安排 0` over `省级财政安排 0 |
  // 其他资金 20万元`, above 预算申报数): then the sources are the breakdown, laid out before the total.
  const otherRows = all.filter((h) => h.kind !== 'fiscal').map((h) => h.row);
  const labels = all.filter((h) => breakdown(h) || otherRows.some((row) => Math.abs(row - h.row) <= 1));
  aside?.push(...all.filter((h) => !labels.includes(h)));
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
  const headings: string[] = [];
  for (let col = view.left; col <= view.right; col++) {
    const text = view.ownText(headingRow, col);
    if (text !== '') headings.push(text);
  }
  for (const h of [...(totalHit ? [totalHit] : []), ...lines.fiscal, ...lines.carryover, ...lines.other]) {
    if (h.embedded !== undefined) continue;
    const cells: FundsRow['cells'] = {};
    for (const [kind, col] of columns) cells[kind] = view.field(h.row, col);
    funds.push({ line: h.kind as FundsRow['line'], label: view.field(h.row, h.col), headings, cells });
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
  // Without a 资金总额 row, the figure under the column header is the total — unless that is a part's
  // line (`当年预算` over `财政拨款 | 80` and `其他资金 | 20`): then no total is written.
  const under = view.below(header);
  const underIsPart = rowsBelow.some((h) => h.kind !== 'total' && h.row === under.row);
  return {
    total: totalLabel ? at(totalLabel) : underIsPart ? undefined : under,
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
function partsOf(view: SheetView, all: Hit[], totalHit: Hit | undefined, heads: Hit[]): Hit[] {
  if (!totalHit) return all;
  // Blocks one under the other (当年资金总额 and its parts, then 项目资金总额, 执行数 or 上年执行数 and
  // their own): the parts end where the next block begins.
  const nextBlock = Math.min(
    ...heads.filter((h) => h.row > totalHit.row && h.col === totalHit.col).map((h) => h.row),
  );
  const parts = all.filter((h) => h.row < nextBlock || h.row === totalHit.row);
  const columns = new Set(parts.map((h) => h.col));
  if (columns.size > 1) {
    const mine = parts.filter((h) => h.col === totalHit.col && h.row >= totalHit.row);
    // …and the sources listed after one on its line (`中央资金 | 40 | 省级资金 | 30 | 市级资金 | 30`),
    // or after the total on its own (`预算数 | 100 | 财政拨款 | 70` over `其他资金 | 40`), up to another
    // block's total.
    const anchors = [totalHit, ...mine];
    const onTheirLines = parts.filter(
      (h) =>
        !mine.includes(h) &&
        anchors.some(
          (m) =>
            m.row === h.row &&
            h.col > m.col &&
            !heads.some((t) => t.kind === 'total' && t.row <= h.row && t.col > m.col && t.col <= h.col),
        ),
    );
    if (mine.length) return [...mine, ...onTheirLines];
  }
  const after = parts.filter((h) => h.row >= totalHit.row);
  return after.length ? after : parts;
}

export function readBudget(view: SheetView, hits: Hit[], formYear?: number): BudgetRead {
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
  const totalHit = pickTotal(view, totals, formYear);
  const read: BudgetRead = { totalHit, labels: [], fiscal: [], carryover: [], other: [] };
  if (!totalHit) read.multiYear = totals.find((h) => MULTI_YEAR.test(h.key));
  /** The first money line whose figures no heading tells apart. */
  let undecided: BudgetRead['undecided'];
  const decide = (label: Hit) => (figures: Field[]) => void (undecided ??= { label, figures });
  if (totalHit) {
    read.labels.push(totalHit);
    const figures = figuresOf(view, totalHit, formYear, decide(totalHit));
    // Several figures under one total are no one amount: the cell beside it stays what is read.
    read.total = figures.length === 1 ? figures[0] : view.valueOf(totalHit);
  }
  // What heads another block of money lines: another total, 执行数, last year's figure.
  const heads = hits.filter(
    (h) =>
      h.kind === 'total' || h.kind === 'executed' || (h.kind === 'info' && /上一?年|去年|以前/u.test(h.key)),
  );
  const aside: Hit[] = [];
  const lines = partLines(partsOf(view, budgetHits.filter(isPart), totalHit, heads), totalHit, aside);
  if (totalHit && !lines.fiscal.length && !lines.carryover.length && !lines.other.length) {
    lines.fiscal = sourcesBeside(view, budgetHits, totalHit, read.total, formYear);
    // Not placed: said on each source's amount, so that the unread fiscal part has a finding.
    if (!lines.fiscal.length && aside.length)
      read.unplaced = aside.map((label) => {
        const figures = figuresOf(view, label, formYear);
        return { label, value: figures.length === 1 && figures[0] ? figures[0] : view.valueRight(label) };
      });
  }
  for (const part of PARTS) {
    for (const label of lines[part]) {
      // A cell two labels of a part both lead to (a heading over two rows, `其他` over `其他`, as a
      // fill leaves it) is one line of it, read once.
      const figures = (
        crossing(view, label, totalHit) ?? figuresOf(view, label, formYear, decide(label))
      ).filter((f) => !read[part].some((seen) => seen.row === f.row && seen.col === f.col));
      if (!figures.length) continue;
      read[part].push(...figures.map((f) => withOwnUnit(view, f, label)));
      read.labels.push(label);
    }
  }
  if (!totalHit) sumLine(view, read, formYear);
  // Figures in columns without headings: which column is this year's budget is not known, for any
  // line of the block.
  if (undecided) {
    read.undecided = undecided;
    read.total = undefined;
    read.fiscal = [];
    read.carryover = [];
    read.other = [];
  }
  // The parts of a total of several years are of those years too: none is this year's.
  if (read.multiYear && !read.total) {
    read.fiscal = [];
    read.carryover = [];
    read.other = [];
  }
  return read;
}

/**
 * Sources of the fiscal money listed after a total of one level's money on its line (`本级预算金额 |
 * 100 | 上级资金 | 60 | 中央资金 | 40`), not introduced as its breakdown: they are its part when
 * there are several and their figures add up to the total exactly. One source alone, or figures
 * that do not add up, may be another line of the form (该项目支出上级资金 beside 本级预算金额),
 * added to the total: not read as the part (readBudget says so on them).
 */
function sourcesBeside(
  view: SheetView,
  hits: Hit[],
  totalHit: Hit,
  total: Field | undefined,
  formYear?: number,
): Hit[] {
  const beside = hits.filter((h) => h.kind === 'fiscal' && h.row === totalHit.row && h.col > totalHit.col);
  if (beside.length < 2 || !total) return [];
  const whole = readAmount(total);
  if (whole.kind !== 'number') return [];
  let sum = new Big(0);
  for (const h of beside) {
    const figures = figuresOf(view, h, formYear);
    const amount = figures.length === 1 ? readAmount(figures[0]) : undefined;
    if (amount?.kind !== 'number') return [];
    sum = sum.plus(amount.value);
  }
  return sum.eq(whole.value) ? beside : [];
}

/**
 * A form without a total line whose parts are summed on the line under them (`收入构成: 财政拨款 |
 * 其他资金 | 合计`, a 部门整体 form's income): the 合计 is the total, when it holds an amount.
 */
function sumLine(view: SheetView, read: BudgetRead, formYear?: number): void {
  const parts = read.labels;
  const first = parts[0];
  if (!first || parts.some((h) => h.col !== first.col || h.embedded !== undefined)) return;
  const col = first.col;
  const rows = parts.map((h) => h.row).sort((a, b) => a - b);
  // The lines one under the other, the sum right under the last.
  if (rows.some((row, i) => i > 0 && row !== (rows[i - 1] ?? row) + 1)) return;
  const row = (rows[rows.length - 1] ?? first.row) + 1;
  if (row > view.bottom || !/^(?:合计|总计)$/u.test(view.ownText(row, col).replace(/\s+/gu, ''))) return;
  const hit: Hit = { kind: 'total', row, col, key: '合计', rank: 0 };
  // This year's column of the 合计 line left empty: no figure of another column is its sum, and the
  // empty cell is where the total is to be written.
  const empty = emptyColumnPlace(view, hit);
  const value = empty ?? columnOfTheYear(view, view.valueOf({ row, col }), formYear);
  if (!value || (!empty && !isAmount(value.raw))) return;
  read.total = value;
  read.totalHit = hit;
  read.labels.push(read.totalHit);
}

/**
 * The cell right under a heading whose line of figures (the row under it) holds amounts, when it is
 * empty or holds words (`详见附件`) but no label: the heading's amount is there, or not written.
 */
function placeUnder(view: SheetView, label: Hit): Field | undefined {
  const m = view.mergeAt(label.row, label.col);
  const row = (m ? m.bottom : label.row) + 1;
  const col = m ? m.left : label.col;
  if (row > view.bottom || view.isLabel(row, col) || isAmount(view.own(row, col))) return undefined;
  const under = view.mergeAt(row, col);
  if (under && (under.top !== row || under.left !== col)) return undefined;
  for (let c = view.left; c <= view.right; c++) if (isAmount(view.own(row, c))) return view.field(row, col);
  return undefined;
}

/**
 * A part heading a column of a grid whose rows are totals (`| 资金总额 | 财政拨款 | 其他资金` over
 * `项目总预算 | 300 | 240 | 60` and `当年预算 | 100 | 80 | 20`): its figure on the total's row.
 */
function crossing(view: SheetView, part: Hit, totalHit: Hit | undefined): Field[] | undefined {
  if (!totalHit || part.embedded !== undefined || totalHit.embedded !== undefined) return undefined;
  if (part.row >= totalHit.row || part.col <= totalHit.col) return undefined;
  if (view.valueOf(totalHit)?.row !== totalHit.row) return undefined;
  const below = view.valueOf(part);
  if (!below || below.row <= part.row) return undefined;
  const cell = view.field(totalHit.row, part.col);
  return isAmount(cell.raw) ? [cell] : undefined;
}

/**
 * A money label's figures: its value as the sheet has it (SheetView.valueOf), or — a heading in a
 * row of money headings (`本年度预计投入 | 财政资金(万元) | 其他`) whose neighbour is a word, or
 * with nothing beside it — the figures under it, one per sub-column (`中央 | 省级 | 市级资金 | 本级`
 * under 财政资金, summed as the part's lines). A word is never the amount.
 */
function figuresOf(
  view: SheetView,
  label: Hit,
  formYear?: number,
  undecided?: (figures: Field[]) => void,
): Field[] {
  const place = emptyColumnPlace(view, label);
  if (place) return [place];
  const value = columnOfTheYear(view, view.valueOf(label), formYear, undecided);
  if (label.embedded !== undefined) return value ? [value] : [];
  if (value && isAmount(value.raw)) return [value];
  const headings = view.moneyHeadingRow(label.row);
  const below = headings ? view.figuresBelow(label) : undefined;
  // A word beside a heading on a row of money headings (`财政拨款 | 非税安排 | 上年结转`) is the next
  // heading: with the cell under this one left empty or in words on the line of figures, that cell
  // is its place.
  if (headings && !below && value && value.row === label.row && !isAmount(value.raw)) {
    const under = placeUnder(view, label);
    if (under) return [under];
  }
  // A column inserted beside a heading on a row of money headings (`本级 | · | 其他` over `309 | · | ·`),
  // empty down to the line of figures: the heading's figure is the one under it, not that cell.
  if (
    headings &&
    below?.length &&
    value &&
    value.text === '' &&
    value.row === label.row &&
    below.every((f) => f.row > label.row && isBlank(view.own(f.row, value.col)))
  )
    return below;
  // An empty cell beside a heading merged down over its sub-headings' rows, with its figures under it
  // (the sheet reaching further right than the form, past a unit line), is no place for the amount.
  if (value && value.text === '')
    return (view.depth(label.row, label.col) > label.row ? below : undefined) ?? [value];
  return below ?? (value ? [value] : []);
}

/** A figure as an amount compares (`1,250` and `1250.00` alike), or its text when it is none. */
function amountKey(field: Field): string {
  const amount = readAmount(field);
  return amount.kind === 'number' ? amount.value.toString() : field.text;
}

/** The nearest heading above a cell in a grid's column: text, past the figures of the rows between. */
function headingAbove(view: SheetView, row: number, col: number): string {
  for (let r = row - 1; r >= Math.max(view.top, row - MATRIX_DEPTH); r--) {
    // A title, year or unit line above is past the grid's headings: no column's heading (a column
    // inserted into a form reaches up to its title, merged over it).
    if (view.titleRows.has(r) || view.yearRows.has(r) || view.unitRows.has(r)) return '';
    const cell = view.field(r, col);
    if (cell.text.trim() === '' || isAmount(cell.raw) || /^\s*[\d.]+\s*%\s*$/u.test(cell.text)) continue;
    return cell.text.trim();
  }
  return '';
}

/**
 * A line of a grid whose columns have headings (`合计 | 当年金额 | 占比 | 2021年 | 2022年`) with its
 * cell under this year's heading left empty: the amount is not written there, and the figure under
 * another heading further right (last year's, a share) is never read in its place.
 */
function emptyColumnPlace(view: SheetView, label: Hit): Field | undefined {
  if (label.embedded !== undefined) return undefined;
  const start = view.reach(label.row, label.col) + 1;
  if (start > view.right || view.ownText(label.row, start).trim() !== '' || view.isLabel(label.row, start))
    return undefined;
  const value = view.valueOf(label);
  if (!value || value.row !== label.row || value.col <= view.reach(label.row, start)) return undefined;
  const mine = headingAbove(view, label.row, start);
  const theirs = headingAbove(view, label.row, value.col);
  if (mine === '' || theirs === '' || mine === theirs) return undefined;
  const says = columnSays(mine, undefined);
  if (columnSays(theirs, undefined) === 'thisYear') return undefined;
  if (says === 'thisYear') return view.field(label.row, start);
  // Headings the reader cannot place (an OCR's `年初预匏数 | 调整预算将`, `项目总金额 | 财政资金`) on
  // one heading row right over the line: the figure under the second is not the first's, so the
  // empty cell is the amount's place (said as empty, on its cell), never another column's figure.
  // A 科目编码, 占比, past or later column before the amount is no place for it.
  if (says !== 'unknown' && says !== 'earlier' && says !== 'several') return undefined;
  return headingRowOver(view, label.row, start, value.col) ? view.field(label.row, start) : undefined;
}

const HEADING_KINDS: ReadonlySet<string> = new Set([
  'total',
  'fiscal',
  'carryover',
  'other',
  'section',
  'executed',
]);

/**
 * The row right over a line is a row of column headings above both columns: each holds a heading of
 * its own (words; a money label at most, no other label of the form's), and the row holds no amount.
 */
function headingRowOver(view: SheetView, row: number, first: number, second: number): boolean {
  const over = row - 1;
  if (over < view.top || view.moneyMarks.some((m) => m.row === over && m.line)) return false;
  for (let col = view.left; col <= view.right; col++) if (isAmount(view.own(over, col))) return false;
  return [first, second].every((col) => {
    const master = view.master(over, col);
    // A label of the form there makes it a line of labels and values, unless it heads money columns.
    const hits = view.hitsIn(master.row).filter((h) => h.col === master.col);
    if (hits.some((h) => !HEADING_KINDS.has(h.kind))) return false;
    const text = view.ownText(master.row, master.col).trim();
    return text !== '' && !/^\s*[\d.]+\s*[%％]\s*$/u.test(text);
  });
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
  const beside =
    total?.value && !total.value.embedded ? unitCellBeside(view, total.value, total.label) : undefined;
  if (beside) return beside;
  // Another label's own unit after the total on its line (`预算数 | 20 | 财政资金（元）`) is that label's.
  const others = (m: { row: number; col: number; line: boolean }): boolean =>
    !m.line && total?.label !== undefined && m.row === total.label.row && m.col > total.label.col;
  const marks = view.moneyMarks.filter((m) => m.row >= top && m.row <= headerEnd && !others(m));
  // A table that states no unit: `unstated` (万元, or the unit the table above it on the sheet stated).
  if (!marks.length) return unstated;
  if (budgetRow !== undefined) {
    const above = marks.filter((m) => m.row <= budgetRow);
    const last = above[above.length - 1];
    if (last) return last.scale;
  }
  return marks[0]?.scale ?? 1;
}

/**
 * A part's figure under a label that states its own unit (`其中：财政资金（元） | 800000`), or with a
 * unit in the cell after it (`财政资金 | 800000 | 元`): the figure carries that unit (Field.moneyUnit),
 * whatever the table's is.
 */
function withOwnUnit(view: SheetView, figure: Field, label: Hit): Field {
  const own = view.moneyMarks.find((m) => !m.line && m.row === label.row && m.col === label.col);
  const unit = own?.scale ?? (figure.embedded ? undefined : unitCellBeside(view, figure, label));
  return unit === undefined ? figure : { ...figure, moneyUnit: unit };
}

/**
 * A cell holding only a money unit right after an amount (`预算数 | 1000000 | 元`), or right before it
 * under a heading such as 计量单位 (`年度资金总额 | 元 | 1000000`): that amount's unit.
 */
function unitCellBeside(view: SheetView, value: Field, label: Hit | undefined): 1 | 0.0001 | undefined {
  if (!isAmount(value.raw)) return undefined;
  const unitIn = (col: number): 1 | 0.0001 | undefined => {
    if (col < view.left || col > view.right) return undefined;
    const m = /^[(（]?\s*(?:人民币)?\s*(万元|元)\s*[)）]?$/u.exec(view.ownText(value.row, col).trim());
    return m ? (m[1] === '元' ? 0.0001 : 1) : undefined;
  };
  const before = view.master(value.row, value.col - 1).col;
  const labelEnd = label ? view.reach(label.row, label.col) : -1;
  return unitIn(view.reach(value.row, value.col) + 1) ?? (before > labelEnd ? unitIn(before) : undefined);
}

/** What a column heading over a row of figures says of them. */
type ColumnSays = 'thisYear' | 'later' | 'earlier' | 'past' | 'several' | 'notMoney' | 'parts' | 'unknown';

const YEAR_COLUMN = /^(?:年度|年份|年)$/u;

function columnSays(heading: string, kind: string | undefined): ColumnSays {
  const h = heading.replace(/\s+/gu, '');
  if (kind === 'fiscal' || kind === 'other' || kind === 'carryover') return 'parts';
  if (/科目|编码|代码|文号|单位$|计量|占比|比例|比重|%|％|备注|说明|依据|序号/u.test(h)) return 'notMoney';
  if (/上一?年|去年|以前|往年|累计|已安排|已下达|已完成|执行|实际|完成|决算/u.test(h)) return 'past';
  // Next year's, or a forecast of a year to come (`2025年预测数`): not this year's budget.
  if (NEXT_YEAR.test(h)) return 'several';
  if (MULTI_YEAR.test(h) || /^总|总额|总投资|总计|合计|全部|概算/u.test(h)) return 'several';
  if (/当年|本年|今年|本期|年度/u.test(h) && !YEAR_COLUMN.test(h)) return 'thisYear';
  if (LATER_STAGE.test(h) || /调整数/u.test(h)) return 'later';
  if (EARLIER_STAGE.test(h)) return 'earlier';
  return 'unknown';
}

/** A column of years (`年度 | 2024`) rather than of money: whole numbers from 1990 to 2100. */
function isYearFigure(field: Field): boolean {
  const v = field.raw?.value;
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}年?$/u.test(v.trim()) ? parseInt(v, 10) : NaN;
  return Number.isInteger(n) && n >= 1990 && n <= 2100;
}

/**
 * A money line whose figure has more figures beside it (`资金总额 | 300 | 100`) under column headings
 * (`资金情况 | 总金额 | 当年金额`, `项目总投资 | 年度投资`, `2023年 | 2024年`, `年度 | 金额`): the figure
 * of this year's column — the one marked 当年/本年/年度, or the form's year, or the latest year, or
 * the one left when the project's, last year's, executed and non-money columns are set aside. Without
 * headings that decide, the figure beside the label stays; with no headings at all over amounts that
 * differ, `undecided` hears of them (readBudget then leaves the block unread).
 */
function columnOfTheYear(
  view: SheetView,
  value: Field | undefined,
  formYear?: number,
  undecided?: (figures: Field[]) => void,
): Field | undefined {
  if (!value || value.embedded || value.text === '') return value;
  const row = value.row;
  // A word or a code first (`元`, `100%`, `财农〔2024〕12号` under 计量单位, 占比, 文号), amounts after it.
  const first = isAmount(value.raw);
  const figures: Field[] = [value];
  for (let col = view.reach(row, value.col) + 1; col <= view.right; col++) {
    const own = view.own(row, col);
    if (own === undefined || own.value === null || own.value === '') continue;
    if (view.isLabel(row, col) || !isAmount(own)) break;
    figures.push(view.field(row, col));
    col = view.reach(row, col);
  }
  if (figures.length < 2) return value;
  // The headings: the nearest row above with text over the figures, past rows of figures.
  let headings: { text: string; kind: string | undefined }[] | undefined;
  for (let r = row - 1; r >= Math.max(view.top, row - MATRIX_DEPTH); r--) {
    // Another money line of the same grid (`年度资金总额 | 元 | 1000000` over ours) is no heading.
    const cells = figures.map((f) => view.field(r, f.col));
    if (
      cells.some((c) => isAmount(c.raw)) &&
      view.hitsIn(r).some((h) => (h.kind === 'total' || isPart(h)) && h.col < value.col)
    )
      continue;
    if (cells.every((c) => c.text === '')) break;
    if (cells.every((c) => c.text === '' || isAmount(c.raw))) continue;
    headings = cells.map((c) => ({
      text: c.text,
      kind: view.hitsIn(c.row).find((h) => h.col === c.col)?.kind,
    }));
    break;
  }
  if (!headings) {
    // No heading says which figure is which (the headings cut off at a page, or never written):
    // amounts that differ are no one amount, and which is this year's budget is not guessed. A
    // share formatted as a percentage (执行率 100%) is no amount of money.
    const money = figures.filter((f) => !isPercentFormat(f.raw?.numberFormat));
    if (first && new Set(money.map((f) => amountKey(f))).size > 1) undecided?.(figures);
    return value;
  }
  const says = headings.map((h, i) => {
    const field = figures[i];
    return field && isYearFigure(field) ? 'notMoney' : columnSays(h.text, h.kind);
  });
  // Not an amount first: only a heading that says it is no money lets the amounts after it count.
  if (!first && says[0] !== 'notMoney') return value;
  // Money by part across the columns (财政拨款 | 其他资金 | 合计) is another grid: not this choice.
  if (says.includes('parts')) return value;
  const pick = (i: number): Field | undefined => (i >= 0 ? figures[i] : undefined);
  const thisYear = says.indexOf('thisYear');
  if (thisYear >= 0) return pick(thisYear);
  // The years of the columns that may be this year's budget: not what was spent, not a span or a
  // forecast, not a column of codes.
  const years = headings.map((h, i) =>
    says[i] === 'past' || says[i] === 'several' || says[i] === 'notMoney' ? 0 : yearIn(h.text, true),
  );
  const wanted = formYear !== undefined && years.includes(formYear) ? formYear : Math.max(...years);
  if (wanted > 0) return pick(years.indexOf(wanted));
  const later = says.indexOf('later');
  if (later >= 0) return pick(later);
  const left = says.map((s, i) => ({ s, i })).filter(({ s }) => s === 'unknown' || s === 'earlier');
  if (left.length === 1 && left[0]) return pick(left[0].i);
  return value;
}
