import { normalizeName } from '../taxonomy';
import type { TargetTable } from '../types';
import type { Rule } from './rule';
import { filled } from './support';

/** Each table list's codes → the first table holding each, built once per list (the rule runs per table). */
const firstByCode = new WeakMap<readonly TargetTable[], Map<string, number>>();

function firstTables(tables: readonly TargetTable[]): Map<string, number> {
  let first = firstByCode.get(tables);
  if (!first) {
    first = new Map();
    tables.forEach((table, i) => {
      if (!table.code || !filled(table.code)) return;
      const key = normalizeName(table.code.text);
      if (!first!.has(key)) first!.set(key, i);
    });
    firstByCode.set(tables, first);
  }
  return first;
}

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
    crossTable: true,
  },
  check(context) {
    const { table, tables, index } = context;
    const code = table.code;
    if (!code || !filled(code)) return;
    const first = firstTables(tables).get(normalizeName(code.text));
    if (first === undefined || first >= index) return;
    const earlier = tables[first];
    if (!earlier) return;
    context.report({
      at: code,
      messageId: 'duplicate',
      data: { code: code.text, sheet: earlier.sheet, cell: earlier.code?.cell ?? '' },
    });
  },
};

export default rule;
