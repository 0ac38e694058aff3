import { gridFromRows } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/indicator-empty-description';
import { GOOD, runRule, withExtraRow, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'a placeholder row', table: withExtraRow({ level1: '效果指标', level2: '生态效益指标' }) },
    {
      title: 'a layout without the description column',
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
      table: withRow(3, { description: '' }),
      errors: [
        {
          cell: 'D13',
          messageId: 'empty',
          messageIncludes: '培训经费',
          messageIncludesEn: '培训经费',
          severity: 'warning',
        },
      ],
    },
  ],
});
