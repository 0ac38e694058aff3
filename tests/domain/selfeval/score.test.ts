import Big from 'big.js';
import fc from 'fast-check';
import {
  executionRate,
  fundsScore,
  gradeOf,
  gradeRange,
  qualitativeGradeOf,
  quantitativeScore,
  splitWeight,
} from '../../../src/domain/selfeval';

const s = (d: 'up' | 'down', t: string, a: string, w: string): string | undefined =>
  quantitativeScore(d, new Big(t), new Big(a), new Big(w))?.toFixed(2);

describe('quantitativeScore (SPEC §12)', () => {
  test('正向: met is full, short is the ratio', () => {
    expect(s('up', '95', '96', '10')).toBe('10.00');
    expect(s('up', '95', '95', '10')).toBe('10.00');
    expect(s('up', '200', '150', '8.33')).toBe('6.25'); // 150/200×8.33 = 6.2475 → 6.25
    expect(s('up', '3', '1', '10')).toBe('3.33');
  });
  test('反向: inside and beyond twice the target', () => {
    expect(s('down', '30', '28', '10')).toBe('10.00');
    expect(s('down', '30', '36', '10')).toBe('8.00'); // (1 − 6/30) × 10
    expect(s('down', '30', '45', '10')).toBe('5.00');
    expect(s('down', '30', '60', '10')).toBe('0.00');
    expect(s('down', '30', '90', '10')).toBe('0.00');
  });
  test('a target of 0 (SPEC §12): actual ≤ 0 full, otherwise 0, in either direction', () => {
    expect(s('down', '0', '0', '5')).toBe('5.00');
    expect(s('down', '0', '-1', '5')).toBe('5.00');
    expect(s('down', '0', '1', '5')).toBe('0.00');
    // `＝0次` is scored as 正向: two incidents against a target of none is not full marks.
    expect(s('up', '0', '0', '5')).toBe('5.00');
    expect(s('up', '0', '2', '5')).toBe('0.00');
    expect(s('up', '0', '-1', '5')).toBe('5.00');
  });
  test('a negative target is not scored; a negative actual on 正向 scores 0', () => {
    expect(s('up', '-5', '1', '10')).toBeUndefined();
    expect(s('up', '10', '-5', '10')).toBe('0.00');
  });
  test('half away from zero at 0.005', () => {
    expect(s('up', '8', '1', '0.1')).toBe('0.01'); // 0.0125
    expect(s('up', '200', '1', '1')).toBe('0.01'); // 0.005
  });
  test('a score exactly half-way rounds up although the ratio does not terminate', () => {
    expect(s('up', '600', '148.7', '30')).toBe('7.44'); // 148.7 × 30 ÷ 600 = 7.435
    expect(s('down', '600', '1051.3', '30')).toBe('7.44'); // (1200 − 1051.3) × 30 ÷ 600 = 7.435
  });
  test('every score lies in 0 … 分值', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'up' | 'down'>('up', 'down'),
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: -1000, max: 400000 }),
        fc.integer({ min: 1, max: 5000 }),
        (d, t, a, w) => {
          const score = quantitativeScore(d, new Big(t).div(100), new Big(a).div(100), new Big(w).div(100));
          expect(score).toBeDefined();
          expect(score?.gte(0)).toBe(true);
          expect(score?.lte(new Big(w).div(100).round(2))).toBe(true);
        },
      ),
    );
  });
});

describe('执行率', () => {
  test('the rate and its capped score', () => {
    expect(executionRate(new Big(8), new Big(10))?.toString()).toBe('0.8');
    const f = (e: string, b: string, w: string): string | undefined =>
      fundsScore(new Big(e), new Big(b), new Big(w))?.toFixed(2);
    expect(f('8', '10', '10')).toBe('8.00');
    expect(f('12.5', '10', '10')).toBe('10.00');
    expect(f('-1', '10', '10')).toBe('0.00');
    expect(f('1', '0', '10')).toBeUndefined();
    expect(f('14.87', '60', '30')).toBe('7.44'); // 14.87 × 30 ÷ 60 = 7.435
    expect(executionRate(new Big(8), new Big(0))).toBeUndefined();
  });
});

describe('grades', () => {
  test('等级 boundaries', () => {
    expect(gradeOf(new Big(90))).toBe('优');
    expect(gradeOf(new Big('89.99'))).toBe('良');
    expect(gradeOf(new Big(80))).toBe('良');
    expect(gradeOf(new Big(60))).toBe('中');
    expect(gradeOf(new Big('59.99'))).toBe('差');
  });
  test('qualitative grades by their words', () => {
    expect(qualitativeGradeOf('达成年度指标')?.from).toBe('0.8');
    expect(qualitativeGradeOf('部分达成年度指标并具有一定效果')?.from).toBe('0.6');
    expect(qualitativeGradeOf('未达成年度指标且效果较差')?.from).toBe('0');
    expect(qualitativeGradeOf('已完成')).toBeUndefined();
    const range = gradeRange(qualitativeGradeOf('部分达成')!, new Big('8.33'));
    expect([range.from.toFixed(2), range.to.toFixed(2)]).toEqual(['5.00', '6.66']);
  });
});

describe('splitWeight', () => {
  test('two decimals, the remainder on the last', () => {
    expect(splitWeight(new Big(50), 3).map((b) => b.toFixed(2))).toEqual(['16.66', '16.66', '16.68']);
    expect(splitWeight(new Big(10), 1).map((b) => b.toFixed(2))).toEqual(['10.00']);
  });
  test('shares always add up to the weight and are positive', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 200 }), (w, n) => {
        const shares = splitWeight(new Big(w), n);
        expect(shares.reduce((a, b) => a.plus(b), new Big(0)).eq(w)).toBe(true);
        expect(shares.every((x) => x.gte(0))).toBe(true);
        expect(shares[n - 1]?.gte(shares[0] ?? 0)).toBe(true);
      }),
    );
  });
});
