/**
 * The settings as the pane holds them: loaded from the workbook when the pane opens, changed by the
 * user in 设置, saved back to the workbook (only when they differ from what it holds).
 */

import { useCallback, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, type AddinSettings } from '../../domain/settings';
import type { Workbench } from '../../excel/workbench';

export interface SettingsState {
  settings: AddinSettings;
  /** The latest settings, for operations started before React re-rendered. */
  current(): AddinSettings;
  /** The settings just read from the workbook. */
  adopt(loaded: AddinSettings): void;
  /** Change settings locally; `persist` saves them in the workbook too. */
  update(change: Partial<AddinSettings>, persist: boolean): void;
  /** Save the current settings in the workbook, when they differ from what it holds. */
  persist(): Promise<void>;
}

export function useSettings(workbench: Workbench | null, fail: (error: unknown) => void): SettingsState {
  const [settings, setSettings] = useState<AddinSettings>(DEFAULT_SETTINGS);
  const latest = useRef<AddinSettings>(DEFAULT_SETTINGS);
  const saved = useRef<string>(JSON.stringify(DEFAULT_SETTINGS));

  const adopt = useCallback((loaded: AddinSettings) => {
    saved.current = JSON.stringify(loaded);
    latest.current = loaded;
    setSettings(loaded);
  }, []);

  const persist = useCallback(async () => {
    if (!workbench) return;
    const next = latest.current;
    const json = JSON.stringify(next);
    if (json === saved.current) return;
    await workbench.saveSettings(next);
    saved.current = json;
  }, [workbench]);

  const update = useCallback(
    (change: Partial<AddinSettings>, save: boolean) => {
      const next = { ...latest.current, ...change };
      latest.current = next;
      setSettings(next);
      if (save) persist().catch(fail);
    },
    [persist, fail],
  );

  const current = useCallback(() => latest.current, []);
  return { settings, current, adopt, update, persist };
}
