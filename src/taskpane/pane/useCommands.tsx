/** The command bar's operations: 插入模板, 校验, 汇总, 清除标记. */

import { useCallback, useState } from 'react';
import { budgetYear, templateProfile } from '../../domain/settings';
import { t } from '../../i18n/core';
import { useLang } from '../lang';
import { WorkbookText, tNodes } from '../text';
import { countBySeverity, countsText } from './errors';
import type { Notices, Runner } from './useOperations';
import type { SettingsState } from './useSettings';

export type View = 'findings' | 'totals' | 'selfEval' | 'settings';

export interface Commands {
  view: View;
  setView(view: View): void;
  /** Project name typed in the pane for the next 插入模板. */
  projectName: string;
  setProjectName(name: string): void;
  insertTemplate(): void;
  validate(): void;
  /** 汇总 on the command bar: the totals view, and the 汇总 sheet written. */
  totals(): void;
  writeSummary(): void;
  clearHighlights(): void;
}

export function useCommands(runner: Runner, notices: Notices, settings: SettingsState): Commands {
  const lang = useLang();
  const [view, setView] = useState<View>('findings');
  const [projectName, setProjectName] = useState('');
  const { run } = runner;
  const { say, mounted } = notices;

  const insertTemplate = useCallback(() => {
    void run('insertTemplate', async (workbench, accept) => {
      await settings.persist();
      const current = settings.current();
      const name = projectName.trim();
      const { sheet } = await workbench.insertTemplate({
        profile: templateProfile(current.profile),
        unitCode: current.unitCode.trim(),
        unitName: current.unitName.trim(),
        year: budgetYear(current.year),
        signature: current.signature,
        ...(name ? { projectName: name } : {}),
      });
      if (mounted()) setProjectName('');
      say({
        intent: 'success',
        text: tNodes(lang, 'done.insertTemplate', { sheet: <WorkbookText>{sheet}</WorkbookText> }),
      });
      accept(await workbench.refresh());
    });
  }, [run, settings, projectName, mounted, say, lang]);

  const validate = useCallback(() => {
    void run('validate', async (workbench, accept) => {
      const s = await workbench.validate();
      accept(s);
      const { errors, warnings } = countBySeverity(s.findings);
      if (mounted()) setView('findings');
      const counts = countsText(lang, { errors, warnings });
      say({
        intent: errors ? 'warning' : 'success',
        text: counts ? t(lang, 'done.validate', { counts }) : t(lang, 'done.validateClean'),
      });
    });
  }, [run, mounted, say, lang]);

  const writeSummary = useCallback(() => {
    void run('totals', async (workbench, accept) => {
      const { sheet } = await workbench.writeSummary();
      say({
        intent: 'success',
        text: tNodes(lang, 'done.totals', { sheet: <WorkbookText>{sheet}</WorkbookText> }),
      });
      accept(await workbench.refresh());
    });
  }, [run, say, lang]);

  const totals = useCallback(() => {
    setView('totals');
    writeSummary();
  }, [writeSummary]);

  const clearHighlights = useCallback(() => {
    void run('clearHighlights', async (workbench) => {
      await workbench.clearHighlights();
      say({ intent: 'success', text: t(lang, 'done.clearHighlights') });
    });
  }, [run, say, lang]);

  return {
    view,
    setView,
    projectName,
    setProjectName,
    insertTemplate,
    validate,
    totals,
    writeSummary,
    clearHighlights,
  };
}
