/**
 * The sheets the add-in marked as its own (the 汇总 sheet, the hidden list sheet), found in the file
 * the way src/excel marks them: a sheet-level custom property `perfTargets.role` (ExcelApi 1.12),
 * or, where that API is missing, the workbook setting `perfTargets.internalSheets` (`{ sheet: role }`,
 * stored by Office in the web-extension part). exceljs reads neither, so the parts are read here.
 */

import {
  INTERNAL_SHEETS_KEY,
  isInternalRole,
  MARKER_PROPERTY,
  parseInternalSheets,
} from '../domain/settings';
import type { XlsxParts } from './zip-guard';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()];
    const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The attributes of every `<tag …>` element in `xml` (namespace prefixes ignored). */
function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<(?:[\\w-]+:)?${tag}\\b([^>]*)>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attrs: Record<string, string> = {};
    const attr = /([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let a = attr.exec(m[1]); a; a = attr.exec(m[1])) {
      attrs[a[1].replace(/^[\w-]+:(?=id$)/, 'r:')] = unescapeXml(a[2] ?? a[3]);
    }
    out.push(attrs);
  }
  return out;
}

/** A relationship target resolved against the folder of the part that holds the relationship. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

function relationships(parts: XlsxParts['parts'], part: string): Map<string, string> {
  const xml = parts.get(relsOf(part))?.toString('utf8') ?? '';
  return new Map(elements(xml, 'Relationship').map((r) => [r.Id, resolve(part, r.Target ?? '')]));
}

/** A custom property's value: Excel writes it as UTF-16LE; tolerate a BOM or plain UTF-8. */
function decodeProperty(data: Buffer): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return data.toString('utf16le', 2);
  const looksUtf16 = data.length >= 2 && data.length % 2 === 0 && data[1] === 0;
  return (looksUtf16 ? data.toString('utf16le') : data.toString('utf8')).replace(/\0+$/, '');
}

function parseJsonValue(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The sheets the add-in's settings list as its own (a web extension's property). */
function settingsSheets(xlsx: XlsxParts): Set<string> {
  const out = new Set<string>();
  for (const [name, data] of xlsx.parts) {
    if (!/^xl\/webextensions\/[^/]+\.xml$/.test(name)) continue;
    for (const p of elements(data.toString('utf8'), 'property')) {
      if (p.name !== INTERNAL_SHEETS_KEY || p.value === undefined) continue;
      // Office stores each setting JSON-encoded; the add-in's own value is JSON text again.
      for (const sheet of Object.keys(parseInternalSheets(parseJsonValue(p.value)))) out.add(sheet);
    }
  }
  return out;
}

/** Whether the worksheet part carries the add-in's marker property (its `<customProperties>`). */
function markedPart(xlsx: XlsxParts, part: string): boolean {
  const props = xlsx.sheetCustomProperties.get(part);
  if (!props) return false;
  const sheetRels = relationships(xlsx.parts, part);
  return elements(props, 'customPr').some((pr) => {
    if (pr.name !== MARKER_PROPERTY) return false;
    const target = sheetRels.get(pr['r:id']);
    const data = target ? xlsx.parts.get(target) : undefined;
    return data !== undefined && isInternalRole(decodeProperty(data).trim());
  });
}

export function markedSheets(xlsx: XlsxParts): Set<string> {
  const out = settingsSheets(xlsx);
  const workbook = 'xl/workbook.xml';
  const sheets = elements(xlsx.parts.get(workbook)?.toString('utf8') ?? '', 'sheet');
  const bookRels = relationships(xlsx.parts, workbook);
  for (const sheet of sheets) {
    const part = bookRels.get(sheet['r:id']);
    if (part && sheet.name !== undefined && markedPart(xlsx, part)) out.add(sheet.name);
  }
  return out;
}

/**
 * The same test one sheet at a time, as each worksheet part is read (src/cli/xlsx-direct.ts): the
 * settings are read once, a sheet's own marker when its part has been parsed.
 */
export function sheetMarks(xlsx: XlsxParts): (part: string, sheet: string) => boolean {
  const settings = settingsSheets(xlsx);
  return (part, sheet) => settings.has(sheet) || markedPart(xlsx, part);
}
