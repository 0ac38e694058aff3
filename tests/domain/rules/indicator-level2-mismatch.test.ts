import rule from '../../../src/domain/rules/indicator-level2-mismatch';
import type { IndicatorInput } from '../../fixtures/table-builder';
import { GOOD, GOOD_INDICATORS, runRule, splitGrid, tableWith, withExtraRow, withRow } from './rule-tester';

/**
 * A mof-2021 table (成本指标 a 一级 of three 二级) whose cost rows are `costs`; indicator rows start
 * at sheet row 10, so the first cost row is row 13.
 */
const mof2021 = (costs: IndicatorInput[]) =>
  tableWith({
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '日常养护农村公路里程', value: '≥320公里' },
      { level1: '产出指标', level2: '质量指标', name: '养护路段优良路率', value: '≥85%' },
      { level1: '产出指标', level2: '时效指标', name: '路面病害处置时限', value: '≤72小时' },
      ...costs.map((c) => ({ level1: '成本指标', ...c })),
      { level1: '效益指标', level2: '社会效益指标', name: '农村公路列养率', value: '＝100%' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '沿线群众满意度', value: '≥90%' },
    ],
  });

runRule(rule, {
  valid: [
    GOOD,
    {
      title: 'a time-limit rate under 时效指标',
      table: withRow(2, { name: '信访案件处理及时率', value: '≥90%' }),
    },
    { title: 'a date under 时效指标', table: withRow(2, { value: '2024年6月底前' }) },
    {
      title: 'a bare number takes the unit its name states (云南 施甸: 满意度(%) | 90)',
      table: withRow(5, { name: '满意度(%)', value: '90' }),
    },
    {
      title: 'the unit in full-width brackets',
      table: withRow(5, { name: '群众满意度（％）', value: '≥95' }),
    },
    { title: 'a time limit in months', table: withRow(2, { name: '任务完成时限(月)', value: '≤10' }) },
    {
      title: 'a form’s hint kept in the name',
      table: withRow(3, { name: '项目总投入(≥**万元)', value: '≤8' }),
    },
    {
      title: 'split columns: the 计量单位 gives a bare cost its unit',
      grids: [splitGrid([['产出指标', '成本指标', '单公里养护成本', '≤', 3900, '元']])],
    },
    {
      title: 'a 满意度 written as a fraction is unit-mismatch’s (one defect, one finding)',
      table: withRow(5, { value: '≥0.9' }),
    },
    {
      title: 'an on-time rate written as a fraction',
      table: withRow(2, { name: '资金拨付及时率', value: '≥0.95' }),
    },
    {
      title: 'split columns with an empty 计量单位: the name’s unit',
      grids: [splitGrid([['满意度指标', '服务对象满意度指标', '满意度(%)', '≥', 90, null]])],
    },
    ...[
      '2025年年底前',
      '1-12月',
      '2024年12月31日前',
      '12月底',
      '全年',
      '2021年全年',
      '2020年1月--2020年11月',
      '12月底到位',
    ].map((value) => ({
      title: `the time value ${value} under 时效指标`,
      table: withRow(2, { name: '项目完成时间', value }),
    })),
    {
      title: 'seed project 5: 劝返信访经费开支 under 成本指标',
      table: withRow(3, { name: '劝返信访经费开支', value: '≤33万元' }),
    },
    { title: 'a unit contradicting the name is unit-mismatch’s', table: withRow(5, { value: '≥30天' }) },
    {
      title: 'a percentage under 数量指标 is not judged',
      table: withRow(0, { name: '越级非正常上访人员劝返率', value: '≥75%' }),
    },
    {
      title: 'mof-2021: social and ecological costs are not money; economic cost is',
      profile: 'mof-2021',
      table: mof2021([
        { level2: '经济成本指标', name: '日常养护总成本', value: '≤120万元' },
        { level2: '社会成本指标', name: '施工期间交通中断时长', value: '≤48小时' },
        { level2: '社会成本', name: '施工影响沿线群众出行人次', value: '≤500人次' },
        { level2: '生态环境成本指标', name: '施工扬尘超标天数', value: '≤3天' },
        { level2: '生态成本指标', name: '植被破坏面积', value: '≤200平方米' },
        { level2: '生态环境成本指标', name: '废弃沥青回收利用率', value: '≥95%' },
      ]),
    },
  ],
  invalid: [
    {
      title: 'words where 时效指标 asks for a time limit or an on-time rate',
      table: withRow(2, { name: '培训按期完成', value: '按期' }),
      errors: [
        { cell: 'F12', messageId: 'timeliness', messageIncludes: '“按期”', messageIncludesEn: 'time' },
      ],
    },
    {
      title: '按期完成 names no date: the message says what to write',
      table: withRow(2, { name: '项目完成及时性', value: '按期完成' }),
      errors: [
        {
          cell: 'F12',
          messageId: 'timeliness',
          messageIncludes: '“按期完成”既不是时间也不是百分比；时效指标应为完成时间（如“2025年12月底前”）',
          messageIncludesEn: 'a deadline (e.g. “2025年12月底前”)',
        },
      ],
    },
    {
      title: 'a date is a time only under 时效指标: under 成本指标 it is no amount',
      table: withRow(3, { name: '工程造价', value: '2025年年底前' }),
      errors: [{ cell: 'F13', messageId: 'cost', messageIncludes: '“2025年年底前”不是金额' }],
    },
    {
      title: 'a bare number under 成本指标: its unit is unknown, not guessed; both ways are said',
      table: withRow(3, { name: '培训经费', value: '≤480000' }),
      errors: [
        {
          cell: 'F13',
          messageId: 'costUnit',
          messageIncludes:
            '成本指标下的“培训经费”，指标值“≤480000”没有写金额单位，是元还是万元无法确定，不能与预算数比较；应写明单位，如“≤480000元”或“≤480000万元”',
          messageIncludesEn: 'e.g. “≤480000元” or “≤480000万元”',
        },
      ],
    },
    {
      title: 'split columns: a bare number under 成本指标 with its 计量单位 left empty',
      grids: [splitGrid([['产出指标', '成本指标', '单公里养护成本', '≤', 3900, null]])],
      errors: [{ cell: 'E5', messageId: 'costUnit', messageIncludes: '如“≤3900元”或“≤3900万元”' }],
    },
    {
      title: 'near miss: a rate under 成本指标 is no amount, whatever its unit',
      table: withRow(3, { name: '成本控制率', value: '≤100' }),
      errors: [{ cell: 'F13', messageId: 'cost', messageIncludes: '“≤100”不是金额' }],
    },
    {
      title: 'a unit column says more than the name: 90 in 分 is no percentage',
      grids: [splitGrid([['满意度指标', '服务对象满意度指标', '满意度(%)', '≥', 90, '分']])],
      errors: [{ cell: 'E5', messageId: 'satisfactionValue', messageIncludes: '“≥90分”不是百分比' }],
    },
    {
      title: 'brackets that state no unit leave a bare number bare',
      table: withRow(5, { name: '群众满意度(抽样)', value: '≥90' }),
      errors: [{ cell: 'F15', messageId: 'satisfactionValue', messageIncludes: '“≥90”不是百分比' }],
    },
    {
      title: 'words where 成本指标 asks for money; a 满意度 name with words is vague-value’s',
      table: tableWith({
        indicators: [
          ...GOOD_INDICATORS.filter((i) => i.level2 !== '成本指标' && i.level1 !== '满意度指标'),
          {
            level1: '产出指标',
            level2: '成本指标',
            name: '建设项目成本',
            value: '参照政府采购成本控制',
            description: 'x',
            basis: '计划标准',
          },
          {
            level1: '满意度指标',
            level2: '服务对象满意度指标',
            name: '群众满意度',
            value: '满意',
            description: 'x',
            basis: '计划标准',
          },
        ],
      }),
      errors: [{ cell: 'F14', messageId: 'cost', messageIncludes: '参照政府采购成本控制' }],
    },
    {
      title: 'seed project 3: ≤500件 under 时效指标',
      table: withRow(2, { name: '及时处理网络平台上的信访案件', value: '≤500件' }),
      errors: [
        {
          cell: 'F12',
          messageId: 'timeliness',
          fix: null,
          messageIncludes: '≤500件',
          messageIncludesEn: '时效指标',
        },
      ],
    },
    {
      title: '成本指标 not money',
      table: withRow(3, { name: '培训成本控制', value: '≤100%' }),
      errors: [{ cell: 'F13', messageId: 'cost', messageIncludes: '≤100%' }],
    },
    {
      title: '成本指标 with a count',
      table: withRow(3, { name: '采购设备', value: '≤10台' }),
      errors: [{ cell: 'F13', messageId: 'cost' }],
    },
    {
      title: 'mof-2021: 经济成本指标 is still money',
      profile: 'mof-2021',
      table: mof2021([
        { level2: '经济成本指标', name: '养护设备购置', value: '≤10台' },
        { level2: '社会成本指标', name: '施工期间交通中断时长', value: '≤48小时' },
      ]),
      errors: [
        { cell: 'F13', messageId: 'cost', messageIncludes: '经济成本指标', messageIncludesEn: '≤10台' },
      ],
    },
    {
      title: 'a 满意度 name outside 满意度指标',
      table: withExtraRow({ level1: '效果指标', level2: '社会效益指标', name: '群众满意度', value: '≥90%' }),
      errors: [{ cell: 'C16', messageId: 'satisfactionName', messageIncludes: '服务对象满意度指标' }],
    },
    {
      title: '满意度指标 value not percent',
      table: withRow(5, { name: '服务对象评价', value: '≥4.5分' }),
      errors: [{ cell: 'F15', messageId: 'satisfactionValue' }],
    },
  ],
});
