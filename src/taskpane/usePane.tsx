/**
 * The task pane's state and the operations behind its buttons, all through the Workbench.
 * Views render what this hook returns and call its actions; none of them talks to the Workbench.
 */

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { parseRangeA1 } from '../domain/address';
import { DEFAULT_SETTINGS, templateProfile } from '../domain/settings';
import type { Finding, Indicator, Lang } from '../domain/types';
import type { AddinSettings, AppliedFix, Workbench, WorkbookState } from '../excel/workbench';
import { t } from '../i18n';
import { WorkbookText, tNodes } from './text';

export type Operation =
  'insertTemplate' | 'validate' | 'totals' | 'clearHighlights' | 'fix' | 'undo' | 'addRow' | 'removeRow';
export type View = 'findings' | 'totals' | 'settings';

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: ReactNode;
}

/** The error's own message, first line only (never a stack), or a generic one when it has none. */
export function errorText(lang: Lang, error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const firstLine = raw.split(/\r?\n/)[0].trim();
  if (!firstLine) return t(lang, 'error.unknown');
  return firstLine.length > 300 ? `${firstLine.slice(0, 300)}…` : firstLine;
}

/** What the pane says when an operation failed. */
export function plainError(lang: Lang, error: unknown): string {
  return t(lang, 'error.failed', { message: errorText(lang, error) });
}

export function countBySeverity(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** A row the user asked to delete that holds what someone entered: deleted only once confirmed. */
export interface PendingRemoval {
  sheet: string;
  /** 0-based, as the Workbench numbers rows. */
  row: number;
  /** The texts the row holds (三级指标, description, value, basis), as they would be lost. */
  content: string[];
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

export interface Pane {
  state: WorkbookState | null;
  settings: AddinSettings;
  /** The operation running, started by the user. */
  busy: Operation | null;
  /** The first read of the workbook is under way; commands can be started meanwhile. */
  loading: boolean;
  notice: Notice | null;
  applied: AppliedFix[];
  pendingRemoval: PendingRemoval | null;
  view: View;
  projectName: string;
  setView(view: View): void;
  setProjectName(name: string): void;
  dismissNotice(): void;
  /** Change settings locally; `persist` saves them in the workbook too. */
  updateSettings(change: Partial<AddinSettings>, persist: boolean): void;
  saveSettings(): void;
  insertTemplate(): void;
  validate(): void;
  totals(): void;
  writeSummary(): void;
  clearHighlights(): void;
  applyFix(finding: Finding): void;
  undoFix(applied: AppliedFix): void;
  select(sheet: string, cell: string): void;
  /** 添加指标行 below the row selected in Excel. */
  addIndicatorRow(): void;
  /** 删除指标行 of the row selected in Excel; asks first (pendingRemoval) when the row holds content. */
  removeIndicatorRow(): void;
  confirmRemoval(): void;
  cancelRemoval(): void;
}

export function usePane(workbench: Workbench | null, lang: Lang): Pane {
  const [state, setState] = useState<WorkbookState | null>(null);
  const [settings, setSettings] = useState<AddinSettings>(DEFAULT_SETTINGS);
  const [busy, setBusy] = useState<Operation | null>(null);
  const [loading, setLoading] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [applied, setApplied] = useState<AppliedFix[]>([]);
  const [pendingRemoval, setPendingRemoval] = useState<PendingRemoval | null>(null);
  const [view, setView] = useState<View>('findings');
  const [projectName, setProjectName] = useState('');

  // Live updates and operations both deliver states. A state read by an operation that was already
  // running when a live update arrived may predate the user's edit, so the live one wins then.
  const liveGeneration = useRef(0);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const savedSettings = useRef<string>(JSON.stringify(DEFAULT_SETTINGS));
  const mounted = useRef(true);
  // Commands started during the first read wait for the remembered settings (插入模板 needs them).
  const settingsLoaded = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const fail = useCallback(
    (error: unknown) => {
      if (mounted.current) setNotice({ intent: 'error', text: plainError(lang, error) });
    },
    [lang],
  );

  /** Runs one operation at a time, with its progress shown and its error turned into a message. */
  const run = useCallback(
    async (operation: Operation, body: (acceptState: (s: WorkbookState) => void) => Promise<void>) => {
      if (!workbench) return;
      const generation = liveGeneration.current;
      const acceptState = (s: WorkbookState) => {
        if (mounted.current && liveGeneration.current === generation) setState(s);
      };
      setBusy(operation);
      setNotice(null);
      try {
        await settingsLoaded.current;
        await body(acceptState);
      } catch (error) {
        fail(error);
      } finally {
        if (mounted.current) setBusy(null);
      }
    },
    [workbench, fail],
  );

  useEffect(() => {
    if (!workbench) return;
    let active = true;
    let stop: Promise<(() => Promise<void>) | undefined> = Promise.resolve(undefined);
    setLoading(true);
    const settingsRead = workbench.loadSettings().then((loaded) => {
      if (!active) return;
      savedSettings.current = JSON.stringify(loaded);
      settingsRef.current = loaded;
      setSettings(loaded);
    });
    settingsLoaded.current = settingsRead.catch(() => undefined);
    void (async () => {
      try {
        await settingsRead;
        const first = await workbench.refresh();
        if (active && liveGeneration.current === 0) setState(first);
      } catch (error) {
        if (active) fail(error);
      } finally {
        if (active) setLoading(false);
      }
    })();
    if (workbench.capabilities.events) {
      stop = workbench
        .startLive((s) => {
          if (!active) return;
          liveGeneration.current++;
          setState(s);
        })
        .catch((error: unknown) => {
          if (active) fail(error);
          return undefined;
        });
    }
    return () => {
      active = false;
      void stop.then((s) => s?.()).catch(() => undefined);
    };
  }, [workbench, fail]);

  const persistSettings = useCallback(
    async (next: AddinSettings) => {
      if (!workbench) return;
      const json = JSON.stringify(next);
      if (json === savedSettings.current) return;
      await workbench.saveSettings(next);
      savedSettings.current = json;
    },
    [workbench],
  );

  const updateSettings = useCallback(
    (change: Partial<AddinSettings>, persist: boolean) => {
      const next = { ...settingsRef.current, ...change };
      settingsRef.current = next;
      setSettings(next);
      if (persist) persistSettings(next).catch(fail);
    },
    [persistSettings, fail],
  );

  const saveSettings = useCallback(() => {
    persistSettings(settingsRef.current).catch(fail);
  }, [persistSettings, fail]);

  const insertTemplate = useCallback(() => {
    void run('insertTemplate', async (accept) => {
      const current = settingsRef.current;
      await persistSettings(current);
      const name = projectName.trim();
      const { sheet } = await workbench!.insertTemplate({
        profile: templateProfile(current.profile),
        unitCode: current.unitCode.trim(),
        unitName: current.unitName.trim(),
        ...(name ? { projectName: name } : {}),
      });
      if (mounted.current) {
        setProjectName('');
        setNotice({
          intent: 'success',
          text: tNodes(lang, 'done.insertTemplate', { sheet: <WorkbookText>{sheet}</WorkbookText> }),
        });
      }
      accept(await workbench!.refresh());
    });
  }, [run, persistSettings, workbench, projectName, lang]);

  const validate = useCallback(() => {
    void run('validate', async (accept) => {
      const s = await workbench!.validate();
      accept(s);
      const { errors, warnings } = countBySeverity(s.findings);
      if (mounted.current) {
        setView('findings');
        setNotice({
          intent: errors ? 'warning' : 'success',
          text: t(lang, 'done.validate', { errors, warnings }),
        });
      }
    });
  }, [run, workbench, lang]);

  const writeSummary = useCallback(() => {
    void run('totals', async (accept) => {
      const { sheet } = await workbench!.writeSummary();
      if (mounted.current)
        setNotice({
          intent: 'success',
          text: tNodes(lang, 'done.totals', { sheet: <WorkbookText>{sheet}</WorkbookText> }),
        });
      accept(await workbench!.refresh());
    });
  }, [run, workbench, lang]);

  const totals = useCallback(() => {
    setView('totals');
    writeSummary();
  }, [writeSummary]);

  const clearHighlights = useCallback(() => {
    void run('clearHighlights', async () => {
      await workbench!.clearHighlights();
      if (mounted.current) setNotice({ intent: 'success', text: t(lang, 'done.clearHighlights') });
    });
  }, [run, workbench, lang]);

  const applyFix = useCallback(
    (finding: Finding) => {
      void run('fix', async (accept) => {
        const result = await workbench!.applyFix(finding);
        if (mounted.current) {
          setApplied((list) => [
            result,
            ...list.filter((a) => a.sheet !== result.sheet || a.cell !== result.cell),
          ]);
        }
        accept(await workbench!.refresh());
      });
    },
    [run, workbench],
  );

  const undoFix = useCallback(
    (fix: AppliedFix) => {
      void run('undo', async (accept) => {
        const outcome = await workbench!.undoFix(fix);
        if (mounted.current) {
          setApplied((list) => list.filter((a) => a !== fix));
          setNotice({
            intent: outcome === 'undone' ? 'success' : 'warning',
            text: tNodes(lang, outcome === 'undone' ? 'fixes.undone' : 'fixes.changed', {
              cell: <WorkbookText>{fix.cell}</WorkbookText>,
              sheet: <WorkbookText>{fix.sheet}</WorkbookText>,
            }),
          });
        }
        accept(await workbench!.refresh());
      });
    },
    [run, workbench, lang],
  );

  const select = useCallback(
    (sheet: string, cell: string) => {
      workbench?.select(sheet, cell).catch(fail);
    },
    [workbench, fail],
  );

  const addIndicatorRow = useCallback(() => {
    void run('addRow', async (accept) => {
      setPendingRemoval(null);
      const { sheet, address } = await workbench!.getSelection();
      const after = selectedRow(lang, address);
      await workbench!.addIndicatorRow(sheet, after);
      const fresh = await workbench!.refresh();
      accept(fresh);
      // The new row is where the user types next: its 三级指标 cell.
      const added = indicatorAt(fresh, sheet, after + 1);
      if (added) await workbench!.select(sheet, added.name.cell);
      if (mounted.current)
        setNotice({
          intent: 'success',
          text: tNodes(lang, 'rows.added', {
            sheet: <WorkbookText>{sheet}</WorkbookText>,
            after: after + 1,
            row: after + 2,
          }),
        });
    });
  }, [run, workbench, lang]);

  const removeRow = useCallback(
    async (sheet: string, row: number, accept: (s: WorkbookState) => void) => {
      await workbench!.removeIndicatorRow(sheet, row);
      if (mounted.current)
        setNotice({
          intent: 'success',
          text: tNodes(lang, 'rows.removed', { sheet: <WorkbookText>{sheet}</WorkbookText>, row: row + 1 }),
        });
      accept(await workbench!.refresh());
    },
    [workbench, lang],
  );

  const removeIndicatorRow = useCallback(() => {
    void run('removeRow', async (accept) => {
      setPendingRemoval(null);
      const { sheet, address } = await workbench!.getSelection();
      const row = selectedRow(lang, address);
      // Read afresh: the list may not have caught up with what was just typed into the row.
      const fresh = await workbench!.refresh();
      accept(fresh);
      const content = rowContent(fresh, sheet, row);
      if (content.length > 0) {
        if (mounted.current) setPendingRemoval({ sheet, row, content });
        return;
      }
      await removeRow(sheet, row, accept);
    });
  }, [run, workbench, lang, removeRow]);

  const confirmRemoval = useCallback(() => {
    if (!pendingRemoval) return;
    const asked = pendingRemoval;
    void run('removeRow', async (accept) => {
      setPendingRemoval(null);
      const fresh = await workbench!.refresh();
      accept(fresh);
      const content = rowContent(fresh, asked.sheet, asked.row);
      // What was confirmed must still be what is lost: edited meanwhile, the user is asked again.
      if (content.length > 0 && content.join('\n') !== asked.content.join('\n')) {
        if (mounted.current) {
          setPendingRemoval({ ...asked, content });
          setNotice({ intent: 'warning', text: t(lang, 'rows.changed', { row: asked.row + 1 }) });
        }
        return;
      }
      await removeRow(asked.sheet, asked.row, accept);
    });
  }, [run, workbench, lang, removeRow, pendingRemoval]);

  return {
    state,
    settings,
    busy,
    loading,
    notice,
    applied,
    pendingRemoval,
    view,
    projectName,
    setView,
    setProjectName,
    dismissNotice: () => setNotice(null),
    updateSettings,
    saveSettings,
    insertTemplate,
    validate,
    totals,
    writeSummary,
    clearHighlights,
    applyFix,
    undoFix,
    select,
    addIndicatorRow,
    removeIndicatorRow,
    confirmRemoval,
    cancelRemoval: () => setPendingRemoval(null),
  };
}
