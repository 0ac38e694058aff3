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

export type { LibraryData, LibraryEntry, LibraryKind, LibrarySource } from './types';
export type { SearchHit, SearchOptions } from './search';
