/** The domain's shared shapes: what the reader produces, what rules report, what the grammar returns. */

import type { GridCell } from './grid';

export type ProfileId = 'hebei-2019' | 'mof-2015' | 'mof-2021';
export type ProfileChoice = ProfileId | 'auto';
export type Lang = 'zh-CN' | 'en-US';
export type Severity = 'error' | 'warning' | 'info';

/** A cell the reader located, with what it holds. Present even when the cell is empty. */
export interface Field {
  /** A1 address on the table's sheet. */
  cell: string;
  /** 0-based absolute position. */
  row: number;
  col: number;
  /** The raw grid cell (undefined when empty). For a merged region, the master's cell. */
  raw: GridCell | undefined;
  /** Trimmed text of the value ('' when empty); numbers as JS prints them. */
  text: string;
  /**
   * The value shares its cell with its label (`年度资金总额:16`): `raw` and `text` are the value's part
   * only, and no fix may write the cell (the label would be lost).
   */
  embedded?: boolean;
  /**
   * A money figure's own unit when its label or the cell after it states one (`其中：财政资金（元） |
   * 800000` in a 万元 table): 1 for 万元, 0.0001 for 元. readAmount converts it to the table's unit.
   */
  moneyUnit?: 1 | 0.0001;
}

/** Rows of a sheet that no table read, where they begin it (src/domain/stray.ts). */
export interface StrayRows {
  sheet: string;
  /** The rows' rectangle, A1 (`A1:F5`). */
  range: string;
  /** The first filled cell of the first row: where the user is sent. */
  cell: Field;
  /** How many rows. */
  rows: number;
  /** The last row, 0-based and absolute. */
  last: number;
}

/** An indicator row of the table's indicator block. */
export interface Indicator {
  /** 0-based absolute row. */
  row: number;
  /**
   * 一级/二级 as they apply to this row: a blank or merged cell continues the row above
   * (`inherited` true), and the Field then points at the cell actually holding the name.
   */
  level1: Field & { inherited: boolean };
  level2: Field & { inherited: boolean };
  name: Field;
  description?: Field;
  /** The value cell (指标值). */
  value: Field;
  basis?: Field;
  /** Split layouts only: the comparator column (指标性质/计算符号) and the unit column (计量单位). */
  comparator?: Field;
  unit?: Field;
  /**
   * A self-evaluation's columns (SPEC §12), where the form has them: 实际完成值, 分值, 得分 and
   * 偏差原因分析及改进措施.
   */
  actual?: Field;
  weight?: Field;
  score?: Field;
  deviation?: Field;
  /** The value as one text: `comparator + value + unit` for split layouts, else the value's text. */
  valueText: string;
}

/** Where the reader looked for something and did not find it (reported by a finding). */
export interface ReaderNote {
  what: 'name' | 'code' | 'budget' | 'fiscal' | 'plan' | 'goal' | 'indicators';
  /** The cell where the reader looked (A1), or where the user should act. */
  cell: string;
  /**
   * Why the part was not read when it was found: `amounts`, a 资金支出计划 written in money where the
   * form asks for cumulative percentages; `multiYear`, a budget whose only total is of several years
   * (`中期资金总额`, `2023-2025年资金总额`), never this year's; `sourceBeside` (fiscal), a source of
   * fiscal money beside a total that is one level's money (`该项目支出上级资金` beside `本级预算金额`),
   * which may be part of it or added to it; `noAmount` (budget), the total's label found with no
   * cell for its figure; `columns` (budget), a money line with several figures beside its label and
   * no column heading over them to say which is this year's budget; `cutOff` (budget), a money block's
   * part lines beginning the sheet with no total above them, the rest of a block cut off at a page.
   * Absent: the part's label was not found.
   */
  reason?: 'amounts' | 'multiYear' | 'sourceBeside' | 'periods' | 'noAmount' | 'columns' | 'cutOff';
  /**
   * With `multiYear`: the label of the figure set aside (`中期资金总额`); with `noAmount`, the total's; with
   * `columns`, the money line's; with `cutOff`, the first part's;
   * with `sourceBeside`, the
   * source's; with `periods` (plan), the plan's own period headings (`3月底、6月底、9月底、12月底`),
   * not the form's four. As written.
   */
  label?: string;
  /**
   * With `sourceBeside`: the source's amount as written, and the total's label. With `columns`: the
   * line's figures as written, joined by `、`.
   */
  value?: string;
  totalLabel?: string;
}

/**
 * What kind of form a table is (SPEC §5): a target table (目标表, 申报表, 批复表, 审批表), a year-end
 * self-evaluation (自评表, with 实际完成值/得分 columns, §12), or a whole department's table (部门整体).
 */
export type FormKind = 'target' | 'selfEval' | 'department';

/** The categories an indicator block gives its indicators (TargetTable.columns.levels). */
export type IndicatorLevels = 'full' | 'level1' | 'none';

export interface TargetTable {
  sheet: string;
  form: FormKind;
  /** From the title line (when it has one) to the last indicator row, e.g. `A1:G15`. */
  range: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The profile the table was read and is checked with. */
  profile: ProfileId;
  title?: Field;
  /**
   * The reporting unit (填报单位) as the unit line names it (`207002中国共产党临西县委员会信访局`), when
   * known; not to be confused with a value's unit of measure (计量单位, Indicator.unit).
   */
  reportingUnit?: string;
  /** Multiply an amount by this to get 万元: 1 for 万元 tables, 0.0001 for 元. */
  moneyScale: 1 | 0.0001;
  /** Fields are undefined only when their label is missing from the table entirely. */
  code?: Field;
  name?: Field;
  /**
   * 预算数 (年度资金总额 …), 其中：财政资金 (财政拨款), 其他资金; `carryover` is 上年结转, present only
   * where the layout has it (the 财政部 forms: total = 财政拨款 + 上年结转 + 其他资金).
   */
  budget: {
    total?: Field;
    fiscal?: Field;
    other?: Field;
    carryover?: Field;
    /**
     * Every line of a part when the form lists it as several to be summed (中央资金 + 市级资金, or
     * 自有资金 + 其他收入); the first is the part's Field above. Absent when each part is one line.
     */
    lines?: BudgetLines;
  };
  /** A self-evaluation's funds block (SPEC §12): 年初预算数 … 得分 by line, where the form has it. */
  funds?: FundsLine[];
  usage?: Field;
  goal?: Field;
  /** 3月底, 6月底, 10月底, 12月底; an empty array when the table has no plan block. */
  plan: Field[];
  /**
   * The same periods' amounts of money, when the form writes the plan twice (amounts in one row,
   * their share of the budget in the other): `plan` holds the percentages, these are checked
   * against them (plan/amount-mismatch).
   */
  planAmounts?: Field[];
  /**
   * Hidden rows and columns of the sheet inside the table that hold something (1-based row numbers,
   * column letters), and the first such cell; or (`sheet`) the whole sheet hidden, `cell` the table's
   * name. Read as written, which a reader of the printed table cannot see.
   */
  hiddenContent?: { rows: number[]; cols: string[]; cell: Field; sheet?: boolean };
  /**
   * Indicator rows that begin a later sheet or Word table with no header of their own, unread: this
   * table's indicators continued after a page break (set by the analysis of the whole workbook or
   * document, not by the reader of one sheet).
   */
  continuedIn?: StrayRows;
  /** The header row of the indicator block: the cell holding 一级指标 (undefined when absent). */
  indicatorHeader?: Field;
  /** A self-evaluation's 总分 line under its indicators: its cells under 分值 and 得分, as typed. */
  scoreTotal?: { label: Field; weight?: Field; score?: Field };
  /**
   * Which optional columns the indicator block has. `levels`: the categories it gives its indicators —
   * `full` (一级 and 二级, or a 二级 that names its 一级), `level1` (a 一级 column only: `指标 | 指标内容
   * | 指标值`), `none` (指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值): the rules judge only those.
   */
  columns: { description: boolean; basis: boolean; levels: IndicatorLevels };
  indicators: Indicator[];
  notes: ReaderNote[];
}

export type BudgetPart = 'fiscal' | 'carryover' | 'other';
export type BudgetLines = Record<BudgetPart, Field[]>;

export interface FundsLine {
  line: 'total' | BudgetPart;
  label: Field;
  /** The texts of the funds block's heading row (`预算执行情况(万元)(20分) | 预算数(A) | … | 得分(20分*执行率)`). */
  headings?: string[];
  cells: Partial<Record<'yearStart' | 'yearBudget' | 'executed' | 'weight' | 'rate' | 'score', Field>>;
}

/** The cells of a budget part: its lines when the form breaks it down, else its one field (or none). */
export function budgetLines(table: Pick<TargetTable, 'budget'>, part: BudgetPart): Field[] {
  const lines = table.budget.lines?.[part];
  if (lines) return lines;
  const field = table.budget[part];
  return field ? [field] : [];
}

/** A one-cell change that resolves a finding. */
export interface Fix {
  sheet: string;
  cell: string;
  value: string | number;
}

export interface Finding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  /** The message in the language asked for; it names the cell's content and says what is expected. */
  message: string;
  messageId: string;
  data: Record<string, string | number>;
  fix?: Fix;
  /** Index of the table in the list validated (undefined for workbook-level findings). */
  table?: number;
  /**
   * An empty required cell of a table just inserted and not yet edited or validated: listed as
   * 待填写 (progress), not as a defect, and not marked (SPEC §4, §8). Set by the workbook analysis.
   */
  toFill?: true;
}

/** The kinds of value the grammar knows (SPEC §3). */
export type ValueKind = 'percent' | 'count' | 'time' | 'money' | 'other' | 'date' | 'qualitative';
export type Comparator = '≥' | '≤' | '>' | '<' | '=';

/** What the 指标值 parser understood. */
export interface ParsedValue {
  input: string;
  /** True for comparator? number unit?; false for text and dates. */
  quantitative: boolean;
  comparator: Comparator | null;
  /** Decimal string without needless zeros (`12.5`), or null. */
  number: string | null;
  /** Normalised unit (`%`, `万元`, `米` …) or null. */
  unit: string | null;
  kind: ValueKind;
  /** The canonical text (`≥90%`, `＝100%`), or null when qualitative. */
  canonical: string | null;
}

/** What a quantity measures, in the terms names use (SPEC §3): the one kind type of the domain. */
export type MeasureKind = 'percent' | 'count' | 'time' | 'money';

/** What an indicator's name implies (SPEC §3), or what a reference source says of it (SPEC §13). */
export interface NameExpectation {
  kind: MeasureKind | null;
  /** Smaller is better (a count of, or a rate ending in, an adverse event). */
  reverse: boolean;
  /** The name asks for a satisfaction rate (满意度). */
  satisfaction: boolean;
  /** The reference indicator the kind and direction were taken from, when the library knows the name. */
  reference?: ReferenceIndicator;
}

/** What a reference source writes for a 三级指标 (SPEC §13), as the rules use it. */
export interface ReferenceIndicator {
  /** The kind of value the source gives; null for words or a unit that is none of the four. */
  kind: MeasureKind | null;
  /** Smaller is better: the source caps the value (≤, <). */
  reverse: boolean;
  /** The value as the source writes it (`≤7工作日`). */
  example: string;
  /** Who published it, to name in a finding. */
  source: string;
}

/**
 * Looks a 三级指标 up in a reference library by name and the row's 二级. The rules take it as an
 * argument (ValidateOptions.references) so that the data, a chunk of its own, stays out of the rules.
 */
export type ReferenceLookup = (name: string, level2: string) => ReferenceIndicator | undefined;
