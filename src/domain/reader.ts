/**
 * Grid → TargetTable[] (SPEC §5). Tables are found by their labels, never by fixed addresses, so
 * the reader takes the template wherever it starts, several tables on one sheet, last year's Word
 * table pasted in, the 财政部 forms, budget-system exports and other provinces' layouts. Every value
 * keeps the cell it came from; what it cannot find it says in `notes`, with where it looked.
 */

import { unfilled } from './unfill';
import { isPercentFormat, readAmount, readPlanCell } from './amounts';
import { columnLetters, rangeA1, toA1 } from './address';
import { cellText, isBlank, type Grid } from './grid';
import { PLAN_PERIODS } from './layout';
import { moneyScaleOf, readBudget, type BudgetRead } from './reader-budget';
import { level1NamesBeside, mislabeledHeader, readIndicators } from './reader-indicators';
import { isAnyPeriod, isDepartmentTitle, isSelfEvalTitle } from './lexicon';
import {
  isAnnual,
  isProjectPeriod,
  labelKey,
  periodOf,
  readCell,
  withoutMoneyUnit,
  type LabelKind,
} from './reader-labels';
import { isAmount, sheetA1, SheetView, type Hit } from './reader-sheet';
import { betweenPieces, Continuations } from './stray';
import { detectProfile, isKnownLevel1, isKnownLevel2 } from './taxonomy';
import {
  budgetLines,
  type Field,
  type FormKind,
  type Indicator,
  type ProfileChoice,
  type ReaderNote,
  type TargetTable,
} from './types';

export { labelKey } from './reader-labels';

export interface ReadOptions {
  profile?: ProfileChoice;
}

/** What one table is read with: the options, and the money unit it has if it states none. */
interface TableOptions extends ReadOptions {
  unstatedScale?: 1 | 0.0001;
}

/**
 * `flatHeader`: an indicator header without 一级/二级 columns (`指标名称 | 指标权重 | 计量单位 | 指标性质 |
 * 指标值`, 重庆's 部门整体 form): it heads the block of a table already begun above it, never a table
 * of its own (a 指标名称 | 指标值 grid alone is an appraisal's or a report's, not a target table).
 */
type AnchorKind = 'name' | 'code' | 'entity' | 'header' | 'flatHeader';

interface Group {
  start: number;
  seen: Set<AnchorKind>;
}

const NO_ANCHORS: readonly AnchorKind[] = [];

function anchorKinds(view: SheetView, row: number): readonly AnchorKind[] {
  const hits = view.hitsIn(row);
  // Most rows hold no label at all: nothing to allocate for them.
  if (!hits.length) return NO_ANCHORS;
  let name = false;
  let code = false;
  let entity = false;
  let level1 = false;
  let level2 = false;
  let indicatorName = false;
  let value = false;
  let column = false;
  for (const h of hits) {
    if (h.kind === 'name') name = true;
    else if (h.kind === 'code') code = true;
    else if (h.kind === 'entity') entity = true;
    else if (h.kind === 'level1') level1 = true;
    else if (h.kind === 'level2') level2 = true;
    else if (h.kind === 'indicatorName') indicatorName = true;
    else if (h.kind === 'value') value = true;
    else if (FLAT_COLUMNS.has(h.kind)) column = true;
  }
  const out: AnchorKind[] = [];
  if (name) out.push('name');
  if (code) out.push('code');
  if (entity) out.push('entity');
  if (level1 && level2 && (indicatorName || mislabeledHeader(view, row))) out.push('header');
  // Without levels, the name, the value and one more of an indicator's columns: a header, not a
  // line of labels that happens to say 指标名称.
  else if (
    !level1 &&
    !level2 &&
    indicatorName &&
    value &&
    !name &&
    !code &&
    !entity &&
    (column || level1NamesBeside(view, row, hits) !== undefined)
  )
    out.push('flatHeader');
  return out;
}

/** The columns beside 指标名称 and 指标值 that make a row without levels an indicator header. */
const FLAT_COLUMNS: ReadonlySet<LabelKind> = new Set<LabelKind>(['weight', 'unit', 'comparator', 'basis']);

/** Anchors that name a project or department (not an indicator header). */
const PROJECT_ANCHORS: readonly AnchorKind[] = ['name', 'code', 'entity'];

/**
 * Rows that start a table: a 项目名称/项目编码/部门名称 label, or an indicator header with none of
 * them above it. A label already seen in the current table, or any such label after its indicator
 * header, starts the next one.
 */
function findGroups(view: SheetView): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  for (let row = view.top; row <= view.bottom; row++) {
    const kinds = anchorKinds(view, row);
    if (!kinds.length) continue;
    if (kinds[0] === 'flatHeader') {
      // A header without levels joins the table begun above it, if that has none yet.
      const seen = current?.seen;
      if (seen && !seen.has('header') && PROJECT_ANCHORS.some((k) => seen.has(k))) seen.add('header');
      continue;
    }
    const joins =
      current !== undefined &&
      !current.seen.has('header') &&
      kinds.every((k) => !(current as Group).seen.has(k));
    // A second indicator header with no project of its own under a named table is another block of
    // that table (长期绩效指标 over 年度绩效指标): readTable picks the year's.
    const seen = current?.seen;
    const anotherBlock =
      seen !== undefined &&
      kinds.length === 1 &&
      kinds[0] === 'header' &&
      PROJECT_ANCHORS.some((k) => seen.has(k));
    if (anotherBlock) {
      // …and its first header is the table's own: a project's or a department's labels after it
      // begin the next table (a 部门整体 table, then the project tables under it).
      seen.add('header');
      continue;
    }
    if (joins && current) {
      for (const k of kinds) current.seen.add(k);
    } else {
      current = { start: row, seen: new Set(kinds) };
      groups.push(current);
    }
  }
  return groups;
}

export function readGrid(grid: Grid, options: ReadOptions = {}): TargetTable[] {
  const tables = readTables(grid, options).tables;
  if (grid.hidden) return tables.map((t) => onHiddenSheet(t));
  return grid.hiddenRows?.length || grid.hiddenCols?.length ? tables.map((t) => withHidden(grid, t)) : tables;
}

/**
 * A table on a hidden sheet (last year's copy kept out of sight): read, checked and counted in the
 * totals like any other, and table/hidden-content says so on its name, since nobody reading or
 * printing the workbook sees it.
 */
function onHiddenSheet(table: TargetTable): TargetTable {
  const cell: Field = table.name ?? {
    cell: toA1(Math.max(table.top, 0), table.left),
    row: Math.max(table.top, 0),
    col: table.left,
    raw: undefined,
    text: '',
  };
  return { ...table, hiddenContent: { rows: [], cols: [], cell, sheet: true } };
}

/**
 * The table with the hidden rows and columns inside it that hold something: a paste over last
 * year's rows hidden rather than deleted, a working column hidden before printing. The reader reads
 * them as written (a hidden cell is still in the file, and Excel's sums count it); the reviewer who
 * prints the table does not see them, so table/hidden-content says where they are.
 */
function withHidden(grid: Grid, table: TargetTable): TargetTable {
  const filled = (row: number, col: number): boolean => {
    const cell = grid.cells[row - grid.top]?.[col - grid.left];
    return cell !== undefined && !isBlank(cell);
  };
  const found: { row: number; col: number }[] = [];
  const rows = (grid.hiddenRows ?? []).filter((row) => {
    if (row < table.top || row > table.bottom) return false;
    for (let col = table.left; col <= table.right; col++)
      if (filled(row, col)) return found.push({ row, col }) > 0;
    return false;
  });
  const cols = (grid.hiddenCols ?? []).filter((col) => {
    if (col < table.left || col > table.right) return false;
    for (let row = table.top; row <= table.bottom; row++)
      if (filled(row, col)) return found.push({ row, col }) > 0;
    return false;
  });
  const first = found.sort((a, b) => a.row - b.row || a.col - b.col)[0];
  if (!first) return table;
  const cell = grid.cells[first.row - grid.top]?.[first.col - grid.left];
  return {
    ...table,
    hiddenContent: {
      rows: rows.map((row) => row + 1),
      cols: cols.map((col) => columnLetters(col)),
      cell: {
        cell: toA1(first.row, first.col),
        row: first.row,
        col: first.col,
        raw: cell,
        text: cell === undefined ? '' : cellText(cell),
      },
    },
  };
}

/**
 * The money unit a grid leaves stated for what follows it in its document (a Word document's next
 * table), as the tables of one sheet pass it on: the unit lines it holds after its last table, else
 * the unit its last table that states one was read in; `before` when it states none.
 */
export function unitStatedAfter(grid: Grid, before?: 1 | 0.0001): 1 | 0.0001 | undefined {
  if (grid.internal || grid.cells.length === 0) return before;
  const { stated } = readTables({ ...grid, unitAbove: before }, {});
  return stated ?? before;
}

function readTables(
  grid: Grid,
  options: ReadOptions,
): { tables: TargetTable[]; stated: 1 | 0.0001 | undefined } {
  if (grid.internal || grid.cells.length === 0) return { tables: [], stated: undefined };
  grid = unfilled(grid);
  const view = new SheetView(grid);
  const split = sideBySideAt(view);
  if (split !== undefined) {
    const left = readTables(columnsOf(grid, view.left, split - 1), options);
    const right = readTables(columnsOf(grid, split, view.right), options);
    return { tables: [...left.tables, ...right.tables], stated: right.stated ?? left.stated };
  }
  const flat = readFlatExport(view, options);
  if (flat) return { tables: flat, stated: view.moneyMarks.length ? flat[0]?.moneyScale : undefined };
  view.forgetLabels(listRows(view));
  const groups = findGroups(view);
  const tables: TargetTable[] = [];
  let previousBottom = view.top - 1;
  // A table that states no unit is in the unit stated before it: by a table above it on the sheet,
  // or before the grid in its document (a `单位：元` paragraph above the first of a Word document's
  // tables), else in 万元.
  let unstatedScale: 1 | 0.0001 = grid.unitAbove ?? 1;
  let stated: 1 | 0.0001 | undefined;
  groups.forEach((group, i) => {
    const next = groups[i + 1];
    const regionEnd = next ? next.start - 1 : view.bottom;
    // A table that states no money unit, under one on the same sheet in 元, is in 元 too: a document's
    // tables share their unit, and the line that says it often stands above the first one only.
    // A unit line above the table's title (`单位：元` over it) states the table's unit too.
    const above = view.moneyMarks.filter((m) => m.line && m.row > previousBottom && m.row < group.start);
    const lineAbove = above[above.length - 1];
    if (lineAbove) unstatedScale = stated = lineAbove.scale;
    const table = readTable(view, group, previousBottom, regionEnd, { ...options, unstatedScale });
    // What is not a 绩效目标表 is skipped (SPEC §5): stray labels, a header without a table.
    if (!isTable(view, table, i === groups.length - 1, previousBottom)) return;
    tables.push(table);
    previousBottom = table.bottom;
    if (view.moneyMarks.some((m) => m.row >= table.top && m.row <= table.bottom))
      unstatedScale = stated = table.moneyScale;
  });
  // Unit lines under the last table (or in a grid of no table, a Word layout table's `单位：元`) state
  // the unit of what comes next.
  const after = view.moneyMarks.filter((m) => m.line && m.row > previousBottom);
  stated = after[after.length - 1]?.scale ?? stated;
  // A page break that repeated the project's line over the rest of its indicators (a PDF turned
  // into a sheet) begins no table: the rows under it are the table's above.
  for (let i = tables.length - 1; i > 0; i--) {
    const previous = tables[i - 1];
    const table = tables[i];
    if (previous && table && continues(previous, table)) {
      tables.splice(i, 1);
      tables[i - 1] = joined(previous, table);
    }
  }
  // An indicator block with nothing of a project above it, followed by a table that has its own
  // beginning, is the tail of a table cut off above (a page or a paste that starts mid-table).
  return {
    tables: tables.filter(
      (t, i) =>
        !(headless(t) && tables.slice(i + 1).some((next) => !headless(next))) && !coverOf(t, tables[i + 1]),
    ),
    stated,
  };
}

/**
 * A table that only repeats the project of the one above it (the same name, and code if any) over
 * more indicators in the same columns, with no money, plan or goal of its own.
 */
function continues(previous: TargetTable, table: TargetTable): boolean {
  const same = (a: Field | undefined, b: Field | undefined): boolean =>
    (a?.text.trim() ?? '') === (b?.text.trim() ?? '');
  const name = table.name?.text.trim() ?? '';
  if (name === '' || !same(previous.name, table.name) || !same(previous.code, table.code)) return false;
  if (previous.form !== table.form || !previous.indicatorHeader || !table.indicatorHeader) return false;
  // Its money, if any, is the table's above repeated (a page header of the project's lines).
  const repeated = (a: Field | undefined, b: Field | undefined): boolean => b === undefined || same(a, b);
  const money =
    repeated(previous.budget.total, table.budget.total) &&
    repeated(previous.budget.fiscal, table.budget.fiscal) &&
    repeated(previous.budget.other, table.budget.other) &&
    (table.budget.lines === undefined || previous.budget.lines !== undefined);
  if (!money || [table.usage, table.goal].some((f) => f !== undefined && f.text.trim() !== '')) return false;
  if (table.plan.length > 0) return false;
  const [a, b] = [previous.indicators[0], table.indicators[0]];
  if (!a || !b) return false;
  const columnsOf = (i: Indicator): number[] => [i.name.col, i.value.col, i.level2.col];
  return columnsOf(a).every((c, k) => c === columnsOf(b)[k]);
}

/** The table above with the indicators of its continuation. */
function joined(previous: TargetTable, table: TargetTable): TargetTable {
  const bottom = Math.max(previous.bottom, table.bottom);
  const right = Math.max(previous.right, table.right);
  return {
    ...previous,
    bottom,
    right,
    range: rangeA1({ top: Math.max(previous.top, 0), left: previous.left, bottom, right }),
    indicators: [...previous.indicators, ...table.indicators],
  };
}

/**
 * A cover page's lines (`项目名称：项目甲`, `预算金额：100万元`) over the project's own table: no
 * indicators, no plan, and the same project named by the table right under it — not a table of its
 * own, whose budget would be counted twice.
 */
function coverOf(table: TargetTable, next: TargetTable | undefined): boolean {
  if (!next || table.indicators.length > 0 || table.plan.length > 0 || table.indicatorHeader) return false;
  const name = table.name?.text.trim();
  return name !== undefined && name !== '' && name === next.name?.text.trim();
}

/**
 * A budget system's export with one row per indicator (单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 |
 * 二级指标 | 三级指标 | 指标值 …): the project's columns merged down over its indicators, one project
 * after another. Each project is a table; its cells are the masters of those merges.
 */
function readFlatExport(view: SheetView, options: ReadOptions): TargetTable[] | undefined {
  let headerRow: number | undefined;
  for (let row = view.top; row <= view.bottom && headerRow === undefined; row++) {
    const hits = view.hitsIn(row);
    if (
      hits.length >= 4 &&
      hits.some((h) => h.kind === 'name') &&
      hits.some((h) => h.kind === 'level1') &&
      hits.some((h) => h.kind === 'level2') &&
      hits.some((h) => h.kind === 'indicatorName')
    )
      headerRow = row;
  }
  if (headerRow === undefined) return undefined;
  const header = view.hitsIn(headerRow);
  const col = (kind: LabelKind): number | undefined => header.find((h) => h.kind === kind)?.col;
  const nameCol = col('name') as number;
  const block = readIndicators(view, headerRow, view.bottom, options.profile ?? 'auto', true);
  const byProject = new Map<number, Indicator[]>();
  const codeCol = col('code');
  // A project is its name (and code) as written: merged over its rows, or repeated on each (an
  // export without merges), or written on its first row only — one table either way.
  const identity = (row: number): string => {
    const text = (c: number | undefined): string => {
      if (c === undefined) return '';
      const m = view.master(row, c);
      return view.ownText(m.row, m.col);
    };
    return `${text(nameCol)}\u0000${text(codeCol)}`;
  };
  // A project whose name and code are left empty is still a project when its own cells begin on
  // this row: its name cell merged down from here, or its budget or goal written here. Read as one
  // with the project above (or skipped), its budget and indicators would vanish without a word.
  const ownCols = [col('total'), col('goal')].filter((c): c is number => c !== undefined);
  const beginsProject = (row: number): boolean => {
    const m = view.mergeAt(row, nameCol);
    if (m && m.top === row && m.bottom > row) return true;
    return ownCols.some((c) => view.master(row, c).row === row && view.ownText(row, c).trim() !== '');
  };
  // An empty row or two inside a project's rows (a row inserted, a page break) does not end it.
  const follows = (last: number, row: number): boolean => {
    if (row <= last + 1) return true;
    if (row > last + 3) return false;
    for (let r = last + 1; r < row; r++) if (!view.rowEmpty(r, view.left, view.right)) return false;
    return true;
  };
  let current: { key: string; list: Indicator[]; last: number } | undefined;
  for (const ind of block.indicators) {
    const written = identity(ind.row);
    const unnamed = written === '\u0000' && beginsProject(ind.row);
    const key = unnamed ? `\u0001${ind.row}` : written;
    const blank = written === '\u0000' && !unnamed;
    if (current && (blank || key === current.key) && follows(current.last, ind.row)) {
      current.list.push(ind);
      current.last = ind.row;
      continue;
    }
    if (blank) continue;
    const start = view.master(ind.row, nameCol).row;
    current = { key, list: [ind], last: ind.row };
    byProject.set(start, current.list);
  }
  if (!byProject.size) return undefined;
  const top = headLines(view, headerRow, view.top - 1, headerRow).top;
  const title = view.titleRows.has(top) ? view.field(top, view.firstFilledCol(top) ?? view.left) : undefined;
  const moneyScale = moneyScaleOf(view, top, headerRow, headerRow, view.grid.unitAbove);
  const left = Math.min(...header.map((h) => h.col));
  const right = block.right;
  // This year's column of several (`项目总预算 | 当年预算`, `项目资金总额 | 年度资金总额`).
  const totals = header.filter((h) => h.kind === 'total');
  const totalCol = (
    totals.find((h) => isAnnual(h.key) && !isProjectPeriod(h.key)) ??
    totals.find((h) => !isProjectPeriod(h.key)) ??
    totals[0]
  )?.col;
  const at = (kind: LabelKind, row: number): Field | undefined => {
    const c = col(kind);
    return c === undefined ? undefined : view.field(row, c);
  };
  return [...byProject].map(([start, indicators], i): TargetTable => {
    const bottom = indicators[indicators.length - 1]?.row ?? start;
    const first = i === 0 ? top : start;
    const name = at('name', start);
    const code = at('code', start);
    const total = totalCol === undefined ? undefined : view.field(start, totalCol);
    const fiscal = at('fiscal', start);
    const other = at('other', start);
    const goal = at('goal', start);
    const unit = at('entity', start)?.text || at('implementer', start)?.text;
    const profile =
      options.profile && options.profile !== 'auto'
        ? options.profile
        : detectProfile(indicators.map((ind) => ind.level1.text));
    return {
      sheet: view.grid.sheet,
      form: 'target',
      range: rangeA1({ top: Math.max(first, 0), left, bottom, right }),
      top: first,
      left,
      bottom,
      right,
      profile,
      title: title && i === 0 ? title : undefined,
      reportingUnit: unit || undefined,
      moneyScale,
      code: code || undefined,
      name: name || undefined,
      budget: {
        total,
        fiscal: fiscal || undefined,
        other: other || undefined,
        carryover: undefined,
        lines: undefined,
      },
      funds: undefined,
      usage: undefined,
      goal: goal || undefined,
      plan: [],
      indicatorHeader: block.header,
      columns: block.columns,
      indicators,
      notes: [{ what: 'plan', cell: sheetA1(start, left) }],
    };
  });
}

function headless(table: TargetTable): boolean {
  return (
    table.name === undefined &&
    table.code === undefined &&
    table.title === undefined &&
    table.budget.total === undefined &&
    budgetLines(table, 'fiscal').length === 0 &&
    !moneyUnread(table)
  );
}

/**
 * Money lines found whose figures were not read (several columns without headings, the rest of a
 * block cut off at a page): a budget block all the same, said unread by table/unreadable. A table
 * with one is kept, never dropped with its indicators for want of a figure read.
 */
function moneyUnread(table: TargetTable): boolean {
  return table.notes.some((n) => n.what === 'budget' && (n.reason === 'columns' || n.reason === 'cutOff'));
}

/**
 * A table has a project (or department) with a value, or an indicator block; and something to
 * check beside it: a budget, a spending plan or an indicator block. A form nobody filled in — a
 * province's blank 申报表 pasted from a document, its 项目名称 empty or a row of underscores, its
 * amounts `*` or `——` — is not a project (SPEC §5: a table needs a project label with a value),
 * unless its cells were prepared to be typed into (the add-in's own template carries their formats).
 */
function isTable(view: SheetView, table: TargetTable, last: boolean, above: number): boolean {
  const block = table.indicatorHeader !== undefined;
  const labelled = table.name !== undefined || table.code !== undefined;
  const named = written(table.name) || written(table.code);
  const filled = somethingWritten(table);
  const project = labelled
    ? named || filled || prepared(view, table)
    : table.title !== undefined || block
      ? filled && (!block || !headless(table) || (looksLikeTargets(table) && !inProse(view, above, table)))
      : false;
  const budget =
    table.budget.total !== undefined || budgetLines(table, 'fiscal').length > 0 || moneyUnread(table);
  // Old forms state a project and its goal without the blocks of today's; a form cut short after
  // its title and name is still the table it begins.
  // A named project's goal label with its goal still to write counts too (the goal is then missing).
  const goal = table.goal !== undefined && (table.goal.text !== '' || named);
  const begun = last && table.title !== undefined && (table.name?.text ?? '') !== '';
  return project && (block || budget || table.plan.length > 0 || goal || begun);
}

/**
 * An amount, a plan figure or an indicator's value that someone wrote — not a form's own words in
 * an amount's place (`单位职能概述`), nor a template's `≥**%`.
 */
function somethingWritten(table: TargetTable): boolean {
  const amount = (f: Field | undefined): boolean =>
    written(f) && readAmount(f, table.moneyScale).kind === 'number';
  // The total, then each part's lines, as a list of them all would be tried (without making it).
  return (
    amount(table.budget.total) ||
    moneyUnread(table) ||
    budgetLines(table, 'fiscal').some(amount) ||
    budgetLines(table, 'carryover').some(amount) ||
    budgetLines(table, 'other').some(amount) ||
    table.plan.some((f) => readPlanCell(f).kind === 'number') ||
    table.indicators.some((i) => written(i.value) && !TEMPLATE_STARS.test(i.value.text)) ||
    // Indicators named, their values still to come: a table being filled in, not a blank form.
    table.indicators.filter((i) => written(i.name) && !PLACEHOLDER_NAME.test(i.name.text.trim())).length >= 2
  );
}

/** A blank form's own indicator names: `指标1`, `三级指标2`, `……`, `XX`. */
const PLACEHOLDER_NAME = /^(?:(?:三级)?指标\s*\d{0,2}[:：]?|[…．.·。]+|[Xx×＊*]+|\d{1,2}[.、．]?)$/u;

/** `**人`, `≥**%`: a template's value still to be filled in. */
const TEMPLATE_STARS = /[*＊]{2}/u;

/**
 * An empty project or budget cell with a format of its own: a form made to be filled in Excel.
 * `General` is no format of its own: LibreOffice writes it on every cell it saves.
 */
function prepared(view: SheetView, table: TargetTable): boolean {
  return [table.name, table.code, table.budget.total].some((f) => {
    const format = f !== undefined && !written(f) ? view.own(f.row, f.col)?.numberFormat : undefined;
    return format !== undefined && !/^general$/iu.test(format);
  });
}

/**
 * True when paragraphs of prose stand between the previous table and this block, on lines of no
 * label: a report or a web article pasted whole, whose indicator list belongs to a project the
 * text names in a sentence, not to a form.
 */
function inProse(view: SheetView, above: number, table: TargetTable): boolean {
  const header = table.indicatorHeader?.row ?? table.top;
  for (let row = above + 1; row < header; row++) {
    if (view.hitsIn(row).length) continue;
    for (let col = view.left; col <= view.right; col++) {
      const text = view.ownText(row, col);
      if (text.length >= PROSE_LENGTH && /[。；;，,]/u.test(text)) return true;
    }
  }
  return false;
}

/** A sentence, not a label or a name: long, with a comma or a full stop. */
const PROSE_LENGTH = 40;

/**
 * An indicator block alone on its sheet is a table when its rows are targets of a known tree (an
 * appraisal frame of 预算绩效/项目产出 with weights is not).
 */
function looksLikeTargets(table: TargetTable): boolean {
  return table.indicators.some(
    (i) => written(i.value) && (isKnownLevel1(i.level1.text) || isKnownLevel2(i.level2.text)),
  );
}

/** True when a field holds something a person wrote, not a blank form's placeholder. */
function written(field: Field | undefined): boolean {
  return field !== undefined && field.text.trim() !== '' && !PLACEHOLDER.test(field.text);
}

/** What blank forms print where a value goes: underscores, dashes, stars, ellipses, boxes. */
const PLACEHOLDER = /^[\s_＿\-－—–‐·.．…*＊□☐/、]*$/u;

/** Kinds of label that head the columns of a project list (序号 | 项目名称 | 金额 …). */
const LIST_HEADINGS = new Set<LabelKind>([
  'name',
  'code',
  'total',
  'fiscal',
  'other',
  'info',
  'implementer',
  'entity',
  'section',
  'usage',
]);

/**
 * The rows of project lists (SPEC §5: a list is not a table): a heading row holding 项目名称 (or 项目编码)
 * among other column headings and no indicator header, over rows that each name a project in that
 * column beside an amount. The heading and the rows below it, up to the first empty row, are the
 * list's; their labels are no table's.
 */
function listRows(view: SheetView): number[] {
  const rows: number[] = [];
  for (let row = view.top; row <= view.bottom; row++) {
    const hits = view.hitsIn(row);
    const anchor = hits.find((h) => h.kind === 'name' || h.kind === 'code');
    if (!anchor || anchor.embedded !== undefined) continue;
    if (hits.some((h) => h.kind === 'level1' || h.kind === 'level2' || h.kind === 'indicatorName')) continue;
    const headings = hits.filter((h) => LIST_HEADINGS.has(h.kind)).length + columnHeadings(view, row, hits);
    if (headings < 3) continue;
    const entries = listEntries(view, anchor);
    if (entries.length < 2) continue;
    const last = entries.at(-1) ?? row;
    let end = last;
    // A 合计 line or a note under the entries is the list's; a title, or a table's own labels,
    // begin what follows it (a 分配表 and the 绩效目标表 after it, with no empty row between).
    while (
      end + 1 <= view.bottom &&
      !view.rowEmpty(end + 1, view.left, view.right) &&
      !view.beginsTable(end + 1)
    )
      end++;
    for (let r = row; r <= end; r++) rows.push(r);
    row = end;
  }
  return rows;
}

/** Short texts beside the row's labels that the lexicon does not know (建设地点, 责任人): more headings. */
function columnHeadings(view: SheetView, row: number, hits: readonly Hit[]): number {
  let n = 0;
  for (let col = view.left; col <= view.right; col++) {
    if (hits.some((h) => h.col === col)) continue;
    const text = view.ownText(row, col);
    if (text !== '' && text.length <= 12 && !/\d/u.test(text)) n++;
  }
  return n;
}

/** The rows under a list's 项目名称 heading that name a project beside a number. */
function listEntries(view: SheetView, anchor: Hit): number[] {
  const out: number[] = [];
  for (
    let row = view.depth(anchor.row, anchor.col) + 1;
    row <= Math.min(view.bottom, anchor.row + 40);
    row++
  ) {
    const text = view.ownText(row, anchor.col);
    if (text === '') continue;
    if (view.isLabel(row, anchor.col)) break;
    // A number, or text that is only an amount (a Word table's cells are all text).
    let number = false;
    for (let col = view.left; col <= view.right && !number; col++) number = isAmount(view.own(row, col));
    if (number) out.push(row);
    // Headings of another block first, in the heading's own column (`项目预算成本构成 | 金额 | …` under
    // `项目名称 | 某项目`): the line above was a project's name and its value, no list's heading.
    else if (out.length === 0 && (row > anchor.row + 4 || view.hitsIn(row).length > 0)) break;
  }
  return out;
}

/**
 * Tables side by side (two projects put next to each other to compare them): a row holding a
 * second 项目名称 or 项目编码 to the right of the first, with an empty column between the two that no
 * merge crosses, says where the right-hand table begins. Without such a gap nothing is cut.
 */
function sideBySideAt(view: SheetView): number | undefined {
  let gaps: Set<number> | undefined;
  for (let row = view.top; row <= view.bottom; row++) {
    const hits = view.hitsIn(row);
    // A second anchor of a kind needs two hits on the row: most rows have fewer.
    if (hits.length < 2) continue;
    const anchors = hits.filter((h) => h.kind === 'name' || h.kind === 'code');
    if (anchors.length < 2) continue;
    anchors.sort((a, b) => a.col - b.col);
    const seen = new Map<string, number>();
    for (const hit of anchors) {
      const before = seen.get(hit.kind);
      seen.set(hit.kind, hit.col);
      if (before === undefined) continue;
      gaps ??= emptyColumns(view);
      for (let col = hit.col - 1; col > before; col--) if (gaps.has(col)) return col + 1;
    }
  }
  return undefined;
}

/** Columns with nothing in them and no merge across them. */
function emptyColumns(view: SheetView): Set<number> {
  const used = new Set<number>();
  view.grid.cells.forEach((line) =>
    line.forEach((cell, i) => {
      if (!isBlank(cell)) used.add(view.left + i);
    }),
  );
  for (const m of view.grid.merges)
    for (let col = Math.max(m.left, view.left); col <= Math.min(m.right, view.right); col++) used.add(col);
  const empty = new Set<number>();
  for (let col = view.left; col <= view.right; col++) if (!used.has(col)) empty.add(col);
  return empty;
}

/** The columns `from`..`to` of the grid, merges cut at its edges, as a grid of their own. */
function columnsOf(grid: Grid, from: number, to: number): Grid {
  return {
    ...grid,
    left: from,
    cells: grid.cells.map((row) => row.slice(from - grid.left, to - grid.left + 1)),
    merges: grid.merges
      .filter((m) => m.right >= from && m.left <= to)
      .map((m) => ({ ...m, left: Math.max(m.left, from), right: Math.min(m.right, to) })),
  };
}

/**
 * The tables of a workbook's sheets (or a document's tables), in order; indicator rows that begin a
 * sheet and continue the table before it are named on that table (`continuedIn`), as the analysis
 * does.
 */
export function readWorkbook(grids: readonly Grid[], options: ReadOptions = {}): TargetTable[] {
  const tables: TargetTable[] = [];
  const continuations = new Continuations();
  for (const grid of grids) {
    if (grid.internal) continue;
    const own = readGrid(grid, options);
    continuations.next(tables, grid, own);
    tables.push(...own);
  }
  return tables;
}

/**
 * Lines of a money block's parts (`其中：财政拨款 | 170`, `地方资金 | 0`) that begin their sheet, no
 * total above them: the rest of a block cut off at a page (a PDF turned into a workbook, one page a
 * sheet). Their total, their column headings and their money unit are on the page before; a part
 * read here would be a figure of unknown column and unit, counted as a project of its own. The first
 * part's label, when so.
 */
function cutOffMoney(view: SheetView, budget: BudgetRead): Hit | undefined {
  if (budget.totalHit || budget.funds) return undefined;
  const first = budget.labels.reduce<Hit | undefined>(
    (a, h) => (h.kind === 'total' ? a : !a || h.row < a.row ? h : a),
    undefined,
  );
  // Figures written on them: lines left empty are a blank form's, no money of unknown column.
  if (!first || ![...budget.fiscal, ...budget.carryover, ...budget.other].some((f) => isAmount(f.raw)))
    return undefined;
  for (let row = Math.max(view.top, 0); row < first.row; row++) {
    const col = view.firstFilledCol(row);
    if (col === undefined) continue;
    // A `续表` or page-number line may stand above the rest of a table; anything else begins it.
    if (view.firstFilledCol(row, view.reach(row, col) + 1) !== undefined) return undefined;
    if (!betweenPieces(view.ownText(row, col))) return undefined;
  }
  return first;
}

/**
 * A table that states no money unit above its amounts may state it in a note under them (`注：金额
 * 单位：元`): a unit line starting with 注, 备注 or 说明 in the table's region.
 */
function footnoteScale(view: SheetView, from: number, to: number): 1 | 0.0001 | undefined {
  const note = view.moneyMarks.find(
    (m) => m.line && m.row > from && m.row <= to && /^\s*(?:备注|注|说明)/u.test(view.ownText(m.row, m.col)),
  );
  return note?.scale;
}

/**
 * The year the form is about, from its title or year line above its first labels (`2024年度项目绩效
 * 目标表`, `（2024年度）`): one year only, else none.
 */
function formYear(view: SheetView, previousBottom: number, start: number): number | undefined {
  const years = new Set<number>();
  for (let row = Math.max(previousBottom + 1, start - 6); row <= start; row++) {
    if (!view.titleRows.has(row) && !view.yearRows.has(row)) continue;
    for (let col = view.left; col <= view.right; col++) {
      const text = view.ownText(row, col);
      // No 年, no year: most cells of a title's line are empty.
      if (!text.includes('年')) continue;
      for (const m of text.matchAll(/(?:19|20)\d{2}(?=\s*年)/gu)) years.add(Number(m[0]));
    }
  }
  return years.size === 1 ? [...years][0] : undefined;
}

function readTable(
  view: SheetView,
  group: Group,
  previousBottom: number,
  regionEnd: number,
  options: TableOptions,
): TargetTable {
  const notes: ReaderNote[] = [];
  const startsWithHeader = !group.seen.has('name') && !group.seen.has('code') && !group.seen.has('entity');
  const searchTop = startsWithHeader ? previousBottom + 1 : group.start;

  const headerRow = pickHeader(view, group.start, regionEnd);
  const labelsEnd = headerRow !== undefined ? headerRow - 1 : regionEnd;

  const hits: Hit[] = [];
  for (let row = searchTop; row <= labelsEnd; row++) hits.push(...view.hitsIn(row));
  const first = (kind: LabelKind): Hit | undefined => hits.find((h) => h.kind === kind);

  const nameHit = first('name');
  const entityHit = first('entity');
  const codeHit = first('code');
  const usageHit = first('usage');
  const planHit = first('plan');
  // The year's goal first; of goal labels alike, the first with its goal written (`年度绩效目标`
  // heading a section over `*年度绩效总目标 | text`: the goal is the line's), each read once.
  const goalHits = hits.filter((h) => h.kind === 'goal');
  const annualGoals = goalHits.filter((h) => isAnnual(h.key));
  const goalReads = (annualGoals.length ? annualGoals : goalHits).map((hit) => ({
    hit,
    goal: readGoal(view, hit, labelsEnd),
  }));
  // A goal label with its own box beside it, left empty, is where the goal is to be written: a later
  // goal label's reading (the heading of a 年度履职目标 block, the 绩效目标 over the indicators) is
  // not the goal in its place.
  const goalRead =
    goalReads.find((r) => (r.goal?.text.trim() ?? '') !== '' || emptyGoalBox(view, r.hit) !== undefined) ??
    goalReads[0];
  const goalHit = goalRead?.hit;
  const budget = readBudget(view, hits, formYear(view, previousBottom, group.start));

  const located: { row: number; col: number }[] = [];
  const locate = (f: { row: number; col: number } | undefined): void => {
    if (f) located.push(f);
  };
  [nameHit, entityHit, first('implementer'), codeHit, usageHit, planHit, goalHit, ...budget.labels].forEach(
    locate,
  );

  const labelTop = Math.min(...located.map((h) => h.row), headerRow ?? Infinity);
  const firstRow = Number.isFinite(labelTop) ? labelTop : group.start;
  const { titleRow, unitRow, unitNameRow, top } = headLines(view, firstRow, previousBottom, labelsEnd);

  const title =
    titleRow !== undefined ? view.field(titleRow, view.firstFilledCol(titleRow) ?? view.left) : undefined;
  const unit =
    (unitRow !== undefined ? unitLineText(view, unitRow) : undefined) ??
    (unitNameRow !== undefined ? unitLineText(view, unitNameRow) : undefined) ??
    unitFromLabels(view, hits);
  const stated = view.moneyMarks.some((m) => m.row >= top && m.row <= labelsEnd);
  const moneyScale = moneyScaleOf(
    view,
    top,
    labelsEnd,
    budget.totalHit?.row,
    (stated ? undefined : footnoteScale(view, labelsEnd, regionEnd)) ?? options.unstatedScale,
    { label: budget.totalHit, value: budget.total },
  );

  const code = codeHit ? view.valueOf(codeHit) : undefined;
  const nameLabel = nameHit ?? entityHit;
  const name = nameLabel ? view.valueOf(nameLabel) : undefined;
  const usage = usageHit ? readUsage(view, usageHit) : undefined;
  const goal = goalRead?.goal;
  const planCells = readPlan(view, planHit, searchTop, labelsEnd);
  // A plan written twice, in money and in percent, one row under the other: the percentages.
  const twice = planTwice(view, planCells, labelsEnd, budget.total, moneyScale);
  // A plan written in money (`资金支出计划（万元）`, or 12月底 the very 预算数) is no percentage: it is
  // reported unread, never read as percents of the budget.
  const planInMoney = !twice && planInAmounts(view, planHit, planCells, budget.total, moneyScale);
  const plan = twice?.percents ?? (planInMoney ? [] : planCells);
  [
    code,
    name,
    budget.total,
    ...budget.fiscal,
    ...budget.carryover,
    ...budget.other,
    usage,
    goal,
    ...planCells,
    ...(twice ? [...twice.percents, ...twice.amounts] : []),
  ].forEach(locate);

  const left = Math.min(...located.map((p) => p.col), title?.col ?? Infinity);
  const leftCol = Number.isFinite(left) ? left : view.left;

  let indicatorHeader: Field | undefined;
  let scoreTotal: TargetTable['scoreTotal'];
  let indicators: Indicator[] = [];
  let columns: TargetTable['columns'] = { description: false, basis: false, levels: 'none' };
  let headerRight = leftCol;
  if (headerRow !== undefined) {
    const block = readIndicators(view, headerRow, regionEnd, options.profile ?? 'auto');
    indicatorHeader = block.header;
    indicators = block.indicators;
    scoreTotal = block.sum;
    columns = block.columns;
    headerRight = block.right;
    locate(block.header);
    if (!block.hasValueColumn) notes.push({ what: 'indicators', cell: sheetA1(headerRow, block.valueCol) });
  }

  const lastLocatedRow = Math.max(firstRow, ...located.map((p) => p.row));
  if (!name)
    notes.push({
      what: 'name',
      cell: code ? sheetA1(code.row, view.reach(code.row, code.col) + 1) : sheetA1(firstRow, leftCol),
    });
  if (!code) notes.push({ what: 'code', cell: sheetA1(name ? name.row : firstRow, leftCol) });
  const projectRow = (name ?? code)?.row;
  const cutOff = !title && !name && !code ? cutOffMoney(view, budget) : undefined;
  if (cutOff) {
    notes.push({
      what: 'budget',
      cell: sheetA1(cutOff.row, cutOff.col),
      reason: 'cutOff',
      label: cutOff.embedded !== undefined ? cutOff.key : view.ownText(cutOff.row, cutOff.col).trim(),
    });
    budget.fiscal = [];
    budget.carryover = [];
    budget.other = [];
  } else if (budget.undecided) {
    const { label, figures } = budget.undecided;
    const first = figures[0] ?? label;
    notes.push({
      what: 'budget',
      cell: sheetA1(first.row, first.col),
      reason: 'columns',
      label: label.embedded !== undefined ? label.key : view.ownText(label.row, label.col).trim(),
      value: figures.map((f) => f.text).join('、'),
    });
  } else if (budget.multiYear && !budget.total)
    notes.push({
      what: 'budget',
      cell: sheetA1(budget.multiYear.row, budget.multiYear.col),
      reason: 'multiYear',
      label: view.ownText(budget.multiYear.row, budget.multiYear.col),
    });
  // The total's label found with no place for its figure (`年度资金总额` on the row of the column
  // heading `金额(万元)`, its parts under it): said on the label, not as a label not found.
  else if (!budget.total && budget.totalHit?.kind === 'total' && budget.totalHit.embedded === undefined)
    notes.push({
      what: 'budget',
      cell: sheetA1(budget.totalHit.row, budget.totalHit.col),
      reason: 'noAmount',
      label: view.ownText(budget.totalHit.row, budget.totalHit.col).trim(),
    });
  else if (!budget.total)
    notes.push({
      what: 'budget',
      cell: sheetA1(projectRow !== undefined ? projectRow + 1 : firstRow, leftCol),
    });
  for (const { label, value } of budget.unplaced ?? [])
    notes.push({
      what: 'fiscal',
      cell: sheetA1(value.row, value.col),
      reason: 'sourceBeside',
      label: label.embedded !== undefined ? label.key : view.ownText(label.row, label.col),
      value: value.text,
      totalLabel: budget.totalHit ? view.ownText(budget.totalHit.row, budget.totalHit.col) : '',
    });
  const form = formOf(view, title, hits, budget.funds !== undefined, headerRow, nameHit, entityHit);
  const firstPlanCell = planCells[0];
  if (planInMoney && firstPlanCell)
    notes.push({ what: 'plan', cell: sheetA1(firstPlanCell.row, firstPlanCell.col), reason: 'amounts' });
  // Self-evaluations and whole-department tables have no spending plan to miss.
  else if (!plan.length && form === 'target') {
    // The plan found, by periods of its own (`3月底 | 6月底 | 9月底 | 12月底`, by quarter): said so.
    const periods = planHit ? otherPeriods(view, planHit) : undefined;
    notes.push({
      what: 'plan',
      cell: planHit ? sheetA1(planHit.row, planHit.col) : sheetA1(usage ? usage.row + 1 : firstRow, leftCol),
      ...(periods ? { reason: 'periods' as const, label: periods.join('、') } : {}),
    });
  }
  if (!goal)
    notes.push({
      what: 'goal',
      cell: sheetA1(
        headerRow !== undefined ? Math.max(firstRow, headerRow - 1) : lastLocatedRow + 1,
        leftCol,
      ),
    });
  if (headerRow === undefined) notes.push({ what: 'indicators', cell: sheetA1(lastLocatedRow + 1, leftCol) });

  const bottom = Math.max(
    indicators[indicators.length - 1]?.row ?? headerRow ?? lastLocatedRow,
    scoreTotal?.label.row ?? -Infinity,
  );
  let right = headerRight;
  for (const p of located) right = Math.max(right, view.reach(p.row, p.col));
  if (title) right = Math.max(right, view.reach(title.row, title.col));
  if (unitRow !== undefined) right = Math.max(right, unitLineEnd(view, unitRow));

  const profile =
    options.profile && options.profile !== 'auto'
      ? options.profile
      : detectProfile(indicators.map((ind) => ind.level1.text));

  const { total } = budget;
  const [fiscal] = budget.fiscal;
  const [carryover] = budget.carryover;
  const [other] = budget.other;
  const broken = budget.fiscal.length > 1 || budget.carryover.length > 1 || budget.other.length > 1;
  return {
    sheet: view.grid.sheet,
    form,
    // Lines above a document's table (negative rows) have no address: the range starts at row 1.
    range: rangeA1({ top: Math.max(top, 0), left: leftCol, bottom, right }),
    top,
    left: leftCol,
    bottom,
    right,
    profile,
    title: title || undefined,
    reportingUnit: unit || undefined,
    moneyScale,
    code: code || undefined,
    name: name || undefined,
    budget: {
      total,
      fiscal,
      other,
      carryover: carryover || undefined,
      lines: broken ? { fiscal: budget.fiscal, carryover: budget.carryover, other: budget.other } : undefined,
    },
    funds: budget.funds || undefined,
    usage: usage || undefined,
    goal: goal || undefined,
    plan,
    ...(twice ? { planAmounts: twice.amounts } : {}),
    indicatorHeader: indicatorHeader || undefined,
    scoreTotal,
    columns,
    indicators,
    notes,
  };
}

/**
 * The indicator header of a table: of several blocks one under the other, the year's (`年度绩效指标`
 * beside or above its header) rather than the project period's (`长期绩效指标`); else the first.
 */
function pickHeader(view: SheetView, from: number, to: number): number | undefined {
  const marks = (row: number): string[] =>
    [row, row - 1].flatMap((r) =>
      view
        .hitsIn(r)
        .filter((h) => h.kind === 'section')
        .map((h) => h.key),
    );
  const isYears = (row: number): boolean => marks(row).some((k) => isAnnual(k) && !isProjectPeriod(k));
  const headers: number[] = [];
  let flat: number | undefined;
  for (let row = from; row <= to; row++) {
    if (!view.hitsIn(row).length) continue;
    const kinds = anchorKinds(view, row);
    if (kinds[0] === 'flatHeader') flat ??= row;
    if (!kinds.includes('header')) continue;
    // A first header marked as the year's is the one: no need to look further.
    if (!headers.length && isYears(row)) return row;
    headers.push(row);
  }
  // A block without levels is the table's only when it has no block with them.
  if (headers.length < 2) return headers[0] ?? flat;
  const annual = headers.find(isYears);
  const notPeriod = headers.find((row) => !marks(row).some((k) => isProjectPeriod(k)));
  return annual ?? notPeriod ?? headers[0];
}

/**
 * The form a table is (SPEC §5): a self-evaluation by its title (…自评表) or by its columns (实际完成值,
 * 得分, a funds block of 全年预算数/全年执行数); a whole department's table by its title (部门整体…) or
 * by naming a department where a project would be; else a target table.
 */
function formOf(
  view: SheetView,
  title: Field | undefined,
  hits: Hit[],
  funds: boolean,
  headerRow: number | undefined,
  nameHit: Hit | undefined,
  entityHit: Hit | undefined,
): FormKind {
  const titleKey = title ? labelKey(title.text) : '';
  const header = headerRow === undefined ? [] : [...view.hitsIn(headerRow), ...view.hitsIn(headerRow + 1)];
  // What was achieved beside a score (or a weight) makes a self-evaluation; last year's actual
  // value beside this year's target (a 批复表) does not.
  const has = (kind: LabelKind): boolean => header.some((h) => h.kind === kind);
  const evaluates = has('score') || (has('actual') && has('weight'));
  // A department's self-evaluation is first of all about the department (its columns still say
  // what was achieved, §12).
  if (isDepartmentTitle(titleKey) || (!nameHit && entityHit)) return 'department';
  if (isSelfEvalTitle(titleKey) || funds || evaluates) return 'selfEval';
  return 'target';
}

/**
 * The lines above the first label that still belong to the table: the title, the year line under
 * a 财政部-style title, and the unit line (which may also share a row with the labels).
 */
function headLines(
  view: SheetView,
  firstRow: number,
  previousBottom: number,
  labelsEnd: number,
): { titleRow?: number; unitRow?: number; unitNameRow?: number; top: number } {
  let titleRow: number | undefined;
  let unitRow: number | undefined;
  // The unit's own line when the money unit (单位：万元) has a line of its own, as in Word documents.
  let unitNameRow: number | undefined;
  let top = firstRow;
  for (let row = firstRow - 1; row > previousBottom && row >= firstRow - 5; row--) {
    if (view.titleRows.has(row)) {
      titleRow = row;
      top = row;
      if (unitRow === undefined && view.unitRows.has(row)) unitRow = row;
      break;
    }
    if (view.yearRows.has(row)) {
      top = row;
      if (unitRow === undefined && view.unitRows.has(row)) unitRow = row;
      continue;
    }
    if (view.unitRows.has(row) || looksLikeUnitName(view, row)) {
      if (unitRow === undefined) unitRow = row;
      else if (unitNameRow === undefined && !view.unitRows.has(row)) unitNameRow = row;
      top = row;
      continue;
    }
    if (view.rowEmpty(row, view.left, view.right)) continue;
    // The filer's line between the title and the form (`填报日期：… | 单位领导审签： | 自评总分：95`).
    if (isCoverLine(view, row)) {
      top = row;
      continue;
    }
    break;
  }
  if (unitRow === undefined) {
    for (let row = firstRow; row <= labelsEnd && unitRow === undefined; row++)
      if (view.unitRows.has(row)) unitRow = row;
  }
  return { titleRow, unitRow, unitNameRow, top };
}

/**
 * A line above the table holding only the unit: its code and name (`207002某某局`) or a labelled
 * name (`填报单位：某某局`); its money unit may be elsewhere.
 */
function looksLikeUnitName(view: SheetView, row: number): boolean {
  const hits = view.hitsIn(row);
  if (hits.some((h) => h.embedded === undefined || h.kind !== 'implementer') || view.titleRows.has(row))
    return false;
  let filled = 0;
  for (let col = view.left; col <= view.right; col++) if (view.ownText(row, col) !== '') filled++;
  const first = view.firstFilledCol(row);
  if (filled !== 1 || first === undefined) return false;
  const key = labelKey(view.ownText(row, first));
  return /^\d{3,}/.test(key) || UNIT_NAME_LABEL.test(key);
}

const UNIT_NAME_LABEL = /^(?:填报单位|申报单位|预算单位|单位名称|部门名称|实施单位):./;

/** What the filer writes on the line above a form: who filled it in, when, who signs, the score. */
const COVER_ITEM =
  /^(?:(?:填报|填表|编制|申报|报送)(?:单位|日期|时间|人)|(?:单位)?(?:领导|负责人)?(?:审签|签字|签章)|审核人?|联系(?:人|电话)|(?:单位)?负责人|财务负责人|自评总分|(?:单位)?(?:\(?盖章\)?)|日期)/u;

/** A line of the filer's items only, none of the table's labels: a title and its table stay one. */
function isCoverLine(view: SheetView, row: number): boolean {
  if (view.titleRows.has(row)) return false;
  let items = 0;
  for (let col = view.left; col <= view.right; col++) {
    const text = view.ownText(row, col);
    if (text === '') continue;
    if (!COVER_ITEM.test(labelKey(text))) return false;
    items++;
  }
  return items > 0;
}

/**
 * The last column of a unit line: the cell that states the money unit ends it (`填报单位：某局 | |
 * 单位：万元`); a note typed past it, beyond an empty column (`已电话确认`), is no part of the table.
 */
function unitLineEnd(view: SheetView, row: number): number {
  const mark = view.unitRows.get(row);
  const last = view.lastFilledReach(row);
  if (!mark) return last;
  const end = view.reach(row, mark.col);
  return end + 1 <= view.right && view.ownText(row, end + 1) === '' ? end : last;
}

/** The unit line's text without its money unit: `207002中国共产党临西县委员会信访局`. */
function unitLineText(view: SheetView, row: number): string | undefined {
  const parts: string[] = [];
  const end = unitLineEnd(view, row);
  for (let col = view.left; col <= end; col++) {
    const text = withoutMoneyUnit(cellText(view.own(row, col)));
    // A label on the unit's row (项目名称 …) is the table's, not the unit's; `填报单位：某局` is the unit.
    const label = view.hitsIn(row).some((h) => h.col === col && h.embedded === undefined);
    if (text && !label) parts.push(text);
  }
  const text = parts.join(' ').trim();
  return text || undefined;
}

/** Forms without a unit line name the unit in a field: 填报单位, 实施单位, 部门名称, 主管部门. */
function unitFromLabels(view: SheetView, hits: Hit[]): string | undefined {
  const labels = [
    ...hits.filter((h) => h.kind === 'implementer'),
    ...hits.filter((h) => h.kind === 'entity'),
  ];
  for (const hit of labels) {
    const value = view.valueRight(hit);
    if (value.text !== '' && !view.isLabel(value.row, value.col)) return value.text;
  }
  return undefined;
}

/**
 * 资金用途 sits right of the 预算规模及资金用途 label on the row that holds no budget labels (the
 * label spans both rows in the standard table); a standalone 资金用途 label has it on its own row.
 */
function readUsage(view: SheetView, hit: Hit): Field {
  const rows: number[] = [];
  // Past the grid's last row every row is the same empty one: a whole-column merge must not cost a million.
  const last = Math.min(
    view.mergeAt(hit.row, hit.col) ? view.depth(hit.row, hit.col) : hit.row + 1,
    view.bottom + 1,
  );
  for (let row = hit.row; row <= last; row++) {
    const others = view.hitsIn(row).filter((h) => !(h.row === hit.row && h.col === hit.col));
    if (!others.length) rows.push(row);
  }
  const candidates = rows.map((row) => view.valueRight({ row, col: hit.col }));
  const found = candidates.find((f) => f.text !== '') ?? candidates[0];
  if (found) return found;
  // Another label right against this one (`资金用途 | 主管部门`, its value's cell deleted): no value,
  // never that label's words.
  const right = view.valueRight(hit);
  return view.isLabel(right.row, right.col) ? view.embeddedField(hit.row, hit.col, '') : right;
}

/**
 * The goal right of its label, or — in forms whose 年度目标 heads a column — under it, when nothing
 * but other labels stands to its right.
 */
function readGoal(view: SheetView, hit: Hit, labelsEnd: number): Field | undefined {
  if (hit.embedded !== undefined) return view.embeddedField(hit.row, hit.col, hit.embedded);
  let right = view.valueRight(hit);
  // The goal by category (`年度绩效总目标 | 产出指标 | text`, a line per 一级): the text after its name.
  if (isKnownLevel1(right.text) || isKnownLevel2(right.text)) {
    const text = view.valueRight({ row: right.row, col: right.col });
    if (text.row === right.row && !view.isLabel(text.row, text.col)) {
      // Its text left empty: that cell is the goal's place, never the category's name.
      if (text.text.trim() === '' && text.col <= view.right) return text;
      right = text;
    }
  }
  const rightIsLabel = view.isLabel(right.row, right.col);
  // The goal's own box beside the label, merged over several columns and left empty: the goal is not
  // written — never the text past it (a 自评表's 实际完成情况 with no heading of its own) nor the line
  // under it (`绩效指标（权重分值90分…）` heading the next block).
  const box = emptyGoalBox(view, hit);
  if (box) return box;
  if (right.text !== '' && !rightIsLabel) return right;
  const below = view.below(hit);
  const belowFree = below.row <= labelsEnd && !view.isLabel(below.row, below.col);
  if (belowFree && below.text !== '') return below;
  // 年度总体目标 | 预期目标 (a sub-heading) over the goal: the goal is under the sub-heading.
  const sub = view.hitsIn(right.row).find((h) => h.col === right.col && h.kind === 'goal');
  if (sub) {
    const under = view.below(sub);
    if (under.row <= labelsEnd + 1 && !view.isLabel(under.row, under.col)) return under;
  }
  // Nothing written: the place where the goal is typed, right of its label or under it — never a
  // label (SPEC §5: `预期目标 | 实际完成情况` over an empty row is a goal not written, not one that
  // reads 实际完成情况). No such place: the goal is unread, and the reader says where it looked.
  if (!rightIsLabel) return right;
  return belowFree ? below : undefined;
}

/** The goal's own box right of its label, merged over several columns, when it is left empty. */
function emptyGoalBox(view: SheetView, hit: Hit): Field | undefined {
  if (hit.embedded !== undefined) return undefined;
  const start = view.reach(hit.row, hit.col) + 1;
  const box = view.mergeAt(hit.row, start);
  const empty =
    box !== undefined &&
    box.top === hit.row &&
    box.left === start &&
    box.right > box.left &&
    view.ownText(hit.row, start).trim() === '';
  return empty ? view.field(hit.row, start) : undefined;
}

/**
 * True when the plan's cells are amounts of money, not cumulative percentages: its label or its
 * period headings carry a money unit (`资金支出计划（万元）`, `3月底（元）`), or its four cells are plain
 * numbers whose last is the budget itself (12月底 = 预算数 = 50, where 100 % was meant as 50 万元).
 */
function planInAmounts(
  view: SheetView,
  planHit: Hit | undefined,
  cells: Field[],
  total: Field | undefined,
  moneyScale: 1 | 0.0001,
): boolean {
  if (cells.length !== PLAN_PERIODS.length) return false;
  const headings = [
    ...(planHit ? [view.ownText(planHit.row, planHit.col)] : []),
    ...cells.map((c) => view.ownText(Math.max(view.top, c.row - 1), c.col)),
  ];
  if (headings.some((text) => text !== '' && readCell(text).unit !== undefined)) return true;
  // Every cell an amount with its money unit (`10万元`).
  const written = cells.filter((c) => c.text.trim() !== '');
  const withUnit = (c: Field): boolean => {
    const amount = readAmount(c, moneyScale);
    return amount.kind === 'number' && amount.written !== undefined;
  };
  if (written.length && written.every(withUnit)) return true;
  const last = cells[cells.length - 1];
  if (!last || typeof last.raw?.value !== 'number' || isPercentFormat(last.raw.numberFormat)) return false;
  const budget = readAmount(total, moneyScale);
  if (budget.kind !== 'number' || budget.value.eq(100)) return false;
  return (
    cells.every((c) => c.raw === undefined || c.raw.value === null || typeof c.raw.value === 'number') &&
    budget.value.eq(last.raw.value)
  );
}

/** What a row of a plan's figures holds: shares of the budget, or amounts of money. */
type PlanRowKind = 'percent' | 'amount';

/** Row headings of a plan written twice: `比例（%）`, `支出进度`; `金额（万元）`, `计划支出数`. */
const PERCENT_ROW = /%|％|比例|比重|占比|百分比|进度/u;
const AMOUNT_ROW = /金额|资金|数额|万元|元|支出数|额$/u;

/**
 * A spending plan written twice (seen in provinces' 申报表): the amounts to spend by each date in one
 * row and their share of the budget in the row under it, or the other way round. The percentages
 * are the plan (SPEC §1: plan cells are percent); the amounts stay beside them, to be checked
 * against them. Which row is which is said by its heading (`金额（万元）`, `比例（%）`) or its cells
 * (`20%`, `40万元`), else by its figures (over 100, or ending at the 预算数, is money; ending at 100
 * is percent): one row decided that way makes the other its counterpart. Undecided, the first row
 * is the plan as before.
 */
function planTwice(
  view: SheetView,
  first: Field[],
  last: number,
  total: Field | undefined,
  moneyScale: 1 | 0.0001,
): { percents: Field[]; amounts: Field[] } | undefined {
  if (first.length !== PLAN_PERIODS.length) return undefined;
  const row = Math.max(...first.map((c) => view.depth(c.row, c.col))) + 1;
  if (row > last || row > view.bottom) return undefined;
  const second = first.map((c) => view.field(row, c.col));
  const figures = (cells: Field[]): boolean => {
    const filled = cells.filter((c) => c.text.trim() !== '');
    return (
      filled.length > 0 &&
      filled.every((c) => readPlanCell(c).kind === 'number' || readAmount(c, moneyScale).kind === 'number')
    );
  };
  if (second.some((c) => c.row !== row) || !figures(first) || !figures(second)) return undefined;
  const said = [rowSays(view, first, moneyScale), rowSays(view, second, moneyScale)];
  const [a, b] = said.map((kind, i) => kind ?? figuresSay(i === 0 ? first : second, total, moneyScale));
  let kinds: (PlanRowKind | undefined)[] = [a, b];
  if (said[0] && !b) kinds = [said[0], said[0] === 'percent' ? 'amount' : 'percent'];
  else if (said[1] && !a) kinds = [said[1] === 'percent' ? 'amount' : 'percent', said[1]];
  if (!kinds[0] || !kinds[1] || kinds[0] === kinds[1]) return undefined;
  return kinds[0] === 'percent' ? { percents: first, amounts: second } : { percents: second, amounts: first };
}

/** What a plan row's heading (the text left of its first figure) or its cells say it holds. */
function rowSays(view: SheetView, cells: Field[], moneyScale: 1 | 0.0001): PlanRowKind | undefined {
  const [first] = cells;
  if (!first) return undefined;
  let heading: PlanRowKind | undefined;
  for (let col = first.col - 1; col >= view.left; col--) {
    const text = view.ownText(first.row, col).replace(/\s+/gu, '');
    // The plan's own label (资金支出计划（%）, merged down beside both rows) heads neither.
    if (text === '' || view.isLabel(first.row, col)) continue;
    heading = PERCENT_ROW.test(text) ? 'percent' : AMOUNT_ROW.test(text) ? 'amount' : undefined;
    break;
  }
  const percentCells = cells.some((c) => /[%％]\s*$/u.test(c.text) || isPercentFormat(c.raw?.numberFormat));
  const moneyCells = cells.some((c) => {
    const amount = readAmount(c, moneyScale);
    return amount.kind === 'number' && amount.written !== undefined;
  });
  const cellsSay = percentCells === moneyCells ? undefined : percentCells ? 'percent' : 'amount';
  if (heading && cellsSay && heading !== cellsSay) return undefined;
  return heading ?? cellsSay;
}

/** What a row's figures alone say: above 100, or ending at the 预算数, money; ending at 100, percent. */
function figuresSay(
  cells: Field[],
  total: Field | undefined,
  moneyScale: 1 | 0.0001,
): PlanRowKind | undefined {
  const values = cells.flatMap((c) => {
    const reading = readPlanCell(c);
    return reading.kind === 'number' ? [reading.percent] : [];
  });
  const budget = readAmount(total, moneyScale);
  const lastValue = values[values.length - 1];
  if (values.some((v) => v > 100)) return 'amount';
  if (budget.kind !== 'number' || budget.value.eq(100) || lastValue === undefined) return undefined;
  if (budget.value.eq(lastValue)) return 'amount';
  return lastValue === 100 ? 'percent' : undefined;
}

/** The four periods as periodOf names them, in the plan's order. */
const WANTED_PERIODS = PLAN_PERIODS.map((p) => periodOf(p));

/** The four period labels in one row, the percentages in the row below, aligned by column. */
function readPlan(view: SheetView, planHit: Hit | undefined, from: number, to: number): Field[] {
  const rows: number[] = [];
  if (planHit) {
    const last = Math.min(
      view.mergeAt(planHit.row, planHit.col) ? view.depth(planHit.row, planHit.col) : planHit.row + 1,
      view.bottom,
    );
    for (let row = planHit.row; row <= last; row++) rows.push(row);
  }
  // A Set, not rows.includes: `to` can be a million rows below a label in a sparse sheet.
  const seen = new Set(rows);
  for (let row = from; row <= to; row++) if (!seen.has(row)) rows.push(row);
  for (const row of rows) {
    const hits = view.hitsIn(row);
    // Most rows hold no period label: nothing to list or look up for them.
    if (!hits.some((h) => h.kind === 'period')) continue;
    const periods = hits.filter((h) => h.kind === 'period');
    const cols = WANTED_PERIODS.map((p) => periods.find((h) => periodOf(h.key) === p)?.col);
    if (cols.every((c): c is number => c !== undefined)) return planValues(view, row, cols);
  }
  return [];
}

/**
 * The period headings of a plan whose periods are not the form's four (by quarter, by half-year):
 * two or more on the plan label's line or one of the two under it, as written. Undefined when none.
 */
function otherPeriods(view: SheetView, planHit: Hit): string[] | undefined {
  for (let row = planHit.row; row <= Math.min(planHit.row + 2, view.bottom); row++) {
    const found: string[] = [];
    for (let col = view.left; col <= view.right; col++) {
      const text = view.ownText(row, col).replace(/\s+/gu, '');
      if (text !== '' && isAnyPeriod(text)) found.push(text);
    }
    if (found.length >= 2) return found;
  }
  return undefined;
}

/** A cell a plan's percentage could be: one the plan's own reading takes for a number (`25`, `25%`). */
function planLike(view: SheetView, row: number, col: number): boolean {
  return readPlanCell(view.field(row, col)).kind === 'number';
}

/**
 * The plan's four cells under its period labels: the row right under them; past empty rows a paste
 * left between them (up to two); or, the values written beside each label on its own line
 * (`3月底 | 25 | 6月底 | 50 …`), the cells right of the labels — never a label or another part's text.
 */
function planValues(view: SheetView, row: number, cols: number[]): Field[] {
  let first = Math.max(...cols.map((col) => view.depth(row, col))) + 1;
  // The labels' ends wrapped onto the next line by a conversion (`3月 | 6月` over `底 | 底`): their line.
  const wrapped = (r: number): boolean =>
    r <= view.bottom && cols.every((col) => /^(?:底|末|前|份?底|份?末)$/u.test(view.ownText(r, col).trim()));
  if (wrapped(first)) first++;
  const blank = (r: number): boolean => cols.every((col) => isBlank(view.own(r, view.master(r, col).col)));
  let valueRow = first;
  for (let r = first; r <= Math.min(first + 2, view.bottom) && blank(r); r++) {
    const next = r + 1;
    const figures = cols.filter((col) => !isBlank(view.own(next, col)));
    if (next <= view.bottom && figures.length > 0 && figures.every((col) => planLike(view, next, col))) {
      valueRow = next;
      break;
    }
  }
  const beside = cols.map((col) => view.reach(row, col) + 1);
  // The cells under the labels, made once: the plan's when read so, and their readings kept with them.
  const under = cols.map((col) => view.field(valueRow, col));
  const inline =
    under.every((f) => readPlanCell(f).kind !== 'number') && beside.every((col) => planLike(view, row, col));
  return inline ? beside.map((col) => view.field(row, col)) : under;
}
