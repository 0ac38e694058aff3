/** 生成自评表 on the simulator: two round trips for any number of projects, and sheets that score themselves. */

import { readGrid } from '../../src/domain/reader';
import { evaluateSelf } from '../../src/domain/selfeval';
import { open, projectGrids } from './sim-workbooks';

jest.setTimeout(60000);

describe('generateSelfEval', () => {
  test('one 自评表 per target table, in two round trips, never touching the targets', async () => {
    const grids = projectGrids(12);
    const { sim, bench } = await open(grids);
    const before = sim.toGrid('项目1');
    const { sheets } = await bench.generateSelfEval({ year: 2024 });
    expect(sim.syncCount).toBeLessThanOrEqual(2);
    expect(sheets).toHaveLength(12);
    expect(sheets[0]).toBe('自评-项目1群众工作中心运行');
    expect(sim.toGrid('项目1')).toEqual(before);
    expect(sim.activeSheet()).toBe(sheets[0]);

    const sheet = sheets[0]!;
    expect(sim.getCell(sheet, 'A1').value).toBe('项目支出绩效自评表（2024年度）');
    expect(sim.getCell(sheet, 'E12').locked).toBe(false);
    expect(sim.getCell(sheet, 'D12').locked).toBe(true);
    // Fresh: nothing scored yet, and no wall of errors in the score cells.
    expect(sim.getCell(sheet, 'G12').value).toBe('');
    expect(sim.getCell(sheet, 'G18').value).toBe('');

    // The user types the year-end figures; the sheet scores itself as the domain does.
    sim.setValue(sheet, 'D6', '10');
    sim.setValue(sheet, 'E6', '12.5');
    const actuals = ['25次', '81%', '95%', '320天', '25次', '90%'];
    actuals.forEach((a, i) => sim.setValue(sheet, `E${12 + i}`, a));
    expect(sim.getCell(sheet, 'E13').value).toBe('81%');
    expect(['G6', 'H6', 'G12', 'G13', 'G16', 'G18', 'F19'].map((a) => sim.getCell(sheet, a).value)).toEqual([
      1.25,
      10,
      12.5,
      14.99,
      0,
      79.17,
      '中',
    ]);
    const [table] = readGrid(sim.toGrid(sheet));
    const evaluation = evaluateSelf(table!);
    expect(evaluation.total?.toFixed(2)).toBe('79.17');
    expect(evaluation.grade).toBe('中');
  });

  test('only the projects asked for', async () => {
    const { sim, bench } = await open(projectGrids(3));
    const { sheets } = await bench.generateSelfEval({ year: 2024, sheets: ['项目2'] });
    expect(sheets).toEqual(['自评-项目2信访局办公场所运行费']);
    expect(sim.sheetNames()).toContain('自评-项目2信访局办公场所运行费');
    expect(sim.sheetNames().filter((n) => n.startsWith('自评-'))).toHaveLength(1);
  });

  test('a second run makes new sheets beside the first, and a 自评表 is never a target', async () => {
    const { sim, bench } = await open(projectGrids(1));
    await bench.generateSelfEval({ year: 2024 });
    const { sheets } = await bench.generateSelfEval({ year: 2024 });
    expect(sheets).toEqual(['自评-项目1群众工作中心运行 (2)']);
    expect(sim.sheetNames().filter((n) => n.startsWith('自评-'))).toHaveLength(2);
  });

  test('汇总 and the totals list the projects, not their 自评表', async () => {
    const { sim, bench } = await open(projectGrids(2));
    await bench.generateSelfEval({ year: 2024 });
    const { sheet } = await bench.writeSummary();
    const names = sim.toGrid(sheet).cells.map((row) => row[1]?.value);
    expect(names.filter((n) => typeof n === 'string' && n.includes('群众工作中心运行'))).toHaveLength(1);
    // The title, the unit line, the header, two projects, the total.
    expect(sim.toGrid(sheet).cells).toHaveLength(6);
    const state = await bench.refresh();
    expect(state.totals.projects).toHaveLength(2);
    expect(state.tables.filter((t) => t.form === 'selfEval')).toHaveLength(2);
  });

  test('a workbook without a target table: a refusal that says why', async () => {
    const { bench } = await open(projectGrids(1));
    await expect(bench.generateSelfEval({ year: 2024, sheets: ['nowhere'] })).rejects.toThrow(
      '没有找到可生成自评表的绩效目标表',
    );
  });
});
