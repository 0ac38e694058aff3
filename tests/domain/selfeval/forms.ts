/**
 * Provinces' 自评表 as users fill them, for the scoring tests: the 财政部 layout with its funds block
 * (or one of the caller's), an indicator header, the indicator rows, and a 总分 row.
 */

import { parseRangeA1 } from '../../../src/domain/address';
import { checkGrids } from '../../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../../src/domain/grid';
import { evaluateSelf, type SelfEvaluation } from '../../../src/domain/selfeval';
import type { Finding, TargetTable } from '../../../src/domain/types';

export type Row = (string | number | null | { value: number; numberFormat: string })[];

/** The funds block of the 财政部 form: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
export const FUNDS_HEAD: Row = [
  '项目资金（万元）',
  null,
  '年初预算数',
  '全年预算数',
  '全年执行数',
  '分值',
  '执行率',
  '得分',
];
export const FUNDS: Row[] = [
  [null, '年度资金总额', 100, 100, 90, 10, '90%', 9],
  [null, '其中：财政拨款', 100, 100, 90],
  [null, '其他资金', 0, 0, 0],
];
/** 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 (column B on). */
export const WITH_WEIGHTS: Row = [
  '绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
];
/** The same without a 分值 column: the weights are §12's defaults, or named in the 一级. */
export const NO_WEIGHTS: Row = [
  null,
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '得分',
  '偏差原因分析及改进措施',
];

export interface Form {
  head?: Row;
  fundsHead?: Row;
  funds?: Row[];
  /** Indicator rows, from column B (column A is left blank). */
  rows: Row[];
  /** Merges (A1) of the indicator rows, counted from the first indicator row as row 0: [top, bottom] of column B. */
  mergeLevel1?: [number, number][];
  /** The lines under the indicators, from column A: a 总分 line unless given. */
  footer?: Row[];
}

export interface Checked {
  table: TargetTable;
  evaluation: SelfEvaluation;
  findings: Finding[];
  /** The A1 address of indicator row `i`'s cell in column `col` (a letter). */
  at(col: string, i: number): string;
}

/** The form's grid, and the 0-based row of its first indicator. */
export function formGrid(form: Form): { grid: Grid; first: number } {
  const rows: Row[] = [
    ['项目支出绩效自评表'],
    ['项目名称', '测试项目'],
    form.fundsHead ?? FUNDS_HEAD,
    ...(form.funds ?? FUNDS),
    ['年度总体目标', '完成某项工作'],
    form.head ?? WITH_WEIGHTS,
  ];
  const first = rows.length;
  rows.push(...form.rows.map((r) => [null, ...r]));
  rows.push(...(form.footer ?? [['总分']]));
  const merges = (form.mergeLevel1 ?? []).map(([top, bottom]) =>
    parseRangeA1(`B${first + top + 1}:B${first + bottom + 1}`),
  );
  return { grid: gridFromRows('自评', rows, { merges }), first };
}

/** Reads and scores the form; exactly one table must be read. */
export function check(form: Form): Checked {
  const { grid, first } = formGrid(form);
  const { tables, findings } = checkGrids([grid]);
  expect(tables).toHaveLength(1);
  const table = tables[0] as TargetTable;
  expect(table.form).toBe('selfEval');
  return {
    table,
    evaluation: evaluateSelf(table),
    findings,
    at: (col, i) => `${col}${first + i + 1}`,
  };
}

/** The findings of one rule, as `cell messageId-ish text` for readable expectations. */
export function findingsOf(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Each indicator's 分值 and score as two-decimal strings (`-` when there is none). */
export function scoresOf(e: SelfEvaluation): [string, string][] {
  return e.indicators.map((s) => [s.weight?.toFixed(2) ?? '-', s.score?.toFixed(2) ?? '-']);
}
