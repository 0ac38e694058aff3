import { formatCanonical } from '../value';
import type { Rule } from './rule';
import { isSplit, needsUserDecision, rateFraction, valueInfo } from './support';

/**
 * `>=90%`, `不低于85%`, `≥90.00(%)` parse fine but are written as the budget system writes them
 * (`≥90%`). A value without a comparator is indicator/no-comparator's, whose fix is canonical too.
 */
const rule: Rule = {
  meta: {
    id: 'indicator/nonstandard-text',
    severity: 'info',
    description: {
      'zh-CN': '指标值写法不规范（可自动改为规范写法）',
      'en-US': 'A value not written in the standard form (can be rewritten)',
    },
    messages: {
      nonstandard: {
        'zh-CN': '指标值“{{value}}”的规范写法是“{{canonical}}”。',
        'en-US': 'The value “{{value}}” is written “{{canonical}}” in the standard form.',
      },
    },
    fixable: true,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      const info = valueInfo(ind);
      const p = info?.parsed;
      // Split layouts keep comparator, number and unit in separate cells: there is no one text to rewrite.
      if (!info || !p?.quantitative || p.comparator === null || !p.canonical || isSplit(ind)) continue;
      // A unit the name states (`满意度(%) | >=90`) need not be written again in the value.
      const canonical =
        info.unitFrom === 'name' ? formatCanonical(p.comparator, p.number ?? '', null) : p.canonical;
      // A rate written as a fraction (`>=0.95`) is unit-mismatch's: its canonical form is not `≥0.95`.
      if (info.text === canonical || needsUserDecision(ind) || rateFraction(ind)) continue;
      context.report({
        at: ind.value,
        messageId: 'nonstandard',
        data: { value: info.text, canonical },
        fix: canonical,
      });
    }
  },
};

export default rule;
