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

/**
 * Deletes the add-in's formats: `which` says whether the marks only, or the template's rules too.
 * Each is deleted through `getItem(id)`: an item of a loaded collection may be addressed by its
 * position (Office.js does so when the item's key was not in the response), and deleting one
 * format shifts the positions of those after it, so a later delete in the same batch could remove
 * the user's own rule. By id, each delete removes the format that was read, or fails.
 */
export function queueDeleteOwned(
  owned: readonly OwnedFormat[] | undefined,
  which: 'marks' | 'rules' | 'all',
): boolean {
  let queued = false;
  for (const o of owned ?? []) {
    const isMark = o.mark !== undefined;
    if (which === 'all' || (which === 'marks') === isMark) {
      o.collection.getItem(o.id).delete();
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
