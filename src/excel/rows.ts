/**
 * 添加指标行 / 删除指标行 (SPEC §1): a row inserted or deleted inside a table's indicator block,
 * with the template's formats and rules following the rows, in one read and one write.
 */

import { toA1 } from '../domain/address';
import { cellAt, isBlank, lastCol, mergeAt } from '../domain/grid';
import { buildTemplate } from '../domain/layout';
import { templateOf } from '../domain/marks';
import { readGrid } from '../domain/reader';
import type { TargetTable } from '../domain/types';
import { queueDeleteOwned } from './marks';
import type { SheetInfo, SheetRead } from './read';
import type { Session } from './session';
import { refuse } from './strings';
import { queueForeignRow, queueIndicatorRow, queueTemplateRules } from './template';

/** Reads one sheet by name (with the list and settings, one round trip) and finds its tables. */
async function readSheet(
  session: Session,
  ctx: Excel.RequestContext,
  sheet: string,
  formats: boolean,
): Promise<{ info: SheetInfo; read: SheetRead; tables: TargetTable[] }> {
  const data = await session.read(ctx, (s) => s.name === sheet, [sheet], formats);
  const info = data.sheets.find((s) => s.name === sheet);
  const read = info && data.read.get(info.id);
  if (!info || !read) throw refuse(session.lang, 'sheetNotFound', { sheet });
  if (read.protected) throw refuse(session.lang, 'sheetProtected', { sheet });
  return { info, read, tables: readGrid(read.grid, { profile: data.settings.profile }) };
}

export function addIndicatorRow(session: Session, sheet: string, afterRow: number): Promise<void> {
  const { lang, support } = session;
  return session.run(async (ctx) => {
    const { info, read, tables } = await readSheet(session, ctx, sheet, support.conditionalFormats);
    const table = tables.find((t) => {
      const header = t.indicatorHeader?.row;
      return header !== undefined && afterRow >= header && afterRow <= Math.max(header, t.bottom);
    });
    if (!table || !table.indicatorHeader)
      throw refuse(lang, 'noIndicatorBlock', { row: afterRow + 1, sheet });
    const header = table.indicatorHeader.row;
    const newRow = afterRow + 1;
    // Formats and category come from the row the new one follows; below the header, from the first row.
    const source = afterRow === header ? header + 1 : afterRow;
    const ws = ctx.workbook.worksheets.getItem(info.id);
    ws.getRange(`${newRow + 1}:${newRow + 1}`).insert('Down');

    const specs = tables.map((t) => templateOf(t, read.grid));
    if (specs[tables.indexOf(table)]) {
      const grown = buildTemplate({
        profile: table.profile,
        top: table.top,
        left: table.left,
        indicatorRows: table.bottom - header + 1,
      });
      queueIndicatorRow(ws, grown, newRow, support);
    } else {
      queueForeignRow(ws, read.grid, table, source, newRow);
    }
    // The new row continues the category it follows: an empty row would end the indicator block.
    const category = table.indicators.find((i) => i.row === source);
    if (category)
      for (const level of [category.level1, category.level2]) {
        const merge = mergeAt(read.grid, afterRow, level.col);
        if (level.text && !(merge && merge.bottom > afterRow))
          ws.getRange(toA1(newRow, level.col)).values = [[level.text]];
      }
    // The template's rules follow the rows: rebuilt for the grown table and the tables moved down.
    if (queueDeleteOwned(read.owned, 'rules'))
      tables.forEach((t, i) => {
        if (!specs[i] || !t.indicatorHeader) return;
        const moved = t.top > afterRow ? 1 : 0;
        const rows = t.bottom - t.indicatorHeader.row + (t === table ? 1 : 0);
        queueTemplateRules(
          ws,
          buildTemplate({ profile: t.profile, top: t.top + moved, left: t.left, indicatorRows: rows }),
        );
      });
    await ctx.sync();
    session.analysis.forget(info.id);
  });
}

export function removeIndicatorRow(session: Session, sheet: string, row: number): Promise<void> {
  const { lang } = session;
  return session.run(async (ctx) => {
    const { info, read, tables } = await readSheet(session, ctx, sheet, false);
    const table = tables.find((t) => t.indicatorHeader && row >= t.indicatorHeader.row && row <= t.bottom);
    if (!table || !table.indicatorHeader) throw refuse(lang, 'noIndicatorBlock', { row: row + 1, sheet });
    const header = table.indicatorHeader.row;
    if (row === header) throw refuse(lang, 'headerRow', { row: row + 1 });
    if (table.bottom <= header + 1) throw refuse(lang, 'lastIndicatorRow');
    const grid = read.grid;
    for (let col = grid.left; col <= lastCol(grid); col++) {
      if (col >= table.left && col <= table.right) continue;
      if (!isBlank(cellAt(grid, row, col)))
        throw refuse(lang, 'rowHasOtherContent', { row: row + 1, cell: toA1(row, col) });
    }
    ctx.workbook.worksheets
      .getItem(info.id)
      .getRange(`${row + 1}:${row + 1}`)
      .delete('Up');
    await ctx.sync();
    session.analysis.forget(info.id);
  });
}
