import rule from '../../../src/domain/rules/selfeval-weights-sum';
import { filled } from '../../fixtures/selfeval-cases';
import { gridFromRows } from '../../../src/domain/grid';
import { runRule } from './rule-tester';
import { formGrid, NO_WEIGHTS as NO_WEIGHT_COLUMN, type Row } from '../selfeval/forms';

/** A 财政部-style form whose 一级 name their weights and whose 成本指标 does not (mof-2021). */
const costBeside = (output: string): Row[] => [
  [output, '数量指标', '培训人次', '≥500人次', '500人次', 20],
  [output, '质量指标', '合格率', '≥95%', '98%', 20],
  ['成本指标', '经济成本指标', '培训成本', '≤50万元', '45万元', 10],
  ['效益指标（30分）', '社会效益指标', '受益人数', '≥1000人', '1200人', 30],
  ['满意度指标（10分）', '服务对象满意度指标', '满意度', '≥90%', '92%', 10],
];
const COST_SHARES = formGrid({ head: NO_WEIGHT_COLUMN, rows: costBeside('产出指标（50分）') }).grid;
const COST_TAKES_REST = formGrid({ head: NO_WEIGHT_COLUMN, rows: costBeside('产出指标(40分)') }).grid;
const NAMED_TOO_MUCH = formGrid({
  head: NO_WEIGHT_COLUMN,
  rows: costBeside('产出指标(60分)').map((r, i) => (i < 3 ? [...r.slice(0, 5), 20] : r)),
}).grid;

/** A funds block with 得分 and no 分值 column; the indicators' 分值 add up to `sum` of 100. */
const fundsWithout = (weights: number[], score: number): ReturnType<typeof formGrid>['grid'] =>
  formGrid({
    fundsHead: ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '执行率', '得分'],
    funds: [
      [null, '年度资金总额', 100, 100, 90, '90%', score],
      [null, '其中：财政拨款', 100, 100, 90],
    ],
    rows: [
      ['产出指标', '数量指标', '培训人次', '≥500人次', '500人次', weights[0] ?? null, weights[0] ?? null],
      ['效益指标', '社会效益指标', '受益人数', '≥1000人', '1200人', weights[1] ?? null, weights[1] ?? null],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '92%', weights[2] ?? null, weights[2] ?? null],
    ],
  }).grid;

/** Indicator rows with a row (row 10) holding only a 分值 and 得分: a 小计 or a row whose name was lost. */
const withBareRow = (level2: string, first: number, bare: number): ReturnType<typeof formGrid>['grid'] =>
  formGrid({
    rows: [
      ['产出指标', '数量指标', '培训人次', '≥500人次', '500人次', first, first],
      ['产出指标', level2, null, null, null, bare, bare],
      ['效益指标', '社会效益指标', '受益人数', '≥1000人', 1200, 30, 30],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '95%', 10, 10],
    ],
  }).grid;

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
    // mof-2021: a bare 成本指标 shares a named 产出's weight, or has what the others leave.
    { title: '成本指标 beside 产出指标（50分）', grids: [COST_SHARES] },
    { title: '成本指标 beside 产出指标(40分)', grids: [COST_TAKES_REST] },
    // The budget without a 分值 column has the 10 the indicators leave.
    { title: 'a funds block without 分值, indicators worth 90', grids: [fundsWithout([50, 30, 10], 9)] },
    { title: 'a 小计 row is not a row of its own', grids: [withBareRow('小计', 50, 50)] },
  ],
  invalid: [
    {
      // 60 named for 产出 leaves nothing for 成本, which shares it: 60 + 30 + 10 + 10 = 110.
      title: 'a named 产出 that leaves 成本 nothing',
      grids: [NAMED_TOO_MUCH],
      errors: [{ cell: 'B9', messageId: 'sum', messageIncludes: '110.00' }],
    },
    {
      title: 'a funds block without 分值, indicators worth 85',
      grids: [fundsWithout([45, 30, 10], 9)],
      errors: [
        {
          cell: 'G4',
          messageId: 'fundsWeight',
          messageIncludes:
            '“年度资金总额”有得分却没有分值，各项指标分值合计为85.00，无法确定预算执行率的分值，本表未计总分；应注明预算执行率的分值（通常为10分），并使各项分值合计为100。',
          messageIncludesEn: '85.00',
        },
      ],
    },
    {
      title: 'a row with a 分值 but no name, target or actual value',
      grids: [withBareRow('质量指标', 40, 10)],
      errors: [
        { cell: 'G10', messageId: 'strayRow', messageIncludes: '第10行', messageIncludesEn: 'Row 10' },
      ],
    },
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
