/**
 * Writing marks (SPEC §8): the one place the adapter adds or deletes the conditional formats it
 * owns. Which marks a workbook needs is the domain's decision (src/domain/marks.ts, analysis.ts);
 * which formats on a sheet are the add-in's was decided when they were read (read.ts).
 */

import { markFormula, marksKey, type Mark } from '../domain/marks';
import type { OwnedFormat } from './read';

function queueMark(ws: Excel.Worksheet, mark: Mark): void {
  const cf = ws.getRange(mark.cell).conditionalFormats.add('Custom');
  cf.custom.rule.formula = markFormula(mark);
  cf.custom.format.fill.color = mark.fill;
}

/** Deletes the add-in's formats: `which` says whether the marks only, or the template's rules too. */
export function queueDeleteOwned(
  owned: readonly OwnedFormat[] | undefined,
  which: 'marks' | 'rules' | 'all',
): boolean {
  let queued = false;
  for (const o of owned ?? []) {
    const isMark = o.mark !== undefined;
    if (which === 'all' || (which === 'marks') === isMark) {
      o.format.delete();
      queued = true;
    }
  }
  return queued;
}

/** Puts `wanted` on the sheet in place of the marks it has. True when anything was queued. */
export function queueMarks(ws: Excel.Worksheet, wanted: readonly Mark[]): boolean {
  for (const mark of wanted) queueMark(ws, mark);
  return wanted.length > 0;
}

/**
 * The sheet's marks brought to `wanted`, written only when they differ from those it has (a live
 * edit that changes no finding writes nothing). True when anything was queued.
 */
export function queueMarksIfChanged(
  ws: Excel.Worksheet,
  owned: readonly OwnedFormat[] | undefined,
  wanted: readonly Mark[],
): boolean {
  const existing = (owned ?? []).flatMap((o) => (o.mark ? [o.mark] : []));
  if (marksKey(existing) === marksKey(wanted)) return false;
  queueDeleteOwned(owned, 'marks');
  queueMarks(ws, wanted);
  return true;
}
