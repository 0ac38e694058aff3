/**
 * Searching the reference-indicator library as people type Chinese (SPEC §13). Pure: the entries are
 * an argument, so this module can ship in the task pane's first chunk while the data (index.ts)
 * loads later, and tests can search small hand-made libraries.
 *
 * Ranking: entries under the row's 二级 first (matched by the 二级's role, so a hebei-2019 成本指标 row
 * also ranks mof-2021 经济成本指标 entries first), then closeness of the name — exact > prefix >
 * contiguous substring > all characters in order > half or more of the query's bigrams — then a match
 * in the keywords, sector, 二级 or description (contiguous only); within a tier, the shorter text
 * (the query covers more of it) first; then the library's own order.
 *
 * Why no fuzzy-search package: the candidates do not fit Chinese or the ranking asked for, and each
 * costs bundle weight for logic this file does in a few lines. fuse.js 7.5 (9.1 KB gzipped, 7.3 KB for
 * fuse.basic) scores by Bitap error counts and match location, caps patterns at 32 characters, and
 * has no notion of prefix-before-substring tiers. match-sorter 8.3 (3.5 KB gzipped with its
 * remove-accents dependency) ranks by almost the same tiers, but its word-start and acronym tiers
 * rely on spaces that Chinese does not have, and it has no bigram tier, no width folding and no
 * synonyms, all of which would still live here. fuzzysort and uFuzzy are tuned for Latin word
 * boundaries; minisearch and flexsearch are token indexes that need a Chinese tokenizer first.
 */

import { findLevel2, normalizeName, PROFILE_IDS, PROFILES } from '../taxonomy';
import synonymData from './synonyms.json';
import type { LibraryEntry } from './types';

export interface SearchOptions {
  /** The row's 二级: its entries come first (and, with `onlyLevel2`, alone). */
  level2?: string;
  onlyLevel2?: boolean;
  /** At most this many hits (default 50). */
  limit?: number;
}

export interface SearchHit {
  entry: LibraryEntry;
  /** Position of the entry in the library. */
  index: number;
  /** The entry is under the row's 二级 (false when no 二级 was given). */
  sameLevel2: boolean;
  /** Higher is closer; 0 for the empty query's listing. */
  score: number;
}

const DEFAULT_LIMIT = 50;
/** Longer text is cut: nobody types a 三级指标 longer than this, and the cost stays bounded. */
const MAX_QUERY = 64;
const MAX_RAW = 4 * MAX_QUERY;
const MAX_VARIANTS = 16;

/**
 * Folds text for comparison: NFKC (full-width letters, digits and signs), lower case, and no white
 * space, punctuation or symbols, so `（工程）验收`, `工程 验收` and `工程验收` are the same.
 */
export function foldForSearch(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .slice(0, MAX_RAW)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{C}]/gu, '');
}

const SYNONYMS: readonly (readonly [string, readonly string[]])[] = Object.entries(
  synonymData.synonyms as Record<string, string[]>,
).map(([key, words]) => [foldForSearch(key), words.map(foldForSearch)] as const);

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

function isSubsequence(query: string, text: string): boolean {
  let j = 0;
  for (let i = 0; i < text.length && j < query.length; i++) if (text[i] === query[j]) j++;
  return j === query.length;
}

/** 5 exact, 4 prefix, 3 contiguous, 2 characters in order, 1 half the bigrams or more, 0 none. */
function nameTier(query: string, queryBigrams: Set<string>, name: string, nameBigrams: Set<string>): number {
  if (name === query) return 5;
  if (name.startsWith(query)) return 4;
  if (name.includes(query)) return 3;
  if (query.length < 2) return 0;
  if (isSubsequence(query, name)) return 2;
  let shared = 0;
  for (const b of queryBigrams) if (nameBigrams.has(b)) shared++;
  return queryBigrams.size > 0 && shared * 2 >= queryBigrams.size ? 1 : 0;
}

/** Other fields count only when they hold the query contiguously: loose matches there are noise. */
function fieldTier(query: string, field: string): number {
  if (field === query) return 5;
  if (field.startsWith(query)) return 4;
  return field.includes(query) ? 3 : 0;
}

interface Indexed {
  name: string;
  nameBigrams: Set<string>;
  fields: string[];
  level2Key: string;
}

/** What a 二级 is, whatever the profile calls it: its role (成本指标 = 经济成本指标), else its folded text. */
function level2Key(level2: string): string {
  for (const id of PROFILE_IDS) {
    const found = findLevel2(PROFILES[id], level2);
    if (found) return `role:${found.level2.role}`;
  }
  return `text:${normalizeName(level2)}`;
}

const indexes = new WeakMap<readonly LibraryEntry[], Indexed[]>();

function indexOf(entries: readonly LibraryEntry[]): Indexed[] {
  let index = indexes.get(entries);
  if (!index) {
    index = entries.map((e) => {
      const name = foldForSearch(e.name);
      return {
        name,
        nameBigrams: bigrams(name),
        fields: [...e.keywords, e.sector, e.level2, e.description ?? ''].map(foldForSearch).filter(Boolean),
        level2Key: level2Key(e.level2),
      };
    });
    indexes.set(entries, index);
  }
  return index;
}

/** The query and its synonym variants (`满意` → `满意度` …); variants rank just below the words typed. */
function variantsOf(query: string): { text: string; synonym: boolean }[] {
  const out = [{ text: query, synonym: false }];
  const seen = new Set([query]);
  for (const [key, words] of SYNONYMS) {
    if (!key || !query.includes(key)) continue;
    for (const word of words) {
      const text = query.replace(key, word);
      if (out.length >= MAX_VARIANTS) return out;
      if (!seen.has(text)) {
        seen.add(text);
        out.push({ text, synonym: true });
      }
    }
  }
  return out;
}

/**
 * Within a tier, how much of the text the query covers, below 1 so that it never lifts an entry
 * over a better tier: typing 满意 puts 服务对象满意度 before 公众对食品安全满意度, as a person reads
 * the shorter name as the closer one.
 */
function closeness(query: string, text: string): number {
  return text.length === 0 ? 0 : (0.9 * Math.min(query.length, text.length)) / text.length;
}

function scoreOf(
  item: Indexed,
  variants: { text: string; bigrams: Set<string>; synonym: boolean }[],
): number {
  let best = 0;
  for (const v of variants) {
    // A synonym found is worth a tier less than the words typed: 成本 finds 维护成本 before 经费支出合规率.
    const penalty = v.synonym ? 2 : 0;
    const onName = nameTier(v.text, v.bigrams, item.name, item.nameBigrams);
    if (onName > 0) {
      best = Math.max(best, 10 + 2 * onName - penalty + closeness(v.text, item.name));
      continue;
    }
    for (const f of item.fields) {
      const onField = fieldTier(v.text, f);
      if (onField > 0) best = Math.max(best, 2 * onField - penalty + closeness(v.text, f));
    }
  }
  return best;
}

function limitOf(options: SearchOptions | undefined, total: number): number {
  const limit = options?.limit;
  if (typeof limit !== 'number' || Number.isNaN(limit)) return Math.min(DEFAULT_LIMIT, total);
  return Math.max(0, Math.min(Math.floor(limit), total));
}

/**
 * The entries matching what was typed, best first. An empty query lists the entries under the row's
 * 二级 (all entries when no 二级 is given). Never throws, whatever the query.
 */
export function searchLibrary(
  entries: readonly LibraryEntry[],
  query: unknown,
  options?: SearchOptions,
): SearchHit[] {
  const index = indexOf(entries);
  const rowKey =
    typeof options?.level2 === 'string' && options.level2.trim() ? level2Key(options.level2) : null;
  const folded = foldForSearch(query).slice(0, MAX_QUERY);
  const limit = limitOf(options, entries.length);

  const hits: SearchHit[] = [];
  if (folded === '') {
    entries.forEach((entry, i) => {
      const sameLevel2 = rowKey !== null && index[i]?.level2Key === rowKey;
      if (rowKey === null || sameLevel2) hits.push({ entry, index: i, sameLevel2, score: 0 });
    });
    return hits.slice(0, limit);
  }

  const variants = variantsOf(folded).map((v) => ({ ...v, bigrams: bigrams(v.text) }));
  entries.forEach((entry, i) => {
    const sameLevel2 = rowKey !== null && index[i]?.level2Key === rowKey;
    if (options?.onlyLevel2 && rowKey !== null && !sameLevel2) return;
    const indexed = index[i];
    const score = indexed ? scoreOf(indexed, variants) : 0;
    if (score > 0) hits.push({ entry, index: i, sameLevel2, score });
  });
  hits.sort((a, b) => Number(b.sameLevel2) - Number(a.sameLevel2) || b.score - a.score || a.index - b.index);
  return hits.slice(0, limit);
}

const byName = new WeakMap<readonly LibraryEntry[], Map<string, number[]>>();

/** Every entry whose 三级指标 is this name, after folding widths and white space. */
export function findLibraryEntries(entries: readonly LibraryEntry[], name: unknown): LibraryEntry[] {
  if (typeof name !== 'string') return [];
  let map = byName.get(entries);
  if (!map) {
    map = new Map();
    entries.forEach((e, i) => {
      const key = normalizeName(e.name);
      map?.set(key, [...(map.get(key) ?? []), i]);
    });
    byName.set(entries, map);
  }
  return (map.get(normalizeName(name.slice(0, MAX_RAW))) ?? []).flatMap((i) => entries[i] ?? []);
}

/**
 * The entry for a 三级指标 name (exact match after folding): the one under the row's 二级 when several
 * sources file the same name under different 二级, else the first.
 */
export function findLibraryEntry(
  entries: readonly LibraryEntry[],
  name: unknown,
  level2?: string,
): LibraryEntry | undefined {
  const found = findLibraryEntries(entries, name);
  if (found.length <= 1 || typeof level2 !== 'string') return found[0];
  const key = level2Key(level2);
  return found.find((e) => level2Key(e.level2) === key) ?? found[0];
}
