import type { Rule } from './rule';
import { planReadings } from './support';

/** A plan cell must be a cumulative percentage; numeric text (`20.00`, `20%`) counts as one. */
const rule: Rule = {
  meta: {
    id: 'plan/not-number',
    severity: 'error',
    description: {
      'zh-CN': '资金支出计划填写的不是数字',
      'en-US': 'A spending-plan cell that is not a number',
    },
    messages: {
      notNumber: {
        'zh-CN':
          '{{period}}支出计划“{{text}}”不是数字；应填写 0 到 100 之间的累计百分比数字，如“50”表示 50%。',
        'en-US':
          'The {{period}} plan “{{text}}” is not a number; enter the cumulative percentage from 0 to 100, e.g. 50 for 50 %.',
      },
      errorValue: {
        'zh-CN':
          '{{period}}支出计划是错误值“{{text}}”；应填写 0 到 100 之间的累计百分比数字，如“50”表示 50%。',
        'en-US':
          'The {{period}} plan holds the error value “{{text}}”; enter the cumulative percentage from 0 to 100, e.g. 50 for 50 %.',
      },
      date: {
        'zh-CN':
          '{{period}}支出计划是日期“{{text}}”，不是百分比；应填写 0 到 100 之间的累计百分比数字，如“50”表示 50%。',
        'en-US':
          'The {{period}} plan holds the date “{{text}}”, not a percentage; enter the cumulative percentage from 0 to 100, e.g. 50 for 50 %.',
      },
      uncomputed: {
        'zh-CN':
          '{{period}}支出计划是公式“{{text}}”，文件中没有保存它的计算结果，未能读取；请在 Excel 或 WPS 中打开此文件并保存，再重新检查。',
        'en-US':
          'The {{period}} plan is the formula “{{text}}” and the file holds no result for it, so it was not read; open the file in Excel or WPS, save it, and check it again.',
      },
    },
    terms: { period: 'period' },
    fixable: false,
  },
  check(context) {
    planReadings(context.table)?.forEach(({ field, reading }, i) => {
      if (reading.kind !== 'invalid') return;
      context.report({
        at: field,
        // As table/formula-field says it of an amount: the file's, not the plan's, to set right.
        ...(reading.uncomputed ? { severity: 'warning' as const } : {}),
        messageId: reading.uncomputed
          ? 'uncomputed'
          : field.raw?.error
            ? 'errorValue'
            : reading.date
              ? 'date'
              : 'notNumber',
        data: { period: String(i), text: reading.text },
      });
    });
  },
};

export default rule;
