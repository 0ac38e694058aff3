import type { Rule } from './rule';
import { percentOutOfRange, unitMismatch, valueInfo } from './support';

const rule: Rule = {
  meta: {
    id: 'indicator/rate-out-of-range',
    severity: 'error',
    description: {
      'zh-CN': '百分比指标值大于 100% 或小于 0',
      'en-US': 'A percentage value above 100 % or below 0',
    },
    messages: {
      outOfRange: {
        'zh-CN': '“{{name}}”的指标值“{{value}}”超出 0%–100% 的范围；百分比应在 0% 到 100% 之间。',
        'en-US':
          'The value “{{value}}” of “{{name}}” is outside 0 %–100 %; a percentage must lie between 0 % and 100 %.',
      },
    },
    fixable: false,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      const info = valueInfo(ind);
      // A percentage on a count or money name is indicator/unit-mismatch's finding.
      if (!info || !percentOutOfRange(info) || unitMismatch(ind)) continue;
      context.report({
        at: ind.value,
        messageId: 'outOfRange',
        data: { name: ind.name.text, value: info.text },
      });
    }
  },
};

export default rule;
