import { SimWorkbook } from '../../../src/sim';

const RED = '#FFC7CE';
const YELLOW = '#FFEB9C';

async function addRule(sim: SimWorkbook, address: string, formula: string, fill: string) {
  await sim.excel.run(async (context) => {
    const cf = context.workbook.worksheets
      .getItem('Sheet1')
      .getRange(address)
      .conditionalFormats.add(sim.excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = fill;
    await context.sync();
  });
}

describe('conditional formats as displayed', () => {
  it('fills the cells whose formula is true, shifting relative references from the top-left cell', async () => {
    const sim = new SimWorkbook();
    await addRule(sim, 'B7:E7', '=OR(NOT(ISNUMBER(B7)),B7<0,B7>100)', RED);
    sim.setValue('Sheet1', 'B7', 20);
    sim.setValue('Sheet1', 'C7', 'abc');
    sim.setValue('Sheet1', 'D7', 85);
    sim.setValue('Sheet1', 'E7', 150);
    expect(['B7', 'C7', 'D7', 'E7'].map((a) => sim.getCell('Sheet1', a).fill)).toEqual([
      null,
      RED,
      null,
      RED,
    ]);
    expect(sim.getCell('Sheet1', 'C7').ownFill).toBeNull();
    expect(sim.getCell('Sheet1', 'F7').fill).toBeNull();
    sim.setValue('Sheet1', 'C7', 50);
    expect(sim.getCell('Sheet1', 'C7').fill).toBeNull();
  });

  it('keeps absolute references fixed and compares neighbours relatively', async () => {
    const sim = new SimWorkbook();
    await addRule(sim, 'C7:E7', '=AND(ISNUMBER(C7),C7<B7)', YELLOW);
    await addRule(sim, 'E7', '=AND(ISNUMBER($E$7),$E$7<>100)', RED);
    for (const [a, v] of [
      ['B7', 20],
      ['C7', 10],
      ['D7', 60],
      ['E7', 100],
    ] as const)
      sim.setValue('Sheet1', a, v);
    expect(['C7', 'D7', 'E7'].map((a) => sim.getCell('Sheet1', a).fill)).toEqual([YELLOW, null, null]);
    sim.setValue('Sheet1', 'E7', 90);
    expect(sim.getCell('Sheet1', 'E7').fill).toBe(RED);
  });

  it('shows the own fill when no rule is true, and the newest rule (top priority) when several are', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color = '#ddeeff';
      await context.sync();
    });
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ fill: '#DDEEFF', ownFill: '#DDEEFF' });
    await addRule(sim, 'A1', '=A1>0', YELLOW);
    await addRule(sim, 'A1', '=A1>10', RED);
    sim.setValue('Sheet1', 'A1', 5);
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ fill: YELLOW, ownFill: '#DDEEFF' });
    sim.setValue('Sheet1', 'A1', 50);
    expect(sim.getCell('Sheet1', 'A1').fill).toBe(RED);
    expect(sim.conditionalFormats('Sheet1').map((c) => c.formula)).toEqual(['=A1>10', '=A1>0']);
  });

  it('evaluates rules that read other sheets', async () => {
    const sim = new SimWorkbook({ sheets: ['Sheet1', 'Data'] });
    await addRule(sim, 'A1', '=Data!A1="x"', RED);
    expect(sim.getCell('Sheet1', 'A1').fill).toBeNull();
    sim.setValue('Data', 'A1', 'X');
    expect(sim.getCell('Sheet1', 'A1').fill).toBe(RED);
  });

  it('honours stopIfTrue and sets font colour', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      const fill = range.conditionalFormats.add('Custom');
      fill.custom.rule.formula = '=TRUE';
      fill.custom.format.fill.color = RED;
      const stop = range.conditionalFormats.add('Custom');
      stop.custom.rule.formula = '=A1="stop"';
      stop.custom.format.font.color = '#9C0006';
      stop.stopIfTrue = true;
      await context.sync();
    });
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ fill: RED, fontColor: '#000000' });
    sim.setValue('Sheet1', 'A1', 'stop');
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ fill: null, fontColor: '#9C0006' });
  });
});

describe('conditional format collection', () => {
  it('lists, counts, reads and deletes the formats that touch a range; the whole sheet sees them all', async () => {
    const sim = new SimWorkbook();
    await addRule(sim, 'B2:B5', '=B2>1', RED);
    await addRule(sim, 'D2', '=D2<0', YELLOW);
    await sim.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      const all = sheet
        .getRange()
        .conditionalFormats.load(
          'items/id,items/type,items/priority,items/custom/rule/formula,items/custom/format/fill/color',
        );
      const count = sheet.getRange('B4:C9').conditionalFormats.getCount();
      const none = sheet.getRange('F1').conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(1);
      expect(none.value).toBe(0);
      expect(
        all.items.map((cf) => [cf.type, cf.priority, cf.custom.rule.formula, cf.custom.format.fill.color]),
      ).toEqual([
        ['Custom', 0, '=D2<0', YELLOW],
        ['Custom', 1, '=B2>1', RED],
      ]);
      const range = all.items[1].getRange().load('address');
      all.items[0].delete();
      await context.sync();
      expect(range.address).toBe('Sheet1!B2:B5');
      const byId = sheet.getRange().conditionalFormats.getItemOrNullObject(all.items[1].id);
      const gone = sheet.getRange().conditionalFormats.getItemOrNullObject(all.items[0].id);
      await context.sync();
      expect(byId.isNullObject).toBe(false);
      expect(gone.isNullObject).toBe(true);
    });
    expect(sim.conditionalFormats('Sheet1')).toEqual([
      { range: 'B2:B5', formula: '=B2>1', fill: RED, fontColor: null },
    ]);
  });

  it('clearAll on part of a format keeps the rest, with its formula re-anchored', async () => {
    const sim = new SimWorkbook();
    await addRule(sim, 'A1:A4', '=A1>1', RED);
    await sim.excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').conditionalFormats.clearAll();
      await context.sync();
    });
    expect(sim.conditionalFormats('Sheet1')).toEqual([
      { range: 'A3:A4', formula: '=A3>1', fill: RED, fontColor: null },
    ]);
    sim.setValue('Sheet1', 'A1', 5);
    sim.setValue('Sheet1', 'A4', 5);
    expect(sim.getCell('Sheet1', 'A1').fill).toBeNull();
    expect(sim.getCell('Sheet1', 'A4').fill).toBe(RED);
  });

  it('rejects a formula Excel would refuse and an unsimulated type', async () => {
    const sim = new SimWorkbook();
    await expect(addRule(sim, 'A1', '=AND(', RED)).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      sim.excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats.add('DataBar');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'NotImplemented' });
  });
});

describe('data validation', () => {
  it('stores a list rule with its alert and prompt, and reads them back', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem('Sheet1').getRange('A10:A20').dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: '产出指标,效益指标,满意度指标' } };
      dv.errorAlert = { showAlert: false, style: 'Information', title: '', message: '' };
      dv.prompt = { showPrompt: true, title: '', message: '选择一级指标' };
      await context.sync();
      const read = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A12')
        .dataValidation.load('type,rule,errorAlert,prompt');
      const mixed = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A19:A22')
        .dataValidation.load('type');
      await context.sync();
      expect(read.type).toBe('List');
      expect(read.rule).toEqual({ list: { inCellDropDown: true, source: '产出指标,效益指标,满意度指标' } });
      expect(read.errorAlert).toMatchObject({ showAlert: false, style: 'Information' });
      expect(read.prompt).toMatchObject({ showPrompt: true, message: '选择一级指标' });
      expect(mixed.type).toBe('Inconsistent');
    });
    expect(sim.dataValidations('Sheet1')).toEqual([
      { range: 'A10:A20', type: 'List', source: '产出指标,效益指标,满意度指标', showAlert: false },
    ]);
  });

  it('takes a range as the list source and keeps INDIRECT formulas', async () => {
    const sim = new SimWorkbook({ sheets: ['Sheet1', 'Lists'] });
    await sim.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').dataValidation.rule = {
        list: {
          inCellDropDown: true,
          source: context.workbook.worksheets.getItem('Lists').getRange('A1:A3'),
        },
      };
      sheet.getRange('B1:B5').dataValidation.rule = {
        list: { inCellDropDown: true, source: '=INDIRECT($A1)' },
      };
      await context.sync();
    });
    expect(sim.dataValidations('Sheet1').map((d) => d.source)).toEqual([
      '=Lists!$A$1:$A$3',
      '=INDIRECT($A1)',
    ]);
  });

  it('refuses a typed value outside a list with a Stop alert, and accepts anything when alerts are off', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
      sheet.getRange('B1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
      sheet.getRange('B1').dataValidation.errorAlert = {
        showAlert: false,
        style: 'Stop',
        title: '',
        message: '',
      };
      await context.sync();
    });
    sim.setValue('Sheet1', 'A1', 'B');
    expect(sim.getCell('Sheet1', 'A1').value).toBe('B');
    expect(() => sim.setValue('Sheet1', 'A1', 'c')).toThrow();
    expect(sim.getCell('Sheet1', 'A1').value).toBe('B');
    sim.setValue('Sheet1', 'B1', 'c');
    expect(sim.getCell('Sheet1', 'B1').value).toBe('c');
  });

  it('clear removes the validation from the range only', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A4').dataValidation.rule = { list: { inCellDropDown: true, source: 'x,y' } };
      await context.sync();
      sheet.getRange('A1:A2').dataValidation.clear();
      await context.sync();
    });
    expect(sim.dataValidations('Sheet1').map((d) => d.range)).toEqual(['A3:A4']);
  });

  it('rejects a rule with no source or two kinds', async () => {
    const sim = new SimWorkbook();
    for (const rule of [
      { list: { inCellDropDown: true, source: '' } },
      { list: { source: 'a' }, custom: { formula: '=TRUE' } },
    ]) {
      await expect(
        sim.excel.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule =
            rule as Excel.DataValidationRule;
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });
});
