import { normalizeName } from '../taxonomy';
import type { Rule } from './rule';
import { filled } from './support';

const rule: Rule = {
  meta: {
    id: 'indicator/duplicate-name',
    severity: 'warning',
    description: {
      'zh-CN': '同一项目中三级指标重复',
      'en-US': 'The same indicator twice in one project',
    },
    messages: {
      duplicate: {
        'zh-CN': '三级指标“{{name}}”在本项目中重复（首次出现在 {{first}}）；每个指标只应出现一次。',
        'en-US':
          'Indicator “{{name}}” appears twice in this project (first at {{first}}); list each indicator once.',
      },
    },
    fixable: false,
  },
  check(context) {
    const first = new Map<string, string>();
    for (const ind of context.table.indicators) {
      if (!filled(ind.name)) continue;
      const key = normalizeName(ind.name.text);
      const earlier = first.get(key);
      if (earlier)
        context.report({
          at: ind.name,
          messageId: 'duplicate',
          data: { name: ind.name.text, first: earlier },
        });
      else first.set(key, ind.name.cell);
    }
  },
};

export default rule;
