/**
 * SPEC §13: a 三级指标 the reference library knows takes its expected kind and direction from it.
 * Tables are filled as a user would, read by the real reader, and checked with and without the
 * shipped library.
 */

import { WorkbookAnalysis } from '../../../src/domain/analysis';
import { referenceLookup } from '../../../src/domain/library';
import { readWorkbook } from '../../../src/domain/reader';
import type { Finding, Lang, ReferenceLookup } from '../../../src/domain/types';
import { validateTables } from '../../../src/domain/validate';
import { templateGrid, type IndicatorInput } from '../../fixtures/table-builder';
import { withExtraRow } from '../rules/rule-tester';

const INDICATOR_RULES = new Set(['indicator/unit-mismatch', 'indicator/direction']);

function check(row: IndicatorInput, references?: ReferenceLookup, lang: Lang = 'zh-CN'): Finding[] {
  const tables = readWorkbook([templateGrid('Sheet1', withExtraRow(row))]);
  return validateTables(tables, { lang, references }).filter((f) => INDICATOR_RULES.has(f.rule));
}

const timeliness = (name: string, value: string): IndicatorInput => ({
  level1: '产出指标',
  level2: '时效指标',
  name,
  description: '',
  value,
  basis: '计划标准',
});

describe('a name the suffix rules misjudge, judged by the library', () => {
  // 六安市农业农村局 writes 检测及时率 as a time limit (≤7个工作日), not as a rate.
  test('检测及时率 ≤7个工作日: an error by its suffix, right by the library', () => {
    const row = timeliness('检测及时率', '≤7个工作日');
    expect(check(row).map((f) => [f.cell, f.rule])).toEqual([['F16', 'indicator/unit-mismatch']]);
    expect(check(row, referenceLookup)).toEqual([]);
  });

  test('a rate is still accepted where the library writes a time limit', () => {
    expect(check(timeliness('检测及时率', '≥95%'), referenceLookup)).toEqual([]);
  });

  test('检测及时率 ≥7个工作日: the library caps it, and the finding says who writes what', () => {
    const [finding, ...rest] = check(timeliness('检测及时率', '≥7个工作日'), referenceLookup);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      cell: 'F16',
      rule: 'indicator/direction',
      messageId: 'lowerBetterReference',
    });
    expect(finding?.message).toContain('六安市农业农村局写作“≤7工作日”');
    expect(finding?.message).toContain('如“≤7个工作日”');
    const [en] = check(timeliness('检测及时率', '≥7个工作日'), referenceLookup, 'en-US');
    expect(en?.message).toContain('takes a ceiling');
  });

  test('维护及时性 names no kind; the library knows it is a time limit', () => {
    const row = timeliness('维护及时性', '≥3次');
    expect(check(row)).toEqual([]);
    const [finding, ...rest] = check(row, referenceLookup);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ cell: 'F16', rule: 'indicator/unit-mismatch', messageId: 'reference' });
    expect(finding?.message).toBe(
      '“维护及时性”在参考指标库中是时间指标（黄山市公安局写作“<24小时”），指标值“≥3次”却是计数单位；应为时间单位（天、小时等）或日期，如“<24小时”。',
    );
    expect(check(timeliness('维护及时性', '≤24小时'), referenceLookup)).toEqual([]);
  });

  test('an accident count whose name holds 资金 is a count, and better lower', () => {
    const row: IndicatorInput = {
      level1: '效益指标',
      level2: '社会效益指标',
      name: '辖区内与补助资金相关的重大食品安全监管责任事故发生数',
      description: '',
      value: '≤0次',
      basis: '历史标准',
    };
    expect(check(row).map((f) => f.rule)).toEqual(['indicator/unit-mismatch']);
    expect(check(row, referenceLookup)).toEqual([]);
  });

  test('a bare 100% filed as 反向 does not make a rate better lower', () => {
    const row: IndicatorInput = {
      level1: '产出指标',
      level2: '成本指标',
      name: '资助标准达标率',
      description: '',
      value: '≥100%',
      basis: '计划标准',
    };
    expect(check(row, referenceLookup)).toEqual([]);
  });
});

describe('the lookup', () => {
  test('names the library does not know are judged by their words, as without it', () => {
    const row = timeliness('信访事项按期办结率', '≤7天');
    expect(check(row, referenceLookup)).toEqual(check(row));
    expect(check(row).length).toBe(1);
  });

  test('a lookup that throws leaves the name to its words', () => {
    const broken: ReferenceLookup = () => {
      throw new Error('library unavailable');
    };
    const row = timeliness('检测及时率', '≤7个工作日');
    expect(check(row, broken)).toEqual(check(row));
  });

  test('the same reading is judged afresh with and without the library', () => {
    const tables = readWorkbook([
      templateGrid('Sheet1', withExtraRow(timeliness('检测及时率', '≤7个工作日'))),
    ]);
    const rules = (refs?: ReferenceLookup) =>
      validateTables(tables, { references: refs }).filter((f) => f.rule === 'indicator/unit-mismatch');
    expect(rules()).toHaveLength(1);
    expect(rules(referenceLookup)).toHaveLength(0);
    expect(rules()).toHaveLength(1);
  });

  test('a workbook analysis given the library later validates its tables again', () => {
    const analysis = new WorkbookAnalysis('zh-CN');
    analysis.setSheets([{ id: '1', name: 'Sheet1' }]);
    analysis.setGrid('1', templateGrid('Sheet1', withExtraRow(timeliness('检测及时率', '≤7个工作日'))));
    const mismatches = () =>
      analysis
        .analyse({ profile: 'auto', reuse: true })
        .state.findings.filter((f) => f.rule === 'indicator/unit-mismatch');
    expect(mismatches()).toHaveLength(1);
    analysis.setReferences(referenceLookup);
    expect(mismatches()).toHaveLength(0);
  });
});
