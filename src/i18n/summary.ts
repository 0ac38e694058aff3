/**
 * The 汇总 sheet's words (SPEC §6), in both languages: the add-in writes them (src/excel/summary.ts)
 * and the command line recognises a 汇总 sheet by them (src/cli/read-xlsx.ts).
 */

import { registerStrings, t, type Lang } from './core';

const zhCN = {
  code: '项目编码',
  name: '项目名称',
  sheet: '工作表',
  total: '预算数（万元）',
  fiscal: '财政资金（万元）',
  other: '其他资金（万元）',
  planned: '{{period}}计划支出（万元）',
  period1: '3月底',
  period2: '6月底',
  period3: '10月底',
  period4: '12月底',
  totalRow: '合计',
  errors: '待改错误',
  errorCount: '{{count}} 个错误',
  title: '{{year}}年度项目预算汇总表',
  titleNoYear: '项目预算汇总表',
  unitLabel: '单位：万元',
  unreadProject: '“{{name}}”（{{sheet}}）',
  unreadSheet: '“{{sheet}}”',
  listSeparator: '、',
  incomplete: '合计不完整：{{projects}}的金额未能读取，没有计入。请在这些表中把金额写成数字，再点“汇总”。',
};

const enUS: typeof zhCN = {
  code: 'Project code',
  name: 'Project name',
  sheet: 'Worksheet',
  total: 'Budget (10k yuan)',
  fiscal: 'Fiscal funds (10k yuan)',
  other: 'Other funds (10k yuan)',
  planned: 'Planned by {{period}} (10k yuan)',
  period1: 'end of March',
  period2: 'end of June',
  period3: 'end of October',
  period4: 'end of December',
  totalRow: 'Total',
  errors: 'Errors to correct',
  errorCount: 'Errors: {{count}}',
  title: 'Project budget summary, {{year}}',
  titleNoYear: 'Project budget summary',
  unitLabel: 'Unit: 10k yuan',
  unreadProject: '“{{name}}” ({{sheet}})',
  unreadSheet: '“{{sheet}}”',
  listSeparator: ', ',
  incomplete:
    'Totals incomplete: the amounts of {{projects}} could not be read and are not counted. Write them as numbers in those tables, then choose Totals again.',
};

registerStrings('zh-CN', 'summary', zhCN);
registerStrings('en-US', 'summary', enUS);

/** The 汇总 sheet's string `key` (under `summary.`) in `lang`. */
export function summaryText(lang: Lang, key: string, data?: Record<string, unknown>): string {
  return t(lang, `summary.${key}`, data);
}
