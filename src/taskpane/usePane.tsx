/**
 * The task pane's state and the operations behind its buttons, all through the Workbench, composed
 * from one hook per concern (src/taskpane/pane/): notices, settings, the workbook's state, the
 * runner that keeps operations one at a time, the commands, fixes and indicator rows. Views render
 * what this returns and call its actions; none of them talks to the Workbench.
 */

import type { WorkbookState } from '../domain/analysis';
import type { AddinSettings, Workbench } from '../excel/workbench';
import { useCommands, type Commands } from './pane/useCommands';
import { useFixes, type Fixes } from './pane/useFixes';
import { useIndicatorRows, type IndicatorRows } from './pane/useIndicatorRows';
import { useNotices, useRunner, type Notice, type Operation } from './pane/useOperations';
import { useReferences, type References } from './pane/useReferences';
import { useSelfEval, type SelfEvalCommands } from './pane/useSelfEval';
import { useSettings } from './pane/useSettings';
import { useWorkbookState } from './pane/useWorkbookState';

export type { View } from './pane/useCommands';
export type { Notice, Operation } from './pane/useOperations';
export type { PendingRemoval } from './pane/useIndicatorRows';

export interface Pane extends Commands, Fixes, IndicatorRows, References, SelfEvalCommands {
  state: WorkbookState | null;
  settings: AddinSettings;
  /** The operation running, started by the user. */
  busy: Operation | null;
  /** The first read of the workbook is under way; commands can be started meanwhile. */
  loading: boolean;
  notice: Notice | null;
  dismissNotice: () => void;
  /** Change settings locally; `persist` saves them in the workbook too. */
  updateSettings: (change: Partial<AddinSettings>, persist: boolean) => void;
  saveSettings: () => void;
  select: (sheet: string, cell: string) => void;
}

export function usePane(workbench: Workbench | null): Pane {
  const notices = useNotices();
  const settings = useSettings(workbench, notices.fail);
  const workbook = useWorkbookState(workbench, settings.adopt, notices.fail);
  const runner = useRunner(workbench, notices, workbook.settingsLoaded, workbook.accepter);
  const commands = useCommands(runner, notices, settings);
  const fixes = useFixes(runner, notices);
  const rows = useIndicatorRows(runner, notices);
  const references = useReferences(runner, notices);
  const selfEval = useSelfEval(runner, notices);
  const { fail, say } = notices;
  return {
    ...commands,
    ...fixes,
    ...rows,
    ...references,
    ...selfEval,
    state: workbook.state,
    settings: settings.settings,
    busy: runner.busy,
    loading: workbook.loading,
    notice: notices.notice,
    dismissNotice: () => say(null),
    updateSettings: settings.update,
    saveSettings: () => void settings.persist().catch(fail),
    select: (sheet, cell) => void workbench?.select(sheet, cell).catch(fail),
  };
}
