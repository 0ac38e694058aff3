import { isPercentFormat, percentText, readAmount } from '../amounts';
import { budgetCells } from './support';
import type { Rule } from './rule';

/** An amount that is not a number cannot be totalled: `10万`, `十万元`, `#REF!`, a date. */
const rule: Rule = {
  meta: {
    id: 'budget/not-number',
    severity: 'error',
    description: {
      'zh-CN': '预算数、财政资金或其他资金填写的不是数字',
      'en-US': 'Budget, fiscal or other funds filled with something that is not a number',
    },
    messages: {
      notNumber: {
        'zh-CN': '{{field}}“{{text}}”不是数字；应填写以{{unit}}为单位的数字，如“10.00”。',
        'en-US': '{{field}} “{{text}}” is not a number; enter a number in {{unit}}, e.g. 10.00.',
      },
      errorValue: {
        'zh-CN': '{{field}}是错误值“{{text}}”；应填写以{{unit}}为单位的数字，如“10.00”。',
        'en-US': '{{field}} holds the error value “{{text}}”; enter a number in {{unit}}, e.g. 10.00.',
      },
      date: {
        'zh-CN': '{{field}}是日期“{{text}}”，不是金额；应填写以{{unit}}为单位的数字，如“10.00”。',
        'en-US':
          '{{field}} holds the date “{{text}}”, not an amount; enter a number in {{unit}}, e.g. 10.00.',
      },
      percent: {
        'zh-CN':
          '{{field}}设成了百分比格式，显示为“{{text}}”，不是金额；应改为数字格式并填写以{{unit}}为单位的数字，如“10.00”。',
        'en-US':
          '{{field}} is formatted as a percentage and shows “{{text}}”, not an amount; format it as a number and enter the amount in {{unit}}, e.g. 10.00.',
      },
      noneTotal: {
        'zh-CN':
          '{{field}}写的是“{{text}}”，未能读取为金额，也未计入合计；本项目如无预算应填写“0”，否则填写以{{unit}}为单位的数字，如“10.00”。',
        'en-US':
          '{{field}} says “{{text}}”, which is no amount: it was not added to the totals; enter 0 if the project has no budget, otherwise a number in {{unit}}, e.g. 10.00.',
      },
    },
    terms: { field: 'field', unit: 'moneyUnit' },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    const unit = table.moneyScale === 1 ? 'wan' : 'yuan';
    for (const [field, cell] of budgetCells(table)) {
      const amount = readAmount(cell, table.moneyScale);
      // A dash or 无 says "none": 0 for a part (SPEC §4), but a 预算数 of none is no amount to total.
      if (amount.kind === 'empty' && field === 'total' && cell.text.trim() !== '') {
        context.report({ at: cell, messageId: 'noneTotal', data: { field, text: cell.text.trim(), unit } });
        continue;
      }
      if (amount.kind !== 'invalid') continue;
      // A formula without its result is table/formula-field's to say (with the other formulas).
      if (amount.uncomputed) continue;
      const raw = cell.raw;
      if (typeof raw?.value === 'number' && isPercentFormat(raw.numberFormat)) {
        context.report({
          at: cell,
          messageId: 'percent',
          data: { field, text: percentText(raw.value), unit },
        });
        continue;
      }
      const messageId = raw?.error ? 'errorValue' : amount.date ? 'date' : 'notNumber';
      context.report({ at: cell, messageId, data: { field, text: amount.text, unit } });
    }
  },
};

export default rule;
