import Big from 'big.js';
import { percentText, readAmount, readPlanCell } from '../amounts';
import type { Field } from '../types';
import type { Rule } from './rule';

/**
 * A plan written twice, in money and in percent (TargetTable.planAmounts beside TargetTable.plan),
 * whose two rows disagree: by a date, the amount is not that share of 预算数. The amounts may be
 * cumulative (40, 100, 160, 200) or each period's own (40, 60, 60, 40): either reading that agrees
 * with the percentages is no finding. A figure agrees when it is the other rounded as written (a
 * percentage to its decimals, `33%` for 40 of 120; an amount to its own). Reported on the
 * percentage, the plan as read; only the user knows which of the two is right.
 */
const rule: Rule = {
  meta: {
    id: 'plan/amount-mismatch',
    severity: 'error',
    description: {
      'zh-CN': '资金支出计划的金额与百分比两行不一致',
      'en-US': 'The spending plan’s amounts and percentages disagree',
    },
    messages: {
      mismatch: {
        'zh-CN':
          '{{period}}计划支出“{{percent}}”与同期金额 {{amountCell}}“{{amount}}”不符：按预算数 {{total}} 计，{{amount}} 占 {{implied}}%，“{{percent}}”应为 {{expected}}；请改正其中一项，如在 {{cell}} 填写“{{implied}}%”，或在 {{amountCell}} 填写“{{expected}}”。',
        'en-US':
          'The {{period}} plan “{{percent}}” disagrees with the amount “{{amount}}” in {{amountCell}}: against the budget {{total}}, {{amount}} is {{implied}} % and “{{percent}}” is {{expected}}; correct one of them, e.g. write “{{implied}}%” in {{cell}} or “{{expected}}” in {{amountCell}}.',
      },
      mismatchRunning: {
        'zh-CN':
          '{{period}}累计计划支出“{{percent}}”与截至该期的金额合计 {{amount}}（{{amountCell}} 及之前各期）不符：按预算数 {{total}} 计，{{amount}} 占 {{implied}}%，“{{percent}}”应为累计 {{expected}}；请改正其中一项，如在 {{cell}} 填写“{{implied}}%”，或在 {{amountCell}} 填写“{{expectedCell}}”。',
        'en-US':
          'The {{period}} cumulative plan “{{percent}}” disagrees with the amounts up to then, {{amount}} ({{amountCell}} and the periods before it): against the budget {{total}}, {{amount}} is {{implied}} % and “{{percent}}” is {{expected}} in all; correct one of them, e.g. write “{{implied}}%” in {{cell}} or “{{expectedCell}}” in {{amountCell}}.',
      },
    },
    terms: { period: 'period' },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    const amounts = table.planAmounts;
    if (!amounts || amounts.length !== table.plan.length) return;
    const budget = readAmount(table.budget.total, table.moneyScale);
    if (budget.kind !== 'number' || budget.value.lte(0)) return;
    const total = budget.value;
    const periods: { field: Field; percent?: Big; amount?: Big; amountField: Field }[] = [];
    for (const [i, field] of table.plan.entries()) {
      const amountField = amounts[i];
      if (!amountField) return;
      const p = readPlanCell(field);
      const a = readAmount(amountField, table.moneyScale);
      // A figure that cannot be read is plan/not-number's or budget/not-number's to say.
      if (p.kind === 'invalid' || a.kind === 'invalid') return;
      periods.push({
        field,
        amountField,
        percent: p.kind === 'number' ? new Big(p.percent) : undefined,
        amount: a.kind === 'number' ? a.value : undefined,
      });
    }
    // Each period's amount against its percentage, as written; or the amounts up to it, summed.
    let running = new Big(0);
    let places = 0;
    const cumulative: number[] = [];
    const runningOff: { i: number; sum: Big; places: number }[] = [];
    periods.forEach((p, i) => {
      if (p.amount) {
        running = running.plus(p.amount);
        places = Math.max(places, decimals(p.amountField));
      }
      if (!p.percent) return;
      if (p.amount && !agrees(p.amount, decimals(p.amountField), p.percent, decimals(p.field), total))
        cumulative.push(i);
      if (!agrees(running, places, p.percent, decimals(p.field), total))
        runningOff.push({ i, sum: running, places });
    });
    if (!cumulative.length || !runningOff.length) return;
    const data = (p: (typeof periods)[number], i: number, amount: Big, amountText: string) => {
      const percent = p.percent ?? new Big(0);
      return {
        period: String(i),
        cell: p.field.cell,
        percent: shown(p.field),
        amountCell: p.amountField.cell,
        amount: amountText,
        total: table.budget.total?.text.trim() ?? '',
        implied: shortDecimal(amount.div(total).times(100)),
        expected: total.times(percent).div(100).toFixed(2, Big.roundHalfUp),
      };
    };
    if (cumulative.length <= runningOff.length) {
      for (const i of cumulative) {
        const p = periods[i];
        if (!p?.amount) continue;
        context.report({
          at: p.field,
          messageId: 'mismatch',
          data: data(p, i, p.amount, p.amountField.text.trim()),
        });
      }
      return;
    }
    for (const { i, sum, places: d } of runningOff) {
      const p = periods[i];
      if (!p?.percent) continue;
      const before = sum.minus(p.amount ?? 0);
      const own = total.times(p.percent).div(100).minus(before);
      context.report({
        at: p.field,
        messageId: 'mismatchRunning',
        data: {
          ...data(p, i, sum, sum.toFixed(d, Big.roundHalfUp)),
          expectedCell: own.toFixed(2, Big.roundHalfUp),
        },
      });
    }
  },
};

/**
 * True when the amount is the percentage of the budget, either rounded as written: the share the
 * amount makes rounds to the percentage's decimals, or the percentage's amount to the amount's.
 */
function agrees(amount: Big, amountPlaces: number, percent: Big, percentPlaces: number, total: Big): boolean {
  const share = amount.div(total).times(100);
  if (share.minus(percent).abs().lte(half(percentPlaces))) return true;
  return total.times(percent).div(100).minus(amount).abs().lte(half(amountPlaces));
}

/** Half a unit of the last decimal place: 0.5 for whole numbers, 0.005 for two decimals. */
function half(places: number): Big {
  return new Big(5).div(new Big(10).pow(places + 1));
}

/** The decimals a figure is written with (`33.3%` 1, `40` 0; an Excel percent 0.333 shows 33.3). */
function decimals(field: Field): number {
  const raw = field.raw?.value;
  const text = typeof raw === 'number' ? percentAware(field, raw) : field.text.normalize('NFKC');
  const m = /\.(\d+)/u.exec(text.replace(/,/gu, ''));
  return m?.[1]?.length ?? 0;
}

function percentAware(field: Field, value: number): string {
  const reading = readPlanCell(field);
  return reading.kind === 'number' && reading.fromPercentFormat ? String(reading.percent) : String(value);
}

/** A percentage as the user sees it: an Excel percent 0.2 as `20%`. */
function shown(field: Field): string {
  const raw = field.raw?.value;
  const reading = readPlanCell(field);
  if (typeof raw === 'number' && reading.kind === 'number' && reading.fromPercentFormat)
    return percentText(raw);
  return field.text.trim();
}

/** A share in percent to two decimals at most, without trailing zeros: 25, 33.33. */
function shortDecimal(b: Big): string {
  return b.round(2, Big.roundHalfUp).toString();
}

export default rule;
