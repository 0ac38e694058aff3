import { gridFromRows } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/table-missing-field';
import { GOOD, runRule, tableWith } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    tableWith({ other: null, usage: undefined, unit: undefined }),
    {
      title: 'a 部门整体 table has no 项目编码 line, so nothing to fill',
      grids: [
        gridFromRows('部门整体', [
          ['部门（单位）名称', '某县文化广电和旅游局'],
          ['年度预算金额', 356.8, '其中：财政拨款', 330.8, '其他资金', 26],
          ['年度总体目标', '公共文化设施免费开放'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '组织群众文化活动场次', '≥120场'],
        ]),
      ],
    },
  ],
  invalid: [
    {
      title: 'empty name, total and goal are errors',
      table: tableWith({ name: undefined, total: null, fiscal: null, other: null, goal: undefined }),
      errors: [
        { cell: 'E3', messageId: 'empty', severity: 'error', messageIncludes: '项目名称', fix: null },
        { cell: 'C4', messageId: 'empty', severity: 'error', messageIncludes: '预算数' },
        {
          cell: 'B8',
          messageId: 'empty',
          severity: 'error',
          messageIncludes: '绩效目标',
          messageIncludesEn: 'goal',
        },
      ],
    },
    {
      title: 'an empty project code is a warning',
      table: tableWith({ code: '  ' }),
      errors: [{ cell: 'B3', messageId: 'empty', severity: 'warning', messageIncludes: '项目编码' }],
    },
  ],
});
