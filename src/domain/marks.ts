/**
 * Marks (SPEC §8): conditional formats the add-in owns, and only those. Two kinds:
 * - the template's own rules (layout.ts), recognised by the shape of their formula whatever cells
 *   they point at — so those written by `perf-targets template` are recognised too;
 * - a mark on a finding's cell that no template formula expresses, whose always-true formula
 *   carries a tag (`=N("perf-targets|F12|rule")=0`) naming the cell it was put on and the rule.
 * Nothing else is ever written or removed: the user's own fills, fonts and borders stay untouched.
 */

import { parseRangeA1 } from './address';
import { cellAt, cellText, type CellRange, type Grid } from './grid';
import { buildTemplate, MARK_FILL, TEMPLATE_TITLE, type TemplateSpec } from './layout';
import type { Finding, TargetTable } from './types';
import { fingerprint } from './formula';

const TAG = 'perf-targets';

export interface Mark {
  cell: string;
  fill: string;
  rule: string;
}

/** Always TRUE where Excel, WPS and LibreOffice evaluate it; the string literal says whose it is. */
export function markFormula(mark: Pick<Mark, 'cell' | 'rule'>): string {
  return `=N("${TAG}|${mark.cell}|${mark.rule}")=0`;
}

/** The cell and rule a mark's formula was written for, or undefined when it is not a mark. */
export function parseMark(formula: string | null | undefined): { cell: string; rule: string } | undefined {
  const m = formula ? /N\(\s*"perf-targets\|([^|"]*)\|([^"]*)"\s*\)/i.exec(formula) : null;
  return m ? { cell: m[1] ?? '', rule: m[2] ?? '' } : undefined;
}

let templateShapes: Set<string> | undefined;

/** True when the formula is one of the template's own rules (layout.ts), at any position. */
export function isTemplateRule(formula: string | null | undefined): boolean {
  if (!formula) return false;
  templateShapes ??= new Set(
    buildTemplate({ profile: 'hebei-2019' }).conditionalFormats.map((cf) => fingerprint(cf.formula)),
  );
  return templateShapes.has(fingerprint(formula));
}

export function isOwnedFormula(formula: string | null | undefined): boolean {
  return parseMark(formula) !== undefined || isTemplateRule(formula);
}

/**
 * The template's spec for a table the template made: every label the template writes (title and
 * labels above and in the indicator header) is where the template puts it. Undefined otherwise.
 * The spec is built for the table's current number of indicator rows, so its rules cover them all.
 */
export function templateOf(table: TargetTable, grid: Grid): TemplateSpec | undefined {
  const header = table.indicatorHeader?.row;
  if (header === undefined) return undefined;
  const spec = buildTemplate({
    profile: table.profile,
    top: table.top,
    left: table.left,
    indicatorRows: Math.max(0, table.bottom - header),
  });
  if (spec.indicatorBlock.headerRow !== header) return undefined;
  const labels = spec.cells.filter(
    (c) => c.value && (c.label || (c.row === spec.top && c.col === spec.left)),
  );
  const same = labels.every((c) => {
    const text = cellText(cellAt(grid, c.row, c.col));
    // The title may carry the budget year (2026年度项目绩效目标表).
    return c.row === spec.top && c.col === spec.left ? TEMPLATE_TITLE.test(text) : text === c.value;
  });
  return same ? spec : undefined;
}

/**
 * Rules whose template formula catches only part of what the rule reports (the template's
 * unit-mismatch sees a rate or 满意度 name with a count or money unit, not `人数` → `30万元`):
 * their findings are marked even where the template's rule covers the cell.
 */
const PARTLY_EXPRESSED = new Set(['indicator/unit-mismatch']);

function expressedByTemplate(finding: Finding, spec: TemplateSpec | undefined): boolean {
  if (!spec || PARTLY_EXPRESSED.has(finding.rule)) return false;
  let at: CellRange;
  try {
    at = parseRangeA1(finding.cell);
  } catch {
    return false;
  }
  return spec.conditionalFormats.some((cf) => {
    if (cf.rule !== finding.rule) return false;
    const r = parseRangeA1(cf.range);
    return at.top >= r.top && at.top <= r.bottom && at.left >= r.left && at.left <= r.right;
  });
}

/** Rules about a required cell left empty: not marked live until the user has touched the table. */
export const EMPTY_CELL_RULES = new Set([
  'table/missing-field',
  'indicator/missing-level1',
  'indicator/empty-name',
  'indicator/empty-value',
  'indicator/empty-description',
  'indicator/empty-basis',
  'plan/blank',
  // A fresh 自评表's actual values and spending are still to fill (SPEC §12), not yet errors.
  'selfeval/missing-actual',
]);

/**
 * The marks the findings call for, by sheet: one per cell, in the colour of its most severe finding
 * (errors red, warnings yellow, info none), except where the table's template rule already shows it.
 * `templates[i]` is the spec of `tables[i]` when the template made it. `keep` filters findings.
 */
export function plannedMarks(
  findings: readonly Finding[],
  templates: readonly (TemplateSpec | undefined)[],
  keep: (finding: Finding) => boolean = () => true,
): Map<string, Mark[]> {
  const bySheet = new Map<string, Map<string, Mark>>();
  for (const finding of findings) {
    if (finding.severity === 'info' || !keep(finding)) continue;
    const spec = finding.table === undefined ? undefined : templates[finding.table];
    if (expressedByTemplate(finding, spec)) continue;
    const fill = finding.severity === 'error' ? MARK_FILL.error : MARK_FILL.warning;
    let cells = bySheet.get(finding.sheet);
    if (!cells) bySheet.set(finding.sheet, (cells = new Map<string, Mark>()));
    const existing = cells.get(finding.cell);
    if (!existing || (existing.fill !== MARK_FILL.error && fill === MARK_FILL.error))
      cells.set(finding.cell, { cell: finding.cell, fill, rule: finding.rule });
  }
  return new Map([...bySheet].map(([sheet, cells]) => [sheet, [...cells.values()]]));
}

/** A stable key for comparing the marks on a sheet with the marks wanted there. */
export function marksKey(marks: readonly Pick<Mark, 'cell' | 'rule'>[]): string {
  return marks
    .map((m) => `${m.cell}|${m.rule}`)
    .sort()
    .join('\n');
}
