/**
 * Validates the curated source files of the reference-indicator library and assembles the shipped
 * file. Pure: scripts/build-library.js reads the files and writes the result; the tests feed it
 * source sets directly.
 */

import { expectFromName } from '../names';
import { matchLevel1, matchLevel2, normalizeName, PROFILE_IDS, PROFILES } from '../taxonomy';
import type { Comparator, ProfileId } from '../types';
import { parseValue } from '../value';
import type {
  LibraryComparator,
  LibraryData,
  LibraryEntry,
  LibraryKind,
  LibrarySource,
  LibrarySourceFile,
} from './types';

/** A source file as read from disk: its file name (`<id>.json`) and its parsed JSON. */
export interface SourceFileInput {
  file: string;
  content: unknown;
}

export interface BuildResult {
  /** Null when any error was found. */
  library: LibraryData | null;
  errors: string[];
}

const KINDS: readonly LibraryKind[] = ['percent', 'count', 'time', 'money', 'other', 'qualitative'];
const COMPARATORS: readonly LibraryComparator[] = ['≥', '≤', '＝', '>', '<'];
const FROM_GRAMMAR: Record<Comparator, LibraryComparator> = {
  '≥': '≥',
  '≤': '≤',
  '=': '＝',
  '>': '>',
  '<': '<',
};
const SOURCE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v === v.trim();
const optionalText = (v: unknown): boolean => v === undefined || isText(v);

/** The profiles whose tree holds this 一级 → 二级 (names, synonyms and the optional 指标 suffix allowed). */
export function profilesFitting(level1: string, level2: string): ProfileId[] {
  return PROFILE_IDS.filter((id) => {
    const l1 = matchLevel1(PROFILES[id], level1);
    return l1 !== undefined && matchLevel2(l1, level2) !== undefined;
  });
}

/** True when some listed profile writes this 一级 and 二级 exactly so (no synonym, no missing 指标). */
function canonicalIn(profiles: readonly ProfileId[], level1: string, level2: string): boolean {
  return profiles.some((id) =>
    PROFILES[id].level1.some((l1) => l1.name === level1 && l1.level2.some((l2) => l2.name === level2)),
  );
}

function checkSource(source: unknown, file: string, errors: string[]): source is LibrarySource {
  const at = `${file}: source`;
  if (!isRecord(source)) {
    errors.push(`${at}: missing (expected an object with id, title, url, retrieved, region …)`);
    return false;
  }
  const before = errors.length;
  if (!isText(source.id) || !SOURCE_ID.test(source.id)) {
    errors.push(`${at}: id «${String(source.id)}» must be lower-case letters, digits and hyphens`);
  } else if (`${source.id}.json` !== file) {
    errors.push(`${at}: id «${source.id}» does not match the file name (expected ${source.id}.json)`);
  }
  if (!isText(source.title)) errors.push(`${at}: title is missing`);
  if (!(source.documentNumber === null || isText(source.documentNumber))) {
    errors.push(`${at}: documentNumber must be the document number or null`);
  }
  const hasUrl = isText(source.url) && /^https?:\/\//.test(source.url);
  const hasRepo = isText(source.repo) && isText(source.path);
  if (!hasUrl && !hasRepo) errors.push(`${at}: needs an address: url (http…) or repo and path`);
  if (!isText(source.retrieved) || !DATE.test(source.retrieved)) {
    errors.push(`${at}: retrieved must be a date YYYY-MM-DD`);
  }
  if (!isText(source.region)) errors.push(`${at}: region is missing`);
  for (const key of ['publisher', 'note'] as const) {
    if (!optionalText(source[key])) errors.push(`${at}: ${key} must be text when present`);
  }
  if (!(source.year === undefined || source.year === null || Number.isInteger(source.year))) {
    errors.push(`${at}: year must be a whole number or null`);
  }
  return errors.length === before;
}

/** Larger is better for ≥, > and ＝ (scored as 正向, SPEC §12); smaller for ≤ and <. */
function directionOf(comparator: LibraryComparator): LibraryEntry['direction'] {
  return comparator === '≤' || comparator === '<' ? 'reverse' : 'positive';
}

type SourceEntry = LibrarySourceFile['entries'][number];

function checkEntry(raw: unknown, at: string, errors: string[]): raw is SourceEntry {
  if (!isRecord(raw)) {
    errors.push(`${at}: not an object`);
    return false;
  }
  const before = errors.length;
  const e = raw;
  for (const key of ['name', 'level1', 'level2', 'example', 'sector'] as const) {
    if (!isText(e[key])) errors.push(`${at}: ${key} is missing or has surrounding white space`);
  }
  for (const key of ['description', 'basis', 'kindException', 'valueNote', 'source'] as const) {
    if (!optionalText(e[key])) errors.push(`${at}: ${key} must be non-empty text when present`);
  }
  if (!Array.isArray(e.keywords) || !e.keywords.every(isText)) {
    errors.push(`${at}: keywords must be a list of words`);
  }
  if (!KINDS.includes(e.kind as LibraryKind)) {
    errors.push(`${at}: kind «${String(e.kind)}» is not one of ${KINDS.join(', ')}`);
  }
  if (!(e.unit === null || isText(e.unit))) errors.push(`${at}: unit must be text or null`);
  if (!(e.comparator === null || COMPARATORS.includes(e.comparator as LibraryComparator))) {
    errors.push(
      `${at}: comparator «${JSON.stringify(e.comparator)}» is not one of ${COMPARATORS.join(' ')} or null`,
    );
  }
  if (e.direction !== 'positive' && e.direction !== 'reverse') {
    errors.push(`${at}: direction must be positive or reverse`);
  }
  if (
    !Array.isArray(e.profiles) ||
    e.profiles.length === 0 ||
    !e.profiles.every((p) => PROFILE_IDS.includes(p as ProfileId)) ||
    new Set(e.profiles).size !== e.profiles.length
  ) {
    errors.push(`${at}: profiles must list some of ${PROFILE_IDS.join(', ')}, each once`);
  }
  return errors.length === before;
}

/** The checks that relate an entry's fields to the taxonomy, the value grammar and the name rules. */
function checkMeaning(e: Omit<LibraryEntry, 'source'>, at: string, errors: string[]): void {
  const fitting = profilesFitting(e.level1, e.level2);
  if (fitting.length === 0) {
    errors.push(`${at}: ${e.level1} → ${e.level2} is in no profile`);
  } else {
    const listed = [...e.profiles].sort().join(', ');
    if (listed !== [...fitting].sort().join(', ')) {
      errors.push(`${at}: profiles [${listed}] but ${e.level1} → ${e.level2} fits [${fitting.join(', ')}]`);
    }
    if (!canonicalIn(fitting, e.level1, e.level2)) {
      errors.push(
        `${at}: write ${e.level1} → ${e.level2} with a profile's own names (e.g. 效益指标, 社会效益指标)`,
      );
    }
  }

  const expected = expectFromName(e.name);
  const parsed = parseValue(e.example, { nameKind: expected.kind });
  const read: LibraryKind = parsed.kind === 'date' ? 'time' : parsed.kind;
  if (read !== e.kind) {
    errors.push(`${at}: example «${e.example}» reads as ${read}, but kind says ${e.kind}`);
  }
  if ((parsed.quantitative ? parsed.unit : null) !== e.unit) {
    errors.push(
      `${at}: example «${e.example}» has unit ${parsed.unit ?? 'none'}, but unit says ${e.unit ?? 'none'}`,
    );
  }
  if (e.kind === 'qualitative' && e.comparator !== null) {
    errors.push(`${at}: a qualitative value has no comparator (found ${e.comparator})`);
  }
  if (e.kind !== 'qualitative' && parsed.quantitative && e.comparator === null) {
    errors.push(`${at}: a quantitative value needs its usual comparator`);
  }
  if (parsed.comparator && e.comparator && FROM_GRAMMAR[parsed.comparator] !== e.comparator) {
    errors.push(
      `${at}: example «${e.example}» says ${FROM_GRAMMAR[parsed.comparator]}, but comparator says ${e.comparator}`,
    );
  }
  if (e.comparator && directionOf(e.comparator) !== e.direction) {
    errors.push(
      `${at}: comparator ${e.comparator} means ${directionOf(e.comparator)}, but direction says ${e.direction}`,
    );
  }
  if (expected.kind !== null && expected.kind !== e.kind && e.kindException === undefined) {
    errors.push(
      `${at}: the name «${e.name}» implies ${expected.kind} (SPEC §3 suffix rules) but kind is ${e.kind}; ` +
        'give the reason in kindException',
    );
  }
  if (e.kindException !== undefined && (expected.kind === null || expected.kind === e.kind)) {
    errors.push(
      `${at}: kindException given, but the name implies ${expected.kind ?? 'no kind'} and kind is ${e.kind}`,
    );
  }
}

/** Validates the source files and assembles the library: sources by id, entries by source then file order. */
export function buildLibrary(files: readonly SourceFileInput[]): BuildResult {
  const errors: string[] = [];
  const sources: LibrarySource[] = [];
  const pending: { entry: Omit<LibraryEntry, 'source'>; source: string; at: string }[] = [];
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  for (const { file, content } of sorted) {
    if (!isRecord(content)) {
      errors.push(`${file}: expected an object { source, entries }`);
      continue;
    }
    const sourceOk = checkSource(content.source, file, errors);
    if (sourceOk) {
      const source = content.source as LibrarySource;
      if (sources.some((s) => s.id === source.id))
        errors.push(`${file}: source id «${source.id}» is used twice`);
      else sources.push(source);
    }
    if (!Array.isArray(content.entries) || content.entries.length === 0) {
      errors.push(`${file}: entries must be a non-empty list`);
      continue;
    }
    const fileSource = sourceOk ? (content.source as LibrarySource).id : '';
    content.entries.forEach((raw: unknown, i) => {
      const name = isRecord(raw) && typeof raw.name === 'string' ? ` «${raw.name}»` : '';
      const at = `${file}: entry ${i + 1}${name}`;
      if (!checkEntry(raw, at, errors)) return;
      checkMeaning(raw, at, errors);
      pending.push({ entry: raw, source: raw.source ?? fileSource, at });
    });
  }

  const known = new Set(sources.map((s) => s.id));
  const seen = new Map<string, string>();
  const entries: LibraryEntry[] = [];
  for (const { entry, source, at } of pending) {
    if (!known.has(source)) {
      errors.push(`${at}: source «${source}» does not exist`);
      continue;
    }
    const key = `${normalizeName(entry.level1)}|${normalizeName(entry.level2)}|${normalizeName(entry.name)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(`${at}: «${entry.name}» is already under ${entry.level2} (${first})`);
      continue;
    }
    seen.set(key, at);
    entries.push(withSource(entry, source));
  }

  if (errors.length > 0) return { library: null, errors };
  sources.sort((a, b) => (a.id < b.id ? -1 : 1));
  return { library: { sources, entries }, errors };
}

/** Fields in one fixed order, so the shipped file does not depend on how a source file was written. */
function withSource(e: Omit<LibraryEntry, 'source'>, source: string): LibraryEntry {
  const out: LibraryEntry = {
    name: e.name,
    level1: e.level1,
    level2: e.level2,
    profiles: [...e.profiles].sort(),
    kind: e.kind,
    unit: e.unit,
    comparator: e.comparator,
    direction: e.direction,
    example: e.example,
    keywords: [...e.keywords],
    sector: e.sector,
    source,
  };
  if (e.description !== undefined) out.description = e.description;
  if (e.basis !== undefined) out.basis = e.basis;
  if (e.kindException !== undefined) out.kindException = e.kindException;
  if (e.valueNote !== undefined) out.valueNote = e.valueNote;
  return out;
}

function orderedSource(s: LibrarySource): LibrarySource {
  const out: LibrarySource = {
    id: s.id,
    title: s.title,
    documentNumber: s.documentNumber,
    retrieved: s.retrieved,
    region: s.region,
  };
  if (s.publisher !== undefined) out.publisher = s.publisher;
  if (s.url !== undefined) out.url = s.url;
  if (s.repo !== undefined) out.repo = s.repo;
  if (s.path !== undefined) out.path = s.path;
  if (s.year !== undefined) out.year = s.year;
  if (s.note !== undefined) out.note = s.note;
  return out;
}

/** The shipped file: compact JSON, one source or entry per line, so a change shows as a readable diff. */
export function serializeLibrary(library: LibraryData): string {
  const lines = (items: readonly unknown[]) => items.map((x) => JSON.stringify(x)).join(',\n');
  return (
    `{"sources":[\n${lines(library.sources.map(orderedSource))}\n],\n` +
    `"entries":[\n${lines(library.entries)}\n]}\n`
  );
}
