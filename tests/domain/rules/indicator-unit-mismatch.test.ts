import rule from '../../../src/domain/rules/indicator-unit-mismatch';
import { GOOD, runRule, splitGrid, tableWith, withExtraRow } from './rule-tester';

const row = (name: string, value: string) =>
  withExtraRow({ level1: '效果指标', level2: '社会效益指标', name, value });

runRule(rule, {
  valid: [
    GOOD,
    { title: '≤5次 on 未处理疑难信访案件数量', table: row('未处理疑难信访案件数量', '≤5次') },
    { title: '≥320天 on 运转天数', table: row('群众工作中心正常运转天数', '≥320天') },
    { title: '≤48小时 on …时间', table: row('劝返越级非正常上访人员时间', '≤48小时') },
    { title: '≤33万元 on 经费开支', table: row('劝返信访经费开支', '≤33万元') },
    { title: '万人 is a count', table: row('受益人数', '≥1.2万人') },
    { title: 'a bare 万 on a money name is 万元', table: row('培训经费', '≤8万') },
    {
      title: 'a share of money: the kind only comes from a word inside the name',
      table: row('资金支付进度', '≥90%'),
    },
    { title: 'a date on a time name', table: row('项目完成时间', '2024年12月底前') },
    { title: 'a length on a count name is not judged', table: row('养护道路数量', '≥20公里') },
    { title: 'no kind in the name', table: row('及时处理网络平台上的信访案件', '≤500件') },
    {
      title: 'rates below 1 % written with their sign, whole percentages, and 0 are not fractions',
      table: tableWith({
        indicators: [
          { level1: '产出指标', level2: '质量指标', name: '安全事故发生率', value: '≤0.5%' },
          { level1: '产出指标', level2: '质量指标', name: '设备故障率', value: '≤0.05％' },
          { level1: '产出指标', level2: '质量指标', name: '验收合格率', value: '≥95' },
          { level1: '产出指标', level2: '质量指标', name: '差错率', value: '0' },
          {
            level1: '产出指标',
            level2: '质量指标',
            name: '工程验收合格率',
            value: { value: 0.95, numberFormat: '0%' },
          },
          { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度(%)', value: '≥0.9' },
        ],
      }),
    },
    { title: 'a fraction on a count is not a rate', table: row('培训人次数', '≥0.5') },
    {
      title: 'split columns: a fraction beside a 计量单位 of % is written with its sign',
      grids: [splitGrid([['产出指标', '质量指标', '验收合格率', '≥', 0.95, '%']])],
    },
    {
      title: 'split columns: a value that repeats its unit, in any spelling, or writes 万 of it',
      grids: [
        splitGrid([
          ['产出指标', '质量指标', '验收合格率', '≥', '95％', '%'],
          ['产出指标', '质量指标', '设备完好率', '≥', '95%', '％'],
          ['产出指标', '数量指标', '受益人数', '≥', '1.2万', '人'],
          ['产出指标', '成本指标', '项目成本', '≤', '8万', '元'],
          ['产出指标', '成本指标', '设备购置费用', '≤', '8万元', '万元'],
          ['产出指标', '数量指标', '宣传活动次数', '≥', '12场', '次'],
          ['产出指标', '数量指标', '建设项目个数', '≥', '5个', '项'],
          ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', { value: 0.9, numberFormat: '0%' }, '%'],
        ]),
      ],
    },
  ],
  invalid: [
    {
      title: 'a rate written as a fraction reads 0.95 %: a warning saying both ways to write it',
      table: row('验收合格率', '≥0.95'),
      errors: [
        {
          cell: 'F16',
          messageId: 'fraction',
          severity: 'warning',
          fix: null,
          messageIncludes:
            '“验收合格率”是比率指标，指标值“≥0.95”没有百分号，按百分比只是0.95%；应写明百分号：指比率0.95的，写“≥95%”；确为0.95%的，写“≥0.95%”',
          messageIncludesEn: 'for the rate 0.95 write “≥95%”, for 0.95% write “≥0.95%”',
        },
      ],
    },
    {
      title: 'fractions as typed: 满意度 ≥0.9, >=0.98, 1 alone, a number cell, a reverse rate',
      table: tableWith({
        indicators: [
          { level1: '产出指标', level2: '质量指标', name: '群众满意度', value: '≥0.9' },
          { level1: '产出指标', level2: '质量指标', name: '资金拨付及时率', value: '>=0.98' },
          { level1: '产出指标', level2: '质量指标', name: '政策知晓覆盖率', value: '1' },
          { level1: '产出指标', level2: '质量指标', name: '工程验收合格率', value: 0.95 },
          { level1: '产出指标', level2: '质量指标', name: '安全事故发生率', value: '≤0.005' },
        ],
      }),
      errors: [
        { cell: 'F10', messageId: 'fraction', severity: 'warning', messageIncludes: '写“≥90%”' },
        { cell: 'F11', messageId: 'fraction', severity: 'warning', messageIncludes: '写“≥98%”' },
        { cell: 'F12', messageId: 'fraction', severity: 'warning', messageIncludes: '写“100%”' },
        { cell: 'F13', messageId: 'fraction', severity: 'warning', messageIncludes: '写“95%”' },
        {
          cell: 'F14',
          messageId: 'fraction',
          severity: 'warning',
          messageIncludes: '确为0.005%的，写“≤0.005%”',
        },
      ],
    },
    {
      title: 'split columns: a fraction with its 计量单位 left empty',
      grids: [splitGrid([['产出指标', '质量指标', '验收合格率', '≥', 0.95, null]])],
      errors: [{ cell: 'E5', messageId: 'fraction', severity: 'warning' }],
    },
    {
      title:
        'a value in 万元 beside a 计量单位 of %, the name asking for money: the column is wrong (岳阳楼)',
      grids: [splitGrid([['产出指标', '数量指标', '业务工作支出安排金额', '定量', '28.8万元', '%']])],
      errors: [
        {
          cell: 'F5',
          messageId: 'columnByName',
          fix: null,
          messageIncludes:
            '“业务工作支出安排金额”是金额指标，指标值“28.8万元”以“万元”计，计量单位一栏却写“%”；计量单位应改为“万元”',
          messageIncludesEn: 'the unit column should read “万元”',
        },
      ],
    },
    {
      title: 'a value in 万元 beside a 计量单位 of 元: no name decides, both ways are said',
      grids: [splitGrid([['产出指标', '成本指标', '项目成本', '≤', '50万元', '元']])],
      errors: [
        {
          cell: 'E5',
          messageId: 'column',
          messageIncludes:
            '自带单位“万元”，计量单位一栏却写“元”；请核实：单位是“万元”的，把计量单位改为“万元”；是“元”的，把指标值改为“50”',
          messageIncludesEn: 'write “50” as the value',
        },
      ],
    },
    {
      title: 'a percentage beside a 计量单位 of 人 on a count: the value is wrong',
      grids: [splitGrid([['产出指标', '数量指标', '培训人数', null, '≥90%', '人']])],
      errors: [
        {
          cell: 'E5',
          messageId: 'valueByName',
          messageIncludes: '计量单位一栏写“人”，指标值“≥90%”却以“%”计；指标值应按计量单位填写，如“≥90”',
        },
      ],
    },
    {
      title: 'seed project 6: 到京信访事件处理率 = ≤20万元',
      table: row('到京信访事件处理率', '≤20万元'),
      errors: [
        {
          cell: 'F16',
          messageId: 'mismatch',
          fix: null,
          messageIncludes: '“到京信访事件处理率”是比率指标，指标值“≤20万元”却是金额单位；应为百分比',
          messageIncludesEn: 'a money unit',
        },
      ],
    },
    {
      title: '人数 with 万元',
      table: row('培训人数统计', '30万元'),
      errors: [{ cell: 'F16', messageId: 'mismatch', messageIncludes: '计数' }],
    },
    {
      title: 'a count with a percentage',
      table: row('信访工作投诉数量', '≤5%'),
      errors: [{ cell: 'F16', messageId: 'mismatch' }],
    },
    {
      title: 'a duration with a count',
      table: row('系统正常运行天数', '≥300次'),
      errors: [{ cell: 'F16', messageId: 'mismatch', messageIncludes: '时间' }],
    },
    {
      title: '满意度 in days',
      table: row('群众满意度', '≥30天'),
      errors: [{ cell: 'F16', messageId: 'mismatch', messageIncludes: '百分比' }],
    },
    {
      title: 'a date where the name ends in money',
      table: row('项目专项资金', '2025年年底前'),
      errors: [
        {
          cell: 'F16',
          messageId: 'mismatch',
          messageIncludes: '“项目专项资金”是金额指标，指标值“2025年年底前”却是日期',
        },
      ],
    },
    {
      title: 'a rate given as a date',
      table: row('信访事项按期办结率', '2024年6月底前'),
      errors: [{ cell: 'F16', messageId: 'mismatch', messageIncludes: '日期' }],
    },
  ],
});
