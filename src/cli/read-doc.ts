/**
 * A real .doc (Word 97–2003; WPS's .wps writes the same): its paragraphs and tables, read as a .docx
 * is (src/cli/read-docx.ts). The container (an OLE compound file) is opened by `cfb`; the
 * WordDocument stream's text is found through the piece table (the Clx in the 0Table or 1Table
 * stream), and each paragraph's properties through its PAPX (PlcBtePapx → the 512-byte FKP pages):
 * whether it is in a table, ends a table row (TTP), and the row's cells (sprmTDefTable: each cell's
 * edges in twips, and its merge flags; sprmTVertMerge, sprmTMerge).
 *
 * What is read becomes the markup a .docx would hold — a paragraph, a table, its grid of columns
 * (every cell edge of every row), rows, cells, `gridSpan` and `vMerge` — and drives the same
 * visitor, so that a table's caption, its unit, its pieces across pages and its cells are read as a
 * .docx's are.
 *
 * Shown as Word shows it: a field's result, not its code; no picture or object anchors, no soft
 * hyphen; a line break in a paragraph is a line of the cell. Text deleted with tracking on and
 * hidden text (CHPX: sprmCFRMarkDel, sprmCFVanish; a style that hides text is not looked at) are
 * left out. A symbol inserted from a font (sprmCSymbol) and a run in a symbol font (sprmCRgFtc0,
 * the font's name from SttbfFfn) read as the .docx reader reads `w:sym` and Symbol runs. A table
 * nested in a cell (Word 2000 and after: paragraphs of a depth above 1, their cells and rows ended
 * by sprmPFInnerTableCell and sprmPFInnerTtp) is a table in that cell, as in a .docx. A text box
 * (its story after the main text's, PlcftxbxTxt) is read where its shape is anchored (PlcSpaMom),
 * inside `w:txbxContent`, as a .docx's.
 *
 * Every count and offset read from the file is checked against the bytes that hold it: a file that
 * points outside its streams is refused as corrupt. An encrypted .doc, and one of Word 6.0/95 or
 * older, are refused with one line each.
 */

import type { Grid } from '../domain/grid';
import { isOle, Reader } from './bounded-zip';
import { openOle, topStream } from './ole';
import { isSymbolFont, readLimited, symbolInFont, textInFont, wordGrids, type WordSink } from './read-docx';
import { ReadError } from './read-error';
import type { XlsxLimits } from './zip-guard';

const corrupt = (): ReadError => new ReadError('doc-corrupt');

/** The streams of a Word binary document, or undefined when the container holds none (an .xls). */
function docStreams(buf: Buffer): { word: Buffer; table: (name: string) => Buffer | undefined } | undefined {
  const file = openOle(buf, 'doc-corrupt');
  const word = topStream(file, 'WordDocument');
  return word ? { word, table: (name) => topStream(file, name) } : undefined;
}

/** A run of the main text: character positions [cp, cp + length) stored from byte `fc`. */
interface Piece {
  cp: number;
  length: number;
  fc: number;
  /** One byte a character (Windows-1252), else UTF-16LE. */
  compressed: boolean;
}

/** The File Information Block: what the rest of the file is found by. */
interface Fib {
  ccpText: number;
  /** Where the text-box story begins (after the main text, footnotes, headers, comments, endnotes). */
  boxStart: number;
  ccpTxbx: number;
  /** (fc, lcb) pair `index` of FibRgFcLcb97: the offset and size of a structure in the table stream. */
  fcLcb(index: number): { fc: number; lcb: number };
  tableStream: string;
}

const FC_LCB = {
  plcfBteChpx: 12,
  plcfBtePapx: 13,
  sttbfFfn: 15,
  clx: 33,
  plcSpaMom: 40,
  plcftxbxTxt: 56,
} as const;

function readFib(word: Reader): Fib {
  const ident = word.u16(0);
  const nFib = word.u16(2);
  // Word 6.0/95 (0xA5DC, nFib 101–105; 0xA699 on the Mac) and older keep another layout.
  if (ident === 0xa5dc || ident === 0xa699 || (ident === 0xa5ec && nFib < 0xc1))
    throw new ReadError('doc-old');
  if (word.buf.length < 68 || ident !== 0xa5ec) throw corrupt();
  const flags = word.u16(0x0a);
  if (flags & 0x0100) throw new ReadError('doc-encrypted');
  const csw = word.u16(32);
  const cslwAt = 34 + csw * 2;
  const cslw = word.u16(cslwAt);
  const lwAt = cslwAt + 2;
  if (cslw < 4) throw corrupt();
  const ccpText = word.i32(lwAt + 12);
  // ccpFtn, ccpHdd, (ccpMcr), ccpAtn, ccpEdn, ccpTxbx: the stories after the main text, in order.
  const [ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx] = [16, 20, 24, 28, 32, 36].map((o) =>
    cslw * 4 >= o + 4 ? Math.max(0, word.i32(lwAt + o)) : 0,
  ) as [number, number, number, number, number, number];
  const countAt = lwAt + cslw * 4;
  const count = word.u16(countAt);
  const pairsAt = countAt + 2;
  if (ccpText < 0 || count <= FC_LCB.clx) throw corrupt();
  return {
    ccpText,
    boxStart: ccpText + ccpFtn + ccpHdd + ccpMcr + ccpAtn + ccpEdn,
    ccpTxbx,
    fcLcb: (index) => ({ fc: word.u32(pairsAt + index * 8), lcb: word.u32(pairsAt + index * 8 + 4) }),
    tableStream: flags & 0x0200 ? '1Table' : '0Table',
  };
}

/** The piece table (Clx → Pcdt → PlcPcd): where each stretch of the text is stored. */
function readPieces(table: Reader, fib: Fib): Piece[] {
  const { fc, lcb } = fib.fcLcb(FC_LCB.clx);
  const end = fc + lcb;
  if (lcb === 0 || end > table.buf.length) throw corrupt();
  let at = fc;
  // Prc entries (property modifiers of pieces) come first; then the Pcdt.
  while (at < end && table.u8(at) === 0x01) at += 3 + Math.max(0, table.i16(at + 1));
  if (at >= end || table.u8(at) !== 0x02) throw corrupt();
  const size = table.u32(at + 1);
  const plc = at + 5;
  if (plc + size > end || (size - 4) % 12 !== 0) throw corrupt();
  const n = (size - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cp = table.u32(plc + i * 4);
    const next = table.u32(plc + (i + 1) * 4);
    const raw = table.u32(plc + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const offset = raw & 0x3fffffff;
    if (next < cp) throw corrupt();
    pieces.push({ cp, length: next - cp, fc: compressed ? offset / 2 : offset, compressed });
  }
  return pieces;
}

/** Windows-1252's characters for 0x80–0x9F (a compressed piece's bytes), the rest as Latin-1. */
const CP1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * The text [0, end) of every story (main text, then footnotes … text boxes), and for each
 * character the byte it is stored at. The pieces run on from 0 without a gap, or the file is corrupt.
 */
function storyText(
  word: Reader,
  pieces: Piece[],
  end: number,
): { text: string; fcAt: (cp: number) => number } {
  const parts: string[] = [];
  const placed: Piece[] = [];
  let cp = 0;
  for (const piece of [...pieces].sort((a, b) => a.cp - b.cp)) {
    if (cp >= end) break;
    if (piece.cp !== cp) throw corrupt();
    const length = Math.min(piece.length, end - piece.cp);
    if (piece.compressed) {
      const bytes = word.bytes(piece.fc, length);
      let s = '';
      for (const b of bytes) s += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
      parts.push(s);
    } else {
      parts.push(word.bytes(piece.fc, length * 2).toString('utf16le'));
    }
    placed.push({ ...piece, length });
    cp += length;
  }
  const text = parts.join('');
  const fcAt = (at: number): number => {
    let lo = 0;
    let hi = placed.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (placed[mid].cp <= at) lo = mid;
      else hi = mid - 1;
    }
    const p = placed[lo];
    if (!p || at >= p.cp + p.length) return -1;
    return p.fc + (at - p.cp) * (p.compressed ? 1 : 2);
  };
  return { text, fcAt };
}

/** A grpprl's sprms, each as its code and the offset and size of its operand. */
function* sprms(b: Reader, start: number, end: number): Generator<{ op: number; at: number; size: number }> {
  let at = start;
  while (at + 2 <= end) {
    const op = b.u16(at);
    at += 2;
    let size: number;
    switch (op >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (op === SPRM.TDefTable || op === 0xd606) {
          // A two-byte count, one more than the bytes after it.
          if (at + 2 > end) return;
          yield { op, at: at + 2, size: Math.max(0, b.u16(at) - 1) };
          at += 2 + Math.max(0, b.u16(at) - 1);
          continue;
        }
        if (op === 0xc615 && at < end && b.u8(at) === 255) {
          // sprmPChgTabs in its long form: deleted tabs (4 bytes each), then added ones (3 bytes).
          const deleted = b.u8(at + 1);
          const added = b.u8(at + 2 + deleted * 4);
          size = 3 + deleted * 4 + added * 3 - 1;
        } else size = at < end ? b.u8(at) + 1 : 1;
    }
    if (at + size > end) return;
    yield { op, at, size };
    at += size;
  }
}

const SPRM = {
  PFInTable: 0x2416,
  PFTtp: 0x2417,
  PItap: 0x6649,
  PFInnerTableCell: 0x244b,
  PFInnerTtp: 0x244c,
  PHugePapx: 0x6646,
  TDefTable: 0xd608,
  TVertMerge: 0xd62b,
  TMerge: 0x5624,
  CFRMarkDel: 0x0800,
  CFVanish: 0x083c,
  CSymbol: 0x6a09,
  CRgFtc0: 0x4a4f,
} as const;

/** What a paragraph's properties say of its place in a table, and a row's cells at its end. */
interface ParagraphProps {
  depth: number;
  ttp: boolean;
  innerTtp: boolean;
  innerCell: boolean;
  row?: RowDefinition;
}

/** A table row's cells (sprmTDefTable): their edges in twips, and how each is merged. */
interface RowDefinition {
  edges: number[];
  /** Per cell: 0 not merged, 1 the first of cells merged across, 2 merged into the one before. */
  across: number[];
  /** Per cell: 0 not merged, 1 merged into the cell above, 3 the first of cells merged down. */
  down: number[];
}

function readRowDefinition(b: Reader, at: number, size: number): RowDefinition | undefined {
  if (size < 1) return undefined;
  const count = b.u8(at);
  if (count === 0 || 1 + (count + 1) * 2 > size) return undefined;
  const edges: number[] = [];
  for (let i = 0; i <= count; i++) edges.push(b.i16(at + 1 + i * 2));
  const across: number[] = [];
  const down: number[] = [];
  const tcAt = at + 1 + (count + 1) * 2;
  for (let i = 0; i < count; i++) {
    const tc = tcAt + i * 20;
    // The TC80s may stop short of the cells: the rest are plain.
    const flags = tc + 2 <= at + size ? b.u16(tc) : 0;
    across.push(flags & 0x3);
    down.push((flags >> 5) & 0x3);
  }
  return { edges, across, down };
}

/** Applies a paragraph's grpprl to `props`. */
function applyParagraph(b: Reader, start: number, end: number, props: ParagraphProps, data?: Reader): void {
  for (const { op, at, size } of sprms(b, start, end)) {
    switch (op) {
      case SPRM.PFInTable:
        if (b.u8(at)) props.depth = Math.max(props.depth, 1);
        break;
      case SPRM.PFTtp:
        props.ttp = b.u8(at) !== 0;
        break;
      case SPRM.PItap:
        props.depth = Math.max(0, Math.min(b.i32(at), 64));
        break;
      case SPRM.PFInnerTableCell:
        props.innerCell = b.u8(at) !== 0;
        break;
      case SPRM.PFInnerTtp:
        props.innerTtp = b.u8(at) !== 0;
        break;
      case SPRM.PHugePapx: {
        // Properties too large for their page: in the Data stream, a two-byte size then the sprms.
        if (!data) break;
        const offset = b.u32(at);
        const cb = data.u16(offset);
        applyParagraph(data, offset + 2, offset + 2 + cb, props);
        break;
      }
      case SPRM.TDefTable:
        props.row = readRowDefinition(b, at, size) ?? props.row;
        break;
      case SPRM.TVertMerge:
        if (props.row && size >= 3) {
          const cell = b.u8(at + 1);
          if (cell < props.row.down.length) props.row.down[cell] = b.u8(at + 2) & 0x3;
        }
        break;
      case SPRM.TMerge:
        if (props.row) {
          const first = b.u8(at);
          const limit = Math.min(b.u8(at + 1), props.row.across.length);
          for (let i = first; i < limit; i++) props.row.across[i] = i === first ? 1 : 2;
        }
        break;
    }
  }
}

/**
 * The properties of the stretch of text stored at a byte (PlcBteChpx or PlcBtePapx): the FKP page
 * that holds it, and the grpprl for it. `papx` pages keep a BxPap (13 bytes) a run, chpx pages one
 * byte.
 */
class FormattedRuns {
  private readonly starts: number[] = [];
  private readonly pages: number[] = [];
  private readonly cache = new Map<
    number,
    { fcs: number[]; grpprl: ({ start: number; end: number } | undefined)[] }
  >();

  constructor(
    private readonly word: Reader,
    table: Reader,
    where: { fc: number; lcb: number },
    private readonly papx: boolean,
  ) {
    if (where.lcb < 4 || (where.lcb - 4) % 8 !== 0) return;
    const n = (where.lcb - 4) / 8;
    for (let i = 0; i <= n; i++) this.starts.push(table.u32(where.fc + i * 4));
    for (let i = 0; i < n; i++) this.pages.push(table.u32(where.fc + (n + 1) * 4 + i * 4) & 0x3fffff);
  }

  /** The grpprl that applies at byte `fc` of the WordDocument stream, if any. */
  at(fc: number): { start: number; end: number } | undefined {
    let lo = 0;
    let hi = this.pages.length - 1;
    if (hi < 0 || fc < this.starts[0]) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= fc) lo = mid;
      else hi = mid - 1;
    }
    const page = this.page(this.pages[lo]);
    for (let j = 0; j < page.grpprl.length; j++)
      if (page.fcs[j] <= fc && fc < page.fcs[j + 1]) return page.grpprl[j];
    return undefined;
  }

  private page(pn: number) {
    let page = this.cache.get(pn);
    if (page) return page;
    const base = pn * 512;
    const w = this.word;
    const crun = w.u8(base + 511);
    const fcs: number[] = [];
    for (let i = 0; i <= crun; i++) fcs.push(w.u32(base + i * 4));
    const grpprl: ({ start: number; end: number } | undefined)[] = [];
    const bxAt = base + (crun + 1) * 4;
    for (let i = 0; i < crun; i++) {
      const offset = w.u8(bxAt + i * (this.papx ? 13 : 1)) * 2;
      if (offset === 0) {
        grpprl.push(undefined);
        continue;
      }
      const o = base + offset;
      if (this.papx) {
        // PapxInFkp: a count of words (0: the next byte counts them, whole), then istd and sprms.
        const cb = w.u8(o);
        const size = cb !== 0 ? cb * 2 - 1 : w.u8(o + 1) * 2;
        const start = cb !== 0 ? o + 1 : o + 2;
        if (start + size > base + 511) throw corrupt();
        grpprl.push({ start: start + 2, end: start + size });
      } else {
        const cb = w.u8(o);
        if (o + 1 + cb > base + 511) throw corrupt();
        grpprl.push({ start: o + 1, end: o + 1 + cb });
      }
    }
    page = { fcs, grpprl };
    this.cache.set(pn, page);
    return page;
  }
}

/** What the document holds, in order: paragraphs of the body, and tables of rows of cells. */
type DocBlock = { text: string } | { rows: DocRow[] } | { box: DocBlock[] };
interface DocRow {
  cells: CellContent[];
  definition?: RowDefinition;
}
/** A cell's paragraphs (a line break in one is a line of its own) and the tables nested in it. */
type CellContent = (string | { rows: DocRow[] })[];

/** What a run's character properties (CHPX) change in how its characters show. */
interface RunLook {
  /** Deleted with tracking on, or hidden. */
  hidden: boolean;
  /** The run's Latin font (sprmCRgFtc0), by name: a symbol font's codes are its own characters. */
  font?: string;
  /** A symbol inserted from a font (sprmCSymbol): the character stored in the text stands for it. */
  symbol?: string;
}

/**
 * A paragraph's text as Word shows it: no field codes (`fields`, per field open across paragraphs:
 * true while its code is read), no anchors, no deleted or hidden text, a symbol font's characters as
 * the font draws them. A line break is `\n`.
 */
function shownText(raw: string, from: number, fields: boolean[], lookAt: (cp: number) => RunLook): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x13) {
      if (fields.length < 64) fields.push(true);
      continue;
    }
    if (ch === 0x14) {
      if (fields.length) fields[fields.length - 1] = false;
      continue;
    }
    if (ch === 0x15) {
      fields.pop();
      continue;
    }
    if (fields.includes(true)) continue;
    const look = lookAt(from + i);
    if (look.hidden) continue;
    if (look.symbol !== undefined) out += look.symbol;
    else if (ch === 0x0b) out += '\n';
    else if (ch === 0x09) out += '\t';
    else if (ch === 0x1e || ch === 0x2011) out += '-';
    else if (ch === 0xa0 || ch === 0x0e) out += ' ';
    else if (ch < 0x20 || ch === 0x1f || ch === 0xad || (ch >= 0x200b && ch <= 0x200d) || ch === 0xfeff)
      continue;
    else out += look.font === undefined ? raw[i] : textInFont(look.font, raw[i]);
  }
  return out;
}

/** The names of the document's fonts (SttbfFfn: an FFN each, its name at byte 40), by index. */
function fontNames(table: Reader, fib: Fib): string[] {
  const { fc, lcb } = fib.fcLcb(FC_LCB.sttbfFfn);
  const names: string[] = [];
  if (lcb < 4 || fc + lcb > table.buf.length) return names;
  const count = Math.min(table.u16(fc), 4096);
  let at = fc + 4;
  for (let i = 0; i < count && at < fc + lcb; i++) {
    const size = table.u8(at) + 1;
    const end = Math.min(at + size, fc + lcb);
    let name = '';
    for (let o = at + 40; o + 2 <= end; o += 2) {
      const ch = table.u16(o);
      if (ch === 0) break;
      name += String.fromCharCode(ch);
    }
    names.push(name);
    at += size;
  }
  return names;
}

/** Where each text box's text lies in its story, by the position of its anchor in the main text. */
function textBoxes(table: Reader, fib: Fib): Map<number, { from: number; to: number }> {
  const boxes = new Map<number, { from: number; to: number }>();
  const plc = (index: number, size: number): { cps: number[]; at: (i: number) => number } | undefined => {
    const { fc, lcb } = fib.fcLcb(index);
    if (lcb < 4 || (lcb - 4) % (4 + size) !== 0 || fc + lcb > table.buf.length) return undefined;
    const n = (lcb - 4) / (4 + size);
    const cps: number[] = [];
    for (let i = 0; i <= n; i++) cps.push(table.u32(fc + i * 4));
    return { cps, at: (i) => fc + (n + 1) * 4 + i * size };
  };
  // PlcSpaMom: each shape's anchor in the main text and its FSPA (26 bytes, the shape id first).
  const shapes = plc(FC_LCB.plcSpaMom, 26);
  // PlcftxbxTxt: each text box's text, and its FTXBXS (22 bytes, the shape id at 14); the last is none.
  const texts = plc(FC_LCB.plcftxbxTxt, 22);
  if (!shapes || !texts || fib.ccpTxbx === 0) return boxes;
  const anchorOf = new Map<number, number>();
  for (let i = 0; i < shapes.cps.length - 1; i++) anchorOf.set(table.u32(shapes.at(i)), shapes.cps[i]);
  for (let i = 0; i < texts.cps.length - 2; i++) {
    const anchor = anchorOf.get(table.u32(texts.at(i) + 14));
    const from = texts.cps[i];
    const to = Math.min(texts.cps[i + 1], fib.ccpTxbx);
    if (anchor !== undefined && from < to)
      boxes.set(anchor, { from: fib.boxStart + from, to: fib.boxStart + to });
  }
  return boxes;
}

/** The document's paragraphs, tables and text boxes, as Word shows them. */
export function docBlocks(buf: Buffer): DocBlock[] {
  const streams = docStreams(buf);
  if (!streams) throw new ReadError('not-document');
  return blocksOf(streams);
}

type Streams = NonNullable<ReturnType<typeof docStreams>>;

function blocksOf(streams: Streams): DocBlock[] {
  const word = new Reader(streams.word, 'doc-corrupt');
  const fib = readFib(word);
  const tableBuf = streams.table(fib.tableStream);
  if (!tableBuf) throw corrupt();
  const table = new Reader(tableBuf, 'doc-corrupt');
  const dataBuf = streams.table('Data');
  const data = dataBuf ? new Reader(dataBuf, 'doc-corrupt') : undefined;
  const pieces = readPieces(table, fib);
  const boxes = textBoxes(table, fib);
  let end = boxes.size > 0 ? fib.boxStart + fib.ccpTxbx : fib.ccpText;
  // Each character is stored once, in a byte or two of the stream: text that claims more (pieces
  // over the same bytes again and again) is a crafted file's. Text boxes that would leave the
  // document are left out, not the document.
  if (fib.ccpText > word.buf.length) throw corrupt();
  if (end > word.buf.length) {
    boxes.clear();
    end = fib.ccpText;
  }
  const { text, fcAt } = storyText(word, pieces, end);
  if (text.length < fib.ccpText) throw corrupt();
  // Pieces that stop short of the text boxes' story leave the boxes out, not the document.
  if (text.length < end) boxes.clear();
  const papx = new FormattedRuns(word, table, fib.fcLcb(FC_LCB.plcfBtePapx), true);
  const chpx = new FormattedRuns(word, table, fib.fcLcb(FC_LCB.plcfBteChpx), false);

  const fonts = fontNames(table, fib);
  // How each run shows: deleted or hidden (left out), in a symbol font, a symbol inserted.
  const looks = new Map<number, RunLook>();
  const plain: RunLook = { hidden: false };
  const lookAt = (cp: number): RunLook => {
    const fc = fcAt(cp);
    const run = fc < 0 ? undefined : chpx.at(fc);
    if (!run) return plain;
    let look = looks.get(run.start);
    if (look === undefined) {
      look = { hidden: false };
      for (const { op, at, size } of sprms(word, run.start, run.end)) {
        // A toggle: 1 on, 0x81 the opposite of the style's (which is off: Word writes 0x81 for a
        // deletion it tracks).
        if ((op === SPRM.CFRMarkDel || op === SPRM.CFVanish) && (word.u8(at) & 1) === 1) look.hidden = true;
        else if (op === SPRM.CRgFtc0 && size >= 2) {
          const font = fonts[word.u16(at)];
          // Only a symbol font changes what a character shows.
          if (isSymbolFont(font)) look.font = font;
        } else if (op === SPRM.CSymbol && size >= 4)
          look.symbol = symbolInFont(fonts[word.u16(at)], word.u16(at + 2));
      }
      looks.set(run.start, look);
    }
    return look;
  };
  const propsOf = (cp: number): ParagraphProps => {
    const props: ParagraphProps = { depth: 0, ttp: false, innerTtp: false, innerCell: false };
    const fc = fcAt(cp);
    const run = fc < 0 ? undefined : papx.at(fc);
    if (run) applyParagraph(word, run.start, run.end, props, data);
    return props;
  };

  /** The blocks of the text [from, to); text boxes anchored in it (main text only) after their paragraph. */
  const blocksIn = (from: number, to: number, main: boolean): DocBlock[] => {
    const blocks: DocBlock[] = [];
    const fields: boolean[] = [];
    /** The tables open at the current point, outermost first (a table nested in a cell after it). */
    const open: { rows: DocRow[]; cells: CellContent[]; content: CellContent }[] = [];
    /** Text boxes anchored since the last body paragraph, to follow it (or the table they are in). */
    let anchored: DocBlock[] = [];
    /** Closes the tables deeper than `depth`: each nested one joins its cell, the outermost the body. */
    const closeTo = (depth: number): void => {
      while (open.length > depth) {
        const table = open.pop()!;
        // Text after the last cell mark (a row cut short) is kept as a cell of its own.
        if (table.content.length > 0) table.cells.push(table.content);
        if (table.cells.length > 0) table.rows.push({ cells: table.cells });
        const parent = open[open.length - 1];
        if (table.rows.length === 0) continue;
        if (parent) parent.content.push({ rows: table.rows });
        else blocks.push({ rows: table.rows });
      }
      if (depth === 0) {
        blocks.push(...anchored);
        anchored = [];
      }
    };
    let start = from;
    for (let cp = from; cp < to; cp++) {
      const ch = text.charCodeAt(cp);
      if (main && ch === 0x08) {
        const box = boxes.get(cp);
        if (box) anchored.push({ box: blocksIn(box.from, box.to, false) });
      }
      if (ch !== 0x0d && ch !== 0x07 && ch !== 0x0c) continue;
      const shown = shownText(text.slice(start, cp), start, fields, lookAt).split('\n');
      start = cp + 1;
      const props = propsOf(cp);
      // A cell mark outside any table (properties lost) is a cell of a table of one level.
      const depth = ch === 0x07 ? Math.max(1, props.depth) : props.depth;
      closeTo(depth);
      if (depth === 0) {
        // A page or section break alone is a blank line, as between two pieces of a table.
        for (const line of shown) blocks.push({ text: line });
        blocks.push(...anchored);
        anchored = [];
        continue;
      }
      while (open.length < depth) open.push({ rows: [], cells: [], content: [] });
      const table = open[depth - 1];
      // A row's end: the TTP mark (an inner one in a nested table). One whose paragraph lost its
      // TTP flag still defines the row's cells.
      const rowEnd =
        depth === 1
          ? props.ttp ||
            (ch === 0x07 && shown.join('') === '' && table.content.length === 0 && props.row !== undefined)
          : props.innerTtp;
      if (rowEnd) {
        if (table.content.length > 0) table.cells.push(table.content);
        table.rows.push({ cells: table.cells, definition: props.row });
        table.cells = [];
        table.content = [];
        continue;
      }
      table.content.push(...shown);
      if (depth === 1 ? ch === 0x07 : props.innerCell) {
        table.cells.push(table.content);
        table.content = [];
      }
    }
    closeTo(0);
    return blocks;
  };
  return blocksIn(0, fib.ccpText, true);
}

/** Cell edges closer than this (twips, 1/1440 inch: 0.35 mm) are one column's edge. */
const SNAP = 20;

/**
 * One table's rows as Word markup: the grid of columns every row's edges make, each cell spanning
 * the columns between its edges, merges across and down as `gridSpan` and `vMerge`.
 */
function emitTable(rows: DocRow[], sink: WordSink): void {
  // Each row's cells with their edges (a row with no definition: cells of one width each).
  const placed = rows.map((row) => {
    const def = row.definition;
    const cells: { lines: CellContent; left: number; right: number; down: number }[] = [];
    row.cells.forEach((lines, i) => {
      const left = def?.edges[i] ?? cells[cells.length - 1]?.right ?? 0;
      let right = def?.edges[i + 1] ?? left + 1440;
      if (right <= left) right = left + 1;
      const previous = cells[cells.length - 1];
      // Merged into the cell before (Word 97's horizontal merge): one cell across both.
      if (previous && (def?.across[i] ?? 0) >= 2) {
        previous.right = Math.max(previous.right, right);
        if (lines.some((l) => typeof l !== 'string' || l.trim() !== '')) previous.lines.push(...lines);
        return;
      }
      cells.push({ lines, left, right, down: def?.down[i] ?? 0 });
    });
    return cells;
  });
  const all = placed.flatMap((cells) => cells.flatMap((c) => [c.left, c.right])).sort((a, b) => a - b);
  const edges: number[] = [];
  for (const e of all) if (edges.length === 0 || e - edges[edges.length - 1] > SNAP) edges.push(e);
  const column = (x: number): number => {
    let best = 0;
    for (let i = 0; i < edges.length; i++) if (Math.abs(edges[i] - x) < Math.abs(edges[best] - x)) best = i;
    return best;
  };
  sink.open('tbl');
  sink.open('tblPr');
  sink.open('tblInd', { 'w:w': String(edges[0] ?? 0), 'w:type': 'dxa' });
  sink.close('tblInd');
  sink.close('tblPr');
  sink.open('tblGrid');
  for (let i = 1; i < edges.length; i++) {
    sink.open('gridCol', { 'w:w': String(edges[i] - edges[i - 1]) });
    sink.close('gridCol');
  }
  sink.close('tblGrid');
  for (const cells of placed) {
    sink.open('tr');
    const first = cells[0] ? column(cells[0].left) : 0;
    if (first > 0) {
      sink.open('trPr');
      sink.open('gridBefore', { 'w:val': String(first) });
      sink.close('gridBefore');
      sink.close('trPr');
    }
    let at = first;
    for (const cell of cells) {
      const from = Math.max(at, column(cell.left));
      const span = Math.max(1, column(cell.right) - from);
      at = from + span;
      sink.open('tc');
      sink.open('tcPr');
      if (span > 1) {
        sink.open('gridSpan', { 'w:val': String(span) });
        sink.close('gridSpan');
      }
      if (cell.down === 3 || cell.down === 1) {
        sink.open('vMerge', cell.down === 3 ? { 'w:val': 'restart' } : {});
        sink.close('vMerge');
      }
      sink.close('tcPr');
      // A cell ends with a paragraph, as in Word's markup (after a nested table too).
      const lines =
        cell.lines.length && typeof cell.lines[cell.lines.length - 1] === 'string'
          ? cell.lines
          : [...cell.lines, ''];
      for (const line of lines) {
        if (typeof line === 'string') paragraph(line, sink);
        else emitTable(line.rows, sink);
      }
      sink.close('tc');
    }
    sink.close('tr');
  }
  sink.close('tbl');
}

function paragraph(line: string, sink: WordSink): void {
  sink.open('p');
  if (line !== '') {
    sink.open('r');
    line.split('\t').forEach((part, i) => {
      if (i > 0) {
        sink.open('tab');
        sink.close('tab');
      }
      if (part === '') return;
      sink.open('t');
      sink.text(part);
      sink.close('t');
    });
    sink.close('r');
  }
  sink.close('p');
}

/** The tables of a real .doc, each a Grid as a .docx's table is; ReadError with a one-line code. */
export function docGrids(buf: Buffer, limits: XlsxLimits): Grid[] {
  return gridsOf(docBlocks(buf), limits);
}

function gridsOf(blocks: DocBlock[], limits: XlsxLimits): Grid[] {
  const emit = (blocks: DocBlock[], sink: WordSink): void => {
    for (const block of blocks) {
      if ('rows' in block) emitTable(block.rows, sink);
      else if ('box' in block) {
        // A text box (a frame): read as a .docx's is, its tables once, its other text out of the flow.
        sink.open('p');
        sink.open('r');
        sink.open('txbxContent');
        emit(block.box, sink);
        sink.close('txbxContent');
        sink.close('r');
        sink.close('p');
      } else paragraph(block.text, sink);
    }
  };
  return wordGrids(limits, (sink) => emit(blocks, sink));
}

/**
 * The tables of the file at `path` when it is a real .doc (an OLE container with a WordDocument
 * stream, whatever its name), else undefined. Runs in the reader worker.
 */
export async function loadDoc(path: string, limits: XlsxLimits): Promise<Grid[] | undefined> {
  const buf = await readLimited(path, limits);
  const streams = isOle(buf) ? docStreams(buf) : undefined;
  return streams && gridsOf(blocksOf(streams), limits);
}
