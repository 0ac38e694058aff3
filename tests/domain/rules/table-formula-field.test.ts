import type { Grid, GridCell } from '../../../src/domain/grid';
import rule from '../../../src/domain/rules/table-formula-field';
import { templateGrid } from '../../fixtures/table-builder';
import { GOOD, runRule, tableWith } from './rule-tester';

/** The good table with the cell at row `r`, column `c` (0-based) replaced. */
function goodWith(r: number, c: number, cell: GridCell): Grid {
  const grid = templateGrid('Sheet1', GOOD);
  grid.cells[r][c] = cell;
  return grid;
}

const DDE = "=cmd|' /C calc'!A0";

runRule(rule, {
  valid: [
    GOOD,
    { title: 'a code typed as text that starts with =', table: tableWith({ code: '=207-0401' }) },
    {
      title: 'amounts typed as numbers and numeric text',
      table: tableWith({ total: '10.00', fiscal: 8, other: '2' }),
    },
  ],
  invalid: [
    {
      title: 'a DDE formula in 项目编码, taken until now at its cached value',
      grids: [goodWith(2, 1, { value: '207-0401-YBN', formula: DDE })],
      errors: [
        {
          cell: 'B3',
          messageId: 'text',
          fix: null,
          messageIncludes: `项目编码单元格是公式“${DDE}”（显示为“207-0401-YBN”），不是文字；应直接填写项目编码。`,
          messageIncludesEn: DDE,
        },
      ],
    },
    {
      title: 'a name computed from another cell',
      grids: [goodWith(2, 4, { value: '业务培训', formula: '=A20' })],
      errors: [{ cell: 'E3', messageId: 'text', messageIncludes: '项目名称单元格是公式“=A20”' }],
    },
    {
      title: 'an amount from another workbook, a command, a web service',
      table: tableWith({
        total: { value: 10, formula: "='C:\\预算\\[2026.xlsx]汇总'!C4" },
        fiscal: { value: 8, formula: DDE },
        other: { value: 2, formula: '=WEBSERVICE("http://example.invalid/x")' },
      }),
      errors: [
        {
          cell: 'C4',
          messageId: 'outside',
          messageIncludes: '预算数是引用其他文件或执行命令的公式',
          messageIncludesEn: '万元',
        },
        { cell: 'E4', messageId: 'outside', messageIncludes: DDE },
        { cell: 'G4', messageId: 'outside', messageIncludes: 'WEBSERVICE' },
      ],
    },
    {
      title: 'an amount computed in the workbook is a note that names the formula',
      table: tableWith({
        total: { value: 10, formula: '=E4+G4' },
        other: { value: 2, formula: '=SUM(表1[其他])' },
      }),
      errors: [
        {
          cell: 'C4',
          messageId: 'computed',
          severity: 'info',
          messageIncludes: '预算数是公式“=E4+G4”，按它上次计算的结果“10”检查',
          messageIncludesEn: '“=E4+G4”',
        },
        { cell: 'G4', messageId: 'computed', severity: 'info' },
      ],
    },
    {
      title: 'a formula saved without its result (a generated file) is unread, and says how to get it read',
      table: tableWith({ total: { value: null, formula: '=E4+G4' } }),
      errors: [
        {
          cell: 'C4',
          messageId: 'noResult',
          severity: 'warning',
          messageIncludes: '文件中没有保存它的计算结果',
          messageIncludesEn: 'no computed result',
        },
      ],
    },
  ],
});
