/**
 * A border dragged in some rows of a Word table (issue 14): Word's grid gets a sliver column, and
 * the heading of a column and the cells under it no longer start in the same grid column. The
 * heading `指标值` spans the sliver and the value column; in the indicator rows the sliver belongs
 * to `绩效指标描述` on its left. The value is the cell that starts under its heading, never the
 * description reaching into it. Excel, pasting such a table, makes the same sliver column.
 */

import { parseRangeA1 } from '../../src/domain/address';
import { gridFromRows } from '../../src/domain/grid';
import { readGrid } from '../../src/domain/reader';

test('values, descriptions and bases are read under their headings across a sliver column', () => {
  const grid = gridFromRows(
    '表4',
    [
      ['项目编码', 'X-1', null, '项目名称', '疑难信访资金'],
      ['预算数', '20.00', '其中：财政资金', '20.00', null, '其他资金', null, null],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', null, '指标值', null, '指标值确定依据'],
      ['产出指标', '数量指标', '未处理案件数量', '全年未处理的案件数量', null, null, '≤5次', '文件'],
      [null, '质量指标', '案件处理率', '处理完成的案件占总数的比率', null, null, '75%', '文件'],
    ],
    { merges: ['E1:H1', 'F2:H2', 'D3:E3', 'F3:G3', 'D4:F4', 'D5:F5', 'A4:A5'].map((r) => parseRangeA1(r)) },
  );
  const [t] = readGrid(grid);
  expect(
    t.indicators.map((i) => [i.name.text, i.value.cell, i.value.text, i.description?.text, i.basis?.text]),
  ).toEqual([
    ['未处理案件数量', 'G4', '≤5次', '全年未处理的案件数量', '文件'],
    ['案件处理率', 'G5', '75%', '处理完成的案件占总数的比率', '文件'],
  ]);
});
