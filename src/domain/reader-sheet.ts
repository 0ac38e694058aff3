/** A sheet's grid as the reader sees it: merges indexed, every row's labels classified once. */

import { toA1 } from './address';
import { saysNone } from './amounts';
import { cellText, isBlank, type CellRange, type Grid, type GridCell } from './grid';
import { labelKey, readCell, type CellReading, type LabelKind, type MoneyUnit } from './reader-labels';
import type { Field } from './types';

/** Excel's last row and column (0-based). */
export const LAST_ROW = 1_048_575;
export const LAST_COL = 16_383;

/**
 * The A1 address of a position, kept on the sheet: the cell after a merge that reaches the sheet's
 * last row or column does not exist, so the merge's own last cell stands for it.
 */
export function sheetA1(row: number, col: number): string {
  // Lines above a Word document's table sit at negative rows, which have no address: row 1 stands for them.
  return toA1(Math.max(0, Math.min(row, LAST_ROW)), Math.min(col, LAST_COL));
}

export interface Hit {
  kind: LabelKind;
  row: number;
  col: number;
  key: string;
  /** See LabelReading.generic: all of the fiscal or other money rather than one source. */
  generic?: boolean;
  /** The label's level of enumeration (`(一)` 1, `1.` 2, none 0). */
  rank: number;
  /** The value written in the label's own cell (`年度资金总额:16` → `16`). */
  embedded?: string;
}

/** A cell saying only that the figure after it is a sum (`预算数 | 小计 | 50`, `合计：`): not the value. */
function isSumWord(cell: GridCell | undefined): boolean {
  return typeof cell?.value === 'string' && /^\s*(?:小计|合计|总计|共计)\s*[:：]?\s*$/u.test(cell.value);
}

/** A number, or text that is only an amount (`1,250.00`, `20万元`); a formula counts by its value. */
export function isAmount(cell: GridCell | undefined): boolean {
  if (!cell || cell.error || cell.date) return false;
  if (typeof cell.value === 'number') return true;
  return (
    typeof cell.value === 'string' &&
    /^[\s+-]*[\d０-９][\d０-９,，.．]*\s*(?:万元|万|元)?\s*$/u.test(cell.value)
  );
}

/**
 * A prompt waiting for its answer: a few words and a colon, nothing after (`市：`, `县:`, `其中:`).
 * A label of the form, never a value.
 */
function isPrompt(cell: GridCell | undefined): boolean {
  if (typeof cell?.value !== 'string') return false;
  const text = cell.value.trim();
  return /^[^\d:：]{1,8}[:：]$/u.test(text);
}

export interface MoneyMark extends MoneyUnit {
  row: number;
  col: number;
}

/** The kinds of label that name money: total, fiscal, carry-over and other. */
const MONEY_KINDS: ReadonlySet<LabelKind> = new Set<LabelKind>(['total', 'fiscal', 'carryover', 'other']);

/** Adds a hit to a row's hits, which run left to right. */
function insertByColumn(hits: Hit[], hit: Hit): void {
  const i = hits.findIndex((h) => h.col > hit.col);
  if (i < 0) hits.push(hit);
  else hits.splice(i, 0, hit);
}

/** The longest key that may be half of a label split over two cells. */
const FRAGMENT_LENGTH = 6;

/** What a row without labels holds: one shared list, never written to. */
const NO_HITS: readonly Hit[] = Object.freeze([]);

export class SheetView {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /**
   * The merge covering each cell, by row then column (offsets from top and left): only rows that a
   * merge crosses have a list. Clipped to the grid, so positions outside it have none.
   */
  private readonly covering: ((CellRange | undefined)[] | undefined)[] = [];
  private readonly hits = new Map<number, Hit[]>();
  /**
   * What readCell made of each text cell when its row was scanned, by row then column (offsets from
   * top and left): the reader asks again of the same cells (is it a unit line? a title?), and a long
   * text is not in readCell's own cache, so each question would read the sentence anew.
   */
  private readonly readings: (CellReading | undefined)[][] = [];
  /** While scanning: the last row holding anything, and the last title or year line. */
  private lastFilled: number | undefined;
  private lastHead: number | undefined;
  /** A title alone on its line (`项目绩效目标表`, `…申报表`), perhaps beside its money unit. */
  readonly titleRows = new Set<number>();
  /** `（2025年度）` under a 财政部-style title. */
  readonly yearRows = new Set<number>();
  /** Rows holding a unit line's money unit (`单位：万元`), with the cell that says it. */
  readonly unitRows = new Map<number, MoneyMark>();
  /** Every money unit written anywhere, unit lines and labels such as `项目资金（元）` alike. */
  readonly moneyMarks: MoneyMark[] = [];

  constructor(readonly grid: Grid) {
    this.top = grid.top;
    this.bottom = grid.top + grid.cells.length - 1;
    this.left = grid.left;
    let width = 0;
    for (const r of grid.cells) if (r && r.length > width) width = r.length;
    this.right = grid.left + width - 1;
    // Clipped to the grid: a merge over whole rows or columns must not cost a million entries.
    for (const m of grid.merges) {
      for (let row = Math.max(m.top, this.top); row <= Math.min(m.bottom, this.bottom); row++) {
        const line = (this.covering[row - this.top] ??= []);
        for (let col = Math.max(m.left, this.left); col <= Math.min(m.right, this.right); col++)
          line[col - this.left] = m;
      }
    }
    for (let row = this.top; row <= this.bottom; row++) this.scanRow(row);
  }

  private scanRow(row: number): void {
    const line = this.grid.cells[row - this.top];
    if (!line) return;
    const hits: Hit[] = [];
    let weak: Hit[] | undefined;
    let filled = 0;
    let titles = 0;
    let years = 0;
    let units = 0;
    /** Short texts that are no label (or only a weak one): perhaps half of one split in two cells. */
    let fragments = 0;
    for (let i = 0; i < line.length; i++) {
      const cell = line[i];
      if (isBlank(cell)) continue;
      filled++;
      // A number, a date or TRUE is never a label, a unit, a title or a year line.
      if (typeof cell!.value !== 'string') continue;
      const col = this.left + i;
      const reading = readCell(cell!.value.trim());
      (this.readings[row - this.top] ??= [])[i] = reading;
      const unit = reading.unit;
      if (unit) {
        // Written out rather than spread: copying an object by spread is slow, and rows are many.
        this.moneyMarks.push({ scale: unit.scale, line: unit.line, row, col });
        if (unit.line) {
          units++;
          if (!this.unitRows.has(row))
            this.unitRows.set(row, { scale: unit.scale, line: unit.line, row, col });
        }
      }
      if (reading.title) titles++;
      else if (reading.year) years++;
      const label = reading.label;
      if ((!label || label.weak) && !reading.embedded.length && reading.key.length <= FRAGMENT_LENGTH)
        fragments++;
      if (label) {
        const hit: Hit = {
          kind: label.kind,
          row,
          col,
          key: reading.key,
          rank: reading.rank,
          generic: label.generic === true,
          embedded: undefined,
        };
        // `其他` is a label only beside its figure, or as a heading among money headings (below).
        if (label.weak && !this.amountRightOf(row, col)) (weak ??= []).push(hit);
        else hits.push(hit);
      }
      for (const e of reading.embedded) {
        hits.push({
          kind: e.label.kind,
          row,
          col,
          key: e.key,
          rank: e.rank,
          generic: e.label.generic === true,
          embedded: e.value,
        });
      }
    }
    // Two halves and a figure after them: most rows (an indicator's) have no figure.
    if (fragments >= 2 && line.some(isAmount)) weak = this.splitLabels(row, line, hits, weak);
    if (weak)
      this.weakHeadings(hits, weak, this.lastFilled !== undefined && this.lastFilled === this.lastHead);
    if (hits.length >= 3) this.headingOfLevel1(row, hits);
    if (hits.length) this.hits.set(row, hits);
    // A title shares its line with nothing but the year and the money unit — and notes typed far
    // right of it, past an empty column (`报送日期：2026-01-15`).
    if (titles === 1 && (filled === titles + years + units || this.onlySideNotes(row, line))) {
      this.titleRows.add(row);
      this.lastHead = row;
    } else if (years > 0 && filled === years + units) {
      this.yearRows.add(row);
      this.lastHead = row;
    }
    if (filled) this.lastFilled = row;
  }

  /**
   * True when a title's line holds, besides the title (and its year and unit), only notes: `label：
   * value` texts beyond an empty column right of it.
   */
  private onlySideNotes(row: number, line: readonly (GridCell | undefined)[]): boolean {
    let title = -1;
    for (let i = 0; i < line.length; i++) {
      const cell = line[i];
      if (isBlank(cell) || typeof cell?.value !== 'string') continue;
      const reading = this.readingAt(row, this.left + i) ?? readCell(cell.value.trim());
      if (reading.title) {
        if (title >= 0) return false;
        title = i;
        continue;
      }
      if (reading.year || reading.unit?.line) continue;
      const col = this.left + i;
      const gap = col - 1 > this.reach(row, this.left + Math.max(title, 0)) && isBlank(line[i - 1]);
      if (title < 0 || !gap || !/[:：]/u.test(cell.value)) return false;
    }
    return title >= 0;
  }

  /**
   * A money label split over two cells by a conversion from PDF or Word (`其中：财政 | 拨款 | 100`,
   * `其他 | 资金 | 20`, `预算 | 金额 | 120`): two short neighbouring texts, neither a label of its own
   * (or only a weak one), that together are one, with an amount right after them. The label stands at
   * its second half, beside its figure; the halves' weak readings are dropped. Returns the weak hits left.
   */
  private splitLabels(
    row: number,
    line: readonly (GridCell | undefined)[],
    hits: Hit[],
    weak: Hit[] | undefined,
  ): Hit[] | undefined {
    let left = weak;
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i];
      const b = line[i + 1];
      if (typeof a?.value !== 'string' || typeof b?.value !== 'string') continue;
      const col = this.left + i;
      if (this.mergeAt(row, col) || this.mergeAt(row, col + 1)) continue;
      const first = this.readingAt(row, col) ?? readCell(a.value.trim());
      const second = this.readingAt(row, col + 1) ?? readCell(b.value.trim());
      const half = (r: CellReading): boolean =>
        (!r.label || r.label.weak === true) &&
        !r.embedded.length &&
        r.key.length > 0 &&
        r.key.length <= FRAGMENT_LENGTH;
      if (!half(first) || !half(second) || !this.amountRightOf(row, col + 1)) continue;
      const joined = readCell(`${a.value.trim()}${b.value.trim()}`);
      const label = joined.label;
      if (!label || label.weak || !MONEY_KINDS.has(label.kind)) continue;
      const hit: Hit = {
        kind: label.kind,
        row,
        col: col + 1,
        key: joined.key,
        rank: joined.rank,
        generic: label.generic === true,
        embedded: undefined,
      };
      for (let k = hits.length - 1; k >= 0; k--)
        if (hits[k]?.col === col || hits[k]?.col === col + 1) hits.splice(k, 1);
      left = left?.filter((h) => h.col !== col && h.col !== col + 1);
      insertByColumn(hits, hit);
      i++;
    }
    return left?.length ? left : undefined;
  }

  /**
   * Words too plain to be labels on their own (`其他`, `部门`), where the place says they are: in
   * a row of money headings over a row of figures (`本年度预计投入 | 财政资金 | 其他`, the amounts
   * under them), when the row holds another money label, no amount, and figures stand under it; and `部门` on
   * the first line under a table's title.
   */
  private weakHeadings(hits: Hit[], weak: readonly Hit[], underTitle: boolean): void {
    const money = hits.some((h) => MONEY_KINDS.has(h.kind)) && !this.holdsAmount(weak[0]?.row ?? this.top);
    for (const hit of weak) {
      // The first line under a title (`部门 | 某中心` under 部门整体支出绩效自评表) is the form's own.
      const heading = money && MONEY_KINDS.has(hit.kind) && this.figuresBelow(hit) !== undefined;
      if (!heading && !(underTitle && hit.kind === 'entity')) continue;
      insertByColumn(hits, hit);
    }
  }

  /**
   * The figures under a column heading: past its merge and up to two rows of sub-headings (`中央 |
   * 省级 | 市级资金 | 本级` under `财政资金`), every filled cell under the heading's columns in the
   * first row that holds amounts — when all its cells there are amounts. Undefined otherwise.
   */
  figuresBelow(hit: { row: number; col: number }): Field[] | undefined {
    const m = this.mergeAt(hit.row, hit.col);
    const from = m ? m.left : hit.col;
    const to = m ? Math.min(m.right, this.right) : hit.col;
    const first = (m ? m.bottom : hit.row) + 1;
    // Sub-headings only under a heading over several columns; the figures right under the rest.
    const last = Math.min(to > from ? first + 2 : first, this.bottom);
    for (let row = first; row <= last; row++) {
      const figures: Field[] = [];
      let amounts = 0;
      let wordy = 0;
      let words = false;
      for (let col = from; col <= to; col++) {
        const cm = this.mergeAt(row, col);
        // A cell reaching out of the heading's columns belongs to no one heading.
        if (cm && (cm.left < from || cm.right > to)) return undefined;
        // Covered by a merge: counted at its first cell, or a sub-heading reaching down from above.
        if (cm && (cm.top !== row || cm.left !== col)) continue;
        const cell = this.own(row, col);
        if (isBlank(cell)) continue;
        if (isAmount(cell)) {
          figures.push(this.field(row, col));
          amounts++;
        }
        // A dash (`—`, `/`, `无`) among the figures is that column's nothing, as amounts.ts reads it,
        // not a word that unsettles the row.
        else if (typeof cell?.value === 'string' && saysNone(cell.value)) figures.push(this.field(row, col));
        // Words where one source's figure goes (`详见附件` under 中央, beside the others' figures):
        // that source's line, not a number — its finding then names its own cell.
        else if (
          to > from &&
          !this.isLabel(row, col) &&
          !isPrompt(cell) &&
          !isSumWord(cell) &&
          !this.isUnitOnly(row, col) &&
          !/^[\s\d.,，．%％]+$/u.test(cellText(cell))
        ) {
          figures.push(this.field(row, col));
          wordy++;
        } else words = true;
      }
      if (wordy > 1 || (wordy && !amounts)) words = true;
      // Dashes alone are no line of figures: words, as before.
      if (!amounts && figures.length) words = true;
      if (amounts) {
        // An amount past the last heading says the row is shifted against its headings (a paste or
        // a conversion moved it): no figure of it is any heading's.
        if (words || this.amountPast(row, this.lastFilledReach(hit.row))) return undefined;
        return this.subtotalOf(figures, first, row - 1) ?? figures;
      }
      // An empty line ends the heading's reach: what lies past it is another part of the form.
      if (!words) return undefined;
    }
    return undefined;
  }

  /** True when the row holds an amount right of `col`. */
  private amountPast(row: number, col: number): boolean {
    const line = this.grid.cells[row - this.top];
    if (!line) return false;
    for (let i = col - this.left + 1; i < line.length; i++) if (isAmount(line[i])) return true;
    return false;
  }

  /**
   * Of figures under sub-headings (`小计 | 中央 | 省级` under 财政资金), the one under 小计 or 合计: the
   * others are its parts, not more money.
   */
  private subtotalOf(figures: Field[], from: number, to: number): Field[] | undefined {
    for (const figure of figures)
      for (let row = from; row <= to; row++)
        if (/^(?:小计|合计|总计)$/u.test(this.ownText(row, figure.col).replace(/\s+/gu, ''))) return [figure];
    return undefined;
  }

  /**
   * A row of money headings (`本年度预计投入 | 财政资金 | 其他` over their figures): two money labels
   * or more, and no amount anywhere in the row — a row with amounts pairs labels with values.
   */
  moneyHeadingRow(row: number): boolean {
    let labels = 0;
    for (const h of this.hitsIn(row)) if (MONEY_KINDS.has(h.kind)) labels++;
    return labels >= 2 && !this.holdsAmount(row);
  }

  /**
   * True when the row begins what follows a block: a title, year or unit line, or a project's, a
   * department's or an indicator header's label.
   */
  beginsTable(row: number): boolean {
    if (this.titleRows.has(row) || this.unitRows.has(row) || this.yearRows.has(row)) return true;
    return this.hitsIn(row).some(
      (h) => h.kind === 'name' || h.kind === 'code' || h.kind === 'entity' || h.kind === 'level1',
    );
  }

  /** True when some cell of the row holds a number or an amount written as text. */
  private holdsAmount(row: number): boolean {
    return this.grid.cells[row - this.top]?.some((cell) => isAmount(cell)) === true;
  }

  /**
   * An indicator header that names 二级, 三级 and the value but not 一级: the short heading right
   * before 二级 is the 一级's, whatever it says (`级指标` from a PDF that lost a character, `指标类别`,
   * `维度`). Without it the block would not be read at all.
   */
  private headingOfLevel1(row: number, hits: Hit[]): void {
    let level2: Hit | undefined;
    let named = false;
    let value = false;
    for (const h of hits) {
      if (h.kind === 'level1') return;
      if (h.kind === 'level2' && (level2 === undefined || h.col < level2.col)) level2 = h;
      else if (h.kind === 'indicatorName') named = true;
      else if (h.kind === 'value') value = true;
    }
    if (!level2 || !named || !value || level2.col <= this.left) return;
    const at = this.master(row, level2.col - 1);
    if (at.row !== row || hits.some((h) => h.col === at.col)) return;
    const cell = this.own(at.row, at.col);
    if (typeof cell?.value !== 'string') return;
    const key = labelKey(cell.value);
    if (key === '' || key.length > 8 || /[\d０-９]/u.test(key)) return;
    insertByColumn(hits, {
      kind: 'level1',
      row,
      col: at.col,
      key,
      rank: 0,
      generic: false,
      embedded: undefined,
    });
  }

  /** True when the first filled cell right of (row, col) holds a number or an amount written as text. */
  private amountRightOf(row: number, col: number): boolean {
    const line = this.grid.cells[row - this.top];
    if (!line) return false;
    for (let i = col - this.left + 1; i < line.length; i++) {
      const cell = line[i];
      if (isBlank(cell)) continue;
      return isAmount(cell);
    }
    return false;
  }

  /**
   * readCell of the cell's trimmed text, as its row's scan read it: undefined for a cell that holds
   * no text, or only white space (whose reading is that of '': no label, unit, title or year).
   */
  readingAt(row: number, col: number): CellReading | undefined {
    if (col < this.left) return undefined;
    return this.readings[row - this.top]?.[col - this.left];
  }

  /**
   * A cell that is a unit line (`（万元）`, `单位：元`), as the scan reads it; a bare `元` may be a unit
   * of measure, and is not one.
   */
  private isUnitOnly(row: number, col: number): boolean {
    return this.readingAt(row, col)?.unit?.line === true;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    if (col < this.left) return undefined;
    return this.covering[row - this.top]?.[col - this.left];
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

  /** The text of the cell itself: '' for a cell covered by a merge from above or from the left. */
  ownText(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) return '';
    return cellText(this.own(row, col));
  }

  field(row: number, col: number): Field {
    // The master of the merge, or the cell itself (as master(), without an object per field).
    const r = Math.min(row, LAST_ROW);
    const c = Math.min(col, LAST_COL);
    const m = this.mergeAt(r, c);
    const at = m ? m.top : r;
    const left = m ? m.left : c;
    const own = this.own(at, left);
    // An empty cell that only carries a format is, to the user, empty.
    const raw = own && ((own.value !== null && own.value !== undefined) || own.formula) ? own : undefined;
    return { cell: toA1(at, left), row: at, col: left, raw, text: cellText(raw) };
  }

  /**
   * field() with the 一级/二级 flag saying whether it continues the row above: the same object
   * Object.assign(field(), { inherited }) makes, built at once instead of grown by a property.
   */
  levelField(row: number, col: number, inherited: boolean): Field & { inherited: boolean } {
    const r = Math.min(row, LAST_ROW);
    const c = Math.min(col, LAST_COL);
    const m = this.mergeAt(r, c);
    const at = m ? m.top : r;
    const left = m ? m.left : c;
    const own = this.own(at, left);
    const raw = own && ((own.value !== null && own.value !== undefined) || own.formula) ? own : undefined;
    return { cell: toA1(at, left), row: at, col: left, raw, text: cellText(raw), inherited };
  }

  /** The last column a cell reaches, merges included. */
  reach(row: number, col: number): number {
    const m = this.mergeAt(row, col);
    return m ? m.right : col;
  }

  /** The last row a cell reaches, merges included. */
  depth(row: number, col: number): number {
    const m = this.mergeAt(row, col);
    return m ? m.bottom : row;
  }

  hitsIn(row: number): readonly Hit[] {
    return this.hits.get(row) ?? NO_HITS;
  }

  /** Rows whose labels are no table's (a project list's header and body): their hits are dropped. */
  forgetLabels(rows: Iterable<number>): void {
    for (const row of rows) this.hits.delete(row);
  }

  /** True when no cell of the row between the two columns holds anything. */
  rowEmpty(row: number, from: number, to: number): boolean {
    for (let col = from; col <= to; col++) if (!isBlank(this.own(row, col))) return false;
    return true;
  }

  firstFilledCol(row: number, from = this.left, to = this.right): number | undefined {
    for (let col = from; col <= to; col++) if (!isBlank(this.own(row, col))) return col;
    return undefined;
  }

  lastFilledReach(row: number): number {
    for (let col = this.right; col >= this.left; col--)
      if (!isBlank(this.own(row, col))) return this.reach(row, col);
    return this.left;
  }

  /** Every filled cell was classified when its row was scanned. */
  isLabel(row: number, col: number): boolean {
    return this.hits.get(row)?.some((h) => h.col === col) ?? false;
  }

  /**
   * The value of a label: the next non-empty cell to its right (past the label's merge); when that
   * is another label, or nothing follows, the first cell right of the label, where the user would type.
   */
  valueRight(hit: { row: number; col: number; embedded?: string }): Field {
    if (hit.embedded !== undefined) return this.embeddedField(hit.row, hit.col, hit.embedded);
    const start = this.valueStart(hit);
    for (let col = start; col <= this.right; col++) {
      const m = this.mergeAt(hit.row, col);
      if (m && (m.top !== hit.row || m.left !== col)) continue;
      const own = this.own(hit.row, col);
      if (isBlank(own)) continue;
      if (this.isLabel(hit.row, col)) break;
      if (isPrompt(own))
        return col === start ? this.embeddedField(hit.row, col, '') : this.field(hit.row, start);
      return this.field(hit.row, col);
    }
    return this.field(hit.row, start);
  }

  /**
   * The first column where a label's value may stand: right of the label, past a cell saying only a
   * money unit, and past columns with nothing in them anywhere on the sheet (a PDF converter's sliver
   * between two ruling lines is no place where the user would type the value).
   */
  private valueStart(hit: { row: number; col: number }): number {
    let start = this.afterUnit(hit.row, this.reach(hit.row, hit.col) + 1);
    while (start < this.right && this.emptyColumn(start)) start++;
    return start;
  }

  private emptyColumns: Set<number> | undefined;

  /** True when no cell of column `col` holds anything and no merge begins in it. */
  emptyColumn(col: number): boolean {
    if (!this.emptyColumns) {
      const used = new Set<number>();
      this.grid.cells.forEach((line) =>
        line?.forEach((cell, i) => {
          if (!isBlank(cell)) used.add(this.left + i);
        }),
      );
      // A merge begun in the column is a place to type; one only crossing it (a title over the
      // row) puts nothing there.
      for (const m of this.grid.merges) used.add(m.left);
      this.emptyColumns = new Set<number>();
      for (let c = this.left; c <= this.right; c++) if (!used.has(c)) this.emptyColumns.add(c);
    }
    return this.emptyColumns.has(col);
  }

  /**
   * The first column from `col` on that is not a cell saying only a money unit (`预算数 | （万元） | 50`)
   * or that a sum follows (`预算数 | 小计 | 50`, the parts listed under 小计), when a figure follows it.
   */
  private afterUnit(row: number, col: number): number {
    let at = col;
    for (;;) {
      if (at > this.right) return at;
      const own = this.own(row, at);
      if (this.isUnitOnly(row, at)) at = this.reach(row, at) + 1;
      else if (isSumWord(own) && !this.isLabel(row, at) && isAmount(this.own(row, this.reach(row, at) + 1)))
        at = this.reach(row, at) + 1;
      else return at;
    }
  }

  /**
   * The value of a field label (SPEC §5: a label is never a value): written in the label's own cell,
   * else the nearest cell to its right that is not a label — the first cell right of the label when
   * all is empty up to the next label, where the user would type. A label with another label right
   * beside it is a column heading: its value is the cell below, when that is not a label. Undefined
   * when there is no place for a value.
   */
  valueOf(hit: { row: number; col: number; embedded?: string }): Field | undefined {
    if (hit.embedded !== undefined) return this.embeddedField(hit.row, hit.col, hit.embedded);
    const start = this.valueStart(hit);
    if (start > this.right + 1 || start > LAST_COL) return undefined;
    if (!this.isLabel(hit.row, start)) {
      for (let col = start; col <= this.right; col++) {
        const m = this.mergeAt(hit.row, col);
        if (m && (m.top !== hit.row || m.left !== col)) continue;
        const own = this.own(hit.row, col);
        if (isBlank(own)) continue;
        if (this.isLabel(hit.row, col))
          return this.gappedHeadingValue(hit, start, col) ?? this.field(hit.row, start);
        // `地方资金 | 市： | 县：`: prompts with nothing typed after them; the value is empty.
        if (isPrompt(own))
          return col === start ? this.embeddedField(hit.row, col, '') : this.field(hit.row, start);
        return this.field(hit.row, col);
      }
      // Nothing right of it: the last heading of a row of headings (资金总额 | 财政拨款 | 其他资金) has
      // its value below, as its neighbours do.
      const below = this.lastHeadingValue(hit);
      if (below) return below;
      // The last of a row of headings at the sheet's right edge (资金来源 | 资金总额, sources listed
      // below): no cell of the sheet lies right of it, and the figure under it is a source's, not
      // the whole. There is no place for its value; the cell past the edge is none. A line of labels
      // and figures (`资金总额 | 35 | 财政拨款 | | 其他资金`) is no row of headings: its last label's
      // value is the empty cell past it, even with the label before it left without a figure.
      if (
        start > this.right &&
        this.leftNeighbour(hit) !== undefined &&
        !this.amountPast(hit.row, this.left - 1)
      )
        return undefined;
      // …nor where the row of figures under the headings is shifted against them.
      const under = this.under(hit.row, hit.col);
      if (
        under <= this.bottom &&
        isAmount(this.own(under, hit.col)) &&
        this.leftNeighbour(hit) !== undefined &&
        this.amountPast(under, this.lastFilledReach(hit.row))
      )
        return undefined;
      return this.field(hit.row, start);
    }
    let under = this.under(hit.row, hit.col);
    if (under > this.bottom || this.isLabel(under, hit.col)) return undefined;
    // A header of two rows without merges (`年度预算 | 其中` over `| 财政拨款 | 其他资金`): the figure
    // is under the sub-headings' row, where this heading's cell is empty.
    if (
      under < this.bottom &&
      isBlank(this.own(under, hit.col)) &&
      this.hitsIn(under).length > 0 &&
      isAmount(this.own(under + 1, hit.col))
    )
      under++;
    // A row of figures reaching past the headings is shifted against them: no figure is this one's.
    let headingsEnd = this.lastFilledReach(hit.row);
    for (let r = hit.row + 1; r < under; r++) headingsEnd = Math.max(headingsEnd, this.lastFilledReach(r));
    if (this.amountPast(under, headingsEnd)) return undefined;
    return this.field(under, hit.col);
  }

  /**
   * The cell under a label that ends its row, when the filled cell left of it is a label too and the
   * cell under it holds something that is not a label: a row of column headings.
   */
  private lastHeadingValue(hit: { row: number; col: number }): Field | undefined {
    const left = this.leftNeighbour(hit);
    if (!left) return undefined;
    const under = this.under(hit.row, hit.col);
    const leftUnder = this.under(left.row, left.col);
    // A row of figures under the row of headings: an amount under this one and under its neighbour.
    if (under > this.bottom || !isAmount(this.own(under, hit.col))) return undefined;
    if (leftUnder > this.bottom || !isAmount(this.own(leftUnder, left.col))) return undefined;
    if (this.amountPast(under, this.lastFilledReach(hit.row))) return undefined;
    return this.field(under, hit.col);
  }

  /**
   * The cell under a label whose row is headings with empty cells between them (`年度资金总额 | | 其中：
   * 财政拨款 |` over `50 | | 40 |`, the merges lost in a paste): an amount under this label and under the
   * next, and nothing under the empty cell right of this one, where the user would otherwise type.
   */
  private gappedHeadingValue(
    hit: { row: number; col: number },
    gap: number,
    next: number,
  ): Field | undefined {
    const under = this.under(hit.row, hit.col);
    if (under > this.bottom || this.under(hit.row, next) !== under) return undefined;
    if (!isAmount(this.own(under, hit.col)) || !isAmount(this.own(under, next))) return undefined;
    for (let col = gap; col < next; col++) if (!isBlank(this.own(under, col))) return undefined;
    return this.field(under, hit.col);
  }

  /** The nearest filled cell left of a label in its row, when that is a label too (a row of headings). */
  private leftNeighbour(hit: { row: number; col: number }): { row: number; col: number } | undefined {
    for (let col = hit.col - 1; col >= this.left; col--) {
      const p = this.master(hit.row, col);
      if (!isBlank(this.own(p.row, p.col))) return this.isLabel(p.row, p.col) ? p : undefined;
      col = Math.min(col, p.col);
    }
    return undefined;
  }

  /** A value written in its label's cell: the cell's address, the value's own text. */
  embeddedField(row: number, col: number, value: string): Field {
    const p = this.master(row, col);
    return { cell: toA1(p.row, p.col), row: p.row, col: p.col, raw: { value }, text: value, embedded: true };
  }

  /** The cell under a label (past its merge): where a header-style form has its value. */
  below(hit: { row: number; col: number }): Field {
    return this.field(this.under(hit.row, hit.col), hit.col);
  }

  /**
   * The row under a cell, past its merge and past rows with nothing in them anywhere (a PDF
   * converter's sliver between two ruling lines is no row where the user would type a value).
   */
  under(row: number, col: number): number {
    let under = this.depth(row, col) + 1;
    while (under < this.bottom && this.emptyRow(under)) under++;
    return under;
  }

  private rowsBegun: Set<number> | undefined;

  /** True when no cell of row `row` holds anything and no merge begins in it. */
  emptyRow(row: number): boolean {
    const line = this.grid.cells[row - this.top];
    if (line?.some((cell) => !isBlank(cell))) return false;
    this.rowsBegun ??= new Set(this.grid.merges.map((m) => m.top));
    return !this.rowsBegun.has(row);
  }
}

/**
 * One view that lives as long as the module. V8 reaches a class instance's hidden class through
 * transitions it holds weakly: when every SheetView of a read is garbage, a full collection frees
 * that hidden class, and all the reader's optimised code that relies on it is thrown away and
 * compiled again on the next read (a quarter of a read's time, measured). A permanent instance keeps
 * the hidden class, and with it the compiled reader, alive.
 */
export const SHEET_VIEW_SHAPE = new SheetView({ sheet: '', top: 0, left: 0, cells: [[]], merges: [] });
