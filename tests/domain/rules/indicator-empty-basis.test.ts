import { gridFromRows } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/indicator-empty-basis';
import { GOOD, runRule, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'a document number is a basis', table: withRow(0, { basis: '临信字[2018]5号' }) },
    {
      title: 'a layout without the basis column',
      grids: [
        gridFromRows('外单位', [
          ['项目编码', 'X-1', '项目名称', '道路养护'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '养护里程', '≥20公里'],
        ]),
      ],
    },
  ],
  invalid: [
    {
      table: withRow(5, { basis: '' }),
      errors: [{ cell: 'G15', messageId: 'empty', messageIncludes: '参训人员满意度', severity: 'warning' }],
    },
  ],
});
