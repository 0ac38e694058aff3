import rule from '../../../src/domain/rules/selfeval-weights-sum';
import { filled } from '../../fixtures/selfeval-cases';
import { gridFromRows } from '../../../src/domain/grid';
import { runRule } from './rule-tester';

/** A province's 自评表 without a 分值 column, its 效益 and 满意度 blocks missing. */
const NO_WEIGHTS = gridFromRows('Sheet1', [
  ['项目支出绩效自评表'],
  ['项目名称', '科技发展资金'],
  ['项目资金(万元)', null, null, '全年预算数(A)', '全年执行数(B)', '预算执行率(B/A)'],
  [null, '年度资金总额:', null, 100, 90],
  [null, '其中:财政资金', null, 100, 90],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值', '未完成原因和改进措施'],
  [null, '产出指标', '数量指标', '支持项目数量', '≥10个', '12个'],
  [null, null, '质量指标', '验收合格率', '≥95%', '96%'],
]);

runRule(rule, {
  valid: [
    filled('the split weights add up to 100'),
    // Default weights always add up once every 一级 is there; a missing 一级 is missing-level1's.
    { title: 'no weight written anywhere, a 一级 missing', grids: [NO_WEIGHTS] },
  ],
  invalid: [
    {
      ...filled('a weight raised', { weights: [20] }),
      errors: [{ cell: 'F17', messageId: 'sum', messageIncludes: '107.50', messageIncludesEn: '107.50' }],
    },
    {
      ...filled('a weight that is not a number', { weights: ['十分'] }),
      errors: [
        { cell: 'F12', messageId: 'unreadable', messageIncludes: '十分' },
        { cell: 'F17', messageId: 'sum', messageIncludes: '87.50' },
      ],
    },
  ],
});
