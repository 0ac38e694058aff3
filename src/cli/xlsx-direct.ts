/**
 * The worksheet cells of an .xlsx, read in the guard's own pass over the file (src/cli/zip-guard.ts)
 * instead of a second one by exceljs: the guard already inflates every part and parses it with saxes,
 * the parser exceljs uses, so the cells are collected from the same events, and each worksheet's grid
 * is ready as soon as its part has been parsed. The checking thread starts on the first sheets while
 * the others are still being read, and neither JSZip nor exceljs's object model is built.
 *
 * This is not a second xlsx library. It reads the cells, styles' number formats, shared strings and
 * sheet list exactly as exceljs 4.4 would read them (its xforms are cited where each rule comes from,
 * and its own helpers decode dates, formats and shared formulas), and it reads only the plain
 * spelling of those parts. Whatever it does not know — an element in an unexpected place,
 * a phonetic run in a cell, a duplicate sheet id, an odd sheet name, a 1904 workbook — makes it step
 * aside: the file is then read by exceljs as before (src/cli/read-xlsx.ts), and sheets already handed
 * over are kept (both readers give the same grid: tests/cli/xlsx-direct.test.ts holds them together).
 */

import type { SaxesTagPlain } from 'saxes';
import type { Grid, GridCell } from '../domain/grid';
import type { XmlVisitor } from './bounded-zip';
import { applyMerges, COLUMNS, mergeBox, type Box } from './exceljs-refs';
import { prepareExceljs } from './exceljs-formats';
import { assembleGrid, plainValue as plain, type PlacedCell } from './grid-cells';

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs has no types for its modules */
/** An XML boolean attribute as exceljs's utils.parseBoolean reads it. */
const isTrue = (value: string | undefined): boolean => value === 'true' || value === '1';

const exceljsUtils = require('exceljs/lib/utils/utils') as {
  xmlDecode(text: string): string;
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: unknown, date1904?: boolean): Date;
};
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as {
  slideFormula(formula: string, fromCell: string, toCell: string): string;
};
const builtInFormats = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, { f?: string }>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** A worksheet part and its relationships, as exceljs matches them (unanchored) and as they are written. */
const SHEET_RELS_ANY = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/sheet(\d+)\.xml\.rels$/;
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** A plain cell reference as Excel writes it (no `$`, upper case), decoded by hand. */
const CELL_REF = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** `_x000D_` and friends, as exceljs's TextXform decodes them in shared strings and rich runs. */
const decodeEscapes = (s: string): string =>
  s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** One `<sheet>` of xl/workbook.xml (exceljs SheetXform). */
interface SheetDef {
  name: string | undefined;
  id: number;
  state: string | undefined;
  rId: string | undefined;
}

/** A worksheet the workbook lists, in exceljs's order: its position, name and state. */
export interface ListedSheet {
  position: number;
  name: string;
  hidden: boolean;
}

/**
 * A cell as read (exceljs CellXform's model), before its sheet's shared strings, formats and shared
 * formulas are applied.
 */
interface RawCell {
  row: number;
  col: number;
  address: string;
  t: string | undefined;
  styleId: number | undefined;
  formula?: string;
  si?: string;
  shareType?: string;
  ref?: string;
  value?: string;
  rich?: string[];
}

/** What one worksheet part held, once parsed. */
export interface ParsedSheet {
  cells: RawCell[];
  merges: Box[];
  /** `<col min max style>`, as written (exceljs ColXform). */
  cols: { min: number; max: number; styleId: number | undefined; hidden: boolean }[];
  /** Rows (1-based) whose `<row hidden>` is set, as exceljs's RowXform reads it. */
  hiddenRows: Set<number>;
  /** Each `<row s>`'s style (exceljs RowXform), by row number. */
  rowStyles: Map<number, number>;
  /** `<hyperlink ref r:id>`, as written (exceljs HyperlinkXform). */
  hyperlinks: { ref: string | undefined; rId: string | undefined }[];
}

/** Thrown inside a visitor when the direct reader steps aside; caught by the visitor wrapper. */
class Aside extends Error {}

const aside = (reason: string): never => {
  throw new Aside(reason);
};

/** The names of a worksheet name exceljs refuses or changes (Worksheet `set name`). */
function plainSheetName(name: string | undefined): name is string {
  return (
    typeof name === 'string' &&
    name !== '' &&
    name !== 'History' &&
    name.length <= 31 &&
    !/[*?:/\\[\]]/.test(name) &&
    !/(^')|('$)/.test(name)
  );
}

export class DirectXlsx {
  /** Why the reader stepped aside (the file goes to exceljs); undefined while it reads. */
  reason: string | undefined;
  private sheets: SheetDef[] = [];
  private date1904 = false;
  private workbookRels = new Map<string, string>();
  private numFmts = new Map<number, string>();
  private xfNumFmtIds: (number | undefined)[] | undefined;
  private sharedStrings: (string | null)[] | undefined;
  private listed: Map<string, ListedSheet> | undefined;
  private readonly parsed = new Map<string, ParsedSheet>();
  /** Each worksheet's relationships, by the number in its part's name. */
  private readonly sheetRels = new Map<string, Map<string, string | undefined>>();

  constructor() {
    prepareExceljs();
  }

  get ok(): boolean {
    return this.reason === undefined;
  }

  /** Steps aside for the rest of the file. */
  stop(reason: string): void {
    this.reason ??= reason;
  }

  /**
   * The visitor for a part the guard parses (by the name exceljs matches and the kind the guard gives
   * it), or undefined when the cells do not depend on it.
   */
  visitor(name: string, kind: string | undefined): XmlVisitor | undefined {
    if (!this.ok) return undefined;
    let inner: XmlVisitor | undefined;
    if (kind === 'workbook') inner = this.workbookVisitor();
    else if (kind === 'sharedStrings') inner = this.sharedStringsVisitor();
    else if (kind === 'worksheet') inner = this.worksheetVisitor(name);
    else if (name === 'xl/styles.xml') inner = this.stylesVisitor();
    else if (name === 'xl/_rels/workbook.xml.rels') inner = this.relsVisitor();
    else if (SHEET_RELS_ANY.test(name)) {
      // exceljs files a worksheet's relationships under the number in the part's name.
      const n = SHEET_RELS.exec(name)?.[1];
      if (n === undefined) this.stop('worksheet relationships name');
      else inner = this.sheetRelsVisitor(n);
    }
    return inner && this.guarded(inner);
  }

  /** A visitor that stops the reader, not the guard, when it meets what it does not know. */
  private guarded(inner: XmlVisitor): XmlVisitor {
    const run = (f: () => void): void => {
      if (!this.ok) return;
      try {
        f();
      } catch (err) {
        if (err instanceof Aside) this.stop(err.message);
        else throw err;
      }
    };
    return {
      open: inner.open && ((tag) => run(() => inner.open!(tag))),
      close: inner.close && ((name) => run(() => inner.close!(name))),
      text: inner.text && ((text) => run(() => inner.text!(text))),
    };
  }

  /** xl/workbook.xml: the sheets and the date system (exceljs WorkbookXform, SheetXform). */
  private workbookVisitor(): XmlVisitor {
    let depth = 0;
    let inSheets = false;
    return {
      open: (tag) => {
        depth++;
        const a = tag.attributes;
        if (depth === 1 && tag.name !== 'workbook') aside('workbook root');
        if (depth === 2 && tag.name === 'sheets') {
          inSheets = true;
          this.sheets = []; // the last list counts (exceljs ListXform)
        } else if (depth === 3 && inSheets) {
          if (tag.name !== 'sheet') aside('sheets child');
          this.sheets.push({ name: a.name, id: parseInt(a.sheetId, 10), state: a.state, rId: a['r:id'] });
        } else if (depth === 2 && tag.name === 'workbookPr') {
          // exceljs WorkbookPropertiesXform: only `1` means the 1904 system.
          this.date1904 = a.date1904 === '1';
        }
      },
      close: () => {
        if (--depth === 1) inSheets = false;
      },
    };
  }

  /** xl/_rels/workbook.xml.rels (exceljs RelationshipsXform). */
  private relsVisitor(): XmlVisitor {
    return {
      open: (tag) => {
        if (tag.name !== 'Relationship') return;
        const { Id, Target } = tag.attributes;
        if (Id === undefined || Target === undefined || this.workbookRels.has(Id)) aside('workbook rels');
        this.workbookRels.set(Id, Target);
      },
    };
  }

  /** A worksheet's relationships (exceljs RelationshipsXform): a later Id replaces an earlier one. */
  private sheetRelsVisitor(n: string): XmlVisitor {
    const rels = new Map<string, string | undefined>();
    this.sheetRels.set(n, rels);
    return {
      open: (tag) => {
        if (tag.name === 'Relationship') rels.set(tag.attributes.Id, tag.attributes.Target);
      },
    };
  }

  /**
   * The cells of a worksheet that carry a hyperlink, as exceljs maps them (WorksheetXform.reconcile:
   * links with an `r:id` only, to their relationship's target; a missing relationship fails the
   * load, so the reader steps aside); undefined when it has stepped aside.
   */
  private linkedCells(part: string, sheet: ParsedSheet): Set<string> | undefined {
    const out = new Set<string>();
    if (sheet.hyperlinks.length === 0) return out;
    const n = SHEET_PART.exec(part)?.[1];
    if (n === undefined) return void this.stop('worksheet name');
    const rels = this.sheetRels.get(n);
    const targets = new Map<string | undefined, string | undefined>();
    for (const h of sheet.hyperlinks) {
      if (!h.rId) continue;
      if (!rels?.has(h.rId)) return void this.stop('hyperlink without relationship');
      targets.set(h.ref, rels.get(h.rId));
    }
    for (const [ref, target] of targets) if (ref !== undefined && target) out.add(ref);
    return out;
  }

  /** xl/styles.xml: the number format of each cell format (exceljs StylesXform, NumFmtXform, StyleXform). */
  private stylesVisitor(): XmlVisitor {
    let depth = 0;
    let section: string | undefined;
    let xfs: (number | undefined)[] = [];
    return {
      open: (tag) => {
        depth++;
        const a = tag.attributes;
        if (depth === 1 && tag.name !== 'styleSheet') aside('styles root');
        if (depth === 2) {
          section = tag.name;
          // The last list counts (exceljs ListXform).
          if (section === 'numFmts') this.numFmts = new Map();
          if (section === 'cellXfs') xfs = [];
        } else if (depth === 3 && section === 'numFmts') {
          if (tag.name !== 'numFmt' || a.formatCode === undefined) aside('numFmt');
          this.numFmts.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, '$1'));
        } else if (depth === 3 && section === 'cellXfs') {
          if (tag.name !== 'xf') aside('cellXfs child');
          const id = parseInt(a.numFmtId, 10);
          xfs.push(Number.isNaN(id) ? undefined : id);
        }
      },
      close: () => {
        if (--depth === 1) section = undefined;
        if (depth === 0) this.xfNumFmtIds = xfs;
      },
    };
  }

  /** xl/sharedStrings.xml (exceljs SharedStringsXform, SharedStringXform, RichTextXform, TextXform). */
  private sharedStringsVisitor(): XmlVisitor {
    const out: (string | null)[] = [];
    let depth = 0;
    // The item being read: its plain text (the last `<t>`), or its rich runs.
    let plain: string | undefined;
    let runs: string[] | undefined;
    let text: string[] | undefined;
    let inPhonetic = false;
    let inRun = false;
    return {
      open: (tag) => {
        depth++;
        const name = tag.name;
        if (depth === 1) {
          if (name !== 'sst') aside('sst root');
        } else if (depth === 2) {
          if (name !== 'si') aside('sst child');
          plain = undefined;
          runs = undefined;
        } else if (depth === 3) {
          if (name === 't') {
            if (runs) aside('t after r');
            text = [];
          } else if (name === 'r') {
            if (plain !== undefined) aside('r after t');
            runs ??= [];
            runs.push('');
            inRun = true;
          } else if (name === 'rPh') inPhonetic = true;
          else if (name !== 'phoneticPr') aside(`si child ${name}`);
        } else if (depth === 4 && inRun) {
          if (name === 't') text = [];
          else if (name !== 'rPr') aside(`r child ${name}`);
        } else if (!inPhonetic && !(inRun && depth === 5)) aside(`nested ${name}`);
      },
      text: (t) => {
        text?.push(t);
      },
      close: (name) => {
        if (depth === 2) out.push(runs ? runs.join('') : (plain ?? null));
        else if (depth === 3) {
          if (name === 't' && text) plain = decodeEscapes(text.join(''));
          if (name === 'r') inRun = false;
          if (name === 'rPh') inPhonetic = false;
          text = undefined;
        } else if (depth === 4 && inRun && name === 't' && text && runs) {
          runs[runs.length - 1] = decodeEscapes(text.join(''));
          text = undefined;
        }
        if (--depth === 0) this.sharedStrings = out;
      },
    };
  }

  /** A worksheet part: its cells and merged areas (exceljs WorksheetXform, RowXform, CellXform). */
  private worksheetVisitor(part: string): XmlVisitor {
    const sheet: ParsedSheet = {
      cells: [],
      merges: [],
      cols: [],
      rowStyles: new Map(),
      hyperlinks: [],
      hiddenRows: new Set(),
    };
    let depth = 0;
    let inSheetData = false;
    let inMerges = false;
    let inCols = false;
    let inLinks = false;
    let row: number | undefined;
    let lastRow = 0;
    let cell: RawCell | undefined;
    let cellDepth = 0;
    // Within a cell: the element whose text is kept (exceljs CellXform.currentNode), and a rich run.
    let node: 'f' | 'v' | 't' | undefined;
    let inIs = false;
    let run: string[] | undefined;
    let runText = false;
    let runTexts = 0;
    let seen: Set<number> | undefined;
    return {
      open: (tag: SaxesTagPlain) => {
        depth++;
        const name = tag.name;
        const a = tag.attributes;
        if (depth === 1) {
          if (name !== 'worksheet') aside('worksheet root');
          return;
        }
        if (depth === 2) {
          // exceljs's ListXform starts again at each list element: the last one counts.
          if (name === 'sheetData') {
            inSheetData = true;
            sheet.cells = [];
            lastRow = 0;
          } else if (name === 'mergeCells') {
            inMerges = true;
            sheet.merges = [];
          } else if (name === 'cols') {
            inCols = true;
            sheet.cols = [];
          } else if (name === 'hyperlinks') {
            inLinks = true;
            sheet.hyperlinks = [];
          } else if (name.includes(':') && /:(?:sheetData|mergeCells|hyperlinks)$/.test(name)) aside(name);
          return;
        }
        if (inLinks) {
          if (depth !== 3 || name !== 'hyperlink') aside('hyperlinks child');
          sheet.hyperlinks.push({ ref: a.ref, rId: a['r:id'] });
          return;
        }
        if (inCols) {
          // exceljs ColXform: `min`/`max` default to 0, `style` counts when written.
          if (depth !== 3 || name !== 'col') aside('cols child');
          sheet.cols.push({
            min: parseInt(a.min || '0', 10),
            max: parseInt(a.max || '0', 10),
            styleId: a.style ? parseInt(a.style, 10) : undefined,
            hidden: isTrue(a.hidden),
          });
          return;
        }
        if (inMerges) {
          if (depth !== 3 || name !== 'mergeCell' || a.ref === undefined) aside('mergeCell');
          try {
            sheet.merges.push(mergeBox(a.ref));
          } catch {
            aside('mergeCell ref');
          }
          return;
        }
        if (!inSheetData) return;
        if (depth === 3) {
          if (name !== 'row') aside(`sheetData child ${name}`);
          const r = a.r;
          if (r === undefined || !/^[1-9]\d{0,6}$/.test(r) || Number(r) <= lastRow) aside('row r');
          row = lastRow = Number(r);
          if (a.s) sheet.rowStyles.set(row, parseInt(a.s, 10));
          if (isTrue(a.hidden)) sheet.hiddenRows.add(row);
          seen = new Set();
          return;
        }
        if (depth === 4) {
          if (name !== 'c') aside(`row child ${name}`);
          const m = CELL_REF.exec(a.r ?? '');
          if (!m || Number(m[2]) !== row) aside('cell r');
          const col = columnNumber(m![1]);
          if (col > 16_384 || seen!.has(col)) aside('cell column');
          seen!.add(col);
          cell = { address: a.r, row: row!, col, t: a.t, styleId: a.s ? parseInt(a.s, 10) : undefined };
          cellDepth = depth;
          node = undefined;
          return;
        }
        if (!cell) aside('outside cell');
        const c = cell!;
        if (run) {
          // Inside a rich run: its text, and its font (ignored).
          if (depth === cellDepth + 3 && name === 't') {
            // exceljs keeps a run's last `<t>`: a second one is not worth mirroring.
            if (++runTexts > 1) aside('two t in a run');
            runText = true;
          } else if (!(depth === cellDepth + 3 && name === 'rPr') && !(depth === cellDepth + 4))
            aside(`run ${name}`);
          return;
        }
        switch (name) {
          case 'f':
            if (depth !== cellDepth + 1) aside('f depth');
            node = 'f';
            c.si = a.si;
            c.shareType = a.t;
            c.ref = a.ref;
            return;
          case 'v':
            if (depth !== cellDepth + 1) aside('v depth');
            node = 'v';
            return;
          case 'is':
            if (depth !== cellDepth + 1 || c.t !== 'inlineStr') aside('is');
            inIs = true;
            return;
          case 't':
            if (depth !== cellDepth + 2 || !inIs) aside('t depth');
            node = 't';
            return;
          case 'r':
            if (depth !== cellDepth + 2 || !inIs || c.value !== undefined) aside('r');
            c.rich ??= [];
            run = [];
            runTexts = 0;
            return;
          default:
            aside(`cell child ${name}`);
        }
      },
      text: (text: string) => {
        if (!cell) return;
        if (run) {
          if (runText) run.push(text);
          return;
        }
        if (node === 'f') cell.formula = cell.formula === undefined ? text : cell.formula + text;
        else if (node === 'v' || node === 't') {
          if (cell.rich) aside('text after r');
          cell.value = cell.value === undefined ? text : cell.value + text;
        }
      },
      close: (name: string) => {
        if (cell) {
          if (run) {
            if (depth === cellDepth + 3 && name === 't') runText = false;
            else if (depth === cellDepth + 2 && name === 'r') {
              cell.rich!.push(decodeEscapes(run.join('')));
              run = undefined;
            }
          } else if (depth === cellDepth) {
            sheet.cells.push(cell);
            cell = undefined;
          } else {
            if (name === 'is') inIs = false;
            if (name === 'f' || name === 'v' || name === 't' || name === 'is') node = undefined;
          }
        } else if (depth === 3 && inSheetData) row = undefined;
        else if (depth === 2) {
          inSheetData = false;
          inMerges = false;
          inCols = false;
          inLinks = false;
        }
        if (--depth === 0) this.parsed.set(part, sheet);
      },
    };
  }

  /**
   * The worksheets exceljs would list, by part name, once xl/workbook.xml and its relationships have
   * been read (exceljs WorkbookXform.reconcile, Workbook `set model`, `get worksheets`); undefined
   * (and the reader steps aside) where exceljs would order, name or drop them in its own ways.
   */
  listSheets(worksheetParts: readonly string[]): Map<string, ListedSheet> | undefined {
    if (this.listed || !this.ok) return this.ok ? this.listed : undefined;
    const ids = new Set<number>();
    const names = new Set<string>();
    const parts = new Set(worksheetParts);
    const listed = new Map<string, ListedSheet>();
    for (const s of this.sheets) {
      if (!Number.isInteger(s.id) || s.id < 1 || ids.has(s.id)) return void this.stop('sheet id');
      ids.add(s.id);
      const target = s.rId === undefined ? undefined : this.workbookRels.get(s.rId);
      if (target === undefined) return void this.stop('sheet without relationship');
      const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
      if (!parts.has(part)) continue; // a chartsheet or a dialog sheet: exceljs has no worksheet for it
      if (listed.has(part)) return void this.stop('two sheets, one part');
      if (!plainSheetName(s.name) || names.has(s.name.toLowerCase())) return void this.stop('sheet name');
      names.add(s.name.toLowerCase());
      listed.set(part, {
        position: listed.size,
        name: s.name,
        hidden: s.state === 'hidden' || s.state === 'veryHidden',
      });
    }
    return (this.listed = listed);
  }

  /** The sheets a workbook lists, in exceljs's order (after listSheets). */
  get total(): number {
    return this.listed?.size ?? 0;
  }

  /**
   * The grid of a worksheet part once it has been parsed, as src/cli/read-xlsx.ts `sheetGrid` makes
   * it from exceljs's worksheet; undefined when the reader has stepped aside. Frees the part's cells.
   */
  grid(part: string): Grid | undefined {
    const listed = this.listed?.get(part);
    const sheet = this.parsed.get(part);
    if (!this.ok || !listed || !sheet) return undefined;
    this.parsed.delete(part);
    // Undefined without xl/styles.xml: exceljs then has no styles, and no cell a format.
    const styles = this.xfNumFmtIds;
    const formatOf = (styleId: number | undefined): string | undefined => {
      // exceljs CellXform.reconcile: `model.styleId && options.styles && styles.getStyleModel(styleId)`;
      // StylesXform.getStyleModel.
      if (!styleId || !styles) return undefined;
      if (styles.length === 0) return void this.stop('no cell formats'); // exceljs fails on it
      const id = styles[styleId];
      // `index.numFmt[id] || getDefaultFmtCode(id)`: an empty custom code gives way to the built-in one.
      return id ? this.numFmts.get(id) || builtInFormats[id]?.f || undefined : undefined;
    };
    const applied = applyMerges(sheet.merges);
    const linked = this.linkedCells(part, sheet);
    if (!linked) return undefined;
    const masters = new Map<string, string>();
    const formulas = new Map<string, string>();
    const kept: PlacedCell[] = [];
    // exceljs's eachRow passes over a row whose cells are all empty but styled (Row.hasValues); a
    // hyperlink makes a cell of its own type, whatever the cell held (CellXform.reconcile). The cells
    // exceljs makes from the XML (not its Merge type: a cell with nothing but `s="0"`) set each row's
    // last column; the gaps before it it makes on eachCell ({includeEmpty}), styled as the row, else
    // the column, says (Cell._mergeStyle).
    const rowsWithValues = new Set<number>();
    const lastColumn = new Map<number, number>();
    const made = new Set<number>();
    for (const raw of sheet.cells) {
      const value =
        raw.formula || raw.shareType || raw.value !== undefined || raw.rich || linked.has(raw.address);
      if (value) rowsWithValues.add(raw.row);
      if (!(value || raw.styleId)) continue;
      made.add((raw.row - 1) * COLUMNS + (raw.col - 1));
      lastColumn.set(raw.row, Math.max(lastColumn.get(raw.row) ?? 0, raw.col));
    }
    const columnFormat = this.columnFormats(sheet.cols, formatOf);
    for (const [row, last] of lastColumn) {
      if (!rowsWithValues.has(row)) continue;
      const rowFormat = formatOf(sheet.rowStyles.get(row));
      if (!rowFormat && columnFormat.length === 0) continue;
      for (let c = 1; c <= last; c++) {
        const key = (row - 1) * COLUMNS + (c - 1);
        if (made.has(key) || applied.covered.has(key)) continue;
        const numberFormat = rowFormat || columnFormat[c];
        if (numberFormat) kept.push({ r: row - 1, c: c - 1, g: { value: null, numberFormat } });
      }
    }
    if (!this.ok) return undefined;
    for (const raw of sheet.cells) {
      if (!rowsWithValues.has(raw.row)) continue;
      const read = this.cellOf(raw, formatOf(raw.styleId), masters, linked.has(raw.address));
      if (read === null || !this.ok) return undefined;
      if (raw.formula) formulas.set(raw.address, raw.formula);
      if (!read) continue;
      const r = raw.row - 1;
      const c = raw.col - 1;
      if (applied.covered.has(r * COLUMNS + c)) continue;
      if (read.slave !== undefined) {
        // A cell that shares a master's formula gets it slid to its own place, the whole sheet read
        // (exceljs FormulaValue._getTranslatedFormula).
        const master = formulas.get(read.slave);
        // A linked master has no formula left in exceljs, which then fails on the copies.
        if (master === undefined || linked.has(read.slave)) return void this.stop('shared formula master');
        const f = slideFormula(master, read.slave, raw.address);
        if (typeof f === 'string' && f !== '') read.cell.formula = f.startsWith('=') ? f : `=${f}`;
        const g = read.cell;
        if (g.value === null && !g.formula && !g.numberFormat) continue;
      }
      kept.push({ r, c, g: read.cell });
    }
    const hiddenCols = sheet.cols.filter((col) => col.hidden);
    return assembleGrid(listed.name, kept, applied.merges, listed.hidden, {
      row: (r) => sheet.hiddenRows.has(r + 1),
      col: (c) => hiddenCols.some((col) => c + 1 >= col.min && c + 1 <= col.max),
    });
  }

  /**
   * The number format of each column's style (index = column number), as exceljs's
   * Column.fromModel lays `<col>` ranges out: sorted by `min`, a range going on from where the one
   * before stopped.
   */
  private columnFormats(
    cols: ParsedSheet['cols'],
    formatOf: (styleId: number | undefined) => string | undefined,
  ): (string | undefined)[] {
    const out: (string | undefined)[] = [];
    let count = 1;
    for (const col of [...cols].sort((a, b) => a.min - b.min)) {
      while (count < col.min) count++;
      const numFmt = formatOf(col.styleId);
      while (count <= col.max) out[count++] = numFmt;
    }
    return out.some((f) => f !== undefined) ? out : [];
  }

  /**
   * One cell as exceljs reads it (CellXform.parseClose and reconcile, then read-xlsx's gridCell):
   * undefined when it holds nothing the grid keeps, null when the reader steps aside. A cell sharing
   * a master's formula says which master; its formula is slid once the sheet is read.
   */
  private cellOf(
    raw: RawCell,
    numFmt: string | undefined,
    masters: Map<string, string>,
    linked = false,
  ): { cell: GridCell; slave?: string } | undefined | null {
    const out: GridCell = { value: null };
    let slave: string | undefined;
    const dateFmt = numFmt !== undefined && exceljsUtils.isDateFmt(numFmt);
    if (raw.formula || raw.shareType) {
      if (raw.rich) return this.aside('rich formula');
      let result: unknown;
      if (raw.value) {
        if (raw.t === 'str') result = exceljsUtils.xmlDecode(raw.value);
        else if (raw.t === 'b') result = parseInt(raw.value, 10) !== 0;
        else if (raw.t === 'e') result = { error: raw.value };
        else result = parseFloat(raw.value);
      }
      if (result !== undefined && dateFmt) result = exceljsUtils.excelToDate(result, this.date1904);
      const formula = raw.formula;
      if (raw.shareType === 'shared') {
        // exceljs keys its masters by `si` as written, a missing one included (`formulae[undefined]`).
        if (raw.ref) {
          masters.set(String(raw.si), raw.address);
          if (!formula) return this.aside('shared master without formula');
        } else if (!formula) slave = masters.get(String(raw.si));
      }
      // The cached result as saved, 0 and false included (read-xlsx's gridCell asks exceljs for
      // `cell.result`, not the `cell.value` that drops them).
      if (formula) out.formula = formula.startsWith('=') ? formula : `=${formula}`;
      Object.assign(out, plain(result));
    } else if (raw.rich !== undefined || raw.value !== undefined) {
      switch (raw.t) {
        case 's': {
          if (raw.rich) return this.aside('rich shared');
          const strings = this.sharedStrings;
          const s = strings?.[parseInt(raw.value!, 10)];
          if (s === undefined) return this.aside('shared string index');
          out.value = s;
          break;
        }
        case 'str':
          if (raw.rich) return this.aside('rich str');
          out.value = exceljsUtils.xmlDecode(raw.value!);
          break;
        case 'inlineStr':
          out.value = raw.rich ? raw.rich.join('') : raw.value!;
          break;
        case 'b':
          if (raw.rich) return this.aside('rich boolean');
          out.value = parseInt(raw.value!, 10) !== 0;
          break;
        case 'e':
          if (raw.rich) return this.aside('rich error');
          out.value = raw.value!;
          out.error = true;
          break;
        default: {
          if (raw.rich) return this.aside('rich number');
          const n = parseFloat(raw.value!);
          Object.assign(out, plain(dateFmt ? exceljsUtils.excelToDate(n, this.date1904) : n));
        }
      }
    } else if (!raw.styleId && !linked) {
      // exceljs's Merge type: no cell at all.
      return undefined;
    }
    if (linked) {
      // A hyperlink's cell holds what the cell held, or its formula's result, as the link's text;
      // the formula is gone (CellXform.reconcile, HyperlinkValue).
      delete out.formula;
      slave = undefined;
    }
    if (numFmt) out.numberFormat = numFmt;
    if (out.value === null && !out.formula && !out.numberFormat && !slave) return undefined;
    return { cell: out, slave };
  }

  private aside(reason: string): null {
    this.stop(reason);
    return null;
  }
}
