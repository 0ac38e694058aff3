/**
 * The contract between the task pane (and ribbon commands) and the Excel operations.
 * The task pane talks only to a Workbench; `createWorkbench` (src/excel/index.ts) builds one over
 * Office.js's `Excel` — the real one, or the simulator's (src/sim) in tests and in the preview.
 */

import type { AddinSettings } from '../domain/settings';
import type { WorkbookState } from '../domain/analysis';
import type { Finding, ProfileId } from '../domain/types';

export type { AddinSettings } from '../domain/settings';
export type { TableTotalsView, TotalsView } from '../domain/totals';
export type { Problem, WorkbookState } from '../domain/analysis';

export interface SelfEvalGenerateOptions {
  /** Only the target tables on these sheets (the selected project); every target table when absent. */
  sheets?: readonly string[];
  /** The year evaluated, for tables whose title names none. */
  year: number;
}

export interface TemplateOptions {
  profile: ProfileId;
  unitCode: string;
  unitName: string;
  /** Project name typed in the pane, if any: names the new sheet and fills 项目名称. */
  projectName?: string;
  /** 年度 for the title (`2026年度项目绩效目标表`); none leaves the title without a year. */
  year?: string;
  /** The line to sign under the table (填报人、联系电话、填报日期). */
  signature?: boolean;
}

/** What applyFix wrote, so that undo can check the cell still holds it before restoring. */
export interface AppliedFix {
  sheet: string;
  cell: string;
  before: { value: string | number | boolean | null; formula?: string; numberFormat?: string };
  after: string | number;
}

/** The fields of an indicator row that 插入 (SPEC §13) may fill; never the value. */
export type ReferenceField = 'name' | 'description' | 'basis';

/** What the 参考指标 panel inserts: the entry's 三级指标, and its description and basis when it has them. */
export type ReferenceToInsert = { name: string } & Partial<Record<Exclude<ReferenceField, 'name'>, string>>;

/** Which cells 插入 wrote, and which it left because they already held something. */
export interface ReferenceInserted {
  sheet: string;
  /** 0-based row of the indicator. */
  row: number;
  written: { field: ReferenceField; cell: string }[];
  kept: { field: ReferenceField; cell: string }[];
}

export interface Capabilities {
  /** ExcelApi 1.6: conditional formats (marks, the template's own rules). */
  conditionalFormats: boolean;
  /** ExcelApi 1.8: data validation (dropdowns). */
  dataValidation: boolean;
  /** ExcelApi 1.7: change events (live validation). */
  events: boolean;
  /** ExcelApi 1.12: sheet-level custom properties (markers on the add-in's own sheets). */
  sheetCustomProperties: boolean;
}

export interface Workbench {
  readonly capabilities: Capabilities;
  /** 插入模板: a new sheet with the standard table; never overwrites a non-empty cell. */
  insertTemplate(options: TemplateOptions): Promise<{ sheet: string }>;
  /** Read the workbook and validate it, writing nothing. */
  refresh(): Promise<WorkbookState>;
  /** 校验: read, validate, and mark every finding's cell (conditional formats the add-in owns). */
  validate(): Promise<WorkbookState>;
  /** 清除标记: remove every conditional format the add-in added, and nothing else. */
  clearHighlights(): Promise<void>;
  applyFix(finding: Finding): Promise<AppliedFix>;
  /** 'changed' when the cell no longer holds what the fix wrote (nothing is then restored). */
  undoFix(applied: AppliedFix): Promise<'undone' | 'changed'>;
  /**
   * 生成自评表 (SPEC §12): a new sheet `自评-{项目名称}` per target table (those on `sheets`, or all)
   * with live scoring formulas; two round trips whatever the number; never writes an existing cell.
   */
  generateSelfEval(options: SelfEvalGenerateOptions): Promise<{ sheets: string[] }>;
  /** 汇总: create or refresh the 汇总 sheet with live formulas. */
  writeSummary(): Promise<{ sheet: string }>;
  /** Select a cell (activating its sheet), e.g. when the user activates a finding. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Where the user's selection is: its sheet and its range without the sheet (`B12`, `A12:G14`;
   * whole rows and columns spelled out, `A12:XFD12`), e.g. to add or remove the row it is on.
   */
  getSelection(): Promise<{ sheet: string; address: string }>;
  addIndicatorRow(sheet: string, afterRow: number): Promise<void>;
  /**
   * 插入 a reference indicator into the indicator row `row` (0-based) of `sheet`: each of its fields
   * only into an empty cell, never the value (SPEC §13).
   */
  insertReference(sheet: string, row: number, reference: ReferenceToInsert): Promise<ReferenceInserted>;
  removeIndicatorRow(sheet: string, row: number): Promise<void>;
  loadSettings(): Promise<AddinSettings>;
  saveSettings(settings: AddinSettings): Promise<void>;
  /**
   * Live validation: after each user edit (debounced), re-read only the touched tables and call
   * `listener` with the new state; the add-in's own writes are ignored. When `settings.liveMarks`
   * is on, marks are refreshed too. Returns a function that stops listening.
   */
  startLive(listener: (state: WorkbookState) => void): Promise<() => Promise<void>>;
}
