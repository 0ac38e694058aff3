/**
 * Grid → TargetTable[] (SPEC §5). Tables are found by their labels, never by fixed addresses, so
 * the reader takes the template wherever it starts, several tables on one sheet, last year's Word
 * table pasted in, and other provinces' layouts. Every value keeps the cell it came from.
 */

import { rangeA1, toA1 } from './address';
import { cellText, isBlank, type CellRange, type Grid, type GridCell } from './grid';
import { PLAN_PERIODS } from './layout';
import { detectProfile, isKnownLevel1, isKnownLevel2 } from './taxonomy';
import type { Field, Indicator, ProfileChoice, ReaderNote, TargetTable } from './types';

export interface ReadOptions {
  profile?: ProfileChoice;
}

/** What a label cell says, once white space, required-field stars and a trailing colon are gone. */
export function labelKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(/^[*]+/, '').replace(/:+$/, '');
}

type LabelKind =
  | 'name'
  | 'code'
  | 'total'
  | 'fiscal'
  | 'other'
  | 'usage'
  | 'plan'
  | 'goal'
  | 'level1'
  | 'level2'
  | 'indicatorName'
  | 'value'
  | 'comparator'
  | 'unit'
  | 'basis'
  | 'description'
  | 'period';

const TOTAL_LABELS = ['预算数', '年度资金申请总额', '年度资金总额', '预算金额'];
const GOAL_LABELS = ['绩效目标', '年度绩效目标', '项目绩效目标', '年度目标', '总体目标'];
const VALUE_LABELS = [
  '指标值',
  '指标值及单位',
  '年度指标值',
  '年度(/项目)指标值',
  '年度/项目指标值',
  '项目指标值',
  '目标值',
  '当年预期实现值',
];
const COMPARATOR_LABELS = ['指标性质', '计算符号', '符号'];
const UNIT_LABELS = ['计量单位', '度量单位', '单位'];
const BASIS_LABELS = ['指标值确定依据', '绩效标准', '评价标准'];
const DESCRIPTION_LABELS = ['绩效指标描述', '指标解释'];
const PERIOD_PATTERN = /^(3|6|10|12)月(底|末)?$/;
/** Labels are short; a sentence that happens to contain `财政资金` is a value, not a label. */
const SHORT = 16;

function classify(key: string): LabelKind | undefined {
  if (!key || key.length > SHORT + 4) return undefined;
  if (key === '项目名称') return 'name';
  if (key === '项目编码' || key === '项目代码') return 'code';
  if (key === '一级指标') return 'level1';
  if (key === '二级指标') return 'level2';
  if (key === '三级指标') return 'indicatorName';
  if (VALUE_LABELS.includes(key)) return 'value';
  if (BASIS_LABELS.includes(key)) return 'basis';
  if (DESCRIPTION_LABELS.includes(key)) return 'description';
  if (COMPARATOR_LABELS.includes(key)) return 'comparator';
  if (UNIT_LABELS.includes(key)) return 'unit';
  if (GOAL_LABELS.includes(key)) return 'goal';
  if (PERIOD_PATTERN.test(key)) return 'period';
  if (key.length > SHORT) return undefined;
  if (TOTAL_LABELS.some((l) => key.startsWith(l))) return 'total';
  if (key.includes('财政资金') || key.includes('财政拨款')) return 'fiscal';
  if (key.includes('其他资金')) return 'other';
  if (key.includes('支出计划')) return 'plan';
  if (key.startsWith('预算规模') || key.includes('资金用途') || key.includes('主要用途')) return 'usage';
  return undefined;
}

/** A unit line's money unit: `单位：万元`, `金额单位:元`, `（元）`. */
function moneyUnitOf(key: string): 1 | 0.0001 | undefined {
  const m = /^(?:金额)?单位:(万元|元)$/.exec(key) ?? /^\((万元|元)\)$/.exec(key);
  if (!m) return undefined;
  return m[1] === '元' ? 0.0001 : 1;
}

function isTitleKey(key: string): boolean {
  return key.endsWith('绩效目标表') || key.endsWith('申报表');
}

interface Hit {
  kind: LabelKind;
  row: number;
  col: number;
  key: string;
}

/** The grid with merges indexed and each row's labels classified once. */
class SheetView {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  private readonly covering = new Map<number, CellRange>();
  /** Labels by row. */
  readonly hits = new Map<number, Hit[]>();
  readonly titleRows = new Set<number>();
  readonly unitRows = new Map<number, { col: number; scale: 1 | 0.0001 }>();

  constructor(readonly grid: Grid) {
    this.top = grid.top;
    this.bottom = grid.top + grid.cells.length - 1;
    this.left = grid.left;
    let width = 0;
    for (const r of grid.cells) if (r && r.length > width) width = r.length;
    this.right = grid.left + width - 1;
    // Clipped to the grid: a merge over whole rows or columns must not cost a million entries.
    for (const m of grid.merges) {
      for (let row = Math.max(m.top, this.top); row <= Math.min(m.bottom, this.bottom); row++)
        for (let col = Math.max(m.left, this.left); col <= Math.min(m.right, this.right); col++)
          this.covering.set(this.key(row, col), m);
    }
    for (let row = this.top; row <= this.bottom; row++) this.scanRow(row);
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  private scanRow(row: number): void {
    const line = this.grid.cells[row - this.top];
    if (!line) return;
    const hits: Hit[] = [];
    let filled = 0;
    let lastKey = '';
    line.forEach((cell, i) => {
      if (isBlank(cell)) return;
      const col = this.left + i;
      filled++;
      const key = labelKey(cellText(cell));
      lastKey = key;
      const scale = moneyUnitOf(key);
      if (scale !== undefined && !this.unitRows.has(row)) this.unitRows.set(row, { col, scale });
      const kind = classify(key);
      if (kind) hits.push({ kind, row, col, key });
    });
    if (hits.length) this.hits.set(row, hits);
    if (filled === 1 && isTitleKey(lastKey)) this.titleRows.add(row);
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.covering.get(this.key(row, col));
  }

  /** The position holding the content of (row, col): the master of its merge, or itself. */
  master(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The cell's own content; a merged cell other than the master has none. */
  own(row: number, col: number): GridCell | undefined {
    const r = this.grid.cells[row - this.top];
    return r ? r[col - this.left] : undefined;
  }

  field(row: number, col: number): Field {
    const p = this.master(row, col);
    const own = this.own(p.row, p.col);
    // An empty cell that only carries a format is, to the user, empty.
    const raw = own && ((own.value !== null && own.value !== undefined) || own.formula) ? own : undefined;
    return { cell: toA1(p.row, p.col), row: p.row, col: p.col, raw, text: cellText(raw) };
  }

  /** The last column a cell reaches, merges included. */
  reach(row: number, col: number): number {
    const m = this.mergeAt(row, col);
    return m ? m.right : col;
  }

  hitsIn(row: number): Hit[] {
    return this.hits.get(row) ?? [];
  }

  /** True when no cell of the row between the two columns holds anything. */
  rowEmpty(row: number, from: number, to: number): boolean {
    for (let col = from; col <= to; col++) if (!isBlank(this.own(row, col))) return false;
    return true;
  }

  /**
   * The value of a label: the next non-empty cell to its right (past the label's merge); when that
   * is another label, or nothing follows, the first cell right of the label, where the user would type.
   */
  valueRight(hit: { row: number; col: number }): Field {
    const start = this.reach(hit.row, hit.col) + 1;
    for (let col = start; col <= this.right; col++) {
      const m = this.mergeAt(hit.row, col);
      if (m && (m.top !== hit.row || m.left !== col)) continue;
      const cell = this.own(hit.row, col);
      if (isBlank(cell)) continue;
      if (classify(labelKey(cellText(cell)))) break;
      return this.field(hit.row, col);
    }
    return this.field(hit.row, start);
  }
}

type AnchorKind = 'name' | 'code' | 'header';

interface Group {
  start: number;
  seen: Set<AnchorKind>;
}

function anchorKinds(view: SheetView, row: number): AnchorKind[] {
  const kinds = new Set(view.hitsIn(row).map((h) => h.kind));
  const out: AnchorKind[] = [];
  if (kinds.has('name')) out.push('name');
  if (kinds.has('code')) out.push('code');
  if (kinds.has('level1') && kinds.has('level2') && kinds.has('indicatorName')) out.push('header');
  return out;
}

/**
 * Rows that start a table: a 项目名称/项目编码 label, or an indicator header with neither above it.
 * A label already seen in the current table, or any name/code label after its indicator header,
 * starts the next one.
 */
function findGroups(view: SheetView): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  for (let row = view.top; row <= view.bottom; row++) {
    const kinds = anchorKinds(view, row);
    if (!kinds.length) continue;
    const joins =
      current !== undefined &&
      !current.seen.has('header') &&
      kinds.every((k) => !(current as Group).seen.has(k));
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
  if (grid.internal || grid.cells.length === 0) return [];
  const view = new SheetView(grid);
  const groups = findGroups(view);
  const tables: TargetTable[] = [];
  let previousBottom = view.top - 1;
  groups.forEach((group, i) => {
    const regionEnd = i + 1 < groups.length ? groups[i + 1].start - 1 : view.bottom;
    const table = readTable(view, group, previousBottom, regionEnd, options);
    tables.push(table);
    previousBottom = table.bottom;
  });
  return tables;
}

export function readWorkbook(grids: readonly Grid[], options: ReadOptions = {}): TargetTable[] {
  return grids.filter((g) => !g.internal).flatMap((g) => readGrid(g, options));
}

function readTable(
  view: SheetView,
  group: Group,
  previousBottom: number,
  regionEnd: number,
  options: ReadOptions,
): TargetTable {
  const notes: ReaderNote[] = [];
  const startsWithHeader = !group.seen.has('name') && !group.seen.has('code');
  const searchTop = startsWithHeader ? previousBottom + 1 : group.start;

  let headerRow: number | undefined;
  for (let row = group.start; row <= regionEnd && headerRow === undefined; row++)
    if (anchorKinds(view, row).includes('header')) headerRow = row;
  const labelsEnd = headerRow !== undefined ? headerRow - 1 : regionEnd;

  const first = (kind: LabelKind, from = searchTop, to = labelsEnd): Hit | undefined => {
    for (let row = from; row <= to; row++) {
      const hit = view.hitsIn(row).find((h) => h.kind === kind);
      if (hit) return hit;
    }
    return undefined;
  };

  const nameHit = first('name');
  const codeHit = first('code');
  const totalHit = first('total');
  const fiscalHit = first('fiscal');
  const otherHit = first('other');
  const usageHit = first('usage');
  const planHit = first('plan');
  const goalHit = first('goal');

  const located: { row: number; col: number }[] = [];
  const locate = (f: { row: number; col: number } | undefined): void => {
    if (f) located.push(f);
  };
  [nameHit, codeHit, totalHit, fiscalHit, otherHit, usageHit, planHit, goalHit].forEach(locate);

  const labelTop = Math.min(...located.map((h) => h.row), headerRow ?? Infinity);
  const firstRow = Number.isFinite(labelTop) ? labelTop : group.start;

  // The title and the unit line sit just above the first label (the unit line may also share a row).
  let titleRow: number | undefined;
  let unitRow: number | undefined;
  for (let row = firstRow - 1; row > previousBottom && row >= firstRow - 4; row--) {
    if (view.titleRows.has(row)) {
      titleRow = row;
      break;
    }
    if (view.unitRows.has(row) && unitRow === undefined) {
      unitRow = row;
      continue;
    }
    if (view.rowEmpty(row, view.left, view.right)) continue;
    if (!looksLikeUnitName(view, row)) break;
    if (unitRow === undefined) unitRow = row;
  }
  if (unitRow === undefined) {
    for (let row = firstRow; row <= labelsEnd && unitRow === undefined; row++)
      if (view.unitRows.has(row)) unitRow = row;
  }

  const title = titleRow !== undefined ? view.field(titleRow, firstNonBlankCol(view, titleRow)) : undefined;
  const unitInfo = unitRow !== undefined ? view.unitRows.get(unitRow) : undefined;
  const unit = unitRow !== undefined ? unitLineText(view, unitRow, unitInfo?.col) : undefined;
  let moneyScale: 1 | 0.0001 = unitInfo?.scale ?? 1;
  if (!unitInfo && totalHit && /\(元\)/.test(totalHit.key)) moneyScale = 0.0001;

  const code = codeHit ? view.valueRight(codeHit) : undefined;
  const name = nameHit ? view.valueRight(nameHit) : undefined;
  const budget = {
    total: totalHit ? view.valueRight(totalHit) : undefined,
    fiscal: fiscalHit ? view.valueRight(fiscalHit) : undefined,
    other: otherHit ? view.valueRight(otherHit) : undefined,
  };
  const usage = usageHit ? readUsage(view, usageHit) : undefined;
  const goal = goalHit ? view.valueRight(goalHit) : undefined;
  const plan = readPlan(view, planHit, searchTop, labelsEnd);
  [code, name, budget.total, budget.fiscal, budget.other, usage, goal, ...plan].forEach(locate);

  const left = Math.min(...located.map((p) => p.col), title?.col ?? Infinity);
  const leftCol = Number.isFinite(left) ? left : view.left;

  let indicatorHeader: Field | undefined;
  let indicators: Indicator[] = [];
  let columns = { description: false, basis: false };
  let headerRight = leftCol;
  if (headerRow !== undefined) {
    const block = readIndicators(view, headerRow, regionEnd);
    indicatorHeader = block.header;
    indicators = block.indicators;
    columns = block.columns;
    headerRight = block.right;
    locate(block.header);
    if (!block.hasValueColumn) notes.push({ what: 'indicators', cell: toA1(headerRow, block.right + 1) });
  }

  const lastLocatedRow = Math.max(firstRow, ...located.map((p) => p.row));
  if (!name)
    notes.push({
      what: 'name',
      cell: code ? toA1(code.row, view.reach(code.row, code.col) + 1) : toA1(firstRow, leftCol),
    });
  if (!code) notes.push({ what: 'code', cell: toA1(name ? name.row : firstRow, leftCol) });
  const projectRow = (name ?? code)?.row;
  if (!totalHit)
    notes.push({ what: 'budget', cell: toA1(projectRow !== undefined ? projectRow + 1 : firstRow, leftCol) });
  if (!plan.length)
    notes.push({
      what: 'plan',
      cell: planHit ? toA1(planHit.row, planHit.col) : toA1(usage ? usage.row + 1 : firstRow, leftCol),
    });
  if (!goal)
    notes.push({
      what: 'goal',
      cell: toA1(headerRow !== undefined ? Math.max(firstRow, headerRow - 1) : lastLocatedRow + 1, leftCol),
    });
  if (headerRow === undefined) notes.push({ what: 'indicators', cell: toA1(lastLocatedRow + 1, leftCol) });

  const top = titleRow ?? unitRow ?? firstRow;
  const bottom = indicators.length ? indicators[indicators.length - 1].row : (headerRow ?? lastLocatedRow);
  let right = headerRight;
  for (const p of located) right = Math.max(right, view.reach(p.row, p.col));
  if (title) right = Math.max(right, view.reach(title.row, title.col));
  if (unitRow !== undefined) right = Math.max(right, lastFilledReach(view, unitRow));

  const profile =
    options.profile && options.profile !== 'auto'
      ? options.profile
      : detectProfile(indicators.map((ind) => ind.level1.text));

  return {
    sheet: view.grid.sheet,
    range: rangeA1({ top, left: leftCol, bottom, right }),
    top,
    left: leftCol,
    bottom,
    right,
    profile,
    ...(title ? { title } : {}),
    ...(unit ? { unit } : {}),
    moneyScale,
    ...(code ? { code } : {}),
    ...(name ? { name } : {}),
    budget,
    ...(usage ? { usage } : {}),
    ...(goal ? { goal } : {}),
    plan,
    ...(indicatorHeader ? { indicatorHeader } : {}),
    columns,
    indicators,
    notes,
  };
}

function firstNonBlankCol(view: SheetView, row: number): number {
  for (let col = view.left; col <= view.right; col++) if (!isBlank(view.own(row, col))) return col;
  return view.left;
}

function lastFilledReach(view: SheetView, row: number): number {
  for (let col = view.right; col >= view.left; col--)
    if (!isBlank(view.own(row, col))) return view.reach(row, col);
  return view.left;
}

/** A line above the table holding only the unit's code and name (its money unit may be elsewhere). */
function looksLikeUnitName(view: SheetView, row: number): boolean {
  if (view.hitsIn(row).length || view.titleRows.has(row)) return false;
  let filled = 0;
  for (let col = view.left; col <= view.right; col++) if (!isBlank(view.own(row, col))) filled++;
  return filled === 1 && /^\d{3,}/.test(labelKey(cellText(view.own(row, firstNonBlankCol(view, row)))));
}

/** The unit line's text without its money unit: `207002中国共产党临西县委员会信访局`. */
function unitLineText(view: SheetView, row: number, moneyCol: number | undefined): string | undefined {
  const parts: string[] = [];
  for (let col = view.left; col <= view.right; col++) {
    if (col === moneyCol) continue;
    const text = cellText(view.own(row, col));
    if (text) parts.push(text.replace(/^(填报单位|单位名称|预算单位|申报单位)\s*[:：]\s*/, ''));
  }
  const text = parts.join(' ').trim();
  return text || undefined;
}

/**
 * 资金用途 sits right of the 预算规模及资金用途 label on the row that holds no budget labels (the
 * label spans both rows in the standard table); a standalone 资金用途 label has it on its own row.
 */
function readUsage(view: SheetView, hit: Hit): Field {
  const m = view.mergeAt(hit.row, hit.col);
  const rows: number[] = [];
  const last = m ? m.bottom : hit.row + 1;
  for (let row = hit.row; row <= last; row++) {
    const others = view.hitsIn(row).filter((h) => !(h.row === hit.row && h.col === hit.col));
    if (!others.length) rows.push(row);
  }
  const candidates = rows.map((row) => view.valueRight({ row, col: hit.col }));
  return candidates.find((f) => f.text !== '') ?? candidates[0] ?? view.valueRight(hit);
}

/** The four period labels in one row, the percentages in the row below, aligned by column. */
function readPlan(view: SheetView, planHit: Hit | undefined, from: number, to: number): Field[] {
  const rows: number[] = [];
  if (planHit) {
    const m = view.mergeAt(planHit.row, planHit.col);
    for (let row = planHit.row; row <= (m ? m.bottom : planHit.row + 1); row++) rows.push(row);
  }
  for (let row = from; row <= to; row++) if (!rows.includes(row)) rows.push(row);
  for (const row of rows) {
    const periods = view.hitsIn(row).filter((h) => h.kind === 'period');
    const cols = PLAN_PERIODS.map((p) => periods.find((h) => periodKey(h.key) === periodKey(p))?.col);
    if (cols.every((c): c is number => c !== undefined)) {
      return cols.map((col) => {
        const m = view.mergeAt(row, col);
        return view.field((m ? m.bottom : row) + 1, col);
      });
    }
  }
  return [];
}

/** `3月底`, `3月末` and `3月` name the same period. */
function periodKey(label: string): string {
  return labelKey(label).replace(/[底末]$/, '');
}

interface IndicatorColumns {
  level1: number;
  level2: number;
  name: number;
  value: number;
  description?: number;
  basis?: number;
  comparator?: number;
  unit?: number;
}

function readIndicators(
  view: SheetView,
  headerRow: number,
  regionEnd: number,
): {
  header: Field;
  indicators: Indicator[];
  columns: { description: boolean; basis: boolean };
  right: number;
  hasValueColumn: boolean;
} {
  const hits = view.hitsIn(headerRow);
  const col = (kind: LabelKind): number | undefined => hits.find((h) => h.kind === kind)?.col;
  const level1 = col('level1') as number;
  const level2 = col('level2') as number;
  const name = col('indicatorName') as number;
  const description = col('description');
  const comparator = col('comparator');
  const unit = col('unit');
  const basis = col('basis');
  const found = col('value');
  const known = [level1, level2, name, description, comparator, unit, basis].filter(
    (c): c is number => c !== undefined,
  );
  let right = Math.max(...known.map((c) => view.reach(headerRow, c)));
  // Without a recognisable value column, the column after the others is where a value would be.
  const value = found ?? right + 1;
  right = Math.max(right, view.reach(headerRow, value));
  const cols: IndicatorColumns = { level1, level2, name, value, description, basis, comparator, unit };
  const leftmost = Math.min(level1, level2, name, value);

  // Logical order of the columns left to right: a row shifted left reads each from its left neighbour.
  const order = (Object.keys(cols) as (keyof IndicatorColumns)[])
    .filter((k) => cols[k] !== undefined)
    .sort((a, b) => (cols[a] as number) - (cols[b] as number));
  const shiftedCol = (k: keyof IndicatorColumns): number => {
    const i = order.indexOf(k);
    return i > 0 ? (cols[order[i - 1]] as number) : (cols[k] as number);
  };

  const headerMerge = view.mergeAt(headerRow, level1);
  const indicators: Indicator[] = [];
  let previous: Indicator | undefined;
  for (let row = (headerMerge ? headerMerge.bottom : headerRow) + 1; row <= regionEnd; row++) {
    if (view.rowEmpty(row, leftmost, right)) break;
    if (view.titleRows.has(row) || view.unitRows.has(row)) break;
    if (view.hitsIn(row).some((h) => h.kind === 'name' || h.kind === 'code' || h.kind === 'level1')) break;

    const level1Own = ownText(view, row, level1);
    const shifted = level1Own !== '' && !isKnownLevel1(level1Own) && isKnownLevel2(level1Own);
    const at = (k: keyof IndicatorColumns): number => (shifted ? shiftedCol(k) : (cols[k] as number));

    const l1 = continued(view, row, level1, previous?.level1, shifted);
    // A new 一级 with a blank 二级 does not take the 二级 of another 一级.
    const l2 = continued(view, row, at('level2'), l1.inherited ? previous?.level2 : undefined, false);
    const optional = (k: 'description' | 'basis' | 'comparator' | 'unit'): Field | undefined =>
      cols[k] !== undefined ? view.field(row, at(k)) : undefined;
    const comparatorField = optional('comparator');
    const unitField = optional('unit');
    const valueField = view.field(row, at('value'));
    const indicator: Indicator = {
      row,
      level1: l1,
      level2: l2,
      name: view.field(row, at('name')),
      value: valueField,
      valueText: `${comparatorField?.text ?? ''}${valueField.text}${unitField?.text ?? ''}`,
    };
    const descriptionField = optional('description');
    const basisField = optional('basis');
    if (descriptionField) indicator.description = descriptionField;
    if (basisField) indicator.basis = basisField;
    if (comparatorField) indicator.comparator = comparatorField;
    if (unitField) indicator.unit = unitField;
    indicators.push(indicator);
    previous = indicator;
  }
  return {
    header: view.field(headerRow, level1),
    indicators,
    columns: { description: description !== undefined, basis: basis !== undefined },
    right,
    hasValueColumn: found !== undefined,
  };
}

function ownText(view: SheetView, row: number, col: number): string {
  const m = view.mergeAt(row, col);
  if (m && m.top !== row) return '';
  return cellText(view.own(row, col));
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
  if (!forceInherit && m && m.top < row) return { ...view.field(row, col), inherited: true };
  if (!forceInherit && ownText(view, row, col) !== '') return { ...view.field(row, col), inherited: false };
  if (above) return { ...above, inherited: true };
  const here = view.field(row, col);
  // A shifted row's 一级 cell holds its 二级: with nothing above to continue, the 一级 is unknown.
  return forceInherit
    ? { ...here, raw: undefined, text: '', inherited: false }
    : { ...here, inherited: false };
}
