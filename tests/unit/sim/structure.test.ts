import { SimWorkbook } from '../../../src/sim';

function run<T>(
  sim: SimWorkbook,
  batch: (context: Excel.RequestContext, sheet: Excel.Worksheet) => Promise<T>,
): Promise<T> {
  return sim.excel.run((context) => batch(context, context.workbook.worksheets.getItem('Sheet1')));
}

describe('merges', () => {
  it('merges, keeps the upper-left value, reports the merged areas, and unmerges', async () => {
    const sim = new SimWorkbook();
    await run(sim, async (context, sheet) => {
      sheet.getRange('A1:C1').values = [['title', 'lost', '']];
      sheet.getRange('A1:C1').merge();
      sheet.getRange('A3:B4').merge(true);
      await context.sync();
      const areas = sheet.getRange().getMergedAreasOrNullObject().load('address,areaCount');
      const none = sheet.getRange('E1:F9').getMergedAreasOrNullObject().load('address');
      await context.sync();
      expect(areas.address).toBe('Sheet1!A1:C1,Sheet1!A3:B3,Sheet1!A4:B4');
      expect(areas.areaCount).toBe(3);
      expect(none.isNullObject).toBe(true);
    });
    expect(sim.getCell('Sheet1', 'A1').value).toBe('title');
    expect(sim.getCell('Sheet1', 'B1').value).toBeNull();
    expect(sim.merges('Sheet1')).toHaveLength(3);
    await run(sim, async (context, sheet) => {
      sheet.getRange('A3:B4').unmerge();
      await context.sync();
    });
    expect(sim.merges('Sheet1')).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  it('refuses to write into the hidden part of a merge, and a person typing there writes the upper-left cell', async () => {
    const sim = new SimWorkbook();
    await run(sim, async (context, sheet) => {
      sheet.getRange('B2:C2').merge();
      await context.sync();
    });
    await expect(
      run(sim, async (context, sheet) => {
        sheet.getRange('C2').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    sim.setValue('Sheet1', 'C2', 'typed');
    expect(sim.getCell('Sheet1', 'B2').value).toBe('typed');
    expect(sim.getCell('Sheet1', 'C2').value).toBeNull();
  });

  it('refuses a merge that partly overlaps another', async () => {
    const sim = new SimWorkbook();
    await expect(
      run(sim, async (context, sheet) => {
        sheet.getRange('A1:B1').merge();
        sheet.getRange('B1:C1').merge();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('inserting and deleting cells', () => {
  async function table(sim: SimWorkbook) {
    await run(sim, async (context, sheet) => {
      sheet.getRange('A1:A5').values = [[1], [2], [3], [4], [5]];
      sheet.getRange('B1').formulas = [['=SUM(A1:A5)']];
      sheet.getRange('B5').formulas = [['=A5*10']];
      sheet.getRange('C3:C5').numberFormat = [['@'], ['@'], ['@']];
      sheet.getRange('D4:E4').merge();
      const cf = sheet.getRange('A2:A5').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A2>3';
      cf.custom.format.fill.color = '#FFC7CE';
      sheet.getRange('F2:F5').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
      await context.sync();
    });
  }

  it('inserting rows moves cells down and every reference, merge and rule with them', async () => {
    const sim = new SimWorkbook({ sheets: ['Sheet1', 'Other'] });
    await table(sim);
    sim.setValue('Other', 'A1', '=Sheet1!A5+Sheet1!$A$1');
    const inserted = await run(sim, async (context, sheet) => {
      const r = sheet.getRange('3:4').insert('Down').load('address');
      await context.sync();
      return r.address;
    });
    expect(inserted).toBe('Sheet1!3:4');
    expect([1, 2, 3, 4, 5, 6, 7].map((r) => sim.getCell('Sheet1', `A${r}`).value)).toEqual([
      1,
      2,
      null,
      null,
      3,
      4,
      5,
    ]);
    expect(sim.getCell('Sheet1', 'B1')).toMatchObject({ formula: '=SUM(A1:A7)', value: 15 });
    expect(sim.getCell('Sheet1', 'B7')).toMatchObject({ formula: '=A7*10', value: 50 });
    expect(sim.getCell('Other', 'A1')).toMatchObject({ formula: '=Sheet1!A7+Sheet1!$A$1', value: 6 });
    expect(sim.merges('Sheet1')).toEqual([{ top: 5, left: 3, bottom: 5, right: 4 }]);
    expect(sim.conditionalFormats('Sheet1')[0]).toMatchObject({ range: 'A2:A7', formula: '=A2>3' });
    expect(sim.getCell('Sheet1', 'A7').fill).toBe('#FFC7CE');
    expect(sim.getCell('Sheet1', 'A5').fill).toBeNull();
    expect(sim.dataValidations('Sheet1')[0].range).toBe('F2:F7');
    // The new rows take the format of the row above (C2 is General, C5 keeps its text format).
    expect(sim.getCell('Sheet1', 'C3').numberFormat).toBe('General');
    expect(sim.getCell('Sheet1', 'C5').numberFormat).toBe('@');
  });

  it('a new row takes the formats of the row above it', async () => {
    const sim = new SimWorkbook();
    await run(sim, async (context, sheet) => {
      sheet.getRange('A2:B2').numberFormat = [['@', '0.00']];
      sheet.getRange('A2:B2').format.protection.locked = false;
      sheet.getRange('A2:B2').format.borders.getItem('EdgeBottom').style = 'Continuous';
      sheet.getRange('2:2').format.rowHeight = 30;
      sheet.getRange('3:3').insert('Down');
      await context.sync();
    });
    expect(sim.getCell('Sheet1', 'A3')).toMatchObject({ numberFormat: '@', locked: false });
    expect(sim.getCell('Sheet1', 'B3')).toMatchObject({ numberFormat: '0.00', locked: false });
    expect(sim.rowHeight('Sheet1', 2)).toBe(30);
  });

  it('deleting rows moves cells up; references to deleted cells become #REF!', async () => {
    const sim = new SimWorkbook();
    await table(sim);
    sim.setValue('Sheet1', 'H1', '=A2');
    await run(sim, async (context, sheet) => {
      sheet.getRange('A2:H3').getEntireRow().delete('Up');
      await context.sync();
    });
    expect([1, 2, 3].map((r) => sim.getCell('Sheet1', `A${r}`).value)).toEqual([1, 4, 5]);
    expect(sim.getCell('Sheet1', 'B1')).toMatchObject({ formula: '=SUM(A1:A3)', value: 10 });
    expect(sim.getCell('Sheet1', 'B3')).toMatchObject({ formula: '=A3*10', value: 50 });
    expect(sim.getCell('Sheet1', 'H1')).toMatchObject({ formula: '=#REF!', value: '#REF!' });
    expect(sim.merges('Sheet1')).toEqual([{ top: 1, left: 3, bottom: 1, right: 4 }]);
    // The rule lost its first rows: it now starts at A2 (old A4) and still compares each cell with 3.
    expect(sim.conditionalFormats('Sheet1')[0]).toMatchObject({ range: 'A2:A3', formula: '=A2>3' });
    expect(sim.getCell('Sheet1', 'A2').fill).toBe('#FFC7CE');
  });

  it('shifts only the cells of a partial range, and right for columns', async () => {
    const sim = new SimWorkbook();
    await run(sim, async (context, sheet) => {
      sheet.getRange('A1:C2').values = [
        ['a', 'b', 'c'],
        ['d', 'e', 'f'],
      ];
      sheet.getRange('B1').insert('Down');
      sheet.getRange('A2').insert('Right');
      await context.sync();
    });
    expect(['A1', 'B1', 'C1'].map((a) => sim.getCell('Sheet1', a).value)).toEqual(['a', null, 'c']);
    expect(['A2', 'B2', 'C2', 'D2'].map((a) => sim.getCell('Sheet1', a).value)).toEqual([
      null,
      'd',
      'b',
      'f',
    ]);
  });

  it('refuses an insert that would tear a merge apart', async () => {
    const sim = new SimWorkbook();
    await expect(
      run(sim, async (context, sheet) => {
        sheet.getRange('A3:C3').merge();
        sheet.getRange('B1:D1').insert('Down');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('sheet protection', () => {
  async function protect(sim: SimWorkbook, options?: Excel.WorksheetProtectionOptions, password?: string) {
    await run(sim, async (context, sheet) => {
      sheet.getRange('B2:B3').format.protection.locked = false;
      sheet.protection.protect(options, password);
      await context.sync();
    });
  }

  it('refuses writes to locked cells and format changes, allows unlocked cells', async () => {
    const sim = new SimWorkbook();
    await protect(sim);
    await expect(
      run(sim, async (context, sheet) => {
        sheet.getRange('A1').values = [['no']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(
      run(sim, async (context, sheet) => {
        sheet.getRange('B2').format.fill.color = '#FF0000';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await run(sim, async (context, sheet) => {
      sheet.getRange('B2:B3').values = [['yes'], [1]];
      const p = sheet.protection.load('protected');
      await context.sync();
      expect(p.protected).toBe(true);
    });
    expect(sim.getCell('Sheet1', 'B2').value).toBe('yes');
    expect(() => sim.setValue('Sheet1', 'A1', 'typed')).toThrow(
      expect.objectContaining({ code: 'AccessDenied' }),
    );
    sim.setValue('Sheet1', 'B3', 2);
    expect(sim.getCell('Sheet1', 'B3').value).toBe(2);
  });

  it('blocks inserting rows unless allowed, and conditional formats', async () => {
    const sim = new SimWorkbook();
    await protect(sim);
    await expect(
      run(sim, async (context, sheet) => {
        sheet.getRange('5:5').insert('Down');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(
      run(sim, async (context, sheet) => {
        sheet.getRange('B2').conditionalFormats.add('Custom').custom.rule.formula = '=TRUE';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    const allowed = new SimWorkbook();
    await protect(allowed, { allowInsertRows: true });
    await run(allowed, async (context, sheet) => {
      sheet.getRange('5:5').insert('Down');
      await context.sync();
    });
  });

  it('needs the password to unprotect, and refuses protecting twice', async () => {
    const sim = new SimWorkbook();
    await protect(sim, undefined, 'secret');
    await expect(
      run(sim, async (context, sheet) => {
        sheet.protection.protect();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(
      run(sim, async (context, sheet) => {
        sheet.protection.unprotect('wrong');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await run(sim, async (context, sheet) => {
      sheet.protection.unprotect('secret');
      await context.sync();
    });
    expect(sim.protection('Sheet1').protected).toBe(false);
    sim.setValue('Sheet1', 'A1', 'now');
    expect(sim.getCell('Sheet1', 'A1').value).toBe('now');
  });

  it('workbook structure protection refuses a new sheet', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      context.workbook.protection.protect();
      await context.sync();
    });
    await expect(
      sim.excel.run(async (context) => {
        context.workbook.worksheets.add('X');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

describe('formats', () => {
  it('writes and reads fonts, alignment, wrap, fill, borders, sizes, locking; mixed ranges read null', async () => {
    const sim = new SimWorkbook();
    await run(sim, async (context, sheet) => {
      const r = sheet.getRange('A1:B2');
      r.format.font.name = '宋体';
      r.format.font.size = 12;
      r.format.font.bold = true;
      r.format.font.color = 'red';
      r.format.horizontalAlignment = sim.excel.HorizontalAlignment.center;
      r.format.verticalAlignment = 'Center';
      r.format.wrapText = true;
      r.format.fill.color = '#ffeb9c';
      for (const edge of [
        'EdgeTop',
        'EdgeBottom',
        'EdgeLeft',
        'EdgeRight',
        'InsideVertical',
        'InsideHorizontal',
      ] as const)
        r.format.borders.getItem(edge).style = 'Continuous';
      sheet.getRange('A:A').format.columnWidth = 100;
      sheet.getRange('1:1').format.rowHeight = 30;
      sheet.getRange('A1').format.fill.clear();
      await context.sync();
      const read = sheet
        .getRange('A1:B2')
        .load(
          'format/font/name,format/font/bold,format/font/color,format/horizontalAlignment,format/wrapText,format/fill/color',
        );
      const b2 = sheet.getRange('B2').format.borders.getItem('EdgeTop').load('style,weight,color');
      const widths = sheet.getRange('A1:B1').format.load('columnWidth,rowHeight');
      await context.sync();
      expect(read.format.font.name).toBe('宋体');
      expect(read.format.font.bold).toBe(true);
      expect(read.format.font.color).toBe('#FF0000');
      expect(read.format.horizontalAlignment).toBe('Center');
      expect(read.format.wrapText).toBe(true);
      expect(read.format.fill.color).toBeNull();
      expect(b2.style).toBe('Continuous');
      expect(b2.weight).toBe('Thin');
      expect(widths.columnWidth).toBeNull();
      expect(widths.rowHeight).toBe(30);
    });
    expect(sim.getCell('Sheet1', 'B2')).toMatchObject({
      bold: true,
      wrap: true,
      horizontal: 'Center',
      ownFill: '#FFEB9C',
      borders: { top: true, bottom: true, left: true, right: true },
    });
    expect(sim.getCell('Sheet1', 'A1').ownFill).toBeNull();
    expect(sim.getCell('Sheet1', 'C3').borders).toEqual({
      top: false,
      bottom: false,
      left: false,
      right: false,
    });
    expect(sim.columnWidth('Sheet1', 0)).toBe(100);
    expect(sim.columnWidth('Sheet1', 1)).toBe(48);
    expect(sim.getCell('Sheet1', 'A500').bold).toBe(false);
  });

  it('formats whole columns without touching every cell, and clear(Formats) resets them', async () => {
    const sim = new SimWorkbook();
    await run(sim, async (context, sheet) => {
      sheet.getRange('C:C').format.font.bold = true;
      sheet.getRange('C:C').numberFormat = '@' as unknown as string[][];
      await context.sync();
    });
    expect(sim.getCell('Sheet1', 'C1000')).toMatchObject({ bold: true, numberFormat: '@' });
    sim.setValue('Sheet1', 'C7', '0012');
    expect(sim.getCell('Sheet1', 'C7').value).toBe('0012');
    await run(sim, async (context, sheet) => {
      sheet.getRange('C:C').clear('Formats');
      await context.sync();
    });
    expect(sim.getCell('Sheet1', 'C1000')).toMatchObject({ bold: false, numberFormat: 'General' });
    expect(sim.getCell('Sheet1', 'C7').value).toBe('0012');
  });

  it('sizes every row or column of the sheet at once', async () => {
    const sim = new SimWorkbook();
    await run(sim, async (context, sheet) => {
      sheet.getRange().format.rowHeight = 20;
      sheet.getRange('1:3').format.columnWidth = 60;
      sheet.getRange('2:2').format.rowHeight = 40;
      await context.sync();
      const read = sheet.getRange('A1:A2').format.load('rowHeight,columnWidth');
      await context.sync();
      expect([read.rowHeight, read.columnWidth]).toEqual([null, 60]);
    });
    expect([sim.rowHeight('Sheet1', 0), sim.rowHeight('Sheet1', 1), sim.rowHeight('Sheet1', 999999)]).toEqual(
      [20, 40, 20],
    );
    expect(sim.columnWidth('Sheet1', 16000)).toBe(60);
  });

  it('rejects values Excel would refuse: unknown enum strings and colours', async () => {
    const sim = new SimWorkbook();
    for (const apply of [
      (r: Excel.Range) => void (r.format.horizontalAlignment = 'Middle' as Excel.HorizontalAlignment),
      (r: Excel.Range) => void (r.format.fill.color = 'not a colour'),
      (r: Excel.Range) => void r.insert('Up' as Excel.InsertShiftDirection),
    ])
      await expect(
        run(sim, async (context, sheet) => {
          apply(sheet.getRange('A1'));
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('ranges', () => {
  it('navigates like Excel: getCell, offsets, resizing, rows, used range', async () => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'B2', 1);
    sim.setValue('Sheet1', 'D5', 2);
    await run(sim, async (context, sheet) => {
      const base = sheet.getRange('B2:C3');
      const addresses = [
        base.getCell(1, 1),
        base.getOffsetRange(1, 2),
        base.getResizedRange(2, -1),
        base.getRow(1),
        base.getColumn(0),
        base.getLastCell(),
        base.getEntireRow(),
        base.getEntireColumn(),
        base.getRowsBelow(2),
        base.getIntersection('C3:E9'),
        base.getBoundingRect('E5'),
        sheet.getUsedRange(),
        sheet.getUsedRange(true),
        sheet.getRangeByIndexes(4, 3, 2, 2),
        sheet.getCell(0, 0),
      ].map((r) => r.load('address'));
      const counts = base.load('rowIndex,columnIndex,rowCount,columnCount,cellCount');
      await context.sync();
      expect(addresses.map((r) => r.address)).toEqual([
        'Sheet1!C3',
        'Sheet1!D3:E4',
        'Sheet1!B2:B5',
        'Sheet1!B3:C3',
        'Sheet1!B2:B3',
        'Sheet1!C3',
        'Sheet1!2:3',
        'Sheet1!B:C',
        'Sheet1!B4:C5',
        'Sheet1!C3',
        'Sheet1!B2:E5',
        'Sheet1!B2:D5',
        'Sheet1!B2:D5',
        'Sheet1!D5:E6',
        'Sheet1!A1',
      ]);
      expect([
        counts.rowIndex,
        counts.columnIndex,
        counts.rowCount,
        counts.columnCount,
        counts.cellCount,
      ]).toEqual([1, 1, 2, 2, 4]);
    });
  });

  it('used range: A1 on a blank sheet, or a null object', async () => {
    const sim = new SimWorkbook();
    await run(sim, async (context, sheet) => {
      const used = sheet.getUsedRange().load('address');
      const orNull = sheet.getUsedRangeOrNullObject(true);
      await context.sync();
      expect(used.address).toBe('Sheet1!A1');
      expect(orNull.isNullObject).toBe(true);
    });
  });

  it('select() activates the sheet and selects the range; getSelectedRange reads it', async () => {
    const sim = new SimWorkbook({ sheets: ['A', 'B'] });
    await sim.excel.run(async (context) => {
      context.workbook.worksheets.getItem('B').getRange('F12').select();
      await context.sync();
      const selected = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(selected.address).toBe('B!F12');
    });
    expect(sim.selection).toEqual({ sheet: 'B', address: 'F12' });
    expect(sim.activeSheet()).toBe('B');
  });
});
