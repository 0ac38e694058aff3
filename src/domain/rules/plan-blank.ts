import Big from 'big.js';
import { isPercentFormat } from '../amounts';
import type { Rule } from './rule';
import { planReadings } from './support';

/**
 * A period left empty before a filled one, or an empty 12月底 (the year's plan ends at 100, so the
 * fix is 100; SPEC §4 keeps every empty period one rule of one severity): nothing spent by then (0) before the first filled period,
 * else the previous cumulative value carried. The fix writes that, in the cell's own format.
 */
const rule: Rule = {
  meta: {
    id: 'plan/blank',
    severity: 'warning',
    description: {
      'zh-CN': '资金支出计划有期间未填写',
      'en-US': 'A spending-plan period left empty',
    },
    messages: {
      blankStart: {
        'zh-CN': '{{period}}支出计划未填写；若到{{period}}尚未支出，应填 0。',
        'en-US': 'The {{period}} plan is empty; if nothing is spent by then, enter 0.',
      },
      blankCarry: {
        'zh-CN':
          '{{period}}支出计划未填写；累计计划至少为{{previousPeriod}}的 {{fill}}%，若本期没有新增支出，应填 {{fill}}。',
        'en-US':
          'The {{period}} plan is empty; the cumulative plan is at least the {{previousPeriod}} {{fill}} %; if nothing more is spent, enter {{fill}}.',
      },
      blankEnd: {
        'zh-CN': '12月底支出计划未填写；到年底累计应为 100%，应填 100。',
        'en-US': 'The end-of-December plan is empty; by the end of the year it must be 100 %: enter 100.',
      },
      allBlank: {
        'zh-CN':
          '资金支出计划全部未填写；应填写 3月底、6月底、10月底、12月底的累计支出百分比（12月底为 100）。',
        'en-US':
          'The spending plan is empty; enter the cumulative percentage spent by the end of March, June, October and December (December: 100).',
      },
    },
    terms: { period: 'period', previousPeriod: 'period' },
    fixable: true,
  },
  check(context) {
    const readings = planReadings(context.table);
    if (!readings) return;
    let last = -1;
    readings.forEach(({ reading }, i) => {
      if (reading.kind !== 'empty') last = i;
    });
    if (last < 0) {
      context.report({ at: readings[0].field, messageId: 'allBlank' });
      return;
    }
    let previous: { percent: number; period: number; percentFormat: boolean } | undefined;
    readings.slice(0, last).forEach(({ field, reading }, i) => {
      if (reading.kind === 'number') {
        previous = { percent: reading.percent, period: i, percentFormat: reading.fromPercentFormat };
      }
      if (reading.kind !== 'empty') return;
      const fill = previous?.percent ?? 0;
      // An empty cell's format is not always known; a row formatted as percent is formatted throughout.
      const percentFormat = isPercentFormat(field.raw?.numberFormat) || previous?.percentFormat === true;
      const fix = percentFormat ? Number(new Big(fill).div(100).toString()) : fill;
      context.report(
        previous
          ? {
              at: field,
              messageId: 'blankCarry',
              data: { period: String(i), previousPeriod: String(previous.period), fill },
              fix,
            }
          : { at: field, messageId: 'blankStart', data: { period: String(i) }, fix },
      );
    });
    const end = readings[3];
    if (end.reading.kind === 'empty') {
      const percentFormat = isPercentFormat(end.field.raw?.numberFormat) || previous?.percentFormat === true;
      context.report({ at: end.field, messageId: 'blankEnd', fix: percentFormat ? 1 : 100 });
    }
  },
};

export default rule;
