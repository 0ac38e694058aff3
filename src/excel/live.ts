/**
 * Live validation (SPEC §8): after each user edit (debounced), re-read only the edited sheets and
 * give the task pane the new state; the add-in's own writes are ignored. The list follows by reading
 * only; marks are written after an edit only when the user turned 实时标记 on.
 */

import type { WorkbookState } from '../domain/analysis';
import { computeTotals, totalsView } from '../domain/totals';
import { queueMarksIfChanged } from './marks';
import type { Session } from './session';

type Registration = OfficeExtension.EventHandlerResult<unknown>;

/**
 * Subscribes to edits: on the sheet collection from ExcelApi 1.9; before, on each sheet (1.7),
 * and on each sheet added later.
 */
function listen(
  session: Session,
  onChanged: (event: Excel.WorksheetChangedEventArgs) => Promise<void>,
): Promise<Registration[]> {
  const { excel } = session;
  return excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    if (session.support.workbookEvents) {
      const handler = sheets.onChanged.add(onChanged);
      await ctx.sync();
      return [handler];
    }
    sheets.load('items/id');
    await ctx.sync();
    const handlers: Registration[] = sheets.items.map((ws) => ws.onChanged.add(onChanged));
    handlers.push(
      sheets.onAdded.add((added) =>
        excel.run(async (inner) => {
          handlers.push(inner.workbook.worksheets.getItem(added.worksheetId).onChanged.add(onChanged));
          await inner.sync();
        }),
      ),
    );
    await ctx.sync();
    return handlers;
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
  debounceMs: number,
  listener: (state: WorkbookState) => void,
): Promise<() => Promise<void>> {
  if (!session.support.events) return () => Promise.resolve();
  let touched = new Map<string, string[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: (() => void) | undefined;
  let round: Promise<void> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  const fire = (): void => {
    const batch = touched;
    const done = settle;
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
    const list = touched.get(event.worksheetId) ?? [];
    list.push(event.address);
    touched.set(event.worksheetId, list);
    round ??= new Promise<void>((resolve) => (settle = resolve));
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
    return round;
  };

  const registrations = await listen(session, onChanged);

  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    settle?.();
    for (const registration of registrations)
      await session.excel.run(registration.context, async (ctx) => {
        registration.remove();
        await ctx.sync();
      });
    await chain;
  };
}
