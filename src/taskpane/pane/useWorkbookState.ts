/**
 * The workbook's state as the pane shows it. The first read happens when the pane opens (after the
 * remembered settings, which decide the profile); from then on live updates (ExcelApi 1.7) and the
 * operations' own reads both deliver states. A state read by an operation that was already running
 * when a live update arrived may predate the user's edit, so the live one wins then.
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookState } from '../../domain/analysis';
import type { AddinSettings } from '../../domain/settings';
import type { Workbench } from '../../excel/workbench';

export interface WorkbookStateHandle {
  state: WorkbookState | null;
  /** The first read of the workbook is under way; commands can be started meanwhile. */
  loading: boolean;
  /** Resolves once the remembered settings are in (插入模板 needs them). */
  settingsLoaded(): Promise<void>;
  /**
   * A setter for an operation starting now: it delivers the operation's state unless a live update
   * came in since.
   */
  accepter(): (state: WorkbookState) => void;
}

export function useWorkbookState(
  workbench: Workbench | null,
  adoptSettings: (settings: AddinSettings) => void,
  fail: (error: unknown) => void,
): WorkbookStateHandle {
  const [state, setState] = useState<WorkbookState | null>(null);
  const [loading, setLoading] = useState(workbench !== null);
  const liveGeneration = useRef(0);
  const mounted = useRef(true);
  const settingsRead = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!workbench) return;
    let active = true;
    let stop: Promise<(() => Promise<void>) | undefined> = Promise.resolve(undefined);
    const read = workbench.loadSettings().then((loaded) => {
      if (active) adoptSettings(loaded);
    });
    settingsRead.current = read.catch(() => undefined);
    void (async () => {
      try {
        await read;
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
  }, [workbench, adoptSettings, fail]);

  const settingsLoaded = useCallback(() => settingsRead.current, []);
  const accepter = useCallback(() => {
    const generation = liveGeneration.current;
    return (s: WorkbookState) => {
      if (mounted.current && liveGeneration.current === generation) setState(s);
    };
  }, []);

  return { state, loading, settingsLoaded, accepter };
}
