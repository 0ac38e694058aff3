import type { Rule } from './rule';
import { filled } from './support';

const rule: Rule = {
  meta: {
    id: 'indicator/empty-description',
    severity: 'warning',
    description: {
      'zh-CN': '三级指标没有绩效指标描述',
      'en-US': 'An indicator without a description',
    },
    messages: {
      empty: {
        'zh-CN': '三级指标“{{name}}”没有绩效指标描述；应说明该指标衡量什么、如何计算。',
        'en-US': 'Indicator “{{name}}” has no description; say what it measures and how it is calculated.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    if (!table.columns.description) return;
    for (const ind of table.indicators) {
      if (ind.description && filled(ind.name) && !filled(ind.description)) {
        context.report({ at: ind.description, messageId: 'empty', data: { name: ind.name.text } });
      }
    }
  },
};

export default rule;
