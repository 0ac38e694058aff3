/**
 * Scoring provinces' 自评表 (SPEC §12): which 分值 each row has when the form does not print them, the
 * budget's 分值 when the funds block has no 分值 column, what an 实际完成值 in another unit or as a
 * bare fraction reads as, and rows without a 三级 name. Each fix comes with the near miss that must
 * stay as it was.
 */

import { check, findingsOf, NO_WEIGHTS, scoresOf, type Row } from './forms';

const FUNDS_NO_WEIGHT_HEAD: Row = [
  '项目资金（万元）',
  null,
  '年初预算数',
  '全年预算数',
  '全年执行数',
  '执行率',
  '得分',
];

describe('mof-2021: 成本指标 beside a 产出指标 whose weight is named', () => {
  const rows = (output: string, cost: string, scores: [number, number, number]): Row[] => [
    [output, '数量指标', '培训人次', '≥500人次', '500人次', scores[0]],
    [null, '质量指标', '合格率', '≥95%', '98%', scores[1]],
    [cost, '经济成本指标', '培训成本', '≤50万元', '45万元', scores[2]],
    ['效益指标（30分）', '社会效益指标', '受益人数', '≥1000人', '1200人', 30],
    ['满意度指标（10分）', '服务对象满意度指标', '满意度', '≥90%', '92%', 10],
  ];

  test('产出指标（50分） with a bare 成本指标: 成本 shares the 50, split as the form scores it', () => {
    const c = check({
      head: NO_WEIGHTS,
      rows: rows('产出指标（50分）', '成本指标', [20, 20, 10]),
      mergeLevel1: [[0, 1]],
    });
    expect(scoresOf(c.evaluation)).toEqual([
      ['20.00', '20.00'],
      ['20.00', '20.00'],
      ['10.00', '10.00'],
      ['30.00', '30.00'],
      ['10.00', '10.00'],
    ]);
    expect(c.evaluation.weights.toFixed(2)).toBe('100.00');
    expect(c.evaluation.total?.toFixed(2)).toBe('99.00');
    expect(c.findings.filter((f) => f.rule.startsWith('selfeval/'))).toEqual([]);
  });

  test('scored at the equal split, the 50 is split equally over 产出 and 成本', () => {
    const c = check({
      head: NO_WEIGHTS,
      rows: rows('产出指标(50分)', '成本指标', [16.66, 16.66, 16.68]),
      mergeLevel1: [[0, 1]],
    });
    expect(scoresOf(c.evaluation).slice(0, 3)).toEqual([
      ['16.66', '16.66'],
      ['16.66', '16.66'],
      ['16.68', '16.68'],
    ]);
    expect(c.evaluation.total?.toFixed(2)).toBe('99.00');
  });

  test('产出指标(40分) with a bare 成本指标: 成本 has the 10 the others leave', () => {
    const c = check({
      head: NO_WEIGHTS,
      rows: rows('产出指标(40分)', '成本指标', [20, 20, 10]),
      mergeLevel1: [[0, 1]],
    });
    expect(scoresOf(c.evaluation).slice(0, 3)).toEqual([
      ['20.00', '20.00'],
      ['20.00', '20.00'],
      ['10.00', '10.00'],
    ]);
    expect(c.evaluation.total?.toFixed(2)).toBe('99.00');
    expect(c.findings.filter((f) => f.rule.startsWith('selfeval/'))).toEqual([]);
  });

  test('near miss: both named (产出 30, 成本 20) stay their own groups', () => {
    const c = check({
      head: NO_WEIGHTS,
      rows: rows('产出指标(30分)', '成本指标(20分)', [15, 15, 20]),
      mergeLevel1: [[0, 1]],
    });
    expect(scoresOf(c.evaluation).slice(0, 3)).toEqual([
      ['15.00', '15.00'],
      ['15.00', '15.00'],
      ['20.00', '20.00'],
    ]);
    expect(c.evaluation.total?.toFixed(2)).toBe('99.00');
  });

  test('near miss: scores above the split that do not add up to the group are the form’s own split, unread', () => {
    // 产出 50 shared by three rows scored 25, 20, 10 (55): no split gives these, so no row is judged.
    const c = check({
      head: NO_WEIGHTS,
      rows: rows('产出指标（50分）', '成本指标', [25, 20, 10]),
      mergeLevel1: [[0, 1]],
    });
    expect(c.evaluation.weightsUnread).toBeDefined();
    expect(c.evaluation.total).toBeUndefined();
    expect(findingsOf(c.findings, 'selfeval/score-mismatch')).toEqual([]);
    expect(findingsOf(c.findings, 'selfeval/weights-sum')).toEqual([]);
  });

  test('near miss: a row short of its target is not taken as scored in full', () => {
    // 20 + 20 + 10 = 50, but 培训人次 reached 400 of 500: its 分值 is not 20, so the split is unread.
    const r = rows('产出指标（50分）', '成本指标', [20, 20, 10]);
    r[0] = ['产出指标（50分）', '数量指标', '培训人次', '≥500人次', '400人次', 20];
    const c = check({ head: NO_WEIGHTS, rows: r, mergeLevel1: [[0, 1]] });
    expect(c.evaluation.weightsUnread).toBeDefined();
    expect(c.evaluation.total).toBeUndefined();
  });
});

describe('a funds block without a 分值 column', () => {
  const indicators = (weights: [number, number, number]): Row[] => [
    ['产出指标', '数量指标', '培训人次', '≥500人次', '500人次', weights[0], weights[0]],
    ['效益指标', '社会效益指标', '受益人数', '≥1000人', '1200人', weights[1], weights[1]],
    ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '92%', weights[2], weights[2]],
  ];
  const funds = (score: number | null): Row[] => [
    [null, '年度资金总额', 100, 100, 90, '90%', score],
    [null, '其中：财政拨款', 100, 100, 90],
  ];

  test('indicators worth 90: the budget has the 10 they leave', () => {
    const c = check({ fundsHead: FUNDS_NO_WEIGHT_HEAD, funds: funds(9), rows: indicators([50, 30, 10]) });
    expect(c.evaluation.funds?.weight?.toFixed(2)).toBe('10.00');
    expect(c.evaluation.funds?.score?.toFixed(2)).toBe('9.00');
    expect(c.evaluation.weights.toFixed(2)).toBe('100.00');
    expect(c.evaluation.total?.toFixed(2)).toBe('99.00');
    expect(c.findings.filter((f) => f.rule.startsWith('selfeval/'))).toEqual([]);
  });

  test('indicators worth 80 and a 得分 of 18 at 90%: the budget’s 20 is confirmed by its score', () => {
    const c = check({ fundsHead: FUNDS_NO_WEIGHT_HEAD, funds: funds(18), rows: indicators([40, 30, 10]) });
    expect(c.evaluation.funds?.weight?.toFixed(2)).toBe('20.00');
    expect(c.evaluation.total?.toFixed(2)).toBe('98.00');
  });

  test('indicators worth 85 and a 得分 of 9: the weight cannot be told, so nothing is scored 0', () => {
    const c = check({ fundsHead: FUNDS_NO_WEIGHT_HEAD, funds: funds(9), rows: indicators([45, 30, 10]) });
    expect(c.evaluation.funds?.weightUnread).toBe(true);
    expect(c.evaluation.funds?.score).toBeUndefined();
    expect(c.evaluation.total).toBeUndefined();
    expect(findingsOf(c.findings, 'selfeval/score-mismatch')).toEqual([]);
    const sum = findingsOf(c.findings, 'selfeval/weights-sum');
    expect(sum.map((f) => [f.cell, f.messageId])).toEqual([['G4', 'fundsWeight']]);
    expect(sum[0]?.message).toContain('85.00');
    expect(sum[0]?.message).toContain('年度资金总额');
  });

  test('near miss: indicators worth 100 and no 得分: the form does not score the budget', () => {
    const c = check({ fundsHead: FUNDS_NO_WEIGHT_HEAD, funds: funds(null), rows: indicators([60, 30, 10]) });
    expect(c.evaluation.funds?.weight?.toFixed(2)).toBe('0.00');
    expect(c.evaluation.total?.toFixed(2)).toBe('100.00');
    expect(findingsOf(c.findings, 'selfeval/weights-sum')).toEqual([]);
  });

  test('near miss: indicators worth 90 beside a 分值 column that says 10 are scored as before', () => {
    const c = check({ rows: indicators([50, 30, 10]) });
    expect(c.evaluation.funds?.weight?.toFixed(2)).toBe('10.00');
    expect(c.evaluation.total?.toFixed(2)).toBe('99.00');
  });
});

describe('实际完成值 in another unit, or as a bare fraction', () => {
  const form = (target: string, actual: Row[number], name = '指标'): Row[] => [
    ['产出指标', '数量指标', name, target, actual, 50, null],
    ['效益指标', '社会效益指标', '受益人数', '≥1000人', '1200人', 30, 30],
    ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '92%', 10, 10],
  ];
  const first = (target: string, actual: Row[number], name?: string) => {
    const c = check({ rows: form(target, actual, name) });
    const s = c.evaluation.indicators[0];
    return { c, s, unit: findingsOf(c.findings, 'selfeval/unit-mismatch') };
  };

  test.each([
    ['≤50万元', '48万', '50.00'],
    ['≤50万元', '480000元', '50.00'],
    ['≤50万元', '520000元', '48.00'],
    ['≤50万元', '0.0052亿元', '48.00'],
    ['≥1.5万人次', '16000人次', '50.00'],
    ['≥16000人次', '1.2万人次', '37.50'],
    ['≥10次', '12场', '50.00'],
    ['≥10次', '8场次', '40.00'],
    ['≥100人', '80名', '40.00'],
    ['≤2天', '2日', '50.00'],
    ['≥5公里', '4000米', '40.00'],
  ])('%s with %s is converted exactly and scored %s', (target, actual, score) => {
    const { s, unit } = first(target, actual);
    expect(s?.score?.toFixed(2)).toBe(score);
    expect(unit).toEqual([]);
  });

  test.each([
    ['≤3天', '3个工作日'],
    ['≤2天', '48小时'],
    ['≥100人', '120人次'],
    ['≤30天', '1个月'],
  ])('%s with %s: the same kind, not the same quantity: a warning, not scored', (target, actual) => {
    const { s, unit } = first(target, actual);
    expect(s?.score).toBeUndefined();
    expect(unit.map((f) => [f.messageId, f.severity])).toEqual([['otherUnit', 'warning']]);
    expect(unit[0]?.message).toContain(actual);
  });

  test.each([
    ['≥500', '520人次', '培训人数（人次）', '50.00'],
    ['≥500', '450', '培训人数（人次）', '45.00'],
    ['90', '92%', '满意度(%)', '50.00'],
  ])(
    'a target without its unit takes the one its name states: %s with %s under %s',
    (target, actual, name, score) => {
      const { s, unit } = first(target, actual, name);
      expect(s?.score?.toFixed(2)).toBe(score);
      expect(unit).toEqual([]);
    },
  );

  test.each([
    ['≤50万元', 480000, '480000元', '480000万元'],
    ['≤50万元', '480000', '480000元', '480000万元'],
    ['≥100万元', '120', '120元', '120万元'],
    ['≤500000元', 480000, '480000元', '480000万元'],
  ])(
    'a bare amount %s with %s: 元 or 万元 score differently, so it is not scored, and said so',
    (target, actual, asYuan, asWan) => {
      const { c, s, unit } = first(target, actual, '培训经费');
      expect(s?.score).toBeUndefined();
      expect(s?.moneyUnread).toBe(true);
      expect(c.evaluation.total).toBeUndefined();
      expect(unit.map((f) => [f.cell, f.messageId, f.severity])).toEqual([
        [c.at('F', 0), 'bareMoney', 'warning'],
      ]);
      expect(unit[0]?.message).toContain(
        `按元计是${asYuan}，按万元计是${asWan}，得分不同，未计分；应写明单位`,
      );
    },
  );

  test.each([
    ['≤50万元', '48', '50.00'], // 48万元 and 48元 both within 50万元
    ['≤50万元', 0, '50.00'],
    ['≥100万元', '2000000', '50.00'], // 200万元 or 2000000万元: above 100万元 either way
  ])(
    'near miss: a bare amount %s with %s that every unit scores alike is scored %s',
    (target, actual, score) => {
      const { s, unit } = first(target, actual, '培训经费');
      expect(s?.score?.toFixed(2)).toBe(score);
      expect(unit).toEqual([]);
    },
  );

  test.each([
    ['培训经费（元）', '≤50万元', 480000, '50.00'], // the name says 元: 48万元
    ['培训经费（万元）', '≤50万元', '48', '50.00'],
    ['培训经费（万元）', '≤50万元', '75', '25.00'],
  ])(
    'a bare amount under %s (%s) is in the unit the name states: %s scores %s',
    (name, target, actual, score) => {
      const { s, unit } = first(target, actual, name);
      expect(s?.score?.toFixed(2)).toBe(score);
      expect(unit).toEqual([]);
    },
  );

  test('a bare amount on a row whose 计量单位 says 元 is in 元', () => {
    const head: Row = [
      null,
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '计量单位',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ];
    const c = check({
      head,
      rows: [
        ['产出指标', '成本指标', '培训经费', '≤500000', '元', 480000, 50, null],
        ['效益指标', '社会效益指标', '受益人数', '≥1000', '人', 1200, 30, 30],
        ['满意度指标', '服务对象满意度指标', '满意度', '≥90', '%', 92, 10, 10],
      ],
    });
    expect(c.evaluation.indicators[0]?.score?.toFixed(2)).toBe('50.00');
    expect(findingsOf(c.findings, 'selfeval/unit-mismatch')).toEqual([]);
  });

  test('near miss: another kind of unit is still an error', () => {
    const { s, unit } = first('≤30天', '5人');
    expect(s?.score).toBeUndefined();
    expect(unit.map((f) => [f.messageId, f.severity])).toEqual([['mismatch', 'error']]);
  });

  test.each([
    ['0.98', '≥95%'],
    [0.98, '≥95%'],
    ['1', '≥95%'],
    ['0.3', '≥0.5%'],
  ])('a bare fraction %s for %s: 98%% or 0.98%%? not scored, and said so', (actual, target) => {
    const { c, s, unit } = first(target, actual, '培训合格率');
    expect(s?.score).toBeUndefined();
    expect(c.evaluation.total).toBeUndefined();
    expect(unit.map((f) => [f.messageId, f.severity])).toEqual([['fraction', 'warning']]);
    expect(findingsOf(c.findings, 'selfeval/score-mismatch')).toEqual([]);
  });

  test('the fraction warning says what to write', () => {
    const { unit } = first('≥95%', '0.98', '培训合格率');
    expect(unit[0]?.message).toBe(
      '三级指标“培训合格率”的实际完成值“0.98”没有百分号，而年度指标值“≥95%”是百分比：是98%还是0.98%无法确定，未计分；应写明百分号，如“98%”。',
    );
  });

  test.each([
    ['0.03', '≤5%', '50.00'], // 3% and 0.03% both within 5%
    ['0.8', '≥0.5%', '50.00'], // 80% and 0.8% both above 0.5%
    ['98', '≥95%', '50.00'], // a number above 1 is a percent
    ['0.98%', '≥95%', '0.52'], // the percent sign says it: 0.98%
    [{ value: 0.98, numberFormat: '0%' }, '≥95%', '50.00'], // shown 98%
  ])('near miss: %s for %s is scored %s', (actual, target, score) => {
    const { s, unit } = first(target, actual as Row[number], '培训合格率');
    expect(s?.score?.toFixed(2)).toBe(score);
    expect(unit).toEqual([]);
  });
});

describe('a row without a 三级 name', () => {
  test('with a target, an actual value, a 分值 and a 得分, it counts in the sums', () => {
    const c = check({
      rows: [
        ['产出指标', '数量指标', '培训人次', '≥500人次', '500人次', 40, 40],
        ['产出指标', '质量指标', null, '≥95%', '96%', 10, 10],
        ['效益指标', '社会效益指标', '受益人数', '≥1000人', 1200, 30, 30],
        ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', 10, 10],
      ],
    });
    expect(c.evaluation.indicators).toHaveLength(4);
    expect(c.evaluation.weights.toFixed(2)).toBe('100.00');
    expect(c.evaluation.total?.toFixed(2)).toBe('99.00');
    expect(findingsOf(c.findings, 'selfeval/weights-sum')).toEqual([]);
    expect(findingsOf(c.findings, 'indicator/empty-name').map((f) => f.cell)).toEqual([c.at('D', 1)]);
  });

  test('its shortfall is named by the cell of the missing name', () => {
    const c = check({
      rows: [
        ['产出指标', '数量指标', '培训人次', '≥500人次', '500人次', 40, 40],
        ['产出指标', '质量指标', null, '≥95%', '76%', 10, 10],
        ['效益指标', '社会效益指标', '受益人数', '≥1000人', 1200, 30, 30],
        ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', 10, 10],
      ],
    });
    const mismatch = findingsOf(c.findings, 'selfeval/score-mismatch');
    expect(mismatch.map((f) => f.cell)).toEqual([c.at('H', 1)]);
    expect(mismatch[0]?.message).toContain(`“${c.at('D', 1)}”`);
  });

  test('near miss: 小计 rows are not counted', () => {
    const c = check({
      rows: [
        ['产出指标', '数量指标', '培训人次', '≥500人次', '500人次', 30, 30],
        ['产出指标', '质量指标', '合格率', '≥95%', '96%', 20, 20],
        ['产出指标', '小计', null, null, null, 50, 50],
        ['效益指标', '社会效益指标', '受益人数', '≥1000人', 1200, 30, 30],
        ['效益指标', '小计', null, null, null, 30, 30],
        ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', 10, 10],
      ],
    });
    expect(c.evaluation.indicators).toHaveLength(4);
    expect(c.evaluation.total?.toFixed(2)).toBe('99.00');
    expect(findingsOf(c.findings, 'selfeval/weights-sum')).toEqual([]);
  });

  test('a row with only a 分值 and 得分 cannot be told: no total, and the row is named', () => {
    const c = check({
      rows: [
        ['产出指标', '数量指标', '培训人次', '≥500人次', '500人次', 40, 40],
        ['产出指标', '质量指标', null, null, null, 10, 10],
        ['效益指标', '社会效益指标', '受益人数', '≥1000人', 1200, 30, 30],
        ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', 10, 10],
      ],
    });
    expect(c.evaluation.total).toBeUndefined();
    const sum = findingsOf(c.findings, 'selfeval/weights-sum');
    expect(sum.map((f) => [f.cell, f.messageId])).toEqual([[c.at('G', 1), 'strayRow']]);
  });
});
