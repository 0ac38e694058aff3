import { findLevel2 } from '../taxonomy';
import type { Rule } from './rule';
import { categoriesOf, filled, hasContent } from './support';

/** A 二级 not under its 一级 (`社会效益` = `社会效益指标`); a known 二级 under the wrong 一级 is told where it belongs. */
const rule: Rule = {
  meta: {
    id: 'indicator/unknown-level2',
    severity: 'error',
    description: {
      'zh-CN': '二级指标不属于其一级指标',
      'en-US': 'A level-2 category that does not belong to its level-1 category',
    },
    messages: {
      unknown: {
        'zh-CN': '二级指标“{{text}}”不属于一级指标“{{level1}}”；应为 {{allowed}} 之一。',
        'en-US': 'Level-2 category “{{text}}” does not belong to “{{level1}}”; use one of {{allowed}}.',
      },
      wrongLevel1: {
        'zh-CN':
          '二级指标“{{text}}”属于一级指标“{{belongsTo}}”，不应放在“{{level1}}”下；请移到“{{belongsTo}}”下，或改为 {{allowed}} 之一。',
        'en-US':
          'Level-2 category “{{text}}” belongs to “{{belongsTo}}”, not to “{{level1}}”; move the row under “{{belongsTo}}” or use one of {{allowed}}.',
      },
      empty: {
        'zh-CN': '一级指标“{{level1}}”下的该行没有二级指标；应为 {{allowed}} 之一。',
        'en-US': 'This row under “{{level1}}” has no level-2 category; use one of {{allowed}}.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table, profile } = context;
    // A block with no 二级 column (an old form's 指标 | 指标内容 | 指标值) asks for none.
    if (table.columns.levels !== 'full') return;
    const reported = new Set<string>();
    for (const ind of table.indicators) {
      const { level1, level2: known } = categoriesOf(profile, ind);
      const level2 = ind.level2;
      // An unknown 一级 is indicator/unknown-level1's finding; its 二级 cannot be judged.
      if (!level1 || reported.has(level2.cell)) continue;
      const allowed = level1.level2.map((l) => l.name).join(' / ');
      const data = { text: level2.text, level1: ind.level1.text, allowed };
      if (!filled(level2)) {
        if (hasContent(ind)) {
          reported.add(level2.cell);
          context.report({ at: level2, messageId: 'empty', data });
        }
        continue;
      }
      if (known) continue;
      reported.add(level2.cell);
      const elsewhere = findLevel2(profile, level2.text);
      if (elsewhere) {
        context.report({
          at: level2,
          messageId: 'wrongLevel1',
          data: { ...data, belongsTo: elsewhere.level1.name },
        });
      } else {
        context.report({ at: level2, messageId: 'unknown', data });
      }
    }
  },
};

export default rule;
