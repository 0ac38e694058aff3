import { gridFromRows, type Grid } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/table-hidden-content';
import { readGrid } from '../../../src/domain/reader';
import { runRule } from './rule-tester';

/** A table with last year's money line under this year's, and a working column after 指标值. */
const table = (hidden: Partial<Pick<Grid, 'hiddenRows' | 'hiddenCols'>>): Grid => ({
  ...gridFromRows('表1', [
    ['项目名称', '道路养护', '项目编码', 'X-1'],
    ['年度资金总额', 100, '财政拨款', 100, '其他资金', 0],
    ['上年资金总额', 80, '财政拨款', 80, '其他资金', 0],
    ['一级指标', '二级指标', '三级指标', '指标值', '备用'],
    ['产出指标', '数量指标', '养护里程', '≥20公里', '旧值15公里'],
    [],
    [],
    ['说明', '以下为草稿'],
  ]),
  ...hidden,
});

runRule(rule, {
  valid: [
    { title: 'nothing hidden', grids: [table({})] },
    { title: 'a hidden row outside the table (a note under it)', grids: [table({ hiddenRows: [7] })] },
    { title: 'a hidden column right of the table', grids: [table({ hiddenCols: [9] })] },
  ],
  invalid: [
    {
      title: 'last year’s money line hidden inside the table',
      grids: [table({ hiddenRows: [2] })],
      errors: [
        {
          cell: 'A3',
          messageId: 'rows',
          messageIncludes: '表内第 3 行已隐藏，其中有内容（如 A3“上年资金总额”）',
          messageIncludesEn: 'Row(s) 3 inside the table are hidden',
        },
      ],
    },
    {
      title: 'a table on a hidden sheet: said on its name',
      grids: [{ ...table({}), hidden: true }],
      errors: [
        {
          cell: 'B1',
          messageId: 'sheet',
          messageIncludes: '工作表“表1”已隐藏，其中的本表已读取、校验并计入合计',
          messageIncludesEn: 'The sheet “表1” is hidden',
        },
      ],
    },
    {
      title: 'a working column hidden',
      grids: [table({ hiddenCols: [4] })],
      errors: [{ cell: 'E2', messageId: 'cols', messageIncludes: '表内第 E 列已隐藏' }],
    },
    {
      title: 'both, said once on the first hidden cell',
      grids: [table({ hiddenRows: [2, 4], hiddenCols: [4] })],
      errors: [
        {
          cell: 'E2',
          messageId: 'both',
          messageIncludes: '第 3、5 行和第 E 列',
          messageIncludesEn: 'Row(s) 3, 5 and column(s) E',
        },
      ],
    },
  ],
});

test('hidden cells are read as written: the amounts do not change', () => {
  const plain = readGrid(table({}))[0];
  const hidden = readGrid(table({ hiddenRows: [2], hiddenCols: [4] }))[0];
  expect(hidden?.budget).toEqual(plain?.budget);
  expect(hidden?.indicators).toEqual(plain?.indicators);
  expect(hidden?.hiddenContent?.rows).toEqual([3]);
});
