/**
 * Ribbon commands (ExecuteFunction): 插入模板 and 汇总 without opening the task pane.
 * The manifest's <FunctionName> values are `insertTemplate` and `writeSummary`.
 * Excel waits for `event.completed()` before it accepts another command, so it is called always,
 * failures included.
 */

import { templateProfile } from '../domain/settings';
import { createWorkbench } from '../excel';
import type { Workbench } from '../excel/workbench';
import { langFromOffice } from '../i18n';

/** What Office passes to an ExecuteFunction handler (the part we use). */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export type CommandHandler = (event: CommandEvent) => Promise<void>;

export interface CommandHandlers {
  insertTemplate: CommandHandler;
  writeSummary: CommandHandler;
}

/**
 * The handlers over a workbench made on first use (Excel is only reachable once Office is ready).
 * `onError` receives a failure after the event has been completed; Office shows nothing for it.
 */
export function createCommandHandlers(
  getWorkbench: () => Workbench,
  onError: (command: keyof CommandHandlers, error: unknown) => void = () => undefined,
): CommandHandlers {
  const handler =
    (command: keyof CommandHandlers, body: (workbench: Workbench) => Promise<unknown>): CommandHandler =>
    async (event) => {
      try {
        await body(getWorkbench());
      } catch (error) {
        onError(command, error);
      } finally {
        event.completed();
      }
    };
  return {
    insertTemplate: handler('insertTemplate', async (workbench) => {
      const settings = await workbench.loadSettings();
      await workbench.insertTemplate({
        profile: templateProfile(settings.profile),
        unitCode: settings.unitCode,
        unitName: settings.unitName,
        year: settings.year || undefined,
        signature: settings.signature,
      });
    }),
    writeSummary: handler('writeSummary', (workbench) => workbench.writeSummary()),
  };
}

/** Associates the handlers with the manifest's function names, once Office is ready. */
export function registerCommands(office: typeof Office, excel: typeof Excel): void {
  let workbench: Workbench | undefined;
  const getWorkbench = () =>
    (workbench ??= createWorkbench(excel, office, { lang: langFromOffice(office.context?.displayLanguage) }));
  const handlers = createCommandHandlers(getWorkbench, (command, error) => {
    // The ribbon has nowhere to show a message; the console is where a support person looks.
    console.error(`${command} failed:`, error instanceof Error ? error.message : error);
  });
  // Each handler completes its event itself; it returns its promise so that a host may wait for it.
  /* eslint-disable @typescript-eslint/no-misused-promises */
  office.actions.associate('insertTemplate', handlers.insertTemplate);
  office.actions.associate('writeSummary', handlers.writeSummary);
  /* eslint-enable @typescript-eslint/no-misused-promises */
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    if (typeof Excel !== 'undefined') registerCommands(Office, Excel);
  });
}
