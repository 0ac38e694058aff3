/**
 * The annotated copy (`perf-targets annotate`, SPEC §7, §8) made from the unit's own package: every
 * part of the .xlsx is copied as it is — its compressed bytes, even — and only what annotate adds is
 * written: the 审核意见 worksheet (inserted first, with its relationship, content type, styles and
 * print titles), and on each sheet with findings the legacy notes (a comments part and the VML
 * drawing Excel shows notes with). Loading the workbook into a library and writing it back would
 * drop whatever the library does not model: x14 dropdowns, threaded comments, text boxes and charts,
 * the add-in's own settings, custom document properties.
 *
 * The few parts that are patched are patched in place, as text: the original's bytes around an
 * insertion are kept. The parts read here were already read by the checker's guard
 * (src/cli/zip-guard.ts); this module only reads them again within the same bounds.
 */

import { crc32, deflateRawSync } from 'node:zlib';
import { inflateEntry, zipEntries, type ZipEntry } from './bounded-zip';
import { isFolder } from './xlsx-chunks';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_STYLES = `${NS_REL}/styles`;
const REL_COMMENTS = `${NS_REL}/comments`;
const REL_VML = `${NS_REL}/vmlDrawing`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A package that cannot be annotated in place (a part missing or not as the format says). */
export class PackageError extends Error {}

// ---------------------------------------------------------------------------------------------
// XML, as text: tags found with their offsets, so that a part is patched around its own bytes.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()];
    const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Text for an element or an attribute value; characters XML 1.0 cannot carry are dropped. */
export function escapeXml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

interface Tag {
  /** The qualified name, `x:row` or `row`. */
  name: string;
  local: string;
  prefix: string;
  start: number;
  end: number;
  close: boolean;
  selfClosing: boolean;
  attrs: Record<string, string>;
}

const TAG =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([^\s>/]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let a = ATTR.exec(text); a; a = ATTR.exec(text)) out[a[1]] = unescapeXml(a[2] ?? a[3]);
  return out;
}

/** Every start and end tag of `xml` from `from` to `to`, in order (comments, CDATA and PIs skipped). */
function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  const re = new RegExp(TAG.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (m[2] === undefined) continue;
    const name = m[2];
    const colon = name.indexOf(':');
    yield {
      name,
      local: name.slice(colon + 1),
      prefix: colon < 0 ? '' : name.slice(0, colon),
      start: m.index,
      end: m.index + m[0].length,
      close: m[1] === '/',
      selfClosing: m[4] === '/',
      attrs: m[1] === '/' ? {} : parseAttrs(m[3]),
    };
  }
}

/** An element: its start tag, and where its content and its end tag are. */
interface Element {
  tag: Tag;
  /** After the start tag. */
  inner: number;
  /** The start of the end tag (= `end` for an empty element). */
  innerEnd: number;
  end: number;
}

/** The children of the element whose content runs from `from` to `to` (the root's when omitted). */
function children(xml: string, from?: number, to?: number): { root: Element; kids: Element[] } {
  const kids: Element[] = [];
  const inside = from !== undefined;
  let root: Element | undefined = inside
    ? {
        tag: {
          name: '',
          local: '',
          prefix: '',
          start: from,
          end: from,
          close: false,
          selfClosing: false,
          attrs: {},
        },
        inner: from,
        innerEnd: to ?? xml.length,
        end: to ?? xml.length,
      }
    : undefined;
  // Depth 1 is the content of the root (or of the element scanned).
  let depth = inside ? 1 : 0;
  let open: Tag | undefined;
  for (const tag of tags(xml, from ?? 0, to ?? xml.length)) {
    if (tag.close) {
      depth--;
      if (depth === 1 && open) {
        kids.push({ tag: open, inner: open.end, innerEnd: tag.start, end: tag.end });
        open = undefined;
      } else if (depth === 0 && !inside && root) {
        root.innerEnd = tag.start;
        root.end = tag.end;
        break;
      }
      continue;
    }
    if (depth === 0) {
      if (inside) break;
      root = { tag, inner: tag.end, innerEnd: tag.end, end: tag.end };
      if (tag.selfClosing) break;
      depth = 1;
      continue;
    }
    if (depth === 1) {
      if (tag.selfClosing) kids.push({ tag, inner: tag.end, innerEnd: tag.end, end: tag.end });
      else {
        open = tag;
        depth++;
      }
      continue;
    }
    if (!tag.selfClosing) depth++;
  }
  if (!root) throw new PackageError('no root element');
  if (!inside && !root.tag.selfClosing && root.end === root.tag.end)
    throw new PackageError('unclosed root element');
  return { root, kids };
}

const childrenOf = (xml: string, el: Element): Element[] =>
  el.tag.selfClosing ? [] : children(xml, el.inner, el.innerEnd).kids;

/** Text edits to one string, applied from the end so that offsets stay valid. */
class Edits {
  private list: { at: number; end: number; text: string; order: number }[] = [];
  constructor(private readonly xml: string) {}
  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }
  replace(at: number, end: number, text: string): void {
    this.list.push({ at, end, text, order: this.list.length });
  }
  apply(): string {
    let out = this.xml;
    const sorted = [...this.list].sort((a, b) => b.at - a.at || b.order - a.order);
    for (const e of sorted) out = out.slice(0, e.at) + e.text + out.slice(e.end);
    return out;
  }
}

/** The prefix (with its colon) bound to `ns` on the root element, or undefined. */
function prefixFor(root: Tag, ns: string): string | undefined {
  for (const [k, v] of Object.entries(root.attrs)) {
    if (v !== ns) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  }
  return undefined;
}

/** An element's start tag with `attr` set to `value` (added or replaced). */
function setAttr(xml: string, tag: Tag, attr: string, value: string): string {
  const text = xml.slice(tag.start, tag.end);
  const re = new RegExp(`(\\s${attr.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(text)) return text.replace(re, `$1"${escapeXml(value)}"`);
  const close = tag.selfClosing ? text.lastIndexOf('/') : text.length - 1;
  return `${text.slice(0, close)} ${attr}="${escapeXml(value)}"${text.slice(close)}`;
}

// ---------------------------------------------------------------------------------------------
// The zip.

interface Part {
  entry: ZipEntry;
  data: Buffer;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target resolved against the folder of the part that holds the relationship. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A relationship part being read and added to. */
class Rels {
  readonly list: Relationship[] = [];
  private added: string[] = [];
  constructor(
    readonly part: string,
    private readonly owner: string,
    private readonly original: string | undefined,
  ) {
    if (original === undefined) return;
    for (const t of tags(original)) {
      if (t.close || t.local !== 'Relationship') continue;
      const external = t.attrs.TargetMode === 'External';
      const target = t.attrs.Target ?? '';
      this.list.push({
        id: t.attrs.Id ?? '',
        type: t.attrs.Type ?? '',
        target: external ? target : resolveTarget(owner, target),
        external,
      });
    }
  }
  byType(type: string): Relationship[] {
    return this.list.filter((r) => r.type === type && !r.external);
  }
  byId(id: string): Relationship | undefined {
    return this.list.find((r) => r.id === id);
  }
  /** Adds a relationship to `target` (relative to the owner's folder), returning its new id. */
  add(type: string, target: string): string {
    const taken = new Set(this.list.map((r) => r.id));
    let n = this.list.length + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.list.push({ id, type, target: resolveTarget(this.owner, target), external: false });
    this.added.push(`<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`);
    return id;
  }
  /** The part's new text, or undefined when nothing was added. */
  text(): string | undefined {
    if (this.added.length === 0) return undefined;
    if (this.original === undefined)
      return `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">${this.added.join('')}</Relationships>`;
    const { root } = children(this.original);
    const edits = new Edits(this.original);
    const p = prefixFor(root.tag, NS_PKG_REL) ?? '';
    const added = p ? this.added.map((a) => a.replace(/^<Relationship/, `<${p}Relationship`)) : this.added;
    if (root.tag.selfClosing) {
      const open = this.original.slice(root.tag.start, root.tag.end).replace(/\s*\/>$/, '>');
      edits.replace(root.tag.start, root.tag.end, `${open}${added.join('')}</${root.tag.name}>`);
    } else edits.insert(root.innerEnd, added.join(''));
    return edits.apply();
  }
}

/** The stored package and what is changed or added in it. */
export class XlsxPackage {
  private readonly parts = new Map<string, Part>();
  private readonly lower = new Map<string, string>();
  private readonly changed = new Map<string, Buffer>();
  private readonly added: [string, Buffer][] = [];

  constructor(
    private readonly buf: Buffer,
    private readonly entries: ZipEntry[],
    maxBytes: number,
  ) {
    let total = 0;
    for (const e of entries) {
      total += e.size;
      if (!(total <= maxBytes)) throw new PackageError('package too large');
      if (isFolder(e)) continue;
      // A later entry of the same name is the one a loader reads (JSZip's rule).
      this.parts.set(e.name, { entry: e, data: inflateEntry(buf, e, maxBytes + 1) });
      this.lower.set(e.name.toLowerCase(), e.name);
    }
  }

  static open(buf: Buffer, maxBytes: number): XlsxPackage {
    return new XlsxPackage(buf, zipEntries(buf), maxBytes);
  }

  /** Part names are case-insensitive in a package (OPC). */
  has(name: string): boolean {
    return (
      this.lower.has(name.toLowerCase()) || this.added.some(([n]) => n.toLowerCase() === name.toLowerCase())
    );
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  text(name: string): string | undefined {
    const real = this.lower.get(name.toLowerCase());
    if (real === undefined) return undefined;
    return (this.changed.get(real) ?? this.parts.get(real)!.data).toString('utf8');
  }

  set(name: string, text: string): void {
    const real = this.lower.get(name.toLowerCase());
    if (real !== undefined) this.changed.set(real, Buffer.from(text, 'utf8'));
    else {
      const i = this.added.findIndex(([n]) => n === name);
      if (i >= 0) this.added[i][1] = Buffer.from(text, 'utf8');
      else this.added.push([name, Buffer.from(text, 'utf8')]);
    }
  }

  /** `stem` + the first free number + `ext`: `xl/comments` → `xl/comments3.xml`. */
  freeName(stem: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  /** The changed or added parts' names. */
  touched(): string[] {
    return [...this.changed.keys(), ...this.added.map(([n]) => n)];
  }

  /**
   * The new package: each entry in its order, unchanged ones with their original compressed bytes,
   * changed ones deflated anew, added parts at the end.
   */
  write(): Buffer {
    const chunks: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    const now = new Date();
    const dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    const dosDate = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
    const add = (
      key: string,
      method: number,
      crc: number,
      body: Buffer,
      size: number,
      madeBy: number,
      attributes: number,
    ): void => {
      const name = Buffer.from(key, 'utf8');
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(dosTime, 10);
      local.writeUInt16LE(dosDate, 12);
      local.writeUInt32LE(crc >>> 0, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(madeBy, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(0x0800, 8);
      header.writeUInt16LE(method, 10);
      header.writeUInt16LE(dosTime, 12);
      header.writeUInt16LE(dosDate, 14);
      header.writeUInt32LE(crc >>> 0, 16);
      header.writeUInt32LE(body.length, 20);
      header.writeUInt32LE(size, 24);
      header.writeUInt16LE(name.length, 28);
      header.writeUInt32LE(attributes >>> 0, 38);
      header.writeUInt32LE(offset, 42);
      chunks.push(local, name, body);
      central.push(header, name);
      offset += local.length + name.length + body.length;
    };
    const deflated = (key: string, data: Buffer, madeBy = 20, attributes = 0): void =>
      add(key, 8, crc32(data), deflateRawSync(data), data.length, madeBy, attributes);
    for (const e of this.entries) {
      const part = this.parts.get(e.name);
      if (isFolder(e) || !part) {
        add(e.key, 0, 0, Buffer.alloc(0), 0, e.madeBy, e.attributes);
        continue;
      }
      const isLast = part.entry === e;
      const replaced = isLast ? this.changed.get(e.name) : undefined;
      if (replaced) deflated(e.key, replaced, e.madeBy, e.attributes);
      else {
        const data = isLast ? part.data : inflateEntry(this.buf, e, e.size + 1);
        add(
          e.key,
          e.method,
          crc32(data),
          this.buf.subarray(e.dataStart, e.dataStart + e.compressedSize),
          e.size,
          e.madeBy,
          e.attributes,
        );
      }
    }
    for (const [name, data] of this.added) deflated(name, data);
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    const count = this.entries.length + this.added.length;
    if (count > 0xffff || offset > 0xffffffff) throw new PackageError('package too large');
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...chunks, directory, end]);
  }

  rels(owner: string): Rels {
    const part = relsOf(owner);
    return new Rels(part, owner, this.text(part));
  }

  saveRels(rels: Rels): void {
    const text = rels.text();
    if (text !== undefined) this.set(rels.part, text);
  }
}

// ---------------------------------------------------------------------------------------------
// Content types.

function addContentTypes(
  pkg: XlsxPackage,
  overrides: [string, string][],
  defaults: [string, string][],
): void {
  const name = '[Content_Types].xml';
  const xml = pkg.text(name);
  if (xml === undefined) throw new PackageError('no [Content_Types].xml');
  const { root, kids } = children(xml);
  const p = root.tag.prefix ? `${root.tag.prefix}:` : '';
  const hasDefault = new Set(
    kids.filter((k) => k.tag.local === 'Default').map((k) => (k.tag.attrs.Extension ?? '').toLowerCase()),
  );
  const hasOverride = new Set(
    kids.filter((k) => k.tag.local === 'Override').map((k) => (k.tag.attrs.PartName ?? '').toLowerCase()),
  );
  const add: string[] = [];
  for (const [ext, type] of defaults)
    if (!hasDefault.has(ext.toLowerCase()))
      add.push(`<${p}Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`);
  for (const [part, type] of overrides)
    if (!hasOverride.has(`/${part}`.toLowerCase()))
      add.push(`<${p}Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`);
  if (add.length === 0) return;
  const edits = new Edits(xml);
  // Defaults before overrides, as Excel writes them (either order is valid).
  const firstOverride = kids.find((k) => k.tag.local === 'Override');
  const defs = add.filter((a) => a.includes('Default '));
  const ovs = add.filter((a) => !a.includes('Default '));
  if (root.tag.selfClosing) {
    const open = xml.slice(root.tag.start, root.tag.end).replace(/\s*\/>$/, '>');
    edits.replace(root.tag.start, root.tag.end, `${open}${add.join('')}</${root.tag.name}>`);
  } else {
    if (defs.length) edits.insert(firstOverride ? firstOverride.tag.start : root.innerEnd, defs.join(''));
    if (ovs.length) edits.insert(root.innerEnd, ovs.join(''));
  }
  pkg.set(name, edits.apply());
}

// ---------------------------------------------------------------------------------------------
// The workbook's sheets.

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** The worksheet part, or undefined for a chart sheet or a dangling relationship. */
  part: string | undefined;
}

const WORKBOOK = 'xl/workbook.xml';

function relId(attrs: Record<string, string>): string | undefined {
  const key = Object.keys(attrs).find((k) => /^[^:]+:id$/.test(k));
  return key === undefined ? undefined : attrs[key];
}

export function listSheets(pkg: XlsxPackage): SheetEntry[] {
  const xml = pkg.text(WORKBOOK);
  if (xml === undefined) throw new PackageError('no xl/workbook.xml');
  const rels = pkg.rels(WORKBOOK);
  const { kids } = children(xml);
  const sheets = kids.find((k) => k.tag.local === 'sheets');
  if (!sheets) throw new PackageError('no <sheets> in xl/workbook.xml');
  return childrenOf(xml, sheets)
    .filter((k) => k.tag.local === 'sheet')
    .map((k) => {
      const rId = relId(k.tag.attrs) ?? '';
      const rel = rels.byId(rId);
      return {
        name: k.tag.attrs.name ?? '',
        sheetId: Number(k.tag.attrs.sheetId),
        rId,
        part:
          rel && rel.type === REL_WORKSHEET && !rel.external && pkg.has(rel.target) ? rel.target : undefined,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Notes.

/** One cell's note from the reviewer. */
export interface NoteRequest {
  sheet: string;
  cell: string;
  /** The reviewer's text; a note the unit already has on the cell stays above it. */
  text: string;
}

export interface NoteStyle {
  /** The author shown for the reviewer's notes. */
  author: string;
  /** The line between the unit's note and the reviewer's. */
  separator: string;
  font: string;
}

/** Cells whose note could not be written, and why. */
export interface Skipped {
  sheet: string;
  cell: string;
  reason: 'threaded' | 'sheet';
}

/** `F12` → row 11, column 5 (0-based), or undefined for anything else. */
function cellIndex(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

const normRef = (ref: string): string => ref.replace(/\$/g, '').toUpperCase();

function run(text: string, style: NoteStyle, p: string): string {
  return (
    `<${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="${escapeXml(style.font)}"/><${p}charset val="134"/></${p}rPr>` +
    `<${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}r>`
  );
}

/** Rows a note's box needs, roughly: its lines, wrapped at about 28 full-width characters. */
function noteRows(text: string): number {
  const lines = text
    .split('\n')
    .reduce(
      (n, line) =>
        n + Math.max(1, Math.ceil([...line].reduce((w, ch) => w + (ch > '\u00ff' ? 2 : 1), 0) / 56)),
      0,
    );
  return Math.min(30, Math.max(4, Math.ceil(lines * 0.9) + 1));
}

const VML_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function vmlShape(id: number, row: number, col: number, rows: number, z: number): string {
  const anchor = [col + 1, 15, Math.max(0, row - 1), 10, col + 4, 15, Math.max(0, row - 1) + rows, 4].join(
    ', ',
  );
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;` +
    `width:240pt;height:${rows * 15}pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** Shape numbers and idmap blocks taken by every VML part of the package. */
function vmlNumbers(pkg: XlsxPackage): { maxId: number; maxBlock: number } {
  let maxId = 1024;
  let maxBlock = 0;
  for (const name of pkg.names()) {
    if (!/\.vml$/i.test(name)) continue;
    const xml = pkg.text(name) ?? '';
    for (const m of xml.matchAll(/_x0000_s(\d+)/g)) maxId = Math.max(maxId, Number(m[1]));
    for (const m of xml.matchAll(/idmap\b[^>]*\bdata\s*=\s*["']([\d,\s]*)["']/g))
      for (const d of m[1].split(/[\s,]+/)) if (d) maxBlock = Math.max(maxBlock, Number(d));
  }
  return { maxId, maxBlock: Math.max(maxBlock, Math.floor(maxId / 1024)) };
}

/** The legacy worksheet elements after `legacyDrawing`, in the schema's order (CT_Worksheet). */
const AFTER_LEGACY_DRAWING = new Set([
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

/**
 * Writes the notes for one sheet: merges them into the sheet's comments part (or makes one) and
 * its VML drawing (or makes one). Cells that carry a threaded comment are left alone.
 */
function annotateSheet(
  pkg: XlsxPackage,
  sheet: SheetEntry,
  notes: NoteRequest[],
  style: NoteStyle,
  numbers: { maxId: number; maxBlock: number },
  skipped: Skipped[],
  overrides: [string, string][],
): number {
  const part = sheet.part!;
  const sheetXml = pkg.text(part)!;
  const rels = pkg.rels(part);

  // Cells with a threaded comment (Excel 365): Excel shows the thread, not the legacy note, and
  // keeps the two in step; a reviewer's text in the note would be hidden, or break the thread.
  const threaded = new Set<string>();
  for (const rel of rels.list) {
    if (rel.external || !/\/threadedComment$/.test(rel.type)) continue;
    for (const t of tags(pkg.text(rel.target) ?? ''))
      if (!t.close && t.local === 'threadedComment' && t.attrs.ref) threaded.add(normRef(t.attrs.ref));
  }
  const wanted = new Map<string, string>();
  for (const n of notes) {
    const ref = normRef(n.cell);
    if (threaded.has(ref)) skipped.push({ sheet: sheet.name, cell: n.cell, reason: 'threaded' });
    else if (!cellIndex(ref)) skipped.push({ sheet: sheet.name, cell: n.cell, reason: 'sheet' });
    else wanted.set(ref, wanted.has(ref) ? `${wanted.get(ref)}\n${n.text}` : n.text);
  }
  if (wanted.size === 0) return 0;

  // The sheet's VML drawing, through its <legacyDrawing>.
  const { root: sheetRoot, kids: sheetKids } = children(sheetXml);
  const legacy = sheetKids.find((k) => k.tag.local === 'legacyDrawing');
  let vmlPart: string | undefined;
  if (legacy) {
    const rel = rels.byId(relId(legacy.tag.attrs) ?? '');
    if (!rel || rel.external || !pkg.has(rel.target)) {
      for (const ref of wanted.keys()) skipped.push({ sheet: sheet.name, cell: ref, reason: 'sheet' });
      return 0;
    }
    vmlPart = rel.target;
  }

  // The comments part: merged into, or made.
  const commentsRel = rels.byType(REL_COMMENTS).find((r) => pkg.has(r.target));
  let commentsPart: string;
  let commentsXml: string;
  if (commentsRel) {
    commentsPart = commentsRel.target;
    commentsXml = pkg.text(commentsPart)!;
  } else {
    commentsPart = pkg.freeName('xl/comments', '.xml');
    commentsXml = `${XML_DECL}<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`;
    rels.add(REL_COMMENTS, `../${commentsPart.slice(3)}`);
    overrides.push([commentsPart, CT_COMMENTS]);
  }
  const { root, kids } = children(commentsXml);
  const p = root.tag.prefix ? `${root.tag.prefix}:` : '';
  const edits = new Edits(commentsXml);
  const authors = kids.find((k) => k.tag.local === 'authors');
  const authorList = authors ? childrenOf(commentsXml, authors).filter((k) => k.tag.local === 'author') : [];
  let authorId = authorList.findIndex(
    (a) => unescapeXml(commentsXml.slice(a.inner, a.innerEnd)) === style.author,
  );
  const authorXml = `<${p}author>${escapeXml(style.author)}</${p}author>`;
  if (authorId < 0) {
    authorId = authorList.length;
    if (!authors) {
      edits.insert(root.inner, `<${p}authors>${authorXml}</${p}authors>`);
    } else if (authors.tag.selfClosing) {
      edits.replace(authors.tag.start, authors.end, `<${p}authors>${authorXml}</${p}authors>`);
    } else edits.insert(authors.innerEnd, authorXml);
  }
  const list = kids.find((k) => k.tag.local === 'commentList');
  const existing = new Map<string, Element>();
  for (const c of list ? childrenOf(commentsXml, list) : [])
    if (c.tag.local === 'comment' && c.tag.attrs.ref && !existing.has(normRef(c.tag.attrs.ref)))
      existing.set(normRef(c.tag.attrs.ref), c);
  const added: string[] = [];
  for (const [ref, text] of wanted) {
    const old = existing.get(ref);
    if (!old) {
      added.push(
        `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text>${run(text, style, p)}</${p}text></${p}comment>`,
      );
      continue;
    }
    // A note the unit wrote stays as it is, formatting and all, above the reviewer's.
    const body = childrenOf(commentsXml, old).find((k) => k.tag.local === 'text');
    const ours = run(`\n${style.separator}\n${text}`, style, p);
    if (!body || body.tag.selfClosing) {
      const whole = `<${p}text>${ours}</${p}text>`;
      if (body) edits.replace(body.tag.start, body.end, whole);
      else if (old.tag.selfClosing) {
        const open = commentsXml.slice(old.tag.start, old.tag.end).replace(/\s*\/>$/, '>');
        edits.replace(old.tag.start, old.end, `${open}${whole}</${old.tag.name}>`);
      } else edits.insert(old.innerEnd, whole);
      continue;
    }
    const parts = childrenOf(commentsXml, body);
    // A plain <t> becomes a run, so that runs follow (its own bytes kept inside the run).
    for (const k of parts)
      if (k.tag.local === 't') {
        edits.insert(k.tag.start, `<${p}r>`);
        edits.insert(k.end, `</${p}r>`);
      }
    const phonetic = parts.find((k) => k.tag.local === 'rPh' || k.tag.local === 'phoneticPr');
    edits.insert(phonetic ? phonetic.tag.start : body.innerEnd, ours);
  }
  if (added.length) {
    if (!list) {
      const after = authors ?? undefined;
      edits.insert(after ? after.end : root.inner, `<${p}commentList>${added.join('')}</${p}commentList>`);
    } else if (list.tag.selfClosing) {
      edits.replace(list.tag.start, list.end, `<${p}commentList>${added.join('')}</${p}commentList>`);
    } else edits.insert(list.innerEnd, added.join(''));
  }
  const newComments = edits.apply();
  pkg.set(commentsPart, newComments);

  // Every note needs a shape in the VML drawing, or Excel does not show it.
  const allRefs = new Set<string>();
  {
    const { kids: ck } = children(newComments);
    const cl = ck.find((k) => k.tag.local === 'commentList');
    for (const c of cl ? childrenOf(newComments, cl) : [])
      if (c.tag.local === 'comment' && c.tag.attrs.ref) allRefs.add(normRef(c.tag.attrs.ref));
  }
  let vml = vmlPart ? pkg.text(vmlPart)! : undefined;
  const shaped = new Set<string>();
  if (vml !== undefined) {
    for (const m of vml.matchAll(
      /<x:ClientData\b[^>]*ObjectType\s*=\s*["']Note["'][^>]*>([\s\S]*?)<\/x:ClientData>/g,
    )) {
      const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(m[1]);
      const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(m[1]);
      if (r && c) shaped.add(`${r[1]},${c[1]}`);
    }
  }
  const shapes: string[] = [];
  let newBlock: number | undefined;
  if (vml === undefined) {
    newBlock = ++numbers.maxBlock;
    numbers.maxId = Math.max(numbers.maxId, newBlock * 1024);
  }
  for (const ref of allRefs) {
    const at = cellIndex(ref);
    if (!at || shaped.has(`${at.row},${at.col}`)) continue;
    const text = wanted.get(ref) ?? '';
    shapes.push(vmlShape(++numbers.maxId, at.row, at.col, noteRows(text), shapes.length + 1));
  }
  if (vml === undefined) {
    vmlPart = pkg.freeName('xl/drawings/vmlDrawing', '.vml');
    pkg.set(
      vmlPart,
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
        'xmlns:x="urn:schemas-microsoft-com:office:excel">' +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${newBlock}"/></o:shapelayout>` +
        VML_SHAPETYPE +
        shapes.join('') +
        '</xml>',
    );
    const id = rels.add(REL_VML, `../${vmlPart.slice(3)}`);
    // <legacyDrawing r:id> in its place among the worksheet's elements.
    const r = prefixFor(sheetRoot.tag, NS_REL);
    const el =
      r === undefined || r === ''
        ? `<${sheetRoot.tag.prefix ? sheetRoot.tag.prefix + ':' : ''}legacyDrawing xmlns:r="${NS_REL}" r:id="${id}"/>`
        : `<${sheetRoot.tag.prefix ? sheetRoot.tag.prefix + ':' : ''}legacyDrawing ${r}id="${id}"/>`;
    const next = sheetKids.find((k) => AFTER_LEGACY_DRAWING.has(k.tag.local));
    const sheetEdits = new Edits(sheetXml);
    sheetEdits.insert(next ? next.tag.start : sheetRoot.innerEnd, el);
    pkg.set(part, sheetEdits.apply());
  } else if (shapes.length) {
    const hasType = /id\s*=\s*["']_x0000_t202["']/.test(vml);
    const end = vml.lastIndexOf('</xml>');
    const at = end < 0 ? vml.length : end;
    vml = vml.slice(0, at) + (hasType ? '' : VML_SHAPETYPE) + shapes.join('') + vml.slice(at);
    pkg.set(vmlPart!, vml);
  }
  pkg.saveRels(rels);
  return wanted.size;
}

// ---------------------------------------------------------------------------------------------
// The review sheet, built by exceljs in a workbook of its own and moved over.

export interface ReviewSheet {
  name: string;
  /** The worksheet part exceljs wrote (its cells' styles and shared strings are its workbook's). */
  sheetXml: string;
  /** The workbook's styles.xml and sharedStrings.xml as exceljs wrote them. */
  stylesXml: string;
  sharedStringsXml: string | undefined;
  /** Internal links: the cell holding it, and where it goes. */
  links: { ref: string; sheet: string; cell: string }[];
  /** Rows repeated on each printed page, `$1:$3`. */
  printTitles?: string;
}

/** A sheet name as a formula or a link writes it: always quoted, which Excel accepts for any name. */
export const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

interface StyleLists {
  xml: string;
  lists: Map<string, Element>;
  items: Map<string, Element[]>;
}

const STYLE_LISTS: [string, string][] = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellXfs', 'xf'],
];

function styleLists(xml: string): StyleLists {
  const { kids } = children(xml);
  const lists = new Map<string, Element>();
  const items = new Map<string, Element[]>();
  for (const [list, item] of STYLE_LISTS) {
    const el = kids.find((k) => k.tag.local === list);
    if (!el) continue;
    lists.set(list, el);
    items.set(
      list,
      childrenOf(xml, el).filter((k) => k.tag.local === item),
    );
  }
  return { xml, lists, items };
}

/**
 * Appends the review sheet's fonts, fills, borders, number formats and cell formats to the
 * workbook's styles.xml (the original's entries keep their indices), and returns the new index of
 * each of the review workbook's cell formats.
 */
function mergeStyles(pkg: XlsxPackage, review: ReviewSheet, overrides: [string, string][]): number[] {
  const wbRels = pkg.rels(WORKBOOK);
  const rel = wbRels.byType(REL_STYLES).find((r) => pkg.has(r.target));
  const from = styleLists(review.stylesXml);
  const xfs = from.items.get('cellXfs') ?? [];
  if (!rel) {
    // No styles part at all: the review workbook's own becomes it, indices unchanged.
    const name = pkg.has('xl/styles.xml') ? pkg.freeName('xl/styles', '.xml') : 'xl/styles.xml';
    pkg.set(name, review.stylesXml);
    wbRels.add(REL_STYLES, name.slice(3));
    pkg.saveRels(wbRels);
    overrides.push([name, CT_STYLES]);
    return xfs.map((_, i) => i);
  }
  const xml = pkg.text(rel.target)!;
  const to = styleLists(xml);
  const { root } = children(xml);
  const p = root.tag.prefix ? `${root.tag.prefix}:` : '';
  const edits = new Edits(xml);
  const count = (list: string): number => to.items.get(list)?.length ?? 0;
  const offset = {
    fonts: count('fonts'),
    fills: count('fills'),
    borders: count('borders'),
    cellXfs: count('cellXfs'),
  };
  // Custom number formats get new ids past the workbook's own.
  const numFmtMap = new Map<number, number>();
  let nextFmt =
    Math.max(163, ...(to.items.get('numFmts') ?? []).map((k) => Number(k.tag.attrs.numFmtId) || 0)) + 1;
  const retag = (s: string): string => (p ? s.replace(/<(\/?)(?!\w+:)(\w+)/g, `<$1${p}$2`) : s);
  const body = (list: string, fix: (el: Element, text: string) => string): string[] =>
    (from.items.get(list) ?? []).map((el) => retag(fix(el, from.xml.slice(el.tag.start, el.end))));
  const additions = new Map<string, string[]>();
  additions.set(
    'numFmts',
    body('numFmts', (el, text) => {
      const id = Number(el.tag.attrs.numFmtId);
      numFmtMap.set(id, nextFmt);
      return text.replace(/numFmtId\s*=\s*"\d+"/, `numFmtId="${nextFmt++}"`);
    }),
  );
  additions.set(
    'fonts',
    body('fonts', (_, t) => t),
  );
  additions.set(
    'fills',
    body('fills', (_, t) => t),
  );
  additions.set(
    'borders',
    body('borders', (_, t) => t),
  );
  additions.set(
    'cellXfs',
    body('cellXfs', (el, text) => {
      const a = el.tag.attrs;
      let tag = from.xml.slice(el.tag.start, el.tag.end);
      const set = (attr: string, value: number): void => {
        tag = tag.replace(new RegExp(`(\\s${attr}\\s*=\\s*)"\\d+"`), `$1"${value}"`);
      };
      set('fontId', Number(a.fontId ?? 0) + offset.fonts);
      set('fillId', Number(a.fillId ?? 0) + offset.fills);
      set('borderId', Number(a.borderId ?? 0) + offset.borders);
      const fmt = Number(a.numFmtId ?? 0);
      if (numFmtMap.has(fmt)) set('numFmtId', numFmtMap.get(fmt)!);
      // The workbook's Normal style (cellStyleXfs 0) is the parent, as in the review workbook.
      set('xfId', 0);
      return tag + text.slice(el.tag.end - el.tag.start);
    }),
  );
  // The lists in the schema's order, for any the workbook lacks.
  const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];
  const { kids } = children(xml);
  for (const [list] of STYLE_LISTS) {
    const add = additions.get(list) ?? [];
    if (add.length === 0) continue;
    const el = to.lists.get(list);
    const total = count(list) + add.length;
    if (!el) {
      const later = ORDER.slice(ORDER.indexOf(list) + 1);
      const next = kids.find((k) => later.includes(k.tag.local));
      edits.insert(
        next ? next.tag.start : kids.length ? kids[kids.length - 1].end : root.inner,
        `<${p}${list} count="${total}">${add.join('')}</${p}${list}>`,
      );
      continue;
    }
    const open = setAttr(xml, el.tag, 'count', String(total));
    if (el.tag.selfClosing)
      edits.replace(el.tag.start, el.end, `${open.replace(/\s*\/>$/, '>')}${add.join('')}</${el.tag.name}>`);
    else {
      edits.replace(el.tag.start, el.tag.end, open);
      edits.insert(el.innerEnd, add.join(''));
    }
  }
  pkg.set(rel.target, edits.apply());
  return xfs.map((_, i) => offset.cellXfs + i);
}

/** The review worksheet's XML for this workbook: its styles remapped, its strings inline, its links added. */
function reviewSheetXml(review: ReviewSheet, xfMap: number[]): string {
  const strings: string[] = [];
  if (review.sharedStringsXml !== undefined) {
    const xml = review.sharedStringsXml;
    const { kids } = children(xml);
    for (const si of kids) if (si.tag.local === 'si') strings.push(xml.slice(si.inner, si.innerEnd));
  }
  const xml = review.sheetXml;
  const edits = new Edits(xml);
  const { root, kids } = children(xml);
  const data = kids.find((k) => k.tag.local === 'sheetData');
  const restyle = (tag: Tag, attr: string): string => {
    const v = tag.attrs[attr];
    return v === undefined
      ? xml.slice(tag.start, tag.end)
      : setAttr(xml, tag, attr, String(xfMap[Number(v)] ?? 0));
  };
  for (const k of kids) {
    if (k.tag.local === 'cols')
      for (const col of childrenOf(xml, k))
        if (col.tag.attrs.style !== undefined)
          edits.replace(col.tag.start, col.tag.end, restyle(col.tag, 'style'));
    if (k.tag.local === 'sheetViews')
      for (const view of childrenOf(xml, k))
        if (view.tag.local === 'sheetView') {
          edits.insert(view.tag.start + 1 + view.tag.name.length, ' tabSelected="1"');
          break;
        }
  }
  if (data)
    for (const row of childrenOf(xml, data)) {
      if (row.tag.local !== 'row') continue;
      if (row.tag.attrs.s !== undefined) edits.replace(row.tag.start, row.tag.end, restyle(row.tag, 's'));
      for (const c of childrenOf(xml, row)) {
        if (c.tag.local !== 'c') continue;
        let open = restyle(c.tag, 's');
        if (c.tag.attrs.t === 's') {
          const v = childrenOf(xml, c).find((k) => k.tag.local === 'v');
          const si = v ? strings[Number(xml.slice(v.inner, v.innerEnd))] : undefined;
          if (si !== undefined) {
            open = open.replace(/(\st\s*=\s*)"s"/, '$1"inlineStr"');
            edits.replace(c.tag.start, c.end, `${open}<is>${si}</is></c>`);
            continue;
          }
        }
        edits.replace(c.tag.start, c.tag.end, open);
      }
    }
  // Links inside the workbook, as Excel writes them: a location, no relationship.
  const old = kids.find((k) => k.tag.local === 'hyperlinks');
  const links = review.links
    .map(
      (l) =>
        `<hyperlink ref="${escapeXml(l.ref)}" location="${escapeXml(`${quotedSheet(l.sheet)}!${l.cell}`)}" display="${escapeXml(l.cell)}"/>`,
    )
    .join('');
  const linksXml = links ? `<hyperlinks>${links}</hyperlinks>` : '';
  if (old) edits.replace(old.tag.start, old.end, linksXml);
  else if (linksXml) {
    const next = kids.find((k) =>
      ['printOptions', 'pageMargins', 'pageSetup', 'headerFooter'].includes(k.tag.local),
    );
    edits.insert(next ? next.tag.start : root.innerEnd, linksXml);
  }
  return edits.apply();
}

/** Every sheet but the review sheet leaves the selection (two selected tabs would group them). */
function unselect(pkg: XlsxPackage, part: string): void {
  const xml = pkg.text(part);
  if (xml === undefined) return;
  const head = xml.search(/<(\w+:)?sheetData\b/);
  const { kids } = childrenTop(xml, head);
  const views = kids.find((k) => k.tag.local === 'sheetViews');
  if (!views) return;
  const edits = new Edits(xml);
  for (const v of childrenOf(xml, views)) {
    if (v.tag.local !== 'sheetView') continue;
    const sel = v.tag.attrs.tabSelected;
    if (sel !== '1' && sel !== 'true') continue;
    const text = xml.slice(v.tag.start, v.tag.end).replace(/\s+tabSelected\s*=\s*("[^"]*"|'[^']*')/, '');
    edits.replace(v.tag.start, v.tag.end, text);
  }
  const out = edits.apply();
  if (out !== xml) pkg.set(part, out);
}

/** The root's children up to `head` (the worksheet's elements before <sheetData>). */
function childrenTop(xml: string, head: number): { root: Element; kids: Element[] } {
  const limit = head < 0 ? xml.length : head;
  const rootTag = tags(xml).next().value as Tag | undefined;
  if (!rootTag) throw new PackageError('no root element');
  return children(xml, rootTag.end, limit);
}

/** Adds the review sheet to the workbook, first and selected. */
function insertReviewSheet(
  pkg: XlsxPackage,
  review: ReviewSheet,
  sheets: SheetEntry[],
  overrides: [string, string][],
): void {
  const xfMap = mergeStyles(pkg, review, overrides);
  const part = pkg.freeName('xl/worksheets/sheet', '.xml');
  pkg.set(part, reviewSheetXml(review, xfMap));
  overrides.push([part, CT_WORKSHEET]);
  const wbRels = pkg.rels(WORKBOOK);
  const rId = wbRels.add(REL_WORKSHEET, part.slice(3));
  pkg.saveRels(wbRels);
  for (const s of sheets) if (s.part) unselect(pkg, s.part);

  const xml = pkg.text(WORKBOOK)!;
  const { root, kids } = children(xml);
  const p = root.tag.prefix ? `${root.tag.prefix}:` : '';
  const r = prefixFor(root.tag, NS_REL);
  const edits = new Edits(xml);
  const sheetsEl = kids.find((k) => k.tag.local === 'sheets')!;
  const sheetId = Math.max(0, ...sheets.map((s) => (Number.isFinite(s.sheetId) ? s.sheetId : 0))) + 1;
  const idAttr = r ? `${r}id="${rId}"` : `xmlns:r="${NS_REL}" r:id="${rId}"`;
  const sheetXml = `<${p}sheet name="${escapeXml(review.name)}" sheetId="${sheetId}" ${idAttr}/>`;
  if (sheetsEl.tag.selfClosing)
    edits.replace(sheetsEl.tag.start, sheetsEl.end, `<${p}sheets>${sheetXml}</${p}sheets>`);
  else edits.insert(sheetsEl.inner, sheetXml);
  // Sheet positions move up by one: the names local to a sheet, and the views' tabs.
  const names = kids.find((k) => k.tag.local === 'definedNames');
  const printTitles = review.printTitles
    ? `<${p}definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(`${quotedSheet(review.name)}!${review.printTitles}`)}</${p}definedName>`
    : '';
  if (names) {
    const list = childrenOf(xml, names);
    for (const n of list) {
      const id = n.tag.attrs.localSheetId;
      if (id === undefined || !/^\d+$/.test(id)) continue;
      edits.replace(n.tag.start, n.tag.end, setAttr(xml, n.tag, 'localSheetId', String(Number(id) + 1)));
    }
    if (printTitles) {
      if (names.tag.selfClosing)
        edits.replace(names.tag.start, names.end, `<${p}definedNames>${printTitles}</${p}definedNames>`);
      else edits.insert(names.inner, printTitles);
    }
  } else if (printTitles) {
    const before = ['sheets', 'functionGroups', 'externalReferences'];
    const last = [...kids].reverse().find((k) => before.includes(k.tag.local))!;
    edits.insert(last.end, `<${p}definedNames>${printTitles}</${p}definedNames>`);
  }
  const views = kids.find((k) => k.tag.local === 'bookViews');
  for (const v of views ? childrenOf(xml, views) : []) {
    if (v.tag.local !== 'workbookView') continue;
    let tag = xml.slice(v.tag.start, v.tag.end);
    const t = { ...v.tag, start: 0, end: tag.length };
    tag = setAttr(tag, t, 'activeTab', '0');
    const t2 = { ...t, end: tag.length };
    if (v.tag.attrs.firstSheet !== undefined) tag = setAttr(tag, t2, 'firstSheet', '0');
    edits.replace(v.tag.start, v.tag.end, tag);
  }
  pkg.set(WORKBOOK, edits.apply());
}

// ---------------------------------------------------------------------------------------------

export interface PackageResult {
  data: Buffer;
  /** Cells given a note. */
  notes: number;
  /** Findings' cells that got no note (listed on the review sheet only). */
  skipped: Skipped[];
  /** What the copy cannot keep as it was in the original. */
  lost: 'signature'[];
}

/**
 * The annotated copy of the workbook in `pkg`: `notes` on their cells, and `review` inserted as the
 * first sheet. Throws PackageError when the package lacks what it needs.
 */
export function annotatePackage(
  pkg: XlsxPackage,
  notes: NoteRequest[],
  review: ReviewSheet,
  style: NoteStyle,
): PackageResult {
  const sheets = listSheets(pkg);
  const overrides: [string, string][] = [];
  const skipped: Skipped[] = [];
  const numbers = vmlNumbers(pkg);
  let count = 0;
  const bySheet = new Map<string, NoteRequest[]>();
  for (const n of notes) bySheet.set(n.sheet, [...(bySheet.get(n.sheet) ?? []), n]);
  for (const [name, list] of bySheet) {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet?.part) {
      for (const n of list) skipped.push({ sheet: n.sheet, cell: n.cell, reason: 'sheet' });
      continue;
    }
    count += annotateSheet(pkg, sheet, list, style, numbers, skipped, overrides);
  }
  insertReviewSheet(pkg, review, sheets, overrides);
  const vml = pkg.touched().some((n) => /\.vml$/i.test(n));
  addContentTypes(pkg, overrides, vml ? [['vml', CT_VML]] : []);
  const lost: PackageResult['lost'] = [];
  // A digital signature covers the parts as they were: the copy's parts differ.
  if (pkg.names().some((n) => /^_xmlsignatures\//i.test(n))) lost.push('signature');
  return { data: pkg.write(), notes: count, skipped, lost };
}
