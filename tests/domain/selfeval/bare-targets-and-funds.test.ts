/**
 * Red-team r3a (SPEC §12): a target written as a bare number (廊坊 2019: `工程完工率 | 100`) against an
 * actual value typed as a percent; a funds block whose weight the form gives only by what the 一级
 * names leave (黄冈 2020: `产出指标（40分）` …) or in its line's label; a 全年预算数 of 0. Each with the
 * near misses that must stay unscored or scored as before.
 */

import { check, findingsOf, NO_WEIGHTS, type Row } from './forms';

/** 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 (column B on); the first row is the one tested. */
const form = (
  name: string,
  target: string | number,
  actual: Row[number],
  typed: number | null = null,
): Row[] => [
  ['产出指标', '质量指标', name, target, actual, 50, typed],
  ['效益指标', '社会效益指标', '受益人数', '≥1000人', '1200人', 30, 30],
  ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '92%', 10, 10],
];

const first = (name: string, target: string | number, actual: Row[number], typed: number | null = null) => {
  const c = check({ rows: form(name, target, actual, typed) });
  return {
    c,
    s: c.evaluation.indicators[0],
    unit: findingsOf(c.findings, 'selfeval/unit-mismatch'),
    mismatch: findingsOf(c.findings, 'selfeval/score-mismatch'),
  };
};

const percentCell = (value: number): Row[number] => ({ value, numberFormat: '0%' });

describe('R3A-1: a bare target under a name that asks for a rate is a percent (SPEC §3)', () => {
  test.each([
    [percentCell(1), '50.00'], // 100% typed in Excel: 1 shown 100%
    ['100%', '50.00'],
    ['100％', '50.00'],
    [percentCell(0.9), '45.00'],
    ['90%', '45.00'],
    [100, '50.00'],
    ['96', '48.00'],
  ])('工程完工率 100 with %p is scored %s, and the typed score agrees', (actual, score) => {
    const { c, s, unit, mismatch } = first('工程完工率', 100, actual, Number(score));
    expect(s?.score?.toFixed(2)).toBe(score);
    expect(unit).toEqual([]);
    expect(mismatch).toEqual([]);
    expect(c.evaluation.total).toBeDefined();
  });

  test('the 廊坊 form: a finished project is graded 优, not 差', () => {
    const { c } = first('工程完工率', 100, percentCell(1), 50);
    // 50 + 30 + 10 and the budget's 9 of 10 (forms.ts: 90 spent of 100).
    expect(c.evaluation.total?.toFixed(2)).toBe('99.00');
    expect(c.evaluation.grade).toBe('优');
  });

  test('near miss: a bare 0.98 against 工程完工率 100 is 98% or 0.98%: not scored, and said so', () => {
    const { s, unit, c } = first('工程完工率', 100, 0.98);
    expect(s?.score).toBeUndefined();
    expect(c.evaluation.total).toBeUndefined();
    expect(unit.map((f) => [f.cell, f.messageId, f.severity])).toEqual([
      [c.at('F', 0), 'fraction', 'warning'],
    ]);
  });

  test('near miss: a rate’s bare target in (0, 1] may be the rate itself; scored where both agree', () => {
    // 0.95 is 95% or 0.95%: 98% meets both.
    expect(first('培训合格率', 0.95, '98%').s?.score?.toFixed(2)).toBe('50.00');
    // 1 is 100% or 1%: 100% meets both.
    expect(first('工程完工率', 1, percentCell(1)).s?.score?.toFixed(2)).toBe('50.00');
  });

  test('a rate’s bare target 0.95 against 90%: 95% or 0.95%? not scored, the target cell is named', () => {
    const { s, unit, c } = first('培训合格率', 0.95, '90%');
    expect(s?.score).toBeUndefined();
    expect(c.evaluation.total).toBeUndefined();
    expect(unit.map((f) => [f.cell, f.messageId, f.severity])).toEqual([
      [c.at('E', 0), 'targetFraction', 'warning'],
    ]);
    expect(unit[0]?.message).toBe(
      '三级指标“培训合格率”的年度指标值“0.95”没有百分号：是95%还是0.95%无法确定，实际完成值“90%”未计分；应在年度指标值写明百分号，如“95%”。',
    );
  });

  test('the target rules say it once: indicator/unit-mismatch leaves the cell to selfeval/unit-mismatch', () => {
    const { c } = first('培训合格率', 0.95, '90%');
    expect(findingsOf(c.findings, 'indicator/unit-mismatch')).toEqual([]);
    // Scored either way (98% meets 95% and 0.95%): the target's missing sign is the target rules'.
    const scored = first('培训合格率', 0.95, '98%').c;
    expect(findingsOf(scored.findings, 'indicator/unit-mismatch').map((f) => [f.cell, f.messageId])).toEqual([
      [scored.at('E', 0), 'fraction'],
    ]);
  });
});

describe('R3A-1: a percent against a bare target whose name asks for no rate', () => {
  test.each([
    ['100%', 100, '50.00'], // 100% of 100, or 100 (%) of 100: full either way
    ['90%', 100, '45.00'], // 90 of 100 either way
    ['120%', 50, '50.00'], // above the target either way
  ])('%s against %s: both readings agree, scored %s', (actual, target, score) => {
    const { s, unit } = first('学校发展能力', target, actual);
    expect(s?.score?.toFixed(2)).toBe(score);
    expect(unit).toEqual([]);
  });

  test('90% against 50: 90 (full) or 45 (90 %)? not scored, the actual cell is named with what to write', () => {
    const { s, unit, c } = first('学校发展能力', 50, '90%', 50);
    expect(s?.score).toBeUndefined();
    expect(c.evaluation.total).toBeUndefined();
    expect(findingsOf(c.findings, 'selfeval/score-mismatch')).toEqual([]);
    expect(unit.map((f) => [f.cell, f.messageId, f.severity])).toEqual([
      [c.at('F', 0), 'percentOfBare', 'warning'],
    ]);
    expect(unit[0]?.message).toBe(
      '三级指标“学校发展能力”的年度指标值“50”没有单位，而实际完成值“90%”是百分比：指标值是否也是百分比无法确定，未计分；应在年度指标值写明单位，如“50%”，或按指标值的口径填写实际完成值（不带百分号）。',
    );
  });

  test.each([['100%'], [percentCell(1)]])(
    'a count’s bare target (培训人数 100) with %p: a unit of another kind, an error',
    (actual) => {
      const { s, unit, c } = first('培训人数', 100, actual);
      expect(s?.score).toBeUndefined();
      expect(unit.map((f) => [f.cell, f.messageId, f.severity])).toEqual([
        [c.at('F', 0), 'mismatch', 'error'],
      ]);
    },
  );

  test('near miss: a cell formatted as a percent against `≥100人` is no count of people', () => {
    const { s, unit } = first('培训人数', '≥100人', percentCell(1));
    expect(s?.score).toBeUndefined();
    expect(unit.map((f) => f.messageId)).toEqual(['mismatch']);
  });

  test('near miss: bare numbers against a bare target are compared as they are', () => {
    expect(first('学校发展能力', 100, 90).s?.score?.toFixed(2)).toBe('45.00');
    expect(first('培训人数', 100, 120).s?.score?.toFixed(2)).toBe('50.00');
  });
});

describe('R3A-3: the budget’s weight when every 一级 names its own and the funds block has no 分值', () => {
  const FUNDS_HEAD: Row = [
    '预算执行情况（万元）',
    null,
    '预算数（A）',
    '执行数（B）',
    '执行率（B/A）',
    '得分',
  ];
  const funds = (score: number | null): Row[] => [[null, '年度财政资金总额', 10, 8, '80%', score]];
  const rows = (output = '产出指标（40分）', effect = '效益指标（30分）'): Row[] => [
    [output, '质量指标', '监测数据合格率', '≥95%', '100%', 40],
    [effect, '社会效益指标', '监测成果应用率', '≥90%', '95%', 30],
    ['满意度指标（10分）', '服务对象满意度指标', '服务对象满意度', '≥90%', '98%', 10],
  ];
  const run = (score: number | null, r = rows()) =>
    check({ fundsHead: FUNDS_HEAD, funds: funds(score), head: NO_WEIGHTS, rows: r });

  test('40 + 30 + 10 and a 得分 of 16 at 80%: the budget’s 20 is confirmed by its score (黄冈 2020)', () => {
    const c = run(16);
    expect(c.evaluation.funds?.weight?.toFixed(2)).toBe('20.00');
    expect(c.evaluation.weights.toFixed(2)).toBe('100.00');
    expect(c.evaluation.total?.toFixed(2)).toBe('96.00');
    expect(c.evaluation.grade).toBe('优');
    expect(c.findings.filter((f) => f.rule.startsWith('selfeval/'))).toEqual([]);
  });

  test('near miss: a 得分 that neither 20 nor 10 gives: the weight cannot be told, no total, said where', () => {
    const c = run(10);
    expect(c.evaluation.funds?.weightUnread).toBe(true);
    expect(c.evaluation.total).toBeUndefined();
    expect(findingsOf(c.findings, 'selfeval/score-mismatch')).toEqual([]);
    expect(findingsOf(c.findings, 'selfeval/weights-sum').map((f) => [f.cell, f.messageId])).toEqual([
      ['F4', 'fundsWeight'],
    ]);
  });

  test('near miss: 50 + 30 + 10 named leave the 10 of §12', () => {
    const c = run(8, rows('产出指标（50分）'));
    expect(c.evaluation.funds?.weight?.toFixed(2)).toBe('10.00');
    expect(c.evaluation.total?.toFixed(2)).toBe('98.00');
  });

  test('near miss: a 一级 without a weight in its name: the defaults stand, the budget keeps 10', () => {
    const c = run(8, rows('产出指标（40分）', '效益指标'));
    expect(c.evaluation.funds?.weight?.toFixed(2)).toBe('10.00');
  });

  test('a weight in the funds line’s label (`年度资金总额（20分）`) is its 分值', () => {
    const c = check({
      fundsHead: FUNDS_HEAD,
      funds: [[null, '年度资金总额（20分）', 10, 8, '80%', 16]],
      head: NO_WEIGHTS,
      rows: rows(),
    });
    expect(c.evaluation.funds?.weight?.toFixed(2)).toBe('20.00');
    expect(c.evaluation.total?.toFixed(2)).toBe('96.00');
  });
});

describe('R3A-4: a 全年预算数 of 0 gives no 执行率, and the table says why it has no 总分', () => {
  const rows: Row[] = [
    ['产出指标', '数量指标', '委托业务项目数量', '≥50个', '50个', 50, 50],
    ['效益指标', '社会效益指标', '受益人数', '≥1000人', '1200人', 30, 30],
    ['满意度指标', '服务对象满意度指标', '公众满意度', '≥90%', '95%', 10, 10],
  ];
  const run = (budget: number, executed: number, weight: number) =>
    check({
      funds: [
        [null, '年度资金总额', budget, budget, executed, weight, null, null],
        [null, '其中：本年财政拨款', budget, budget, executed],
      ],
      rows,
    });

  test('budget 0 and executed 0 (贵池 2022): the budget cell is named, with what to write', () => {
    const c = run(0, 0, 10);
    expect(c.evaluation.total).toBeUndefined();
    const missing = findingsOf(c.findings, 'selfeval/missing-actual');
    expect(missing.map((f) => [f.cell, f.messageId, f.severity])).toEqual([['D4', 'zeroBudget', 'error']]);
    expect(missing[0]?.message).toBe(
      '全年预算数为0.00，无法计算执行率，预算执行率和总分均未计分；应填写全年预算金额（万元），如“12.50”；项目当年确无预算资金的，应将预算执行率的分值改为0，并把该分值分配到绩效指标。',
    );
  });

  test('budget 0 and something spent: the same, beside over-spent', () => {
    const c = run(0, 5, 10);
    expect(findingsOf(c.findings, 'selfeval/missing-actual').map((f) => f.messageId)).toEqual(['zeroBudget']);
    expect(findingsOf(c.findings, 'selfeval/over-spent').map((f) => f.cell)).toEqual(['E4']);
  });

  test('near miss: a budget the form gives no 分值 is not scored, and the total stands', () => {
    const c = check({
      funds: [[null, '年度资金总额', 0, 0, 0, 0, null, null]],
      rows: [
        ['产出指标', '数量指标', '委托业务项目数量', '≥50个', '50个', 60, 60],
        ['效益指标', '社会效益指标', '受益人数', '≥1000人', '1200人', 30, 30],
        ['满意度指标', '服务对象满意度指标', '公众满意度', '≥90%', '95%', 10, 10],
      ],
    });
    expect(findingsOf(c.findings, 'selfeval/missing-actual')).toEqual([]);
    expect(c.evaluation.total?.toFixed(2)).toBe('100.00');
  });

  test('near miss: a budget above 0 is scored as before', () => {
    const c = run(100, 90, 10);
    expect(findingsOf(c.findings, 'selfeval/missing-actual')).toEqual([]);
    expect(c.evaluation.funds?.score?.toFixed(2)).toBe('9.00');
  });
});
