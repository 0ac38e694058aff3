import { SimWorkbook } from '../../../src/sim';

/** Excel code under test is written against @types/office-js, exactly as src/excel is. */
function setup(sheets?: string[]) {
  const sim = new SimWorkbook(sheets ? { sheets } : undefined);
  return { sim, Excel: sim.excel };
}

describe('load and sync', () => {
  it('refuses to read a property before it is loaded and synced', async () => {
    const { sim, Excel } = setup();
    sim.setValue('Sheet1', 'A1', 'hello');
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['hello']]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('accepts every load form: comma list, array, select/expand, nested paths, none', async () => {
    const { sim, Excel } = setup();
    sim.setValue('Sheet1', 'B2', '3');
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const a = sheet.getRange('B2').load('values, address');
      const b = sheet.getRange('B2').load(['text', 'rowIndex']);
      const c = sheet.getRange('B2').load({ select: 'numberFormat', expand: 'format/font' });
      const d = sheet.getRange('B2').load('format/fill/color, format/font/bold');
      const e = sheet.getRange('B2').load();
      await context.sync();
      expect(a.values).toEqual([[3]]);
      expect(a.address).toBe('Sheet1!B2');
      expect(b.text).toEqual([['3']]);
      expect(b.rowIndex).toBe(1);
      expect(c.numberFormat).toEqual([['General']]);
      expect(c.format.font.name).toBe('Calibri');
      expect(d.format.fill.color).toBe('#FFFFFF');
      expect(d.format.font.bold).toBe(false);
      expect(e.valueTypes).toEqual([['Double']]);
      expect(e.toJSON()).toMatchObject({ address: 'Sheet1!B2', values: [[3]] });
    });
  });

  it('loads a collection with items/name or name', async () => {
    const { Excel } = setup(['A', 'B', 'C']);
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['A', 'B', 'C']);
      expect(() => sheets.items[0].visibility).toThrow(
        expect.objectContaining({ code: 'PropertyNotLoaded' }),
      );
      const again = context.workbook.worksheets.load('name, visibility');
      await context.sync();
      expect(again.items.map((s) => `${s.name}:${s.visibility}`)).toEqual([
        'A:Visible',
        'B:Visible',
        'C:Visible',
      ]);
      expect(again.toJSON()).toEqual({
        items: [
          { name: 'A', visibility: 'Visible' },
          { name: 'B', visibility: 'Visible' },
          { name: 'C', visibility: 'Visible' },
        ],
      });
    });
  });

  it('reports a property that does not exist at sync', async () => {
    const { Excel } = setup();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('valeus');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('getCount gives a ClientResult readable only after the sync', async () => {
    const { Excel } = setup(['A', 'B']);
    await Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(count.value).toBe(2);
    });
  });
});

describe('writes take effect at sync', () => {
  it('set() writes several properties, navigation objects included; read-only ones are refused', async () => {
    const { sim, Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.set({
        values: [['x']],
        format: { wrapText: true, fill: { color: '#FFEB9C' }, font: { bold: true } },
      });
      expect(() => range.set({ address: 'B2' } as Excel.Interfaces.RangeUpdateData)).toThrow(
        expect.objectContaining({ code: 'InvalidArgument' }),
      );
      await context.sync();
    });
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({
      value: 'x',
      wrap: true,
      ownFill: '#FFEB9C',
      bold: true,
    });
  });

  it('queues writes and applies them in order at sync', async () => {
    const { sim, Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [['first', 1]];
      expect(sim.getCell('Sheet1', 'A1').value).toBeNull();
      // The written value reads back locally before the sync, as in Office.js.
      expect(range.values).toEqual([['first', 1]]);
      range.getCell(0, 0).values = [['second']];
      await context.sync();
      expect(sim.getCell('Sheet1', 'A1').value).toBe('second');
      expect(sim.getCell('Sheet1', 'B1').value).toBe(1);
    });
  });

  it('a read queued after a write in the same batch sees the write', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A2').values = [[2], [3]];
      sheet.getRange('A3').formulas = [['=A1*A2']];
      const read = sheet.getRange('A3').load('values, formulas');
      await context.sync();
      expect(read.values).toEqual([[6]]);
      expect(read.formulas).toEqual([['=A1*A2']]);
    });
  });

  it('rejects a values array that does not match the range', async () => {
    const { sim, Excel } = setup();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(sim.getCell('Sheet1', 'A1').value).toBeNull();
  });

  it('leaves cells written as null unchanged', async () => {
    const { sim, Excel } = setup();
    sim.setValue('Sheet1', 'A1', 'keep');
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[null, 'new']];
      await context.sync();
    });
    expect(sim.getCell('Sheet1', 'A1').value).toBe('keep');
    expect(sim.getCell('Sheet1', 'B1').value).toBe('new');
  });

  it('getItem of a missing sheet fails at sync with ItemNotFound; commands before it stay applied', async () => {
    const { sim, Excel } = setup();
    let reached = false;
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['applied']];
        const missing = context.workbook.worksheets.getItem('Nope');
        reached = true;
        missing.getRange('A1').values = [['never']];
        context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [['not applied']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(reached).toBe(true);
    expect(sim.getCell('Sheet1', 'A1').value).toBe('applied');
    expect(sim.getCell('Sheet1', 'A2').value).toBeNull();
  });

  it('a load in a failed batch is not delivered', async () => {
    const { Excel } = setup();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      context.workbook.worksheets.getItem('Nope').getRange('A1').load('values');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('getItemOrNullObject gives isNullObject after the sync, and commands on a null object are ignored', async () => {
    const { sim, Excel } = setup();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('Sheet1');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      missing.getRange('A1').values = [['ignored']];
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
    expect(sim.getCell('Sheet1', 'A1').value).toBeNull();
  });

  it('keeps the identity of a sheet proxy across syncs after a rename', async () => {
    const { sim, Excel } = setup();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.name = 'Renamed';
      await context.sync();
      sheet.getRange('A1').values = [['x']];
      await context.sync();
    });
    expect(sim.sheetNames()).toEqual(['Renamed']);
    expect(sim.getCell('Renamed', 'A1').value).toBe('x');
  });
});

describe('round trips', () => {
  it('counts each sync and the closing sync Excel.run makes for queued commands', async () => {
    const { sim, Excel } = setup();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
    });
    expect(sim.syncCount).toBe(2);
    expect(sim.getCell('Sheet1', 'A2').value).toBe(2);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      await context.sync();
    });
    expect(sim.syncCount).toBe(3);
    sim.resetSyncCount();
    await Excel.run(async () => undefined);
    expect(sim.syncCount).toBe(0);
  });

  it('requires the batch to return a promise', async () => {
    const { Excel } = setup();
    await expect(Excel.run((() => undefined) as never)).rejects.toMatchObject({
      code: 'RunMustReturnPromise',
    });
  });

  it('does not mix objects from two contexts', async () => {
    const { Excel } = setup();
    await Excel.run(async (outer) => {
      const range = outer.workbook.worksheets.getItem('Sheet1').getRange('A1:A3');
      await Excel.run(async (inner) => {
        expect(() => inner.workbook.names.add('x', range)).toThrow(
          expect.objectContaining({ code: 'InvalidRequestContext' }),
        );
      });
    });
  });

  it('fails a scheduled sync without applying it, and runs a hostile action before a sync', async () => {
    const { sim, Excel } = setup(['A', 'B']);
    sim.failNextSync({ code: 'GeneralException' });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('A').getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(sim.getCell('A', 'A1').value).toBeNull();
    sim.beforeNextSync((wb) => wb.deleteSheet('B'));
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('B').getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('payload limit', () => {
  it('rejects a read whose values exceed the limit, and accepts it in chunks', async () => {
    const { sim, Excel } = setup();
    const rows = Array.from({ length: 200 }, (_, i) => [`row ${i} `.padEnd(100, 'x')]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A200').values = rows;
      await context.sync();
    });
    sim.payloadLimit = 12_000;
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:A200').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    const read: unknown[][] = [];
    await Excel.run(async (context) => {
      for (let top = 0; top < 200; top += 100) {
        const chunk = context.workbook.worksheets
          .getItem('Sheet1')
          .getRangeByIndexes(top, 0, 100, 1)
          .load('values');
        await context.sync();
        read.push(...chunk.values);
      }
    });
    expect(read).toEqual(rows);
  });

  it('rejects a write whose payload exceeds the limit before applying it', async () => {
    const { sim, Excel } = setup();
    sim.payloadLimit = 1000;
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['y'.repeat(2000)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(sim.getCell('Sheet1', 'A1').value).toBeNull();
  });
});

describe('requirement sets', () => {
  it('fails a call above the host requirement set with ApiNotFound and reports it through isSetSupported', async () => {
    const { sim, Excel } = setup();
    sim.setRequirementSets({ ExcelApi: '1.5' });
    expect(sim.office.context.requirements.isSetSupported('ExcelApi', '1.6')).toBe(false);
    expect(sim.office.context.requirements.isSetSupported('ExcelApi', '1.5')).toBe(true);
    await expect(
      Excel.run(async (context) => {
        const cf = context.workbook.worksheets
          .getItem('Sheet1')
          .getRange('A1')
          .conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = '=TRUE';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(sim.conditionalFormats('Sheet1')).toEqual([]);
  });
});
