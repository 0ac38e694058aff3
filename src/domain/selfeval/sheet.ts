/**
 * The 项目支出绩效自评表 (财预〔2020〕10号) generated from a target table (SPEC §12), as data: cells
 * with their values or live formulas, merges, widths, dropdowns, what is unlocked, how it prints.
 * The Excel adapter and the command line write it; the formulas compute exactly what
 * evaluate.ts computes (a property test holds them to it), so the sheet scores itself in Excel,
 * WPS and LibreOffice.
 */

import Big from 'big.js';
import { columnLetters, toA1 } from '../address';
import type { CellRange, Grid, GridCell } from '../grid';
import { LIST_SHEET, SUMMARY_SHEET, TEXT_FORMAT, type CellStyle, type PrintSpec } from '../layout';
import { filled, valueInfo } from '../rules/support';
import { budgetLines, type Field, type TargetTable } from '../types';
import { readAmount } from '../amounts';
import { moneyFactors, takesPercentOfBare, targetOf, type Target } from './evaluate';
import { convertibleUnits, factorTo } from './units';
import { QUALITATIVE_GRADES } from './score';
import { defaultWeights, FUNDS_WEIGHT } from './weights';

export const SELF_EVAL_TITLE = '项目支出绩效自评表';
export const SELF_EVAL_SHEET_PREFIX = '自评-';
/** What a score cell shows when its inputs cannot be scored (never 0: SPEC §12). */
export const UNSCORABLE = '无法计分';
export const SCORE_FORMAT = '0.00';
export const RATE_FORMAT = '0.00%';

export const SELF_EVAL_LABELS = {
  name: '项目名称',
  department: '主管部门',
  implementer: '实施单位',
  funds: '项目资金（万元）',
  yearStart: '年初预算数',
  yearBudget: '全年预算数',
  executed: '全年执行数',
  weight: '分值',
  rate: '执行率',
  score: '得分',
  total: '年度资金总额',
  fiscal: '其中：财政资金',
  other: '其他资金',
  goal: '年度总体目标',
  expected: '预期目标',
  achieved: '实际完成情况',
  level1: '一级指标',
  level2: '二级指标',
  indicatorName: '三级指标',
  value: '年度指标值',
  actual: '实际完成值',
  deviation: '偏差原因分析及改进措施',
  sum: '总分',
  grade: '评价等级',
} as const;

export interface SheetCell {
  /** 0-based. */
  row: number;
  col: number;
  value?: string | number;
  /** A formula starting with `=`. */
  formula?: string;
  numberFormat: string;
  locked: boolean;
  style: CellStyle;
}

export interface ListValidation {
  /** A1 range. */
  range: string;
  /** The choices, written inline (`"a,b,c"`): no list sheet needed. */
  values: string[];
}

/** One indicator row of the generated sheet: where its inputs and its score are. */
export interface SelfEvalRow {
  row: number;
  actual: string;
  weight: string;
  score: string;
  deviation: string;
  /** Quantitative rows score themselves (a formula); qualitative ones are scored by the user. */
  qualitative: boolean;
}

export interface SelfEvalSheetSpec {
  title: string;
  cells: SheetCell[];
  merges: CellRange[];
  columnWidths: number[];
  rowHeights: { row: number; height: number }[];
  print: PrintSpec;
  /** The whole table, `A1:J20`. */
  range: string;
  dataValidations: ListValidation[];
  /** Where the user types, and where the formulas are. */
  cellsOf: {
    yearBudget: string;
    executed: string;
    rate: string;
    fundsScore: string;
    fundsWeight: string;
    goalAchieved: string;
    total: string;
    weights: string;
    grade: string;
    rows: SelfEvalRow[];
  };
}

const COLS = 10;
const WIDTHS = [12, 16, 20, 14, 14, 10, 10, 10, 10, 14];
const FONT = '宋体';
const BORDER: CellStyle = { border: true, vertical: 'center', wrap: true, font: FONT, fontSize: 10 };
const LABEL: CellStyle = { ...BORDER, horizontal: 'center', bold: true };
const INPUT: CellStyle = { ...BORDER, horizontal: 'left' };
const NUMBER: CellStyle = { ...BORDER, horizontal: 'right' };

/** `2024` from a title such as `2024年项目绩效目标表`; undefined when it names no year. */
export function yearOfTitle(text: string | undefined): number | undefined {
  const m = /(20\d{2})\s*年/u.exec(text ?? '');
  return m?.[1] ? Number(m[1]) : undefined;
}

const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;
const num = (b: { toFixed(): string }): string => b.toFixed();

/** The cell's text without a comparator copied from the target (`≥96%`), as the domain drops it. */
const withoutComparator = (cell: string): string =>
  ['≥', '≤', '>', '<', '＝', '='].reduce((inner, c) => `SUBSTITUTE(${inner},"${c}","")`, `TRIM(${cell})`);

/**
 * The formula that reads an 实际完成值 as the domain does (readActual): the number, typed bare or
 * with the target's unit, or with a unit of the same quantity converted (`480000元` for a target in
 * 万元: units.ts); anything else (another unit, a `%` on a target without one, words) fails and the
 * score says 无法计分.
 */
function actualNumber(cell: string, target: Target): string {
  const trimmed = withoutComparator(cell);
  const bare = target.unit ? `SUBSTITUTE(${trimmed},${quote(target.unit)},"")` : trimmed;
  // VALUE reads `96%` as 0.96: a percent sign the target does not have must not be read so.
  const plain = target.unit === '%' ? `VALUE(${bare})` : `VALUE(SUBSTITUTE(${bare},"%","#"))`;
  // Longest unit first, so that `万元` is taken before `元`; a factor below 1 divides (by a power of
  // ten), so that 480000元 is 48 exactly in binary as well.
  const units = target.unit ? convertibleUnits(target.unit) : [];
  return units.reduceRight((otherwise, { unit, factor }) => {
    const number = `VALUE(SUBSTITUTE(${trimmed},${quote(unit)},""))`;
    const scaled = factor.eq(1)
      ? number
      : factor.gt(1)
        ? `${number}*${num(factor)}`
        : `${number}/${num(new Big(1).div(factor))}`;
    return `IF(RIGHT(TRIM(${cell}),${unit.length})=${quote(unit)},${scaled},${otherwise})`;
  }, plain);
}

/**
 * A score rounded to cents as the domain rounds its exact decimal. Excel computes in binary:
 * (1-(19.19-10)/10)*5 is 0.40499999999999925 there, which ROUND makes 0.40 where the decimal 0.405
 * makes 0.41. Rounding to ten decimals first gives back the decimal: a score is v·w/t with two-
 * decimal inputs, so it lies on a cents boundary or at least 1e-9 away from one.
 */
const cents = (expression: string): string => `ROUND(ROUND(${expression},10),2)`;

/** The score formula of a quantitative row, as quantitativeScore computes it (SPEC §12). */
export function scoreFormula(actualCell: string, weightCell: string, target: Target): string {
  const v = actualNumber(actualCell, target);
  const t = num(target.number);
  const w = weightCell;
  // Each reads the actual value once (the formula stays short): 正向 min(max(v, 0) ÷ t, 1) × 分值,
  // 反向 min(max(1 − (v − t) ÷ t, 0), 1) × 分值 — quantitativeScore's branches, the same arithmetic.
  const scoreAgainst = (against: string, x: string): string => {
    if (against === '0') return `ROUND(IF(${x}<=0,${w},0),2)`;
    if (target.direction === 'up') return cents(`MIN(MAX(${x},0)/${against},1)*${w}`);
    return cents(`MIN(MAX(1-(${x}-${against})/${against},0),1)*${w}`);
  };
  const score = (x: string): string => scoreAgainst(t, x);
  const scaled = (x: string, factor: Big): string =>
    factor.eq(1) ? x : factor.gt(1) ? `(${x})*${num(factor)}` : `(${x})/${num(new Big(1).div(factor))}`;
  // A bare number, as the domain reads one (readActual): the cell's number, or text that is only one.
  const bareNumber = `VALUE(SUBSTITUTE(${withoutComparator(actualCell)},"%","#"))`;
  const money = target.parsed.kind === 'money' && target.unit !== null;
  const stated = money && target.rowUnit && target.unit ? factorTo(target.rowUnit, target.unit) : undefined;
  const factors = money && !target.rowUnit && target.unit ? moneyFactors(target.unit) : [];
  let body: string;
  if (target.number.lt(0)) body = quote(UNSCORABLE);
  else if (stated && !stated.eq(1))
    // The row states the unit (`项目总投入（万元）`): a bare number is in it.
    body = `IF(ISNUMBER(${bareNumber}),${score(scaled(bareNumber, stated))},${score(v)})`;
  else if (factors.length > 0) {
    // A bare amount on a row that states no unit: 元 or 万元? Scored only when every reading agrees.
    const first = score(bareNumber);
    const others = factors.map((f) => `${first}=${score(scaled(bareNumber, f))}`).join(',');
    body = `IF(ISNUMBER(${bareNumber}),IF(AND(${others}),${first},${quote(UNSCORABLE)}),${score(v)})`;
  } else if (target.unit === '%')
    // A bare number in (0, 1] may be a rate (0.98 = 98%) or a percent: scored only when both agree.
    body =
      `IF(AND(ISERROR(FIND("%",TRIM(${actualCell}))),${v}>0,${v}<=1),` +
      `IF(${score(v)}=${score(`(${v})*100`)},${score(v)},${quote(UNSCORABLE)}),${score(v)})`;
  else if (takesPercentOfBare(target)) {
    // A percent against a target without a unit: the target in percent, or the share of it achieved —
    // scored only when both agree, as the domain (percentOfBare).
    // (percentOfBareScores: a rate's target in (0, 1] may be the rate itself, 0.95 for 95 %.)
    const p = `VALUE(SUBSTITUTE(${withoutComparator(actualCell)},"%",""))`;
    const other =
      target.nameKind === 'percent'
        ? scoreAgainst(num(target.number.times(100)), p)
        : score(`(${p})*${t}/100`);
    body =
      `IF(ISNUMBER(FIND("%",TRIM(${actualCell}))),` +
      `IF(${score(p)}=${other},${score(p)},${quote(UNSCORABLE)}),${score(v)})`;
  } else body = score(v);
  return `=IF(TRIM(${actualCell})="","",IFERROR(${body},${quote(UNSCORABLE)}))`;
}

/** 执行率 = 全年执行数 ÷ 全年预算数, blank until both are typed. */
export function rateFormula(budgetCell: string, executedCell: string): string {
  return (
    `=IF(OR(${budgetCell}="",${executedCell}=""),"",` +
    `IF(AND(ISNUMBER(${budgetCell}),ISNUMBER(${executedCell})),` +
    `IF(${budgetCell}>0,${executedCell}/${budgetCell},${quote(UNSCORABLE)}),${quote(UNSCORABLE)}))`
  );
}

/** min(执行率, 1) × 分值 (a negative rate scores 0). */
export function rateScoreFormula(rateCell: string, weightCell: string): string {
  return `=IF(ISNUMBER(${rateCell}),${cents(`MIN(MAX(${rateCell},0),1)*${weightCell}`)},${rateCell})`;
}

/** 总分: the sum of the rounded scores, blank until every score is a number. */
export function totalFormula(scoreCells: readonly string[]): string {
  const list = scoreCells.join(',');
  return `=IF(COUNT(${list})=${scoreCells.length},ROUND(SUM(${list}),2),"")`;
}

export function gradeFormula(totalCell: string): string {
  const t = totalCell;
  return `=IF(${t}="","",IF(${t}>=90,"优",IF(${t}>=80,"良",IF(${t}>=60,"中","差"))))`;
}

/** An amount of the target table in 万元 (the generated form's unit); undefined when unreadable. */
function amountOf(field: Field | undefined, table: TargetTable): Big | undefined {
  const reading = readAmount(field, table.moneyScale);
  return reading.kind === 'number' ? reading.value.times(table.moneyScale) : undefined;
}

/** A budget part summed over its lines (中央资金 + 市级资金 …), exactly; undefined when one is unreadable. */
function partAmount(table: TargetTable, part: 'fiscal' | 'other'): Big | undefined {
  const lines = budgetLines(table, part);
  if (!lines.length) return undefined;
  let sum = new Big(0);
  for (const line of lines) {
    const v = amountOf(line, table);
    if (v === undefined) return undefined;
    sum = sum.plus(v);
  }
  return sum;
}

export interface SelfEvalOptions {
  /** The year of the evaluation when the target table's title names none. */
  year: number;
}

/** The 自评表 for one target table, at A1 of a sheet of its own. */
export function buildSelfEvalSheet(table: TargetTable, options: SelfEvalOptions): SelfEvalSheetSpec {
  const cells = new Map<string, SheetCell>();
  const merges: CellRange[] = [];
  const put = (row: number, col: number, cell: Omit<SheetCell, 'row' | 'col'>): void => {
    cells.set(`${row}:${col}`, { row, col, ...cell });
  };
  const label = (row: number, col: number, text: string, style: CellStyle = LABEL): void =>
    put(row, col, { value: text, numberFormat: TEXT_FORMAT, locked: true, style });
  const merge = (top: number, left: number, bottom: number, right: number): void => {
    if (top !== bottom || left !== right) merges.push({ top, left, bottom, right });
  };

  const year = yearOfTitle(table.title?.text) ?? options.year;
  const title = `${SELF_EVAL_TITLE}（${year}年度）`;
  const L = SELF_EVAL_LABELS;
  put(0, 0, {
    value: title,
    numberFormat: TEXT_FORMAT,
    locked: true,
    style: { border: false, bold: true, fontSize: 16, horizontal: 'center', vertical: 'center', font: FONT },
  });
  merge(0, 0, 0, COLS - 1);
  put(1, 0, {
    value: '单位：万元',
    numberFormat: TEXT_FORMAT,
    locked: true,
    style: { border: false, horizontal: 'right', vertical: 'center', font: FONT, fontSize: 10 },
  });
  merge(1, 0, 1, COLS - 1);

  label(2, 0, L.name);
  put(2, 1, { value: table.name?.text ?? '', numberFormat: TEXT_FORMAT, locked: true, style: INPUT });
  merge(2, 1, 2, COLS - 1);
  label(3, 0, L.department);
  put(3, 1, { value: '', numberFormat: TEXT_FORMAT, locked: false, style: INPUT });
  merge(3, 1, 3, 4);
  label(3, 5, L.implementer);
  put(3, 6, { value: table.reportingUnit ?? '', numberFormat: TEXT_FORMAT, locked: false, style: INPUT });
  merge(3, 6, 3, COLS - 1);

  // The funds block: rows 年度资金总额, 其中：财政资金, 其他资金 under its headings.
  label(4, 0, L.funds);
  merge(4, 0, 7, 0);
  label(4, 1, '');
  [L.yearStart, L.yearBudget, L.executed, L.weight, L.rate, L.score].forEach((t, i) => label(4, 2 + i, t));
  label(4, 8, '');
  merge(4, 8, 4, COLS - 1);
  const fundsRows: { row: number; text: string; amount: Big | undefined }[] = [
    { row: 5, text: L.total, amount: amountOf(table.budget.total, table) },
    { row: 6, text: L.fiscal, amount: partAmount(table, 'fiscal') },
    { row: 7, text: L.other, amount: partAmount(table, 'other') },
  ];
  for (const line of fundsRows) {
    const r = line.row;
    label(r, 1, line.text, { ...LABEL, bold: false, horizontal: 'left' });
    put(r, 2, {
      ...(line.amount !== undefined ? { value: line.amount.toNumber() } : {}),
      numberFormat: SCORE_FORMAT,
      locked: true,
      style: NUMBER,
    });
    put(r, 3, { numberFormat: SCORE_FORMAT, locked: false, style: NUMBER });
    put(r, 4, { numberFormat: SCORE_FORMAT, locked: false, style: NUMBER });
    const total = r === 5;
    put(r, 5, { value: total ? FUNDS_WEIGHT : '—', numberFormat: SCORE_FORMAT, locked: true, style: NUMBER });
    put(r, 6, {
      formula: rateFormula(toA1(r, 3), toA1(r, 4)),
      numberFormat: RATE_FORMAT,
      locked: true,
      style: NUMBER,
    });
    put(r, 7, {
      ...(total ? { formula: rateScoreFormula(toA1(r, 6), toA1(r, 5)) } : { value: '—' }),
      numberFormat: SCORE_FORMAT,
      locked: true,
      style: NUMBER,
    });
    put(r, 8, { numberFormat: TEXT_FORMAT, locked: true, style: BORDER });
    merge(r, 8, r, COLS - 1);
  }

  label(8, 0, L.goal);
  merge(8, 0, 9, 0);
  label(8, 1, L.expected);
  merge(8, 1, 8, 5);
  label(8, 6, L.achieved);
  merge(8, 6, 8, COLS - 1);
  put(9, 1, { value: table.goal?.text ?? '', numberFormat: TEXT_FORMAT, locked: true, style: INPUT });
  merge(9, 1, 9, 5);
  put(9, 6, { numberFormat: TEXT_FORMAT, locked: false, style: INPUT });
  merge(9, 6, 9, COLS - 1);

  const header = 10;
  [L.level1, L.level2, L.indicatorName, L.value, L.actual, L.weight, L.score, L.deviation].forEach((t, i) =>
    label(header, i, t),
  );
  merge(header, 7, header, COLS - 1);

  const indicators = table.indicators.filter((ind) => filled(ind.name));
  const weights = defaultWeights(indicators, table.profile);
  const rows: SelfEvalRow[] = [];
  const validations: ListValidation[] = [];
  indicators.forEach((ind, i) => {
    const r = header + 1 + i;
    const target = targetOf(ind);
    const text = valueInfo(ind)?.text ?? ind.valueText;
    label(r, 0, ind.level1.text, { ...INPUT, horizontal: 'center' });
    label(r, 1, ind.level2.text, { ...INPUT, horizontal: 'center' });
    label(r, 2, ind.name.text, INPUT);
    label(r, 3, text, INPUT);
    put(r, 4, { numberFormat: TEXT_FORMAT, locked: false, style: INPUT });
    const weight = weights[i];
    put(r, 5, {
      ...(weight ? { value: weight.toNumber() } : {}),
      numberFormat: SCORE_FORMAT,
      locked: true,
      style: NUMBER,
    });
    const actual = toA1(r, 4);
    const weightCell = toA1(r, 5);
    if (target)
      put(r, 6, {
        formula: scoreFormula(actual, weightCell, target),
        numberFormat: SCORE_FORMAT,
        locked: true,
        style: NUMBER,
      });
    else {
      put(r, 6, { numberFormat: SCORE_FORMAT, locked: false, style: NUMBER });
      validations.push({ range: actual, values: QUALITATIVE_GRADES.map((g) => g.text) });
    }
    put(r, 7, { numberFormat: TEXT_FORMAT, locked: false, style: INPUT });
    merge(r, 7, r, COLS - 1);
    rows.push({
      row: r,
      actual,
      weight: weightCell,
      score: toA1(r, 6),
      deviation: toA1(r, 7),
      qualitative: !target,
    });
  });
  const last = header + indicators.length;
  const sumRow = last + 1;
  const gradeRow = last + 2;
  const scoreCells = [toA1(5, 7), ...rows.map((r) => r.score)];
  label(sumRow, 0, L.sum);
  merge(sumRow, 0, sumRow, 4);
  put(sumRow, 5, {
    formula: `=SUM(${[toA1(5, 5), ...rows.map((r) => r.weight)].join(',')})`,
    numberFormat: SCORE_FORMAT,
    locked: true,
    style: NUMBER,
  });
  put(sumRow, 6, {
    formula: totalFormula(scoreCells),
    numberFormat: SCORE_FORMAT,
    locked: true,
    style: NUMBER,
  });
  put(sumRow, 7, { numberFormat: TEXT_FORMAT, locked: true, style: BORDER });
  merge(sumRow, 7, sumRow, COLS - 1);
  label(gradeRow, 0, L.grade);
  merge(gradeRow, 0, gradeRow, 4);
  put(gradeRow, 5, {
    formula: gradeFormula(toA1(sumRow, 6)),
    // Excel keeps a formula typed into a text-formatted cell as text.
    numberFormat: 'General',
    locked: true,
    style: { ...LABEL, bold: true },
  });
  merge(gradeRow, 5, gradeRow, COLS - 1);

  // Every cell of the rectangle exists, so that merged areas are bordered whole.
  for (let row = 2; row <= gradeRow; row++)
    for (let col = 0; col < COLS; col++)
      if (!cells.has(`${row}:${col}`))
        put(row, col, { numberFormat: TEXT_FORMAT, locked: true, style: BORDER });

  return {
    title,
    cells: [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col),
    merges,
    columnWidths: WIDTHS,
    rowHeights: [
      { row: 0, height: 30 },
      { row: 9, height: 48 },
    ],
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: 1, fitToHeight: 0, centerHorizontally: true },
    range: `A1:${columnLetters(COLS - 1)}${gradeRow + 1}`,
    dataValidations: validations,
    cellsOf: {
      yearBudget: toA1(5, 3),
      executed: toA1(5, 4),
      rate: toA1(5, 6),
      fundsScore: toA1(5, 7),
      fundsWeight: toA1(5, 5),
      goalAchieved: toA1(9, 6),
      total: toA1(sumRow, 6),
      weights: toA1(sumRow, 5),
      grade: toA1(gradeRow, 5),
      rows,
    },
  };
}

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/g;

/** `自评-{项目名称}`: ≤31 characters, unique (case-insensitively) against `existing`. */
export function selfEvalSheetName(projectName: string, existing: readonly string[]): string {
  const taken = new Set([...existing, SUMMARY_SHEET, LIST_SHEET, 'History'].map((s) => s.toLowerCase()));
  const clean = projectName.replace(FORBIDDEN_SHEET_CHARS, '').replace(/\s+/g, ' ').trim() || '项目';
  const base = [...`${SELF_EVAL_SHEET_PREFIX}${clean}`].slice(0, 31).join('').replace(/'+$/g, '');
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = [...base].slice(0, 31 - suffix.length).join('') + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The sheet as a plain grid (formulas without values, as a file fresh from the generator holds them). */
export function selfEvalGrid(spec: SelfEvalSheetSpec, sheet: string): Grid {
  const bottom = Math.max(...spec.cells.map((c) => c.row));
  const rows: (GridCell | undefined)[][] = Array.from({ length: bottom + 1 }, () => []);
  for (const c of spec.cells) {
    const row = rows[c.row];
    if (!row) continue;
    if (c.formula) row[c.col] = { value: null, formula: c.formula, numberFormat: c.numberFormat };
    else if (c.value !== undefined && c.value !== '')
      row[c.col] = { value: c.value, numberFormat: c.numberFormat };
  }
  return { sheet, top: 0, left: 0, cells: rows, merges: spec.merges.map((m) => ({ ...m })) };
}
