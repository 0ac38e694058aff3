import Big from 'big.js';
import { lookupUnit } from '../units';
import type { Indicator } from '../types';
import type { Rule, RuleContext } from './rule';
import { selfEvaluation } from '../selfeval/findings';
import { formatCanonical } from '../value';
import {
  expectation,
  kindFromEnding,
  rateFraction,
  unitMismatch,
  valueInfo,
  type ValueInfo,
} from './support';

/**
 * `处理率` = `≤20万元`: the value measures something else than the name says (or than the reference
 * library says a value of that indicator is); only the user knows what was meant. In a split layout,
 * a value that carries its own unit beside a 计量单位 that says otherwise (`28.8万元 | %`) is one value
 * in two units: reported on the unit column when the name takes the value's side, else on the value
 * (saying which to write when the name takes the column's side, else both ways).
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
      column: {
        'zh-CN':
          '“{{name}}”的指标值“{{value}}”自带单位“{{own}}”，计量单位一栏却写“{{column}}”；请核实：单位是“{{own}}”的，把计量单位改为“{{own}}”；是“{{column}}”的，把指标值改为“{{bare}}”。',
        'en-US':
          'The value “{{value}}” of “{{name}}” carries its own unit “{{own}}” while the unit column says “{{column}}”; if “{{own}}” is meant, write “{{own}}” in the unit column; if “{{column}}”, write “{{bare}}” as the value.',
      },
      valueByName: {
        'zh-CN':
          '“{{name}}”是{{nameKind}}，计量单位一栏写“{{column}}”，指标值“{{value}}”却以“{{own}}”计；指标值应按计量单位填写，如“{{bare}}”。',
        'en-US':
          '“{{name}}” is {{nameKind}} and the unit column says “{{column}}”, but its value “{{value}}” is in “{{own}}”; write the value in the column’s unit, e.g. “{{bare}}”.',
      },
      fraction: {
        'zh-CN':
          '“{{name}}”是{{nameKind}}，指标值“{{value}}”没有百分号，按百分比只是{{percent}}；应写明百分号：指比率{{number}}的，写“{{asRate}}”；确为{{percent}}的，写“{{asPercent}}”。',
        'en-US':
          '“{{name}}” is {{nameKind}}, but its value “{{value}}” has no percent sign and as a percentage is only {{percent}}; write the sign: for the rate {{number}} write “{{asRate}}”, for {{percent}} write “{{asPercent}}”.',
      },
      columnByName: {
        'zh-CN':
          '“{{name}}”是{{nameKind}}，指标值“{{value}}”以“{{own}}”计，计量单位一栏却写“{{column}}”；计量单位应改为“{{own}}”。',
        'en-US':
          '“{{name}}” is {{nameKind}} and its value “{{value}}” is in “{{own}}”, but the unit column says “{{column}}”; the unit column should read “{{own}}”.',
      },
    },
    terms: { nameKind: 'nameKind', unitKind: 'unitKind', expectedKind: 'expectedKind', example: 'example' },
    fixable: false,
  },
  check(context) {
    // A 自评表 whose actual value is a percent says of such a target that it cannot be scored
    // (selfeval/unit-mismatch, on the same cell): one finding there.
    const unscored = new Set(
      (selfEvaluation(context)?.indicators ?? []).filter((s) => s.percentUnread).map((s) => s.indicator),
    );
    for (const ind of context.table.indicators) {
      const info = valueInfo(ind);
      if (info?.columnConflict) {
        reportConflict(context, ind, info);
        continue;
      }
      const fraction = rateFraction(ind);
      if (fraction) {
        if (!unscored.has(ind)) reportFraction(context, ind, fraction);
        continue;
      }
      const mismatch = unitMismatch(ind);
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

/**
 * A value in its own unit beside a 计量单位 that says otherwise. When the name's last word asks for
 * the value's kind and not the column's (`业务工作支出安排金额 | 28.8万元 | %`), the column is what
 * is wrong; otherwise only the user can tell which of the two is meant.
 */
function reportConflict(context: RuleContext, ind: Indicator, info: ValueInfo): void {
  const conflict = info.columnConflict;
  if (!conflict) return;
  const data = { name: ind.name.text, value: info.text, own: conflict.own, column: conflict.column };
  const named = kindFromEnding(ind.name.text);
  const ownKind = lookupUnit(conflict.own)?.kind;
  const columnKind = lookupUnit(conflict.column)?.kind;
  if (ind.unit && named && named === ownKind && named !== columnKind) {
    context.report({ at: ind.unit, messageId: 'columnByName', data: { ...data, nameKind: named } });
    return;
  }
  if (named && named === columnKind && named !== ownKind) {
    context.report({
      at: ind.value,
      messageId: 'valueByName',
      data: { ...data, nameKind: named, bare: conflict.bare },
    });
    return;
  }
  context.report({ at: ind.value, messageId: 'column', data: { ...data, bare: conflict.bare } });
}

/**
 * A rate written as a fraction: a warning, as the value may yet be meant (a rate of harm of 0.5 %);
 * the message gives both ways to write it.
 */
function reportFraction(context: RuleContext, ind: Indicator, info: ValueInfo): void {
  const { comparator, number } = info.parsed;
  if (number === null) return;
  context.report({
    at: ind.value,
    messageId: 'fraction',
    severity: 'warning',
    data: {
      name: ind.name.text,
      value: info.text,
      nameKind: 'percent',
      number,
      percent: `${number}%`,
      asRate: formatCanonical(comparator, new Big(number).times(100).toFixed(), '%'),
      asPercent: formatCanonical(comparator, number, '%'),
    },
  });
}

export default rule;
