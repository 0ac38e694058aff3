/** The 总分 typed under a 自评表's indicators, checked against the scores above it (SPEC §12). */

import { check, findingsOf, type Row } from './forms';

// 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 (from column B); the funds line scores 9 of 10.
const ROWS: Row[] = [
  ['产出指标', '数量指标', '培训人数', '≥100人', '120人', 50, 50],
  ['效益指标', '社会效益指标', '受益群众', '≥500人', '600人', 30, 30],
  ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '95%', 10, 10],
];
/** The 总分 line: 分值 in column G, 得分 in column H. */
const total = (score: number | string | null, weight: number | null = 100): Row[] => [
  ['总分', null, null, null, null, null, weight, score],
];

test('a 总分 that is not the sum of the scores above is said, with the sum to write', () => {
  const c = check({ rows: ROWS, footer: total(90) });
  const [f] = findingsOf(c.findings, 'selfeval/score-mismatch');
  expect(f?.cell).toBe(c.at('H', ROWS.length));
  expect(f?.message).toBe('总分填写为90.00，各项得分合计为99.00；应改为99.00。');
  expect(f?.fix).toMatchObject({ value: 99 });
});

test('the right sum draws nothing; nor does an empty 总分', () => {
  for (const footer of [total(99), total(null), [['总分']]])
    expect(findingsOf(check({ rows: ROWS, footer }).findings, 'selfeval/score-mismatch')).toEqual([]);
});

test('with a row left unscored, the total §12 computes is the measure', () => {
  const rows = ROWS.map((r, i) => (i === 0 ? r.slice(0, 6) : r));
  const c = check({ rows, footer: total(80) });
  const [f] = findingsOf(c.findings, 'selfeval/score-mismatch');
  expect(f?.message).toBe('总分填写为80.00，按各项实际完成情况计算应为99.00；应改为99.00。');
});

test('weights that do not make 100 leave the 总分 to selfeval/weights-sum', () => {
  const rows = ROWS.map((r, i) => (i === 0 ? [...r.slice(0, 5), 60, 60] : r));
  const c = check({ rows, footer: total(100) });
  expect(findingsOf(c.findings, 'selfeval/score-mismatch')).toEqual([]);
});
