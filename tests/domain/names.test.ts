import { expectFromName, unitInName } from '../../src/domain/names';
import vectors from '../fixtures/vectors/names.json';

describe('the worked examples of SPEC §3 (vectors/names.json)', () => {
  test.each(vectors.names.map((v) => [v.name, v] as const))('%s', (name, expected) => {
    const e = expectFromName(name);
    expect({ kind: e.kind, reverse: e.reverse }).toEqual({ kind: expected.kind, reverse: expected.reverse });
  });
});

describe('the kind a name asks for', () => {
  test.each([
    ['信访人员满意度', 'percent'],
    ['案件办结率', 'percent'],
    ['政府采购比例', 'percent'],
    ['财政资金比重', 'percent'],
    ['宣传覆盖面', 'percent'],
    ['本地企业占比', 'percent'],
    ['设备采购数量', 'count'],
    ['督查次数', 'count'],
    ['接待人次', 'count'],
    ['培训人数', 'count'],
    ['新建站点个数', 'count'],
    ['办理件数', 'count'],
    ['受益户数', 'count'],
    ['安全事故起数', 'count'],
    ['正常运转天数', 'time'],
    ['完成时间', 'time'],
    ['平均办理时长', 'time'],
    ['办结时限', 'time'],
    ['建设周期', 'time'],
    ['项目工期', 'time'],
    ['劝返信访经费', 'money'],
    ['单位购置成本', 'money'],
    ['培训费用', 'money'],
    ['补助资金', 'money'],
    ['日常开支', 'money'],
    ['公用经费支出', 'money'],
    ['补贴金额', 'money'],
    ['项目总投资', 'money'],
    ['道路建设长度', null],
    ['及时处理网络平台上的信访案件', null],
    ['', null],
  ])('%s → %s', (name, kind) => {
    expect(expectFromName(name).kind).toBe(kind);
  });

  test('the ending decides before what the name contains', () => {
    expect(expectFromName('满意度调查次数').kind).toBe('count');
    expect(expectFromName('资金到位率').kind).toBe('percent');
    expect(expectFromName('人数比例').kind).toBe('percent');
    expect(expectFromName('运维费用时长').kind).toBe('time');
    expect(expectFromName('人次成本').kind).toBe('money');
  });

  test('without a telling ending, the words contained decide in the order percent, count, time, money', () => {
    expect(expectFromName('满意度调查情况').kind).toBe('percent');
    expect(expectFromName('培训人数及时间安排').kind).toBe('count');
    expect(expectFromName('资金拨付时间节点').kind).toBe('time');
    expect(expectFromName('资金拨付进度').kind).toBe('money');
    expect(expectFromName('培训人数与满意度情况').kind).toBe('percent');
  });

  test('a trailing unit in brackets, white space and full-width forms do not hide the ending', () => {
    expect(expectFromName('信访案件处理率（%）').kind).toBe('percent');
    expect(expectFromName('设备故障率(%)').reverse).toBe(true);
    expect(expectFromName(' 培训 人数（人） ').kind).toBe('count');
    expect(expectFromName('群众满意度。').satisfaction).toBe(true);
    expect(expectFromName('设备故障率（％）').reverse).toBe(true);
  });
});

describe('reverse indicators (smaller is better)', () => {
  test.each([
    '设备故障率',
    '数据差错率',
    '群众投诉率',
    '安全事故率',
    '不良反应发生率',
    '排放超标率',
    '贷款逾期率',
    '资金违规率',
  ])('a rate ending in an adverse rate: %s', (name) => {
    expect(expectFromName(name)).toMatchObject({ kind: 'percent', reverse: true });
  });

  test.each([
    '重复信访案件数量',
    '群众投诉次数',
    '网络平台故障次数',
    '安全事故起数',
    '统计差错件数',
    '未处理案件数量',
    '排放超标次数',
    '违规操作次数',
    '逾期办理件数',
  ])('a count of an adverse event: %s', (name) => {
    expect(expectFromName(name)).toMatchObject({ kind: 'count', reverse: true });
  });

  test.each([
    '投诉处理率',
    '故障修复率',
    '水电气消耗下降率',
    '事故处理及时率',
    '培训人数',
    '到京非正常上访人次',
  ])('an ordinary indicator: %s', (name) => {
    expect(expectFromName(name).reverse).toBe(false);
  });

  test('an adverse word outside a count or an adverse rate does not reverse', () => {
    expect(expectFromName('故障处理时间')).toMatchObject({ kind: 'time', reverse: false });
    expect(expectFromName('事故赔偿金额')).toMatchObject({ kind: 'money', reverse: false });
    expect(expectFromName('安全事故')).toMatchObject({ kind: null, reverse: false });
  });
});

describe('satisfaction', () => {
  test('true when the name holds 满意度', () => {
    expect(expectFromName('信访人员满意度').satisfaction).toBe(true);
    expect(expectFromName('社会公众满意度（%）').satisfaction).toBe(true);
    expect(expectFromName('服务对象满意度调查覆盖率').satisfaction).toBe(true);
    expect(expectFromName('信访案件处理率').satisfaction).toBe(false);
    expect(expectFromName('满意').satisfaction).toBe(false);
  });
});

test('odd input never throws', () => {
  for (const name of ['\u0000', '😀率', '率'.repeat(20000), '((((', ')']) {
    expect(() => expectFromName(name)).not.toThrow();
  }
  expect(expectFromName(undefined as unknown as string)).toEqual({
    kind: null,
    reverse: false,
    satisfaction: false,
  });
});

describe('the unit a name states (SPEC §3)', () => {
  test.each([
    ['满意度(%)', '%'],
    ['资金拨付率（%）', '%'],
    ['群众满意度（％）', '%'],
    ['培训人数（人次）', '人次'],
    ['扶持发展新型农业经营主体 (个)', '个'],
    ['任务完成时限(月)', '月'],
    ['苗木成活率(≥**%)', '%'],
    ['项目总投入(≥**万元)', '万元'],
    ['各项工作完成及时率%', '%'],
    ['培训补助标准（元/人）', '元/人'],
  ])('%s states %s', (name, unit) => {
    expect(unitInName(name)).toBe(unit);
  });

  test.each(['群众满意度', '项目完成及时率(按期)', '满意度(抽样)', '完成率(2024年)', '满意度()', ''])(
    '%s states none',
    (name) => {
      expect(unitInName(name)).toBeUndefined();
    },
  );
});
