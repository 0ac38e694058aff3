/**
 * The Workbench over Office.js (SPEC §1, §6, §8, §10): the only place that drives Excel. The
 * `Excel` namespace is passed in, so the same code runs on Excel, on the simulator (src/sim) and
 * under office-addin-mock. Every operation is one `Excel.run` with at most one read and one write
 * round trip, whatever the number of sheets; what happens in between — reading tables, the rules,
 * totals, which marks to write — is the domain's workbook analysis (src/domain/analysis.ts).
 * Fixes, indicator rows and live validation have files of their own beside this one.
 */

import { rangeA1 } from '../domain/address';
import type { WorkbookState } from '../domain/analysis';
import { buildTemplate, SUMMARY_SHEET, sheetNameFor } from '../domain/layout';
import {
  budgetYear,
  INTERNAL_SHEETS_KEY,
  parseInternalSheets,
  serializeSettings,
  SETTINGS_KEY,
} from '../domain/settings';
import type { Finding, Lang, ReferenceLookup } from '../domain/types';
import { langFromOffice } from '../i18n/core';
import { applyFix, undoFix } from './fixes';
import { startLive } from './live';
import { queueDeleteOwned, queueMarks } from './marks';
import { insertReference } from './reference';
import { addIndicatorRow, removeIndicatorRow } from './rows';
import { generateSelfEval } from './selfeval';
import { isNotFound, Session } from './session';
import { refuse, text } from './strings';
import { queueSummary, summaryCells } from './summary';
import { detectSupport } from './support';
import { queueLists, queueMarker, queueTemplate, queueTemplateRules } from './template';
import type {
  AddinSettings,
  AppliedFix,
  Capabilities,
  ReferenceInserted,
  ReferenceToInsert,
  SelfEvalGenerateOptions,
  TemplateOptions,
  Workbench,
} from './workbench';

export type { Workbench } from './workbench';
export type { Support } from './support';

/**
 * The lowest requirement set the core needs, declared in the manifest: ranges and worksheets
 * (1.1), merging and cell protection (1.2), workbook settings, defined names, `getItemOrNullObject`
 * and `getUsedRange(valuesOnly)` (1.4). Everything newer is detected at run time and degrades:
 * conditional formats 1.6 (no marks, no template rules: the findings list still works), events
 * 1.7 (the list refreshes on 校验 only), data validation 1.8 (no dropdowns), page layout 1.9 (no
 * print settings), sheet custom properties 1.12 (markers kept in a workbook setting only), merged
 * areas 1.13 (grids without merges: blank cells continue the row above anyway).
 */
export const CORE_REQUIREMENT = { set: 'ExcelApi', version: '1.4' } as const;

export interface OfficeHost {
  context: {
    requirements: { isSetSupported(name: string, version?: string): boolean };
    displayLanguage?: string;
  };
}

export interface WorkbenchOptions {
  lang?: Lang;
  /**
   * Quiet time after the last edit before live validation reads (default 150 ms): Excel reports a
   * paste or a fill as one change, so the wait only has to join the changes of one action.
   */
  debounceMs?: number;
  /**
   * Live validation's fallback for edits Excel does not report (src/excel/live.ts): the period of
   * its read of the active sheet (default 2,000 ms); 0 turns it off.
   */
  pollMs?: number;
  /**
   * The reference library the rules judge 三级指标 names by (SPEC §13); the task pane loads it as a
   * chunk of its own, beside this adapter's.
   */
  references?: ReferenceLookup;
}

export function createWorkbench(
  excel: typeof Excel,
  office: OfficeHost,
  options: WorkbenchOptions = {},
): Workbench {
  return new ExcelWorkbench(excel, office, options);
}

class ExcelWorkbench implements Workbench {
  readonly capabilities: Capabilities;
  private readonly session: Session;
  private readonly debounceMs: number;
  private readonly pollMs: number;

  constructor(excel: typeof Excel, office: OfficeHost, options: WorkbenchOptions) {
    const support = detectSupport(office);
    const { conditionalFormats, dataValidation, events, sheetCustomProperties } = support;
    this.capabilities = { conditionalFormats, dataValidation, events, sheetCustomProperties };
    this.session = new Session(
      excel,
      support,
      options.lang ?? langFromOffice(office.context.displayLanguage),
      options.references,
    );
    this.debounceMs = options.debounceMs ?? 150;
    this.pollMs = options.pollMs ?? 2000;
  }

  refresh(): Promise<WorkbookState> {
    const { session } = this;
    return session.run(async (ctx) => {
      const data = await session.readAll(ctx, false);
      return session.analyse(data.problems).state;
    });
  }

  /** 校验: the findings, and every finding's cell marked, in one read and one write. */
  validate(): Promise<WorkbookState> {
    const { session } = this;
    return session.run(async (ctx) => {
      const marking = session.support.conditionalFormats;
      const data = await session.readAll(ctx, marking);
      const analysis = session.analyse(data.problems);
      if (!marking) return analysis.state;
      const { marks, templates } = session.analysis.markAll(analysis);
      const { state, sheetIds } = analysis;
      let queued = false;
      for (const s of data.sheets) {
        const read = data.read.get(s.id);
        if (!read) continue;
        const made = templates.filter((spec, i) => spec && sheetIds[i] === s.id);
        if (read.protected) {
          if (marks.has(s.name) || read.owned?.length || made.length > 0)
            state.problems.push({
              sheet: s.name,
              message: text(session.lang, 'protectedNotMarked', { sheet: s.name }),
            });
          continue;
        }
        const ws = ctx.workbook.worksheets.getItem(s.id);
        if (queueDeleteOwned(read.owned, 'all')) queued = true;
        if (queueMarks(ws, marks.get(s.name) ?? [])) queued = true;
        for (const spec of made) {
          if (spec) queueTemplateRules(ws, spec);
          queued = true;
        }
      }
      if (queued) await ctx.sync();
      return state;
    });
  }

  /**
   * 清除标记: the marks 校验 and 实时标记 added removed from every sheet that is not protected. The
   * template's own rules are part of the table and stay (SPEC §8): a file saved afterwards still
   * checks itself where the add-in does not run.
   */
  clearHighlights(): Promise<void> {
    const { session } = this;
    if (!session.support.conditionalFormats) return Promise.resolve();
    return session.run(async (ctx) => {
      const data = await session.read(ctx, () => true, session.sheetIds(), true, false);
      let queued = false;
      const kept: string[] = [];
      for (const r of data.read.values()) {
        if (r.protected) {
          if (r.owned?.length) kept.push(r.name);
          continue;
        }
        if (queueDeleteOwned(r.owned, 'marks')) queued = true;
      }
      session.analysis.clearMarks();
      if (queued) await ctx.sync();
      if (kept.length > 0) throw refuse(session.lang, 'protectedNotCleared', { sheets: kept.join('、') });
    });
  }

  insertTemplate(options: TemplateOptions): Promise<{ sheet: string }> {
    return this.session.excel.run(async (ctx) => {
      const wb = ctx.workbook;
      const list = wb.worksheets.load('items/id,items/name');
      const internalItem = wb.settings.getItemOrNullObject(INTERNAL_SHEETS_KEY).load('value');
      const names = this.session.support.dataValidation
        ? wb.names.load('items/name,items/formula')
        : undefined;
      const protection = this.session.support.workbookProtection
        ? wb.protection.load('protected')
        : undefined;
      await ctx.sync();
      if (protection?.protected) throw refuse(this.session.lang, 'workbookProtected');

      const existing = list.items.map((ws) => ws.name);
      const name = sheetNameFor(options.projectName ?? '', existing);
      const ws = wb.worksheets.add(name);
      const spec = buildTemplate({
        profile: options.profile,
        unitCode: options.unitCode,
        unitName: options.unitName,
        projectName: options.projectName,
        year: options.year,
        signature: options.signature,
      });
      queueTemplate(ws, spec, this.session.support);
      let listSheet: Excel.Worksheet | undefined;
      if (names) {
        const internal = parseInternalSheets(internalItem.isNullObject ? undefined : internalItem.value);
        const own = existing.find((n) => internal[n] === 'lists');
        listSheet = queueLists(
          ctx,
          names.items,
          own,
          [...existing, name],
          internal,
          this.session.support,
        )?.load('id,name');
      }
      ws.activate();
      ws.getRange(spec.roles.code).select();
      ws.load('id,name');
      try {
        await ctx.sync();
      } catch (e) {
        throw refuse(this.session.lang, 'cannotAddSheet', {
          sheet: name,
          message: e instanceof Error ? e.message : String(e),
        });
      }
      this.session.remember(ws);
      if (listSheet) this.session.remember(listSheet);
      return { sheet: ws.name };
    });
  }

  generateSelfEval(options: SelfEvalGenerateOptions): Promise<{ sheets: string[] }> {
    return generateSelfEval(this.session, options);
  }

  writeSummary(): Promise<{ sheet: string }> {
    return this.session.run(async (ctx) => {
      const data = await this.session.readAll(ctx, false);
      const { state } = this.session.analyse(data.problems);
      const own = data.sheets.find((s) => data.read.get(s.id)?.role === 'summary');
      let ws: Excel.Worksheet;
      if (own) {
        if (data.read.get(own.id)?.protected)
          throw refuse(this.session.lang, 'sheetProtected', { sheet: own.name });
        ws = ctx.workbook.worksheets.getItem(own.id);
        ws.getRange().clear();
      } else {
        const taken = new Set(data.sheets.map((s) => s.name.toLowerCase()));
        const name = taken.has(SUMMARY_SHEET.toLowerCase())
          ? sheetNameFor(
              SUMMARY_SHEET,
              data.sheets.map((s) => s.name),
            )
          : SUMMARY_SHEET;
        ws = ctx.workbook.worksheets.add(name);
        queueMarker(ctx, ws, name, 'summary', data.internalSheets, this.session.support);
      }
      const { year, unitCode, unitName } = this.session.settings;
      const layout = summaryCells(state.tables, this.session.lang, {
        year: budgetYear(year),
        unitCode,
        unitName,
        findings: state.findings,
        incomplete: state.totals.incomplete,
      });
      queueSummary(ws, layout, this.session.support.pageLayout);
      ws.activate();
      ws.load('id,name');
      await ctx.sync();
      this.session.remember(ws);
      return { sheet: ws.name };
    });
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.session.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync().catch((e: unknown) => {
        throw isNotFound(e) ? refuse(this.session.lang, 'sheetNotFound', { sheet }) : e;
      });
    });
  }

  getSelection(): Promise<{ sheet: string; address: string }> {
    return this.session.excel.run(async (ctx) => {
      // Positions rather than `address`: Excel writes whole rows as `12:12`, which A1 parsing refuses.
      const range = ctx.workbook.getSelectedRange().load('rowIndex,rowCount,columnIndex,columnCount');
      const ws = range.worksheet.load('name');
      await ctx.sync();
      const top = range.rowIndex;
      const left = range.columnIndex;
      const bottom = top + range.rowCount - 1;
      const right = left + range.columnCount - 1;
      return { sheet: ws.name, address: rangeA1({ top, left, bottom, right }) };
    });
  }

  loadSettings(): Promise<AddinSettings> {
    return this.session.excel.run(async (ctx) => {
      const data = await this.session.read(ctx, () => false, [], false, false);
      return data.settings;
    });
  }

  saveSettings(settings: AddinSettings): Promise<void> {
    return this.session.excel.run(async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, serializeSettings(settings));
      await ctx.sync();
      this.session.settings = { ...settings };
    });
  }

  applyFix(finding: Finding): Promise<AppliedFix> {
    return applyFix(this.session, finding);
  }

  undoFix(applied: AppliedFix): Promise<'undone' | 'changed'> {
    return undoFix(this.session, applied);
  }

  addIndicatorRow(sheet: string, afterRow: number): Promise<void> {
    return addIndicatorRow(this.session, sheet, afterRow);
  }

  removeIndicatorRow(sheet: string, row: number): Promise<void> {
    return removeIndicatorRow(this.session, sheet, row);
  }

  insertReference(sheet: string, row: number, reference: ReferenceToInsert): Promise<ReferenceInserted> {
    return insertReference(this.session, sheet, row, reference);
  }

  startLive(listener: (state: WorkbookState) => void): Promise<() => Promise<void>> {
    return startLive(this.session, { debounceMs: this.debounceMs, pollMs: this.pollMs }, listener);
  }
}
