import type { Rule } from './rule';
import { categoriesOf, filled, hasContent } from './support';

/** A 一级 the profile does not have; synonyms (效益指标 for 效果指标 …) are accepted. */
const rule: Rule = {
  meta: {
    id: 'indicator/unknown-level1',
    severity: 'error',
    description: {
      'zh-CN': '一级指标不在所选指标体系中',
      'en-US': 'A level-1 indicator category that is not in the profile',
    },
    messages: {
      unknown: {
        'zh-CN': '一级指标“{{text}}”不在{{profile}}指标体系中；应为 {{allowed}} 之一。',
        'en-US':
          'Level-1 category “{{text}}” is not part of the {{profile}} framework; use one of {{allowed}}.',
      },
      empty: {
        'zh-CN': '该行没有一级指标；应为 {{allowed}} 之一。',
        'en-US': 'This row has no level-1 category; use one of {{allowed}}.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table, profile } = context;
    // A block without 一级/二级 columns gives its indicators no category to judge.
    if (table.columns.levels === 'none') return;
    const allowed = profile.level1.map((l) => l.name).join(' / ');
    const reported = new Set<string>();
    for (const ind of table.indicators) {
      const level1 = ind.level1;
      if (reported.has(level1.cell)) continue;
      if (!filled(level1)) {
        if (hasContent(ind) || filled(ind.level2)) {
          reported.add(level1.cell);
          context.report({ at: level1, messageId: 'empty', data: { allowed } });
        }
        continue;
      }
      if (categoriesOf(profile, ind).level1) continue;
      reported.add(level1.cell);
      context.report({
        at: level1,
        messageId: 'unknown',
        data: { text: level1.text, profile: profile.source, allowed },
      });
    }
  },
};

export default rule;
