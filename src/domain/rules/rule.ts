/**
 * The shape of a rule, after ESLint's: `meta` (id, severity, messages with placeholders, fixable)
 * and `check`, which looks at one table and reports through the context.
 * Adding a rule is adding one file here (and listing it in index.ts) and one test file.
 */

import type { Field, Lang, ProfileId, Severity, TargetTable } from '../types';
import type { Profile } from '../taxonomy';

/** A message template in both languages; `{{name}}` placeholders are filled from the report's data. */
export type MessageTemplate = Record<Lang, string>;

export interface RuleMeta {
  /** `group/name`, as listed in SPEC §4. */
  id: string;
  /** The default severity; a report may override it (table/missing-field: 项目编码 is a warning). */
  severity: Severity;
  /** What the rule catches, one line in each language (shown in the task pane's help). */
  description: MessageTemplate;
  messages: Record<string, MessageTemplate>;
  /** True when some reports carry a fix. */
  fixable: boolean;
  /** Profiles the rule applies to; all when absent. */
  profiles?: ProfileId[];
  /**
   * Placeholders whose data value is a language-neutral term (`percent`, `0` …) rather than text to
   * show: placeholder → term group, shown as the string `rules.terms.<group>.<value>` of the language.
   */
  terms?: Record<string, string>;
  /**
   * True when the rule compares the table with the others validated with it (reads `tables`):
   * it runs over every table again whenever any changes, while the others run per table.
   */
  crossTable?: boolean;
}

export interface Report {
  /** The cell the user should act on: a located Field, or an A1 address on the table's sheet. */
  at: Field | string;
  /** The sheet of `at`, when it is not the table's (rows of a later sheet that continue the table). */
  sheet?: string;
  messageId: string;
  data?: Record<string, string | number>;
  severity?: Severity;
  /** The new value for the reported cell (a fix changes only its own cell). */
  fix?: string | number;
  /** A fix for another cell than `at`, when the two differ. */
  fixCell?: string;
}

export interface RuleContext {
  table: TargetTable;
  /** Index of `table` in `tables`. */
  index: number;
  /** Every table validated together (the workbook, or all files checked together). */
  tables: readonly TargetTable[];
  profile: Profile;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
