/**
 * One operation at a time: its progress shown, its error turned into a message, the notice it
 * leaves. Every button of the pane runs through here.
 */

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { WorkbookState } from '../../domain/analysis';
import type { Workbench } from '../../excel/workbench';
import { useLang } from '../lang';
import { plainError } from './errors';

export type Operation =
  | 'insertTemplate'
  | 'validate'
  | 'totals'
  | 'selfEval'
  | 'clearHighlights'
  | 'fix'
  | 'undo'
  | 'addRow'
  | 'removeRow'
  | 'insertReference';

export interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text: ReactNode;
}

export interface Notices {
  notice: Notice | null;
  /** Says something, unless the pane has gone meanwhile. */
  say(notice: Notice | null): void;
  fail(error: unknown): void;
  /** True while the pane is on screen: what an operation does after it finished is dropped otherwise. */
  mounted(): boolean;
}

/** The notice the pane shows (one at a time), and the failures turned into one. */
export function useNotices(): Notices {
  const lang = useLang();
  const [notice, setNotice] = useState<Notice | null>(null);
  const isMounted = useRef(true);

  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);

  const mounted = useCallback(() => isMounted.current, []);
  const say = useCallback((n: Notice | null) => {
    if (isMounted.current) setNotice(n);
  }, []);
  const fail = useCallback(
    (error: unknown) => say({ intent: 'error', text: plainError(lang, error) }),
    [say, lang],
  );
  return { notice, say, fail, mounted };
}

export interface Runner {
  busy: Operation | null;
  /** The workbench operations run against (null outside Excel). */
  workbench: Workbench | null;
  /**
   * Runs `body` as `operation`: nothing else runs meanwhile, the notice is cleared first, and
   * `accept` delivers the states the body reads.
   */
  run(
    operation: Operation,
    body: (workbench: Workbench, accept: (s: WorkbookState) => void) => Promise<void>,
  ): Promise<void>;
}

export function useRunner(
  workbench: Workbench | null,
  notices: Notices,
  ready: () => Promise<void>,
  accepter: () => (s: WorkbookState) => void,
): Runner {
  const [busy, setBusy] = useState<Operation | null>(null);
  const { say, fail, mounted } = notices;

  const run = useCallback(
    async (
      operation: Operation,
      body: (workbench: Workbench, accept: (s: WorkbookState) => void) => Promise<void>,
    ) => {
      if (!workbench) return;
      const accept = accepter();
      setBusy(operation);
      say(null);
      try {
        await ready();
        await body(workbench, accept);
      } catch (error) {
        fail(error);
      } finally {
        if (mounted()) setBusy(null);
      }
    },
    [workbench, ready, accepter, say, fail, mounted],
  );

  return { busy, run, workbench };
}
