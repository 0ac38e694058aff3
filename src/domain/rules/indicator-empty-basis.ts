import type { Rule } from './rule';
import { filled } from './support';

const rule: Rule = {
  meta: {
    id: 'indicator/empty-basis',
    severity: 'warning',
    description: {
      'zh-CN': '三级指标没有指标值确定依据',
      'en-US': 'An indicator without the basis of its value',
    },
    messages: {
      empty: {
        'zh-CN':
          '三级指标“{{name}}”没有指标值确定依据；应填写依据，如计划标准、行业标准、历史标准或文件文号。',
        'en-US':
          'Indicator “{{name}}” has no basis for its value; cite one, e.g. 计划标准, 行业标准, 历史标准 or a document number.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    if (!table.columns.basis) return;
    for (const ind of table.indicators) {
      if (ind.basis && filled(ind.name) && !filled(ind.basis)) {
        context.report({ at: ind.basis, messageId: 'empty', data: { name: ind.name.text } });
      }
    }
  },
};

export default rule;
