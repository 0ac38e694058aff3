import type { ReaderNote } from '../types';
import type { Rule } from './rule';

const LABEL: Partial<Record<ReaderNote['what'], string>> = { plan: '资金支出计划', indicators: '一级指标' };

/**
 * A part of the table the reader could not find (the spending plan, the indicator block): nothing
 * in it was checked, which the reviewer must know rather than read as "no findings".
 */
const rule: Rule = {
  meta: {
    id: 'table/unreadable',
    severity: 'error',
    description: {
      'zh-CN': '表格的某一部分未能读出（资金支出计划或绩效指标），因此未校验',
      'en-US':
        'Part of the table could not be read (spending plan or indicator block), so it was not checked',
    },
    messages: {
      missingPart: {
        'zh-CN':
          '未能读出本表的{{part}}：在 {{cell}} 附近没有找到“{{label}}”栏，该部分未校验；请按标准表格式填写。',
        'en-US':
          'Could not read this table’s {{part}}: no “{{label}}” label was found near {{cell}}, so it was not checked; use the standard table’s layout.',
      },
    },
    terms: { part: 'part' },
    fixable: false,
  },
  check(context) {
    const seen = new Set<string>();
    for (const note of context.table.notes) {
      const label = LABEL[note.what];
      if (!label || seen.has(note.what)) continue;
      seen.add(note.what);
      // Many provinces' layouts have no spending plan at all; an unreadable indicator block leaves nothing checked.
      const severity = note.what === 'plan' ? 'warning' : 'error';
      context.report({
        at: note.cell,
        messageId: 'missingPart',
        data: { part: note.what, label, cell: note.cell },
        severity,
      });
    }
  },
};

export default rule;
