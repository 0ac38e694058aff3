import { formatCanonical } from '../value';
import type { Rule } from './rule';
import { directionOf, expectation, HARM_RATE, isRateName, needsUserDecision, valueInfo } from './support';
import { bareName } from '../text';

/**
 * 满意度 and plain rates are better higher, so `≤` caps them by mistake; a count or rate of adverse
 * events (故障, 投诉 …) is better lower, so `≥` demands more of them. A count with `≤` is a cap and
 * fine. A name the reference library knows takes its direction from there (SPEC §13). No fix: the
 * number may need to change with the comparator.
 */
const rule: Rule = {
  meta: {
    id: 'indicator/direction',
    severity: 'warning',
    description: {
      'zh-CN': '比较符号方向与指标性质相反',
      'en-US': 'The comparator points the wrong way for the indicator',
    },
    messages: {
      higherBetter: {
        'zh-CN':
          '“{{name}}”越高越好，指标值“{{value}}”却用了“{{comparator}}”；应为下限，如“{{suggestion}}”。',
        'en-US':
          '“{{name}}” is better higher, but its value “{{value}}” uses “{{comparator}}”; state a floor, e.g. “{{suggestion}}”.',
      },
      lowerBetterReference: {
        'zh-CN':
          '“{{name}}”应设上限（{{source}}写作“{{reference}}”），指标值“{{value}}”却用了“{{comparator}}”；应为上限，如“{{suggestion}}”。',
        'en-US':
          '“{{name}}” takes a ceiling ({{source}} writes “{{reference}}”), but its value “{{value}}” uses “{{comparator}}”; state a ceiling, e.g. “{{suggestion}}”.',
      },
      lowerBetter: {
        'zh-CN':
          '“{{name}}”越低越好，指标值“{{value}}”却用了“{{comparator}}”；应为上限，如“{{suggestion}}”。',
        'en-US':
          '“{{name}}” is better lower, but its value “{{value}}” uses “{{comparator}}”; state a ceiling, e.g. “{{suggestion}}”.',
      },
    },
    fixable: false,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      const info = valueInfo(ind);
      const p = info?.parsed;
      if (!info || !p || !p.quantitative || p.number === null || !p.comparator || needsUserDecision(ind))
        continue;
      const e = expectation(ind);
      const { reverse, reference } = directionOf(ind, info.measure);
      const upward = p.comparator === '≥' || p.comparator === '>';
      const downward = p.comparator === '≤' || p.comparator === '<';
      // A rate of harm SPEC does not list (`不合格率 ≤2%`, `辍学率`), or of growth (`能耗增长率 ≤3%`) or
      // of money left over (`资金结余率`), is capped as often as not: `≤` there is no mistake to flag.
      const bare = bareName(ind.name.text);
      const eitherWay = HARM_RATE.test(bare) || /增长率|增幅|结余率/u.test(bare);
      const higherBetter =
        !reverse && !eitherWay && (e.satisfaction || isRateName(ind.name.text)) && info.measure === 'percent';
      const data = { name: ind.name.text, value: info.text, comparator: p.comparator };
      if (higherBetter && downward) {
        const suggestion = formatCanonical('≥', p.number, p.unit);
        context.report({ at: ind.value, messageId: 'higherBetter', data: { ...data, suggestion } });
      } else if (reverse && upward) {
        const suggestion = formatCanonical('≤', p.number, p.unit);
        if (reference) {
          context.report({
            at: ind.value,
            messageId: 'lowerBetterReference',
            data: { ...data, suggestion, source: reference.source, reference: reference.example },
          });
        } else {
          context.report({ at: ind.value, messageId: 'lowerBetter', data: { ...data, suggestion } });
        }
      }
    }
  },
};

export default rule;
