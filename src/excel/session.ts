/**
 * What the adapter's operations share for as long as the task pane is open: Office.js's `Excel`,
 * the requirement sets found, the language, the remembered settings, and the workbook analysis
 * (src/domain/analysis.ts) fed with every sheet read. Office.js gives no sheet's proxy before the
 * sheet list has come back, so the session remembers the list from its last operation
 * (loadSettings, the task pane's first call, learns it): only the very first read of a session, and
 * a sheet the add-in has not seen yet, cost one more round trip.
 */

import { WorkbookAnalysis, type Analysis, type WorkbookState } from '../domain/analysis';
import type { Grid } from '../domain/grid';
import { DEFAULT_SETTINGS, type AddinSettings } from '../domain/settings';
import type { Lang, ReferenceLookup } from '../domain/types';
import { readWorkbookData, type SheetInfo, type WorkbookRead } from './read';
import { refuse } from './strings';
import type { Support } from './support';

function sameGrid(a: Grid | undefined, b: Grid): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

export const isNotFound = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'ItemNotFound';

export class Session {
  readonly analysis: WorkbookAnalysis;
  settings: AddinSettings = { ...DEFAULT_SETTINGS };
  /** The last state delivered, for a live round that fails to report against. */
  lastState: WorkbookState | undefined;
  /** The id of the sheet the user is on, as live validation last learnt it (none before it starts). */
  activeSheetId: string | undefined;
  /** Sheets whose merged areas Excel refuses in one request: read in parts (read.ts). */
  private readonly mergeHeavy = new Set<string>();

  constructor(
    readonly excel: typeof Excel,
    readonly support: Support,
    readonly lang: Lang,
    references?: ReferenceLookup,
  ) {
    this.analysis = new WorkbookAnalysis(lang, { toFill: true, references });
  }

  /** The name of the sheet the user is on, when known. */
  activeSheet(): string | undefined {
    const id = this.activeSheetId;
    return id === undefined ? undefined : this.analysis.sheets().find((s) => s.id === id)?.name;
  }

  /** The sheets as last seen, in workbook order (ids ask for their contents at once). */
  sheetIds(): string[] {
    return this.analysis.sheets().map((s) => s.id);
  }

  /**
   * Reads what `need` asks for (guessing `guess` in the first round trip) and feeds it to the
   * analysis; `content` false reads only the list, the settings, markers and formats.
   */
  async read(
    ctx: Excel.RequestContext,
    need: (s: SheetInfo) => boolean,
    guess: readonly string[],
    formats: boolean,
    content = true,
    keepUnchanged = false,
  ): Promise<WorkbookRead> {
    const data = await readWorkbookData(
      ctx,
      this.support,
      { guess, need, formats, content, mergeHeavy: this.mergeHeavy },
      this.lang,
    );
    this.settings = data.settings;
    this.analysis.setSheets(data.sheets);
    if (content)
      for (const [id, read] of data.read) {
        // With `keepUnchanged` (the fallback's reads, of sheets that rarely changed), an unchanged
        // sheet keeps its tables and findings.
        if (!(keepUnchanged && sameGrid(this.analysis.grid(id), read.grid)))
          this.analysis.setGrid(id, read.grid);
        if (data.mergeHeavy.has(id)) this.mergeHeavy.add(id);
        else this.mergeHeavy.delete(id);
      }
    return data;
  }

  /** Every sheet's contents: one round trip once the sheet list is known. */
  readAll(ctx: Excel.RequestContext, formats: boolean): Promise<WorkbookRead> {
    return this.read(ctx, () => true, this.sheetIds(), formats);
  }

  /** The analysis of every sheet read, with the host's problems; `reuse` keeps unchanged sheets' findings. */
  analyse(problems: WorkbookState['problems'], reuse = false): Analysis {
    const analysis = this.analysis.analyse({ profile: this.settings.profile, problems, reuse });
    const active = this.activeSheet();
    if (active !== undefined) analysis.state.activeSheet = active;
    this.lastState = analysis.state;
    return analysis;
  }

  /** A sheet the add-in wrote to: listed if new, its contents read anew next time. */
  remember(ws: Excel.Worksheet): void {
    this.analysis.addSheet({ id: ws.id, name: ws.name });
    this.analysis.forget(ws.id);
  }

  /**
   * One operation in one Excel.run. A sheet deleted or renamed between the operation's read and its
   * write (by the user or a co-author) makes Excel refuse the write with ItemNotFound, naming the
   * sheet by its internal id: the user is told what happened and to try again instead.
   */
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.excel.run(batch).catch((e: unknown) => {
      throw isNotFound(e) ? refuse(this.lang, 'changedMeanwhile') : e;
    });
  }
}
