import type { Rule } from './rule';
import { categoriesOf, filled } from './support';

/**
 * Required coverage (SPEC §2): every 一级 of the profile has at least one filled indicator. One
 * finding on the 一级指标 header names every 一级 missing: several findings on one cell would say the
 * same thing several times.
 */
const rule: Rule = {
  meta: {
    id: 'indicator/missing-level1',
    severity: 'error',
    description: {
      'zh-CN': '某个一级指标下没有填写任何指标',
      'en-US': 'A level-1 category of the profile has no filled indicator',
    },
    messages: {
      missing: {
        'zh-CN':
          '本项目没有填写任何{{level1}}类指标；每个一级指标下至少应有一项填写了名称和指标值的三级指标。',
        'en-US':
          'This project has no {{level1}} indicator; every level-1 category needs at least one indicator with a name and a value.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table, profile } = context;
    // A block without 一级/二级 columns cannot say which category an indicator covers.
    if (!table.indicatorHeader || table.columns.levels === 'none') return;
    const missing = profile.level1.filter(
      (level1) =>
        !table.indicators.some(
          (ind) => categoriesOf(profile, ind).level1 === level1 && (filled(ind.name) || filled(ind.value)),
        ),
    );
    if (missing.length > 0)
      context.report({
        at: table.indicatorHeader,
        messageId: 'missing',
        // The profile's own names, quoted each: “产出指标”、“满意度指标”.
        data: { level1: missing.map((l) => `“${l.name}”`).join('、') },
      });
  },
};

export default rule;
