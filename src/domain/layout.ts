/**
 * The standard table (SPEC §1) as data: the single source for inserting the template (task pane
 * and CLI), reading it back, protecting and printing it. Nothing here knows about Excel; the
 * adapters turn a TemplateSpec into cells, merges, formats, validations and conditional formats.
 */

import { NAME_WORDS } from './names';
import { columnLetters, toA1 } from './address';
import type { CellRange } from './grid';
import { BASIS_SUGGESTIONS, defaultIndicatorRows, getProfile } from './taxonomy';
import type { ProfileId } from './types';

export const TITLE = '项目绩效目标表';
/** The title with its budget year when one is set (`2026年度项目绩效目标表`, SPEC §1). */
export function titleFor(year?: string): string {
  const y = (year ?? '').trim();
  return /^\d{4}$/.test(y) ? `${y}年度${TITLE}` : TITLE;
}
/** A title the template wrote, with or without its year. */
export const TEMPLATE_TITLE = /^(\d{4}年度)?项目绩效目标表$/;
/** The line under the table that makes the printout ready to sign (SPEC §1, on in 设置). */
export const SIGNATURE_LINE = '填报人：            联系电话：            填报日期：';
export const MONEY_UNIT_LABEL = '单位：万元';

/** The labels of the standard table, as the template writes them. */
export const LABELS = {
  code: '项目编码',
  name: '项目名称',
  budgetBlock: '预算规模及资金用途',
  budgetTotal: '预算数',
  budgetFiscal: '其中：财政资金',
  budgetOther: '其他资金',
  plan: '资金支出计划（%）',
  goal: '绩效目标',
  level1: '一级指标',
  level2: '二级指标',
  indicatorName: '三级指标',
  description: '绩效指标描述',
  value: '指标值',
  basis: '指标值确定依据',
} as const;

export const PLAN_PERIODS = ['3月底', '6月底', '10月底', '12月底'] as const;
export const SUMMARY_SHEET = '汇总';
/** The 汇总 sheet's header row (0-based), under its title and unit line; the projects follow it. */
export const SUMMARY_HEADER_ROW = 2;
/** The hidden sheet holding the dropdown lists behind the template's defined names. */
export const LIST_SHEET = '_绩效指标列表';
export const MARK_FILL = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

/** Number formats: text keeps what the user types (`=100%`, `75%`) as typed; amounts and plan are numbers. */
export const TEXT_FORMAT = '@';
export const NUMBER_FORMAT = '0.00';

export type TableRole =
  | 'unitLine'
  | 'code'
  | 'name'
  | 'budgetTotal'
  | 'budgetFiscal'
  | 'budgetOther'
  | 'usage'
  | 'plan1'
  | 'plan2'
  | 'plan3'
  | 'plan4'
  | 'goal';
export type IndicatorRole = 'level1' | 'level2' | 'indicatorName' | 'description' | 'value' | 'basis';
export type Role = TableRole | IndicatorRole;

export const PLAN_ROLES = ['plan1', 'plan2', 'plan3', 'plan4'] as const;

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  font?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'center' | 'top';
  wrap?: boolean;
  /** Indent from the cell border, in Excel's indent levels (text never touches the border). */
  indent?: number;
  border: boolean;
}

export interface TemplateCell {
  /** 0-based absolute position. */
  row: number;
  col: number;
  value?: string;
  /** Input cells carry their role; indicator cells carry theirs, the row telling which indicator. */
  role?: Role;
  label?: boolean;
  numberFormat: string;
  locked: boolean;
  style: CellStyle;
}

export interface DataValidationSpec {
  /** A1 range on the table's sheet. */
  range: string;
  /** The list source as Excel takes it (`=name` or an `=INDIRECT(…)` formula). */
  list: string;
  /** Off, so that synonyms, older names and document numbers can still be typed. */
  showErrorAlert: false;
  prompt?: string;
}

export interface ConditionalFormatSpec {
  /** A1 range on the table's sheet. */
  range: string;
  /** Written for the range's top-left cell; relative references shift for the other cells. */
  formula: string;
  fill: string;
  /** The SPEC §4 rule the format mirrors. */
  rule: string;
}

export interface PrintSpec {
  orientation: 'portrait';
  paper: 'A4';
  fitToWidth: 1;
  fitToHeight: 0;
  centerHorizontally: true;
}

export interface TemplateSpec {
  /** 0-based absolute first and last row, first and last column of the table. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Every cell of the table's rectangle (merged cells included, for borders and formats). */
  cells: TemplateCell[];
  /** Cells outside the table (the signature line below it), written but not part of its range. */
  extraCells: TemplateCell[];
  merges: CellRange[];
  /** Seven widths, in characters, for the table's columns left to right. */
  columnWidths: number[];
  /** Row heights in points. */
  rowHeights: { row: number; height: number }[];
  print: PrintSpec;
  /** Where each input goes (A1); indicator roles point at the first indicator row. */
  roles: Record<Role, string>;
  indicatorBlock: { headerRow: number; firstRow: number; lastRow: number };
  dataValidations: DataValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** Lists for the hidden list sheet, each behind a workbook-level defined name. */
  lists: { name: string; values: string[] }[];
}

export interface TemplateOptions {
  profile: ProfileId;
  /** 0-based first row of the table (default 0). */
  top?: number;
  /** 0-based first column of the table (default 0, column A). */
  left?: number;
  unitCode?: string;
  unitName?: string;
  projectName?: string;
  /** Number of indicator rows; default one per 二级 of the profile. */
  indicatorRows?: number;
  /** The budget year (`2026`): the title then reads `2026年度项目绩效目标表`. */
  year?: string;
  /** Write the signature line (填报人、联系电话、填报日期) under the table. */
  signature?: boolean;
}

/** Row offsets from the table's first row (SPEC §1). */
export const ROW = {
  title: 0,
  unit: 1,
  code: 2,
  budget: 3,
  usage: 4,
  planLabels: 5,
  planValues: 6,
  goal: 7,
  header: 8,
  firstIndicator: 9,
} as const;

/** Column offsets from the table's first column of the indicator block (SPEC §1). */
export const INDICATOR_COL: Record<IndicatorRole, number> = {
  level1: 0,
  level2: 1,
  indicatorName: 2,
  description: 3,
  value: 5,
  basis: 6,
};

/**
 * Column widths in characters. Column A holds the row labels: wide enough for seven Chinese
 * characters, so that 资金支出计划（%） breaks before its bracket and 预算规模及资金用途 after 资金
 * rather than inside a word (SPEC §1 print); G fits 指标值确定依据 on one line.
 */
const WIDTHS = [16, 12, 17, 14, 12, 12, 15];
const FONT = '宋体';
const FONT_SIZE = 11;

/** The prefix of the defined names behind one profile's dropdowns (`hebei_2019_`). */
export function listNamePrefix(profile: ProfileId): string {
  return `${profile.replace(/-/g, '_')}_`;
}

/** The defined name of the 依据 suggestions list (shared by all profiles). */
export const BASIS_LIST_NAME = 'basis_suggestions';

/**
 * Excel defined names: a letter (any script), `_` or `\` first, then letters, digits, `_` or `.`;
 * no spaces; not a cell reference. The profile prefix keeps names clear of A1/R1C1 references.
 */
function definedName(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}_.]/gu, '_');
}

export function buildTemplate(options: TemplateOptions): TemplateSpec {
  const profile = getProfile(options.profile);
  const r = options.top ?? 0;
  const c = options.left ?? 0;
  const defaults = defaultIndicatorRows(profile);
  const count = options.indicatorRows ?? defaults.length;
  const header = r + ROW.header;
  const first = r + ROW.firstIndicator;
  const last = first + count - 1;
  const bottom = Math.max(header, last);
  const right = c + 6;

  const cells = new Map<string, TemplateCell>();
  const key = (row: number, col: number): string => `${row}:${col}`;
  const base = (row: number, col: number): TemplateCell => ({
    row,
    col,
    numberFormat: TEXT_FORMAT,
    locked: true,
    style: { font: FONT, fontSize: FONT_SIZE, vertical: 'center', border: true },
  });
  for (let row = r; row <= bottom; row++)
    for (let col = c; col <= right; col++) cells.set(key(row, col), base(row, col));

  const merges: CellRange[] = [];
  const merge = (top: number, left: number, b: number, rt: number): void => {
    merges.push({ top, left, bottom: b, right: rt });
  };
  const set = (
    row: number,
    col: number,
    patch: Partial<Omit<TemplateCell, 'style'>>,
    style: Partial<CellStyle> = {},
  ): void => {
    const cell = cells.get(key(row, col)) as TemplateCell;
    Object.assign(cell, patch);
    cell.style = { ...cell.style, ...style };
  };
  /** A merged region takes its master's format, lock and style, so borders and protection are uniform. */
  const spread = (m: CellRange): void => {
    const master = cells.get(key(m.top, m.left)) as TemplateCell;
    for (let row = m.top; row <= m.bottom; row++)
      for (let col = m.left; col <= m.right; col++) {
        if (row === m.top && col === m.left) continue;
        const cell = cells.get(key(row, col)) as TemplateCell;
        cell.numberFormat = master.numberFormat;
        cell.locked = master.locked;
        cell.style = { ...master.style };
      }
  };
  const label = (row: number, col: number, value: string, style: Partial<CellStyle> = {}): void =>
    set(row, col, { value, label: true }, { bold: true, horizontal: 'center', wrap: true, ...style });
  const input = (
    row: number,
    col: number,
    role: Role,
    numberFormat: string,
    style: Partial<CellStyle> = {},
    value?: string,
  ): void => set(row, col, { role, numberFormat, locked: false, ...(value ? { value } : {}) }, style);

  const roles = {} as Record<Role, string>;
  const at = (role: Role, row: number, col: number): void => {
    roles[role] = toA1(row, col);
  };

  // The title and the unit line stand above the table, as on the official form: no borders.
  for (let col = c; col <= right; col++) {
    set(r, col, {}, { border: false });
    set(r + ROW.unit, col, {}, { border: false });
  }
  set(r, c, { value: titleFor(options.year) }, { bold: true, fontSize: 16, horizontal: 'center' });
  merge(r, c, r, right);

  const unitLine = `${options.unitCode ?? ''}${options.unitName ?? ''}`;
  input(r + ROW.unit, c, 'unitLine', TEXT_FORMAT, { horizontal: 'left', indent: 0 }, unitLine);
  merge(r + ROW.unit, c, r + ROW.unit, c + 4);
  at('unitLine', r + ROW.unit, c);
  set(r + ROW.unit, c + 5, { value: MONEY_UNIT_LABEL, label: true }, { horizontal: 'right' });
  merge(r + ROW.unit, c + 5, r + ROW.unit, c + 6);

  const rc = r + ROW.code;
  label(rc, c, LABELS.code);
  input(rc, c + 1, 'code', TEXT_FORMAT, { horizontal: 'left' });
  merge(rc, c + 1, rc, c + 2);
  at('code', rc, c + 1);
  label(rc, c + 3, LABELS.name);
  input(rc, c + 4, 'name', TEXT_FORMAT, { horizontal: 'left', wrap: true }, options.projectName);
  merge(rc, c + 4, rc, c + 6);
  at('name', rc, c + 4);

  const rb = r + ROW.budget;
  label(rb, c, LABELS.budgetBlock);
  merge(rb, c, rb + 1, c);
  label(rb, c + 1, LABELS.budgetTotal);
  input(rb, c + 2, 'budgetTotal', NUMBER_FORMAT, { horizontal: 'right' });
  at('budgetTotal', rb, c + 2);
  label(rb, c + 3, LABELS.budgetFiscal);
  input(rb, c + 4, 'budgetFiscal', NUMBER_FORMAT, { horizontal: 'right' });
  at('budgetFiscal', rb, c + 4);
  label(rb, c + 5, LABELS.budgetOther);
  input(rb, c + 6, 'budgetOther', NUMBER_FORMAT, { horizontal: 'right' });
  at('budgetOther', rb, c + 6);

  const ru = r + ROW.usage;
  input(ru, c + 1, 'usage', TEXT_FORMAT, { horizontal: 'left', wrap: true });
  merge(ru, c + 1, ru, right);
  at('usage', ru, c + 1);

  const rp = r + ROW.planLabels;
  label(rp, c, LABELS.plan);
  merge(rp, c, rp + 1, c);
  PLAN_ROLES.forEach((role, i) => {
    label(rp, c + 1 + i, PLAN_PERIODS[i] ?? '');
    input(rp + 1, c + 1 + i, role, NUMBER_FORMAT, { horizontal: 'center' });
    at(role, rp + 1, c + 1 + i);
  });
  merge(rp, c + 5, rp + 1, right);

  const rg = r + ROW.goal;
  label(rg, c, LABELS.goal);
  input(rg, c + 1, 'goal', TEXT_FORMAT, { horizontal: 'left', wrap: true });
  merge(rg, c + 1, rg, right);
  at('goal', rg, c + 1);

  label(header, c + INDICATOR_COL.level1, LABELS.level1);
  label(header, c + INDICATOR_COL.level2, LABELS.level2);
  label(header, c + INDICATOR_COL.indicatorName, LABELS.indicatorName);
  label(header, c + INDICATOR_COL.description, LABELS.description);
  merge(header, c + 3, header, c + 4);
  label(header, c + INDICATOR_COL.value, LABELS.value);
  label(header, c + INDICATOR_COL.basis, LABELS.basis);

  for (let i = 0; i < count; i++) {
    const row = first + i;
    const preset = defaults[i];
    input(
      row,
      c + INDICATOR_COL.level1,
      'level1',
      TEXT_FORMAT,
      { horizontal: 'center', wrap: true },
      preset?.level1,
    );
    input(
      row,
      c + INDICATOR_COL.level2,
      'level2',
      TEXT_FORMAT,
      { horizontal: 'center', wrap: true },
      preset?.level2,
    );
    input(row, c + INDICATOR_COL.indicatorName, 'indicatorName', TEXT_FORMAT, {
      horizontal: 'left',
      wrap: true,
    });
    input(row, c + INDICATOR_COL.description, 'description', TEXT_FORMAT, { horizontal: 'left', wrap: true });
    merge(row, c + 3, row, c + 4);
    input(row, c + INDICATOR_COL.value, 'value', TEXT_FORMAT, { horizontal: 'center', wrap: true });
    input(row, c + INDICATOR_COL.basis, 'basis', TEXT_FORMAT, { horizontal: 'left', wrap: true });
  }
  for (const role of Object.keys(INDICATOR_COL) as IndicatorRole[]) at(role, first, c + INDICATOR_COL[role]);

  // Left-aligned text keeps one indent level from the cell border, so it never touches the line.
  for (const cell of cells.values())
    if (cell.style.horizontal === 'left' && cell.style.border && cell.style.indent === undefined)
      cell.style = { ...cell.style, indent: 1 };
  for (const m of merges) spread(m);

  const extraCells: TemplateCell[] = [];
  if (options.signature) {
    const row = bottom + 1;
    extraCells.push({
      ...base(row, c),
      value: SIGNATURE_LINE,
      style: { font: FONT, fontSize: FONT_SIZE, vertical: 'center', horizontal: 'left', border: false },
    });
  }

  const rowHeights: { row: number; height: number }[] = [
    { row: r, height: 36 },
    { row: r + ROW.unit, height: 20 },
    { row: rc, height: 24 },
    { row: rb, height: 24 },
    { row: ru, height: 72 },
    { row: rp, height: 20 },
    { row: rp + 1, height: 20 },
    { row: rg, height: 72 },
    { row: header, height: 30 },
  ];
  for (let row = first; row <= last; row++) rowHeights.push({ row, height: 40 });
  if (options.signature) rowHeights.push({ row: bottom + 1, height: 30 });

  const prefix = listNamePrefix(options.profile);
  const level1List = `${prefix}一级指标`;
  const lists: { name: string; values: string[] }[] = [
    { name: level1List, values: profile.level1.map((l) => l.name) },
  ];
  for (const l1 of profile.level1) {
    const values = l1.level2.map((l) => l.name);
    // Aliases get their own name so that a synonym typed in 一级 still offers its 二级.
    for (const n of [l1.name, ...l1.aliases]) lists.push({ name: definedName(prefix + n), values });
  }
  lists.push({ name: BASIS_LIST_NAME, values: [...BASIS_SUGGESTIONS] });

  const dataValidations: DataValidationSpec[] = [];
  const conditionalFormats: ConditionalFormatSpec[] = [];
  if (count > 0) {
    const colRange = (col: number): string => `${toA1(first, c + col)}:${toA1(last, c + col)}`;
    const level1Ref = `$${columnLetters(c)}${first + 1}`;
    dataValidations.push(
      { range: colRange(INDICATOR_COL.level1), list: `=${level1List}`, showErrorAlert: false },
      {
        range: colRange(INDICATOR_COL.level2),
        list: `=INDIRECT("${prefix}"&SUBSTITUTE(SUBSTITUTE(${level1Ref}," ",""),"\u3000",""))`,
        showErrorAlert: false,
      },
      { range: colRange(INDICATOR_COL.basis), list: `=${BASIS_LIST_NAME}`, showErrorAlert: false },
    );
  }
  conditionalFormats.push(...templateRules(r, c, first, last));

  return {
    top: r,
    bottom,
    left: c,
    right,
    cells: [...cells.values()],
    extraCells,
    merges,
    columnWidths: [...WIDTHS],
    rowHeights,
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 0, centerHorizontally: true },
    roles,
    indicatorBlock: { headerRow: header, firstRow: first, lastRow: last },
    dataValidations,
    conditionalFormats,
    lists,
  };
}

/** Comparator words and signs a 指标值 may carry (SPEC §3), removed before reading the number. */
const COMPARATOR_TEXTS = [
  '大于等于',
  '小于等于',
  '不低于',
  '不少于',
  '不小于',
  '不高于',
  '不超过',
  '不多于',
  '控制在',
  '至少',
  '达到',
  '等于',
  '以上',
  '以内',
  '以下',
  '≥',
  '≤',
  '≧',
  '≦',
  '＞',
  '＜',
  '＝',
  '>',
  '<',
  '=',
];

/** Units of SPEC §3 whose kind is count, and money: one character each once folded. */
const COUNT_UNIT_CHARS = '个件次人户台套辆项场份篇期座所批张本册处家条名';

/**
 * `TRIM` of the cell's text with comparators removed and `％` folded: `≥ 90％` → `90%`.
 * Only the formula subset of HELPERS.md: nested SUBSTITUTE, TRIM.
 */
function bareValue(ref: string): string {
  let f = `SUBSTITUTE(${ref},"％","%")`;
  for (const t of COMPARATOR_TEXTS) f = `SUBSTITUTE(${f},"${t}","")`;
  return `TRIM(${f})`;
}

/** The template's own highlighting (SPEC §1), each mirroring a rule of SPEC §4. */
function templateRules(r: number, c: number, first: number, last: number): ConditionalFormatSpec[] {
  const red = MARK_FILL.error;
  const ref = (row: number, col: number): string => toA1(row, col);
  const pr = r + ROW.planValues;
  const plan = (i: number): string => ref(pr, c + 1 + i);
  const planRange = `${plan(0)}:${plan(3)}`;
  const p = plan(0);
  const num = (x: string): string => `IF(ISNUMBER(${x}),${x},VALUE(${x}))`;
  const filled = (x: string): string => `LEN(TRIM(${x}))>0`;

  const rb = r + ROW.budget;
  const total = ref(rb, c + 2);
  const fiscal = ref(rb, c + 4);
  const other = ref(rb, c + 6);

  const rules: ConditionalFormatSpec[] = [
    {
      rule: 'plan/not-number',
      range: planRange,
      formula: `IF(ISERROR(${p}),TRUE,AND(${filled(p)},ISERROR(${num(p)})))`,
      fill: red,
    },
    {
      rule: 'plan/out-of-range',
      range: planRange,
      formula: `IFERROR(IF(${filled(p)},OR(${num(p)}<0,${num(p)}>100),FALSE),FALSE)`,
      fill: red,
    },
    {
      rule: 'plan/decreasing',
      range: `${plan(1)}:${plan(3)}`,
      // Cumulative: a period below the largest filled period before it went down.
      formula: `IFERROR(AND(ISNUMBER(${plan(1)}),${plan(1)}<MAX($${columnLetters(c + 1)}${pr + 1}:${plan(0)})),FALSE)`,
      fill: red,
    },
    {
      rule: 'plan/not-complete',
      range: plan(3),
      formula: `IFERROR(IF(${filled(plan(3))},ABS(${num(plan(3))}-100)>0.005,FALSE),FALSE)`,
      fill: red,
    },
    {
      rule: 'budget/sum-mismatch',
      range: total,
      // Only once 预算数 and 财政资金 are both numbers: a half-typed budget is not a mistake yet.
      formula:
        `IFERROR(AND(ISNUMBER(${total}),ISNUMBER(${fiscal}),OR(ISNUMBER(${other}),LEN(TRIM(${other}))=0),` +
        `ABS(${fiscal}+N(${other})-${total})>0.005),FALSE)`,
      fill: red,
    },
  ];

  if (last >= first) {
    const v = ref(first, c + INDICATOR_COL.value);
    const name = ref(first, c + INDICATOR_COL.indicatorName);
    const valueRange = `${v}:${ref(last, c + INDICATOR_COL.value)}`;
    const bare = bareValue(v);
    rules.push({
      rule: 'indicator/rate-out-of-range',
      range: valueRange,
      formula: `IFERROR(AND(RIGHT(${bare},1)="%",ABS(VALUE(${bare})-0.5)>0.5),FALSE)`,
      fill: red,
    });
    // Only the end of the value matters here: drop the suffix comparators, fold two-character
    // units to their last character, then one look at the end says the unit.
    const folded =
      `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${v},"以上",""),"以内",""),"以下","")),` +
      `"万元","元"),"亿元","元"),"人次","次"),"万人","人")`;
    const nm = `TRIM(${name})`;
    // The words that make a name a percentage (names.ts), as Excel tests an ending.
    const percentName = `OR(${NAME_WORDS.percent.map((w) => `RIGHT(${nm},${w.length})="${w}"`).join(',')})`;
    rules.push({
      rule: 'indicator/unit-mismatch',
      range: valueRange,
      formula:
        `IFERROR(AND(${percentName},ISNUMBER(FIND(RIGHT(${folded},1),"${COUNT_UNIT_CHARS}元")),` +
        `ISNUMBER(FIND(MID(${folded},LEN(${folded})-1,1),"0123456789"))),FALSE)`,
      fill: red,
    });
  }
  return rules;
}

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/g;

/**
 * A worksheet name for a new project: ≤31 characters, without `[]:*?/\`, not starting or ending
 * with an apostrophe, unique (case-insensitively, as Excel compares) against `existing` and the
 * add-in's own sheets, and not `History`, which Excel reserves; `项目1`, `项目2` … when the project
 * has no usable name.
 */
export function sheetNameFor(projectName: string, existing: string[]): string {
  const taken = new Set([...existing, SUMMARY_SHEET, LIST_SHEET, 'History'].map((s) => s.toLowerCase()));
  const base = [...projectName.replace(FORBIDDEN_SHEET_CHARS, '').replace(/\s+/g, ' ').trim()]
    .slice(0, 31)
    .join('')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base) {
    if (!taken.has(base.toLowerCase())) return base;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = [...base].slice(0, 31 - suffix.length).join('') + suffix;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }
  for (let n = 1; ; n++) {
    const candidate = `项目${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
