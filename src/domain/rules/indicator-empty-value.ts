import type { Rule } from './rule';
import { expectation, filled, unitOnly } from './support';

/** A named indicator with no 指标值 (an error value, or only the unit, where one should be). */
const rule: Rule = {
  meta: {
    id: 'indicator/empty-value',
    severity: 'error',
    description: {
      'zh-CN': '三级指标没有指标值',
      'en-US': 'An indicator without a value',
    },
    messages: {
      empty: {
        'zh-CN': '三级指标“{{name}}”没有指标值；应填写指标值，如“{{example}}”。',
        'en-US': 'Indicator “{{name}}” has no value; enter a target such as “{{example}}”.',
      },
      unitOnly: {
        'zh-CN': '三级指标“{{name}}”的指标值只有单位“{{text}}”，没有数值；应填写指标值，如“{{example}}”。',
        'en-US':
          'Indicator “{{name}}” has only the unit “{{text}}” as its value, no number; enter a target such as “{{example}}”.',
      },
      errorValue: {
        'zh-CN': '三级指标“{{name}}”的指标值是错误值“{{text}}”；应填写指标值，如“{{example}}”。',
        'en-US':
          'Indicator “{{name}}” holds the error value “{{text}}”; enter a target such as “{{example}}”.',
      },
    },
    terms: { example: 'example' },
    fixable: false,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      if (!filled(ind.name)) continue;
      const example = expectation(ind).kind ?? 'any';
      const raw = ind.value.raw;
      if (!filled(ind.value)) {
        context.report({ at: ind.value, messageId: 'empty', data: { name: ind.name.text, example } });
      } else if (unitOnly(ind) !== undefined) {
        context.report({
          at: ind.value,
          messageId: 'unitOnly',
          data: { name: ind.name.text, text: ind.value.text.trim(), example },
        });
      } else if (raw?.error && !raw.formula) {
        context.report({
          at: ind.value,
          messageId: 'errorValue',
          data: { name: ind.name.text, text: ind.value.text, example },
        });
      }
    }
  },
};

export default rule;
