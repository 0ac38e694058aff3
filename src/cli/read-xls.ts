/**
 * A real .xls (Excel 97–2003, BIFF8; WPS's .et writes the same records): the sheets' cells, merged
 * areas, hidden sheets, rows and columns, as the .xlsx reader gives them. The container (an OLE
 * compound file) is opened by `cfb`; the workbook stream's records are read here, only those that
 * hold what the grid keeps: sheet names (BOUNDSHEET), shared strings (SST and its CONTINUEs), number
 * formats (FORMAT, XF), the date system (DATEMODE), and on each sheet its cells (LABELSST, LABEL,
 * RSTRING, NUMBER, RK, MULRK, BOOLERR, FORMULA and its STRING), MERGECELLS, ROW and COLINFO.
 *
 * Everything is bounded as the .xlsx reader is (XlsxLimits): a count read from the file is never
 * trusted beyond the bytes that hold it, and a record that points outside its stream is refused as a
 * corrupt file. A formula's last computed value is read, and its text is written back from its
 * tokens (src/cli/xls-formula.ts; SHRFMLA and ARRAY hold those of shared and array formulas, SUPBOOK
 * and EXTERNSHEET name the sheets of 3-D references), or is `=` alone when a token is not known.
 * Older BIFF (Excel 5/95) is refused with one line.
 */

import type { CellRange, Grid, GridCell } from '../domain/grid';
import { MAX_SERIAL, prepareExceljs } from './exceljs-formats';
import { assembleGrid, type PlacedCell } from './grid-cells';
import { isOle } from './bounded-zip';
import { openOle, topStream } from './ole';
import { readLimited } from './read-docx';
import { ReadError } from './read-error';
import { ERRORS, formulaText, quotedSheet } from './xls-formula';
import { corrupt, Pieces, unicodeString } from './xls-strings';
import type { XlsxLimits } from './zip-guard';

/* eslint-disable @typescript-eslint/no-require-imports -- exceljs has no types for its modules */
const exceljsUtils = require('exceljs/lib/utils/utils') as { isDateFmt(fmt: string | undefined): boolean };
const builtInFormats = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, { f?: string }>;
/* eslint-enable @typescript-eslint/no-require-imports */

/** BIFF8's last row and column (0-based). */
const MAX_ROW = 65_535;
const MAX_COL = 255;

const RT = {
  BOF: 0x0809,
  EOF: 0x000a,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  FORMAT: 0x041e,
  XF: 0x00e0,
  DATEMODE: 0x0022,
  FILEPASS: 0x002f,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  SHRFMLA: 0x04bc,
  SUPBOOK: 0x01ae,
  EXTERNSHEET: 0x0017,
  ARRAY: 0x0221,
  TABLE: 0x0236,
  MERGECELLS: 0x00e5,
  ROW: 0x0208,
  COLINFO: 0x007d,
} as const;

interface BiffRecord {
  type: number;
  /** The record's data: a view into the stream. */
  data: Buffer;
  /** Where the record begins in the stream. */
  at: number;
}

/** The records of a stream from `start`, one at a time; a record past the stream's end is corrupt. */
function* records(stream: Buffer, start: number): Generator<BiffRecord> {
  let at = start;
  while (at + 4 <= stream.length) {
    const type = stream.readUInt16LE(at);
    const length = stream.readUInt16LE(at + 2);
    if (at + 4 + length > stream.length) throw corrupt();
    yield { type, data: stream.subarray(at + 4, at + 4 + length), at };
    at += 4 + length;
  }
}

/** An RK number: an integer or the top of a double, perhaps divided by 100. */
function rk(value: number): number {
  const div100 = (value & 0x01) !== 0;
  let n: number;
  if (value & 0x02) n = value >> 2;
  else {
    const buf = Buffer.alloc(8);
    buf.writeUInt32LE((value & 0xfffffffc) >>> 0, 4);
    n = buf.readDoubleLE(0);
  }
  return div100 ? n / 100 : n;
}

interface Globals {
  sheets: { name: string; at: number; hidden: boolean }[];
  strings: string[];
  /** Each XF's number format code, by XF index. */
  formats: (string | undefined)[];
  date1904: boolean;
  /** A 3-D reference's sheet by XTI index, as a formula writes it (`'项目二'`, `'[预算.xls]Sheet1'`). */
  sheetOf(ixti: number): string | undefined;
}

/** A SUPBOOK: this workbook's own sheets, or another workbook's file and sheet names. */
interface SupBook {
  own: boolean;
  file?: string;
  sheets: string[];
}

function supBook(data: Buffer): SupBook {
  if (data.length < 4) return { own: false, sheets: [] };
  const count = data.readUInt16LE(0);
  if (data.readUInt16LE(2) === 0x0401) return { own: true, sheets: [] };
  // Another workbook: its encoded path (a control character before each part), then its sheets.
  if (data.readUInt16LE(2) === 0x3a01) return { own: false, sheets: [] };
  try {
    let at = 2;
    const path = unicodeString(data, at, 2);
    at = path.end;
    const sheets: string[] = [];
    for (let i = 0; i < count && at < data.length; i++) {
      const name = unicodeString(data, at, 2);
      sheets.push(name.text);
      at = name.end;
    }
    // The path's parts are set apart by control characters (a drive, a folder, up) or slashes.
    const parts: string[] = [''];
    for (const ch of path.text) {
      if (ch.charCodeAt(0) < 9 || ch === '/' || ch === '\\') parts.push('');
      else parts[parts.length - 1] += ch;
    }
    const file = parts.filter(Boolean).pop() ?? path.text;
    return { own: false, file, sheets };
  } catch {
    return { own: false, sheets: [] };
  }
}

function readGlobals(stream: Buffer, limits: XlsxLimits): Globals {
  prepareExceljs();
  const sheets: Globals['sheets'] = [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let strings: string[] = [];
  let date1904 = false;
  const iterator = records(stream, 0);
  const first = iterator.next();
  if (first.done || first.value.type !== RT.BOF) throw new ReadError('not-workbook');
  // BIFF8 says 0x0600; Excel 5/95 (BIFF5/7) keeps its strings in another code page and layout.
  if (first.value.data.length < 4 || first.value.data.readUInt16LE(0) !== 0x0600)
    throw new ReadError('xls-old');
  let sst: Buffer[] | undefined;
  const books: SupBook[] = [];
  const xti: [number, number][] = [];
  let previous = -1;
  for (const record of iterator) {
    const { type, data } = record;
    if (type === RT.CONTINUE && previous === RT.SST && sst) {
      sst.push(data);
      continue;
    }
    previous = type;
    switch (type) {
      case RT.EOF: {
        strings = sst ? sharedStrings(sst, limits) : [];
        const sheetOf = (ixti: number): string | undefined => {
          const [book, tab] = xti[ixti] ?? [];
          const found = book === undefined ? undefined : books[book];
          if (!found || tab === undefined) return undefined;
          if (found.own) {
            const name = sheets[tab]?.name;
            return name === undefined ? undefined : quotedSheet(name);
          }
          const name = found.sheets[tab];
          return found.file && name !== undefined
            ? `'[${found.file}]${name.replace(/'/g, "''")}'`
            : undefined;
        };
        return { sheets, strings, formats: xfFormats.map((id) => formatCode(id, custom)), date1904, sheetOf };
      }
      case RT.SUPBOOK:
        books.push(supBook(data));
        break;
      case RT.EXTERNSHEET:
        if (data.length >= 2)
          for (let i = 0; i < data.readUInt16LE(0) && 2 + i * 6 + 6 <= data.length; i++)
            xti.push([data.readUInt16LE(2 + i * 6), data.readUInt16LE(4 + i * 6)]);
        break;
      case RT.FILEPASS:
        // An open password: the records after it are encrypted.
        throw new ReadError('xls-encrypted');
      case RT.BOUNDSHEET: {
        if (data.length < 8) throw corrupt();
        if (sheets.length >= limits.sheets) throw new ReadError('too-many-sheets', { limit: limits.sheets });
        // Worksheets only: a chart, a macro sheet or a VB module holds no table.
        if (data.readUInt8(5) !== 0) break;
        const { text } = unicodeString(data, 6, 1);
        sheets.push({ name: text, at: data.readUInt32LE(0), hidden: (data.readUInt8(4) & 0x03) !== 0 });
        break;
      }
      case RT.SST:
        sst = [data];
        break;
      case RT.FORMAT:
        // A number format whose text runs past its record (written so by some programs) is left
        // out: the cells under it read as plain numbers.
        if (data.length >= 5)
          try {
            custom.set(data.readUInt16LE(0), unicodeString(data, 2, 2).text);
          } catch (err) {
            if (!(err instanceof ReadError)) throw err;
          }
        break;
      case RT.XF:
        if (data.length >= 4) xfFormats.push(data.readUInt16LE(2));
        break;
      case RT.DATEMODE:
        date1904 = data.length >= 2 && data.readUInt16LE(0) === 1;
        break;
    }
  }
  throw corrupt();
}

function formatCode(id: number, custom: Map<number, string>): string | undefined {
  return custom.get(id) ?? builtInFormats[String(id)]?.f;
}

function sharedStrings(pieces: Buffer[], limits: XlsxLimits): string[] {
  const reader = new Pieces(pieces);
  reader.skip(4);
  const unique = reader.u32();
  // Each string takes three bytes at least: a count larger than the bytes allow is corrupt.
  const bytes = pieces.reduce((n, p) => n + p.length, 0);
  if (unique > limits.sharedStrings)
    throw new ReadError('too-many-shared-strings', { limit: limits.sharedStrings });
  // Some writers count more strings than they write (an SST of no bytes saying 1,761): the strings
  // there are read, and a cell that points past them is refused as corrupt. No more strings are
  // read than the bytes can hold (three at least each).
  const out: string[] = [];
  for (let i = 0; i < Math.min(unique, Math.floor(bytes / 3)) && !reader.done; i++)
    out.push(reader.richString());
  return out;
}

/** The cells of one worksheet substream, its merged areas and hidden lines. */
function readSheet(
  stream: Buffer,
  sheet: Globals['sheets'][number],
  globals: Globals,
  budget: { cells: number; rows: number },
  limits: XlsxLimits,
): Grid {
  if (sheet.at < 0 || sheet.at + 4 > stream.length) throw corrupt();
  const placed: PlacedCell[] = [];
  const merges: CellRange[] = [];
  const hiddenRows = new Set<number>();
  const hiddenCols: [number, number][] = [];
  const iterator = records(stream, sheet.at);
  const first = iterator.next();
  if (first.done || first.value.type !== RT.BOF) throw corrupt();
  /** A formula whose result is a string: its text comes in the STRING record that follows. */
  let pendingString: GridCell | undefined;
  /** Cells of shared or array formulas (ptgExp), by the cell whose SHRFMLA or ARRAY holds the tokens. */
  const sharing: { cell: GridCell; row: number; col: number; key: string }[] = [];
  const shared = new Map<string, Buffer>();
  /** The last FORMULA's cell: a SHRFMLA or ARRAY after it holds the tokens it points at. */
  let lastFormula: { row: number; col: number } | undefined;
  const text = (rgce: Buffer, row: number, col: number): string => {
    const written = formulaText(rgce, { row, col, sheetOf: globals.sheetOf });
    return written === undefined ? '=' : `=${written}`;
  };
  /** A cell at row `r`, column `c`, with the number format of XF `xf`. */
  const placeAt = (r: number, c: number, xf: number, cell: GridCell): void => {
    if (r > MAX_ROW || c > MAX_COL) throw new ReadError('beyond-sheet', { ref: `R${r + 1}C${c + 1}` });
    if (++budget.cells > limits.cells) throw new ReadError('too-many-cells', { limit: limits.cells });
    const format = globals.formats[xf];
    if (format !== undefined && format !== 'General') cell.numberFormat = format;
    // A date is a day from 0 up to 9999-12-31; another number under a date format (an amount under
    // `[>999999]#,,M`, whose M reads as a month) stays a number, as prepareExceljs keeps it.
    const value = cell.value;
    if (
      typeof value === 'number' &&
      value >= 0 &&
      value < MAX_SERIAL &&
      format &&
      exceljsUtils.isDateFmt(format)
    ) {
      cell.date = true;
      if (globals.date1904) cell.value = value + 1462;
    }
    placed.push({ r, c, g: cell });
  };
  /** A cell record's cell: its row, column and XF come first in the record. */
  const place = (data: Buffer, cell: GridCell): void =>
    placeAt(data.readUInt16LE(0), data.readUInt16LE(2), data.readUInt16LE(4), cell);
  let ended = false;
  /** Substreams open inside the sheet: a chart embedded in it has its own, from BOF to EOF. */
  let inner = 0;
  for (const { type, data, at } of iterator) {
    if (type === RT.BOF) {
      if (++inner > 8) throw corrupt();
      continue;
    }
    if (type === RT.EOF) {
      if (inner > 0) {
        inner--;
        continue;
      }
      ended = true;
      break;
    }
    if (inner > 0) continue;
    if (type === RT.STRING && pendingString) {
      // A long result goes on in the CONTINUE records right after it (each run of characters
      // there begins with its own width flag, as in the SST).
      const pieces = [data];
      for (let next = at + 4 + data.length; next + 4 <= stream.length;) {
        if (stream.readUInt16LE(next) !== RT.CONTINUE) break;
        const length = stream.readUInt16LE(next + 2);
        if (next + 4 + length > stream.length) throw corrupt();
        pieces.push(stream.subarray(next + 4, next + 4 + length));
        next += 4 + length;
      }
      pendingString.value = new Pieces(pieces).string(2).text;
      pendingString = undefined;
      continue;
    }
    // A shared or array formula's own record may stand between a formula and its string.
    if (type !== RT.SHRFMLA && type !== RT.ARRAY && type !== RT.TABLE) pendingString = undefined;
    switch (type) {
      case RT.LABELSST: {
        if (data.length < 10) throw corrupt();
        const text = globals.strings[data.readUInt32LE(6)];
        if (text === undefined) throw corrupt();
        place(data, { value: text });
        break;
      }
      case RT.LABEL:
      case RT.RSTRING:
        if (data.length < 9) throw corrupt();
        place(data, { value: unicodeString(data, 6, 2).text });
        break;
      case RT.NUMBER:
        if (data.length < 14) throw corrupt();
        place(data, { value: data.readDoubleLE(6) });
        break;
      case RT.RK:
        if (data.length < 10) throw corrupt();
        place(data, { value: rk(data.readInt32LE(6)) });
        break;
      case RT.MULRK: {
        if (data.length < 6) throw corrupt();
        const r = data.readUInt16LE(0);
        const c0 = data.readUInt16LE(2);
        const n = Math.floor((data.length - 6) / 6);
        // Each cell's XF and RK number, six bytes apiece, after the row and the first column.
        for (let i = 0; i < n; i++)
          placeAt(r, c0 + i, data.readUInt16LE(4 + i * 6), { value: rk(data.readInt32LE(6 + i * 6)) });
        break;
      }
      case RT.BOOLERR: {
        if (data.length < 8) throw corrupt();
        const v = data.readUInt8(6);
        place(data, data.readUInt8(7) ? { value: ERRORS[v] ?? '#N/A', error: true } : { value: v !== 0 });
        break;
      }
      case RT.FORMULA: {
        if (data.length < 22) throw corrupt();
        const cell: GridCell = { value: null, formula: '=' };
        // The last computed value: a double, or (its last two bytes 0xFFFF) a string, a boolean,
        // an error or empty, said by its first byte.
        if (data.readUInt16LE(12) === 0xffff) {
          const kind = data.readUInt8(6);
          if (kind === 0) pendingString = cell;
          else if (kind === 1) cell.value = data.readUInt8(8) !== 0;
          else if (kind === 2)
            Object.assign(cell, { value: ERRORS[data.readUInt8(8)] ?? '#N/A', error: true });
          else if (kind === 3) cell.value = '';
        } else cell.value = data.readDoubleLE(6);
        const row = data.readUInt16LE(0);
        const col = data.readUInt16LE(2);
        const cce = data.readUInt16LE(20);
        const rgce = data.subarray(22, Math.min(data.length, 22 + cce));
        // ptgExp: the tokens are a shared or array formula's, kept with its first cell.
        if (rgce.length >= 5 && rgce.readUInt8(0) === 0x01)
          sharing.push({ cell, row, col, key: `${rgce.readUInt16LE(1)},${rgce.readUInt16LE(3)}` });
        else cell.formula = text(rgce, row, col);
        lastFormula = { row, col };
        place(data, cell);
        if (cell.value === '') cell.value = null;
        break;
      }
      case RT.SHRFMLA:
      case RT.ARRAY: {
        // The range's first row and column, then (past a few fields) the tokens' length and tokens.
        const start = type === RT.SHRFMLA ? 8 : 12;
        if (data.length < start + 2 || !lastFormula) break;
        const cce = data.readUInt16LE(start);
        shared.set(`${data.readUInt16LE(0)},${data.readUInt8(4)}`, data.subarray(start + 2, start + 2 + cce));
        break;
      }
      case RT.MERGECELLS: {
        if (data.length < 2) throw corrupt();
        const count = Math.min(data.readUInt16LE(0), Math.floor((data.length - 2) / 8));
        if (merges.length + count > limits.mergesPerSheet)
          throw new ReadError('too-many-merges', { limit: limits.mergesPerSheet });
        for (let i = 0; i < count; i++) {
          const at = 2 + i * 8;
          const m = {
            top: data.readUInt16LE(at),
            bottom: data.readUInt16LE(at + 2),
            left: data.readUInt16LE(at + 4),
            right: data.readUInt16LE(at + 6),
          };
          if (m.bottom < m.top || m.right < m.left || m.right > MAX_COL) throw corrupt();
          if (m.bottom > m.top || m.right > m.left) merges.push(m);
        }
        break;
      }
      case RT.ROW:
        if (data.length < 16) throw corrupt();
        if (++budget.rows > limits.rows) throw new ReadError('too-many-rows', { limit: limits.rows });
        if (data.readUInt16LE(12) & 0x20) hiddenRows.add(data.readUInt16LE(0));
        break;
      case RT.COLINFO:
        if (data.length < 10) throw corrupt();
        if (data.readUInt16LE(8) & 0x01) hiddenCols.push([data.readUInt16LE(0), data.readUInt16LE(2)]);
        break;
    }
  }
  // A sheet cut off before its end: the file was truncated.
  if (!ended) throw corrupt();
  for (const { cell, row, col, key } of sharing) {
    const rgce = shared.get(key);
    cell.formula = rgce ? text(rgce, row, col) : '=';
  }
  return assembleGrid(sheet.name, placed, merges, sheet.hidden, {
    row: (r) => hiddenRows.has(r),
    col: (c) => hiddenCols.some(([from, to]) => c >= from && c <= to),
  });
}

/** The workbook stream of an OLE compound file, or undefined when it holds none (a .doc, an .msg). */
export function workbookStream(buf: Buffer): Buffer | undefined {
  const file = openOle(buf, 'corrupt');
  return topStream(file, 'Workbook') ?? topStream(file, 'Book');
}

/** The sheets of a real .xls, each a Grid; ReadError with a code the CLI says in one line. */
export function xlsGrids(buf: Buffer, limits: XlsxLimits): Grid[] {
  const stream = workbookStream(buf);
  if (!stream) throw new ReadError('not-workbook');
  const globals = readGlobals(stream, limits);
  const budget = { cells: 0, rows: 0 };
  return globals.sheets.map((sheet) => readSheet(stream, sheet, globals, budget, limits));
}

/**
 * A file's first bytes are Excel 2.x–4.0's: a bare workbook stream (no OLE container), its BOF
 * first. The reader worker looks at them before it reads the file (loadXls takes OLE files only).
 */
export function isOldBiff(head: Buffer): boolean {
  return (
    head.length >= 4 && [0x0009, 0x0209, 0x0409].includes(head.readUInt16LE(0)) && head.readUInt16LE(2) <= 16
  );
}

/**
 * The sheets of the file at `path` when it is a real .xls (an OLE container with a workbook stream,
 * whatever its name: a web page's .xls, an .xlsx renamed), else undefined: the caller reads it as
 * what its name says. Runs in the reader worker.
 */
export async function loadXls(path: string, limits: XlsxLimits): Promise<Grid[] | undefined> {
  const buf = await readLimited(path, limits);
  if (!isOle(buf)) return undefined;
  return workbookStream(buf) ? xlsGrids(buf, limits) : undefined;
}
