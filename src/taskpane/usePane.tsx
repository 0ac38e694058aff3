/**
 * The task pane's state and the operations behind its buttons, all through the Workbench, composed
 * from one hook per concern (src/taskpane/pane/): notices, settings, the workbook's state, the
 * runner that keeps operations one at a time, and the command bar's commands. The views' own
 * operations (fixes, indicator rows, 参考指标, 自评) are composed from the same runner and notices by
 * `useViewActions`, which comes with those views after the pane's first paint. Views render what
 * these return and call their actions; none of them talks to the Workbench.
 */

import type { WorkbookState } from '../domain/analysis';
import type { AddinSettings, Workbench } from '../excel/workbench';
import { useCommands, type Commands } from './pane/useCommands';
import {
  useNotices,
  useRunner,
  type Notice,
  type Notices,
  type Operation,
  type Runner,
} from './pane/useOperations';
import { useSettings } from './pane/useSettings';
import { useWorkbookState } from './pane/useWorkbookState';

export type { View } from './pane/useCommands';
export type { Notice, Operation } from './pane/useOperations';
export type { PendingRemoval } from './pane/useIndicatorRows';

export interface Pane extends Commands {
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
  /** What the views' own operations (`useViewActions`) run through and report to. */
  runner: Runner;
  notices: Notices;
}

export function usePane(workbench: Workbench | null): Pane {
  const notices = useNotices();
  const settings = useSettings(workbench, notices.fail);
  const workbook = useWorkbookState(workbench, settings.adopt, notices.fail);
  const runner = useRunner(workbench, notices, workbook.settingsLoaded, workbook.accepter);
  const commands = useCommands(runner, notices, settings);
  const { fail, say } = notices;
  return {
    ...commands,
    state: workbook.state,
    settings: settings.settings,
    busy: runner.busy,
    loading: workbook.loading,
    notice: notices.notice,
    dismissNotice: () => say(null),
    updateSettings: settings.update,
    saveSettings: () => void settings.persist().catch(fail),
    select: (sheet, cell) => void workbench?.select(sheet, cell).catch(fail),
    runner,
    notices,
  };
}
