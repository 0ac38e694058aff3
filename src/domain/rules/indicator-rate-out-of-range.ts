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
      namedUnit: {
        'zh-CN':
          '“{{name}}”的名称写明单位为%，指标值“{{value}}”即{{percent}}，超出 0%–100% 的范围；应改正指标值，或改正名称中的单位。',
        'en-US':
          'The name “{{name}}” states % as its unit, so its value “{{value}}” is {{percent}}, outside 0 %–100 %; correct the value, or the unit in the name.',
      },
    },
    fixable: false,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      const info = valueInfo(ind);
      // A percentage on a count or money name is indicator/unit-mismatch's finding.
      if (!info || !percentOutOfRange(info) || unitMismatch(ind)) continue;
      // `产值(%) | 8000`: the percent is the name's, which may be what is wrong.
      const named = info.unitFrom === 'name';
      context.report({
        at: ind.value,
        messageId: named ? 'namedUnit' : 'outOfRange',
        data: named
          ? { name: ind.name.text, value: info.text, percent: info.parsed.canonical ?? info.text }
          : { name: ind.name.text, value: info.text },
      });
    }
  },
};

export default rule;
