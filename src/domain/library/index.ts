/**
 * The shipped reference-indicator library (SPEC §13) and lookups over it. This is the only module
 * that imports the data, so the task pane can load it as a separate chunk after it is interactive.
 */

import data from './entries.json';
import {
  findLibraryEntries,
  findLibraryEntry,
  searchLibrary,
  type SearchHit,
  type SearchOptions,
} from './search';
import type { MeasureKind, ReferenceLookup } from '../types';
import { parseValue } from '../value';
import type { LibraryData, LibraryEntry, LibraryKind } from './types';

export const LIBRARY: LibraryData = data as LibraryData;

/** The library's entries matching what was typed, best first (see searchLibrary). */
export function searchReferenceIndicators(query: unknown, options?: SearchOptions): SearchHit[] {
  return searchLibrary(LIBRARY.entries, query, options);
}

/** The entry for a 三级指标 name, exact after folding widths and white space (see findLibraryEntry). */
export function libraryEntryFor(name: unknown, level2?: string): LibraryEntry | undefined {
  return findLibraryEntry(LIBRARY.entries, name, level2);
}

/** What the library says a value for this 三级指标 should be, for the rules (SPEC §13). */
export interface LibraryExpectation {
  kind: LibraryKind;
  reverse: boolean;
  entry: LibraryEntry;
}

/**
 * The kind and direction the library knows for a name, from entries whose example the value grammar
 * reads as written (entries with a valueNote are references for wording only). Undefined when the
 * library does not know the name.
 */
export function libraryExpectation(name: unknown, level2?: string): LibraryExpectation | undefined {
  const usable = findLibraryEntries(LIBRARY.entries, name).filter((e) => e.valueNote === undefined);
  if (usable.length === 0) return undefined;
  const entry = findLibraryEntry(usable, name, level2) ?? usable[0];
  if (!entry) return undefined;
  return { kind: entry.kind, reverse: entry.direction === 'reverse', entry };
}

const MEASURES: Readonly<Record<LibraryKind, MeasureKind | null>> = {
  percent: 'percent',
  count: 'count',
  time: 'time',
  money: 'money',
  other: null,
  qualitative: null,
};

/**
 * Who published an entry's source, to name in a finding or beside a suggestion: the publisher, else
 * (unknown, or not given) the document's title.
 */
export function sourceLabel(id: string): string {
  const source = LIBRARY.sources.find((s) => s.id === id);
  if (!source) return id;
  return source.publisher && !source.publisher.startsWith('不详') ? source.publisher : source.title;
}

/** The shipped library as the rules take it (ValidateOptions.references). */
export const referenceLookup: ReferenceLookup = (name, level2) => {
  const found = libraryExpectation(name, level2);
  if (!found) return undefined;
  // Some sources file a 指标性质 of 反向 beside a bare `100%`: only a cap the source wrote itself
  // says that smaller is better.
  const written = parseValue(found.entry.example).comparator;
  return {
    kind: MEASURES[found.kind],
    reverse: found.reverse && (written === '≤' || written === '<'),
    example: found.entry.example,
    source: sourceLabel(found.entry.source),
  };
};

export type { LibraryData, LibraryEntry, LibraryKind, LibrarySource } from './types';
export type { SearchHit, SearchOptions } from './search';
