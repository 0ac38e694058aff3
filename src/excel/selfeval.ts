/**
 * 生成自评表 (SPEC §12): for each target table (the ones asked for, or all), its 项目支出绩效自评表 on
 * a new sheet `自评-{项目名称}` with live formulas. Two round trips whatever the number of projects:
 * one read of the workbook, one write of every new sheet. No existing cell is written.
 */

import { columnLetters } from '../domain/address';
import { buildSelfEvalSheet, selfEvalSheetName, type SelfEvalSheetSpec } from '../domain/selfeval/sheet';
import type { TemplateCell } from '../domain/layout';
import type { Session } from './session';
import { refuse } from './strings';
import type { SelfEvalGenerateOptions } from './workbench';
import { queueCells, queueDataValidations, widthInPoints } from './template';

function queueSheet(ws: Excel.Worksheet, spec: SelfEvalSheetSpec, session: Session): void {
  const cells: TemplateCell[] = spec.cells.map((c) => ({
    row: c.row,
    col: c.col,
    numberFormat: c.numberFormat,
    locked: c.locked,
    style: c.style,
  }));
  queueCells(ws, cells, spec.merges, { values: false, indent: session.support.pageLayout });
  const bottom = Math.max(...spec.cells.map((c) => c.row));
  const width = spec.columnWidths.length;
  const matrix: (string | number)[][] = Array.from({ length: bottom + 1 }, () =>
    Array<string | number>(width).fill(''),
  );
  for (const c of spec.cells) {
    const row = matrix[c.row];
    if (row) row[c.col] = c.formula ?? c.value ?? '';
  }
  // Formulas and constants in one write; text cells are formatted as text first, so `≥95%` stays text.
  ws.getRange(`A1:${columnLetters(width - 1)}${bottom + 1}`).formulas = matrix;
  spec.columnWidths.forEach((chars, i) => {
    const col = columnLetters(i);
    ws.getRange(`${col}:${col}`).format.columnWidth = widthInPoints(chars);
  });
  for (const { row, height } of spec.rowHeights)
    ws.getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
  if (session.support.pageLayout) {
    const page = ws.pageLayout;
    page.orientation = 'Portrait';
    page.paperSize = 'A4';
    page.centerHorizontally = spec.print.centerHorizontally;
    page.zoom = { horizontalFitToPages: spec.print.fitToWidth, verticalFitToPages: spec.print.fitToHeight };
  }
  if (session.support.dataValidation)
    queueDataValidations(
      ws,
      spec.dataValidations.map((dv) => ({
        range: dv.range,
        list: dv.values.join(','),
        showErrorAlert: false,
      })),
    );
}

/** Generates the 自评表 of the target tables asked for; resolves to the new sheets' names. */
export function generateSelfEval(
  session: Session,
  options: SelfEvalGenerateOptions,
): Promise<{ sheets: string[] }> {
  return session.run(async (ctx) => {
    const wb = ctx.workbook;
    // Loaded with the workbook's contents: the same round trip.
    const protection = session.support.workbookProtection ? wb.protection.load('protected') : undefined;
    const data = await session.readAll(ctx, false);
    if (protection?.protected) throw refuse(session.lang, 'workbookProtected');
    const { state } = session.analyse(data.problems);
    const wanted = options.sheets ? new Set(options.sheets) : undefined;
    const targets = state.tables.filter((t) => t.form === 'target' && (!wanted || wanted.has(t.sheet)));
    if (targets.length === 0) throw refuse(session.lang, 'noTargetTable');
    const names = data.sheets.map((s) => s.name);
    const added: Excel.Worksheet[] = [];
    for (const table of targets) {
      const name = selfEvalSheetName(table.name?.text ?? '', names);
      names.push(name);
      const ws = wb.worksheets.add(name);
      queueSheet(ws, buildSelfEvalSheet(table, { year: options.year }), session);
      added.push(ws.load('id,name'));
    }
    const first = added[0];
    if (first) {
      first.activate();
      first.getRange('E6').select();
    }
    try {
      await ctx.sync();
    } catch (e) {
      throw refuse(session.lang, 'cannotAddSheet', {
        sheet: added.map((ws) => ws.name).join('、'),
        message: e instanceof Error ? e.message : String(e),
      });
    }
    for (const ws of added) session.remember(ws);
    return { sheets: added.map((ws) => ws.name) };
  });
}
