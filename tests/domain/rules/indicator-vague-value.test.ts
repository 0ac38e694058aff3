import rule from '../../../src/domain/rules/indicator-vague-value';
import { GOOD, runRule, splitGrid, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    { title: 'a qualitative indicator', table: withRow(4, { name: '群众法治意识', value: '有效提升' }) },
    {
      title: 'a name whose kind only comes from a word inside it',
      table: withRow(4, { name: '专项资金到位及时性', value: '及时' }),
    },
    { title: 'a date on a time name', table: withRow(2, { value: '2024年6月底前' }) },
  ],
  invalid: [
    {
      title: 'split columns: 正向/定性 in 指标性质 are directions, not part of the value',
      grids: [
        splitGrid([
          ['产出指标', '时效指标', '养护完成及时率', '正向指标', 95, '%'],
          ['效益指标', '社会效益指标', '通行条件', '定性', '明显改善', null],
          ['效益指标', '社会效益指标', '道路通行率', '定性', '良好', null],
        ]),
      ],
      errors: [{ cell: 'E7', messageId: 'vague', messageIncludes: '“良好”' }],
    },
    {
      table: withRow(1, { value: '合格' }),
      errors: [
        {
          cell: 'F11',
          messageId: 'vague',
          fix: null,
          messageIncludes: '比率指标',
          messageIncludesEn: 'a rate',
        },
      ],
    },
    {
      title: 'a count',
      table: withRow(0, { value: '较多' }),
      errors: [{ cell: 'F10', messageId: 'vague', messageIncludes: '“较多”' }],
    },
    {
      title: 'money, outside 成本指标 (under it, words are level2-mismatch’s)',
      table: withRow(4, { name: '带动社会投资', value: '较多' }),
      errors: [{ cell: 'F14', messageId: 'vague', messageIncludes: '万元' }],
    },
  ],
});
