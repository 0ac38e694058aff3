/**
 * 添加指标行 / 删除指标行 on the row selected in Excel (SPEC §1). A row holding what someone entered
 * is deleted only once the user confirmed, with its content shown, and asked again if it changed.
 */

import { useCallback, useState } from 'react';
import type { WorkbookState } from '../../domain/analysis';
import { parseRangeA1 } from '../../domain/address';
import type { Indicator, Lang } from '../../domain/types';
import type { Workbench } from '../../excel/workbench';
import { t } from '../../i18n/core';
import { useLang } from '../lang';
import { WorkbookText, tNodes } from '../text';
import type { Notices, Runner } from './useOperations';

/** A row the user asked to delete that holds what someone entered: deleted only once confirmed. */
export interface PendingRemoval {
  sheet: string;
  /** 0-based, as the Workbench numbers rows. */
  row: number;
  /** The texts the row holds (三级指标, description, value, basis), as they would be lost. */
  content: string[];
}

export interface IndicatorRows {
  pendingRemoval: PendingRemoval | null;
  /** 添加指标行 below the row selected in Excel. */
  addIndicatorRow(): void;
  /** 删除指标行 of the row selected in Excel; asks first (pendingRemoval) when the row holds content. */
  removeIndicatorRow(): void;
  confirmRemoval(): void;
  cancelRemoval(): void;
}

/** The one row (0-based) a selection is on; a selection over several rows is refused with a message. */
export function selectedRow(lang: Lang, address: string): number {
  const { top, bottom } = parseRangeA1(address);
  if (top !== bottom) throw new Error(t(lang, 'rows.oneRow', { first: top + 1, last: bottom + 1 }));
  return top;
}

function indicatorAt(state: WorkbookState, sheet: string, row: number): Indicator | undefined {
  for (const table of state.tables)
    if (table.sheet === sheet) {
      const found = table.indicators.find((i) => i.row === row);
      if (found) return found;
    }
  return undefined;
}

/**
 * What deleting the row would lose of what was entered. 一级/二级 are left out: the template and
 * 添加指标行 fill them, and every row of the block carries them.
 */
export function rowContent(state: WorkbookState, sheet: string, row: number): string[] {
  const indicator = indicatorAt(state, sheet, row);
  if (!indicator) return [];
  const { name, description, comparator, value, unit, basis } = indicator;
  return [name, description, comparator, value, unit, basis].flatMap((f) => (f?.text ? [f.text] : []));
}

export function useIndicatorRows(runner: Runner, notices: Notices): IndicatorRows {
  const lang = useLang();
  const [pendingRemoval, setPendingRemoval] = useState<PendingRemoval | null>(null);
  const { run } = runner;
  const { say, mounted } = notices;

  const addIndicatorRow = useCallback(() => {
    void run('addRow', async (workbench, accept) => {
      setPendingRemoval(null);
      const { sheet, address } = await workbench.getSelection();
      const after = selectedRow(lang, address);
      await workbench.addIndicatorRow(sheet, after);
      const fresh = await workbench.refresh();
      accept(fresh);
      // The new row is where the user types next: its 三级指标 cell.
      const added = indicatorAt(fresh, sheet, after + 1);
      if (added) await workbench.select(sheet, added.name.cell);
      say({
        intent: 'success',
        text: tNodes(lang, 'rows.added', {
          sheet: <WorkbookText>{sheet}</WorkbookText>,
          after: after + 1,
          row: after + 2,
        }),
      });
    });
  }, [run, say, lang]);

  const removeRow = useCallback(
    async (workbench: Workbench, sheet: string, row: number, accept: (s: WorkbookState) => void) => {
      await workbench.removeIndicatorRow(sheet, row);
      say({
        intent: 'success',
        text: tNodes(lang, 'rows.removed', { sheet: <WorkbookText>{sheet}</WorkbookText>, row: row + 1 }),
      });
      accept(await workbench.refresh());
    },
    [say, lang],
  );

  const removeIndicatorRow = useCallback(() => {
    void run('removeRow', async (workbench, accept) => {
      setPendingRemoval(null);
      const { sheet, address } = await workbench.getSelection();
      const row = selectedRow(lang, address);
      // Read afresh: the list may not have caught up with what was just typed into the row.
      const fresh = await workbench.refresh();
      accept(fresh);
      const content = rowContent(fresh, sheet, row);
      if (content.length > 0) {
        if (mounted()) setPendingRemoval({ sheet, row, content });
        return;
      }
      await removeRow(workbench, sheet, row, accept);
    });
  }, [run, lang, mounted, removeRow]);

  const confirmRemoval = useCallback(() => {
    if (!pendingRemoval) return;
    const asked = pendingRemoval;
    void run('removeRow', async (workbench, accept) => {
      setPendingRemoval(null);
      const fresh = await workbench.refresh();
      accept(fresh);
      const content = rowContent(fresh, asked.sheet, asked.row);
      // What was confirmed must still be what is lost: edited meanwhile, the user is asked again.
      if (content.length > 0 && content.join('\n') !== asked.content.join('\n')) {
        if (mounted()) setPendingRemoval({ ...asked, content });
        say({ intent: 'warning', text: t(lang, 'rows.changed', { row: asked.row + 1 }) });
        return;
      }
      await removeRow(workbench, asked.sheet, asked.row, accept);
    });
  }, [run, lang, mounted, say, removeRow, pendingRemoval]);

  const cancelRemoval = useCallback(() => setPendingRemoval(null), []);
  return { pendingRemoval, addIndicatorRow, removeIndicatorRow, confirmRemoval, cancelRemoval };
}
