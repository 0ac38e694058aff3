/** The reference-indicator library (指标库, SPEC §13): what a source file holds and what ships. */

import type { ProfileId } from '../types';

/** The kind of an entry's value, as the value grammar (SPEC §3) reads its example; a date is a time. */
export type LibraryKind = 'percent' | 'count' | 'time' | 'money' | 'other' | 'qualitative';

/** Equality is the full-width `＝`, as the canonical form writes it. */
export type LibraryComparator = '≥' | '≤' | '＝' | '>' | '<';

/** `positive`: larger is better (≥, >, ＝); `reverse`: smaller is better (≤, <). */
export type LibraryDirection = 'positive' | 'reverse';

/** A public document the entries were read from. */
export interface LibrarySource {
  /** Lower-case letters, digits and hyphens; the source file is `sources/<id>.json`. */
  id: string;
  title: string;
  /** Who published the table (department, unit), when the document says. */
  publisher?: string;
  /** `财预〔2021〕101号`, or null when the document has none. */
  documentNumber: string | null;
  /** The address the document was read at; or `repo` + `path` for a file in a public repository. */
  url?: string;
  repo?: string;
  path?: string;
  /** YYYY-MM-DD. */
  retrieved: string;
  /** Province, city or county; `全国` or `中央部门` for national documents. */
  region: string;
  /** The budget year of the table, when known. */
  year?: number | null;
  /** How the entries were read from the document (columns combined, rows left out, and why). */
  note?: string;
}

/** One reference indicator: a 三级指标 with its place in the taxonomy and a value as the source gives it. */
export interface LibraryEntry {
  /** 三级指标, in the source's wording. */
  name: string;
  level1: string;
  level2: string;
  /** Every profile (SPEC §2) whose tree holds this 一级/二级. */
  profiles: ProfileId[];
  kind: LibraryKind;
  unit: string | null;
  /** Null for a qualitative value. */
  comparator: LibraryComparator | null;
  direction: LibraryDirection;
  /** A value as the source gives it (full-width/half-width spacing normalised). */
  example: string;
  keywords: string[];
  sector: string;
  /** 绩效指标描述 / 指标解释, when the source has one. */
  description?: string;
  /** 指标值确定依据, when the source has one. */
  basis?: string;
  /** Why the kind differs from what the name implies by the suffix rules (SPEC §3). */
  kindException?: string;
  /**
   * The example, as written, is not read by the value grammar the way a reader reads it (a unit the
   * grammar lacks, a date it does not recognise): the entry is a reference for wording only, and its
   * kind and direction say nothing about what the indicator's values should be.
   */
  valueNote?: string;
  /** The id of the source the entry was read from. */
  source: string;
}

/** What a curated source file holds; entries take the file's source unless they name one. */
export interface LibrarySourceFile {
  source: LibrarySource;
  entries: (Omit<LibraryEntry, 'source'> & { source?: string })[];
}

/** The shipped library (entries.json). */
export interface LibraryData {
  sources: LibrarySource[];
  entries: LibraryEntry[];
}
