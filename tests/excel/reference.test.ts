/**
 * 插入 from the 参考指标 panel (SPEC §13) on the simulator: the name, the description and the basis go
 * into an indicator row's empty cells only, the value never, in at most two round trips.
 */

import { referenceLookup } from '../../src/domain/library';
import type { TargetTable } from '../../src/domain/types';
import { createWorkbench } from '../../src/excel';
import { SimWorkbook } from '../../src/sim';
import { GOOD } from '../domain/rules/rule-tester';
import { stackedGrid, templateGrid, type IndicatorInput } from '../fixtures/table-builder';
import { open, roundTrips, snapshot } from './sim-workbooks';

const REFERENCE = {
  name: '服务对象满意度',
  description: '服务对象对项目实施效果的满意程度',
  basis: '问卷调查',
};

const satisfactionRow = (row: Partial<IndicatorInput>): IndicatorInput => ({
  level1: '满意度指标',
  level2: '服务对象满意度指标',
  ...row,
});

/** The standard table with one more row under 服务对象满意度指标. */
function tableWith(row: IndicatorInput) {
  return { ...GOOD, indicators: [...(GOOD.indicators ?? []), row] };
}

const lastRow = (table: TargetTable) => table.indicators.at(-1)!;

describe('insertReference', () => {
  it('fills the empty name, description and basis of the row and leaves the value as typed', async () => {
    const { sim, bench } = await open([
      templateGrid('Sheet1', tableWith(satisfactionRow({ value: '≥90%' }))),
    ]);
    const [table] = (await bench.refresh()).tables;
    const row = lastRow(table);
    const before = sim.getCell('Sheet1', row.value.cell);
    let result: Awaited<ReturnType<typeof bench.insertReference>> | undefined;
    const trips = await roundTrips(sim, async () => {
      result = await bench.insertReference('Sheet1', row.row, REFERENCE);
    });
    expect(trips).toBeLessThanOrEqual(2);
    expect(result).toEqual({
      sheet: 'Sheet1',
      row: row.row,
      written: [
        { field: 'name', cell: row.name.cell },
        { field: 'description', cell: row.description!.cell },
        { field: 'basis', cell: row.basis!.cell },
      ],
      kept: [],
    });
    const [after] = (await bench.refresh()).tables;
    const filled = lastRow(after);
    expect([filled.name.text, filled.description?.text, filled.basis?.text]).toEqual([
      REFERENCE.name,
      REFERENCE.description,
      REFERENCE.basis,
    ]);
    expect(sim.getCell('Sheet1', row.value.cell)).toEqual(before);
    expect(filled.valueText).toBe('≥90%');
  });

  it('never overwrites what the user typed: a description is kept, the rest is filled', async () => {
    const { sim, bench } = await open([
      templateGrid('Sheet1', tableWith(satisfactionRow({ description: '群众对窗口服务的评价' }))),
    ]);
    const [table] = (await bench.refresh()).tables;
    const row = lastRow(table);
    const result = await bench.insertReference('Sheet1', row.row, REFERENCE);
    expect(result.written.map((w) => w.field)).toEqual(['name', 'basis']);
    expect(result.kept).toEqual([{ field: 'description', cell: row.description!.cell }]);
    expect(sim.getCell('Sheet1', row.description!.cell).value).toBe('群众对窗口服务的评价');
    expect(sim.getCell('Sheet1', row.value.cell).value).toBeNull();
  });

  it('writes nothing, in one round trip, when every cell already holds something', async () => {
    const filled = satisfactionRow({ name: '窗口服务满意度', description: '评价', basis: '调查' });
    const { sim, bench } = await open([templateGrid('Sheet1', tableWith(filled))]);
    const [table] = (await bench.refresh()).tables;
    const row = lastRow(table);
    const cells = snapshot(sim);
    let result: Awaited<ReturnType<typeof bench.insertReference>> | undefined;
    expect(
      await roundTrips(sim, async () => {
        result = await bench.insertReference('Sheet1', row.row, REFERENCE);
      }),
    ).toBe(1);
    expect(result?.written).toEqual([]);
    expect(result?.kept.map((k) => k.field)).toEqual(['name', 'description', 'basis']);
    expect(snapshot(sim)).toEqual(cells);
  });

  it('writes text Excel would convert as text', async () => {
    const { sim, bench } = await open([templateGrid('Sheet1', tableWith(satisfactionRow({})))]);
    const [table] = (await bench.refresh()).tables;
    const row = lastRow(table);
    await bench.insertReference('Sheet1', row.row, { name: '=满意度' });
    const cell = sim.getCell('Sheet1', row.name.cell);
    expect(cell.value).toBe('=满意度');
    expect(cell.formula).toBeFalsy();
  });

  it('finds the row in the second of two tables on a sheet', async () => {
    const second = tableWith(satisfactionRow({ value: '≥95%' }));
    const { sim, bench } = await open([stackedGrid('Sheet1', [GOOD, second])]);
    const tables = (await bench.refresh()).tables;
    expect(tables).toHaveLength(2);
    const row = lastRow(tables[1]);
    await bench.insertReference('Sheet1', row.row, { name: '服务对象满意度' });
    expect(sim.getCell('Sheet1', row.name.cell).value).toBe('服务对象满意度');
    expect(lastRow((await bench.refresh()).tables[0]).name.text).toBe(lastRow(tables[0]).name.text);
  });

  it('refuses a row that is not an indicator row, and a protected sheet, changing nothing', async () => {
    const { sim, bench } = await open([templateGrid('Sheet1', tableWith(satisfactionRow({})))]);
    const [table] = (await bench.refresh()).tables;
    const cells = snapshot(sim);
    await expect(bench.insertReference('Sheet1', 1, REFERENCE)).rejects.toThrow(
      '第 2 行不是工作表“Sheet1”中绩效目标表的指标行',
    );
    await expect(bench.insertReference('Nowhere', lastRow(table).row, REFERENCE)).rejects.toThrow(
      '找不到工作表“Nowhere”',
    );
    await sim.excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').protection.protect();
      await ctx.sync();
    });
    await expect(bench.insertReference('Sheet1', lastRow(table).row, REFERENCE)).rejects.toThrow('受保护');
    expect(snapshot(sim)).toEqual(cells);
  });
});

describe('a workbench given the library', () => {
  it('judges a name the library knows by it: 检测及时率 ≤7个工作日 is a time limit', async () => {
    const row: IndicatorInput = {
      level1: '产出指标',
      level2: '时效指标',
      name: '检测及时率',
      value: '≤7个工作日',
    };
    const mismatches = async (withLibrary: boolean) => {
      const sim = SimWorkbook.fromGrids([templateGrid('Sheet1', tableWith(row))]);
      const bench = createWorkbench(sim.excel, sim.office, {
        lang: 'zh-CN',
        pollMs: 0,
        ...(withLibrary ? { references: referenceLookup } : {}),
      });
      const { findings } = await bench.refresh();
      return findings.filter((f) => f.rule === 'indicator/unit-mismatch').map((f) => f.cell);
    };
    expect(await mismatches(false)).toHaveLength(1);
    expect(await mismatches(true)).toEqual([]);
  });
});
