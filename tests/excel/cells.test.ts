import { excelWouldConvert, gridCells, isDateFormat, parseAreas, toGridCell } from '../../src/excel/cells';
import { fingerprint } from '../../src/domain/formula';

describe('what Office.js returns, as grid cells', () => {
  it('flags errors by value type and dates by number format', () => {
    expect(toGridCell('#REF!', '=Sheet2!A1', 'General', 'Error')).toEqual({
      value: '#REF!',
      formula: '=Sheet2!A1',
      numberFormat: 'General',
      error: true,
    });
    expect(toGridCell(45292, 45292, 'yyyy"年"m"月"d"日"', 'Double')).toMatchObject({
      value: 45292,
      date: true,
    });
    expect(toGridCell(20, 20, '0.00', 'Double')).not.toHaveProperty('date');
    expect(toGridCell(0.2, 0.2, '0.00%', 'Double')).not.toHaveProperty('date');
  });

  it('tells text that looks like a formula from a formula', () => {
    // Typed into a text cell, `=100%` is reported as the same text in values and formulas.
    expect(toGridCell('=100%', '=100%', '@', 'String')).toEqual({ value: '=100%', numberFormat: '@' });
    expect(toGridCell(1, '=100%', 'General', 'Double')).toEqual({
      value: 1,
      formula: '=100%',
      numberFormat: 'General',
    });
  });

  it('keeps empty cells only when their format matters', () => {
    expect(toGridCell('', '', 'General', 'Empty')).toBeUndefined();
    expect(toGridCell('', '', '0.00%', 'Empty')).toEqual({ value: null, numberFormat: '0.00%' });
  });

  it('places a used range at its address', () => {
    const g = gridCells({
      address: "'项目 一'!B3:C4",
      values: [
        ['a', ''],
        ['', ''],
      ],
      formulas: [
        ['a', ''],
        ['', ''],
      ],
      numberFormat: [
        ['General', 'General'],
        ['General', 'General'],
      ],
      valueTypes: [
        ['String', 'Empty'],
        ['Empty', 'Empty'],
      ],
    });
    expect(g.top).toBe(2);
    expect(g.left).toBe(1);
    expect(g.cells[0][0]).toEqual({ value: 'a', numberFormat: 'General' });
    expect(g.cells[1]).toEqual([]);
  });

  it('reads merged areas from a RangeAreas address, whatever the sheet is called', () => {
    expect(parseAreas("'a, b!'!A1:G1, 'a, b!'!A2:E2")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 6 },
      { top: 1, left: 0, bottom: 1, right: 4 },
    ]);
    expect(parseAreas('Sheet1!$A$4:$A$5')).toEqual([{ top: 3, left: 0, bottom: 4, right: 0 }]);
    expect(parseAreas(null)).toEqual([]);
  });

  it('recognises date formats and nothing else', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yy', '[$-804]yyyy"年"m"月"', 'h:mm', '[h]:mm:ss'])
      expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '@', '0.00', '0.00%', '#,##0.00_);[Red](#,##0.00)', '"days"0'])
      expect(isDateFormat(f)).toBe(false);
  });

  it('knows which text Excel would not keep as typed', () => {
    for (const s of [
      '=A1',
      '+1',
      '-3',
      '20%',
      '1,000.5',
      '2023-1-1',
      '2023/01',
      '1月2日',
      'TRUE',
      "'x",
      '12:30',
    ])
      expect(excelWouldConvert(s)).toBe(true);
    for (const s of ['≥75%', '＝100%', '≤20万元', '临信字[2018]5号', '3月底', '信访案件处理率', '12月31日前'])
      expect(excelWouldConvert(s)).toBe(false);
  });
});

describe('formula references', () => {
  it('fingerprints a formula whatever cells it points at', () => {
    expect(fingerprint('=IF(ISERROR(B7),TRUE,LEN(TRIM(B7))>0)')).toBe(
      fingerprint('if(iserror($C$20), TRUE, LEN(TRIM(C20))>0)'),
    );
    expect(fingerprint('=\'项目 一\'!B7+N("B7")')).toBe('#+N("B7")');
    expect(fingerprint('=B7>0')).not.toBe(fingerprint('=B7<0'));
  });
});
