import { SimWorkbook } from '../../../src/sim';

type Args = Excel.WorksheetChangedEventArgs;

async function listen(sim: SimWorkbook, on: 'collection' | string = 'collection') {
  const seen: Args[] = [];
  const handler = async (args: Args) => {
    seen.push(args);
  };
  const result = await sim.excel.run(async (context) => {
    const source =
      on === 'collection' ? context.workbook.worksheets : context.workbook.worksheets.getItem(on);
    const registration = source.onChanged.add(handler);
    await context.sync();
    return registration;
  });
  return { seen, result };
}

describe('change events', () => {
  it('tells a user edit (Unknown) from the add-in’s own write (ThisLocalAddin)', async () => {
    const sim = new SimWorkbook();
    const { seen } = await listen(sim);
    sim.setValue('Sheet1', 'B3', '42');
    expect(seen).toHaveLength(0); // delivered asynchronously, as in Excel
    await sim.idle();
    await sim.excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('C4:D4').values = [[1, 2]];
      await context.sync();
    });
    await sim.idle();
    const sheetId = sim.sheetInfo('Sheet1').id;
    expect(
      seen.map((e) => ({
        type: e.type,
        address: e.address,
        changeType: e.changeType,
        source: e.source,
        triggerSource: e.triggerSource,
        worksheetId: e.worksheetId,
      })),
    ).toEqual([
      {
        type: 'WorksheetChanged',
        address: 'B3',
        changeType: 'RangeEdited',
        source: 'Local',
        triggerSource: 'Unknown',
        worksheetId: sheetId,
      },
      {
        type: 'WorksheetChanged',
        address: 'C4:D4',
        changeType: 'RangeEdited',
        source: 'Local',
        triggerSource: 'ThisLocalAddin',
        worksheetId: sheetId,
      },
    ]);
    expect(seen[0].details).toMatchObject({ valueBefore: '', valueAfter: 42, valueTypeAfter: 'Double' });
  });

  it('marks a co-author’s edit as Remote', async () => {
    const sim = new SimWorkbook();
    const { seen } = await listen(sim);
    sim.remoteEdit('Sheet1', 'A1', 'x');
    await sim.idle();
    expect(seen.map((e) => [e.source, e.triggerSource])).toEqual([['Remote', 'Unknown']]);
  });

  it('registers and removes handlers at sync', async () => {
    const sim = new SimWorkbook();
    const seen: string[] = [];
    const context = new sim.excel.RequestContext();
    const registration = context.workbook.worksheets.onChanged.add(
      async (e: Args) => void seen.push(e.address),
    );
    sim.setValue('Sheet1', 'A1', 'before the sync');
    await context.sync();
    sim.setValue('Sheet1', 'A2', 'after the sync');
    await sim.idle();
    registration.remove();
    sim.setValue('Sheet1', 'A3', 'before the removal is synced');
    await sim.idle();
    await context.sync();
    sim.setValue('Sheet1', 'A4', 'after the removal');
    await sim.idle();
    expect(seen).toEqual(['A2', 'A3']);
  });

  it('removes a handler through Excel.run on the registration’s context', async () => {
    const sim = new SimWorkbook();
    const { seen, result } = await listen(sim);
    await sim.excel.run(result.context, async (context) => {
      result.remove();
      await context.sync();
    });
    sim.setValue('Sheet1', 'A1', 1);
    await sim.idle();
    expect(seen).toHaveLength(0);
  });

  it('a worksheet’s own handler hears only that sheet', async () => {
    const sim = new SimWorkbook({ sheets: ['A', 'B'] });
    const { seen } = await listen(sim, 'B');
    sim.setValue('A', 'A1', 1);
    sim.setValue('B', 'A1', 1);
    await sim.idle();
    expect(seen.map((e) => e.worksheetId)).toEqual([sim.sheetInfo('B').id]);
  });

  it('reports inserted rows and gives the changed range to the handler', async () => {
    const sim = new SimWorkbook();
    const seen: { changeType: string; address: string; read: string }[] = [];
    await sim.excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add((e: Args) =>
        sim.excel.run(async (ctx) => {
          const range = e.getRange(ctx).load('address');
          await ctx.sync();
          seen.push({ changeType: e.changeType, address: e.address, read: range.address });
        }),
      );
      await context.sync();
    });
    await sim.excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('3:4').insert('Down');
      await context.sync();
    });
    sim.deleteRows('Sheet1', 3);
    await sim.idle();
    expect(seen).toEqual([
      { changeType: 'RowInserted', address: '3:4', read: 'Sheet1!3:4' },
      { changeType: 'RowDeleted', address: '3:3', read: 'Sheet1!3:3' },
    ]);
  });

  it('idle waits for what handlers start, and sheet added events carry the new sheet', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      context.workbook.worksheets.onAdded.add((e: Excel.WorksheetAddedEventArgs) =>
        sim.excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(e.worksheetId).getRange('A1').values = [['seen']];
          await ctx.sync();
        }),
      );
      await context.sync();
    });
    sim.addSheet('New');
    await sim.idle();
    expect(sim.getCell('New', 'A1').value).toBe('seen');
  });

  it('omits triggerSource where the host is older than ExcelApi 1.14', async () => {
    const sim = new SimWorkbook();
    sim.setRequirementSets({ ExcelApi: '1.9' });
    const { seen } = await listen(sim);
    sim.setValue('Sheet1', 'A1', 1);
    await sim.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0].triggerSource).toBeUndefined();
  });

  it('refuses the collection-wide event below ExcelApi 1.9 but allows the sheet’s own (1.7)', async () => {
    const sim = new SimWorkbook();
    sim.setRequirementSets({ ExcelApi: '1.8' });
    await expect(listen(sim)).rejects.toMatchObject({ code: 'ApiNotFound' });
    const { seen } = await listen(sim, 'Sheet1');
    sim.setValue('Sheet1', 'A1', 1);
    await sim.idle();
    expect(seen).toHaveLength(1);
  });

  it('notifies subscribers after each change', async () => {
    const sim = new SimWorkbook();
    let redraws = 0;
    const stop = sim.subscribe(() => redraws++);
    sim.setValue('Sheet1', 'A1', 1);
    await sim.excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
      await context.sync();
    });
    await sim.excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').load('values');
      await context.sync();
    });
    expect(redraws).toBe(2);
    stop();
    sim.setValue('Sheet1', 'A1', 3);
    expect(redraws).toBe(2);
  });
});
