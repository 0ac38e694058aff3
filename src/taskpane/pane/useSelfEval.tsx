/** 生成自评表 (SPEC §12): for the project whose sheet is selected, or for every project. */

import { useCallback } from 'react';
import { useLang } from '../lang';
import { WorkbookText, tNodes } from '../text';
import type { Notices, Runner } from './useOperations';

export interface SelfEvalCommands {
  /** `all` false: the target tables on the sheet the user has selected. */
  generateSelfEval(all: boolean): void;
}

export function useSelfEval(runner: Runner, notices: Notices): SelfEvalCommands {
  const lang = useLang();
  const { run } = runner;
  const { say } = notices;
  const generateSelfEval = useCallback(
    (all: boolean) => {
      void run('selfEval', async (workbench, accept) => {
        const sheets = all ? undefined : [(await workbench.getSelection()).sheet];
        const made = await workbench.generateSelfEval({
          year: new Date().getFullYear(),
          ...(sheets ? { sheets } : {}),
        });
        say({
          intent: 'success',
          text: tNodes(lang, 'done.selfEval', {
            n: String(made.sheets.length),
            sheet: <WorkbookText>{made.sheets[0] ?? ''}</WorkbookText>,
          }),
        });
        accept(await workbench.refresh());
      });
    },
    [run, say, lang],
  );
  return { generateSelfEval };
}
