/**
 * Looks at an .xlsx file before exceljs loads it, so that a hostile or broken file gives one clear
 * message instead of a hang, an out-of-memory crash or a stack trace. exceljs inflates every part
 * into memory (shared strings as one JS string) and expands every merge cell by cell, so the sizes
 * the zip declares are not enough: each part is inflated here with a hard output bound first.
 */

import { inflateRawSync } from 'node:zlib';

/** Why a file cannot be read; the CLI turns the code into a sentence (src/i18n/cli.ts). */
export type ReadErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'empty-file'
  | 'too-large'
  | 'unzipped-too-large'
  | 'shared-strings-too-large'
  | 'too-many-cells'
  | 'ole'
  | 'not-zip'
  | 'truncated'
  | 'zip-encrypted'
  | 'zip-unsupported'
  | 'not-workbook'
  | 'corrupt'
  | 'no-workbooks'
  | 'unexpected';

export class XlsxReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly data: Record<string, string | number> = {},
  ) {
    super(`${code}${Object.keys(data).length ? ' ' + JSON.stringify(data) : ''}`);
    this.name = 'XlsxReadError';
  }
}

export interface XlsxLimits {
  /** The file on disk. */
  fileBytes: number;
  /** All parts, inflated. */
  unzippedBytes: number;
  /** xl/sharedStrings.xml, inflated: exceljs holds it as one string. */
  sharedStringsBytes: number;
  /** Cells written plus cells covered by merges, over all sheets: exceljs makes an object for each. */
  cells: number;
}

/**
 * Far above any real submission: the 1,000-table benchmark workbook has about 150,000 cells and a
 * few MB. exceljs needs roughly 30 s and 600 MB per million cells on a 2-core machine, hence the caps.
 */
export const DEFAULT_LIMITS: XlsxLimits = {
  fileBytes: 100 * 1024 * 1024,
  unzippedBytes: 256 * 1024 * 1024,
  sharedStringsBytes: 64 * 1024 * 1024,
  cells: 1_000_000,
};

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function findEnd(buf: Buffer): number {
  // The end record sits in the last 22 bytes plus an optional comment of up to 65,535 bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === SIG_END) return i;
  }
  return -1;
}

function zip64Field(extra: Buffer, wanted: { size: boolean; compressed: boolean; offset: boolean }) {
  const out: { size?: number; compressed?: number; offset?: number } = {};
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): number | undefined => {
        if (q + 8 > p + 4 + len) return undefined;
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (wanted.size) out.size = take();
      if (wanted.compressed) out.compressed = take();
      if (wanted.offset) out.offset = take();
      return out;
    }
    p += 4 + len;
  }
  return out;
}

function readCentralDirectory(buf: Buffer): ZipEntry[] {
  const end = findEnd(buf);
  if (end < 0) throw new XlsxReadError('truncated');
  let count = buf.readUInt16LE(end + 10);
  let cdSize = buf.readUInt32LE(end + 12);
  let cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = end - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== SIG_END64_LOCATOR) throw new XlsxReadError('truncated');
    const end64 = Number(buf.readBigUInt64LE(loc + 8));
    if (end64 + 56 > buf.length || buf.readUInt32LE(end64) !== SIG_END64)
      throw new XlsxReadError('truncated');
    count = Number(buf.readBigUInt64LE(end64 + 32));
    cdSize = Number(buf.readBigUInt64LE(end64 + 40));
    cdOffset = Number(buf.readBigUInt64LE(end64 + 48));
  }
  if (cdOffset + cdSize > buf.length) throw new XlsxReadError('truncated');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new XlsxReadError('truncated');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const extra = buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const z = zip64Field(extra, {
        size: size === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localOffset === 0xffffffff,
      });
      size = z.size ?? size;
      compressedSize = z.compressed ?? compressedSize;
      localOffset = z.offset ?? localOffset;
    }
    entries.push({ name: name.replace(/^\/+/, ''), method, flags, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== SIG_LOCAL) throw new XlsxReadError('truncated');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new XlsxReadError('truncated');
  return buf.subarray(start, start + e.compressedSize);
}

function inflateBounded(buf: Buffer, e: ZipEntry, bound: number): Buffer {
  const data = entryData(buf, e);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new XlsxReadError('zip-unsupported', { method: e.method });
  try {
    // One byte more than the declared size: a part that inflates past it lied about its size.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(bound, e.size + 1)) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new XlsxReadError('corrupt');
    throw new XlsxReadError('truncated');
  }
}

/** Cells a sheet's XML makes exceljs create: each `<c>` element plus every cell a merge covers. */
function cellCount(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<c '); i >= 0; i = xml.indexOf('<c ', i + 3)) n++;
  for (let i = xml.indexOf('<c>'); i >= 0; i = xml.indexOf('<c>', i + 3)) n++;
  const merges = xml.indexOf('mergeCells');
  return merges < 0 ? n : n + mergedCellCount(xml.toString('utf8', merges));
}

/** Sum of the cells covered by `<mergeCell ref="A1:G1"/>` elements. */
function mergedCellCount(xml: string): number {
  let n = 0;
  const re = /<(?:\w+:)?mergeCell\b[^>]*\bref="\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"/g;
  const col = (s: string) => [...s].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const w = Math.abs(col(m[3]) - col(m[1])) + 1;
    const h = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    n += w * h;
  }
  return n;
}

const MB = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** What the guard keeps from its pass over the parts, for reading the add-in's sheet markers. */
export interface XlsxParts {
  /** Inflated small parts: xl/workbook.xml, relationship parts, custom-property and web-extension parts. */
  parts: Map<string, Buffer>;
  /** Worksheet part name → its `<customProperties>` element, for sheets that have one. */
  sheetCustomProperties: Map<string, string>;
}

const KEPT_PART = /^(xl\/workbook\.xml|.*\.rels|.*customProperty[^/]*\.bin|xl\/webextensions\/[^/]+\.xml)$/;

/**
 * Throws an XlsxReadError unless `buf` is a zip holding an Excel workbook within `limits`.
 * exceljs then loads the same bytes; the parts it ignores (sheet custom properties, the add-in's
 * settings) are returned from this pass.
 */
export function inspectXlsx(buf: Buffer, limits: XlsxLimits): XlsxParts {
  if (buf.length === 0) throw new XlsxReadError('empty-file');
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC)) throw new XlsxReadError('ole');
  const sig = buf.length >= 4 ? buf.readUInt32LE(0) : 0;
  if (sig !== SIG_LOCAL && sig !== SIG_END) throw new XlsxReadError('not-zip');
  const entries = readCentralDirectory(buf);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new XlsxReadError('not-workbook');
  const out: XlsxParts = { parts: new Map(), sheetCustomProperties: new Map() };
  let total = 0;
  let cells = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (e.flags & 0x1) throw new XlsxReadError('zip-encrypted');
    total += e.size;
    if (total > limits.unzippedBytes)
      throw new XlsxReadError('unzipped-too-large', { limit: MB(limits.unzippedBytes) });
    const isShared = e.name === 'xl/sharedStrings.xml';
    if (isShared && e.size > limits.sharedStringsBytes) {
      throw new XlsxReadError('shared-strings-too-large', { limit: MB(limits.sharedStringsBytes) });
    }
    const bound = isShared ? limits.sharedStringsBytes + 1 : limits.unzippedBytes + 1;
    const data = inflateBounded(buf, e, bound);
    if (data.length !== e.size) throw new XlsxReadError('corrupt');
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      cells += cellCount(data);
      if (cells > limits.cells) throw new XlsxReadError('too-many-cells', { limit: limits.cells });
      const at = data.indexOf('customProperties>');
      if (at >= 0) {
        const start = data.lastIndexOf('<', at);
        const end = data.indexOf('customProperties>', at + 17);
        out.sheetCustomProperties.set(e.name, data.toString('utf8', start, end < 0 ? data.length : end + 17));
      }
    } else if (KEPT_PART.test(e.name)) {
      out.parts.set(e.name, data);
    }
  }
  return out;
}
