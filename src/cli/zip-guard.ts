/**
 * Looks at an .xlsx file before exceljs loads it, so that a hostile or broken file gives one clear
 * message instead of a hang, an out-of-memory crash or a stack trace. The file is read as exceljs
 * will read it (src/cli/bounded-zip.ts: the same zip entries, the same XML parser), and what exceljs
 * would build from it is counted against XlsxLimits — cells, rows, columns, merged areas, defined
 * names, shared strings, sheets, elements and bytes — whatever the XML's spelling (quotes, whitespace,
 * attribute order, entities, prefixes). The load itself then runs in a worker with a heap and a time
 * limit (src/cli/isolate.ts), for whatever this pass does not foresee.
 */

import type { SaxesTagPlain } from 'saxes';
import {
  localName,
  type PartOrder,
  ReadError,
  readZip,
  shown,
  zipEntries,
  type PartPlan,
  type XmlVisitor,
  type ZipEntry,
  type ZipLimits,
} from './bounded-zip';
import { boxCost, columnsBuilt, definedNameCost, MAX_COLUMN, MAX_ROW, mergeBox } from './exceljs-refs';

import { DEFAULT_ISOLATION } from './isolate';

export { ReadError as XlsxReadError, type ReadErrorCode } from './read-error';

export interface XlsxLimits extends ZipLimits {
  /** The file on disk. */
  fileBytes: number;
  /** Worksheets declared in xl/workbook.xml. */
  sheets: number;
  /**
   * Cells exceljs makes an object for, over all sheets: each cell written, each cell a merged area
   * covers, each cell a defined name covers.
   */
  cells: number;
  /** `<row>` elements over all sheets; no row may lie past Excel's 1,048,576th. */
  rows: number;
  /** Column objects over all sheets: exceljs builds every column up to the last `<col>` names. */
  columns: number;
  /**
   * Merged areas in one sheet: exceljs compares each new one with all before it when it applies
   * them (as it does for an annotated copy; the reader applies them itself, in one pass).
   */
  mergesPerSheet: number;
  /** Entries of xl/sharedStrings.xml. */
  sharedStrings: number;
  /** The heap of the worker that loads the file, in MB (V8's old generation). */
  heapMb: number;
  /** Time to read one file, in milliseconds. */
  timeMs: number;
  /**
   * Worksheet XML read per round (src/cli/xlsx-chunks.ts; default ROUND_BYTES): a workbook with
   * less is loaded at once. Not a limit: tests set it to compare rounds with a single load.
   */
  roundBytes?: number;
  /**
   * Not a limit: true has exceljs read the cells even where the guard's pass reads them itself
   * (src/cli/xlsx-direct.ts); tests compare the two readers with it.
   */
  exceljsOnly?: boolean;
}

/**
 * Far above any real submission, so that a real file is never refused: the 1,000-table benchmark
 * workbook has 105,000 cells written, 15,000 rows, 17,000 merged areas (at most 170 on a sheet),
 * 100 sheets, 220,000 XML elements and 5.6 MB of XML. Past them exceljs needs more than the worker's
 * heap, or minutes: on a busy 2-core machine 500,000 cells take it 300-450 MB and 3-8 s, 16,384
 * columns on each of 100 sheets 300 MB, 5,000 merged areas on one sheet 2 s (each is compared with
 * all before it: 20,000 take 80 s), a defined name over a column of a million cells 300 MB.
 */
export const DEFAULT_LIMITS: XlsxLimits = {
  fileBytes: 100 * 1024 * 1024,
  unzippedBytes: 256 * 1024 * 1024,
  partBytes: 64 * 1024 * 1024,
  elements: 4_000_000,
  sheets: 1_000,
  cells: 500_000,
  rows: 500_000,
  columns: 16 * MAX_COLUMN,
  mergesPerSheet: 5_000,
  sharedStrings: 500_000,
  ...DEFAULT_ISOLATION,
};

/** What the guard keeps from its pass over the parts, for reading the add-in's sheet markers. */
export interface XlsxParts {
  /** Inflated small parts: xl/workbook.xml, relationship parts, custom-property and web-extension parts. */
  parts: Map<string, Buffer>;
  /** Worksheet part name → its `<customProperties>` element, for sheets that have one. */
  sheetCustomProperties: Map<string, string>;
  /** The zip's entries as JSZip lists them: what exceljs loads. */
  entries: ZipEntry[];
}

const KEPT_PART = /^(xl\/workbook\.xml|.*\.rels|.*customProperty[^/]*\.bin|xl\/webextensions\/[^/]+\.xml)$/;

/** The parts exceljs 4.4 parses as XML (lib/xlsx/xlsx.js `load`: exact names, then unanchored patterns). */
type Kind = 'workbook' | 'sharedStrings' | 'worksheet' | 'xml';
const EXACT: Record<string, Kind> = {
  '_rels/.rels': 'xml',
  'xl/workbook.xml': 'workbook',
  'xl/_rels/workbook.xml.rels': 'xml',
  'xl/sharedStrings.xml': 'sharedStrings',
  'xl/styles.xml': 'xml',
  'docProps/app.xml': 'xml',
  'docProps/core.xml': 'xml',
};
const BINARY = [/xl\/media\//, /xl\/theme\/([a-zA-Z0-9]+)[.]xml/];
const PATTERNS: [RegExp, Kind | undefined][] = [
  [/xl\/worksheets\/sheet(\d+)[.]xml/, 'worksheet'],
  [/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/, 'xml'],
  [/xl\/theme\/([a-zA-Z0-9]+)[.]xml/, undefined],
  [/xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/, undefined],
  [/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/, 'xml'],
  [/xl\/(comments\d+)[.]xml/, 'xml'],
  [/xl\/tables\/(table\d+)[.]xml/, 'xml'],
  [/xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/, 'xml'],
  [/xl\/drawings\/(vmlDrawing\d+)[.]vml/, 'xml'],
];

const isBinary = (name: string): boolean => BINARY.some((re) => re.test(name));

/** A part exceljs reads as a worksheet. */
export const isWorksheetPart = (name: string): boolean => kindOf(name) === 'worksheet';

function kindOf(name: string): Kind | undefined {
  if (isBinary(name)) return undefined;
  if (name in EXACT) return EXACT[name];
  for (const [re, kind] of PATTERNS) if (re.test(name)) return kind;
  return undefined;
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The running counts of one file, each checked against its limit as it grows. */
class Budget {
  cells = 0;
  rows = 0;
  columns = 0;
  sheets = 0;
  sharedStrings = 0;
  constructor(readonly limits: XlsxLimits) {}
  addCells(n: number): void {
    this.cells += n;
    if (!(this.cells <= this.limits.cells))
      throw new ReadError('too-many-cells', { limit: this.limits.cells });
  }
}

/** Counts what exceljs builds from one worksheet part, and keeps its `<customProperties>`. */
function worksheetVisitor(part: string, budget: Budget, out: XlsxParts): XmlVisitor {
  const { limits } = budget;
  let merges = 0;
  let columns = 0;
  let props: string[] | undefined;
  return {
    open(tag: SaxesTagPlain) {
      const a = tag.attributes;
      switch (localName(tag.name)) {
        case 'c':
          budget.addCells(1);
          return;
        case 'row': {
          if (++budget.rows > limits.rows) throw new ReadError('too-many-rows', { limit: limits.rows });
          const r = parseInt(a.r, 10);
          if (r > MAX_ROW) throw new ReadError('beyond-sheet', { ref: shown(`${a.r}`) });
          return;
        }
        case 'col': {
          const built = columnsBuilt(a.min, a.max);
          if (built > MAX_COLUMN) throw new ReadError('beyond-sheet', { ref: shown(`${a.min}:${a.max}`) });
          if (built > columns) {
            budget.columns += built - columns;
            columns = built;
            if (budget.columns > limits.columns)
              throw new ReadError('too-many-columns', { limit: limits.columns });
          }
          return;
        }
        case 'mergeCell': {
          if (a.ref === undefined) return;
          if (++merges > limits.mergesPerSheet)
            throw new ReadError('too-many-merges', { limit: limits.mergesPerSheet });
          let box;
          try {
            box = mergeBox(a.ref);
          } catch {
            // exceljs stops on it: a damaged file, which the load says.
            return;
          }
          if (box.bottom > MAX_ROW) throw new ReadError('beyond-sheet', { ref: shown(a.ref) });
          budget.addCells(boxCost(box));
          return;
        }
        case 'customProperties':
          props = [];
          return;
        case 'customPr':
          props?.push(
            `<customPr${Object.entries(a)
              .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
              .join('')}/>`,
          );
          return;
      }
    },
    close(name: string) {
      if (localName(name) === 'customProperties' && props) {
        out.sheetCustomProperties.set(part, `<customProperties>${props.join('')}</customProperties>`);
        props = undefined;
      }
    },
  };
}

/** Both visitors, the guard's first (its limits stop the file before the reader sees too much). */
function both(guard: XmlVisitor, reader: XmlVisitor | undefined): XmlVisitor {
  if (!reader) return guard;
  return {
    open(tag) {
      guard.open?.(tag);
      reader.open?.(tag);
    },
    close(name) {
      guard.close?.(name);
      reader.close?.(name);
    },
    text(text) {
      guard.text?.(text);
      reader.text?.(text);
    },
  };
}

/**
 * A reader that takes the cells from the guard's pass (src/cli/xlsx-direct.ts): a visitor of its own
 * for each part it reads, and the worksheets handed to it after every other part.
 */
export interface XlsxPartReader {
  visitor(name: string, kind: string | undefined): XmlVisitor | undefined;
  /**
   * After a worksheet part has been parsed; every part but the worksheets has been by then, and
   * `parts` holds what the guard keeps of them (its worksheets' custom properties so far).
   */
  worksheetParsed(name: string, parts: XlsxParts): void;
}

/** Counts the sheets of xl/workbook.xml and the cells its defined names make exceljs index. */
function workbookVisitor(budget: Budget): XmlVisitor {
  const { limits } = budget;
  let name: { name: string | undefined; text: string[] } | undefined;
  return {
    open(tag) {
      const local = localName(tag.name);
      if (local === 'sheet' && ++budget.sheets > limits.sheets)
        throw new ReadError('too-many-sheets', { limit: limits.sheets });
      if (local === 'definedName') name = { name: tag.attributes.name, text: [] };
    },
    text(text) {
      name?.text.push(text);
    },
    close(tagName) {
      if (localName(tagName) !== 'definedName' || !name) return;
      budget.addCells(definedNameCost(name.name, name.text.join('')));
      name = undefined;
    },
  };
}

function sharedStringsVisitor(budget: Budget): XmlVisitor {
  const { limits } = budget;
  return {
    open(tag) {
      if (localName(tag.name) === 'si' && ++budget.sharedStrings > limits.sharedStrings)
        throw new ReadError('too-many-shared-strings', { limit: limits.sharedStrings });
    },
  };
}

/**
 * Throws a ReadError unless `buf` is a zip holding an Excel workbook within `limits`. A `reader` reads
 * the cells in the same pass (src/cli/xlsx-direct.ts); otherwise exceljs then loads the same bytes.
 * The parts exceljs ignores (sheet custom properties, the add-in's settings) are returned.
 */
export function inspectXlsx(buf: Buffer, limits: XlsxLimits, reader?: XlsxPartReader): XlsxParts {
  const entries = zipEntries(buf);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new ReadError('not-workbook');
  const out: XlsxParts = { parts: new Map(), sheetCustomProperties: new Map(), entries };
  const budget = new Budget(limits);
  const planFor = (name: string): PartPlan | undefined => {
    const keep = KEPT_PART.test(name);
    const kind = kindOf(name);
    const guard = ((): XmlVisitor | undefined => {
      switch (kind) {
        case 'worksheet':
          return worksheetVisitor(name, budget, out);
        case 'workbook':
          return workbookVisitor(budget);
        case 'sharedStrings':
          return sharedStringsVisitor(budget);
        case 'xml':
          return {};
        default:
          return undefined;
      }
    })();
    if (!guard) return keep ? { keep } : undefined;
    return { xml: both(guard, reader?.visitor(name, kind)), keep };
  };
  // Worksheets last: the shared strings and styles their cells refer to are read by then.
  const order: PartOrder = {
    later: (name) => kindOf(name) === 'worksheet',
    parsed: (name, kept) => {
      out.parts = kept;
      reader?.worksheetParsed(name, out);
    },
  };
  out.parts = readZip(buf, limits, planFor, isBinary, entries, order);
  return out;
}
