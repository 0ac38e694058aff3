/**
 * A local stand-in for the `Office` global (office.js) that the task pane touches: onReady, the
 * display language, the platform, requirement sets, document settings, the theme, add-in commands.
 *
 * `context.document.settings` is a snapshot, as in Excel: "The Settings object is automatically
 * loaded as part of the Document object ... when the add-in is activated"; `set` and `remove` change
 * only "the in-memory copy of the settings property bag", `saveAsync` persists it and `refreshAsync`
 * "reads all settings persisted in the document" again
 * (https://learn.microsoft.com/javascript/api/office/office.settings). The document's store is the
 * one `workbook.settings` (ExcelApi 1.4) reads and writes at once.
 */

import { versionAtMost } from './api/context';

export interface SimOfficeHostInfo {
  host: 'Excel';
  platform: 'PC' | 'OfficeOnline' | 'Mac';
}

export interface SimAsyncResult<T = unknown> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { code: number; name: string; message: string };
}

export interface SimOfficeShim {
  context: {
    readonly displayLanguage: string;
    readonly contentLanguage: string;
    readonly host: 'Excel';
    readonly platform: 'PC' | 'OfficeOnline';
    diagnostics: { host: 'Excel'; platform: 'PC' | 'OfficeOnline'; version: string };
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    document: {
      settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(callback?: (result: SimAsyncResult<void>) => void): void;
        refreshAsync(callback?: (result: SimAsyncResult<unknown>) => void): void;
      };
    };
    officeTheme: {
      bodyBackgroundColor: string;
      bodyForegroundColor: string;
      controlBackgroundColor: string;
      controlForegroundColor: string;
      isDarkTheme: boolean;
    };
  };
  onReady(callback?: (info: SimOfficeHostInfo) => void): Promise<SimOfficeHostInfo>;
  initialize?: (reason: string) => void;
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  AsyncResultStatus: { Succeeded: 'succeeded'; Failed: 'failed' };
  actions: {
    associate(actionId: string, handler: (event: unknown) => unknown): void;
    /** Handlers associated so far (ribbon commands), for tests and the preview. */
    readonly associated: ReadonlyMap<string, (event: unknown) => unknown>;
  };
  addin: {
    showAsTaskpane(): Promise<void>;
    hide(): Promise<void>;
    onVisibilityModeChanged(handler: (args: unknown) => void): Promise<() => Promise<void>>;
  };
}

export interface OfficeShimHost {
  platform: 'PC' | 'OfficeOnline';
  displayLanguage(): string;
  requirementSets(): Record<string, string>;
  settings(): Map<string, unknown>;
  notifySettingsChanged(): void;
}

export function createOfficeShim(host: OfficeShimHost): SimOfficeShim {
  const associated = new Map<string, (event: unknown) => unknown>();
  const info: SimOfficeHostInfo = { host: 'Excel', platform: host.platform };
  const ok = <T>(value: T): SimAsyncResult<T> => ({ status: 'succeeded', value });
  const copy = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null)) as unknown;
  let snapshot: Map<string, unknown> | undefined;
  const bag = (): Map<string, unknown> =>
    (snapshot ??= new Map([...host.settings()].map(([k, v]) => [k, copy(v)])));
  const shim: SimOfficeShim = {
    context: {
      get displayLanguage() {
        return host.displayLanguage();
      },
      get contentLanguage() {
        return host.displayLanguage();
      },
      host: 'Excel',
      platform: host.platform,
      diagnostics: { host: 'Excel', platform: host.platform, version: '16.0.17000.10000' },
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const max = Object.entries(host.requirementSets()).find(
            ([k]) => k.toLowerCase() === name.toLowerCase(),
          )?.[1];
          if (max === undefined) return false;
          return minVersion === undefined || versionAtMost(String(minVersion), max);
        },
      },
      document: {
        settings: {
          get: (name) => (bag().has(name) ? copy(bag().get(name)) : null),
          set: (name, value) => void bag().set(name, copy(value)),
          remove: (name) => void bag().delete(name),
          saveAsync: (callback) =>
            void Promise.resolve().then(() => {
              const store = host.settings();
              store.clear();
              for (const [k, v] of bag()) store.set(k, copy(v));
              host.notifySettingsChanged();
              callback?.(ok(undefined));
            }),
          refreshAsync: (callback) =>
            void Promise.resolve().then(() => {
              snapshot = undefined;
              bag();
              callback?.(ok(shim.context.document.settings));
            }),
        },
      },
      officeTheme: {
        bodyBackgroundColor: '#FFFFFF',
        bodyForegroundColor: '#000000',
        controlBackgroundColor: '#FFFFFF',
        controlForegroundColor: '#000000',
        isDarkTheme: false,
      },
    },
    onReady(callback) {
      bag();
      return Promise.resolve().then(() => {
        shim.initialize?.('');
        callback?.(info);
        return info;
      });
    },
    HostType: {
      Excel: 'Excel',
      Word: 'Word',
      PowerPoint: 'PowerPoint',
      Outlook: 'Outlook',
      OneNote: 'OneNote',
      Project: 'Project',
      Access: 'Access',
    },
    PlatformType: {
      PC: 'PC',
      OfficeOnline: 'OfficeOnline',
      Mac: 'Mac',
      iOS: 'iOS',
      Android: 'Android',
      Universal: 'Universal',
    },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    actions: {
      associate(actionId, handler) {
        associated.set(actionId, handler);
      },
      associated,
    },
    addin: {
      showAsTaskpane: () => Promise.resolve(),
      hide: () => Promise.resolve(),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
    },
  };
  return shim;
}
