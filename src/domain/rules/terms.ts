/**
 * Words that rule messages insert by meaning rather than by cell content (`{{nameKind}}` is 比率指标
 * or "a rate"): each rule declares which placeholders are terms (RuleMeta.terms), and the message is
 * filled with `rules.terms.<group>.<value>` in the reader's language.
 */

import type { Lang } from '../types';

export type Terms = Record<string, Record<string, string>>;

export const TERMS: Record<Lang, Terms> = {
  'zh-CN': {
    nameKind: { percent: '比率指标', count: '数量指标', time: '时间指标', money: '金额指标' },
    unitKind: {
      percent: '百分比',
      count: '计数单位',
      time: '时间单位',
      money: '金额单位',
      date: '日期',
    },
    expectedKind: {
      percent: '百分比',
      count: '计数单位（个、次、人等）',
      time: '时间单位（天、小时等）或日期',
      money: '金额单位（万元或元）',
    },
    example: {
      percent: '≥90%',
      count: '≥10次',
      time: '≤30天',
      money: '≤10万元',
      any: '≥90%',
    },
    period: { '0': '3月底', '1': '6月底', '2': '10月底', '3': '12月底' },
    field: {
      name: '项目名称',
      code: '项目编码',
      total: '预算数',
      fiscal: '财政资金',
      other: '其他资金',
      carryover: '上年结转',
      goal: '绩效目标',
      budget: '预算数',
    },
    part: {
      plan: '资金支出计划',
      weights: '分值',
      indicators: '绩效指标',
      name: '项目名称',
      budget: '预算数',
      goal: '绩效目标',
    },
    moneyUnit: { wan: '万元', yuan: '元' },
  },
  'en-US': {
    nameKind: { percent: 'a rate', count: 'a count', time: 'a duration', money: 'an amount of money' },
    unitKind: {
      percent: 'a percentage',
      count: 'a count unit',
      time: 'a time unit',
      money: 'a money unit',
      date: 'a date',
    },
    expectedKind: {
      percent: 'a percentage',
      count: 'a count unit (个, 次, 人 …)',
      time: 'a time unit (天, 小时 …) or a date',
      money: 'a money unit (万元 or 元)',
    },
    example: {
      percent: '≥90%',
      count: '≥10次',
      time: '≤30天',
      money: '≤10万元',
      any: '≥90%',
    },
    period: { '0': 'end-of-March', '1': 'end-of-June', '2': 'end-of-October', '3': 'end-of-December' },
    field: {
      name: 'Project name (项目名称)',
      code: 'Project code (项目编码)',
      total: 'Budget (预算数)',
      fiscal: 'Fiscal funds (财政资金)',
      other: 'Other funds (其他资金)',
      carryover: 'Carry-over (上年结转)',
      goal: 'Performance goal (绩效目标)',
      budget: 'Budget (预算数)',
    },
    part: {
      plan: 'spending plan (资金支出计划)',
      weights: 'weights (分值)',
      indicators: 'indicator block (绩效指标)',
      name: 'project name (项目名称)',
      budget: 'budget (预算数)',
      goal: 'performance goal (绩效目标)',
    },
    moneyUnit: { wan: '万元 (10,000 yuan)', yuan: '元 (yuan)' },
  },
};
