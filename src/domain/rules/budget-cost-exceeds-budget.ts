import Big from 'big.js';
import { readAmount } from '../amounts';
import { moneyInWan } from '../value';
import type { Rule } from './rule';
import { roleOf, valueInfo } from './support';

/**
 * A money target for what the project spends (成本指标; mof-2021's 经济成本指标) above the whole
 * project's budget cannot be met from it. mof-2021's 社会成本 and 生态环境成本 are borne by society
 * and nature, not paid from the budget, so an amount there is not compared with it.
 */
const rule: Rule = {
  meta: {
    id: 'budget/cost-exceeds-budget',
    severity: 'error',
    description: {
      'zh-CN': '成本指标的金额超过项目预算数',
      'en-US': 'A cost indicator’s amount exceeds the project budget',
    },
    messages: {
      exceeds: {
        'zh-CN':
          '成本指标“{{name}}”的指标值“{{value}}”（{{wan}}万元）超过本项目预算数 {{budget}}万元；成本目标不应超过预算。',
        'en-US':
          'Cost indicator “{{name}}” has the value “{{value}}” ({{wan}} 万元), above the project budget of {{budget}} 万元; a cost target cannot exceed the budget.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table, profile } = context;
    const total = readAmount(table.budget.total, table.moneyScale);
    if (total.kind !== 'number') return;
    const budget = total.value.times(table.moneyScale);
    for (const ind of table.indicators) {
      if (roleOf(profile, ind) !== 'cost') continue;
      const info = valueInfo(ind);
      // A value whose unit column says another unit (`50万元 | 元`) has no unit to compare in: its
      // finding is indicator/unit-mismatch's.
      const wan = info && !info.columnConflict ? moneyInWan(info.parsed) : null;
      if (!info || wan === null || !new Big(wan).gt(budget)) continue;
      context.report({
        at: ind.value,
        messageId: 'exceeds',
        data: {
          name: ind.name.text,
          value: info.text,
          wan: new Big(wan).toFixed(),
          budget: budget.toFixed(2),
        },
      });
    }
  },
};

export default rule;
