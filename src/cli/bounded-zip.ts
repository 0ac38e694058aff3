/**
 * Bounded reading of a zip package (.xlsx, .docx) before a library loads it: the entries exactly as
 * JSZip — and so exceljs — will see them, each inflated with a hard bound, and XML parts parsed by
 * saxes, the parser exceljs itself uses, while their elements are counted. What a format's reader
 * counts inside the XML (cells, merged areas …) is its own business: it passes a visitor per part.
 *
 * The zip layer follows JSZip 3.10's reading rules on purpose (the last end record in the file, the
 * zip64 records wherever JSZip looks for them, the offset shift for data before the archive, every
 * consecutive central header whatever the count says, the name from the *local* header or the
 * Unicode-path field, `..` resolved): a guard that reads a different directory than the loader can be
 * walked around.
 */

import { StringDecoder } from 'node:string_decoder';
import { crc32, inflateRawSync } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReadError, type ReadErrorCode } from './read-error';

export { ReadError, type ReadErrorCode } from './read-error';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the file (a part name, a reference) for a one-line message: control and direction
 * characters become spaces, and a long text is cut.
 */
export function shown(s: string): string {
  const clean = s.replace(UNPRINTABLE, ' ');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}

/** The budget every zip package is read within, whatever its format. */
export interface ZipLimits {
  /** All parts, inflated. */
  unzippedBytes: number;
  /** Any one part the loader turns into text (every part but images), inflated. */
  partBytes: number;
  /** XML elements in all parsed parts: the loader makes at least one object of each. */
  elements: number;
}

export interface ZipEntry {
  /** The name the loader sees: the local header's (or its Unicode-path field's), `.` and `..` resolved. */
  name: string;
  /** The same before exceljs drops a leading slash: JSZip's key for the entry (a later same key replaces it). */
  key: string;
  /** The central header's "version made by" and external attributes, from which JSZip tells a folder. */
  madeBy: number;
  attributes: number;
  method: number;
  flags: number;
  compressedSize: number;
  /** The inflated size the zip declares; an entry that inflates to anything else is refused. */
  size: number;
  dataStart: number;
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE compound file's signature: an encrypted Office file, or a real .xls or .doc. */
export function isOle(buf: Buffer): boolean {
  return buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC);
}
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const signature = (sig: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(sig);
  return b;
};

/**
 * Bounds-checked little-endian reads: past the end of the buffer is a truncated file (a zip), or
 * `damaged` (a .doc's streams, src/cli/read-doc.ts).
 */
export class Reader {
  constructor(
    readonly buf: Buffer,
    private readonly damaged: ReadErrorCode = 'truncated',
  ) {}
  private check(at: number, size: number): void {
    if (!Number.isSafeInteger(at) || at < 0 || at + size > this.buf.length) throw new ReadError(this.damaged);
  }
  u8(at: number): number {
    this.check(at, 1);
    return this.buf[at];
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.buf.readUInt16LE(at);
  }
  i16(at: number): number {
    this.check(at, 2);
    return this.buf.readInt16LE(at);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.buf.readUInt32LE(at);
  }
  i32(at: number): number {
    this.check(at, 4);
    return this.buf.readInt32LE(at);
  }
  /** 64-bit values past 2^53 are no real offset or size: they read as Infinity and fail later checks. */
  u64(at: number): number {
    this.check(at, 8);
    const v = this.buf.readBigUInt64LE(at);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(v);
  }
  bytes(at: number, length: number): Buffer {
    this.check(at, length);
    return this.buf.subarray(at, at + length);
  }
  is(at: number, sig: number): boolean {
    return at >= 0 && at + 4 <= this.buf.length && this.buf.readUInt32LE(at) === sig;
  }
}

/** JSZip's extra-field table: id → value, a later field with the same id replacing the earlier. */
function extraFields(extra: Buffer): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  let p = 0;
  // JSZip reads a field only while more than four bytes remain (`index + 4 < end`).
  while (p + 4 < extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (p + 4 + len > extra.length) throw new ReadError('truncated');
    out.set(id, extra.subarray(p + 4, p + 4 + len));
    p += 4 + len;
  }
  return out;
}

/** JSZip's utils.resolve: `.` and empty segments dropped (but a leading or trailing one), `..` pops. */
function resolveName(name: string): string {
  const parts = name.split('/');
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (part === '.' || (part === '' && i !== 0 && i !== parts.length - 1)) return;
    if (part === '..') out.pop();
    else out.push(part);
  });
  return out.join('/');
}

/**
 * The entries of the zip in `buf`, as JSZip lists them (its `zip.files`, in directory order, before
 * later duplicates replace earlier ones). Throws ReadError for what is no zip, or a damaged one.
 */
export function zipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length === 0) throw new ReadError('empty-file');
  if (isOle(buf)) throw new ReadError('ole');
  const first = buf.length >= 4 ? buf.readUInt32LE(0) : 0;
  if (first !== SIG_LOCAL && first !== SIG_END) throw new ReadError('not-zip');
  const r = new Reader(buf);

  const end = buf.lastIndexOf(signature(SIG_END));
  if (end < 0) throw new ReadError('truncated');
  const disk = r.u16(end + 4);
  const cdDisk = r.u16(end + 6);
  let diskRecords = r.u16(end + 8);
  let records = r.u16(end + 10);
  let cdSize = r.u32(end + 12);
  let cdOffset = r.u32(end + 16);
  let expectedEnd: number;
  if (
    disk === 0xffff ||
    cdDisk === 0xffff ||
    diskRecords === 0xffff ||
    records === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff
  ) {
    const locator = buf.lastIndexOf(signature(SIG_END64_LOCATOR));
    if (locator < 0) throw new ReadError('truncated');
    let end64 = r.u64(locator + 8);
    if (!r.is(end64, SIG_END64)) {
      end64 = buf.lastIndexOf(signature(SIG_END64));
      if (end64 < 0) throw new ReadError('truncated');
    }
    const end64Size = r.u64(end64 + 4);
    diskRecords = r.u64(end64 + 24);
    records = r.u64(end64 + 32);
    cdSize = r.u64(end64 + 40);
    cdOffset = r.u64(end64 + 48);
    expectedEnd = cdOffset + cdSize + 20 + 12 + end64Size;
  } else {
    expectedEnd = cdOffset + cdSize;
  }
  // Bytes before the archive (a self-extracting stub) shift every offset, as JSZip's reader.zero does.
  const shift = end - expectedEnd;
  if (!(shift >= 0)) throw new ReadError('truncated');

  const entries: ZipEntry[] = [];
  let p = shift + cdOffset;
  while (r.is(p, SIG_CENTRAL)) {
    const madeBy = r.u16(p + 4);
    const flags = r.u16(p + 8);
    const method = r.u16(p + 10);
    let compressedSize = r.u32(p + 20);
    let size = r.u32(p + 24);
    const nameLen = r.u16(p + 28);
    const extraLen = r.u16(p + 30);
    const commentLen = r.u16(p + 32);
    const attributes = r.u32(p + 38);
    let localOffset = r.u32(p + 42);
    const centralName = r.bytes(p + 46, nameLen);
    const extra = extraFields(r.bytes(p + 46 + nameLen, extraLen));
    if (flags & 0x1) throw new ReadError('zip-encrypted');
    const zip64 = extra.get(0x0001);
    if (zip64) {
      const z = new Reader(zip64);
      let q = 0;
      const next = (): number => {
        const v = z.u64(q);
        q += 8;
        return v;
      };
      if (size === 0xffffffff) size = next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localOffset === 0xffffffff) localOffset = next();
    }
    entries.push(
      localEntry(r, shift + localOffset, {
        flags,
        method,
        compressedSize,
        size,
        extra,
        centralName,
        madeBy,
        attributes,
      }),
    );
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (entries.length === 0 && records !== 0) throw new ReadError('truncated');
  return entries;
}

interface CentralFields {
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  extra: Map<number, Buffer>;
  centralName: Buffer;
  madeBy: number;
  attributes: number;
}

function localEntry(r: Reader, at: number, c: CentralFields): ZipEntry {
  if (!r.is(at, SIG_LOCAL)) throw new ReadError('truncated');
  const nameLen = r.u16(at + 26);
  const extraLen = r.u16(at + 28);
  // JSZip names the entry from the local header, not the central directory.
  const rawName = r.bytes(at + 30, nameLen);
  const dataStart = at + 30 + nameLen + extraLen;
  r.bytes(dataStart, c.compressedSize);
  let name = rawName.toString('utf8');
  const unicodePath = c.extra.get(0x7075);
  if (!(c.flags & 0x0800) && unicodePath && unicodePath.length >= 5 && unicodePath[0] === 1) {
    if (crc32(rawName) === unicodePath.readUInt32LE(1)) name = unicodePath.subarray(5).toString('utf8');
  }
  const key = resolveName(name);
  // exceljs drops one leading slash before it matches the part names.
  name = key.startsWith('/') ? key.slice(1) : key;
  return {
    name,
    key,
    madeBy: c.madeBy,
    attributes: c.attributes,
    method: c.method,
    flags: c.flags,
    compressedSize: c.compressedSize,
    size: c.size,
    dataStart,
  };
}

/** The entry's bytes, inflated to at most `bound` bytes; an entry that inflates past its declared size lied. */
export function inflateEntry(buf: Buffer, e: ZipEntry, bound: number): Buffer {
  const data = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
  let out: Buffer;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(bound, e.size + 1)) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ReadError('corrupt');
      throw new ReadError('truncated');
    }
  } else throw new ReadError('zip-unsupported', { method: e.method });
  if (out.length !== e.size) throw new ReadError('corrupt');
  return out;
}

/** What a format's reader does with the elements of one XML part. */
export interface XmlVisitor {
  /** Each start tag, with its name and attributes as written (prefixes kept, entities resolved). */
  open?(tag: SaxesTagPlain): void;
  close?(name: string): void;
  /** Character data outside CDATA sections, which is what exceljs reads too. */
  text?(text: string): void;
}

/** The local part of an element or attribute name: `x:row` → `row`. */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

const CHUNK = 1 << 16;

/**
 * Parses `data` as exceljs does (saxes, no namespace processing, UTF-8), calling the visitor, and
 * counts its elements into `counted`, refusing the file past `limit`. Malformed XML is a damaged file:
 * the loader would stop at the same place.
 */
export function parseXml(
  part: string,
  data: Buffer,
  visitor: XmlVisitor,
  counted: { elements: number },
  limit: number,
): void {
  const parser = new SaxesParser();
  parser.on('error', () => {
    throw new ReadError('corrupt');
  });
  parser.on('opentag', (tag) => {
    if (++counted.elements > limit) throw new ReadError('too-many-elements', { limit });
    visitor.open?.(tag);
  });
  if (visitor.close) parser.on('closetag', (tag) => visitor.close!(tag.name));
  if (visitor.text) parser.on('text', (text) => visitor.text!(text));
  const decoder = new StringDecoder('utf8');
  for (let i = 0; i < data.length; i += CHUNK) parser.write(decoder.write(data.subarray(i, i + CHUNK)));
  parser.write(decoder.end());
  parser.close();
}

const MB = (bytes: number): number => Math.round(bytes / (1024 * 1024));

/** How one part is read: parsed with a visitor, kept whole for the caller, or only counted. */
export interface PartPlan {
  xml?: XmlVisitor;
  keep?: boolean;
}

/** The order a format's reader wants the parts parsed in (src/cli/xlsx-direct.ts). */
export interface PartOrder {
  /** Parts parsed after all the others (worksheets, after the strings and styles they refer to). */
  later(name: string): boolean;
  /** After each of those has been parsed, with the parts kept so far (all of them by then). */
  parsed?(name: string, kept: Map<string, Buffer>): void;
}

/**
 * Reads every entry of the zip within `limits`: sizes first (declared, then actual), then the plan the
 * format's `planFor` gives each part name (undefined: only inflated and counted). `binary(name)` says which parts
 * the loader keeps as bytes rather than text, which `partBytes` does not bound. Returns the kept parts.
 * With an `order`, the parts it puts later are parsed once every entry has been inflated and counted.
 */
export function readZip(
  buf: Buffer,
  limits: ZipLimits,
  planFor: (name: string) => PartPlan | undefined,
  binary: (name: string) => boolean = () => false,
  entries: ZipEntry[] = zipEntries(buf),
  order?: PartOrder,
): Map<string, Buffer> {
  const kept = new Map<string, Buffer>();
  const counted = { elements: 0 };
  const later: [ZipEntry, Buffer, PartPlan][] = [];
  let total = 0;
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) throw new ReadError('zip-unsupported', { method: e.method });
  }
  for (const e of entries) {
    total += e.size;
    if (!(total <= limits.unzippedBytes))
      throw new ReadError('unzipped-too-large', { limit: MB(limits.unzippedBytes) });
    const isBinary = binary(e.name);
    if (!isBinary && !(e.size <= limits.partBytes))
      throw new ReadError('part-too-large', { part: shown(e.name), limit: MB(limits.partBytes) });
    // Every part is inflated, parsed or not: the loader inflates them all, so each must be as small
    // as it says.
    const data = inflateEntry(buf, e, (isBinary ? limits.unzippedBytes : limits.partBytes) + 1);
    // A folder entry holds nothing the loader reads.
    const plan = e.name.endsWith('/') ? undefined : planFor(e.name);
    if (!plan) continue;
    if (plan.keep) kept.set(e.name, data);
    if (plan.xml && order?.later(e.name)) later.push([e, data, plan]);
    else if (plan.xml) parseXml(e.name, data, plan.xml, counted, limits.elements);
  }
  // Each part is let go once parsed (unless kept), so that a large workbook's worksheets are not all
  // held until the last.
  for (let next = later.shift(); next; next = later.shift()) {
    const [e, data, plan] = next;
    parseXml(e.name, data, plan.xml!, counted, limits.elements);
    order!.parsed?.(e.name, kept);
  }
  return kept;
}
