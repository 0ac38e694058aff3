/**
 * A large workbook is loaded by exceljs in a few rounds, a share of its worksheets at a time, so
 * that the command line's thread checks the sheets of one round while the reader worker loads the
 * next (src/cli/read-xlsx.ts, src/cli/analyse.ts). exceljs loads the whole workbook at once and
 * gives nothing before the end; each round is therefore a workbook of its own: every part of the
 * file as the guard read it, stored uncompressed, except that the worksheets of the other rounds
 * are replaced by an empty worksheet carrying a mark (a tab colour nobody can guess). Every round
 * thus has the same parts, names, relationships and sheet list, so exceljs lists the same
 * worksheets in the same order, and each round keeps the sheets it read in full and drops the
 * marked ones. A worksheet is read from its own part alone, so it reads the same in its round as
 * in the whole file.
 *
 * The rounds are built from the entries the guard checked (src/cli/bounded-zip.ts), inflated by
 * zlib within the guard's bounds, under the names, folder flags and order JSZip gives them in the
 * file itself: exceljs sees exactly what was checked.
 */

import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Grid } from '../domain/grid';
import type { ZipEntry } from './bounded-zip';

/** Below this much worksheet XML a workbook is loaded at once: rounds would not pay. */
export const ROUND_BYTES = 1 << 20;
/** Most rounds; the first is the smallest, so that checking starts early. */
const MAX_ROUNDS = 4;

/** What one round of a workbook read (or the whole of a workbook read at once): its sheets, by position. */
export interface SheetBatch {
  /** The workbook's worksheets, as exceljs lists them. */
  total: number;
  /** The position of each grid among them. */
  positions: number[];
  grids: Grid[];
}

/** JSZip's folder test (ZipEntry.processAttributes and fileAdd): exceljs skips folders. */
export function isFolder(e: ZipEntry): boolean {
  const madeBy = e.madeBy >> 8;
  return (
    e.key.endsWith('/') ||
    (e.attributes & 0x10) !== 0 ||
    (madeBy === 3 && ((e.attributes >>> 16) & 0x4000) !== 0)
  );
}

/**
 * The round of each worksheet part (by the name exceljs matches), or undefined when the workbook is
 * loaded at once: too little worksheet XML, one worksheet, more of the other parts than of
 * worksheets (past a megabyte: every round holds them again), or more entries than a plain zip
 * directory counts.
 */
export function planRounds(
  entries: readonly ZipEntry[],
  isWorksheet: (name: string) => boolean,
  /** Worksheet XML per round (tests make it small, or infinite). */
  roundBytes = ROUND_BYTES,
): Map<string, number> | undefined {
  const sizes = new Map<string, number>();
  let all = 0;
  for (const e of entries) {
    if (isFolder(e)) continue;
    all += e.size;
    if (isWorksheet(e.name)) sizes.set(e.name, (sizes.get(e.name) ?? 0) + e.size);
  }
  let sheets = 0;
  for (const size of sizes.values()) sheets += size;
  const others = all - sheets;
  if (
    sizes.size < 2 ||
    sheets < roundBytes ||
    others > Math.max(sheets, ROUND_BYTES) ||
    entries.length > 0xffff
  )
    return undefined;
  const rounds = Math.min(MAX_ROUNDS, sizes.size, Math.max(2, Math.round(sheets / roundBytes)));
  // The first round gets half a share, the others the rest evenly.
  const first = 1 / (2 * rounds - 1);
  const plan = new Map<string, number>();
  let before = 0;
  for (const [name, size] of sizes) {
    const at = before / sheets;
    plan.set(
      name,
      at < first ? 0 : Math.min(rounds - 1, 1 + Math.floor(((at - first) * (rounds - 1)) / (1 - first))),
    );
    before += size;
  }
  return plan;
}

/** The number of rounds a plan has. */
export const roundsOf = (plan: ReadonlyMap<string, number>): number => Math.max(...plan.values()) + 1;

/** A mark no file can carry: the tab colour of the empty worksheets that stand in for the others. */
export function newStub(): { mark: string; part: Buffer } {
  const mark = randomBytes(12).toString('hex');
  return {
    mark,
    part: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><tabColor rgb="${mark}"/></sheetPr><sheetData/></worksheet>`,
    ),
  };
}

/**
 * A zip of `entries` in their order, each stored (not compressed) with `data(entry)` as its
 * content, under its JSZip key and with its central header's "made by" and attributes, so that JSZip
 * lists, names and tells folders exactly as in the file the entries came from.
 */
export function storedZip(entries: readonly ZipEntry[], data: (e: ZipEntry) => Buffer): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.key, 'utf8');
    const body = data(e);
    const crc = crc32(body);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(e.madeBy, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(body.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(e.attributes >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
