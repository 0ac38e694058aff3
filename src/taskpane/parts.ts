/**
 * Fetching `paneParts` (the status line, the notices, the tabs and the 问题 view) after the pane's
 * first paint, so that the pane's first script holds only what that paint draws (SPEC §10). The
 * workbook is read after the first paint too (`boot.tsx`); the pane says 正在读取工作簿… until
 * both have arrived.
 */

import { useEffect, useState } from 'react';
import { loadViewStrings } from '../i18n/core';
import { afterFirstPaint } from './paint';

export type PaneParts = typeof import('./paneParts');

let loaded: PaneParts | undefined;
let pending: Promise<PaneParts> | undefined;

/** Fetches the parts, and the zh-CN strings they show, once (and again after a failed fetch). */
export function loadPaneParts(): Promise<PaneParts> {
  pending ??= Promise.all([import('./paneParts'), loadViewStrings()]).then(
    ([parts]) => (loaded = parts),
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

export interface PartsState {
  /** The parts, once fetched. */
  parts?: PaneParts;
  /** Why they could not be fetched. */
  error?: unknown;
}

/** The parts: at once when already fetched, else fetched after the calling pane's first paint. */
export function usePaneParts(): PartsState {
  const [state, setState] = useState<PartsState>(() => ({ parts: loaded }));
  useEffect(() => {
    if (state.parts) return;
    let mounted = true;
    afterFirstPaint()
      .then(loadPaneParts)
      .then(
        (parts) => {
          if (mounted) setState({ parts });
        },
        (error: unknown) => {
          if (mounted) setState({ error });
        },
      );
    return () => {
      mounted = false;
    };
  }, [state.parts]);
  return state;
}
