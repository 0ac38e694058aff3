/**
 * What the 参考指标 panel (SPEC §13) asks of the workbook: where the selection is, and 插入. The
 * panel itself, the library and its strings load as a chunk of their own; this stays small.
 */

import { useCallback, type ReactNode } from 'react';
import type { ReferenceInserted, ReferenceToInsert } from '../../excel/workbench';
import type { Notice, Notices, Runner } from './useOperations';

export interface References {
  /** The selection in Excel, or null when it cannot be read (no sheet, the workbook busy). */
  selectionForReferences(): Promise<{ sheet: string; address: string } | null>;
  /**
   * 插入 the reference into the indicator row, then read the workbook again; `said` turns what was
   * written and kept into the notice the user reads.
   */
  insertReference(
    sheet: string,
    row: number,
    reference: ReferenceToInsert,
    said: (result: ReferenceInserted) => ReactNode,
  ): void;
}

export function useReferences(runner: Runner, notices: Notices): References {
  const { run } = runner;
  const { say } = notices;
  const workbench = runner.workbench;

  const selectionForReferences = useCallback(async () => {
    if (!workbench) return null;
    try {
      return await workbench.getSelection();
    } catch {
      return null;
    }
  }, [workbench]);

  const insertReference = useCallback(
    (sheet: string, row: number, reference: ReferenceToInsert, said: (r: ReferenceInserted) => ReactNode) => {
      void run('insertReference', async (wb, accept) => {
        const result = await wb.insertReference(sheet, row, reference);
        accept(await wb.refresh());
        const notice: Notice = { intent: result.written.length > 0 ? 'success' : 'info', text: said(result) };
        say(notice);
      });
    },
    [run, say],
  );

  return { selectionForReferences, insertReference };
}
