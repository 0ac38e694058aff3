import type { Rule } from './rule';
import { hasContent } from './support';

/** A preset 二级 row left as the template made it (e.g. 生态效益指标 that does not apply). */
const rule: Rule = {
  meta: {
    id: 'indicator/empty-placeholder',
    severity: 'info',
    description: {
      'zh-CN': '二级指标行没有填写任何内容',
      'en-US': 'A level-2 row with nothing filled in',
    },
    messages: {
      empty: {
        'zh-CN': '“{{category}}”这一行没有填写三级指标和指标值；如适用请填写，不适用可删除此行。',
        'en-US':
          'The “{{category}}” row has no indicator or value; fill it in if it applies, or delete the row.',
      },
    },
    fixable: false,
  },
  check(context) {
    for (const ind of context.table.indicators) {
      if (hasContent(ind)) continue;
      const category = ind.level2.text || ind.level1.text;
      // Named on the row's own 二级 cell, the category left empty; on the 三级 cell when the 二级 is
      // the row above's (merged over several rows).
      const at = ind.level2.text && ind.level2.row === ind.row ? ind.level2 : ind.name;
      if (category) context.report({ at, messageId: 'empty', data: { category } });
    }
  },
};

export default rule;
