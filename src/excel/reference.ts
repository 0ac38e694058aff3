/**
 * 插入 from the 参考指标 panel (SPEC §13): a reference indicator's 三级指标 name, 绩效指标描述 and
 * 指标值确定依据 written into an indicator row, each only where its cell is empty — nothing the user
 * typed is overwritten, and the value (指标值) is never written: the number is the user's. One read
 * and at most one write.
 */

import { isBlank } from '../domain/grid';
import { readGrid } from '../domain/reader';
import type { Field, Indicator } from '../domain/types';
import { excelWouldConvert } from './cells';
import type { Session } from './session';
import { refuse } from './strings';
import type { ReferenceField, ReferenceInserted, ReferenceToInsert } from './workbench';

const FIELDS: readonly ReferenceField[] = ['name', 'description', 'basis'];

function fieldOf(ind: Indicator, field: ReferenceField): Field | undefined {
  return field === 'name' ? ind.name : ind[field];
}

export function insertReference(
  session: Session,
  sheet: string,
  row: number,
  reference: ReferenceToInsert,
): Promise<ReferenceInserted> {
  const { lang } = session;
  return session.run(async (ctx) => {
    const data = await session.read(ctx, (s) => s.name === sheet, [sheet], false);
    const info = data.sheets.find((s) => s.name === sheet);
    const read = info && data.read.get(info.id);
    if (!info || !read) throw refuse(lang, 'sheetNotFound', { sheet });
    const indicator = readGrid(read.grid, { profile: data.settings.profile })
      .flatMap((t) => t.indicators)
      .find((i) => i.row === row);
    if (!indicator) throw refuse(lang, 'noIndicatorRow', { row: row + 1, sheet });
    if (read.protected) throw refuse(lang, 'sheetProtected', { sheet });

    const ws = ctx.workbook.worksheets.getItem(info.id);
    const result: ReferenceInserted = { sheet, row, written: [], kept: [] };
    const seen = new Set<string>();
    for (const field of FIELDS) {
      const text = reference[field]?.trim();
      const at = fieldOf(indicator, field);
      // A layout without the column, or one cell holding two fields (or its label), takes nothing.
      if (!text || !at || at.embedded || seen.has(at.cell)) continue;
      seen.add(at.cell);
      if (!isBlank(at.raw)) {
        result.kept.push({ field, cell: at.cell });
        continue;
      }
      const cell = ws.getRange(at.cell);
      // A name such as `1-3月完成率` would otherwise become a date or a number.
      if (excelWouldConvert(text)) cell.numberFormat = [['@']];
      cell.values = [[text]];
      result.written.push({ field, cell: at.cell });
    }
    if (result.written.length > 0) {
      await ctx.sync();
      session.analysis.forget(info.id);
    }
    return result;
  });
}
