/**
 * A Word .docx document → one plain grid per table (SPEC §7), for the same reader and rules as a
 * worksheet. Table N of the document (1-based, in document order) is the grid `表N`; its cells are
 * addressed as in a worksheet: column = grid column (`w:gridSpan` cells merged across, `w:vMerge`
 * down, `w:gridBefore` skipped), row = table row.
 * The few short paragraphs right above a table (its caption, the unit line, `单位：万元`) belong to
 * it: they become the rows above row 1 (negative rows, which have no address of their own). So do
 * the unit and title lines of a small layout table right above it (`填报单位：某局 | 单位：元` in a
 * borderless 1×2 table) and a unit line in a text box above it.
 * A table continued after a page break (only blank lines, `续表` or a page number between, no project
 * or form title of its own) is read with the table it continues, its rows numbered on, when it has
 * the same columns, or when its columns' edges lie on that table's (a PDF converter's next page, whose
 * piece lacks the lines of rows it does not hold: its cells are moved into the first piece's
 * columns); its own number N is left unused, so the tables after it keep theirs.
 * A table nested in a cell (an indicator block pasted into the `绩效指标` cell, a form inside a frame
 * table) is read as rows of the table holding it: its rows take the cell's place, in the cell's
 * columns (and more to the right when it is wider), the other cells of that row merged down beside
 * it; its own number is left unused. Only tables that each name a project, side by side in one row,
 * stay tables of their own.
 * An `w:altChunk` (an HTML or MHT page a web system embedded, which Word imports when it opens the
 * file) is read in its place as Word would show it; one this reader cannot read (RTF, a document in
 * a document) refuses the file, so that no total leaves its tables out unseen.
 *
 * No docx library: a Word table is a small part of WordprocessingML, and reading it with the bounded
 * zip reader and saxes (src/cli/bounded-zip.ts, the parser exceljs uses, no entity expansion) keeps
 * every untrusted byte within the limits the .xlsx reader has, counted as the grid is built, in the
 * same isolated worker (src/cli/isolate.ts).
 *
 * What is read is what Word shows (issue 14: documents a word processor wrote, not XML we wrote):
 * a tracked change as it now stands (`w:ins` read, `w:del`/`w:moveFrom` text and rows deleted with
 * tracking on left out), no hidden text (`w:vanish`), no placeholder text of an empty content control
 * (`w:showingPlcHdr`), no soft hyphen or zero-width character, field results but not field codes. A
 * table inside a text box (`w:txbxContent`, as PDF converters and frames leave them) is read once: the
 * fallback copy of the drawing (`mc:Fallback`) is skipped. The other text of a text box is no part of
 * the flow: it would land in a cell or a caption out of place. A symbol font's character (`w:sym`,
 * or a run in Symbol or Wingdings) is the character Word draws (`≥` for Symbol F0B3); one this reader
 * does not know is U+FFFD, never dropped. A content control showing its placeholder keeps its cells
 * and rows in their places; only its text is left out.
 */

import { promises as fs } from 'node:fs';
import type { SaxesTagPlain } from 'saxes';
import { isBlank, type CellRange, type Grid, type GridCell } from '../domain/grid';
import {
  localName,
  parseXml,
  ReadError,
  readZip,
  zipEntries,
  inflateEntry,
  type XmlVisitor,
  type ZipEntry,
} from './bounded-zip';
import { classifyKey, labelKey } from '../domain/lexicon';
import { unitStatedAfter } from '../domain/reader';
import { betweenPieces } from '../domain/stray';
import { moneyUnitIn, readCell } from '../domain/reader-labels';
import { MAX_COLUMN } from './exceljs-refs';
import { readIsolated } from './isolate';
import { DEFAULT_LIMITS, type XlsxLimits } from './zip-guard';

/** Paragraphs above a table that may belong to it, and how long one may be (body text is longer). */
const PREFACE_LINES = 4;
const PREFACE_CHARS = 120;

/** What a sheet-like name a document's table gets: `表1`, `表2` … */
export const docxTableName = (n: number): string => `表${n}`;

interface VerticalMerge {
  box: CellRange;
}

/** What a cell holding nested tables shows, top to bottom: its text between them, and the tables. */
type Block = { text: string } | { table: TableBuilder };

/** A cell read, placed when its row ends (a row holding a nested table grows to fit it). */
interface CellRecord {
  col: number;
  span: number;
  vMerge?: 'restart' | 'continue';
  text: string;
  /** Set when the cell holds nested tables: its content, in order. */
  blocks?: Block[];
}

class TableBuilder {
  readonly rows: (GridCell | undefined)[][] = [];
  /** The row being read was deleted with change tracking on (`w:trPr/w:del`): it is not shown. */
  deletedRow = false;
  readonly merges: CellRange[] = [];
  /** Grid column → the vertical merge running down it, for `w:vMerge` continuations. */
  private readonly vertical = new Map<number, VerticalMerge>();
  private col = 0;
  private row = -1;
  /** The cells of the row being read, placed when it ends. */
  private pending: CellRecord[] = [];
  /** Nested tables read as tables of their own (projects side by side in one row of a layout table). */
  readonly spilled: TableBuilder[] = [];
  /** The widths of the grid columns (`w:tblGrid/w:gridCol`, twips): where Word draws them. */
  readonly columnWidths: number[] = [];
  /** The table's indent from the margin (`w:tblInd`, twips). */
  indent = 0;
  cell:
    | {
        col: number;
        span: number;
        vMerge?: 'restart' | 'continue';
        text: string[];
        para: string;
        blocks: Block[];
      }
    | undefined;

  /**
   * The money unit a body paragraph stated since the table before this one (`单位：元` above a
   * section of tables, perhaps cut off from this table by a long paragraph): it counts for this table
   * and the ones after it that state none.
   */
  unitBefore: 1 | 0.0001 | undefined;

  constructor(
    readonly index: number,
    readonly preface: string[],
    /** How many text boxes deep the table is: text of deeper text boxes is not its text. */
    readonly boxDepth: number,
    private readonly limits: XlsxLimits,
  ) {}

  startRow(): void {
    if (this.pending.length > 0) this.endRow();
    this.row++;
    this.col = 0;
    this.deletedRow = false;
    this.rows.push([]);
  }

  /**
   * Ends a row: places its cells. A deleted one is taken out, and the vertical merges above run on
   * past it. A row with a nested table in a cell takes as many grid rows as that table has (and its
   * cell's text around it): the nested rows sit in the cell's columns, the row's other cells are
   * merged down beside them, so that the nested rows are read as rows of this table.
   */
  endRow(): void {
    const cells = this.pending;
    this.pending = [];
    if (this.row < 0) return;
    if (this.deletedRow) {
      this.rows.pop();
      this.row--;
      this.deletedRow = false;
      return;
    }
    // Two tables that each name a project, side by side in one row (a layout table holding them),
    // are two tables, not one: they stay tables of their own.
    const projects = cells.filter((c) => c.blocks?.some((b) => 'table' in b && b.table.namesProject()));
    if (projects.length > 1)
      for (const c of projects) {
        const blocks = c.blocks ?? [];
        for (const b of blocks) if ('table' in b) this.spilled.push(b.table);
        const text = blocks.filter((b) => 'text' in b);
        c.blocks = text.length > 0 ? text : undefined;
      }
    const top = this.row;
    const height = Math.max(1, ...cells.map((c) => (c.blocks ? blocksHeight(c.blocks) : 1)));
    for (let r = 1; r < height; r++) this.rows.push([]);
    // Columns a nested table wider than its cell adds: the cells right of it move over.
    let shift = 0;
    for (const c of cells) {
      const left = c.col + shift;
      if (c.blocks) {
        const width = Math.max(c.span, blocksWidth(c.blocks));
        this.placeBlocks(c.blocks, top, left, c.span, width);
        shift += width - c.span;
      } else this.place(c, top, left, height);
    }
    this.row = top + height - 1;
  }

  private addMerge(box: CellRange): void {
    this.merges.push(box);
    if (this.merges.length > this.limits.mergesPerSheet)
      throw new ReadError('too-many-merges', { limit: this.limits.mergesPerSheet });
  }

  private checkColumn(right: number): void {
    if (right >= MAX_COLUMN) throw new ReadError('too-many-columns', { limit: MAX_COLUMN });
  }

  /** A cell of a row `height` grid rows tall, at grid column `left`. */
  private place(c: CellRecord, top: number, left: number, height: number): void {
    const right = left + c.span - 1;
    this.checkColumn(right);
    const bottom = top + height - 1;
    const above = this.vertical.get(left);
    if (c.vMerge === 'continue' && above && above.box.right === right && above.box.bottom === top - 1) {
      above.box.bottom = bottom;
      return;
    }
    for (let col = left; col <= right; col++) this.vertical.delete(col);
    if (c.text.trim() !== '') this.rows[top][left] = { value: c.text, textOnly: true };
    if (c.span > 1 || c.vMerge === 'restart' || height > 1) {
      const box = { top, left, bottom, right };
      this.addMerge(box);
      if (c.vMerge === 'restart') this.vertical.set(left, { box });
    }
  }

  /** A cell's nested tables and the text around them, one below the other from `top`. */
  private placeBlocks(blocks: Block[], top: number, left: number, span: number, width: number): void {
    this.checkColumn(left + width - 1);
    for (let col = left; col < left + width; col++) this.vertical.delete(col);
    let r = top;
    for (const b of blocks) {
      if ('text' in b) {
        this.rows[r][left] = { value: b.text, textOnly: true };
        if (span > 1) this.addMerge({ top: r, left, bottom: r, right: left + span - 1 });
        r++;
        continue;
      }
      const nested = b.table;
      nested.rows.forEach((line, i) =>
        line.forEach((cell, j) => {
          if (cell) this.rows[r + i][left + j] = cell;
        }),
      );
      for (const m of nested.merges)
        if (m.bottom > m.top || m.right > m.left)
          this.addMerge({ top: m.top + r, left: m.left + left, bottom: m.bottom + r, right: m.right + left });
      r += nested.rows.length;
    }
  }

  /** `w:gridBefore`: grid columns left out at the start of the row. */
  skip(columns: number): void {
    this.col += columns;
  }

  startCell(): void {
    if (this.row < 0) this.startRow();
    this.cell = { col: this.col, span: 1, text: [], para: '', blocks: [] };
  }

  /** A table nested in the open cell, after the cell's text so far. */
  nest(table: TableBuilder): void {
    const c = this.cell;
    if (!c) return;
    const text = cellText(c);
    c.text = [];
    c.para = '';
    if (text.trim() !== '') c.blocks.push({ text });
    c.blocks.push({ table });
  }

  endCell(limits: XlsxLimits, counted: { cells: number }): void {
    const c = this.cell;
    if (!c) return;
    this.cell = undefined;
    const text = cellText(c);
    const span = c.span;
    const right = c.col + span - 1;
    this.checkColumn(right);
    counted.cells += span;
    if (counted.cells > limits.cells) throw new ReadError('too-many-cells', { limit: limits.cells });
    this.col = right + 1;
    if (this.deletedRow) return;
    if (c.blocks.length === 0) {
      this.pending.push({ col: c.col, span, vMerge: c.vMerge, text });
      return;
    }
    const blocks = text.trim() !== '' ? [...c.blocks, { text }] : c.blocks;
    this.pending.push({ col: c.col, span, text: '', blocks });
  }

  /** The number of grid columns the table fills. */
  width(): number {
    return Math.max(0, ...this.rows.map((r) => r.length), ...this.merges.map((m) => m.right + 1));
  }

  /**
   * Takes the rows of `next`, the same table continued after a page break, as its own rows below
   * (a header row repeated at the top of the continuation is dropped: it is no indicator).
   */
  absorb(next: TableBuilder): void {
    const key = (row: (GridCell | undefined)[] | undefined): string =>
      (row ?? []).map((c) => (c ? String(c.value) : '')).join('\u0001');
    // A header repeats the form's words (一级指标 | 二级指标 | …); an indicator row may repeat another
    // (the same 88 under 质量指标 in the 长期 block and the 年度), and is kept.
    const header = (row: (GridCell | undefined)[] | undefined): boolean =>
      (row ?? []).filter(formsWord).length >= 2;
    const first = next.rows[0];
    const skip =
      next.rows.length > 1 && header(first) && this.rows.some((r) => key(r) === key(first)) ? 1 : 0;
    const offset = this.rows.length - skip;
    const last = this.rows.length - 1;
    this.rows.push(...next.rows.slice(skip));
    for (const m of next.merges) {
      if (m.top < skip) continue;
      // A merge the page cut goes on: an empty cell merged down from the piece's first row, under a
      // merge of the same columns that reaches the first piece's last row, or under a cell of its
      // one column there (一级 cells, a project's cells down a flat export), is that merge continued.
      const cut = last >= 0 && m.top === skip && isBlank(next.rows[m.top]?.[m.left]);
      const above = cut ? this.merges.find((a) => inside(a, last, m.left)) : undefined;
      // What the merge above holds is a value (a project, a 一级), not a heading (`一级指标` over the
      // rows, whose own merge ended there).
      const master = above ? this.rows[above.top]?.[above.left] : this.rows[last]?.[m.left];
      const heading = formsWord(master);
      // One row on each side is two cells of one row each, as often as one merge cut (an empty 指标值
      // merged across its columns under a filled one): left as they are.
      const tall = m.bottom > m.top || (above !== undefined && above.bottom > above.top);
      if (
        above &&
        tall &&
        !heading &&
        above.bottom === last &&
        above.left === m.left &&
        above.right === m.right
      )
        above.bottom = m.bottom + offset;
      // (a merge cut to its one row above the page is a plain cell there)
      else if (cut && !above && !heading && !isBlank(master) && m.left === m.right && m.bottom > m.top)
        this.merges.push({ ...m, top: last, bottom: m.bottom + offset });
      else this.merges.push({ ...m, top: m.top + offset, bottom: m.bottom + offset });
    }
    this.row = this.rows.length - 1;
  }

  /**
   * `next` (a piece of this table after a page break, in columns of its own) with its cells moved
   * into this table's columns, when every edge of its columns lies on an edge of this table's
   * columns (as on the page: a PDF converter draws the lines of each page's piece, and the piece
   * after the first lacks the lines of the rows it does not have); undefined when they do not line
   * up, or either table does not say where its columns are.
   */
  aligned(next: TableBuilder): TableBuilder | undefined {
    const edges = (t: TableBuilder): number[] => {
      const out = [t.indent];
      for (const w of t.columnWidths) out.push((out[out.length - 1] ?? 0) + w);
      return out;
    };
    const mine = edges(this);
    const theirs = edges(next);
    if (this.columnWidths.length < this.width() || next.columnWidths.length < next.width()) return undefined;
    if (theirs.length < 2) return undefined;
    // Half a millimetre and a little (twips): the same line drawn on two pages. Both lists of edges
    // run left to right: one pass over each.
    const near = 40;
    const at: number[] = [];
    let i = 0;
    for (const x of theirs) {
      while (i < mine.length && (mine[i] ?? 0) < x - near) i++;
      if (i >= mine.length || !(Math.abs(x - (mine[i] ?? 0)) <= near)) return undefined;
      at.push(i++);
    }
    return this.moved(next, at);
  }

  /**
   * `next` with its cells moved into this table's columns by its first row, a header this table
   * holds too (the same texts in the same order, each over the same columns as this table's: a
   * header row repeated on each page, its piece drawn in columns of its own); undefined when it
   * begins with no such row, or a column of it lies under no text of its header.
   */
  byHeader(next: TableBuilder): TableBuilder | undefined {
    const header = next.rows[0];
    if (!header || header.filter(formsWord).length < 2) return undefined;
    /** A row's filled cells, each with the columns it covers (its merge's, or its own). */
    const spans = (t: TableBuilder, r: number): { text: string; left: number; right: number }[] => {
      const out: { text: string; left: number; right: number }[] = [];
      (t.rows[r] ?? []).forEach((cell, c) => {
        if (isBlank(cell)) return;
        const m = t.merges.find((x) => inside(x, r, c));
        out.push({
          text: String(cell?.value).replace(/\s+/g, ''),
          left: m ? m.left : c,
          right: m ? m.right : c,
        });
      });
      return out;
    };
    const theirs = spans(next, 0);
    const width = next.width();
    // Their header's cells must cover every column of the piece, one after the other.
    if (theirs[0]?.left !== 0 || theirs.some((h, i) => i > 0 && h.left !== (theirs[i - 1]?.right ?? 0) + 1))
      return undefined;
    if ((theirs[theirs.length - 1]?.right ?? -1) !== width - 1) return undefined;
    // A header cell over several of its columns would leave the columns inside it unplaced.
    if (theirs.some((h) => h.right > h.left)) return undefined;
    for (let r = 0; r < this.rows.length; r++) {
      const mine = spans(this, r);
      if (mine.length !== theirs.length || mine.some((h, i) => h.text !== theirs[i]?.text)) continue;
      const at: number[] = [];
      theirs.forEach((h, i) => {
        const own = mine[i];
        at[h.left] = own.left;
        at[h.right + 1] = own.right + 1;
      });
      return this.moved(next, at);
    }
    return undefined;
  }

  /** `next`'s rows and merges moved into this table's columns: its column j covers at[j] .. at[j + 1] - 1. */
  private moved(next: TableBuilder, at: number[]): TableBuilder {
    const columns = at.length - 1;
    const from = (j: number): number => at[j] ?? 0;
    const to = (j: number): number => (at[j + 1] ?? 0) - 1;
    const moved = new TableBuilder(next.index, next.preface, next.boxDepth, this.limits);
    for (const m of next.merges) moved.merges.push({ ...m, left: from(m.left), right: to(m.right) });
    next.rows.forEach((row, r) => {
      const line: (GridCell | undefined)[] = [];
      for (let j = 0; j < columns; j++) {
        const cell = row[j];
        if (cell !== undefined) line[from(j)] = cell;
        // A cell over several of this table's columns is merged across them.
        if (to(j) > from(j) && next.merges.every((m) => !inside(m, r, j)))
          moved.merges.push({ top: r, bottom: r, left: from(j), right: to(j) });
      }
      moved.rows.push(line);
    });
    return moved;
  }

  /**
   * How many rows this table begins with before a table of its own begins in it (the next page's
   * piece of a PDF, holding the end of one project's table and the start of the next's): the rows
   * above its first row that names a project or a form, less the title, year, unit and other lines
   * of one cell right above that row (they are the next table's); 0 when it begins with its own.
   */
  leadingRows(): number {
    let k = this.rows.findIndex(namesProject);
    if (k <= 0) return 0;
    while (k > 0 && lineOfItsOwn(this.rows[k - 1] ?? [])) k--;
    return this.rows.slice(0, k).some((r) => r.some((c) => !isBlank(c))) ? k : 0;
  }

  /** The rows before `k` and from `k` on, as two tables (merges cut between them). */
  splitAt(k: number): [TableBuilder, TableBuilder] {
    const head = new TableBuilder(this.index, this.preface, this.boxDepth, this.limits);
    const tail = new TableBuilder(this.index, [], this.boxDepth, this.limits);
    head.rows.push(...this.rows.slice(0, k));
    tail.rows.push(...this.rows.slice(k));
    for (const m of this.merges) {
      if (m.top < k) head.merges.push({ ...m, bottom: Math.min(m.bottom, k - 1) });
      if (m.bottom >= k) tail.merges.push({ ...m, top: Math.max(m.top, k) - k, bottom: m.bottom - k });
    }
    for (const t of [head, tail]) {
      t.columnWidths.push(...this.columnWidths);
      t.indent = this.indent;
      t.unitBefore = this.unitBefore;
    }
    return [head, tail];
  }

  /** True when a cell names a project or a form (项目名称, 项目编码, …申报表): a table of its own. */
  namesProject(): boolean {
    return this.rows.some(namesProject);
  }

  /** Each row's text on one line, cells apart: how a layout table above a table reads. */
  lines(): string[] {
    return this.rows.map((r) =>
      r
        .map((c) => (c ? String(c.value) : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }

  /**
   * A small table of header lines above a table (a borderless 1×2 `填报单位：某局 | 单位：元`, a title
   * cell): its lines that state a money unit or a form title are the next table's caption and unit
   * lines, as the same lines written as paragraphs would be. A table naming a project or holding
   * more than a few short rows is a table of its own.
   */
  prefaceLines(): string[] {
    if (this.rows.length === 0 || this.rows.length > PREFACE_LINES) return [];
    const lines = this.lines();
    if (lines.some((l) => l.length > PREFACE_CHARS)) return [];
    const naming = this.rows.some((r) =>
      r.some((c) => {
        if (!c || typeof c.value !== 'string') return false;
        // `项目名称`, or `项目名称：某项目` with its value in the cell
        return [c.value, c.value.split(/[:：]/u)[0]].some((text) => {
          const kind = classifyKey(labelKey(text))?.kind;
          return kind === 'name' || kind === 'code';
        });
      }),
    );
    if (naming) return [];
    return lines.filter(
      (line, i) =>
        line !== '' &&
        (statesUnit(line) ||
          FORM_TITLE.test(line) ||
          this.rows[i].some((c) => c !== undefined && statesUnit(String(c.value)))),
    );
  }

  grid(): Grid {
    const preface = this.preface.map((line): (GridCell | undefined)[] => [{ value: line, textOnly: true }]);
    return {
      sheet: docxTableName(this.index),
      // `0 - n`, not `-n`: a table with no lines above starts at 0, not at -0.
      top: 0 - preface.length,
      left: 0,
      cells: [...preface, ...this.rows],
      merges: this.merges.filter((m) => m.bottom > m.top || m.right > m.left),
    };
  }
}

/**
 * A form's title as a cell's whole text (`项目支出绩效自评表`, `…申报表（2024年度）`), not words in an
 * indicator's name (`是否完成绩效目标申报表中申报的数量`).
 */
const TITLE_CELL = /(?:目标|申报|自评|评价|批复|审批)表\s*(?:[（(][^（()）]*[)）])?\s*$/u;

/** A row that names a project or a form (项目名称, 项目编码, 部门名称, …申报表): a table begins there. */
function namesProject(row: (GridCell | undefined)[]): boolean {
  return row.some((c) => {
    if (!c || typeof c.value !== 'string' || c.value.length > 40) return false;
    if (TITLE_CELL.test(c.value)) return true;
    const kind = classifyKey(labelKey(c.value))?.kind;
    return kind === 'name' || kind === 'code' || kind === 'entity';
  });
}

/** A line of one cell (a title, a year, a page number), or one that states a money unit. */
function lineOfItsOwn(row: (GridCell | undefined)[]): boolean {
  const filled = row.filter((c) => !isBlank(c));
  return filled.length <= 1 || filled.some((c) => typeof c?.value === 'string' && statesUnit(c.value));
}

/** A cell holding one of the form's own words (一级指标, 项目名称 …): a heading, no value. */
const formsWord = (c: GridCell | undefined): boolean =>
  c !== undefined && typeof c.value === 'string' && classifyKey(labelKey(c.value)) !== undefined;

const inside = (m: CellRange, row: number, col: number): boolean =>
  row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;

/** A cell's paragraphs so far, one a line, blank lines at either end left out. */
const cellText = (c: { text: string[]; para: string }): string =>
  [...c.text, c.para].join('\n').replace(/^\n+|\n+$/g, '');

/** How many grid rows a cell's nested tables and text take. */
function blocksHeight(blocks: Block[]): number {
  return blocks.reduce((n, b) => n + ('text' in b ? 1 : b.table.rows.length), 0);
}

/** How many grid columns a cell's nested tables take. */
function blocksWidth(blocks: Block[]): number {
  return Math.max(1, ...blocks.map((b) => ('text' in b ? 1 : b.table.width())));
}

/** A line that states a money unit (`单位：元`, `金额单位：万元`, `填报单位：某局 单位：元`). */
function statesUnit(line: string): boolean {
  return unitOfLine(line) !== undefined;
}

/** The money unit a line states, as the scale of its amounts in 万元 (元: 0.0001). */
function unitOfLine(line: string): 1 | 0.0001 | undefined {
  const text = line.trim();
  if (text === '' || text.length > PREFACE_CHARS) return undefined;
  return moneyUnitIn(labelKey(text), text.normalize('NFKC'))?.scale;
}

/** True when some text of the grid states a money unit (a unit line, `项目资金（元）`, a title's). */
function statesAnyUnit(grid: Grid): boolean {
  return grid.cells.some((line) =>
    line.some((c) => typeof c?.value === 'string' && readCell(c.value.trim()).unit !== undefined),
  );
}

/**
 * The document's grids in order, each told the money unit stated before it (SPEC §5: a unit stated
 * once counts for every table under it until another is stated): a `单位：元` paragraph over a
 * section of tables is the first table's unit line, and the unit of the tables after it that state
 * none, as on a sheet.
 */
function withUnitsCarried(tables: TableBuilder[]): Grid[] {
  let carried: 1 | 0.0001 | undefined;
  return tables.map((table) => {
    carried = table.unitBefore ?? carried;
    const grid = table.grid();
    if (carried !== undefined) grid.unitAbove = carried;
    if (statesAnyUnit(grid)) carried = unitStatedAfter(grid, carried);
    return grid;
  });
}

const intAttr = (tag: SaxesTagPlain, fallback: number): number => {
  for (const [name, value] of Object.entries(tag.attributes)) {
    if (localName(name) !== 'val') continue;
    const n = Number(String(value).trim());
    return Number.isFinite(n) ? Math.floor(n) : fallback;
  }
  return fallback;
};

/** A length attribute (`w:w` of `w:gridCol` or `w:tblInd`), in twips; undefined when absent or not one. */
const widthAttr = (tag: SaxesTagPlain): number | undefined => {
  for (const [name, value] of Object.entries(tag.attributes)) {
    if (localName(name) !== 'w') continue;
    const n = Number(String(value).trim());
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  }
  return undefined;
};

const valAttr = (tag: SaxesTagPlain): string | undefined => {
  for (const [name, value] of Object.entries(tag.attributes))
    if (localName(name) === 'val') return String(value);
  return undefined;
};

/** `w:vanish` and other on/off properties: on unless `w:val` says false. */
const onOff = (tag: SaxesTagPlain): boolean => !/^(?:false|0|off)$/i.test((valAttr(tag) ?? '').trim());

/** A form's title in a cell: `项目绩效目标表`, `…申报表`, `…自评表` … */
const FORM_TITLE = /(?:目标|申报|自评|评价|批复|审批)表/u;

/**
 * A tracked change of formatting keeps the properties as they were (an old `w:gridSpan`, an old
 * font): what Word shows is the properties outside it.
 */
const PROPERTY_CHANGES = [
  'rPrChange',
  'pPrChange',
  'tcPrChange',
  'trPrChange',
  'tblPrChange',
  'sectPrChange',
];

/** Characters Word does not draw (a soft hyphen only at a line's end): never part of a value. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Symbol fonts draw their own picture for a character code (Insert → Symbol writes `w:sym`, or a run
 * in the font): the code → the Unicode character Word shows. Codes are the font's own (0x20–0xFF);
 * Word also writes them in the private-use area, 0xF020–0xF0FF.
 */
const SYMBOL_FONT: Record<number, string> = {
  ...Object.fromEntries([...' !∀#∃%&∋()∗+,−./0123456789:;<=>?≅'].map((ch, i) => [0x20 + i, ch] as const)),
  ...Object.fromEntries([...'ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_'].map((ch, i) => [0x41 + i, ch] as const)),
  ...Object.fromEntries([...'αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼'].map((ch, i) => [0x61 + i, ch] as const)),
  ...Object.fromEntries(
    [...'€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪'].map(
      (ch, i) => [0xa0 + i, ch] as const,
    ),
  ),
  ...Object.fromEntries([...'〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭'].map((ch, i) => [0xf1 + i, ch] as const)),
};
/** Wingdings' and Wingdings 2's characters a form uses: check boxes, ticks, bullets. */
const WINGDINGS: Record<number, string> = {
  0x6c: '●',
  0x6e: '■',
  0x6f: '□',
  0x71: '❑',
  0x75: '◆',
  0x76: '❖',
  0xa1: '○',
  0xa7: '▪',
  0xa8: '◻',
  0xd8: '➢',
  0xfb: '✗',
  0xfc: '✓',
  0xfd: '☒',
  0xfe: '☑',
};
const WINGDINGS_2: Record<number, string> = { 0x4f: '✗', 0x50: '✓', 0x52: '☑', 0x54: '☒', 0xa3: '□' };

/** The character table of a symbol font, by its name (`Symbol`, `Wingdings`, `Wingdings 2`). */
function symbolTable(font: string | undefined): Record<number, string> | undefined {
  const name = (font ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (name === 'symbol') return SYMBOL_FONT;
  if (name === 'wingdings') return WINGDINGS;
  if (name === 'wingdings 2') return WINGDINGS_2;
  return undefined;
}

/**
 * What a symbol font's character code shows. A code this reader does not know is U+FFFD, never
 * nothing: a value with a symbol left out (`≥100` read as `100`) would say something else.
 */
function symbolChar(table: Record<number, string> | undefined, code: number): string {
  const own = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  if (table) return table[own] ?? (own < 0x20 ? '' : '\ufffd');
  // A font this reader has no table for: a Unicode character is itself, a private-use one unknown.
  if (code >= 0xe000 && code <= 0xf8ff) return '\ufffd';
  return code >= 0x20 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** `w:sym` — a symbol font's character: `w:font` and `w:char` (hex). */
function symText(tag: SaxesTagPlain): string {
  let font: string | undefined;
  let char: string | undefined;
  for (const [name, value] of Object.entries(tag.attributes)) {
    if (localName(name) === 'font') font = String(value);
    else if (localName(name) === 'char') char = String(value).trim();
  }
  const code = char !== undefined && /^[0-9a-f]{1,6}$/i.test(char) ? parseInt(char, 16) : NaN;
  return Number.isFinite(code) ? symbolChar(symbolTable(font), code) : '\ufffd';
}

/** The symbol font a run's `w:rFonts` sets for its Latin text (`w:ascii`/`w:hAnsi`), if it is one. */
function runSymbolTable(tag: SaxesTagPlain): Record<number, string> | undefined {
  for (const [name, value] of Object.entries(tag.attributes)) {
    const local = localName(name);
    if (local !== 'ascii' && local !== 'hAnsi') continue;
    const table = symbolTable(String(value));
    if (table) return table;
  }
  return undefined;
}

/** A run's text in a symbol font: its Latin characters are the font's codes. */
const inSymbolFont = (text: string, table: Record<number, string>): string =>
  text.replace(/[\u0020-\u00ff\uf020-\uf0ff]/g, (ch) => symbolChar(table, ch.charCodeAt(0)));

/**
 * What text written in the font `font` shows (a .doc's run, src/cli/read-doc.ts): in a symbol font
 * (Symbol, Wingdings), its Latin characters are that font's; in another, the text itself.
 */
export function textInFont(font: string | undefined, text: string): string {
  const table = symbolTable(font);
  return table ? inSymbolFont(text, table) : text;
}

/** True when `font` is a symbol font (Symbol, Wingdings): its codes are characters of its own. */
export const isSymbolFont = (font: string | undefined): boolean => symbolTable(font) !== undefined;

/** A symbol Word inserted as a font's character code (`w:sym`, a .doc's sprmCSymbol). */
export const symbolInFont = (font: string | undefined, code: number): string =>
  symbolChar(symbolTable(font), code);

/** What an `w:altChunk`'s relationship id resolves to: the part's bytes, or why it cannot be read. */
type ChunkSource = (id: string) => { name: string; data: Buffer } | undefined;

/** The visitor that builds the grids of word/document.xml while the bounded parser walks it. */
function documentVisitor(
  limits: XlsxLimits,
  chunk: ChunkSource = () => undefined,
): { visitor: XmlVisitor; grids: () => Grid[] } {
  const done: TableBuilder[] = [];
  const stack: TableBuilder[] = [];
  const counted = { cells: 0, rows: 0 };
  /** Element depth, and the depth of the element whose content is not shown (0: none). */
  let depth = 0;
  let skipFrom = 0;
  let inText = 0;
  let inRun = 0;
  let inRowProps = 0;
  /** The current run is hidden text (`w:vanish`). */
  let hidden = false;
  /** The current run's Latin text is in a symbol font (Symbol, Wingdings): its characters' table. */
  let runSymbols: Record<number, string> | undefined;
  /** Text boxes open around the current point. */
  let boxes = 0;
  /** Per open content control: it shows its placeholder, not content (`w:showingPlcHdr`). */
  const controls: boolean[] = [];
  /** Per open `w:sdtContent`: its control shows its placeholder. */
  const contents: boolean[] = [];
  /**
   * Placeholder contents open around the current point: their text is not shown as a value, but their
   * cells and rows still take their places in the table.
   */
  let placeholder = 0;
  let tables = 0;
  /** Body paragraphs since the last table, most recent last. */
  let recent: string[] = [];
  /** The money unit the last body paragraph stating one since the last table said. */
  let unitSaid: 1 | 0.0001 | undefined;
  let para: string | undefined;
  /** The paragraphs of text boxes open around the current point, innermost last. */
  const boxParas: string[] = [];
  /** Bytes of embedded chunks (`w:altChunk`) read so far, against the limit of the whole file. */
  let chunkBytes = 0;
  /**
   * The last body-level table, while nothing but blank paragraphs (a page or section break) or a
   * `续表` or page-number line (`- 2 -`, `第2页`) follows it: a table opened now may be its continuation.
   */
  let continued: TableBuilder | undefined;

  /** Elements whose content Word does not show: a drawing's fallback copy, deleted text. */
  const HIDDEN = new Set(['Fallback', 'del', 'moveFrom', ...PROPERTY_CHANGES]);
  /** Inside a text box, with no table of that text box open: text out of the flow. */
  const outOfFlow = (): boolean => boxes > (stack[stack.length - 1]?.boxDepth ?? 0);
  const add = (s: string): void => {
    if (hidden || placeholder > 0) return;
    if (outOfFlow()) {
      if (boxParas.length > 0) boxParas[boxParas.length - 1] += s;
      return;
    }
    const table = stack[stack.length - 1];
    if (table?.cell) table.cell.para += s;
    else if (!table && para !== undefined) para += s;
  };
  /** A line of body text (or one taken as such) above the next table. */
  const pushRecent = (line: string): void => {
    if (line !== '' && !betweenPieces(line)) continued = undefined;
    unitSaid = unitOfLine(line) ?? unitSaid;
    if (line !== '') recent.push(line.length > PREFACE_CHARS ? '' : line);
    // A long paragraph is body text: what is above it is no table's caption.
    if (line.length > PREFACE_CHARS) recent = [];
    if (recent.length > PREFACE_LINES) recent.shift();
  };
  /**
   * A paragraph of a text box: no part of the flow, except a line stating the money unit (`单位：元`
   * in a box set right above the table), which is the unit line of the table below — or, in a box
   * anchored in a table's first row, of that table.
   */
  const boxLine = (text: string): void => {
    const line = text.replace(/\s+/g, ' ').trim();
    if (!statesUnit(line)) return;
    const outer = stack[0];
    if (!outer) pushRecent(line);
    else if (outer.rows.length <= 1 && outer.preface.length < PREFACE_LINES + 1) outer.preface.push(line);
  };

  const visitor: XmlVisitor = {
    open(tag) {
      depth++;
      if (skipFrom) return;
      const name = localName(tag.name);
      const table = stack[stack.length - 1];
      if (name === 'del' && inRowProps && table) {
        // a row deleted with tracking on: `w:del` in its `w:trPr`, its text in `w:del` runs
        table.deletedRow = true;
        skipFrom = depth;
        return;
      }
      if (HIDDEN.has(name)) {
        skipFrom = depth;
        return;
      }
      switch (name) {
        case 'tbl': {
          if (++tables > limits.sheets) throw new ReadError('too-many-sheets', { limit: limits.sheets });
          const preface = table ? [] : recent.slice(-PREFACE_LINES);
          const opened = new TableBuilder(tables, preface, boxes, limits);
          if (!table) {
            recent = [];
            opened.unitBefore = unitSaid;
            unitSaid = undefined;
          }
          stack.push(opened);
          return;
        }
        case 'tr':
          if (++counted.rows > limits.rows) throw new ReadError('too-many-rows', { limit: limits.rows });
          table?.startRow();
          return;
        case 'trPr':
          inRowProps++;
          return;
        case 'gridBefore':
          if (table && !table.cell) table.skip(Math.max(0, Math.min(intAttr(tag, 0), MAX_COLUMN)));
          return;
        case 'gridCol':
          // The table's own grid, before its first row (a nested table's is its own).
          if (table && table.rows.length === 0 && table.columnWidths.length < MAX_COLUMN)
            table.columnWidths.push(widthAttr(tag) ?? Number.NaN);
          return;
        case 'tblInd': {
          // In twips (`dxa`, the default); an indent in other units leaves the columns unplaced.
          const type = Object.entries(tag.attributes).find(([n]) => localName(n) === 'type')?.[1];
          if (table && table.rows.length === 0)
            table.indent = type === undefined || String(type) === 'dxa' ? (widthAttr(tag) ?? 0) : Number.NaN;
          return;
        }
        case 'tc':
          table?.startCell();
          return;
        case 'gridSpan':
          if (table?.cell) table.cell.span = Math.max(1, intAttr(tag, 1));
          return;
        case 'vMerge':
          if (table?.cell) table.cell.vMerge = valAttr(tag) === 'restart' ? 'restart' : 'continue';
          return;
        case 'txbxContent':
          boxes++;
          return;
        case 'sdt':
          controls.push(false);
          return;
        case 'showingPlcHdr':
          if (controls.length > 0 && onOff(tag)) controls[controls.length - 1] = true;
          return;
        case 'sdtContent': {
          const shows = controls[controls.length - 1] === true;
          contents.push(shows);
          if (shows) placeholder++;
          return;
        }
        case 'p':
          if (outOfFlow()) {
            boxParas.push('');
            return;
          }
          if (!table) para = '';
          else if (table.cell && (table.cell.para !== '' || table.cell.text.length > 0)) {
            table.cell.text.push(table.cell.para);
            table.cell.para = '';
          }
          return;
        case 'r':
          inRun++;
          hidden = false;
          runSymbols = undefined;
          return;
        case 'rFonts':
          if (inRun) runSymbols = runSymbolTable(tag);
          return;
        case 'vanish':
          if (inRun) hidden = onOff(tag);
          return;
        case 't':
          inText++;
          return;
        case 'sym':
          if (inRun) add(symText(tag));
          return;
        case 'tab':
        case 'ptab':
          if (inRun) add('\t');
          return;
        case 'br':
        case 'cr':
          if (inRun) add('\n');
          return;
        case 'noBreakHyphen':
          if (inRun) add('-');
          return;
        case 'altChunk':
          if (placeholder === 0) readChunk(tag);
          return;
      }
    },
    close(tagName) {
      const closing = depth--;
      if (skipFrom) {
        if (closing === skipFrom) skipFrom = 0;
        return;
      }
      const name = localName(tagName);
      const table = stack[stack.length - 1];
      switch (name) {
        case 'tbl': {
          let finished = stack.pop();
          if (!finished) return;
          finished.endCell(limits, counted);
          finished.endRow();
          done.push(...finished.spilled);
          const parent = stack[stack.length - 1];
          // A table nested in a cell is read as rows of the table holding it (its number unused).
          if (parent?.cell && parent.boxDepth === finished.boxDepth) {
            parent.nest(finished);
            return;
          }
          if (stack.length > 0 || finished.boxDepth > 0) {
            done.push(finished);
            return;
          }
          // A table split at a page break (by hand, or by a PDF converter, one table a page) is one
          // table: nothing but blank lines, 续表 or a page number between, no project of its own, the
          // same columns or columns whose edges lie on the first piece's.
          const previous = continued;
          const joinable = (t: TableBuilder): TableBuilder | undefined =>
            previous && (previous.width() === t.width() ? t : (previous.aligned(t) ?? previous.byHeader(t)));
          let piece: TableBuilder | undefined;
          let rest: TableBuilder | undefined = finished;
          if (previous && !finished.namesProject()) {
            piece = joinable(finished);
            if (piece) rest = undefined;
          } else if (previous) {
            // A page's piece that ends one project's table and begins the next project's.
            const head = finished.leadingRows();
            const [ending, next] = head > 0 ? finished.splitAt(head) : [];
            piece = ending && joinable(ending);
            if (piece) rest = next;
          }
          if (previous && piece) {
            previous.absorb(piece);
            if (previous.merges.length > limits.mergesPerSheet)
              throw new ReadError('too-many-merges', { limit: limits.mergesPerSheet });
          }
          if (!rest) return;
          finished = rest;
          done.push(finished);
          // A small table of header lines (`填报单位：某局 | 单位：元`): its unit and title lines are
          // the caption of the table below, as the same lines written as paragraphs would be.
          const lines = finished.prefaceLines();
          if (lines.length > 0) {
            recent = [...finished.preface, ...lines].slice(-PREFACE_LINES);
            continued = undefined;
          } else continued = finished;
          return;
        }
        case 'tr':
          table?.endRow();
          return;
        case 'trPr':
          inRowProps = Math.max(0, inRowProps - 1);
          return;
        case 'tc':
          table?.endCell(limits, counted);
          return;
        case 'txbxContent':
          boxes = Math.max(0, boxes - 1);
          return;
        case 'sdt':
          controls.pop();
          return;
        case 'sdtContent':
          if (contents.pop()) placeholder = Math.max(0, placeholder - 1);
          return;
        case 'p':
          if (outOfFlow()) {
            const text = boxParas.pop();
            if (text !== undefined) boxLine(text);
            return;
          }
          if (!table && para !== undefined) {
            pushRecent(para.replace(/\s+/g, ' ').trim());
            para = undefined;
          }
          return;
        case 'r':
          inRun = Math.max(0, inRun - 1);
          hidden = false;
          runSymbols = undefined;
          return;
        case 't':
          inText = Math.max(0, inText - 1);
          return;
      }
    },
    text(text) {
      if (skipFrom || !inText) return;
      const shown = text.replace(INVISIBLE, '');
      add(runSymbols ? inSymbolFont(shown, runSymbols) : shown);
    },
  };

  /**
   * `w:altChunk`: content Word imports when it opens the document (an HTML or MHT page a web system
   * wrote, a text file). An HTML table is read as a Word table would be, in its place; content this
   * reader cannot read refuses the document, so that no total is given without it.
   */
  function readChunk(tag: SaxesTagPlain): void {
    let id: string | undefined;
    for (const [attr, value] of Object.entries(tag.attributes))
      if (localName(attr) === 'id') id = String(value);
    const part = id === undefined ? undefined : chunk(id);
    if (!part) throw new ReadError('other-format', { ext: 'altChunk' });
    chunkBytes += part.data.length;
    if (chunkBytes > limits.unzippedBytes)
      throw new ReadError('unzipped-too-large', { limit: Math.round(limits.unzippedBytes / (1024 * 1024)) });
    const html = chunkHtml(part.name, part.data);
    if (html === undefined) {
      const ext = /\.[a-z0-9]{1,8}$/i.exec(part.name)?.[0].toLowerCase() ?? '';
      throw new ReadError('other-format', { ext: `altChunk ${ext}`.trim() });
    }
    // The chunk's markup drives this visitor as Word's would: paragraphs, tables, rows, cells, merges.
    htmlInto(visitor, html, limits);
  }

  return { visitor, grids: () => withUnitsCarried(done.sort((a, b) => a.index - b.index)) };
}

/** HTML driving a Word document's visitor as Word's own markup would (htmlToWord). */
function htmlInto(visitor: XmlVisitor, html: string, limits: XlsxLimits): void {
  htmlToWord(html, sinkInto(visitor), limits.elements);
}

/** A sink whose elements reach `visitor` as Word's own (`p` → `w:p`). */
function sinkInto(visitor: XmlVisitor): WordSink {
  const element = (name: string, attributes: Record<string, string> = {}): SaxesTagPlain => ({
    name: `w:${name}`,
    attributes,
    isSelfClosing: false,
  });
  return {
    open: (name, attributes) => visitor.open!(element(name, attributes)),
    close: (name) => visitor.close!(`w:${name}`),
    text: (text) => visitor.text!(text),
  };
}

/**
 * What drives a document's visitor in place of WordprocessingML: the HTML of an altChunk or a web
 * page, a .doc's paragraphs and tables (src/cli/read-doc.ts). Names are Word's without `w:`.
 */
export interface WordSink {
  open(name: string, attributes?: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/** An HTML charset name → a decoder, UTF-8 when it names none this runtime knows. */
function decoder(charset: string | undefined): TextDecoder {
  try {
    return new TextDecoder((charset ?? 'utf-8').trim().replace(/^["']|["']$/g, '') || 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Text of bytes in the charset a BOM, a `<meta>` or `charsetHint` names. */
function decodeHtml(data: Buffer, charsetHint?: string): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3).toString('utf8');
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const head = data.subarray(0, 2048).toString('latin1');
  const meta = /<meta[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return decoder(meta ?? charsetHint).decode(data);
}

const decodeQuotedPrintable = (text: string): Buffer => {
  const bytes: number[] = [];
  const flat = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < flat.length; i++) {
    const hex = flat[i] === '=' ? /^[0-9a-f]{2}/i.exec(flat.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(flat.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
};

/**
 * The HTML of an altChunk part: an HTML page, an MHT (MIME) page's HTML part, or a text file's lines;
 * undefined for what is none of these (RTF, a Word document, XML).
 */
function chunkHtml(name: string, data: Buffer): string | undefined {
  const head = data.subarray(0, 4096).toString('latin1');
  if (/^\s*\{\\rtf/.test(head) || head.startsWith('PK')) return undefined;
  if (/^(?:MIME-Version|Content-Type)\s*:/im.test(head.slice(0, 1024)) && !/^\s*</.test(head)) {
    const text = data.toString('latin1');
    const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(text)?.[1];
    const parts = boundary ? text.split(`--${boundary}`) : [text];
    for (const part of parts) {
      const split = /\r?\n\r?\n/.exec(part);
      if (!split) continue;
      const headers = part.slice(0, split.index);
      if (!/content-type\s*:\s*text\/html/i.test(headers)) continue;
      const body = part.slice(split.index + split[0].length);
      const encoding = /content-transfer-encoding\s*:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
      const bytes =
        encoding === 'base64'
          ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
          : encoding === 'quoted-printable'
            ? decodeQuotedPrintable(body)
            : Buffer.from(body, 'latin1');
      return decodeHtml(bytes, /charset\s*=\s*"?([\w.:-]+)/i.exec(headers)?.[1]);
    }
    return undefined;
  }
  if (/\.(?:html?|xhtml)$/i.test(name) || /<(?:html|body|table|p|div)[\s>]/i.test(head))
    return decodeHtml(data);
  if (/\.txt$/i.test(name)) {
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return decodeHtml(data)
      .split(/\r?\n/)
      .map((line) => `<p>${esc(line)}</p>`)
      .join('');
  }
  return undefined;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: '　',
  ge: '≥',
  le: '≤',
  ne: '≠',
  times: '×',
  divide: '÷',
  plusmn: '±',
  yen: '¥',
  middot: '·',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  permil: '‰',
};

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });

/** HTML elements that end a line of text. */
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'center',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'caption',
  'pre',
  'dl',
  'dt',
  'dd',
  'hr',
  'body',
  'html',
  'form',
  'address',
  'title',
]);

/**
 * An HTML page → Word markup, told to `sink` as the XML parser would: lines as paragraphs, `<table>`
 * as a table, `colspan` as `w:gridSpan`, `rowspan` as `w:vMerge` restart and continuation cells (the
 * cells HTML leaves out under a rowspan), `<br>` as a break. Tags HTML lets one leave open (`<td>`,
 * `<tr>`, `<p>`) are closed where the next one starts. Script, style and comments are no text.
 */
function htmlToWord(html: string, sink: WordSink, elementLimit: number): void {
  interface HtmlTable {
    row: boolean;
    cell: boolean;
    col: number;
    /** Grid column → the rowspan running down from above: rows still to cover, its colspan. */
    spans: Map<number, { rows: number; cols: number }>;
  }
  const tables: HtmlTable[] = [];
  let para = false;
  let run = false;
  let elements = 0;
  const emit = (name: string, attributes?: Record<string, string>): void => {
    if (++elements > elementLimit) throw new ReadError('too-many-elements', { limit: elementLimit });
    sink.open(name, attributes);
  };
  const closeRun = (): void => {
    if (!run) return;
    sink.close('r');
    run = false;
  };
  const closePara = (): void => {
    closeRun();
    if (!para) return;
    sink.close('p');
    para = false;
  };
  const openRun = (): void => {
    if (!para) {
      emit('p');
      para = true;
    }
    if (!run) {
      emit('r');
      run = true;
    }
  };
  const top = (): HtmlTable | undefined => tables[tables.length - 1];
  /** Cells a rowspan from above covers at the table's current column: continuation cells. */
  const covered = (t: HtmlTable, upTo = Infinity): void => {
    for (let s = t.spans.get(t.col); s && t.col < upTo; s = t.spans.get(t.col)) {
      emit('tc');
      emit('tcPr');
      if (s.cols > 1) {
        emit('gridSpan', { 'w:val': String(s.cols) });
        sink.close('gridSpan');
      }
      emit('vMerge');
      sink.close('vMerge');
      sink.close('tcPr');
      sink.close('tc');
      const at = t.col;
      t.col += s.cols;
      if (--s.rows <= 0) t.spans.delete(at);
    }
  };
  const closeCell = (t: HtmlTable): void => {
    if (!t.cell) return;
    closePara();
    sink.close('tc');
    t.cell = false;
  };
  const closeRow = (t: HtmlTable): void => {
    closeCell(t);
    if (!t.row) return;
    // rowspans from above reaching past the row's last cell
    const last = Math.max(-1, ...t.spans.keys());
    while (t.col <= last) {
      if (t.spans.has(t.col)) covered(t);
      else t.col++;
    }
    sink.close('tr');
    t.row = false;
  };
  const openRow = (t: HtmlTable): void => {
    closeRow(t);
    emit('tr');
    t.row = true;
    t.col = 0;
  };
  const attr = (attrs: string, name: string): string | undefined =>
    new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
      .exec(attrs)
      ?.slice(1)
      .find((v) => v !== undefined);
  const count = (attrs: string, name: string): number => {
    const n = parseInt(attr(attrs, name) ?? '1', 10);
    return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_COLUMN) : 1;
  };

  const onText = (raw: string): void => {
    const text = decodeEntities(raw.replace(/[ \t\r\n\f]+/g, ' ')).replace(/\u00a0/g, ' ');
    const t = top();
    // Text between a table's rows or cells is not shown in a cell; spaces between tags are none.
    if ((t && !t.cell) || (!para && text.trim() === '')) return;
    openRun();
    emit('t');
    sink.text(text);
    sink.close('t');
  };
  const onTag = (end: boolean, tagName: string, attrs: string): void => {
    const t = top();
    switch (tagName) {
      case 'table':
        if (end) {
          if (!t) return;
          closeRow(t);
          tables.pop();
          sink.close('tbl');
        } else {
          closePara();
          emit('tbl');
          tables.push({ row: false, cell: false, col: 0, spans: new Map() });
        }
        return;
      case 'tr':
        if (!t) return;
        if (end) closeRow(t);
        else openRow(t);
        return;
      case 'td':
      case 'th': {
        if (!t) return;
        if (end) {
          closeCell(t);
          return;
        }
        closeCell(t);
        if (!t.row) openRow(t);
        covered(t);
        const cols = count(attrs, 'colspan');
        const rows = count(attrs, 'rowspan');
        emit('tc');
        emit('tcPr');
        if (cols > 1) {
          emit('gridSpan', { 'w:val': String(cols) });
          sink.close('gridSpan');
        }
        if (rows > 1) {
          emit('vMerge', { 'w:val': 'restart' });
          sink.close('vMerge');
          t.spans.set(t.col, { rows: rows - 1, cols });
        }
        sink.close('tcPr');
        t.col += cols;
        t.cell = true;
        return;
      }
      case 'thead':
      case 'tbody':
      case 'tfoot':
        if (t) closeRow(t);
        return;
      case 'br':
        if (t && !t.cell) return;
        openRun();
        emit('br');
        sink.close('br');
        return;
      default:
        if (BLOCK.has(tagName)) closePara();
    }
  };

  // A scanner, not one regular expression: each character is looked at a bounded number of times
  // whatever the markup (an unclosed tag or quote ends the page, as in a browser).
  const lower = html.toLowerCase();
  const length = html.length;
  let i = 0;
  while (i < length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      onText(html.slice(i));
      break;
    }
    if (lt > i) onText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? length : close + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const close = html.indexOf(']]>', lt + 9);
      i = close < 0 ? length : close + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const close = html.indexOf('>', lt);
      i = close < 0 ? length : close + 1;
      continue;
    }
    const open = /^<(\/?)([a-zA-Z][\w:.-]{0,40})/.exec(html.slice(lt, lt + 44));
    if (!open) {
      onText('<');
      i = lt + 1;
      continue;
    }
    // The tag ends at the first `>` outside a quoted attribute value (a quote opens only after `=`).
    let j = lt + open[0].length;
    let quote = '';
    let last = '';
    for (; j < length; j++) {
      const ch = html[j];
      if (quote) {
        if (ch === quote) quote = '';
      } else if ((ch === '"' || ch === "'") && last === '=') quote = ch;
      else if (ch === '>') break;
      if (!/\s/.test(ch)) last = ch;
    }
    if (j >= length) break;
    const name = open[2].toLowerCase();
    const end = open[1] === '/';
    onTag(end, name, html.slice(lt + open[0].length, j));
    i = j + 1;
    // What script, style and head hold is no text.
    if (!end && (name === 'script' || name === 'style' || name === 'head')) {
      const close = lower.indexOf(`</${name}`, i);
      const gt = close < 0 ? -1 : html.indexOf('>', close);
      i = gt < 0 ? length : gt + 1;
    }
  }
  closePara();
  while (tables.length > 0) {
    closeRow(tables.pop()!);
    sink.close('tbl');
  }
}

/** `_rels/.rels` names the main document part; Word calls it word/document.xml, not every tool does. */
function mainPart(buf: Buffer, limits: XlsxLimits): string | undefined {
  const entries = zipEntries(buf);
  const rels = entries.find((e) => e.name === '_rels/.rels');
  let target: string | undefined;
  if (rels && rels.size <= limits.partBytes) {
    parseXml(
      rels.name,
      inflateEntry(buf, rels, limits.partBytes + 1),
      {
        open(tag) {
          if (localName(tag.name) !== 'Relationship') return;
          const type = String(tag.attributes.Type ?? '');
          if (/\/officeDocument$/.test(type)) target = String(tag.attributes.Target ?? '').replace(/^\//, '');
        },
      },
      { elements: 0 },
      limits.elements,
    );
  }
  const names = new Set(entries.map((e) => e.name));
  if (target && names.has(target)) return target;
  return names.has('word/document.xml') ? 'word/document.xml' : undefined;
}

/** A part's name from a relationship's target, relative to the part whose relationships name it. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The main part's relationships: id → the part it names (external targets left out). */
function partRelations(
  buf: Buffer,
  entries: ZipEntry[],
  part: string,
  limits: XlsxLimits,
): Map<string, string> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = entries.find((e) => e.name === relsName);
  const out = new Map<string, string>();
  if (!rels) return out;
  if (!(rels.size <= limits.partBytes))
    throw new ReadError('part-too-large', {
      part: relsName,
      limit: Math.round(limits.partBytes / (1024 * 1024)),
    });
  parseXml(
    rels.name,
    inflateEntry(buf, rels, limits.partBytes + 1),
    {
      open(tag) {
        if (localName(tag.name) !== 'Relationship') return;
        if (/^external$/i.test(String(tag.attributes.TargetMode ?? ''))) return;
        const id = String(tag.attributes.Id ?? '');
        const target = String(tag.attributes.Target ?? '');
        if (id !== '' && target !== '') out.set(id, resolveTarget(part, target));
      },
    },
    { elements: 0 },
    limits.elements,
  );
  return out;
}

/** Parses the document in `buf` within `limits`; throws ReadError for what is no Word document. */
export function docxGrids(buf: Buffer, limits: XlsxLimits): Grid[] {
  const part = mainPart(buf, limits);
  if (!part) throw new ReadError('not-document');
  const entries = zipEntries(buf);
  let relations: Map<string, string> | undefined;
  // An altChunk's part, found through the main part's relationships when the first one is met.
  const chunk: ChunkSource = (id) => {
    relations ??= partRelations(buf, entries, part, limits);
    const name = relations.get(id);
    const entry = name === undefined ? undefined : entries.find((e) => e.name === name);
    if (!entry || name === undefined) return undefined;
    if (!(entry.size <= limits.partBytes))
      throw new ReadError('part-too-large', {
        part: name,
        limit: Math.round(limits.partBytes / (1024 * 1024)),
      });
    return { name, data: inflateEntry(buf, entry, limits.partBytes + 1) };
  };
  const { visitor, grids } = documentVisitor(limits, chunk);
  readZip(
    buf,
    limits,
    (name) => (name === part ? { xml: visitor } : undefined),
    (name) => /^word\/(?:media|embeddings)\//.test(name),
    entries,
  );
  return grids();
}

/**
 * What a web page saved as a spreadsheet or a document holds: an HTML page, or an MHT (MIME) page,
 * under `.xls`, `.doc`, `.htm` or `.mht` — what a budget system's 导出 writes and Excel and Word open
 * with a warning. undefined when `buf` is neither (a real .xls or .doc, an OLE container).
 */
export function webPageHtml(name: string, buf: Buffer): string | undefined {
  if (!isWebPage(buf)) return undefined;
  return chunkHtml(name.replace(/\.(?:xls|doc|et|mht|mhtml)$/i, '.html'), buf);
}

/** True when a file's first bytes are an HTML or MHT page's, not an OLE container's (a real .xls, .doc). */
export function isWebPage(head: Buffer): boolean {
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return false;
  const text = head.subarray(0, 4096).toString('latin1');
  if (/^\s*\{\\rtf/.test(text) || text.startsWith('PK')) return false;
  return (
    /<(?:html|body|table)[\s>]/i.test(text) ||
    /^(?:MIME-Version|Content-Type)\s*:/im.test(text.slice(0, 1024))
  );
}

/**
 * The tables of a web page saved as a spreadsheet or a document (webPageHtml), each read as a Word
 * table is: rows, cells, rowspan and colspan as merges, the lines above a table as its caption.
 */
export function webPageGrids(name: string, buf: Buffer, limits: XlsxLimits): Grid[] {
  const html = webPageHtml(name, buf);
  if (html === undefined) throw new ReadError('not-document');
  return wordGrids(limits, (sink) => htmlToWord(html, sink, limits.elements));
}

/**
 * The tables of a document whose body `drive` writes into a sink as Word's markup (a web page, a
 * .doc), read as a .docx's body is.
 */
export function wordGrids(limits: XlsxLimits, drive: (sink: WordSink) => void): Grid[] {
  const { visitor, grids } = documentVisitor(limits);
  const sink = sinkInto(visitor);
  sink.open('document');
  sink.open('body');
  drive(sink);
  sink.close('body');
  sink.close('document');
  return grids();
}

/**
 * What readWebPage does, in the calling thread: the reader worker runs it. A file under a web page's
 * name that is none (a real .xls or .doc, an OLE container) is refused as its format, with one line
 * saying what to save it as.
 */
export async function loadWebPage(path: string, limits: XlsxLimits): Promise<Grid[]> {
  const buf = await readLimited(path, limits);
  if (!isWebPage(buf)) {
    const ext = /\.[a-z0-9]{1,8}$/i.exec(path)?.[0].toLowerCase() ?? '';
    // A real .xls was read before this (src/cli/read-xls.ts): under that name, this is none.
    if (ext === '.xls' || ext === '.et') throw new ReadError('not-xls', { ext });
    throw new ReadError('other-format', { ext });
  }
  return webPageGrids(path, buf, limits);
}

/** Reads the tables of a web page saved as .xls, .doc, .htm or .mht, in the reader worker. */
export function readWebPage(path: string, limits: XlsxLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  return readIsolated<Grid[]>({ kind: 'html', path, limits }, limits);
}

/** What readDocx does, in the calling thread: the reader worker runs it. */
/** The file's bytes within the limits: not found, unreadable or too large said as such. */
export async function readLimited(path: string, limits: XlsxLimits): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new ReadError(code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable');
  }
  if (!stat.isFile()) throw new ReadError('unreadable');
  if (stat.size > limits.fileBytes)
    throw new ReadError('too-large', { limit: Math.round(limits.fileBytes / (1024 * 1024)) });
  try {
    return await fs.readFile(path);
  } catch {
    throw new ReadError('unreadable');
  }
}

export async function loadDocx(path: string, limits: XlsxLimits): Promise<Grid[]> {
  const buf = await readLimited(path, limits);
  try {
    return docxGrids(buf, limits);
  } catch (err) {
    // An old .doc, or a .docx with an open password (an OLE container), says so as a document.
    if (err instanceof ReadError && err.code === 'ole') throw new ReadError('ole-document');
    throw err;
  }
}

/**
 * Reads every table of the Word document at `path` into a Grid, in the reader worker, within the
 * limits the .xlsx reader has. Throws ReadError with a code the CLI turns into one line.
 */
export function readDocx(path: string, limits: XlsxLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  return readIsolated<Grid[]>({ kind: 'docx', path, limits }, limits);
}
