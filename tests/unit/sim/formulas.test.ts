import { SimWorkbook } from '../../../src/sim';

/** Types the formula into Sheet1!Z1 of a workbook prepared by `prepare` and returns what Excel shows. */
function evaluate(formula: string, prepare?: (sim: SimWorkbook) => void) {
  const sim = new SimWorkbook({ sheets: ['Sheet1', 'Data', '项目 一'] });
  prepare?.(sim);
  sim.setValue('Sheet1', 'Z1', formula);
  return sim.getCell('Sheet1', 'Z1');
}

const value = (formula: string, prepare?: (sim: SimWorkbook) => void) => evaluate(formula, prepare).value;

describe('operators', () => {
  it.each([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=2^3^2', 64],
    ['=-2^2', 4],
    ['=10/4', 2.5],
    ['=7-10', -3],
    ['=50%', 0.5],
    ['=100%', 1],
    ['=--TRUE', 1],
    ['=+5', 5],
    ['="a"&"b"&1', 'ab1'],
    ['=1.5&""', '1.5'],
    ['=(0.1+0.2)&""', '0.3'],
    ['=TRUE&"x"', 'TRUEx'],
    ['="3"+2', 5],
    ['="20%"*10', 2],
    ['=1=1', true],
    ['="abc"="ABC"', true],
    ['="a"<"b"', true],
    ['=1<"a"', true],
    ['="z"<TRUE', true],
    ['=2<>2', false],
    ['=3>=3', true],
    ['=2<=1', false],
  ])('%s = %p', (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it.each([
    ['=1/0', '#DIV/0!'],
    ['="abc"+1', '#VALUE!'],
    ['=""+1', '#VALUE!'],
    ['=#N/A+1', '#N/A'],
    ['=1+#REF!', '#REF!'],
    ['=-"x"', '#VALUE!'],
    ['=0^0', '#NUM!'],
  ])('%s gives the error %s', (formula, code) => {
    const cell = evaluate(formula);
    expect(cell.value).toBe(code);
    expect(cell.error).toBe(true);
    expect(cell.text).toBe(code);
  });

  it('treats an empty cell as 0 in arithmetic and "" in text', () => {
    expect(value('=A1+1')).toBe(1);
    expect(value('=A1&"x"')).toBe('x');
    expect(value('=A1=0')).toBe(true);
    expect(value('=A1=""')).toBe(true);
    expect(value('=A1')).toBe(0);
  });

  it('propagates an error from a referenced cell', () => {
    expect(value('=A1*2', (s) => s.setValue('Sheet1', 'A1', '=1/0'))).toBe('#DIV/0!');
  });

  it('refuses a formula that does not parse, as Excel refuses the entry', () => {
    const sim = new SimWorkbook();
    expect(() => sim.setValue('Sheet1', 'A1', '=1+')).toThrow(
      expect.objectContaining({ code: 'InvalidArgument' }),
    );
    expect(() => sim.setValue('Sheet1', 'A1', '=SUM(1,2')).toThrow(
      expect.objectContaining({ code: 'InvalidArgument' }),
    );
    expect(sim.getCell('Sheet1', 'A1').value).toBeNull();
  });

  it('gives #NAME? for an unknown function or name', () => {
    expect(value('=FOO(1)')).toBe('#NAME?');
    expect(value('=nosuchname+1')).toBe('#NAME?');
  });
});

describe('functions', () => {
  const numbers = (sim: SimWorkbook) => {
    sim.setValue('Sheet1', 'A1', 1);
    sim.setValue('Sheet1', 'A2', "'2");
    sim.setValue('Sheet1', 'A3', 'TRUE');
    sim.setValue('Sheet1', 'A4', 4);
  };

  it('SUM adds numbers; referenced text and logicals are skipped, direct ones are coerced', () => {
    expect(value('=SUM(A1:A4)', numbers)).toBe(5);
    expect(value('=SUM(1,"2",TRUE)')).toBe(4);
    expect(value('=SUM(A1:A4,10)', numbers)).toBe(15);
    expect(value('=SUM("x")')).toBe('#VALUE!');
    expect(value('=SUM(A1:A2)', (s) => s.setValue('Sheet1', 'A2', '=1/0'))).toBe('#DIV/0!');
    expect(value('=SUM(0.1,0.2)')).toBe(0.3);
  });

  it('MAX and MIN ignore referenced text; none gives 0', () => {
    expect(value('=MAX(A1:A4)', numbers)).toBe(4);
    expect(value('=MIN(A1:A4)', numbers)).toBe(1);
    expect(value('=MAX(A1:A4,9)', numbers)).toBe(9);
    expect(value('=MIN(B1:B3)')).toBe(0);
  });

  it('IF picks a branch and defaults like Excel', () => {
    expect(value('=IF(1>0,"pos","neg")')).toBe('pos');
    expect(value('=IF(0,"pos","neg")')).toBe('neg');
    expect(value('=IF(FALSE,1)')).toBe(false);
    expect(value('=IF(TRUE,,2)')).toBe(0);
    expect(value('=IF("x",1,2)')).toBe('#VALUE!');
    expect(value('=IF(TRUE,1,1/0)')).toBe(1);
  });

  it('AND, OR, NOT', () => {
    expect(value('=AND(TRUE,1)')).toBe(true);
    expect(value('=AND(TRUE,0)')).toBe(false);
    expect(value('=OR(FALSE,0)')).toBe(false);
    expect(value('=OR(FALSE,2)')).toBe(true);
    expect(value('=AND(A1:A4)', numbers)).toBe(true);
    expect(value('=OR(B1:B2)', (s) => s.setValue('Sheet1', 'B1', 'text'))).toBe('#VALUE!');
    expect(value('=NOT(0)')).toBe(true);
    expect(value('=NOT(1)')).toBe(false);
  });

  it('ISNUMBER, ISTEXT, ISBLANK, ISERROR', () => {
    expect(value('=ISNUMBER(A1)', numbers)).toBe(true);
    expect(value('=ISNUMBER(A2)', numbers)).toBe(false);
    expect(value('=ISNUMBER("5")')).toBe(false);
    expect(value('=ISNUMBER(--A2)', numbers)).toBe(true);
    expect(value('=ISTEXT(A2)', numbers)).toBe(true);
    expect(value('=ISTEXT(A1)', numbers)).toBe(false);
    expect(value('=ISBLANK(B9)')).toBe(true);
    expect(value('=ISBLANK(A1)', numbers)).toBe(false);
    expect(value('=ISBLANK(B1)', (s) => s.setValue('Sheet1', 'B1', '=""'))).toBe(false);
    expect(value('=ISERROR(1/0)')).toBe(true);
    expect(value('=ISERROR(1)')).toBe(false);
  });

  it('IFERROR', () => {
    expect(value('=IFERROR(1/0,"none")')).toBe('none');
    expect(value('=IFERROR(5,"none")')).toBe(5);
    expect(value('=IFERROR(VALUE("x"),-1)')).toBe(-1);
  });

  it('VALUE and N', () => {
    expect(value('=VALUE("20%")')).toBe(0.2);
    expect(value('=VALUE("20.00")')).toBe(20);
    expect(value('=VALUE(" 1,234 ")')).toBe(1234);
    expect(value('=VALUE("abc")')).toBe('#VALUE!');
    expect(value('=VALUE(A2)', numbers)).toBe(2);
    expect(value('=VALUE(B9)')).toBe(0);
    expect(value('=N(TRUE)')).toBe(1);
    expect(value('=N("7")')).toBe(0);
    expect(value('=N(A4)', numbers)).toBe(4);
  });

  it('text functions', () => {
    expect(value('=LEN("汉字ab")')).toBe(4);
    expect(value('=LEN(A1)', numbers)).toBe(1);
    expect(value('=TRIM("  a   b  ")')).toBe('a b');
    expect(value('=LEFT("abcdef",2)')).toBe('ab');
    expect(value('=LEFT("abc")')).toBe('a');
    expect(value('=LEFT("abc",-1)')).toBe('#VALUE!');
    expect(value('=RIGHT("abcdef",3)')).toBe('def');
    expect(value('=RIGHT("abc",0)')).toBe('');
    expect(value('=MID("abcdef",2,3)')).toBe('bcd');
    expect(value('=MID("abc",0,1)')).toBe('#VALUE!');
    expect(value('=MID("abc",5,2)')).toBe('');
  });

  it('FIND is case-sensitive; SEARCH is not and takes wildcards', () => {
    expect(value('=FIND("b","abcb")')).toBe(2);
    expect(value('=FIND("c","abcabc",4)')).toBe(6);
    expect(value('=FIND("B","abc")')).toBe('#VALUE!');
    expect(value('=SEARCH("B","abc")')).toBe(2);
    expect(value('=SEARCH("?c","abc")')).toBe(2);
    expect(value('=SEARCH("x*z","a-x12z")')).toBe(3);
    expect(value('=ISNUMBER(SEARCH("万元",A1))', (s) => s.setValue('Sheet1', 'A1', '≤20万元'))).toBe(true);
  });

  it('SUBSTITUTE replaces all or one occurrence', () => {
    expect(value('=SUBSTITUTE("a-b-c","-","+")')).toBe('a+b+c');
    expect(value('=SUBSTITUTE("a-b-c","-","+",2)')).toBe('a-b+c');
    expect(value('=SUBSTITUTE("a-b","-","+",5)')).toBe('a-b');
    expect(value('=SUBSTITUTE("abc","","x")')).toBe('abc');
  });

  it('ABS and ROUND (half away from zero, on 15 digits)', () => {
    expect(value('=ABS(-3)')).toBe(3);
    expect(value('=ROUND(2.675,2)')).toBe(2.68);
    expect(value('=ROUND(-2.5,0)')).toBe(-3);
    expect(value('=ROUND(1234,-2)')).toBe(1200);
    expect(value('=ROUND(16.35*0.85,2)')).toBe(13.9);
    expect(value('=ROUND(A1+A4,1)', numbers)).toBe(5);
  });

  it('COUNTIF with a value or "<>"', () => {
    const data = (sim: SimWorkbook) => {
      sim.setValue('Sheet1', 'A1', 'x');
      sim.setValue('Sheet1', 'A2', 'X');
      sim.setValue('Sheet1', 'A3', 5);
      sim.setValue('Sheet1', 'A5', 'y');
    };
    expect(value('=COUNTIF(A1:A6,"<>")', data)).toBe(4);
    expect(value('=COUNTIF(A1:A6,"x")', data)).toBe(2);
    expect(value('=COUNTIF(A1:A6,5)', data)).toBe(1);
    expect(value('=COUNTIF(A1:A6,">4")', data)).toBe(1);
    expect(value('=COUNTIF(A1:A6,"")', data)).toBe(2);
    expect(value('=COUNTIF(A:A,"<>")', data)).toBe(4);
  });
});

describe('references', () => {
  it('reads other sheets, quoted or not', () => {
    const prepare = (sim: SimWorkbook) => {
      sim.setValue('Data', 'A1', 10);
      sim.setValue('项目 一', 'B4', 2.5);
    };
    expect(value("='项目 一'!B4*2", prepare)).toBe(5);
    expect(value('=Data!A1+Data!$A$1', prepare)).toBe(20);
    expect(value("=SUM(Data!A1:A3,'项目 一'!B4)", prepare)).toBe(12.5);
    expect(value('=Nope!A1')).toBe('#REF!');
  });

  it('recalculates dependents when an input changes', () => {
    const sim = new SimWorkbook({ sheets: ['Sheet1', 'Data'] });
    sim.setValue('Data', 'A1', 1);
    sim.setValue('Sheet1', 'B1', '=Data!A1*2');
    sim.setValue('Sheet1', 'C1', '=B1+1');
    expect(sim.getCell('Sheet1', 'C1').value).toBe(3);
    sim.setValue('Data', 'A1', 10);
    expect(sim.getCell('Sheet1', 'C1').value).toBe(21);
  });

  it('gives #REF! for a circular reference instead of hanging', () => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'A1', '=B1+1');
    sim.setValue('Sheet1', 'B1', '=A1+1');
    expect(sim.getCell('Sheet1', 'A1').value).toBe('#REF!');
    expect(sim.getCell('Sheet1', 'B1').value).toBe('#REF!');
  });

  it('follows a renamed sheet and turns references to a deleted sheet into #REF!', () => {
    const sim = new SimWorkbook({ sheets: ['Sheet1', 'Data'] });
    sim.setValue('Data', 'A1', 7);
    sim.setValue('Sheet1', 'A1', '=Data!A1');
    sim.renameSheet('Data', '项目 二');
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ formula: "='项目 二'!A1", value: 7 });
    sim.deleteSheet('项目 二');
    expect(sim.getCell('Sheet1', 'A1')).toMatchObject({ formula: '=#REF!', value: '#REF!' });
  });

  it('uses defined names', () => {
    const sim = new SimWorkbook({ sheets: ['Sheet1', 'Data'] });
    sim.setValue('Data', 'A1', 3);
    sim.setValue('Data', 'A2', 4);
    return sim.excel
      .run(async (context) => {
        context.workbook.names.add('amounts', context.workbook.worksheets.getItem('Data').getRange('A1:A2'));
        await context.sync();
      })
      .then(() => {
        sim.setValue('Sheet1', 'A1', '=SUM(amounts)');
        expect(sim.getCell('Sheet1', 'A1').value).toBe(7);
      });
  });

  it('stores formulas as Excel spells them', () => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'A1', '=sum(b1:b2)+if(true,1,0)');
    expect(sim.getCell('Sheet1', 'A1').formula).toBe('=SUM(B1:B2)+IF(TRUE,1,0)');
  });
});
