/**
 * Runs the rules over the tables read from a workbook (or from every file checked together) and
 * turns their reports into findings with messages in the user's language.
 */

import { parseA1 } from './address';
import { RULES } from './rules';
import type { Report, Rule, RuleContext } from './rules/rule';
import { bindReferences } from './rules/support';
import { TERMS } from './rules/terms';
import { getProfile } from './taxonomy';
import type { Finding, Lang, ProfileId, ReferenceLookup, TargetTable } from './types';

export interface ValidateOptions {
  lang?: Lang;
  /** Run only these rules (tests, or a caller that wants a subset); every rule when absent. */
  rules?: readonly Rule[];
  /**
   * The reference library (SPEC §13): a name it knows takes its kind and direction from it. Without,
   * names are judged by their words alone (SPEC §3).
   */
  references?: ReferenceLookup;
}

/** `{{placeholder}}`, its name trimmed, as i18next reads it. */
const PLACEHOLDER = /\{\{(.+?)\}\}/g;

function term(lang: Lang, group: string, value: string | number): string {
  const text = TERMS[lang][group]?.[value] ?? TERMS['zh-CN'][group]?.[value];
  return text ?? `rules.terms.${group}.${value}`;
}

/**
 * The rule's message in `lang` with its placeholders filled, as i18next would make it from the rule's
 * `meta.messages` (zh-CN when the language lacks the message; the key when neither has it), made
 * here directly: a workbook's findings are thousands of messages, and i18next's lookup and
 * interpolation were a third of the rules' time. Cell text is inserted as typed, in one pass, so a
 * `{{…}}` or `$t(…)` in a cell is never read as a placeholder or a nesting.
 */
function message(rule: Rule, lang: Lang, messageId: string, data: Record<string, string | number>): string {
  const templates = rule.meta.messages[messageId];
  const template = templates?.[lang] ?? templates?.['zh-CN'];
  if (template === undefined) return `rules.${rule.meta.id}.${messageId}`;
  const terms = rule.meta.terms;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const key = name.trim();
    const value = Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
    if (value === undefined) return whole;
    const group = terms?.[key];
    return group === undefined ? String(value) : term(lang, group, value);
  });
}

function position(cell: string): { row: number; col: number } {
  try {
    return parseA1(cell);
  } catch {
    return { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
  }
}

/**
 * Findings ordered as the user reads the workbook: sheet (in workbook order), table, row, column;
 * on one cell, in the order of `rules` (then as reported), so that findings made apart (each table's
 * own, the cross-table ones) come out as one run over every rule would list them.
 */
export function sortFindings(
  findings: readonly Finding[],
  tables: readonly TargetTable[],
  rules: readonly Rule[] = RULES,
): Finding[] {
  const sheetOrder = new Map<string, number>();
  tables.forEach((table) => {
    if (!sheetOrder.has(table.sheet)) sheetOrder.set(table.sheet, sheetOrder.size);
  });
  const ruleOrder = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  const keyed = findings.map((finding, i) => ({
    finding,
    i,
    sheet: sheetOrder.get(finding.sheet) ?? sheetOrder.size,
    at: position(finding.cell),
    rule: ruleOrder.get(finding.rule) ?? ruleOrder.size,
  }));
  keyed.sort(
    (a, b) =>
      a.sheet - b.sheet ||
      (a.finding.table ?? -1) - (b.finding.table ?? -1) ||
      a.at.row - b.at.row ||
      a.at.col - b.at.col ||
      a.rule - b.rule ||
      a.i - b.i,
  );
  return keyed.map((k) => k.finding);
}

/** Runs `rules` on each table that its profile admits; findings in rule order per table, unsorted. */
function run(
  tables: readonly TargetTable[],
  rules: readonly Rule[],
  lang: Lang,
  references: ReferenceLookup | undefined,
): Finding[] {
  const findings: Finding[] = [];
  // A fresh list per run: rules may remember what they derived from it (table/duplicate-code does).
  const all: readonly TargetTable[] = Object.freeze([...tables]);
  // The rules each profile admits, listed once per run rather than asked of every rule on every table.
  const admitted = new Map<ProfileId, Rule[]>();
  const rulesFor = (profile: ProfileId): Rule[] => {
    let list = admitted.get(profile);
    if (!list) {
      list = rules.filter((each) => !each.meta.profiles || each.meta.profiles.includes(profile));
      admitted.set(profile, list);
    }
    return list;
  };
  all.forEach((table, index) => {
    const profile = getProfile(table.profile);
    bindReferences(table, references);
    // One context per table, reporting for the rule that runs: a closure and a context per rule
    // and table were most of what validation allocated.
    let rule: Rule | undefined;
    const report = (r: Report): void => {
      const current = rule;
      if (!current) return;
      const cell = typeof r.at === 'string' ? r.at : r.at.cell;
      const data = r.data ?? {};
      const finding: Finding = {
        rule: current.meta.id,
        severity: r.severity ?? current.meta.severity,
        sheet: r.sheet ?? table.sheet,
        cell,
        message: message(current, lang, r.messageId, data),
        messageId: r.messageId,
        data,
        table: index,
      };
      if (r.fix !== undefined) finding.fix = { sheet: table.sheet, cell: r.fixCell ?? cell, value: r.fix };
      findings.push(finding);
    };
    const context: RuleContext = { table, index, tables: all, profile, report };
    for (const each of rulesFor(table.profile)) {
      rule = each;
      each.check(context);
    }
    rule = undefined;
  });
  return findings;
}

/**
 * The rules that look at one table alone, on each of `tables`: a table's findings depend on nothing
 * else, so a caller may keep them until the table changes. `Finding.table` is the index in
 * `tables`; the findings are unsorted (see sortFindings).
 */
export function validateEachTable(tables: readonly TargetTable[], options: ValidateOptions = {}): Finding[] {
  const rules = (options.rules ?? RULES).filter((rule) => !rule.meta.crossTable);
  return run(tables, rules, options.lang ?? 'zh-CN', options.references);
}

/** The rules that compare tables with each other (meta.crossTable), over every table; unsorted. */
export function validateAcrossTables(
  tables: readonly TargetTable[],
  options: ValidateOptions = {},
): Finding[] {
  const rules = (options.rules ?? RULES).filter((rule) => rule.meta.crossTable);
  return run(tables, rules, options.lang ?? 'zh-CN', options.references);
}

/** Runs every rule that applies to each table's profile; messages in `lang` (Chinese by default). */
export function validateTables(tables: readonly TargetTable[], options: ValidateOptions = {}): Finding[] {
  return sortFindings(
    [...validateEachTable(tables, options), ...validateAcrossTables(tables, options)],
    tables,
    options.rules ?? RULES,
  );
}
