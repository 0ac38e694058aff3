/** What a cell says as text: a date cell says its date, as the table prints it, never its serial. */

import { cellText, serialDateText } from '../../src/domain/grid';
import rule from '../../src/domain/rules/indicator-no-comparator';
import level2Mismatch from '../../src/domain/rules/indicator-level2-mismatch';
import { findingsOf, withExtraRow } from './rules/rule-tester';

describe('cellText', () => {
  test('a date cell reads as its day, not as Excel’s serial number', () => {
    expect(cellText({ value: 46022, date: true, numberFormat: 'yyyy-mm-dd' })).toBe('2025年12月31日');
    // The time of day is dropped: a deadline is a day.
    expect(cellText({ value: 45292.75, date: true })).toBe('2024年1月1日');
    // 1900-03-01 is serial 61 (Excel's phantom 1900-02-29 is 60).
    expect(serialDateText(61)).toBe('1900年3月1日');
    expect(cellText({ value: 46022 })).toBe('46022');
  });

  test('a serial outside Excel’s dates stays a number', () => {
    expect(serialDateText(0)).toBeUndefined();
    expect(serialDateText(3_000_000)).toBeUndefined();
    expect(cellText({ value: -5, date: true })).toBe('-5');
  });

  test('a deadline typed as a date is a time under 时效指标, with no false finding', () => {
    const table = withExtraRow({
      level1: '产出指标',
      level2: '时效指标',
      name: '完成时间',
      value: { value: 46022, date: true, numberFormat: 'yyyy/m/d' },
    });
    const { zh } = findingsOf(rule, { table });
    const { zh: mismatch } = findingsOf(level2Mismatch, { table });
    expect([...zh, ...mismatch]).toEqual([]);
    // The same cell holding the serial as a plain number is flagged: the date is what made it right.
    const plain = withExtraRow({ level1: '产出指标', level2: '时效指标', name: '完成时间', value: 46022 });
    expect(findingsOf(level2Mismatch, { table: plain }).zh.length).toBeGreaterThan(0);
  });
});
