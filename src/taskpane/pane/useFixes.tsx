/** One-click fixes and their undo (SPEC §8): the fixes applied this session, newest first. */

import { useCallback, useState } from 'react';
import type { Finding } from '../../domain/types';
import type { AppliedFix } from '../../excel/workbench';
import { useLang } from '../lang';
import { WorkbookText, tNodes } from '../text';
import type { Notices, Runner } from './useOperations';

export interface Fixes {
  applied: AppliedFix[];
  applyFix(finding: Finding): void;
  undoFix(applied: AppliedFix): void;
}

export function useFixes(runner: Runner, notices: Notices): Fixes {
  const lang = useLang();
  const [applied, setApplied] = useState<AppliedFix[]>([]);
  const { run } = runner;
  const { say, mounted } = notices;

  const applyFix = useCallback(
    (finding: Finding) => {
      void run('fix', async (workbench, accept) => {
        const result = await workbench.applyFix(finding);
        if (mounted())
          setApplied((list) => [
            result,
            ...list.filter((a) => a.sheet !== result.sheet || a.cell !== result.cell),
          ]);
        accept(await workbench.refresh());
      });
    },
    [run, mounted],
  );

  const undoFix = useCallback(
    (fix: AppliedFix) => {
      void run('undo', async (workbench, accept) => {
        const outcome = await workbench.undoFix(fix);
        if (mounted()) setApplied((list) => list.filter((a) => a !== fix));
        say({
          intent: outcome === 'undone' ? 'success' : 'warning',
          text: tNodes(lang, outcome === 'undone' ? 'fixes.undone' : 'fixes.changed', {
            cell: <WorkbookText>{fix.cell}</WorkbookText>,
            sheet: <WorkbookText>{fix.sheet}</WorkbookText>,
          }),
        });
        accept(await workbench.refresh());
      });
    },
    [run, mounted, say, lang],
  );

  return { applied, applyFix, undoFix };
}
