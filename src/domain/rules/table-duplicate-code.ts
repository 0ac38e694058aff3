import { normalizeName } from '../taxonomy';
import type { Rule } from './rule';
import { filled } from './support';

/** Two tables with one 项目编码: the later one is reported, since the first is usually the original. */
const rule: Rule = {
  meta: {
    id: 'table/duplicate-code',
    severity: 'error',
    description: {
      'zh-CN': '同一项目编码出现在两张表中',
      'en-US': 'The same project code appears in two tables',
    },
    messages: {
      duplicate: {
        'zh-CN': '项目编码“{{code}}”与工作表“{{sheet}}”{{cell}} 的项目重复；每个项目应有唯一的项目编码。',
        'en-US':
          'Project code “{{code}}” is already used by the project on sheet “{{sheet}}” ({{cell}}); each project needs its own code.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table, tables, index } = context;
    const code = table.code;
    if (!code || !filled(code)) return;
    const key = normalizeName(code.text);
    for (let i = 0; i < index; i++) {
      const earlier = tables[i].code;
      if (earlier && filled(earlier) && normalizeName(earlier.text) === key) {
        context.report({
          at: code,
          messageId: 'duplicate',
          data: { code: code.text, sheet: tables[i].sheet, cell: earlier.cell },
        });
        return;
      }
    }
  },
};

export default rule;
