import { SimWorkbook } from '../../../src/sim';

async function format(sim: SimWorkbook, address: string, numberFormat: string, rows = 1) {
  await sim.excel.run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange(address).numberFormat = Array.from(
      { length: rows },
      () => [numberFormat],
    );
    await context.sync();
  });
}

describe('a person typing into a cell', () => {
  it('turns =100% into a formula in a General cell, but keeps it as text in a text cell', async () => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'A1', '=100%');
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ formula: '=100%', value: 1, text: '1' });
    await format(sim, 'A2', '@');
    sim.setValue('Sheet1', 'A2', '=100%');
    expect(sim.getCell('Sheet1', 'A2')).toMatchObject({ value: '=100%', text: '=100%' });
    expect(sim.getCell('Sheet1', 'A2').formula).toBeUndefined();
  });

  it('turns 75% into 0.75 shown as a percent in General, and keeps 75% in a text cell', async () => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'A1', '75%');
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ value: 0.75, numberFormat: '0%', text: '75%' });
    sim.setValue('Sheet1', 'A3', '12.5%');
    expect(sim.getCell('Sheet1', 'A3')).toMatchObject({
      value: 0.125,
      numberFormat: '0.00%',
      text: '12.50%',
    });
    await format(sim, 'A2', '@');
    sim.setValue('Sheet1', 'A2', '75%');
    expect(sim.getCell('Sheet1', 'A2')).toMatchObject({ value: '75%', numberFormat: '@', text: '75%' });
  });

  it('stores a typed percent in a 0.00 cell as a fraction in percent format', async () => {
    const sim = new SimWorkbook();
    await format(sim, 'B7', '0.00');
    sim.setValue('Sheet1', 'B7', '20%');
    expect(sim.getCell('Sheet1', 'B7')).toMatchObject({ value: 0.2, numberFormat: '0%', text: '20%' });
  });

  it('divides a plain number typed into a percent cell by 100 (automatic percent entry)', async () => {
    const sim = new SimWorkbook();
    await format(sim, 'A1', '0%');
    sim.setValue('Sheet1', 'A1', '20');
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ value: 0.2, text: '20%' });
    sim.setValue('Sheet1', 'A1', 30);
    expect(sim.getCell('Sheet1', 'A1').value).toBe(0.3);
  });

  it.each([
    ['123', 123, '123', 'General'],
    [' 42 ', 42, '42', 'General'],
    ['-5', -5, '-5', 'General'],
    ['1,234', 1234, '1,234', '#,##0'],
    ['(100)', -100, '-100', 'General'],
    ['TRUE', true, 'TRUE', 'General'],
    ['false', false, 'FALSE', 'General'],
    ['#N/A', '#N/A', '#N/A', 'General'],
    ['2024-06-30', 45473, '2024/6/30', 'yyyy/m/d'],
    ['2024年6月30日', 45473, '2024年6月30日', 'yyyy"年"m"月"d"日"'],
    ['≥90%', '≥90%', '≥90%', 'General'],
    ['≤20万元', '≤20万元', '≤20万元', 'General'],
    ["'=1+1", '=1+1', '=1+1', 'General'],
    ["'0012", '0012', '0012', 'General'],
    ['临信字[2018]5号', '临信字[2018]5号', '临信字[2018]5号', 'General'],
  ])('%p becomes %p shown as %p', (input, value, text, numberFormat) => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'A1', input);
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ value, text, numberFormat });
  });

  it('reads -text as a formula, as Excel does', () => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'A1', '-abc');
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ formula: '=-abc', value: '#NAME?' });
  });

  it('keeps anything typed into a text cell exactly, dates and numbers included', async () => {
    const sim = new SimWorkbook();
    await format(sim, 'A1:A4', '@', 4);
    for (const [i, input] of ['2024-06-30', '0012', 'TRUE', ' 5 '].entries()) {
      sim.setValue('Sheet1', `A${i + 1}`, input);
      expect(sim.getCell('Sheet1', `A${i + 1}`).value).toBe(input);
    }
  });

  it('clears a cell with null or an empty entry', () => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'A1', 'x');
    sim.setValue('Sheet1', 'A1', null);
    expect(sim.getCell('Sheet1', 'A1').value).toBeNull();
    sim.setValue('Sheet1', 'A1', 'x');
    sim.setValue('Sheet1', 'A1', '');
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ value: null, text: '' });
  });

  it('applies the same conversions to values written through the API', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:C1').values = [['=1+1', '75%', '12']];
      sheet.getRange('A2').numberFormat = [['@']];
      sheet.getRange('A2').values = [['=1+1']];
      await context.sync();
    });
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ formula: '=1+1', value: 2 });
    expect(sim.getCell('Sheet1', 'B1')).toMatchObject({ value: 0.75, numberFormat: '0%' });
    expect(sim.getCell('Sheet1', 'C1').value).toBe(12);
    expect(sim.getCell('Sheet1', 'A2').value).toBe('=1+1');
  });
});

describe('display text', () => {
  it.each([
    [10, '0.00', '10.00'],
    [-5, '0.00', '-5.00'],
    [2.345, '0.00', '2.35'],
    [1234.5, '#,##0.00', '1,234.50'],
    [0.2, '0%', '20%'],
    [0.125, '0.00%', '12.50%'],
    [1 / 3, 'General', '0.333333333'],
    [123456789012, 'General', '1.23457E+11'],
    [0.30000000000000004, 'General', '0.3'],
    [45473, 'yyyy-mm-dd', '2024-06-30'],
    [45473, 'yyyy"年"m"月"d"日"', '2024年6月30日'],
    [0.5, 'h:mm', '12:00'],
    [12345.678, '0.0E+00', '1.2E+04'],
    [-3, '0.00;(0.00)', '(3.00)'],
    [0, '0.00;-0.00;"-"', '-'],
    [33, '0.00"万元"', '33.00万元'],
  ])('%p in %p shows %p', async (v, numberFormat, text) => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.numberFormat = [[numberFormat]];
      range.values = [[v]];
      const read = range.load('text');
      await context.sync();
      expect(read.text).toEqual([[text]]);
    });
    expect(sim.getCell('Sheet1', 'A1').text).toBe(text);
  });
});
