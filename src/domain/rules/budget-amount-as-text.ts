import { readAmount } from '../amounts';
import type { Field, TargetTable } from '../types';
import type { Rule } from './rule';
import { budgetCells } from './support';

/**
 * The table's amounts: the budget's, and in a self-evaluation's funds block also 年初预算数 and
 * 全年执行数 (each once).
 */
function amountCells(table: TargetTable): (readonly [string, Field])[] {
  const cells = budgetCells(table);
  const seen = new Set(cells.map(([, f]) => f.cell));
  for (const line of table.funds ?? [])
    for (const column of ['yearStart', 'yearBudget', 'executed'] as const) {
      const f = line.cells[column];
      if (f && !seen.has(f.cell)) {
        seen.add(f.cell);
        cells.push([line.line, f]);
      }
    }
  return cells;
}

/**
 * An amount written with its unit (`20万元`, `854万`) or as text (`1,234.56`): read exactly and
 * counted (SPEC §5), but a spreadsheet's own sums skip text, so the cell should hold the number.
 * The fix writes the bare number in the table's unit — not where the cell also holds its label
 * (`年度资金总额:50万`), nor where a unit would have to be converted in a 元 table.
 */
const rule: Rule = {
  meta: {
    id: 'budget/amount-as-text',
    severity: 'warning',
    description: {
      'zh-CN': '金额写成了文本或带有单位',
      'en-US': 'An amount written as text or with its unit',
    },
    messages: {
      withUnit: {
        'zh-CN':
          '{{field}}“{{text}}”带有单位，已按 {{value}} {{unit}}读取；应只填写数字“{{value}}”，单位见表头。',
        'en-US':
          '{{field}} “{{text}}” carries its unit and was read as {{value}} {{unit}}; enter the number {{value}} only, the unit is in the heading.',
      },
      asText: {
        'zh-CN':
          '{{field}}“{{text}}”是文本，已按 {{value}} {{unit}}读取；应填写为数字“{{value}}”，表格求和才能算到它。',
        'en-US':
          '{{field}} “{{text}}” is text and was read as {{value}} {{unit}}; enter it as the number {{value}} so that sums count it.',
      },
    },
    terms: { field: 'field', unit: 'moneyUnit' },
    fixable: true,
  },
  check(context) {
    const { table } = context;
    for (const [field, cell] of amountCells(table)) {
      const raw = cell.raw;
      if (!raw || typeof raw.value !== 'string' || raw.formula) continue;
      // A figure whose label states its own unit (`财政资金（元）`) is said and fixed in that unit.
      const scale = cell.moneyUnit ?? table.moneyScale;
      const unit = scale === 1 ? 'wan' : 'yuan';
      const amount = readAmount(cell, scale);
      if (amount.kind !== 'number') continue;
      // A number sharing its label's cell is as the form wants it, and a Word table holds only
      // text: there only a written unit is said.
      if ((cell.embedded || raw.textOnly) && !amount.written) continue;
      const value = amount.value.toString();
      const fixable = !cell.embedded && (scale === 1 || !amount.written);
      context.report({
        at: cell,
        messageId: amount.written ? 'withUnit' : 'asText',
        data: { field, text: cell.text, value, unit },
        ...(fixable ? { fix: Number(value) } : {}),
      });
    }
  },
};

export default rule;
