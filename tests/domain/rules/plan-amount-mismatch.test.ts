import { gridFromRows, type Grid } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/plan-amount-mismatch';
import { GOOD, runRule } from './rule-tester';

type Cell = string | number | { value: number; numberFormat: string } | null;

/** A table whose plan is written twice under its period labels: amounts over percentages, or the other way. */
function twice(first: Cell[], second: Cell[], headings?: [string, string], total: Cell = 200): Grid {
  const lead = (h: string | undefined): Cell[] => (headings ? [null, h ?? null] : [null]);
  return gridFromRows('计划', [
    ['项目名称', '道路养护', '项目编码', 'X-1'],
    ['预算数', total, '其中：财政资金', total],
    [...(headings ? ['资金支出计划', '时间'] : ['资金支出计划']), '3月底', '6月底', '10月底', '12月底'],
    [...lead(headings?.[0]), ...first] as (string | number | null)[],
    [...lead(headings?.[1]), ...second] as (string | number | null)[],
    ['绩效目标', '完成养护'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '养护里程', '≥20公里'],
  ]);
}

runRule(rule, {
  valid: [
    GOOD,
    { title: 'amounts over percentages that agree', grids: [twice([40, 100, 160, 200], [20, 50, 80, 100])] },
    {
      title: 'percentages over amounts, headed 比例 and 金额',
      grids: [twice(['20%', '50%', '80%', '100%'], [40, 100, 160, 200], ['比例（%）', '金额（万元）'])],
    },
    {
      title: 'each period’s own amount, the percentages cumulative',
      grids: [twice([40, 60, 60, 40], [20, 50, 80, 100], ['支出金额', '支出进度'])],
    },
    {
      title: 'a percentage rounded as written: 40 of 120 is 33%',
      grids: [twice([40, 60, 90, 120], [33, 50, 75, 100], undefined, 120)],
    },
    {
      title: 'an amount rounded as written: 33.33 % of 100 is 33.33',
      grids: [twice([33.33, 50, 75, 100], ['33.33%', '50%', '75%', '100%'], ['金额', '比例'], 100)],
    },
    {
      title: 'Excel percents and amounts with their unit',
      grids: [
        twice(
          ['40万元', '100万元', '160万元', '200万元'],
          [0.2, 0.5, 0.8, 1].map((value) => ({ value, numberFormat: '0%' })),
        ),
      ],
    },
    { title: 'a plan written once', grids: [twice([20, 50, 80, 100], [null, null, null, null])] },
  ],
  invalid: [
    {
      title: 'the 6月底 percentage is not the 6月底 amount’s share',
      grids: [twice([40, 100, 160, 200], [20, 40, 80, 100])],
      errors: [
        {
          cell: 'C5',
          messageId: 'mismatch',
          severity: 'error',
          messageIncludes:
            '6月底计划支出“40”与同期金额 C4“100”不符：按预算数 200 计，100 占 50%，“40”应为 80.00；请改正其中一项，如在 C5 填写“50%”，或在 C4 填写“80.00”。',
          messageIncludesEn: 'end-of-June plan “40” disagrees with the amount “100” in C4',
        },
      ],
    },
    {
      title: 'percentages first, headed, an amount off',
      grids: [twice(['20%', '50%', '80%', '100%'], [40, 100, 150, 200], ['比例（%）', '金额（万元）'])],
      errors: [
        { cell: 'E4', messageId: 'mismatch', messageIncludes: '在 E4 填写“75%”，或在 E5 填写“160.00”' },
      ],
    },
    {
      title: 'each period’s own amounts that do not add up to the percentages',
      grids: [twice([40, 60, 80, 20], [20, 50, 80, 100], ['支出金额', '支出进度'])],
      errors: [
        {
          cell: 'E5',
          messageId: 'mismatchRunning',
          messageIncludes: '10月底累计计划支出“80”与截至该期的金额合计 180（E4 及之前各期）不符',
          messageIncludesEn: 'end-of-October cumulative plan',
        },
      ],
    },
  ],
});
