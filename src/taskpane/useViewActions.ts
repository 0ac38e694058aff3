/**
 * The operations of the views below the status — one-click fixes and their undo, 添加/删除指标行,
 * 参考指标's 插入, 生成自评表 — composed from the pane's runner and notices (`usePane`). They come with
 * those views, after the pane's first paint (`paneParts.ts`); the command bar's are in `usePane`.
 */

import { useFixes, type Fixes } from './pane/useFixes';
import { useIndicatorRows, type IndicatorRows } from './pane/useIndicatorRows';
import { useReferences, type References } from './pane/useReferences';
import { useSelfEval, type SelfEvalCommands } from './pane/useSelfEval';
import type { Pane } from './usePane';

export interface ViewActions extends Fixes, IndicatorRows, References, SelfEvalCommands {}

export function useViewActions(pane: Pane): ViewActions {
  const { runner, notices } = pane;
  const fixes = useFixes(runner, notices);
  const rows = useIndicatorRows(runner, notices);
  const references = useReferences(runner, notices);
  const selfEval = useSelfEval(runner, notices);
  return { ...fixes, ...rows, ...references, ...selfEval };
}
