/**
 * Live validation (SPEC §8): after each user edit (debounced), re-read only the edited sheets and
 * give the task pane the new state; the add-in's own writes are ignored. The list follows by reading
 * only; marks are written after an edit only when the user turned 实时标记 on.
 *
 * Excel does not report every edit: a value picked from a data-validation dropdown fires no
 * `onChanged` on some builds (https://github.com/OfficeDev/office-js/issues/420 on the desktop,
 * #3888 and #4066 on the web), and neither does some pasting — and the template's 一级/二级 are
 * dropdowns. A fallback catches what no event reported: every `pollMs` while the pane is visible,
 * and soon after the selection moves or another sheet is activated, it reads the active sheet (and
 * the one active before) in one round trip and, when a sheet's contents differ from the last read,
 * updates the list. It never writes (no marks, no undo history touched).
 */

import { rangeA1, toA1 } from '../domain/address';
import type { WorkbookState } from '../domain/analysis';
import type { Grid } from '../domain/grid';
import { computeTotals, totalsView } from '../domain/totals';
import { queueMarksIfChanged } from './marks';
import type { Session } from './session';

type Registration = OfficeExtension.EventHandlerResult<unknown>;

export interface LiveOptions {
  /** Quiet time after the last edit before the edited sheets are read. */
  debounceMs: number;
  /** The fallback's period (and what it waits after a selection change); 0 turns it off. */
  pollMs: number;
}

/** A sheet larger than this is not polled: a data sheet, not a table someone picks values in. */
const POLL_MAX_CELLS = 20000;

interface Handlers {
  changed: (event: Excel.WorksheetChangedEventArgs) => Promise<void>;
  /** The fallback's: the selection moved, or a sheet was activated. */
  selection?: (event: Excel.WorksheetSelectionChangedEventArgs) => Promise<void>;
  activated?: (event: Excel.WorksheetActivatedEventArgs) => Promise<void>;
}

/**
 * Subscribes to edits (and, for the fallback, to selection changes and activation): on the sheet
 * collection from ExcelApi 1.9; before, on each sheet (1.7), and on each sheet added later.
 */
function listen(session: Session, on: Handlers): Promise<{ handlers: Registration[]; active: string }> {
  const { excel } = session;
  return excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    const activeSheet = sheets.getActiveWorksheet().load('id');
    const handlers: Registration[] = [];
    if (on.activated) handlers.push(sheets.onActivated.add(on.activated));
    const perSheet = (ws: Excel.Worksheet): void => {
      handlers.push(ws.onChanged.add(on.changed));
      if (on.selection) handlers.push(ws.onSelectionChanged.add(on.selection));
    };
    if (session.support.workbookEvents) {
      handlers.push(sheets.onChanged.add(on.changed));
      if (on.selection) handlers.push(sheets.onSelectionChanged.add(on.selection));
      await ctx.sync();
      return { handlers, active: activeSheet.id };
    }
    sheets.load('items/id');
    await ctx.sync();
    sheets.items.forEach(perSheet);
    handlers.push(
      sheets.onAdded.add((added) =>
        excel.run(async (inner) => {
          perSheet(inner.workbook.worksheets.getItem(added.worksheetId));
          await inner.sync();
        }),
      ),
    );
    await ctx.sync();
    return { handlers, active: activeSheet.id };
  });
}

/** The cells whose contents differ between two reads of a sheet (A1 addresses), at most `max`. */
function changedCells(before: Grid, after: Grid, max = 200): string[] | 'many' {
  const at = (g: Grid, r: number, c: number) => JSON.stringify(g.cells[r - g.top]?.[c - g.left] ?? null);
  const width = (g: Grid) => Math.max(0, ...g.cells.map((row) => row.length));
  const top = Math.min(before.top, after.top);
  const left = Math.min(before.left, after.left);
  const bottom = Math.max(before.top + before.cells.length, after.top + after.cells.length) - 1;
  const right = Math.max(before.left + width(before), after.left + width(after)) - 1;
  const out: string[] = [];
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++)
      if (at(before, r, c) !== at(after, r, c)) {
        if (out.length >= max) return 'many';
        out.push(toA1(r, c));
      }
  if (out.length === 0 && JSON.stringify(before.merges) !== JSON.stringify(after.merges))
    return after.merges.map((m) => rangeA1(m));
  return out;
}

const cellsOf = (g: Grid | undefined): number =>
  g ? g.cells.length * Math.max(0, ...g.cells.map((row) => row.length)) : 0;

/**
 * The fallback's round: the sheets in `sheets` that the add-in has read before, read again with the
 * active sheet's id in the same batch; the list is updated only when one of them changed. Returns
 * the id of the sheet active now. Reads only.
 */
function pollRound(
  session: Session,
  sheets: readonly string[],
  listener: (state: WorkbookState) => void,
): Promise<string> {
  return session.run(async (ctx) => {
    const active = ctx.workbook.worksheets.getActiveWorksheet().load('id');
    const guess = sheets.filter(
      (id) => session.analysis.has(id) && cellsOf(session.analysis.grid(id)) <= POLL_MAX_CELLS,
    );
    const before = new Map(guess.map((id) => [id, session.analysis.grid(id)!]));
    const wanted = new Set(guess);
    const data = await session.read(ctx, (s) => wanted.has(s.id), guess, false, true, true);
    const edits = new Map<string, string[]>();
    for (const [id, read] of data.read) {
      const old = before.get(id);
      const changed = old ? changedCells(old, read.grid) : 'many';
      if (changed === 'many') edits.set(id, [`A1:${toA1(read.grid.top + read.grid.cells.length, 16383)}`]);
      else if (changed.length > 0) edits.set(id, changed);
    }
    if (edits.size > 0 || data.problems.length > 0) {
      const analysis = session.analyse(data.problems, true);
      session.analysis.noteEdits(analysis, edits);
      listener(analysis.state);
    }
    session.activeSheetId = active.id;
    return active.id;
  });
}

/**
 * One live round: re-read the edited sheets (and any the add-in has not seen), run each table's
 * own rules on their tables only (the other sheets' findings are kept) and the cross-table rules on
 * all, tell the listener; with 实时标记 on, bring the marks of the edited sheets up to date in one
 * write, and only where they changed.
 */
function liveRound(
  session: Session,
  batch: ReadonlyMap<string, readonly string[]>,
  listener: (state: WorkbookState) => void,
): Promise<void> {
  return session.run(async (ctx) => {
    const liveMarks = session.settings.liveMarks && session.support.conditionalFormats;
    const stale = (s: { id: string }): boolean => batch.has(s.id) || !session.analysis.has(s.id);
    const guess = session.sheetIds().filter((id) => stale({ id }));
    const data = await session.read(ctx, stale, guess, liveMarks);
    const analysis = session.analyse(data.problems, true);
    session.analysis.noteEdits(analysis, batch);
    listener(analysis.state);
    if (!liveMarks) return;

    const marks = session.analysis.liveMarks(analysis, new Set(data.read.keys()));
    let queued = false;
    for (const [id, read] of data.read) {
      if (read.protected) continue;
      const ws = ctx.workbook.worksheets.getItem(id);
      if (queueMarksIfChanged(ws, read.owned, marks.get(read.name) ?? [])) queued = true;
    }
    if (queued) await ctx.sync();
  });
}

export async function startLive(
  session: Session,
  options: LiveOptions,
  listener: (state: WorkbookState) => void,
): Promise<() => Promise<void>> {
  if (!session.support.events) return () => Promise.resolve();
  const { debounceMs, pollMs } = options;
  // The fallback reads the active sheet once the selection has rested twice the debounce (300 ms
  // by default): moving about with the arrow keys is not reading the sheet at every stop.
  const settleMs = Math.max(2 * debounceMs, 1);
  let touched = new Map<string, string[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: (() => void) | undefined;
  let round: Promise<void> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  // The fallback: which sheets to look at, and when.
  let active: string | undefined;
  let previous: string | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let polling: Promise<void> | undefined;
  const hidden = (): boolean => typeof document !== 'undefined' && document.visibilityState === 'hidden';
  const schedulePoll = (delay: number): void => {
    if (stopped || pollMs <= 0) return;
    if (pollTimer !== undefined) clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, delay);
    // In Node (tests, the benchmark) a pending poll must not keep the process alive.
    (pollTimer as { unref?: () => void }).unref?.();
  };
  const poll = (): void => {
    pollTimer = undefined;
    if (stopped) return;
    // An edit Excel did report is being dealt with, or the pane is not shown: look again later.
    if (timer !== undefined || polling || hidden()) {
      schedulePoll(pollMs);
      return;
    }
    const sheets = [...new Set([active, previous].filter((id): id is string => id !== undefined))];
    polling = chain = chain
      .then(() => (stopped ? active : pollRound(session, sheets, listener)))
      .then(
        (now) => {
          if (now !== active) previous = active;
          else previous = undefined;
          active = now;
        },
        () => undefined,
      )
      .finally(() => {
        polling = undefined;
        schedulePoll(pollMs);
      });
  };

  const fire = (): void => {
    const batch = touched;
    const done = settle;
    timer = undefined;
    touched = new Map();
    round = undefined;
    settle = undefined;
    chain = chain
      .then(() => (stopped ? undefined : liveRound(session, batch, listener)))
      .catch((e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        const base = session.lastState ?? {
          tables: [],
          findings: [],
          totals: totalsView(computeTotals([])),
          problems: [],
        };
        listener({ ...base, problems: [...base.problems, { message }] });
      })
      .then(done);
  };

  // The returned promise settles when the edit has been dealt with, so a host can wait for quiet.
  const onChanged = (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped || event.triggerSource === 'ThisLocalAddin') return Promise.resolve();
    // A person types on the sheet they are on.
    session.activeSheetId = event.worksheetId;
    const list = touched.get(event.worksheetId) ?? [];
    list.push(event.address);
    touched.set(event.worksheetId, list);
    round ??= new Promise<void>((resolve) => (settle = resolve));
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
    return round;
  };

  const fallback = pollMs > 0;
  // Another sheet activated: the pane lists its findings first, from the state it has (no read).
  const activated = (event: Excel.WorksheetActivatedEventArgs): Promise<void> => {
    if (stopped) return Promise.resolve();
    session.activeSheetId = event.worksheetId;
    const name = session.activeSheet();
    if (session.lastState && name !== undefined && session.lastState.activeSheet !== name) {
      session.lastState = { ...session.lastState, activeSheet: name };
      listener(session.lastState);
    }
    if (fallback) {
      if (event.worksheetId !== active) [previous, active] = [active ?? previous, event.worksheetId];
      schedulePoll(settleMs);
    }
    return Promise.resolve();
  };
  const listening = await listen(session, {
    changed: onChanged,
    activated,
    ...(fallback
      ? {
          selection: () => {
            schedulePoll(settleMs);
            return Promise.resolve();
          },
        }
      : {}),
  });
  const registrations = listening.handlers;
  active = listening.active;
  session.activeSheetId ??= listening.active;
  schedulePoll(pollMs);

  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    if (pollTimer !== undefined) clearTimeout(pollTimer);
    settle?.();
    for (const registration of registrations)
      await session.excel.run(registration.context, async (ctx) => {
        registration.remove();
        await ctx.sync();
      });
    await chain;
  };
}
