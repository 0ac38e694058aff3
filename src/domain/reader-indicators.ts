/**
 * The indicator block (SPEC §5): the header row with 一级/二级/三级指标 and whatever other columns
 * the layout has, then one indicator a row until the block ends. Rows come as people leave them:
 * 一级/二级 blank or merged (continuing the row above), not grouped by 一级, or shifted one cell to
 * the left (the 一级 cell holding the 二级, as rows pasted from Word or exported by some systems do).
 */

import { isBlank } from './grid';
import {
  isAnnual,
  isFooterKey,
  isProjectPeriod,
  isSubtotalKey,
  isSumRowKey,
  labelKey,
  type LabelKind,
} from './reader-labels';
import { LAST_COL, type Hit, type SheetView } from './reader-sheet';
import {
  findLevel2,
  isKnownLevel1,
  isKnownLevel2,
  levelKey,
  matchLevel1,
  matchLevel2,
  PROFILES,
} from './taxonomy';
import type { Field, Indicator, IndicatorLevels, ProfileChoice } from './types';

export interface IndicatorBlock {
  header: Field;
  indicators: Indicator[];
  columns: { description: boolean; basis: boolean; levels: IndicatorLevels };
  /** The last column of the block (extra columns such as 权重 included). */
  right: number;
  /** False when no header cell names the value column: the reader looked right of the others. */
  hasValueColumn: boolean;
  /** Where the value column is, or where the reader looked for it. */
  valueCol: number;
  /** The 总分 line that ends a self-evaluation's block: its cells under 分值 and 得分. */
  sum?: { label: Field; weight?: Field; score?: Field };
}

interface Columns {
  level1: number;
  level2: number;
  name: number;
  value: number;
  description?: number;
  basis?: number;
  comparator?: number;
  unit?: number;
  actual?: number;
  weight?: number;
  score?: number;
  deviation?: number;
  /** 调整指标值 (重庆's 自评表): the target as adjusted in the year, in force where it is filled. */
  adjusted?: number;
}

/** The heading of a target adjusted in the year: `调整指标值`, `调整后指标值`. */
const ADJUSTED = /^调整后?(?:的)?(?:年度)?指标值/u;

const COST = levelKey('成本指标');
/** The 二级 of mof-2021's 成本指标 (经济成本指标 …): beside one, 成本指标 is a 一级. */
const isMofCostLevel2 = (text: string): boolean =>
  PROFILES['mof-2021'].level1.some(
    (l1) =>
      levelKey(l1.name) === COST &&
      l1.level2.some((l2) =>
        [l2.name, ...l2.aliases].some(
          (n) => levelKey(n).replace(/指标$/, '') === levelKey(text).replace(/指标$/, ''),
        ),
      ),
  );
const isLevelName = (text: string): boolean => isKnownLevel1(text) || isKnownLevel2(text);

/** The value column among several (项目期 and 年度 side by side): this year's wins. */
function pickValue(candidates: readonly Hit[]): Hit | undefined {
  // Unmarked sets side by side follow the forms' order, the period's first and the year's last.
  const unmarked = candidates.filter((h) => !isProjectPeriod(h.key));
  return candidates.find((h) => isAnnual(h.key)) ?? unmarked[unmarked.length - 1] ?? candidates[0];
}

/** pickValue of the hits of one kind, without a list of them: a header has a dozen kinds to place. */
function pickKind(hits: readonly Hit[], kind: LabelKind): Hit | undefined {
  let first: Hit | undefined;
  let lastUnmarked: Hit | undefined;
  for (const h of hits) {
    if (h.kind !== kind) continue;
    if (isAnnual(h.key)) return h;
    first ??= h;
    if (!isProjectPeriod(h.key)) lastUnmarked = h;
  }
  return lastUnmarked ?? first;
}

/**
 * Columns from the header, which may take two rows: `指标值` over `符号 | 值 | 单位`, or 一级指标
 * merged down beside sub-headers. Every other header cell (权重, 分值 …) still counts as a column,
 * so that a row shifted left reads each cell from its right neighbour's place.
 */
function headerColumns(
  view: SheetView,
  headerRow: number,
): { cols: Columns; physical: number[]; right: number; bottom: number; hasValue: boolean } {
  const rowHits = view.hitsIn(headerRow);
  // A header without levels (指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值) has no 一级 heading; an
  // old form's `指标 | 指标内容 | 指标值` heads its 一级 names with a word the lexicon does not know.
  const level1Hit = rowHits.find((h) => h.kind === 'level1') ?? level1NamesBeside(view, headerRow, rowHits);
  // The block starts at its leftmost column of the three, whatever order the form puts them in.
  const start = Math.min(
    ...rowHits
      .filter((h) => h.kind === 'level1' || h.kind === 'level2' || h.kind === 'indicatorName')
      .map((h) => h.col),
  );
  const bottom = subHeaderBelow(view, headerRow, start)
    ? headerRow + 1
    : view.depth(headerRow, level1Hit?.col ?? start);
  const hits: Hit[] = [];
  // Headings merged down from the row above (`实际完成值 | 分值 | 得分` over both rows of a header whose
  // `年度指标值` heads 指标性质 | 指标值 | 度量单位) head their columns too.
  const above = headerRow > view.top ? view.hitsIn(headerRow - 1) : [];
  const reaching = above.filter((h) => h.col >= start && view.depth(h.row, h.col) >= headerRow);
  hits.push(...reaching);
  for (let row = headerRow; row <= bottom; row++)
    hits.push(...view.hitsIn(row).filter((h) => h.col >= start));
  // Forms with the project period's indicators beside this year's (二级指标(长期) … 二级指标(年度)): this year's.
  const col = (kind: LabelKind): number | undefined => pickKind(hits, kind)?.col;
  // Built at once (one hidden class), not key by key.
  const found: Partial<Columns> = {
    level1: col('level1'),
    level2: col('level2'),
    name: col('indicatorName'),
    description: col('description'),
    basis: col('basis'),
    comparator: col('comparator'),
    unit: col('unit'),
    actual: col('actual'),
    weight: col('weight'),
    score: col('score'),
    deviation: col('deviation'),
    adjusted: hits.find((h) => h.kind === 'extra' && ADJUSTED.test(h.key))?.col,
  };

  const physical = new Set<number>();
  let right = start;
  for (const h of reaching) {
    physical.add(h.col);
    right = Math.max(right, view.reach(h.row, h.col));
  }
  for (let row = headerRow; row <= bottom; row++) {
    for (let col = start; col <= view.right; col++) {
      if (isBlank(view.own(row, col))) continue;
      physical.add(col);
      right = Math.max(right, view.reach(row, col));
    }
  }

  // A value heading over sub-columns (`年度指标值` over `指标性质 | 指标值 | 度量单位`): the sub-column's.
  const values = hits.filter((h) => h.kind === 'value');
  const below = values.filter((h) => h.row > headerRow);
  const valueHit = pickValue(below.length ? below : values);
  let value = valueHit?.col;
  if (valueHit) {
    // `指标值` spanning its sub-columns: the number sits in the one that is not 符号 or 单位.
    const span = { from: valueHit.col, to: view.reach(valueHit.row, valueHit.col) };
    const taken = new Set(
      hits.filter((h) => h.row > valueHit.row && h.col >= span.from && h.col <= span.to).map((h) => h.col),
    );
    if (taken.size) {
      for (let col = span.from; col <= span.to; col++) {
        if (
          !taken.has(col) ||
          hits.some((h) => h.col === col && h.kind === 'value' && h.row > valueHit.row)
        ) {
          value = col;
          break;
        }
      }
      physical.add(value as number);
    }
  }
  let hasValue = value !== undefined;
  if (value === undefined) {
    // No header names the value column: forms with one value column per beneficiary or town
    // (笏石街道办 | 埭头镇) head them with names; the first such column right of the 三级 is read.
    const named = new Set(hits.map((h) => h.col));
    const after = Math.max(
      level1Hit?.col ?? start,
      found.level2 ?? start,
      found.name ?? start,
      found.comparator ?? start,
    );
    const candidate = [...physical].sort((a, b) => a - b).find((col) => col > after && !named.has(col));
    // Only where the column holds what values look like: beside a comparator column, or numbers.
    if (
      candidate !== undefined &&
      (found.comparator === candidate - 1 || looksLikeValues(view, bottom, candidate))
    ) {
      value = candidate;
      hasValue = true;
    }
  }
  // Where a value column would be: right of the others, but never past the sheet's last column.
  if (value === undefined) value = Math.min(right + 1, LAST_COL);
  // Headings one level off (一级指标 over the 二级 names, 二级指标 over the indicators): read as they are.
  const offByOne = level1Hit !== undefined && found.name === undefined && mislabeledHeader(view, headerRow);
  // Written out rather than spread from `found`: the same columns, without copying an object.
  const cols: Columns = {
    level1: level1Hit === undefined || offByOne ? NO_COLUMN : level1Hit.col,
    level2: level1Hit === undefined ? NO_COLUMN : offByOne ? level1Hit.col : (found.level2 ?? NO_COLUMN),
    name: offByOne ? (found.level2 as number) : (found.name as number),
    description: found.description,
    basis: found.basis,
    comparator: found.comparator,
    unit: found.unit,
    actual: found.actual,
    weight: found.weight,
    score: found.score,
    deviation: found.deviation,
    adjusted: found.adjusted,
    value,
  };
  return { cols, physical: [...physical].sort((a, b) => a - b), right, bottom, hasValue };
}

/** Kinds that head the sub-columns of a two-row indicator header. */
const SUB_HEADINGS = new Set<LabelKind>([
  'value',
  'comparator',
  'unit',
  'basis',
  'description',
  'extra',
  'actual',
  'score',
  'weight',
  'deviation',
]);

/**
 * True when the row under an indicator header is its second row, with no merge to say so (a copy
 * from a PDF or a web page loses them): every filled cell is the heading of a sub-column.
 */
function subHeaderBelow(view: SheetView, headerRow: number, from: number): boolean {
  const row = headerRow + 1;
  if (row > view.bottom || view.depth(headerRow, from) > headerRow) return false;
  const hits = view.hitsIn(row).filter((h) => h.col >= from);
  if (!hits.length || !hits.every((h) => SUB_HEADINGS.has(h.kind))) return false;
  for (let col = from; col <= view.right; col++)
    if (!isBlank(view.own(row, col)) && !hits.some((h) => h.col === col)) return false;
  return true;
}

/** A page number as a PDF prints it: `- 1 -`, `—2—`, `第 3 页`, `第1页 共4页`, `1/4`. */
const PAGE_NUMBER =
  /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，、]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|[Pp]age\s*\d{1,3})\s*$/u;

/** The headings a repeat of an indicator header must have where the header has them. */
const HEADER_KINDS = new Set<LabelKind>([
  'level1',
  'level2',
  'indicatorName',
  'value',
  'actual',
  'weight',
  'score',
]);

/**
 * The header written again under its block (a page break repeats it; a 自评表 heads its second
 * group of goals, `年度绩效目标2`, with it): the same headings in the same columns, at least three
 * of them, and not marked as the project period's (`中长期指标`). Returns the repeat's last row (its
 * second row of sub-headings with it), or undefined. `heads`: the header's headings of HEADER_KINDS
 * from `from` on.
 */
function repeatedHeader(
  view: SheetView,
  row: number,
  heads: readonly Hit[],
  from: number,
): number | undefined {
  if (heads.length < 3) return undefined;
  const hits = view.hitsIn(row);
  if (!heads.every((h) => hits.some((r) => r.kind === h.kind && r.col === h.col))) return undefined;
  const period = [row, row - 1].some((r) =>
    view.hitsIn(r).some((h) => h.kind === 'section' && isProjectPeriod(h.key)),
  );
  if (period || hits.some((h) => isProjectPeriod(h.key))) return undefined;
  let last = row;
  // Its second row: nothing but the sub-columns' headings.
  const next = last + 1;
  const under = view.hitsIn(next).filter((h) => h.col >= from);
  if (
    next <= view.bottom &&
    under.length > 0 &&
    under.every((h) => SUB_HEADINGS.has(h.kind)) &&
    !view.grid.cells[next - view.top]?.some(
      (cell, i) => !isBlank(cell) && view.left + i >= from && !under.some((h) => h.col === view.left + i),
    )
  )
    last = next;
  return last;
}

/**
 * What a row under the header is to the block: `skip`, a group's subtotal line (`小计`, or a `合计`
 * under a 一级 merged over it); `end`, an empty row, a new table's labels, a title, year or unit line,
 * or a footer (备注, 填表人, a 合计 row of the weights) starting in the 一级 or 二级 column — the sums
 * also in the 三级 column, under merged 一级/二级 cells; else an indicator's row. The row's first
 * filled cell is read once for both.
 */
function lineRole(
  view: SheetView,
  row: number,
  cols: Columns,
  from: number,
  to: number,
): 'skip' | 'end' | 'indicator' {
  const first = view.firstFilledCol(row, view.left, to);
  const key = first === undefined ? '' : labelKey(view.ownText(row, first));
  if (
    first !== undefined &&
    first <= cols.name &&
    (isSubtotalKey(key) || (isSumRowKey(key) && insideGroup(view, row, cols)))
  )
    return 'skip';
  if (view.rowEmpty(row, from, to) || view.beginsTable(row)) return 'end';
  if (first === undefined) return 'indicator';
  // A page's number alone on its line (`- 1 -`, `第 2 页`): a PDF's page break, the block goes on.
  if (PAGE_NUMBER.test(view.ownText(row, first)) && view.lastFilledReach(row) <= view.reach(row, first))
    return 'skip';
  // A line that only names a block (`年度绩效指标`, `中长期绩效指标`): the year's goes on, the project
  // period's is another block.
  const hits = view.hitsIn(row);
  if (hits.length === 1 && hits[0]?.kind === 'section' && view.lastFilledReach(row) <= view.reach(row, first))
    return isProjectPeriod(hits[0].key) ? 'end' : 'skip';
  const lead = cols.level2 === NO_COLUMN ? cols.name : cols.level2;
  return (first <= lead && isFooterKey(key)) || (first <= cols.name && isSumRowKey(key))
    ? 'end'
    : 'indicator';
}

/** Labels that make a row a form's line or a header, never an indicator's (`完成时间` may name one). */
const FORM_KINDS = new Set<LabelKind>([
  'name',
  'entity',
  'code',
  'total',
  'fiscal',
  'carryover',
  'other',
  'usage',
  'plan',
  'goal',
  'level1',
  'level2',
  'indicatorName',
  'value',
]);

/** How many empty rows inside an indicator block do not end it. */
const GAP_ROWS = 2;

/**
 * The row after an empty row or two (`row` the first) where the indicator block goes on: a row with
 * an indicator's name in the name column, no label of a form in it, and in the 一级/二级 columns
 * nothing or the names of categories — not a footer, a new table or a note.
 */
function resumesAfterGap(
  view: SheetView,
  row: number,
  regionEnd: number,
  cols: Columns,
  from: number,
  to: number,
): number | undefined {
  let next = row + 1;
  while (next <= regionEnd && next <= row + GAP_ROWS && view.rowEmpty(next, from, to)) next++;
  if (next > regionEnd || next > row + GAP_ROWS || view.rowEmpty(next, from, to)) return undefined;
  if (
    view.hitsIn(next).some((h) => FORM_KINDS.has(h.kind)) ||
    lineRole(view, next, cols, from, to) !== 'indicator'
  )
    return undefined;
  const text = (col: number): string => (col === NO_COLUMN ? '' : view.ownText(next, col).trim());
  // A category's name (known, or named as one: `经济效益值`), or nothing.
  const category = (col: number): boolean =>
    text(col) === '' || isLevelName(text(col)) || /(?:指标|效益|值)$/u.test(text(col));
  if (!category(cols.level1) || !category(cols.level2)) return undefined;
  const name = text(cols.name);
  // An indicator's name, or a category's row whose name is still to be written.
  const named = name !== '' && !isLevelName(name);
  return named || text(cols.level1) !== '' || text(cols.level2) !== '' ? next : undefined;
}

export function readIndicators(
  view: SheetView,
  headerRow: number,
  regionEnd: number,
  profile: ProfileChoice,
  skipLeadingBlank = false,
): IndicatorBlock {
  const { cols, physical, right: headerRight, bottom, hasValue } = headerColumns(view, headerRow);
  // No 一级 or 二级 column at all: the indicators have names and values, no categories.
  const levelless = cols.level1 === NO_COLUMN && cols.level2 === NO_COLUMN;
  // A 一级 column and no 二级 (`指标 | 指标内容 | 指标值`): the indicators have a 一级 only.
  const level1Only = cols.level1 !== NO_COLUMN && cols.level2 === NO_COLUMN;
  const right = Math.max(headerRight, view.reach(headerRow, cols.value));
  const leftmost = Math.min(
    ...[cols.level1, cols.level2, cols.name, cols.value].filter((c) => c !== NO_COLUMN),
  );
  // Physical order left to right: a shifted row holds each column's content one column earlier.
  const order = [...new Set([...physical, cols.value])].sort((a, b) => a - b);
  const shiftedCol = (col: number): number => {
    const i = order.indexOf(col);
    return i > 0 ? (order[i - 1] ?? col) : col;
  };

  // A border dragged in some rows leaves the heading's first column under the cell on its left
  // there (Word makes a sliver grid column of it; Excel, pasting such a table, a sliver column):
  // in such a row, the column's cell is the one that starts under its heading.
  const headingReach = new Map<number, number>();
  const reachOf = (col: number): number => {
    let reach = headingReach.get(col);
    if (reach === undefined) {
      reach = col;
      for (let r = bottom; r >= headerRow; r--)
        if (view.ownText(r, col) !== '') {
          reach = view.reach(r, col);
          break;
        }
      headingReach.set(col, reach);
    }
    return reach;
  };
  const under = (row: number, col: number): number => {
    const m = view.mergeAt(row, col);
    if (!m || m.left === col) return col;
    for (let c = col + 1; c <= reachOf(col); c++) {
      const n = view.mergeAt(row, c);
      if (!n || n.left === c) return c;
    }
    return col;
  };

  const rows: number[] = [];
  // The header's headings a repeat of it must have (repeatedHeader), listed once for all rows.
  const heads = view.hitsIn(headerRow).filter((h) => HEADER_KINDS.has(h.kind) && h.col >= leftmost);
  let sumRow: IndicatorBlock['sum'];
  let from = bottom + 1;
  // An export's rows may start below a subtotal line that fills none of the indicator columns.
  if (skipLeadingBlank) while (from <= regionEnd && view.rowEmpty(from, leftmost, right)) from++;
  for (let row = from; row <= regionEnd; row++) {
    // A spare row of a group whose 一级/二级 is merged over it is still inside the block.
    if (view.rowEmpty(row, leftmost, right) && insideGroup(view, row, cols)) continue;
    // `……` (or a lone `…`) left in a row of the form says "and so on": no indicator, and the block
    // goes on below it.
    if (isPlaceholderRow(view, row, leftmost, right)) continue;
    // The header again (a page break's repeat, a form's 年度绩效目标2 block): the block goes on under it.
    const repeat = repeatedHeader(view, row, heads, leftmost);
    if (repeat !== undefined) {
      row = repeat;
      continue;
    }
    // An empty row or two left between indicators (a row's contents deleted, a gap between groups):
    // the block goes on when the row after it is an indicator's of the same columns.
    const resumes = view.rowEmpty(row, leftmost, right)
      ? resumesAfterGap(view, row, regionEnd, cols, leftmost, right)
      : undefined;
    if (resumes !== undefined) {
      row = resumes - 1;
      continue;
    }
    const role = lineRole(view, row, cols, leftmost, right);
    if (role === 'skip') continue;
    if (role === 'end') {
      sumRow = cols.score !== undefined ? sumLineAt(view, row, cols, right) : undefined;
      break;
    }
    rows.push(row);
  }

  // 成本指标 is a 一级 of mof-2021 and a 二级 of hebei-2019: the cell beside it decides.
  const costIsLevel1 =
    profile === 'mof-2021' ||
    (profile === 'auto' &&
      rows.some(
        (row) =>
          levelKey(view.ownText(row, cols.level1)) === COST &&
          isMofCostLevel2(view.ownText(row, cols.level2)),
      ));
  const isShifted = (row: number): boolean => {
    if (cols.level1 === NO_COLUMN) return false;
    const level1Text = view.ownText(row, cols.level1);
    const level2Text = view.ownText(row, cols.level2);
    if (level1Text === '' || !isKnownLevel2(level1Text)) return false;
    if (isKnownLevel1(level1Text) && (levelKey(level1Text) !== COST || costIsLevel1)) return false;
    // Shifted, the 二级 column holds the 三级 name; a blank or a category there means the row is not.
    return level2Text !== '' && !isLevelName(level2Text);
  };

  // 一级指标 heading two columns, the first holding the block's vertical label (绩效指标): the 一级
  // names are in the column where they are written.
  const level1Col = level1Column(view, cols, headerRow, rows);
  const shiftedRows = new Set<number>();
  const indicators: Indicator[] = [];
  let previous: Indicator | undefined;
  for (const row of rows) {
    const shifted = isShifted(row);
    if (shifted) shiftedRows.add(row);
    const at = (col: number): number => (shifted ? shiftedCol(col) : under(row, col));
    const level1 = levelless
      ? noLevel(view, row, cols.name)
      : level1Col === NO_COLUMN
        ? inferredLevel1(view.field(row, cols.level2), previous?.level1)
        : continued(view, row, level1Col, previous?.level1, shifted);
    // A new 一级 with a blank 二级 does not take the 二级 of another 一级.
    const level2 =
      levelless || level1Only
        ? noLevel(view, row, cols.name)
        : continued(view, row, at(cols.level2), level1.inherited ? previous?.level2 : undefined, false);
    const optional = (
      k: 'description' | 'basis' | 'comparator' | 'unit' | 'actual' | 'weight' | 'score' | 'deviation',
    ): Field | undefined => {
      const col = cols[k];
      return col !== undefined ? view.field(row, at(col)) : undefined;
    };
    const comparator = optional('comparator');
    const unit = optional('unit');
    // A target adjusted in the year (调整指标值) replaces the year's first one where it is written.
    const adjusted = cols.adjusted !== undefined ? view.field(row, at(cols.adjusted)) : undefined;
    const value = adjusted && adjusted.text !== '' ? adjusted : view.field(row, at(cols.value));
    // Every key at once, absent ones undefined: one hidden class for all indicators, where adding
    // the columns a form has one by one made a class per combination, each dropped by V8 (with the
    // code compiled for it) whenever a full collection finds no indicator of it alive.
    const indicator: Indicator = {
      row,
      level1,
      level2,
      name: slotless(view.field(row, at(cols.name)), value),
      value,
      valueText: joinValue(comparator?.text ?? '', value.text, unit?.text ?? ''),
      description: optional('description'),
      basis: optional('basis'),
      comparator,
      unit,
      actual: optional('actual'),
      weight: optional('weight'),
      score: optional('score'),
      deviation: optional('deviation'),
    };
    indicators.push(indicator);
    previous = indicator;
  }
  if (!levelless) resolveUnmergedLevels(view, indicators, level1Col, shiftedRows);
  const headerCol = cols.level1 !== NO_COLUMN ? cols.level1 : levelless ? cols.name : cols.level2;
  return {
    header: view.field(headerRow, headerCol),
    indicators,
    columns: {
      description: cols.description !== undefined,
      basis: cols.basis !== undefined,
      levels: levelless ? 'none' : level1Only ? 'level1' : 'full',
    },
    right,
    hasValueColumn: hasValue,
    valueCol: cols.value,
    sum: sumRow,
  };
}

/**
 * The line of sums under a self-evaluation's indicators (`总分 | … | 100 | 98`), when the row that
 * ends the block is one: its label and its cells under the 分值 and 得分 columns.
 */
function sumLineAt(view: SheetView, row: number, cols: Columns, right: number): IndicatorBlock['sum'] {
  const first = view.firstFilledCol(row, view.left, right);
  if (first === undefined || first > cols.name || !isSumRowKey(labelKey(view.ownText(row, first))))
    return undefined;
  const at = (col: number | undefined): Field | undefined => {
    if (col === undefined) return undefined;
    const m = view.master(row, col);
    // A label merged across the score's column is no score.
    return m.col === first && m.row === row ? undefined : view.field(row, col);
  };
  return { label: view.field(row, first), weight: at(cols.weight), score: at(cols.score) };
}

/** True when most filled cells of the column below the header read as quantities (`100%`, `≥3个`, 12). */
function looksLikeValues(view: SheetView, headerBottom: number, col: number): boolean {
  let filled = 0;
  let quantities = 0;
  for (let row = headerBottom + 1; row <= Math.min(view.bottom, headerBottom + 30); row++) {
    const cell = view.own(row, col);
    if (isBlank(cell)) continue;
    filled++;
    if (typeof cell?.value === 'number' || /^\s*[≥≤><=＝]?\s*[\d０-９]/u.test(String(cell?.value)))
      quantities++;
  }
  return filled > 0 && quantities * 2 > filled;
}

/**
 * A header `一级指标 | 二级指标 | … | 指标值` over rows whose 一级 column holds 二级 names (数量指标 …)
 * and whose 二级 column holds the indicators: the form's headings are one level off (seen in
 * 湖北's exports).
 */
export function mislabeledHeader(view: SheetView, row: number): boolean {
  const hits = view.hitsIn(row);
  const level1 = hits.find((h) => h.kind === 'level1');
  if (!level1 || !hits.some((h) => h.kind === 'value') || hits.some((h) => h.kind === 'indicatorName'))
    return false;
  const below: string[] = [];
  for (let r = view.depth(row, level1.col) + 1; r <= Math.min(view.bottom, row + 6); r++) {
    const text = view.ownText(r, level1.col);
    if (text !== '') below.push(text);
  }
  // 成本指标 is a 二级 in one profile and a 一级 in another: it neither makes nor breaks the case.
  return below.every((t) => isKnownLevel2(t)) && below.some((t) => !isKnownLevel1(t));
}

/** `cols.level1` of a block whose form has no 一级 column. */
const NO_COLUMN = -1;

/**
 * The 一级 of a row whose form has no 一级 column: the one its 二级 belongs to in the profiles
 * (数量指标 → 产出指标), standing on the 二级's cell; a blank 二级 continues the row above.
 */
function inferredLevel1(
  level2: Field,
  above: (Field & { inherited: boolean }) | undefined,
): Field & { inherited: boolean } {
  const owner = [PROFILES['hebei-2019'], PROFILES['mof-2021']]
    .map((p) => findLevel2(p, level2.text)?.level1.name)
    .find((n) => n !== undefined);
  if (owner) return { ...level2, raw: { value: owner }, text: owner, inherited: true };
  return above ? { ...above, inherited: true } : { ...level2, raw: undefined, text: '', inherited: false };
}

/**
 * The heading of a 一级 column the lexicon does not know (`指标`, left of 指标内容): the column right
 * before the indicators' names holding known 一级 names in the rows under the header, and no 二级.
 */
export function level1NamesBeside(view: SheetView, headerRow: number, hits: readonly Hit[]): Hit | undefined {
  if (hits.some((h) => h.kind === 'level2')) return undefined;
  const name = hits.find((h) => h.kind === 'indicatorName');
  if (!name || !hits.some((h) => h.kind === 'value')) return undefined;
  const col = view.mergeAt(headerRow, name.col - 1)?.left ?? name.col - 1;
  if (col < view.left || hits.some((h) => h.col === col) || view.ownText(headerRow, col) === '')
    return undefined;
  let known = 0;
  let other = 0;
  for (let row = view.depth(headerRow, col) + 1; row <= Math.min(view.bottom, headerRow + 12); row++) {
    const text = view.ownText(row, col);
    if (text === '') continue;
    if (isKnownLevel1(text)) known++;
    else other++;
  }
  if (known === 0 || other > 0) return undefined;
  return { kind: 'level1', row: headerRow, col, key: labelKey(view.ownText(headerRow, col)), rank: 0 };
}

/** The 一级 or 二级 of a row in a block without levels: none, written nowhere (on the name's cell). */
function noLevel(view: SheetView, row: number, nameCol: number): Field & { inherited: boolean } {
  return { ...view.field(row, nameCol), raw: undefined, text: '', inherited: false };
}

/** True when the row's 一级 or 二级 cell is covered by a merge that starts above it. */
function insideGroup(view: SheetView, row: number, cols: Columns): boolean {
  return [cols.level1, cols.level2].some((col) => {
    const m = col === NO_COLUMN ? undefined : view.mergeAt(row, col);
    return m !== undefined && m.top < row;
  });
}

/** A template's numbered slot for an indicator (`指标2`, `指标3：`), left as printed. */
const TEMPLATE_SLOT = /^(?:指标|目标)\s*\d{1,2}\s*[:：]?$/u;

/** A name that is only a template's slot (`指标1`) on a row with no value: no name was written. */
function slotless(name: Field, value: Field): Field {
  if (value.text !== '' || !TEMPLATE_SLOT.test(name.text)) return name;
  return { cell: name.cell, row: name.row, col: name.col, raw: undefined, text: '' };
}

/** The first characters of dots (`……`, `...`, `。。`) and of a template's slot (`指标2`, `目标1`). */
const PLACEHOLDER_START = '…．.·。指目';

/** A row whose only own content is dots (`……`, `…`, `...`) or a template's empty slot (`指标2`). */
function isPlaceholderRow(view: SheetView, row: number, from: number, to: number): boolean {
  let dots = false;
  for (let col = from; col <= to; col++) {
    const text = view.ownText(row, col).trim();
    if (text === '') continue;
    // Dots and slots begin with one of these: any other text is the row's content, without a regex.
    if (!PLACEHOLDER_START.includes(text.charAt(0))) return false;
    if (!/^(?:…+|[．.·。]{2,})$/u.test(text) && !TEMPLATE_SLOT.test(text)) return false;
    dots = true;
  }
  return dots;
}

/** The column of the 一级 names under a 一级指标 heading that spans several columns. */
function level1Column(view: SheetView, cols: Columns, headerRow: number, rows: number[]): number {
  if (cols.level1 === NO_COLUMN) return NO_COLUMN;
  const last = view.reach(headerRow, cols.level1);
  let best = cols.level1;
  let bestCount = -1;
  for (let col = cols.level1; col <= last; col++) {
    if (col === cols.level2 || col === cols.name) break;
    const count = rows.filter((row) => isKnownLevel1(view.ownText(row, col))).length;
    if (count > bestCount) {
      best = col;
      bestCount = count;
    }
  }
  return best;
}

/**
 * 一级/二级 written once per group but not merged over it (a Word table pasted without its merges,
 * or a label set on the middle row of its group): a blank 一级 belongs to the group's name above it,
 * or — when the row's 二级 does not fit that 一级, or nothing is above — to the one written below it.
 * A 一级 cell holding a 二级 name with a blank 二级 beside it (服务对象满意度指标 across both columns)
 * is that 二级 too; a blank 二级 on a row that continues the same 一级 continues the 二级 above.
 */
function resolveUnmergedLevels(
  view: SheetView,
  indicators: Indicator[],
  level1Col: number,
  shifted: ReadonlySet<number>,
): void {
  const written = (ind: Indicator): boolean =>
    !shifted.has(ind.row) && view.ownText(ind.row, level1Col) !== '' && !view.mergeAt(ind.row, level1Col);
  const blank = (ind: Indicator): boolean =>
    !shifted.has(ind.row) && view.ownText(ind.row, level1Col) === '' && !view.mergeAt(ind.row, level1Col);
  indicators.forEach((ind, i) => {
    if (!blank(ind)) return;
    const next = indicators.slice(i + 1).find((x) => !blank(x));
    if (!next || !written(next)) return;
    const above = indicators
      .slice(0, i)
      .reverse()
      .find((x) => !blank(x));
    const fits = (level1: string): boolean => fitsUnder(ind.level2.text, level1);
    if (!above || (ind.level2.text !== '' && !fits(above.level1.text) && fits(next.level1.text)))
      ind.level1 = { ...next.level1, inherited: true };
  });
  indicators.forEach((ind, i) => {
    const before = indicators[i - 1];
    if (ind.level2.text !== '' || view.mergeAt(ind.row, ind.level2.col)) return;
    if (isKnownLevel2(ind.level1.text) && !isKnownLevel1(ind.level2.text)) {
      if (isSatisfactionName(ind.level1.text)) ind.level2 = { ...ind.level1, inherited: true };
    } else if (
      before &&
      levelKey(before.level1.text) === levelKey(ind.level1.text) &&
      before.level2.text !== ''
    ) {
      ind.level2 = { ...before.level2, inherited: true };
    }
  });
}

/** True when the 二级 (blank or unknown: anything) may sit under the 一级 in some profile. */
function fitsUnder(level2: string, level1: string): boolean {
  if (level2 === '' || !isKnownLevel2(level2)) return true;
  return Object.values(PROFILES).some((p) => {
    const l1 = matchLevel1(p, level1);
    return l1 !== undefined && matchLevel2(l1, level2) !== undefined;
  });
}

const isSatisfactionName = (text: string): boolean => levelKey(text).includes('满意度');

/** Comparator, number and unit as one text; a value cell that already says the sign or unit keeps it once. */
function joinValue(comparator: string, value: string, unit: string): string {
  const head = comparator !== '' && !value.startsWith(comparator) ? comparator : '';
  const tail = unit !== '' && !value.endsWith(unit) ? unit : '';
  return `${head}${value}${tail}`;
}

/**
 * A 一级/二级 cell: its own text, or — blank, merged from above, or skipped by a shifted row —
 * the one above it (`inherited`), pointing at the cell that actually holds the name.
 */
function continued(
  view: SheetView,
  row: number,
  col: number,
  above: (Field & { inherited: boolean }) | undefined,
  forceInherit: boolean,
): Field & { inherited: boolean } {
  const m = view.mergeAt(row, col);
  // The field is new: it takes its flag itself rather than through a copy.
  if (!forceInherit && m && m.top < row) return view.levelField(row, col, true);
  if (!forceInherit && view.ownText(row, col) !== '') return view.levelField(row, col, false);
  if (above) return { ...above, inherited: true };
  const here = view.field(row, col);
  // A shifted row's 一级 cell holds its 二级: with nothing above to continue, the 一级 is unknown.
  return forceInherit
    ? { ...here, raw: undefined, text: '', inherited: false }
    : { ...here, inherited: false };
}
