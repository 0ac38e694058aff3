import fc from 'fast-check';
import { SimWorkbook, SimError } from '../../../src/sim';

const pieces = [
  '=',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '%',
  '(',
  ')',
  ',',
  '"',
  "'",
  '!',
  ':',
  '$',
  'A1',
  'B2:C3',
  'Sheet1!',
  "'项目 一'!",
  'SUM(',
  'IF(',
  'MID(',
  'COUNTIF(',
  'ROUND(',
  'VALUE(',
  '1',
  '0',
  '2.5',
  'TRUE',
  '#REF!',
  '#N/A',
  '万元',
  '≥',
  ' ',
  '1e308',
  '-1',
];

describe('hostile input', () => {
  it('any typed text is either taken or refused with an Excel error, and every cell still draws', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 12 }),
        fc.array(fc.string(), { maxLength: 2 }),
        (parts, extra) => {
          const sim = new SimWorkbook({ sheets: ['Sheet1', '项目 一'] });
          sim.setValue('Sheet1', 'A1', 5);
          sim.setValue('Sheet1', 'B2', 'x');
          for (const input of [parts.join(''), ...extra]) {
            try {
              sim.setValue('Sheet1', 'C1', input);
            } catch (e) {
              expect(e).toBeInstanceOf(SimError);
            }
            for (const address of ['A1', 'B2', 'C1', 'C3'])
              expect(() => sim.getCell('Sheet1', address)).not.toThrow();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a long chain of formulas evaluates without exhausting the stack', () => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'A1', 1);
    return sim.excel
      .run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A2:A1500').formulas = Array.from(
          { length: 1499 },
          (_, i) => [`=A${i + 1}+1`],
        );
        await context.sync();
      })
      .then(() => {
        expect(sim.getCell('Sheet1', 'A1500').value).toBe(1500);
        sim.setValue('Sheet1', 'A1', 2);
        expect(sim.getCell('Sheet1', 'A1500').value).toBe(1501);
      });
  });
});
