import type { Rule } from './rule';
import { planReadings } from './support';

/** Typed into a percent-formatted cell, `20%` is stored as 0.2; it is read as 20, and the user is told. */
const rule: Rule = {
  meta: {
    id: 'plan/percent-format',
    severity: 'warning',
    description: {
      'zh-CN': '资金支出计划单元格设置成了百分比格式',
      'en-US': 'A spending-plan cell formatted as an Excel percentage',
    },
    messages: {
      percentFormat: {
        'zh-CN':
          '{{period}}支出计划单元格是百分比格式，保存的值是 {{stored}}，已按 {{percent}}（即 {{percent}}%）读取；计划单元格应填写数字（20 表示 20%），格式设为“0.00”。',
        'en-US':
          'The {{period}} plan cell is formatted as a percentage and stores {{stored}}, read as {{percent}} ({{percent}} %); plan cells hold plain numbers (20 means 20 %) with the format 0.00.',
      },
    },
    terms: { period: 'period' },
    fixable: false,
  },
  check(context) {
    planReadings(context.table)?.forEach(({ field, reading }, i) => {
      if (reading.kind === 'number' && reading.fromPercentFormat) {
        context.report({
          at: field,
          messageId: 'percentFormat',
          data: { period: String(i), stored: field.text, percent: reading.percent },
        });
      }
    });
  },
};

export default rule;
