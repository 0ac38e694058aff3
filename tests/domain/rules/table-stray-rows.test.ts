import type { Grid } from '../../../src/domain/grid';
import { gridFromRows } from '../../../src/domain/grid';
import { readWorkbook } from '../../../src/domain/reader';
import rule from '../../../src/domain/rules/table-stray-rows';
import { validateTables } from '../../../src/domain/validate';
import { SEED_TABLES } from '../../fixtures/seed-data';
import { templateGrid } from '../../fixtures/table-builder';
import { runRule } from './rule-tester';

/**
 * A sheet cut in two at a row (0-based, absolute), as a PDF converter leaves a table split at a page:
 * the rows above on `sheet`, the rows from `row` on a sheet of their own (`next`), numbered from 1.
 */
function cut(grid: Grid, row: number, next = '表2', lines: string[] = []): [Grid, Grid] {
  const at = row - grid.top;
  const above: Grid = {
    ...grid,
    cells: grid.cells.slice(0, at),
    merges: grid.merges
      .filter((m) => m.top < row)
      .map((m) => ({ ...m, bottom: Math.min(m.bottom, row - 1) })),
  };
  const shift = row - lines.length;
  const below: Grid = {
    ...grid,
    sheet: next,
    top: 0,
    cells: [...lines.map((l) => [{ value: l }]), ...grid.cells.slice(at)],
    merges: grid.merges
      .filter((m) => m.bottom >= row)
      .map((m) => ({ ...m, top: Math.max(m.top, row) - shift, bottom: m.bottom - shift })),
  };
  return [above, below];
}

const seed = templateGrid('表1', SEED_TABLES[0] ?? {});
// The template's indicator header is row 9 (0-based 8); its rows run to row 15 (0-based 14).
const [top, tail] = cut(seed, 11);

runRule(rule, {
  valid: [
    { title: 'one table', grids: [seed] },
    { title: 'a second project on the next sheet', grids: [seed, templateGrid('表2', SEED_TABLES[1] ?? {})] },
    {
      title: 'rows that do not name a level (a list of the project’s costs) are no indicators',
      grids: [
        top,
        gridFromRows('表2', [
          ['办公费', '2.00', '按实支出'],
          ['差旅费', '1.00', '按实支出'],
        ]),
      ],
    },
    {
      title: 'a table that ends with its signature line continues on no other sheet',
      grids: [
        { ...top, cells: [...top.cells, [{ value: '填报人：张三' }, undefined, { value: '联系电话：123' }]] },
        tail,
      ],
    },
    {
      title: 'a sheet that begins with its own header is no continuation',
      grids: [
        top,
        gridFromRows('表2', [
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '培训人数', '≥100人'],
        ]),
      ],
    },
  ],
  invalid: [
    {
      title: 'a table cut at a page inside its indicators',
      grids: [top, tail],
      errors: [
        {
          // the first filled cell: the 一级 above it is merged on the page before
          cell: 'B1',
          messageId: 'stray',
          messageIncludes: '“表2”A1:G4 的 4 行像是“群众工作中心运行”指标的续行',
          messageIncludesEn: '“表1”',
        },
      ],
    },
    {
      title: 'a page number and 续表 above the rows are passed over',
      grids: [top, cut(seed, 11, '第2页', ['- 2 -', '续表'])[1]],
      errors: [{ cell: 'B3', messageId: 'stray', messageIncludes: '“第2页”A3:G6' }],
    },
    {
      title: 'levels named as the table above names them (产出值, 数量值), not as the standard does',
      grids: [
        gridFromRows('表1', [
          ['项目名称', '小学教育公用经费'],
          ['资金总额', 438.768],
          ['一级', '二级', '三级', '年度数值'],
          ['产出值', '数量值', '小学就读人数', '≤6962人'],
        ]),
        gridFromRows('表2', [['产出值', '质量值', '办学条件改善', '=100%']]),
      ],
      errors: [{ cell: 'A1', messageId: 'stray', messageIncludes: '“小学教育公用经费”' }],
    },
  ],
});

describe('rows continuing a table', () => {
  it('are not a table of their own, and their indicators are not read', () => {
    const tables = readWorkbook([top, tail]);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.continuedIn).toMatchObject({ sheet: '表2', range: 'A1:G4', rows: 4 });
    // the finding is on the rows, on their sheet, where the user acts
    const [finding] = validateTables(tables, { rules: [rule] });
    expect(finding).toMatchObject({ sheet: '表2', cell: 'B1', table: 0 });
  });
});
