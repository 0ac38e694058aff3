/** 年度 as people type it in 设置 (SPEC §1: the title carries the budget year). */

import { budgetYear, parseSettings } from '../../src/domain/settings';

describe('budgetYear', () => {
  it.each([
    ['2026', '2026'],
    [' 2026 ', '2026'],
    ['２０２６', '2026'],
    ['2026年', '2026'],
    ['2026 年度', '2026'],
  ])('reads %p as %p', (typed, year) => expect(budgetYear(typed)).toBe(year));

  it.each(['', '明年', '26', '20266', '1899', '2026-2028', '2026年3月'])('refuses %p', (typed) =>
    expect(budgetYear(typed)).toBeUndefined(),
  );

  it('is what stored settings fall back to: a stored year that is no year is none', () => {
    expect(parseSettings(JSON.stringify({ year: '２０２７年' })).year).toBe('2027');
    expect(parseSettings(JSON.stringify({ year: 2027 })).year).toBe('');
    expect(parseSettings(JSON.stringify({ year: '下一年' })).year).toBe('');
  });
});
