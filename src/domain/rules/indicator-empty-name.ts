import type { Rule } from './rule';
import { filled, shown } from './support';

const rule: Rule = {
  meta: {
    id: 'indicator/empty-name',
    severity: 'error',
    description: {
      'zh-CN': '有指标值但没有三级指标名称',
      'en-US': 'A value without an indicator name',
    },
    messages: {
      empty: {
        'zh-CN': '指标值“{{value}}”没有对应的三级指标名称；应在此填写三级指标名称。',
        'en-US': 'The value “{{value}}” has no indicator name; enter the level-3 indicator’s name here.',
      },
    },
    fixable: false,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      if (filled(ind.value) && !filled(ind.name)) {
        context.report({ at: ind.name, messageId: 'empty', data: { value: shown(ind.value) } });
      }
    }
  },
};

export default rule;
