/**
 * A fix changes only its own cell, and its undo first checks that the cell still holds what the fix
 * wrote (SPEC §8). Office.js has no compare-and-set: an edit landing between undo's read and its
 * write is overwritten; the window is one round trip.
 */

import type { GridCell } from '../domain/grid';
import type { Finding } from '../domain/types';
import { excelWouldConvert, toGridCell } from './cells';
import { isNotFound, type Session } from './session';
import { refuse } from './strings';
import type { AppliedFix } from './workbench';

/** What a one-cell range holds, read as the grid reads it (a text `=100%` is text, not a formula). */
const cellOf = (range: Excel.Range): GridCell | undefined =>
  toGridCell(range.values[0]?.[0], range.formulas[0]?.[0], undefined, undefined);

export function applyFix(session: Session, finding: Finding): Promise<AppliedFix> {
  const { lang } = session;
  const fix = finding.fix;
  if (!fix) return Promise.reject(refuse(lang, 'noFix'));
  return session.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(fix.sheet).load('id');
    const protection = ws.protection.load('protected');
    const cell = ws.getRange(fix.cell).load('values,formulas,numberFormat');
    const lock = cell.format.protection.load('locked');
    await ctx.sync().catch((e: unknown) => {
      throw isNotFound(e) ? refuse(lang, 'sheetNotFound', { sheet: fix.sheet }) : e;
    });
    if (protection.protected && lock.locked !== false)
      throw refuse(lang, 'cellProtected', { sheet: fix.sheet, cell: fix.cell });
    const numberFormat = String(cell.numberFormat[0]?.[0]);
    const held = cellOf(cell);
    const before: AppliedFix['before'] = { value: held?.value ?? null };
    if (held?.formula) before.formula = held.formula;
    // Only when Excel would otherwise turn the text into something else; undo puts the format back.
    if (typeof fix.value === 'string' && numberFormat !== '@' && excelWouldConvert(fix.value)) {
      before.numberFormat = numberFormat;
      cell.numberFormat = [['@']];
    }
    cell.values = [[fix.value]];
    await ctx.sync();
    session.analysis.forget(ws.id);
    return { sheet: fix.sheet, cell: fix.cell, before, after: fix.value };
  });
}

export function undoFix(session: Session, applied: AppliedFix): Promise<'undone' | 'changed'> {
  return session.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(applied.sheet).load('id');
    const protection = ws.protection.load('protected');
    const cell = ws.getRange(applied.cell).load('values,formulas,numberFormat');
    const lock = cell.format.protection.load('locked');
    try {
      await ctx.sync();
    } catch {
      return 'changed';
    }
    const held = cellOf(cell);
    if (held?.formula !== undefined || String(held?.value ?? '') !== String(applied.after)) return 'changed';
    if (protection.protected && lock.locked !== false)
      throw refuse(session.lang, 'cellProtected', { sheet: applied.sheet, cell: applied.cell });
    const format = applied.before.numberFormat ?? String(cell.numberFormat[0]?.[0]);
    if (applied.before.formula) {
      // Into a text cell a formula would go in as its text: entered under General, then the format is put back.
      const viaGeneral = format === '@' || applied.before.numberFormat !== undefined;
      if (viaGeneral) cell.numberFormat = [['General']];
      cell.formulas = [[applied.before.formula]];
      if (viaGeneral) cell.numberFormat = [[format]];
    } else {
      if (applied.before.numberFormat !== undefined) cell.numberFormat = [[format]];
      cell.values = [[applied.before.value ?? '']];
    }
    await ctx.sync();
    session.analysis.forget(ws.id);
    return 'undone';
  });
}
