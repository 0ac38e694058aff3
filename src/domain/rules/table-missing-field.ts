import type { Field } from '../types';
import type { Rule } from './rule';
import { isSelfEvaluation } from '../selfeval/findings';
import { filled } from './support';

type Required = 'name' | 'code' | 'total' | 'goal';

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
    },
    terms: { field: 'field' },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    const fields: Record<Required, Field | undefined> = {
      name: table.name,
      code: table.code,
      // A self-evaluation's 全年预算数 is selfeval/missing-actual's to ask for, with the 执行数 (SPEC §12).
      total: isSelfEvaluation(table) && table.funds ? undefined : table.budget.total,
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
      // A field the reader did not find at all is table/unreadable's finding (a warning that says
      // where it looked): an error here would blame a form for the reader's blind spot.
    }
  },
};

export default rule;
