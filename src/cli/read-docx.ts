/**
 * A Word .docx document → one plain grid per table (SPEC §7), for the same reader and rules as a
 * worksheet. Table N of the document (1-based, in document order, a nested table after the table
 * holding it) is the grid `表N`; its cells are addressed as in a worksheet: column = grid column
 * (`w:gridSpan` cells merged across, `w:vMerge` down, `w:gridBefore` skipped), row = table row.
 * The few short paragraphs right above a table (its caption, the unit line, `单位：万元`) belong to
 * it: they become the rows above row 1 (negative rows, which have no address of their own).
 * A table continued after a page break (only blank lines or `续表` between, the same columns, no
 * project or form title of its own) is read with the table it continues, its rows numbered on; its
 * own number N is left unused, so the tables after it keep theirs.
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
 * the flow: it would land in a cell or a caption out of place.
 */

import { promises as fs } from 'node:fs';
import type { SaxesTagPlain } from 'saxes';
import type { CellRange, Grid, GridCell } from '../domain/grid';
import {
  localName,
  parseXml,
  ReadError,
  readZip,
  zipEntries,
  inflateEntry,
  type XmlVisitor,
} from './bounded-zip';
import { classifyKey, labelKey } from '../domain/lexicon';
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

class TableBuilder {
  readonly rows: (GridCell | undefined)[][] = [];
  /** The row being read was deleted with change tracking on (`w:trPr/w:del`): it is not shown. */
  deletedRow = false;
  readonly merges: CellRange[] = [];
  /** Grid column → the vertical merge running down it, for `w:vMerge` continuations. */
  private readonly vertical = new Map<number, VerticalMerge>();
  private col = 0;
  private row = -1;
  cell:
    { col: number; span: number; vMerge?: 'restart' | 'continue'; text: string[]; para: string } | undefined;

  constructor(
    readonly index: number,
    readonly preface: string[],
    /** How many text boxes deep the table is: text of deeper text boxes is not its text. */
    readonly boxDepth: number,
  ) {}

  startRow(): void {
    this.row++;
    this.col = 0;
    this.deletedRow = false;
    this.rows.push([]);
  }

  /** Ends a row; a deleted one is taken out, and the vertical merges above run on past it. */
  endRow(): void {
    if (!this.deletedRow || this.row < 0) return;
    this.rows.pop();
    this.row--;
    this.deletedRow = false;
  }

  /** `w:gridBefore`: grid columns left out at the start of the row. */
  skip(columns: number): void {
    this.col += columns;
  }

  startCell(): void {
    if (this.row < 0) this.startRow();
    this.cell = { col: this.col, span: 1, text: [], para: '' };
  }

  endCell(limits: XlsxLimits, counted: { cells: number }): void {
    const c = this.cell;
    if (!c) return;
    this.cell = undefined;
    c.text.push(c.para);
    const span = c.span;
    const right = c.col + span - 1;
    if (right >= MAX_COLUMN) throw new ReadError('too-many-columns', { limit: MAX_COLUMN });
    counted.cells += span;
    if (counted.cells > limits.cells) throw new ReadError('too-many-cells', { limit: limits.cells });
    this.col = right + 1;
    if (this.deletedRow) return;
    const above = this.vertical.get(c.col);
    if (c.vMerge === 'continue' && above && above.box.right === right && above.box.bottom === this.row - 1) {
      above.box.bottom = this.row;
      return;
    }
    for (let col = c.col; col <= right; col++) this.vertical.delete(col);
    const text = c.text.join('\n').replace(/^\n+|\n+$/g, '');
    if (text.trim() !== '') this.rows[this.row][c.col] = { value: text, textOnly: true };
    if (span > 1 || c.vMerge === 'restart') {
      const box = { top: this.row, left: c.col, bottom: this.row, right };
      this.merges.push(box);
      if (this.merges.length > limits.mergesPerSheet)
        throw new ReadError('too-many-merges', { limit: limits.mergesPerSheet });
      if (c.vMerge === 'restart') this.vertical.set(c.col, { box });
    }
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
    const skip = next.rows.length > 1 && this.rows.some((r) => key(r) === key(next.rows[0])) ? 1 : 0;
    const offset = this.rows.length - skip;
    this.rows.push(...next.rows.slice(skip));
    for (const m of next.merges)
      if (m.top >= skip) this.merges.push({ ...m, top: m.top + offset, bottom: m.bottom + offset });
    this.row = this.rows.length - 1;
  }

  /** True when a cell names a project or a form (项目名称, 项目编码, …申报表): a table of its own. */
  namesProject(): boolean {
    return this.rows.some((r) =>
      r.some((c) => {
        if (!c || typeof c.value !== 'string' || c.value.length > 40) return false;
        if (FORM_TITLE.test(c.value)) return true;
        const kind = classifyKey(labelKey(c.value))?.kind;
        return kind === 'name' || kind === 'code' || kind === 'entity';
      }),
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

const intAttr = (tag: SaxesTagPlain, fallback: number): number => {
  for (const [name, value] of Object.entries(tag.attributes)) {
    if (localName(name) !== 'val') continue;
    const n = Number(String(value).trim());
    return Number.isFinite(n) ? Math.floor(n) : fallback;
  }
  return fallback;
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

/** A line between two parts of one table: `续表`, `（续）`, `续表1：` … */
const CONTINUED = /^[（(]?续(?:表\s*\d*)?[)）]?\s*[:：]?$/u;

/** Characters Word does not draw (a soft hyphen only at a line's end): never part of a value. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** The visitor that builds the grids of word/document.xml while the bounded parser walks it. */
function documentVisitor(limits: XlsxLimits): { visitor: XmlVisitor; grids: () => Grid[] } {
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
  /** Text boxes open around the current point. */
  let boxes = 0;
  /** Per open content control: it shows its placeholder, not content (`w:showingPlcHdr`). */
  const controls: boolean[] = [];
  let tables = 0;
  /** Body paragraphs since the last table, most recent last. */
  let recent: string[] = [];
  let para: string | undefined;
  /**
   * The last body-level table, while nothing but blank paragraphs (a page or section break) or a
   * `续表` line follows it: a table opened now may be its continuation.
   */
  let continued: TableBuilder | undefined;

  /** Elements whose content Word does not show: a drawing's fallback copy, deleted text. */
  const HIDDEN = new Set(['Fallback', 'del', 'moveFrom']);
  /** Inside a text box, with no table of that text box open: text out of the flow. */
  const outOfFlow = (): boolean => boxes > (stack[stack.length - 1]?.boxDepth ?? 0);
  const add = (s: string): void => {
    if (hidden || outOfFlow()) return;
    const table = stack[stack.length - 1];
    if (table?.cell) table.cell.para += s;
    else if (!table && para !== undefined) para += s;
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
      if (HIDDEN.has(name) || (name === 'sdtContent' && controls[controls.length - 1])) {
        skipFrom = depth;
        return;
      }
      switch (name) {
        case 'tbl': {
          if (++tables > limits.sheets) throw new ReadError('too-many-sheets', { limit: limits.sheets });
          const preface = table ? [] : recent.slice(-PREFACE_LINES);
          recent = [];
          stack.push(new TableBuilder(tables, preface, boxes));
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
        case 'p':
          if (outOfFlow()) return;
          if (!table) para = '';
          else if (table.cell && (table.cell.para !== '' || table.cell.text.length > 0)) {
            table.cell.text.push(table.cell.para);
            table.cell.para = '';
          }
          return;
        case 'r':
          inRun++;
          hidden = false;
          return;
        case 'vanish':
          if (inRun) hidden = onOff(tag);
          return;
        case 't':
          inText++;
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
          const finished = stack.pop();
          if (!finished) return;
          finished.endCell(limits, counted);
          if (stack.length > 0 || finished.boxDepth > 0) {
            done.push(finished);
            return;
          }
          // A table split at a page break (by hand, or by a PDF converter, one table a page) is one
          // table: same columns, nothing but blank lines or 续表 between, no project of its own.
          const previous = continued;
          if (previous && previous.width() === finished.width() && !finished.namesProject()) {
            previous.absorb(finished);
            if (previous.merges.length > limits.mergesPerSheet)
              throw new ReadError('too-many-merges', { limit: limits.mergesPerSheet });
          } else {
            done.push(finished);
            continued = finished;
          }
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
        case 'p':
          if (!table && para !== undefined && !outOfFlow()) {
            const line = para.replace(/\s+/g, ' ').trim();
            if (line !== '' && !CONTINUED.test(line)) continued = undefined;
            if (line !== '') recent.push(line.length > PREFACE_CHARS ? '' : line);
            // A long paragraph is body text: what is above it is no table's caption.
            if (line.length > PREFACE_CHARS) recent = [];
            if (recent.length > PREFACE_LINES) recent.shift();
            para = undefined;
          }
          return;
        case 'r':
          inRun = Math.max(0, inRun - 1);
          hidden = false;
          return;
        case 't':
          inText = Math.max(0, inText - 1);
          return;
      }
    },
    text(text) {
      if (!skipFrom && inText) add(text.replace(INVISIBLE, ''));
    },
  };
  return { visitor, grids: () => done.sort((a, b) => a.index - b.index).map((b) => b.grid()) };
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

/** Parses the document in `buf` within `limits`; throws ReadError for what is no Word document. */
export function docxGrids(buf: Buffer, limits: XlsxLimits): Grid[] {
  const part = mainPart(buf, limits);
  if (!part) throw new ReadError('not-document');
  const { visitor, grids } = documentVisitor(limits);
  readZip(
    buf,
    limits,
    (name) => (name === part ? { xml: visitor } : undefined),
    (name) => /^word\/(?:media|embeddings)\//.test(name),
  );
  return grids();
}

/** What readDocx does, in the calling thread: the reader worker runs it. */
export async function loadDocx(path: string, limits: XlsxLimits): Promise<Grid[]> {
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
  let buf: Buffer;
  try {
    buf = await fs.readFile(path);
  } catch {
    throw new ReadError('unreadable');
  }
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
