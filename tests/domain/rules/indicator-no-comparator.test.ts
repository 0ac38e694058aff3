import rule from '../../../src/domain/rules/indicator-no-comparator';
import { GOOD, runRule, splitGrid, tableWith, withExtraRow, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'a qualitative value', table: withRow(2, { value: '按期完成' }) },
    { title: 'a date', table: withRow(2, { value: '2024.03-2024.06' }) },
    { title: 'an equality', table: withRow(1, { value: '＝100%' }) },
    {
      title: 'a unit that contradicts the name is unit-mismatch’s, not fixed here',
      table: withRow(1, { value: '20万元' }),
    },
    { title: 'a rate above 100 is rate-out-of-range’s', table: withRow(1, { value: '292%' }) },
  ],
  invalid: [
    {
      title: 'a rate of harm SPEC does not list as reverse: both directions said, no fix guessed',
      table: withExtraRow({ level1: '效益指标', level2: '生态效益指标', name: '森林受灾率', value: '1%' }),
      errors: [{ cell: 'F16', messageId: 'either', fix: null, messageIncludes: '上限写“≤1%”，下限写“≥1%”' }],
    },
    {
      title: 'a rate SPEC lists as reverse keeps its ceiling fix',
      table: withExtraRow({ level1: '产出指标', level2: '质量指标', name: '设备故障率', value: '2%' }),
      errors: [{ cell: 'F16', messageId: 'missing', fix: '≤2%' }],
    },
    {
      title: 'split columns: the comparator goes into the empty 指标性质 cell; 正向 counts as ≥',
      grids: [
        splitGrid([
          ['产出指标', '数量指标', '养护里程', '≥', 20, '公里'],
          ['产出指标', '质量指标', '养护合格率', null, 95, '%'],
          ['产出指标', '时效指标', '养护完成及时率', '正向指标', 95, '%'],
          ['满意度指标', '服务对象满意度指标', '群众满意度', '>=', 90, '%'],
        ]),
      ],
      errors: [{ cell: 'D6', messageId: 'missing', fix: '≥', messageIncludes: '≥95%' }],
    },
    {
      title: 'seed project 4: 疑难信访案件处理率 = 75%',
      table: withExtraRow({
        level1: '产出指标',
        level2: '质量指标',
        name: '疑难信访案件处理率',
        value: '75%',
      }),
      errors: [
        { cell: 'F16', messageId: 'missing', fix: '≥75%', messageIncludes: '75%', messageIncludesEn: '≥75%' },
      ],
    },
    {
      title: 'a reverse indicator gets ≤',
      table: withRow(4, { value: '2%' }),
      errors: [{ cell: 'F14', messageId: 'missing', fix: '≤2%' }],
    },
    {
      title: 'a reverse count (未处理) gets ≤, and the fix is canonical',
      table: withExtraRow({
        level1: '产出指标',
        level2: '数量指标',
        name: '未处理信访案件数量',
        value: '5.0 件',
      }),
      errors: [{ cell: 'F16', messageId: 'missing', fix: '≤5件' }],
    },
    {
      title: 'a length and a number typed into a number cell',
      table: tableWith({
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '道路养护长度', value: '985米' },
          { level1: '产出指标', level2: '数量指标', name: '培训班期数', value: 12 },
        ],
      }),
      errors: [
        { cell: 'F10', messageId: 'missing', fix: '≥985米' },
        { cell: 'F11', messageId: 'missing', fix: '≥12' },
      ],
    },
    {
      title: 'a cost in money is a ceiling: under 成本指标, or named as spending',
      table: tableWith({
        indicators: [
          { level1: '产出指标', level2: '成本指标', name: '培训经费', value: '8万元' },
          { level1: '产出指标', level2: '成本指标', name: '单台设备采购单价', value: '3900元' },
          { level1: '产出指标', level2: '数量指标', name: '人均培训费用', value: '0.39万元' },
          { level1: '产出指标', level2: '成本指标', name: '培训班期数', value: '12期' },
          { level1: '效果指标', level2: '经济效益指标', name: '带动社会投资', value: '250万元' },
          { level1: '效果指标', level2: '经济效益指标', name: '节约办公经费', value: '3万元' },
        ],
      }),
      errors: [
        { cell: 'F10', messageId: 'missing', fix: '≤8万元' },
        {
          cell: 'F11',
          messageId: 'missing',
          fix: '≤3900元',
          messageIncludes: '≤3900元',
          messageIncludesEn: '≤3900元',
        },
        { cell: 'F12', messageId: 'missing', fix: '≤0.39万元' },
        { cell: 'F13', messageId: 'missing', fix: '≥12期' },
        { cell: 'F14', messageId: 'missing', fix: '≥250万元' },
        { cell: 'F15', messageId: 'missing', fix: '≥3万元' },
      ],
    },
    {
      title: 'mof-2021: money under any 成本指标 二级 is a ceiling',
      profile: 'mof-2021',
      table: tableWith({
        indicators: [
          { level1: '成本指标', level2: '经济成本指标', name: '日常养护总成本', value: '120万元' },
          { level1: '成本指标', level2: '社会成本指标', name: '沿线商户停业补偿', value: '30万元' },
          { level1: '成本指标', level2: '生态环境成本指标', name: '植被恢复', value: '5万元' },
        ],
      }),
      errors: [
        { cell: 'F10', messageId: 'missing', fix: '≤120万元' },
        { cell: 'F11', messageId: 'missing', fix: '≤30万元' },
        { cell: 'F12', messageId: 'missing', fix: '≤5万元' },
      ],
    },
    {
      title: 'split columns: a cost in 元 gets ≤ in its empty 指标性质 cell',
      grids: [
        splitGrid([
          ['产出指标', '数量指标', '养护里程', '≥', 20, '公里'],
          ['产出指标', '成本指标', '单公里养护成本', null, 3900, '元'],
          ['满意度指标', '服务对象满意度指标', '群众满意度', '>=', 90, '%'],
        ]),
      ],
      errors: [{ cell: 'D6', messageId: 'missing', fix: '≤', messageIncludes: '≤3900元' }],
    },
    {
      title: 'split columns: 0.95 formatted as a percent is 95%, with or without a 计量单位 of %',
      grids: [
        splitGrid([
          ['产出指标', '质量指标', '验收合格率', null, { value: 0.95, numberFormat: '0%' }, '%'],
          ['产出指标', '质量指标', '设备完好率', null, { value: 0.98, numberFormat: '0.00%' }, null],
        ]),
      ],
      errors: [
        {
          cell: 'D5',
          messageId: 'missing',
          fix: '≥',
          messageIncludes: '“95%”缺少比较符号；应写明方向，如“≥95%”',
        },
        { cell: 'D6', messageId: 'missing', fix: '≥', messageIncludes: '“98%”' },
      ],
    },
    {
      title: 'a bare number takes the unit its name states, and the fix writes it',
      table: tableWith({
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '培训人数（人次）', value: '500' },
          { level1: '产出指标', level2: '时效指标', name: '资金拨付率（%）', value: '100' },
          { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度(%)', value: '90' },
        ],
      }),
      errors: [
        {
          cell: 'F10',
          messageId: 'missing',
          fix: '≥500人次',
          messageIncludes: '“500”缺少比较符号；应写明方向，如“≥500人次”',
        },
        { cell: 'F11', messageId: 'missing', fix: '≥100%' },
        { cell: 'F12', messageId: 'missing', fix: '≥90%' },
      ],
    },
    {
      title: '0.75 in a percent-formatted cell is 75%',
      table: withRow(1, { value: { value: 0.75, numberFormat: '0%' } }),
      errors: [{ cell: 'F11', messageId: 'missing', fix: '≥75%', messageIncludes: '“75%”' }],
    },
  ],
});
