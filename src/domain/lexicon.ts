/**
 * The lexicon (SPEC §5): every word the reader recognises on a table, as data — the standard
 * table's labels and the variants provinces, the 财政部 forms, budget-system exports and
 * self-evaluations use for the same things, the value-column names, the split columns, the
 * self-evaluation columns, titles, unit lines and the rows that end an indicator block. A new
 * province is a change here plus a test; the reader asks this module and knows no label itself.
 *
 * Labels are compared by their key: NFKC (full-width folded), no white space (people space out
 * letters, `绩 效 指 标`, and Word breaks lines inside cells), no leading `*`/`★` (required-field
 * marks) and no trailing colon. Enumerations (`(一)`, `二、`, `1.`), a leading `其中:`, a money
 * unit in brackets (`（万元）`) and a score (`（10分）`) are taken off before the lists are asked.
 */

/** What a label says its value is. */
export type LabelKind =
  /** 项目名称 and the like: the project. */
  | 'name'
  /** 部门(单位)名称: what a 部门整体 table is about. */
  | 'entity'
  /** 实施单位, 主管部门, 填报单位: who submits or carries out the project. */
  | 'implementer'
  | 'code'
  /** 预算数, 年度资金总额 …: the budget (this year's, or the project period's: see isAnnual). */
  | 'total'
  /** 财政拨款, 财政资金 …, or one source of them (中央资金, 一般公共预算 …). */
  | 'fiscal'
  | 'carryover'
  /** 其他资金, 自有资金, 单位自筹 …. */
  | 'other'
  | 'usage'
  | 'plan'
  | 'goal'
  | 'level1'
  | 'level2'
  | 'indicatorName'
  | 'value'
  | 'comparator'
  | 'unit'
  | 'basis'
  | 'description'
  /** 指标方向性, 指标类型, 备注 …: columns of the indicator block read and ignored. */
  | 'extra'
  | 'period'
  /** Self-evaluation (SPEC §12): 实际完成值, 得分, 分值/权重, 偏差原因 … */
  | 'actual'
  | 'score'
  | 'weight'
  | 'deviation'
  /** Self-evaluation funds columns: 年初预算数, 全年预算数, 全年执行数, 执行率. */
  | 'yearStart'
  | 'yearBudget'
  | 'executed'
  | 'rate'
  /** A heading over a block (资金情况, 绩效指标, 总体目标): a label, never a value, no value of its own. */
  | 'section'
  /** Every other label of the forms (项目负责人, 联系电话, 项目属性, 序号 …): never read as a value. */
  | 'info';

export interface LabelReading {
  kind: LabelKind;
  /**
   * For budget parts: a label of all the fiscal (or other) money (财政拨款, 财政资金, 自有资金) rather
   * than one source of it (中央资金, 一般公共预算, 事业收入); a source is summed with its siblings.
   */
  generic?: boolean;
  /**
   * A label that is also ordinary text (一般公共预算 is the value of 财政资金预算分类 on one form and a
   * budget line on another): it counts as a label only where an amount stands beside it.
   */
  weak?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Labels, by kind. Keys as compared (see labelKey): no spaces, NFKC brackets `()` and colon `:`.

const NAME = [
  '项目名称',
  '项目全称',
  '二级项目名称',
  '项目支出名称',
  '项目(专项)名称',
  '专项名称',
  '资金名称',
  '申报项目名称',
  '项目名称(全称)',
  '政策(项目)名称',
  '转移支付项目名称',
  '转移支付(项目)名称',
  '专项资金名称',
  '专项(项目)名称',
];
const ENTITY = ['部门名称', '部门(单位)名称', '单位名称', '部门(单位)', '预算部门名称', '部门'];
const IMPLEMENTER = [
  '实施单位',
  '项目实施单位',
  '具体实施单位',
  '项目执行单位',
  '执行单位',
  '实施主体',
  '主管部门',
  '项目主管部门',
  '业务主管部门',
  '中央主管部门',
  '省级主管部门',
  '区县主管部门',
  '主管部门及代码',
  '主管部门及编码',
  '主管部门及其编码',
  '主管部门及其代码',
  '填报单位',
  '填报单位(盖章)',
  '申报单位',
  '申报单位(盖章)',
  '编报单位(印章)',
  '预算单位',
  '预算部门',
  '一级项目名称',
  '主管部门(单位)',
  '实施单位(盖章)',
  '主管部门名称',
  '主管部门(单位)名称',
];
const CODE = ['项目编码', '项目代码', '项目编号', '二级项目编码', '项目编码(代码)'];
/** 预算数 and its variants; each may also carry `当年`, `年度`, `本年` (annual) or `项目`, `中期` (period). */
const TOTAL = [
  '预算数',
  '年度预算',
  '当年年度预算',
  '本年预算',
  '当年预算',
  // A 批复表's or a reviewer's figure beside the one applied for (`预算申报数 | 预算批复数`).
  '预算批复数',
  '批复预算数',
  '预算审定数',
  '审定预算数',
  '预算申报数',
  '年度资金申请总额',
  '资金申请总额',
  '年度资金总额',
  // A forecast of a year to come beside this year's (`2024年预算数 | 2025年预测数`): ranked after it.
  '预测数',
  '预算预测数',
  '资金总额',
  '当年资金总额',
  '预算金额',
  '年度预算金额',
  '年度本级预算金额',
  '年初预算数',
  '全年预算数',
  '项目总预算',
  // This year's beside the whole project's (`项目总预算 75 | 项目当年预算 25`).
  '项目当年预算',
  // A department's self-evaluation: the whole department's spending is its budget line.
  '部门整体支出总额',
  '整体支出总额',
  '项目年度预算',
  '当年预算数',
  '项目资金总额',
  '项目预算',
  '项目金额',
  '年度金额',
  '当年度金额',
  // The whole project's amount beside this year's (`总金额 50万元 | 当年度金额 50万元`).
  '总金额',
  '年度财政资金总额',
  '年度预算申请',
  '年度预算安排',
  '预算安排',
  '申请金额',
  '预算总额',
  '资金总量',
  '项目资金申请',
  '中期市财政预算',
  '本年度申请市财政预算资金',
  '本年度预算',
  '本年度申请金额',
  '本年申请金额',
  '本年度申请资金',
  '本年申请资金',
  '总额',
  // 发展改革委's 中央预算内投资计划绩效目标表: the allocation is the table's only amount.
  '下达中央预算内投资',
  // Forms that ask what the year will put in (`本年度预计投入（万元）`) over its sources.
  '预计投入',
  '本年度预计投入',
  '年度预计投入',
  '计划投入',
  '年度计划投入',
];
/** All the fiscal money of the table. */
const FISCAL_GENERIC = [
  '财政资金',
  '财政拨款',
  '当年财政拨款',
  '本年财政拨款',
  '本年度财政拨款',
  '财政拨款小计',
  '财政性资金',
  '财政资金小计',
  '预算资金',
  '财政补助',
  '财政补助资金',
  '年度财政资金',
];
/** One source of fiscal money: summed with the others of its level when no generic line is given. */
const FISCAL_SOURCE = [
  '中央资金',
  '中央补助',
  '中央财政资金',
  '中央补助资金',
  '省级资金',
  '省级财政资金',
  '市级资金',
  '市级财政资金',
  '当年市级财政资金',
  '区级资金',
  '县级资金',
  '区县资金',
  '本级资金',
  '本级财政资金',
  '上级资金',
  '上级财政资金',
  '上级补助',
  '上级专项资金',
  '地方资金',
  '地方财政资金',
  '一般公共预算',
  '一般公共预算拨款',
  '一般公共预算资金',
  '公共财政拨款',
  '政府性基金',
  '政府性基金拨款',
  '政府性基金预算',
  '国有资本经营预算',
  '国有资本经营预算拨款',
  '一般公共预算安排',
  '政府性基金预算安排',
  '政府性基金安排',
  '政府性基金预算拨款',
  '政府性基金预算资金',
  '国有资本经营预算资金',
  '财政专户管理资金',
  '财政专户管理资金收入',
  '纳入财政专户管理的收入',
  '纳入财政专户管理收入',
  '纳入财政专户管理的资金',
  '纳入专户的非税收入拨款',
  '纳入专户管理的非税收入拨款',
  '该项目支出上级资金',
];
/** Sources that are also ordinary words: labels only beside an amount. */
const WEAK = new Set(['一般公共预算', '政府性基金', '国有资本经营预算', '总额', '其他', '其它', '部门']);
const CARRYOVER = ['上年结转', '上年结转资金', '上年结余', '上年结转结余', '结转资金', '结转结余资金'];
const OTHER_GENERIC = [
  '其他资金',
  '其它资金',
  '当年其他资金',
  '自有资金',
  '自有资金小计',
  '单位自筹',
  '单位自筹资金',
  '自筹资金',
  '单位资金',
  '其他收入',
  '其他来源',
  '社会资金',
  '其他',
  '其它',
];
const OTHER_SOURCE = [
  '事业收入',
  '经营性收入',
  '经营收入',
  '附属单位上缴收入',
  '其他资金来源',
  // A 2021 申报表's last source of its own: money the treasury's special account does not hold.
  '未纳入财政专户管理的收入',
  '未纳入财政专户管理收入',
  '未纳入财政专户管理的资金',
];
const USAGE = ['预算规模及资金用途', '资金用途', '主要用途', '年度主要任务', '项目主要内容'];
const PLAN = ['资金支出计划', '资金支出计划(%)', '支出计划', '资金使用计划'];
const GOAL = [
  '绩效目标',
  '年度绩效目标',
  '本年度绩效目标',
  '项目绩效目标',
  '项目年度绩效目标',
  '年度目标',
  '项目年度目标',
  '年度总体目标',
  '年度总体绩效目标',
  '整体绩效目标',
  '当年整体绩效目标',
  '年度整体绩效目标',
  '部门整体绩效目标',
  '当年绩效目标',
  '总体绩效目标',
  '年度主要目标和成果',
  '年度绩效目标(文字)',
  '预期目标',
  '年初设定目标',
  '年度履职目标',
  '绩效目标(年度)',
];
/** Goals of the whole period or columns of a self-evaluation: labels, read only when no annual goal is given. */
const GOAL_OTHER = [
  '总体目标',
  '项目总体目标',
  '项目总目标',
  '中期目标',
  '长期目标',
  '实施期绩效目标',
  '中期滚动目标',
];
const LEVEL1 = ['一级指标', '一级'];
const LEVEL2 = ['二级指标', '二级', '评价指标'];
const INDICATOR_NAME = [
  '三级指标',
  '三级指标名称',
  '三级指标内容',
  '指标名称',
  '指标内容',
  '三级',
  '绩效指标名称',
  '具体指标',
  '指标名称(三级指标)',
  '三级指标(指标名称)',
];
const VALUE = [
  '指标值',
  // The number's own sub-column under 指标值 (`符号 | 值 | 单位`), its heading shortened.
  '值',
  '数值',
  '年初指标值',
  '指标值及单位',
  '年度指标值',
  '年度(/项目)指标值',
  '年度/项目指标值',
  '项目指标值',
  '指标目标值',
  '目标值',
  '年度目标值',
  '预期值',
  '当年预期实现值',
  '预期实现值',
  '年初目标值',
  '区域目标值',
  '全年绩效目标',
  '计划指标值',
  '年度数值',
  '指标值(包含数字及文字描述)',
  '指标值(或计划水平)',
  '计划指标值(或计划水平)',
  '绩效指标值',
];
const COMPARATOR = [
  '指标性质',
  '绩效指标性质',
  '计算符号',
  '符号',
  '运算符号',
  '比较符号',
  '指标方向',
  '比较方式',
];
const UNIT = ['计量单位', '度量单位', '绩效度量单位', '单位', '指标值单位', '指标单位'];
const BASIS = [
  '指标值确定依据',
  '绩效标准',
  '评价标准',
  '指标值设定依据',
  '确定依据',
  '指标标准或依据',
  '指标值设定依据及数据来源',
  '评(扣)分标准',
  '评分标准',
];
const DESCRIPTION = ['绩效指标描述', '指标解释', '指标描述', '指标说明', '绩效内容', '指标定义'];
const EXTRA = [
  // Beside 偏差原因分析 in a column of its own: what will be done, not why it fell short.
  '改进措施',
  '拟采取的改进措施',
  '指标方向性',
  '指标类型',
  '指标值类型',
  '备注',
  '得分计算方法',
  '是否核心指标',
  '指标属性',
  // 重庆's 部门整体 自评表: the target as adjusted in the year (often empty) beside 年初指标值, and the
  // score as a share of the weight.
  '调整指标值',
  '调整后指标值',
  '得分系数',
  // A reviewer's score beside the unit's own (自评分 | 复核分): not the one the form's sums check.
  '复核分',
  '复核得分',
];
const ACTUAL = [
  '实际完成值',
  '全年实际值',
  '完成值',
  '实际值',
  '全年完成值',
  '年终完成值',
  '年终实际完成值',
  '实际完成情况值',
  '年度实际完成值',
  // What became of the goal, beside it in a self-evaluation.
  '实际完成情况',
  '完成情况',
  '全年完成情况',
  '年度总体目标完成情况',
  '年度总体目标完成情况综述',
  '年度目标完成情况',
  '项目年度目标完成情况',
];
/** A line naming a person of the form or a way to reach them. */
const PERSON_LINE =
  /^(?:(?:项目|单位|部门|财务|业务)?(?:填报|填表|经办|审核|复核|联系|负责)人|(?:项目|单位|部门|财务)?负责人)(?:及(?:其)?(?:联系)?(?:电话|方式|手机))?$|^(?:联系)?(?:电话|手机)(?:号码)?$|^联系方式$/u;
/** A self-evaluation's heading for what became of the goal, with the year and the goal said as published. */
const ACTUAL_HEADING =
  /^(?:全年|年度|年终|本年度?|当年)?(?:总体)?(?:绩效)?(?:目标)?(?:实际)?完成(?:情况|结果)(?:综述|说明|描述)?$/u;
/** The goal's heading over it with the year said another way than GOAL's entries. */
const GOAL_HEADING = /^(?:全年|年度|年初|本年度?|当年度?)(?:预期|设定)?(?:绩效)?总?目标$/u;
const SCORE = ['得分', '自评得分', '评分', '指标得分', '自评分'];
const WEIGHT = ['分值', '权重', '权重(%)', '指标权重', '指标分值'];
const DEVIATION = [
  '偏差原因分析及改进措施',
  '偏差原因分析及拟采取的改进措施',
  '未完成原因分析',
  '未完成原因及拟采取的改进措施',
  '偏差原因',
  '原因',
  '未完成原因分析及改进措施',
  '偏差原因分析',
  '偏差原因说明',
  '偏差说明',
];
const YEAR_START = ['年初预算数', '年初预算', '年初预算数(A)'];
const YEAR_BUDGET = ['全年预算数', '全年预算数(A)', '调整后预算数', '调整预算数', '预算数(A)'];
const EXECUTED = ['全年执行数', '全年执行数(B)', '执行数', '执行数(B)', '预算执行数', '实际执行数', '支出数'];
const RATE = ['执行率', '执行率(%)', '执行率(B/A)', '预算执行率', '年度预算执行率'];
const SECTION = [
  '资金情况',
  '项目资金',
  '项目资金预算执行',
  '预算执行情况',
  '绩效指标',
  '年度绩效指标',
  '本年度绩效指标',
  '长期绩效指标',
  '中期绩效指标',
  '中长期绩效指标',
  '实施期绩效指标',
  '年度绩效目标',
  '项目概况',
  '项目基本情况',
  '部门(单位)总体资金',
  '年度预算安排',
  '资金来源',
  '按收入性质分',
  '按支出性质分',
  '金额',
  '绩效项目指标表',
  '项目实施进度计划',
  '项目基本信息',
  '部门整体支出年度绩效目标',
];
const INFO = [
  '序号',
  // The county columns' heading of a 区域 target table (福建's 附件2), and the like.
  '区域',
  '补助区域',
  '实施区域',
  '项目开始日期',
  '项目完成日期',
  '部门预算编码',
  '单位编码',
  // A heading over the parts' sub-headings (`年度预算 | 其中` over `| 财政拨款 | 其他资金`): no amount.
  '其中',
  // Last year's columns beside this year's request (大庆's 申报表): headings, never amounts of the table.
  '上年度预算安排',
  '上年度实际执行',
  '上年度预算',
  '上年度执行数',
  // The 2012 财政部 申报表's text rows: labels whose values are prose, never amounts.
  '单位职能概述',
  '项目立项情况',
  '项目立项的依据',
  '项目申报的可行性',
  '项目申报的必要性',
  '项目申请原因(包括设立依据、可行性及必要性)',
  '以前年度项目绩效情况',
  '其他说明的问题',
  '项目负责人',
  '项目负责人及电话',
  '项目负责人及联系电话',
  '联系人',
  '联系电话',
  '项目属性',
  '项目类别',
  '项目分类',
  '项目类型',
  '项目来源',
  '项目期',
  '项目起止时间',
  '项目支出实施期',
  '建设周期',
  '实施期限',
  '项目审批',
  '项目总体概况',
  '项目总体情况',
  '项目概况及立项依据',
  '项目立项依据',
  '立项依据',
  '项目实施内容',
  '开始时间',
  '完成时间',
  '部门(单位)职责',
  '部门职能职责描述',
  '部门职责',
  '省级财政部门',
  '区县财政部门',
  '财政资金预算分类',
  '财政资金科目代码',
  '功能科目',
  '支出功能分类科目',
  '基本支出',
  '项目支出',
  '资金性质',
  '地区',
  '村名',
  '项目内容',
  '项目建设内容',
  '建设内容',
  '投资规模',
  '乡镇(单位名称)',
  '编报时间',
  '填报日期',
  '报表编号',
  '中央',
  '省级',
  '市级',
  '县级',
];

// ---------------------------------------------------------------------------------------------
// Patterns for what lists cannot hold: numbered periods, labels that grow words.

/** `3月底`, `截至3月末`, `3月`: one of the four periods of the spending plan. */
export const PERIOD_PATTERN = /^(?:截至|截止)?(3|6|10|12)月(底|末)?(?:累计)?(?:\(%\))?$/;
/** A word and a money unit in brackets: `中央(万元)`, `合计(元)`. */
const MONEY_COLUMN = /^(.{1,8})\((?:万元|元)\)$/u;
/** A figure of last year's (`上年度资金总额`, `上年预算数`, `同名项目上年预算额`, `去年执行数`). */
const LAST_YEAR =
  /(?:上年|上一年|去年|前一年)度?.{0,6}(?:预算|资金|金额|执行|拨款|支出)(?:数|额|总额|总量|安排)?$/u;
/** Budget totals written other ways: `年度资金申请总额`, `项目资金总额`, `年度预算金额(万元)`. */
const TOTAL_PATTERN =
  /(?:预算数|资金申请总额|资金总额|预算总额|预算总量|预算金额|预算资金总额|(?<!上)年度金额)$/;
/** The investment a 发展改革委 form hands down: its only amount. */
const ALLOCATION_PATTERN =
  /^(?:本次|本批|本年度?|当年|年度)?(?:下达|安排)(?:的)?(?:中央|省级?|市级?|县级?)?预算内投资(?:计划|金额|额)?$/u;
const LEVEL = '(?:中央|省级?|市级?|区级?|县级?|州级?|本级|上级)';
/** One or more levels of government heading a column of money (`中央`, `省、地`, `市、县`). */
const LEVELS_OF_MONEY = new RegExp(`^${LEVEL}(?:[、,，]${LEVEL}|[、,，]?地)*$`, 'u');
/** Two or more levels of government, then the money they give (`中央、省、市补助县级资金`). */
const LEVELS_PATTERN = new RegExp(
  `^${LEVEL}(?:[、,，和及与]?${LEVEL})+(?:财政)?(?:补助|拨付|下达|安排)?${LEVEL}?(?:财政)?(?:资金|拨款|补助(?:资金)?|专项资金|安排)$`,
  'u',
);
/** `指标值`, `年度指标值`, `中期指标值`, `2021年实际实现值`…: never `指标值确定依据`. */
const VALUE_PATTERN =
  /^(?:年度|当年|本年度?|中期|中长期|项目期|项目|预期(?:\d{4}年)?)?(?:指标值|目标值|实现值)(?:\(.*\))?$/;
/** Last year's target or result as a column heading: `上年指标值`, `上年度目标值`, `上年完成情况`. */
const LAST_YEAR_VALUE =
  /^(?:上年|上一年|去年|前一年)度?(?:实际)?(?:指标值|目标值|实现值|完成值|完成情况|完成数|实际值)$/u;
/** `二级指标(长期)`, `三级指标(年度)`: the level columns of forms with two indicator sets. */
const LEVEL_COLUMN = /^(一级|二级|三级)指标\((?:年度|当年|长期|中期|项目期)\)$/;

// ---------------------------------------------------------------------------------------------

/** What a label cell says, once white space, required-field stars and a trailing colon are gone. */
export function labelKey(text: string): string {
  if (text.length > KEY_LENGTH) return labelKeyOfNormalized(text.normalize('NFKC'));
  let key = labelKeys.get(text);
  if (key === undefined) {
    key = labelKeyOfNormalized(text.normalize('NFKC'));
    if (labelKeys.size >= KEY_COUNT) labelKeys.clear();
    labelKeys.set(text, key);
  }
  return key;
}

/** labelKey of a text already in NFKC (the reader normalises a cell's text once for all it asks). */
export function labelKeyOfNormalized(nfkc: string): string {
  const key = nfkc
    .replace(/\s+/gu, '')
    .replace(/^[*★☆]+/u, '')
    .replace(/[:：]+$/u, '');
  // A required field's star after its label (`一级指标*`, `绩效指标值*:`), never a template's `≥**`.
  return STARS.test(key) ? key.replace(/(?<=[\p{Script=Han})])[:：]*[*★☆]+[:：]*$/u, '') : key;
}

/** Some star in the text: most have none, and the regex after it is not free. */
const STARS = /[*★☆]/u;

/**
 * The same labels and level names are keyed on every row of every table, and NFKC costs
 * microseconds a call: keys of short texts are kept (bounded: cell text is whatever was typed).
 */
const labelKeys = new Map<string, string>();
const KEY_LENGTH = 64;
const KEY_COUNT = 20_000;

const ENUMERATION = /^(?:\((?:[一二三四五六七八九十]+)\)|[一二三四五六七八九十]+、|\((\d+)\)|(\d+)[、.．])/u;

/**
 * A label's level of enumeration: 1 for `(一)` and `一、`, 2 for `1、`, `1.` and `(1)`, 0 for none.
 * Budget lines of the same level are siblings; a lower level breaks down the line above.
 */
export function enumerationRank(key: string): number {
  const m = ENUMERATION.exec(key.replace(/^其中:?/u, ''));
  if (!m) return 0;
  return m[1] !== undefined || m[2] !== undefined ? 2 : 1;
}

/** The key without what does not change its meaning: enumeration, `其中`, a money unit, a score. */
export function bareLabel(key: string): string {
  let k = key;
  for (let previous = ''; previous !== k;) {
    previous = k;
    k = k
      .replace(/^其中:?/u, '')
      .replace(ENUMERATION, '')
      // A year, or a span of years (`2023-2025年资金总额`: the label is still 资金总额, of those years).
      .replace(/^\d{4}(?:\s*[-—–~～至到]\s*\d{4})?年(?:度)?/u, '')
      // A unit in brackets, the closing one lost in a scan or a paste (`年度预算申请(万元`).
      .replace(/\((?:(?:金额)?单位:?)?(?:万元|元|人民币元|人民币万元|%)\)?$/u, '')
      // The funds score's rule in its heading (`得分(20分*执行率)`): still 得分.
      .replace(/\((?:\d+(?:\.\d+)?分?[*×xX]执行率|执行率[*×xX]\d+(?:\.\d+)?分?)\)$/u, '')
      .replace(/\(?\d+(?:-\d+)?\)?分\)?$/u, '')
      .replace(/\((?:\d+(?:-\d+)?)\)$/u, '')
      .replace(/\((?:必填|选填|必填硬性指标|A|B|B\/A)\)$/u, '')
      .replace(/[:：]+$/u, '');
  }
  return k;
}

const TABLE = new Map<string, LabelReading>();
function add(kind: LabelKind, keys: readonly string[], extra: Omit<LabelReading, 'kind'> = {}): void {
  for (const k of keys) {
    const key = labelKey(k);
    if (!TABLE.has(key)) TABLE.set(key, { kind, ...extra, ...(WEAK.has(key) ? { weak: true } : {}) });
  }
}
// Order matters only for a key listed twice: the first kind wins.
add('name', NAME);
add('code', CODE);
add('entity', ENTITY);
add('implementer', IMPLEMENTER);
add('level1', LEVEL1);
add('level2', LEVEL2);
add('indicatorName', INDICATOR_NAME);
add('value', VALUE);
add('basis', BASIS);
add('description', DESCRIPTION);
add('comparator', COMPARATOR);
add('unit', UNIT);
add('extra', EXTRA);
add('actual', ACTUAL);
add('score', SCORE);
add('weight', WEIGHT);
add('deviation', DEVIATION);
add('yearStart', YEAR_START);
add('yearBudget', YEAR_BUDGET);
add('executed', EXECUTED);
add('rate', RATE);
add('goal', GOAL);
add('goal', GOAL_OTHER);
add('usage', USAGE);
add('plan', PLAN);
add('total', TOTAL);
add('carryover', CARRYOVER);
add('fiscal', FISCAL_GENERIC, { generic: true });
add('fiscal', FISCAL_SOURCE);
add('other', OTHER_GENERIC, { generic: true });
add('other', OTHER_SOURCE);
add('section', SECTION);
add('info', INFO);

/** Kinds whose labels may carry this year's mark or a trailing 数 (see classifyKey). */
const BUDGET_PARTS = new Set<LabelKind>(['fiscal', 'carryover', 'other']);

/** Labels are short; a sentence that happens to contain `财政资金` is a value, not a label. */
const SHORT = 24;
/** Words of a label found by pattern (`当年市级财政资金`): a project name is longer. */
const PATTERN_MAX = 10;

/** The kind of label a key is, or undefined for a value (or a word the lexicon does not know). */
export function classifyKey(key: string): LabelReading | undefined {
  if (!key || key.length > SHORT + 8) return undefined;
  const direct = TABLE.get(key);
  if (direct) return direct;
  const bare = bareLabel(key);
  // A column of money by its source, the unit in brackets (`中央(万元) | 省、地(万元) | 本级(万元) |
  // 其他(万元) | 合计(万元)` over a row of figures): bare, these words are no label.
  const money = MONEY_COLUMN.exec(key);
  if (money) {
    const head = money[1] ?? '';
    if (/^(?:合计|小计|总计)$/u.test(head)) return { kind: 'total' };
    if (/^其[他它]$/u.test(head)) return { kind: 'other' };
    if (LEVELS_OF_MONEY.test(head)) return { kind: 'fiscal' };
  }
  const known = TABLE.get(bare);
  if (known) return known;
  // Goals numbered one by one (`年度目标1:(80分)`, `绩效目标2`): each is the goal's label.
  const numbered = /^(.*目标)\d{1,2}$/u.exec(bare);
  if (numbered && TABLE.get(numbered[1] ?? '')?.kind === 'goal') return { kind: 'goal' };
  // Last year's figures (`上年度资金总额`, `同名项目上年预算额`) beside or instead of this year's: never
  // this year's budget. What was carried over from last year (上年结转) is a part of it.
  if (LAST_YEAR.test(bare) && !/结转|结余/u.test(bare)) return { kind: 'info' };
  // Last year's targets or results beside this year's (`上年指标值 | 本年指标值`, a budget system's
  // export): a column of the block, never its value.
  if (LAST_YEAR_VALUE.test(bare)) return { kind: 'extra' };
  // A budget line with this year's mark or a trailing 数 (`本年一般公共预算拨款`, `财政拨款数`) is the
  // line the lists name without it.
  const marked =
    bare.startsWith('当年') || bare.startsWith('本年') || bare.startsWith('年度') || bare.endsWith('数');
  const line = marked
    ? TABLE.get(bare.replace(/^(?:当年|本年度?|年度)/u, '').replace(/数$/u, ''))
    : undefined;
  if (line && BUDGET_PARTS.has(line.kind)) return line;
  if (PERIOD_PATTERN.test(key)) return { kind: 'period' };
  const level = LEVEL_COLUMN.exec(key);
  if (level)
    return { kind: level[1] === '一级' ? 'level1' : level[1] === '二级' ? 'level2' : 'indicatorName' };
  // Last year's or this year's achievement (2021年实际实现值, 实际完成情况值) is an actual, not a target.
  if (/实际/u.test(bare) && /值$/u.test(bare)) return { kind: 'actual' };
  // Who fills in, answers for or checks the form, and how to reach them (`填报人`, `负责人及电话`,
  // `经办人及联系方式`): the form's lines, whose values are names and numbers, never the project's.
  if (PERSON_LINE.test(bare)) return { kind: 'info' };
  // What became of the goal, however the year and the goal are said before it (`全年实际完成情况`,
  // `年度绩效目标实际完成情况`, `本年度目标完成情况说明`): the self-evaluation's column beside the goal.
  if (ACTUAL_HEADING.test(bare)) return { kind: 'actual' };
  // The goal's own heading over it, the year said another way (`全年预期目标`, `年初预期目标`).
  if (GOAL_HEADING.test(bare)) return { kind: 'goal' };
  if (VALUE_PATTERN.test(bare) && !bare.includes('依据')) return { kind: 'value' };
  // 发展改革委's forms name their one amount by the investment handed down, in many wordings
  // (`本次下达中央预算内投资`, `下达省预算内投资计划`); a project is named …项目, never so.
  if (bare.length <= SHORT && ALLOCATION_PATTERN.test(bare)) return { kind: 'total' };
  // Several levels of government in one line (`中央、省、市补助县级资金`, `中央和省级资金`): fiscal money.
  if (bare.length <= 20 && LEVELS_PATTERN.test(bare)) return { kind: 'fiscal' };
  // Patterns only for what is short enough to be a label: a project is often named …补助资金.
  if (bare.length > PATTERN_MAX) return undefined;
  if (TOTAL_PATTERN.test(bare)) return { kind: 'total' };
  // A department or unit, named either way (`预算部门、单位名称`, `部门(单位)名称`, `预算单位名称`).
  if (/^(?:预算)?(?:部门|单位)(?:[、/]?(?:部门|单位)|\((?:部门|单位)\))?名称$/u.test(bare))
    return { kind: 'entity' };
  // A kind of project before 项目名称 (`会展项目名称`, `建设项目名称`, `子项目名称`): the name still.
  if (/^\p{Script=Han}{1,4}项目名称$/u.test(bare) && !/^(?:上年|同名|以前|支出)/u.test(bare))
    return { kind: 'name' };
  // Words that make any short line a budget line of that kind (`当年市级财政资金`, `单位自筹资金`).
  if (/结转|结余/u.test(bare) && !/率$/u.test(bare)) return { kind: 'carryover' };
  if (/^(?:其中)?(?:当年|本年|本级|年度)?财政(?:拨款|资金)$/u.test(bare))
    return { kind: 'fiscal', generic: true };
  if (
    /^(?:当年|本年|本级)?(?:中央|省级?|市级?|区级?|县级?|地方|上级|同级)(?:财政)?(?:资金|拨款|补助|补助资金|安排|补助安排|资金安排)$/u.test(
      bare,
    )
  )
    return { kind: 'fiscal' };
  if (/^(?:当年|本年)?其[他它]资金$/u.test(bare)) return { kind: 'other', generic: true };
  if (bare.includes('支出计划')) return { kind: 'plan' };
  if (bare.startsWith('预算规模') || bare.includes('资金用途')) return { kind: 'usage' };
  return undefined;
}

/** The money labels the lexicon lists, by length: what a misspelt one is compared with. */
let moneyByLength: Map<number, [string, LabelReading][]> | undefined;

/**
 * A money label with one character mistyped (`其中:财政投款` for 财政拨款, a scan's `财政拔款`): the
 * listed label of the same length that differs from it in exactly one character, four characters
 * or more, and one kind only. Weak: it counts only where an amount stands beside it (SheetView).
 */
export function nearMoneyLabel(key: string): LabelReading | undefined {
  const bare = bareLabel(key);
  if (bare.length < 4 || bare.length > 10 || /\d/u.test(bare)) return undefined;
  if (!moneyByLength) {
    moneyByLength = new Map();
    for (const [k, reading] of TABLE) {
      if (reading.kind !== 'total' && !BUDGET_PARTS.has(reading.kind)) continue;
      const list = moneyByLength.get(k.length) ?? [];
      list.push([k, reading]);
      moneyByLength.set(k.length, list);
    }
  }
  let found: LabelReading | undefined;
  for (const [k, reading] of moneyByLength.get(bare.length) ?? []) {
    let differences = 0;
    for (let i = 0; i < k.length && differences < 2; i++) if (k[i] !== bare[i]) differences++;
    if (differences !== 1) continue;
    if (found && (found.kind !== reading.kind || found.generic !== reading.generic)) return undefined;
    found = reading;
  }
  return found && { kind: found.kind, ...(found.generic ? { generic: true } : {}), weak: true };
}

/**
 * A total that is itself the money of one level of government (`年度本级预算金额`, `本年度申请市财政预算
 * 资金`): a source of another level beside it (`该项目支出上级资金`) may be part of it or added to it.
 */
export const ONE_LEVEL_TOTAL = /本级|上级|中央|(?:省|市|县|区)(?:级|财政)|地方/u;

/** A label of next year's figure: `下一年度预算数`, `下年预算`, `明年资金`, `次年安排`. */
export const NEXT_YEAR = /下一?个?年度?|明年|次年|预测/u;

/**
 * A label of this year's figure (年度资金总额, 年度指标值, 年度目标) rather than the whole project period's
 * or next year's (`下一年度预算数` beside this year's is not it).
 */
export function isAnnual(key: string): boolean {
  return (
    /年度|当年|本年|年初|全年/u.test(key) &&
    !/中期|长期|项目期|\d{4}\s*[-—–~～至到]\s*\d{4}年/u.test(key) &&
    !NEXT_YEAR.test(key)
  );
}

/** A label of the whole project period's figure (项目资金总额, 中期资金总额, 项目期指标值, 总体目标). */
export function isProjectPeriod(key: string): boolean {
  return (
    (/^(?:项目|项目期|中期|中长期|长期|总|\d{4}\s*[-—–~～至到]\s*\d{4}年)/u.test(key) ||
      /\((?:长期|中期|项目期)\)/u.test(key)) &&
    !isAnnual(key)
  );
}

/**
 * A heading of any spending period, the form's four or others (`9月底`, `截至9月末`, `三季度`,
 * `第3季度末`, `上半年`): a plan by periods of its own is told by these.
 */
export function isAnyPeriod(text: string): boolean {
  return ANY_PERIOD.test(text);
}

const ANY_PERIOD =
  /^(?:截至|截止)?(?:\d{1,2}月(?:底|末|份)?|第?[一二三四1-4]季度末?|[上下]半年)(?:累计)?(?:[(（][%％][)）])?$/u;

/** The period a plan label names: `3月底`, `截至3月末` and `3月` are the same. */
export function periodOf(key: string): string | undefined {
  return PERIOD_PATTERN.exec(key)?.[1];
}

// ---------------------------------------------------------------------------------------------
// Titles, year lines, unit lines, block endings.

/** A table's title: `项目绩效目标表`, `…申报表`, `…批复表`, `…审批表`, `…自评表`, with a year after it or not. */
export function isTitleKey(key: string): boolean {
  const k = key
    .replace(/\((?:金额)?单位:?(?:人民币)?(?:万元|元)\)$/u, '')
    .replace(/\(?(?:19|20)\d{2}年度?\)?$/u, '');
  return /(?:绩效目标表|绩效目标申报表|目标申报表|申报表|批复表|审批表|审核表|自评表|绩效指标表)$/u.test(k);
}

/** Titles that say the form is a year-end self-evaluation. */
export function isSelfEvalTitle(key: string): boolean {
  return /自评表|自评价表|绩效自评/u.test(key);
}

/** Titles that say the table is about a whole department (部门整体支出绩效目标表, 整体绩效目标表). */
export function isDepartmentTitle(key: string): boolean {
  return /部门整体|整体支出|整体绩效/u.test(key);
}

/**
 * The year line under a 财政部-style title: `（2025年度）`, `（2025年）`, `2025年度`, and the same with a
 * bracket lost in a paste (`2020年度)`). A bare `2025年` could be a value left alone on an indicator
 * row, so it is not one.
 */
export function isYearLine(key: string): boolean {
  return /^(?:\(?(?:19|20)\d{2}年度?\)|\((?:19|20)\d{2}年度?\)?|(?:19|20)\d{2}年度)$/u.test(key);
}

/**
 * A line that closes an indicator block: a remark, the signatures, a weights or score total, the
 * conclusions of a self-evaluation, reviewers' opinions, a placeholder row of dots.
 */
export function isFooterKey(key: string): boolean {
  return (
    /^(?:备注|注$|注[:0-9一二三、.]|说明[:0-9一、]|填表|填报(?:人|日期|时间|单位)|编制(?:单位|人|日期)|审核|联系|(?:单位|部门)?负责人|(?:分管|主管)领导|经办人|制表|签字|签名|日期|合计|小计|总计|总分|总得分|自评(?:得分|总分|结论)|得分合计|分值合计|评分合计|综合(?:得分|评价)|评价(?:结论|等级)|偏差大|存在问题|改进措施|其他需要?说明|财务负责人|项目负责人:|附件|(?:\(盖章\)))/u.test(
      key,
    ) ||
    /(?:(?:审核|初审|审批|复核|审查|部门)意见(?::.*)?|[盖公]章\)?|年月日)$/u.test(key) ||
    // A signature line of an officer by title (`财务科长:`, `分管局长:`).
    /^\p{Script=Han}{0,4}(?:科长|局长|主任|处长|股长|所长|院长|校长|会计|出纳|审核人|复核人)(?::.*)?$/u.test(
      key,
    ) ||
    /^[…．.·。]{2,}$/u.test(key)
  );
}

/** A line of the sums, in whatever column it is written (the 三级 column too): 合计, 总分, 自评总分. */
export function isSumRowKey(key: string): boolean {
  return /^(?:合计|总计|总分|总得分|自评(?:得分|总分)|得分合计|分值合计|评分合计|综合得分)(?:\d+分?)?$/u.test(
    key,
  );
}

/** A subtotal of a group (`小计`, `产出指标小计`): no indicator, and the block goes on under it. */
export function isSubtotalKey(key: string): boolean {
  return /^(?:\p{Script=Han}{0,8})小计$/u.test(key);
}

/** Words that open a footer line in a self-evaluation's indicator block (总分 …), for the scores rules. */
export function isTotalRowKey(key: string): boolean {
  return /^(?:合计|总分|总计|自评得分)/u.test(key);
}
