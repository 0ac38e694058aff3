/**
 * A small in-memory workbook behind the Workbench contract, for task pane tests that must not wait
 * for the Excel adapter: cells per sheet, a template, a handful of real checks, totals in exact
 * decimals, marks, a selection, settings, fixes with their undo, and live updates after user edits.
 */

import Big from 'big.js';
import { parseA1 } from '../../src/domain/address';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Field, Finding, Lang, Severity, TargetTable } from '../../src/domain/types';
import type {
  AddinSettings,
  AppliedFix,
  Capabilities,
  TableTotalsView,
  TemplateOptions,
  Workbench,
  WorkbookState,
} from '../../src/excel/workbench';

type Value = string | number;

const TITLE = '项目绩效目标表';
const SUMMARY = '汇总';
const INDICATOR_ROWS: [string, string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '时效指标'],
  ['效果指标', '社会效益指标'],
  ['满意度指标', '服务对象满意度指标'],
];
const FIRST_INDICATOR_ROW = 10;

export class FakeWorkbook {
  readonly sheets = new Map<string, Map<string, Value>>();
  /** Cells the add-in marked ("sheet!A1"). */
  readonly marks = new Set<string>();
  selection: { sheet: string; address: string } | null = null;
  settings: AddinSettings = { ...DEFAULT_SETTINGS };
  readonly listeners = new Set<() => void>();

  get(sheet: string, address: string): Value | undefined {
    return this.sheets.get(sheet)?.get(address);
  }

  /** The add-in writing a cell: no change event. */
  write(sheet: string, address: string, value: Value | null): void {
    let cells = this.sheets.get(sheet);
    if (!cells) this.sheets.set(sheet, (cells = new Map()));
    if (value === null || value === '') cells.delete(address);
    else cells.set(address, value);
  }

  /** A user typing a value and pressing Enter: numbers become numbers, and the change event fires. */
  setValue(sheet: string, address: string, input: string): void {
    const trimmed = input.trim();
    this.write(sheet, address, trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : input);
    for (const listener of this.listeners) setTimeout(listener, 0);
  }

  /** A sheet of project tables laid out as the standard table, one table at row 1. */
  addProject(
    sheet: string,
    project: {
      code?: string;
      name?: string;
      budget?: [Value, Value?, Value?];
      plan?: Value[];
      values?: Value[];
    },
  ) {
    this.write(sheet, 'A1', TITLE);
    this.write(sheet, 'A3', '项目编码');
    this.write(sheet, 'B3', project.code ?? null);
    this.write(sheet, 'D3', '项目名称');
    this.write(sheet, 'E3', project.name ?? null);
    this.write(sheet, 'B4', project.budget?.[0] ?? null);
    this.write(sheet, 'D4', project.budget?.[1] ?? null);
    this.write(sheet, 'F4', project.budget?.[2] ?? null);
    ['B7', 'C7', 'D7', 'E7'].forEach((cell, i) => this.write(sheet, cell, project.plan?.[i] ?? null));
    INDICATOR_ROWS.forEach(([level1, level2], i) => {
      const row = FIRST_INDICATOR_ROW + i;
      this.write(sheet, `A${row}`, level1);
      this.write(sheet, `B${row}`, level2);
      const value = project.values?.[i];
      if (value !== undefined) {
        this.write(sheet, `C${row}`, `指标${i + 1}完成率`);
        this.write(sheet, `F${row}`, value);
      }
    });
  }
}

function field(book: FakeWorkbook, sheet: string, cell: string): Field {
  const { row, col } = parseA1(cell);
  const value = book.get(sheet, cell);
  return {
    cell,
    row,
    col,
    raw: value === undefined ? undefined : { value },
    text: value === undefined ? '' : String(value).trim(),
  };
}

function readTable(book: FakeWorkbook, sheet: string): TargetTable {
  const f = (cell: string) => field(book, sheet, cell);
  const indicators = INDICATOR_ROWS.map((_, i) => {
    const row = FIRST_INDICATOR_ROW + i;
    const value = f(`F${row}`);
    return {
      row: row - 1,
      level1: { ...f(`A${row}`), inherited: false },
      level2: { ...f(`B${row}`), inherited: false },
      name: f(`C${row}`),
      value,
      valueText: value.text,
    };
  });
  const last = FIRST_INDICATOR_ROW + INDICATOR_ROWS.length - 1;
  return {
    sheet,
    form: 'target',
    range: `A1:G${last}`,
    top: 0,
    left: 0,
    bottom: last - 1,
    right: 6,
    profile: 'hebei-2019',
    moneyScale: 1,
    code: f('B3'),
    name: f('E3'),
    budget: { total: f('B4'), fiscal: f('D4'), other: f('F4') },
    plan: ['B7', 'C7', 'D7', 'E7'].map(f),
    columns: { description: true, basis: true, levels: 'full' },
    indicators,
    notes: [],
  };
}

const MESSAGES: Record<string, Record<Lang, (d: Record<string, string>) => string>> = {
  'table/missing-field': {
    'zh-CN': () => '项目名称为空：请填写项目名称。',
    'en-US': () => 'The project name is empty: fill it in.',
  },
  'budget/not-number': {
    'zh-CN': (d) => `预算数“${d.value}”不是数字：请填写以万元计的金额。`,
    'en-US': (d) => `The budget "${d.value}" is not a number: enter an amount in 10,000 yuan.`,
  },
  'budget/sum-mismatch': {
    'zh-CN': (d) => `财政资金 + 其他资金 = ${d.sum}，与预算数 ${d.total} 不等。`,
    'en-US': (d) => `Fiscal + other funds = ${d.sum}, not the budget ${d.total}.`,
  },
  'indicator/no-comparator': {
    'zh-CN': (d) => `指标值“${d.value}”缺少比较符号，应写成“≥${d.value}”。`,
    'en-US': (d) => `The value "${d.value}" has no comparator; expected "≥${d.value}".`,
  },
};

function isNumber(v: Value | undefined): v is number {
  return typeof v === 'number';
}

function check(book: FakeWorkbook, tables: TargetTable[], lang: Lang): Finding[] {
  const findings: Finding[] = [];
  const report = (
    table: number,
    rule: string,
    severity: Severity,
    cell: string,
    data: Record<string, string>,
    fix?: string,
  ) => {
    const sheet = tables[table].sheet;
    findings.push({
      rule,
      severity,
      sheet,
      cell,
      message: MESSAGES[rule][lang](data),
      messageId: rule,
      data,
      table,
      ...(fix !== undefined ? { fix: { sheet, cell, value: fix } } : {}),
    });
  };
  tables.forEach((table, i) => {
    if (!table.name?.text) report(i, 'table/missing-field', 'error', 'E3', {});
    const [total, fiscal, other] = ['B4', 'D4', 'F4'].map((c) => book.get(table.sheet, c));
    if (total !== undefined && !isNumber(total))
      report(i, 'budget/not-number', 'error', 'B4', { value: String(total) });
    if (
      isNumber(total) &&
      (fiscal === undefined || isNumber(fiscal)) &&
      (other === undefined || isNumber(other))
    ) {
      const sum = new Big(fiscal ?? 0).plus(other ?? 0);
      if (!sum.eq(total))
        report(i, 'budget/sum-mismatch', 'error', 'B4', {
          sum: sum.toFixed(2),
          total: new Big(total).toFixed(2),
        });
    }
    for (const indicator of table.indicators) {
      const value = indicator.value.text;
      if (/^\d+(\.\d+)?%$/.test(value))
        report(i, 'indicator/no-comparator', 'warning', indicator.value.cell, { value }, `≥${value}`);
    }
  });
  return findings;
}

/** A blank cell is 0; a number is itself; anything else could not be read: null, never 0 (SPEC §6). */
function amount(v: Value | undefined): Big | null {
  if (v === undefined || v === '') return new Big(0);
  return isNumber(v) ? new Big(v) : null;
}

type FakeAmountField = 'total' | 'fiscal' | 'other';
const AMOUNT_CELLS: Record<FakeAmountField, string> = { total: 'B4', fiscal: 'D4', other: 'F4' };

function totalsOf(book: FakeWorkbook, tables: TargetTable[]): WorkbookState['totals'] {
  const incomplete: WorkbookState['totals']['incomplete'] = [];
  const exact = tables.map((table, i) => {
    const read = (field: FakeAmountField) => {
      const got = amount(book.get(table.sheet, AMOUNT_CELLS[field]));
      if (got === null)
        incomplete.push({
          table: i,
          sheet: table.sheet,
          cell: AMOUNT_CELLS[field],
          field,
          reason: 'unreadable',
        });
      return got;
    };
    const total = read('total');
    let carried: Big | null = new Big(0);
    const planned = ['B7', 'C7', 'D7', 'E7'].map((c) => {
      const pct = book.get(table.sheet, c);
      if (isNumber(pct)) carried = total === null ? null : total.times(pct).div(100);
      return carried;
    });
    return { total, fiscal: read('fiscal'), other: read('other'), planned };
  });
  type Amounts = (typeof exact)[number];
  const print = (b: Big | null) => (b === null ? null : b.toFixed(2));
  const projects: TableTotalsView[] = tables.map((table, i) => ({
    table: i,
    sheet: table.sheet,
    code: table.code?.text ?? '',
    name: table.name?.text ?? '',
    total: print(exact[i].total),
    fiscal: print(exact[i].fiscal),
    other: print(exact[i].other),
    planned: exact[i].planned.map(print),
  }));
  const known = (pick: (p: Amounts) => Big | null) =>
    exact.reduce((s, p) => s.plus(pick(p) ?? 0), new Big(0)).toFixed(2);
  const sum = (pick: (p: Amounts) => Big | null) =>
    exact.some((p) => pick(p) === null) ? null : known(pick);
  const quarters = [0, 1, 2, 3];
  return {
    projects,
    total: sum((p) => p.total),
    fiscal: sum((p) => p.fiscal),
    other: sum((p) => p.other),
    planned: quarters.map((k) => sum((p) => p.planned[k])),
    known: {
      total: known((p) => p.total),
      fiscal: known((p) => p.fiscal),
      other: known((p) => p.other),
      planned: quarters.map((k) => known((p) => p.planned[k])),
    },
    incomplete,
  };
}

export interface FakeOptions {
  lang?: Lang;
  capabilities?: Partial<Capabilities>;
}

export class FakeWorkbench implements Workbench {
  readonly capabilities: Capabilities;
  readonly lang: Lang;
  /** Operations that will fail once with this error, as a broken connection would. */
  readonly failures = new Map<keyof Workbench, Error>();
  /** The options of the last 插入模板 (the year and the signature line the template would write). */
  lastTemplate: TemplateOptions | undefined;

  constructor(
    readonly book: FakeWorkbook,
    options: FakeOptions = {},
  ) {
    this.lang = options.lang ?? 'zh-CN';
    this.capabilities = {
      conditionalFormats: true,
      dataValidation: true,
      events: true,
      sheetCustomProperties: true,
      ...options.capabilities,
    };
  }

  private async enter(op: keyof Workbench): Promise<void> {
    // Every call crosses to Excel and back: never synchronous.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const failure = this.failures.get(op);
    if (failure) {
      this.failures.delete(op);
      throw failure;
    }
  }

  private read(): WorkbookState {
    const tables = [...this.book.sheets.keys()]
      .filter((s) => s !== SUMMARY && this.book.get(s, 'A1') === TITLE)
      .map((s) => readTable(this.book, s));
    return {
      tables,
      findings: check(this.book, tables, this.lang),
      totals: totalsOf(this.book, tables),
      problems: [],
    };
  }

  private mark(state: WorkbookState): void {
    this.book.marks.clear();
    for (const f of state.findings) if (f.severity !== 'info') this.book.marks.add(`${f.sheet}!${f.cell}`);
  }

  async generateSelfEval(options: {
    sheets?: readonly string[];
    year: number;
  }): Promise<{ sheets: string[] }> {
    await this.enter('generateSelfEval');
    const sheets = (options.sheets ?? [...this.book.sheets.keys()]).map((s) => `自评-${s}`);
    return { sheets };
  }

  async insertTemplate(options: TemplateOptions): Promise<{ sheet: string }> {
    await this.enter('insertTemplate');
    const base = options.projectName?.trim() || '新项目';
    let sheet = base;
    for (let n = 2; this.book.sheets.has(sheet); n++) sheet = `${base}${n}`;
    this.book.addProject(sheet, { name: options.projectName?.trim() });
    this.book.write(sheet, 'A2', `${options.unitCode}${options.unitName}`);
    this.book.write(sheet, 'G1', options.profile);
    this.lastTemplate = options;
    return { sheet };
  }

  async refresh(): Promise<WorkbookState> {
    await this.enter('refresh');
    return this.read();
  }

  async validate(): Promise<WorkbookState> {
    await this.enter('validate');
    const state = this.read();
    this.mark(state);
    return state;
  }

  async clearHighlights(): Promise<void> {
    await this.enter('clearHighlights');
    this.book.marks.clear();
  }

  async applyFix(finding: Finding): Promise<AppliedFix> {
    await this.enter('applyFix');
    if (!finding.fix) throw new Error('这一项没有可自动修改的内容。');
    const { sheet, cell, value } = finding.fix;
    const before = this.book.get(sheet, cell) ?? null;
    this.book.write(sheet, cell, value);
    return { sheet, cell, before: { value: before }, after: value };
  }

  async undoFix(applied: AppliedFix): Promise<'undone' | 'changed'> {
    await this.enter('undoFix');
    if (this.book.get(applied.sheet, applied.cell) !== applied.after) return 'changed';
    this.book.write(applied.sheet, applied.cell, applied.before.value as Value | null);
    return 'undone';
  }

  async writeSummary(): Promise<{ sheet: string }> {
    await this.enter('writeSummary');
    const state = this.read();
    this.book.sheets.set(SUMMARY, new Map());
    state.totals.projects.forEach((p, i) => {
      const row = i + 2;
      this.book.write(SUMMARY, `B${row}`, p.name);
      this.book.write(SUMMARY, `D${row}`, p.total === null ? '未能读取' : Number(p.total));
    });
    const last = state.totals.projects.length + 2;
    this.book.write(SUMMARY, `B${last}`, '合计');
    this.book.write(
      SUMMARY,
      `D${last}`,
      state.totals.total === null ? '未能读取' : Number(state.totals.total),
    );
    return { sheet: SUMMARY };
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.enter('select');
    if (!this.book.sheets.has(sheet)) throw new Error(`找不到工作表“${sheet}”。`);
    this.book.selection = { sheet, address: cell };
  }

  async getSelection(): Promise<{ sheet: string; address: string }> {
    await this.enter('getSelection');
    const first = [...this.book.sheets.keys()][0];
    if (!this.book.selection && first === undefined) throw new Error('工作簿中没有工作表。');
    return this.book.selection ?? { sheet: first, address: 'A1' };
  }

  // Rows are added and removed by the real adapter only: those tests run on the simulator.
  async addIndicatorRow(): Promise<void> {
    throw new Error('the fake workbook has no row operations (see taskpane-sim.test.tsx)');
  }

  async removeIndicatorRow(): Promise<void> {
    throw new Error('the fake workbook has no row operations (see taskpane-sim.test.tsx)');
  }

  async insertReference(): Promise<never> {
    throw new Error('the fake workbook reads no indicator rows (see tests/excel/reference.test.ts)');
  }

  async loadSettings(): Promise<AddinSettings> {
    await this.enter('loadSettings');
    return { ...this.book.settings };
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    await this.enter('saveSettings');
    this.book.settings = { ...settings };
  }

  async startLive(listener: (state: WorkbookState) => void): Promise<() => Promise<void>> {
    await this.enter('startLive');
    const onEdit = () => {
      const state = this.read();
      if (this.book.settings.liveMarks) this.mark(state);
      listener(state);
    };
    this.book.listeners.add(onEdit);
    return async () => {
      this.book.listeners.delete(onEdit);
    };
  }
}
