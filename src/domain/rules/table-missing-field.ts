import { toA1 } from '../address';
import type { Field, ReaderNote } from '../types';
import type { Rule } from './rule';
import { filled } from './support';

type Required = 'name' | 'code' | 'total' | 'goal';

/** The label a reader looks for, as the standard table writes it. */
const LABEL: Record<Required, string> = {
  name: '项目名称',
  code: '项目编码',
  total: '预算数',
  goal: '绩效目标',
};
const NOTE_FOR: Record<Exclude<Required, 'code'>, ReaderNote['what']> = {
  name: 'name',
  total: 'budget',
  goal: 'goal',
};

/**
 * 项目名称, 预算数, 绩效目标 (and, as a warning, 项目编码) must be filled before submission. A missing
 * 项目编码 is reported only where the table has its cell.
 */
const rule: Rule = {
  meta: {
    id: 'table/missing-field',
    severity: 'error',
    description: {
      'zh-CN': '项目名称、预算数、绩效目标或项目编码未填写',
      'en-US': 'Project name, budget, performance goal or project code left empty',
    },
    messages: {
      empty: {
        'zh-CN': '{{field}}未填写；请在此单元格填写{{field}}。',
        'en-US': '{{field}} is empty; fill it in here.',
      },
      noLabel: {
        'zh-CN': '本表没有找到“{{label}}”栏（在 {{cell}} 附近查找）；应填写{{field}}。',
        'en-US':
          'No “{{label}}” label was found in this table (looked near {{cell}}); the table needs its {{field}}.',
      },
    },
    terms: { field: 'field' },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    const fields: Record<Required, Field | undefined> = {
      name: table.name,
      code: table.code,
      total: table.budget.total,
      goal: table.goal,
    };
    for (const what of ['name', 'code', 'total', 'goal'] as const) {
      const severity = what === 'code' ? 'warning' : 'error';
      const field = fields[what];
      if (field) {
        if (!filled(field))
          context.report({ at: field, messageId: 'empty', data: { field: what }, severity });
        continue;
      }
      // Tables without a 项目编码 line (部门整体 tables, other units' forms) have no cell to fill.
      if (what === 'code') continue;
      const note = table.notes.find((n) => n.what === NOTE_FOR[what]);
      const cell = note?.cell ?? toA1(table.top, table.left);
      context.report({
        at: cell,
        messageId: 'noLabel',
        data: { field: what, label: LABEL[what], cell },
        severity,
      });
    }
  },
};

export default rule;
