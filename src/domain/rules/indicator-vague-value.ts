import type { Rule } from './rule';
import { unitOnly, valueInfo, vagueKind } from './support';

/** `及时`, `合理` on a name that ends in 率, 数量, 天数 or 经费: the target cannot be checked at year end. */
const rule: Rule = {
  meta: {
    id: 'indicator/vague-value',
    severity: 'warning',
    description: {
      'zh-CN': '应量化的指标填写了定性描述',
      'en-US': 'A qualitative value on an indicator that asks for a number',
    },
    messages: {
      vague: {
        'zh-CN':
          '“{{name}}”是{{nameKind}}，指标值“{{value}}”却是定性描述；应填写可量化的目标，如“{{example}}”。',
        'en-US':
          '“{{name}}” is {{nameKind}}, but its value “{{value}}” is a description; enter a measurable target, e.g. “{{example}}”.',
      },
    },
    terms: { nameKind: 'nameKind', example: 'example' },
    fixable: false,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      const info = valueInfo(ind);
      const kind = vagueKind(context.profile, ind);
      // A unit alone (`≧ %`) is a value not filled in: indicator/empty-value says so.
      if (!info || info.parsed.kind !== 'qualitative' || !kind || unitOnly(ind) !== undefined) continue;
      context.report({
        at: ind.value,
        messageId: 'vague',
        data: { name: ind.name.text, value: info.text, nameKind: kind, example: kind },
      });
    }
  },
};

export default rule;
