/**
 * Seventh session (2026-12-07): money lines read without the rows that say what their figures are.
 * A PDF turned into a workbook makes one sheet a page; a table cut inside its money block leaves the
 * column headings (年初预算数 | 全年预算数 | 全年执行数), the total and the money unit on the page
 * before. The reader took the first figure beside each label, or a part's figure as a project's
 * fiscal money: 年初预算数 202.64 read where the whole table says 全年预算数 132.91. Now such figures
 * are reported unread, on their line, with what to write.
 */

import { checkGrids } from '../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { readGrid } from '../../src/domain/reader';
import { amounts } from '../fixtures/grid-reading';

type Rows = (string | number | null)[][];

const INDICATORS: Rows = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '补助人数', '≥100人'],
];

/** The table/unreadable findings that say why money was not read (not a label missing elsewhere). */
const unreadable = (grid: Grid, lang: 'zh-CN' | 'en-US' = 'zh-CN') =>
  checkGrids([grid], { lang }).findings.filter(
    (f) => f.rule === 'table/unreadable' && ['unheadedFigures', 'cutOffMoney'].includes(f.messageId),
  );

describe('a money line with several figures and no heading over them', () => {
  type Figure = number | string | { value: number; numberFormat: string };
  const table = (total: Figure[], fiscal: Figure[], headings?: string[]): Grid =>
    gridFromRows('s', [
      ['项目名称', '村级补助及运转经费'],
      ...(headings ? [['项目资金（万元）', null, ...headings]] : []),
      [null, '年度资金总额', ...total],
      [null, '其中：财政拨款', ...fiscal],
      ['年度目标', '保障村级组织运转。'],
      ...INDICATORS,
    ]);

  test('figures that differ: the block is unread, said on the line with its figures', () => {
    const grid = table([202.64, 132.91, 132.91, 10], [202.64, 132.91, 132.91]);
    expect(amounts(grid)[0]).toEqual({ total: null, fiscal: null, other: null });
    const notes = readGrid(grid)[0]?.notes.filter((n) => n.what === 'budget');
    expect(notes).toEqual([
      expect.objectContaining({
        reason: 'columns',
        cell: 'C2',
        label: '年度资金总额',
        value: '202.64、132.91、132.91、10',
      }),
    ]);
    const [zh] = unreadable(grid);
    expect(zh?.cell).toBe('C2');
    expect(zh?.message).toContain('“年度资金总额”一行从 C2 起有几个不同的金额（202.64、132.91、132.91、10）');
    expect(zh?.message).toContain('“全年预算数”');
    const [en] = unreadable(grid, 'en-US');
    expect(en?.message).toContain('several different amounts from C2 on (202.64、132.91、132.91、10)');
  });

  test('one line undecided is enough: the parts are of the same unknown columns', () => {
    const grid = table([132.91], [202.64, 132.91]);
    expect(amounts(grid)[0]).toEqual({ total: null, fiscal: null, other: null });
    expect(unreadable(grid)[0]?.cell).toBe('C3');
  });

  test('a piece with no name, its only figures undecided, is still a table: said, never dropped', () => {
    const grid = gridFromRows('第2页', [
      [null, '年度资金总额：', 811.54, 790.2, { value: 0.97, numberFormat: '0%' }],
      [null, '其中：中央财政资金', 730.4, 709.06, { value: 0.97, numberFormat: '0%' }],
      ['总体目标', '继续为适龄儿童常规接种。'],
      ['一级指标', '二级指标', '三级指标', '指标值', '全年实际完成值'],
    ]);
    expect(readGrid(grid)).toHaveLength(1);
    expect(unreadable(grid)[0]).toMatchObject({ cell: 'C1', messageId: 'unheadedFigures' });
  });

  test('near miss: a share formatted as a percentage beside the amount is no second amount', () => {
    const share = { value: 1, numberFormat: '0%' };
    expect(amounts(table([132.91, share], [100, share]))[0]).toMatchObject({
      total: '132.91',
      fiscal: '100.00',
    });
  });

  test('near miss: the same figure repeated (a merge filled in) is one amount', () => {
    expect(amounts(table([132.91, 132.91], [100, 100]))[0]).toMatchObject({
      total: '132.91',
      fiscal: '100.00',
    });
  });

  test('near miss: under 年初预算数 | 全年预算数 | 全年执行数, this year’s budget is read', () => {
    const grid = table(
      [202.64, 132.91, 132.91],
      [202.64, 132.91, 132.91],
      ['年初预算数', '全年预算数', '全年执行数'],
    );
    expect(amounts(grid)[0]).toMatchObject({ total: '132.91', fiscal: '132.91' });
    expect(readGrid(grid)[0]?.notes.some((n) => n.reason === 'columns')).toBe(false);
  });

  test('near miss: under 项目总投资 | 当年金额, the year’s column is read', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '道路养护'],
      ['资金情况', null, '总金额', '当年金额'],
      [null, '资金总额', 300, 100],
      ['年度目标', '完成养护。'],
      ...INDICATORS,
    ]);
    expect(amounts(grid)[0]).toMatchObject({ total: '100.00' });
  });
});

describe('part lines that begin a sheet, no total above them', () => {
  const piece = (above: Rows): Grid =>
    gridFromRows('第2页', [
      ...above,
      [null, '其中：财政拨款', 170, '其中：财政拨款', 340],
      [null, '其他资金', 0, '其他资金', 0],
      ['总体目标', '中期目标', null, '年度目标'],
      [null, '保障执法车辆运行。', null, '保障执法车辆运行。'],
      ...INDICATORS,
    ]);

  test('the rest of a money block cut off at a page: unread, said on the first line', () => {
    const grid = piece([]);
    expect(amounts(grid)[0]).toEqual({ total: null, fiscal: null, other: null });
    const [zh] = unreadable(grid);
    expect(zh).toMatchObject({ cell: 'B1' });
    expect(zh?.message).toContain('从 B1 起的资金行（“其中：财政拨款”等）位于工作表开头');
    expect(zh?.message).toContain('请把这几行移回原表');
    expect(unreadable(grid, 'en-US')[0]?.message).toContain(
      'look like the rest of a table cut off at a page',
    );
  });

  test('after a 续表 or page-number line, the same', () => {
    expect(amounts(piece([['- 2 -']]))[0]).toEqual({ total: null, fiscal: null, other: null });
    expect(amounts(piece([['续表']]))[0]).toEqual({ total: null, fiscal: null, other: null });
  });

  test('near miss: under the project’s name, the parts are the table’s own', () => {
    const grid = piece([['项目名称', '城管执法车辆维修燃油费']]);
    expect(amounts(grid)[0]?.fiscal).not.toBeNull();
    expect(readGrid(grid)[0]?.notes.some((n) => n.reason === 'cutOff')).toBe(false);
  });

  test('near miss: a total line first is a block of its own, read', () => {
    const grid = gridFromRows('第2页', [
      [null, '年度资金总额', 50],
      [null, '其中：财政拨款', 50],
      [null, '其他资金', 0],
      ['年度目标', '完成养护。'],
      ...INDICATORS,
    ]);
    expect(amounts(grid)[0]).toEqual({ total: '50.00', fiscal: '50.00', other: '0.00' });
  });
});
