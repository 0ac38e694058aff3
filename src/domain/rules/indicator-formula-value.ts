import { parseValue } from '../value';
import type { Rule } from './rule';
import { expectation } from './support';

/**
 * `=100%` typed into a cell not formatted as text becomes a formula showing 1. The fix writes the
 * text the user meant, with the full-width `＝` that no spreadsheet takes for a formula.
 */
const rule: Rule = {
  meta: {
    id: 'indicator/formula-value',
    severity: 'warning',
    description: {
      'zh-CN': '指标值单元格是公式而不是文字',
      'en-US': 'The value cell holds a formula instead of text',
    },
    messages: {
      formula: {
        'zh-CN':
          '指标值单元格是公式“{{formula}}”（显示为“{{shown}}”），不是文字；应填写文字“{{canonical}}”。',
        'en-US':
          'The value cell holds the formula “{{formula}}” (showing “{{shown}}”), not text; write the text “{{canonical}}”.',
      },
      formulaNoFix: {
        'zh-CN':
          '指标值单元格是公式“{{formula}}”（显示为“{{shown}}”），不是文字；应直接填写指标值文字，如“≥90%”。',
        'en-US':
          'The value cell holds the formula “{{formula}}” (showing “{{shown}}”), not text; type the target as text, e.g. “≥90%”.',
      },
    },
    fixable: true,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      const formula = ind.value.raw?.formula;
      if (!formula) continue;
      const p = parseValue(formula, { nameKind: expectation(ind).kind });
      const data = { formula, shown: ind.value.text };
      if (p.quantitative && p.canonical) {
        context.report({
          at: ind.value,
          messageId: 'formula',
          data: { ...data, canonical: p.canonical },
          fix: p.canonical,
        });
      } else {
        context.report({ at: ind.value, messageId: 'formulaNoFix', data });
      }
    }
  },
};

export default rule;
