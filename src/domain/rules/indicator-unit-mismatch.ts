import type { Rule } from './rule';
import { expectation, unitMismatch, valueInfo } from './support';

/**
 * `处理率` = `≤20万元`: the value measures something else than the name says (or than the reference
 * library says a value of that indicator is); only the user knows what was meant.
 */
const rule: Rule = {
  meta: {
    id: 'indicator/unit-mismatch',
    severity: 'error',
    description: {
      'zh-CN': '指标值的单位与指标名称不符',
      'en-US': 'The value’s unit contradicts the indicator’s name',
    },
    messages: {
      mismatch: {
        'zh-CN':
          '“{{name}}”是{{nameKind}}，指标值“{{value}}”却是{{unitKind}}；应为{{expectedKind}}，如“{{example}}”。',
        'en-US':
          '“{{name}}” is {{nameKind}}, but its value “{{value}}” is {{unitKind}}; expected {{expectedKind}}, e.g. “{{example}}”.',
      },
      reference: {
        'zh-CN':
          '“{{name}}”在参考指标库中是{{nameKind}}（{{source}}写作“{{reference}}”），指标值“{{value}}”却是{{unitKind}}；应为{{expectedKind}}，如“{{reference}}”。',
        'en-US':
          '“{{name}}” is {{nameKind}} in the reference library ({{source}} writes “{{reference}}”), but its value “{{value}}” is {{unitKind}}; expected {{expectedKind}}, e.g. “{{reference}}”.',
      },
    },
    terms: { nameKind: 'nameKind', unitKind: 'unitKind', expectedKind: 'expectedKind', example: 'example' },
    fixable: false,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      const mismatch = unitMismatch(ind);
      const info = valueInfo(ind);
      if (!mismatch || !info) continue;
      const data = {
        name: ind.name.text,
        value: info.text,
        nameKind: mismatch.expected,
        unitKind: info.parsed.kind === 'date' ? 'date' : mismatch.actual,
        expectedKind: mismatch.expected,
      };
      // What a published table writes for this indicator says more than a made-up example.
      const reference = expectation(ind).reference;
      if (reference) {
        context.report({
          at: ind.value,
          messageId: 'reference',
          data: { ...data, source: reference.source, reference: reference.example },
        });
      } else {
        context.report({
          at: ind.value,
          messageId: 'mismatch',
          data: { ...data, example: mismatch.expected },
        });
      }
    }
  },
};

export default rule;
