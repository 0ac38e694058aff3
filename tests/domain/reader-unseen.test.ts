/**
 * What a held-out set of real documents (tests/fixtures/real, README: "held out") showed the reader
 * missing, each as the general case: labels the lexicon lacked, a budget line whose numbering was
 * lost, a `…` row inside a block, two indicator blocks one under the other, and blank forms,
 * appraisal frames and other paper that names no project and must give no table.
 */

import { checkGrids } from '../../src/domain/analysis';
import { gridFromRows } from '../../src/domain/grid';
import { classifyKey, labelKey } from '../../src/domain/lexicon';
import { readGrid } from '../../src/domain/reader';
import { amounts, merges } from '../fixtures/grid-reading';

describe('the lexicon knows the wordings of the held-out tables', () => {
  test.each([
    ['转移支付(项目)名称', 'name'],
    ['转移支付（项目）名称', 'name'],
    ['其中:本年一般公共预算拨款', 'fiscal'],
    ['当年一般公共预算拨款', 'fiscal'],
    ['其中: 财政拨款数', 'fiscal'],
    ['本年度其他资金', 'other'],
    ['上年结转资金数', 'carryover'],
    // Round 3 (2026-12-06): a province's 专项 form, 发展改革委's 中央预算内投资计划 form.
    ['专项(项目)名称', 'name'],
    ['下达中央预算内投资(万元)', 'total'],
  ])('%s is a %s label', (text, kind) => {
    expect(classifyKey(labelKey(text))?.kind).toBe(kind);
  });

  test.each(['预算', '年度', '本年', '资金数'])('%s alone is no budget line', (text) => {
    expect(['fiscal', 'other', 'carryover']).not.toContain(classifyKey(labelKey(text))?.kind);
  });
});

describe('budgets as the held-out forms write them', () => {
  test('a fiscal line whose `一、` was lost beside numbered 自有资金/其他 lines is still read', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目名称', '镇域内基础设施建设'],
        ['年度资金总额及构成', '总额100.5万元'],
        [null, '财政拨款:60.25万元(其中:上级财政资金:60.25万元;本级财政:0万元)'],
        [null, '二、自有资金:0万元'],
        [null, '三、其他:40.25万元'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '改造道路', '≥3公里'],
      ],
      merges('A2:A5'),
    );
    expect(amounts(grid)).toEqual([{ total: '100.50', fiscal: '60.25', other: '40.25' }]);
  });

  test('a self-evaluation whose fiscal row is 本年一般公共预算拨款 reads it as the fiscal part', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '自管道路清扫保洁外包工作经费'],
      ['项目资金(万元)', null, '年初预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'],
      [null, '年度资金总额:', 310.2, 154.74, 10, '50%', 5],
      [null, '其中:本年一般公共预算拨款', 310.2, 154.74],
      [null, '其他资金'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '全年实际值', '得分'],
      [null, '产出指标', '数量指标', '保洁道路', '≥20条', '20条', 10],
    ]);
    expect(amounts(grid)).toEqual([{ total: '310.20', fiscal: '310.20', other: '0.00' }]);
  });
});

describe('last year beside this year', () => {
  test('上年度预算安排 | 上年度实际执行 | 本年度申请金额: the budget is this year’s request', () => {
    const grid = gridFromRows('s', [
      ['项目基本情况', '项目名称', '某培训项目'],
      ['项目资金情况', '资金来源 (万元)', '项目', '上年度预算安排', '上年度实际执行', '本年度申请金额'],
      [null, null, '合计', 5, 4.5, 8],
      [null, null, '财政拨款', 5, 4.5, 6],
      [null, null, '其他资金', null, null, 2],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
      [null, '产出指标', '数量指标', '培训人次', '≥200人次'],
    ]);
    expect(amounts(grid)).toEqual([{ total: '8.00', fiscal: '6.00', other: '2.00' }]);
  });
});

describe('indicator blocks as the held-out forms draw them', () => {
  test('a lone `…` left in a row says "and so on": the block goes on below it', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目名称', '示例项目', '预算数', 10],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '培训人数', '≥100人'],
        [null, '…'],
        ['效益指标', '社会效益指标', '群众知晓率', '≥90%'],
      ],
      merges('A3:A4'),
    );
    const [t] = readGrid(grid);
    expect(t.indicators.map((i) => i.name.text)).toEqual(['培训人数', '群众知晓率']);
  });

  test('a two-row header whose merges were lost in a copy: 年度指标值 over 指标性质 | 指标值 | 度量单位', () => {
    const grid = gridFromRows('s', [
      ['项目名称', '营养改善计划', '预算数', 38.77],
      ['一级指标', '二级指标', '三级指标', '年度指标值', null, null, '实际完成值'],
      [null, null, null, '指标性质', '指标值', '度量单位'],
      ['产出指标', '数量指标', '学生受资助人数', '≧', 735, '人次', 735],
    ]);
    const [t] = readGrid(grid);
    expect(t.indicators.map((i) => [i.name.text, i.value.cell, i.valueText])).toEqual([
      ['学生受资助人数', 'E4', '≧735人次'],
    ]);
    // The sub-header row is no indicator row: no 三级 missing, no value missing.
    const rules = checkGrids([grid]).findings.map((f) => f.rule);
    expect(rules).not.toContain('indicator/empty-name');
    expect(rules).not.toContain('indicator/empty-value');
  });

  test('a template’s numbered slots left empty (`指标2`, `……`) are no indicators without a value', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目名称', '暖通改造', '预算数', 43.2],
        ['一级指标', '二级指标', '三级指标', '年度指标值'],
        ['产出指标', '质量指标', '指标1工程完工率', '≥100%'],
        [null, null, '指标2'],
        [null, null, '……'],
        [null, '生态效益指标', '指标1'],
      ],
      merges('A3:A6', 'B3:B5'),
    );
    const [t] = readGrid(grid);
    expect(t.indicators.map((i) => i.name.text)).toEqual(['指标1工程完工率', '']);
    const found = checkGrids([grid]).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(found).not.toContain('indicator/empty-value D4');
    expect(found).not.toContain('indicator/empty-value D6');
    expect(found).toContain('indicator/empty-placeholder B6');
  });

  test('长期绩效指标 over 年度绩效指标: one table, and the year’s block is the one read', () => {
    const grid = gridFromRows(
      's',
      [
        ['项目名称', '示例项目', '预算数', 10],
        ['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '产出指标', '数量指标', '五年培训人数', '≥500人'],
        ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        [null, '产出指标', '数量指标', '本年培训人数', '≥100人'],
      ],
      merges('A2:A3', 'A4:A5'),
    );
    const tables = readGrid(grid);
    expect(tables).toHaveLength(1);
    expect(tables[0].indicators.map((i) => i.name.text)).toEqual(['本年培训人数']);
  });
});

describe('paper that names no project gives no table (SPEC §5)', () => {
  test('a blank 申报表: empty 项目名称, `资金总额:` labels without amounts, 二级 names only', () => {
    const grid = gridFromRows('s', [
      ['某县财政支出项目绩效目标申报表'],
      ['项目名称'],
      ['项目资金申请(万元)', '资金总额:', '财政拨款:', '自有资金:', '其他:'],
      ['年度绩效指标', '一级指标', '二级指标', '指标内容', '指标值'],
      [null, '产出指标', '数量指标'],
      [null, null, '质量指标'],
      [null, '效益指标', '社会效益指标'],
    ]);
    expect(readGrid(grid)).toEqual([]);
    expect(checkGrids([grid]).findings).toEqual([]);
  });

  test('a blank form whose amounts are `*` and `——` and whose name is a row of underscores', () => {
    const grid = gridFromRows('s', [
      ['项目名称:______'],
      ['项目名称', null, '项目负责人'],
      ['资金来源', '项目', '上年度预算安排', '本年度申请金额'],
      [null, '合计', '*', '*'],
      [null, '财政拨款', '——', '——'],
      [null, '其他资金', '-—', '—-'],
    ]);
    expect(readGrid(grid)).toEqual([]);
  });

  test('an appraisal frame (预算绩效/项目产出 with weights) alone on its sheet', () => {
    const grid = gridFromRows('s', [
      ['某专项经费绩效评价表'],
      ['一级指标', '权重', '二级指标', '分值', '三级指标', '计量单位', '目标值(标准)', '分值'],
      ['预算绩效', 100, '预算管理', 75, '预算执行进度(7月)', '%', '40%', 7],
      [null, null, null, null, '预算调整次数', '次', 0, 5],
    ]);
    expect(readGrid(grid)).toEqual([]);
  });

  test('an article pasted whole: paragraphs, then an indicator list of the project it names in prose', () => {
    const grid = gridFromRows('s', [
      ['2023年某市重大政策和项目绩效目标情况'],
      ['婴幼儿照护服务项目绩效目标'],
      [
        '坚持政府引导、家庭为主、多方参与的原则，全面建立婴幼儿照护服务体系，到2025年每千人口拥有托位数4.5个。',
      ],
      ['一级指标', '二级指标', '指标名称', '指标值'],
      ['产出指标', '数量指标', '每千人托位', 4.5],
      [null, '质量指标', '应补尽补率', '100%'],
    ]);
    expect(readGrid(grid)).toEqual([]);
    // The same list pasted alone is a table: the user put it there to be checked.
    expect(
      readGrid(
        gridFromRows(
          's',
          grid.cells.slice(3).map((r) => r.map((c) => c?.value ?? null)),
        ),
      ),
    ).toHaveLength(1);
  });

  test('a named table is still a table when only its name is filled, and a filled one without a name', () => {
    const named = gridFromRows('s', [
      ['项目名称', '示例项目'],
      ['预算数', null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标'],
    ]);
    expect(readGrid(named)).toHaveLength(1);
    const unnamed = gridFromRows('s', [
      ['项目名称', null, '预算数', 12],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人数', '≥100人'],
    ]);
    const found = checkGrids([unnamed]);
    expect(found.tables).toHaveLength(1);
    expect(found.findings.map((f) => `${f.rule} ${f.cell}`)).toContain('table/missing-field B1');
  });
});

describe('a heading at the sheet’s right edge (round 3)', () => {
  // 资金来源 | 资金总额 over the sources, each with its amount under 资金总额: the figure under the
  // heading is 财政拨款's, not the whole, and no cell lies right of it. The total is unread (said
  // so), never that figure, and nothing asks the user to fill a cell outside the table.
  const grid = gridFromRows(
    'Sheet1',
    [
      ['专项(项目)名称', '农村饮水安全巩固提升工程专项'],
      ['市级财政部门', '宝鸡市财政局', null, '市级主管部门', '宝鸡市水利局'],
      ['资金情况(万元)', '资金来源', null, '资金总额'],
      [null, '其中:财政拨款', null, 500],
      [null, '其他资金'],
      ['总体目标', '改善提升9200人饮水条件。'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
      [null, '产出指标', '数量指标', '新建管网长度', '≥12公里'],
    ],
    merges('B1:E1', 'B2:C2', 'A3:A5', 'B3:C3', 'D3:E3', 'B4:C4', 'D4:E4', 'B5:C5', 'D5:E5', 'B6:E6', 'A7:A8'),
  );

  test('the total is unread, not the first source’s amount', () => {
    expect(amounts(grid)).toEqual([{ total: null, fiscal: '500.00', other: '0.00' }]);
  });

  test('no finding points past the table', () => {
    const { findings } = checkGrids([grid]);
    expect(findings.filter((f) => f.cell === 'F3')).toEqual([]);
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'table/unreadable',
        data: expect.objectContaining({ part: 'budget' }),
      }),
    );
  });
});
