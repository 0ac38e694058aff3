/**
 * The words the reader recognises (SPEC §5): the standard table's labels and the variants other
 * provinces, the 财政部 forms and budget-system exports use for the same things.
 */

export type LabelKind =
  | 'name'
  /** 部门(单位)名称: what a 部门整体 table is about, or the unit of a project table. */
  | 'entity'
  /** 实施单位, 主管部门, 填报单位: who submits or carries out the project. */
  | 'implementer'
  | 'code'
  | 'total'
  | 'fiscal'
  | 'carryover'
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
  /** 权重, 分值, 指标方向性 …: columns of the indicator block that are read and ignored. */
  | 'extra'
  | 'period';

/** What a label cell says, once white space, required-field stars and a trailing colon are gone. */
export function labelKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').replace(/^[*]+/, '').replace(/:+$/, '');
}

/** What the reader makes of one cell's text wherever it stands. */
export interface CellReading {
  key: string;
  kind: LabelKind | undefined;
  unit: MoneyUnit | undefined;
  title: boolean;
  year: boolean;
}

/**
 * Labels, units and titles repeat on every table of a workbook; readings of short texts are kept
 * (a bounded cache: the sentences people write are long and do not repeat, and are not kept).
 */
const READINGS = new Map<string, CellReading>();
const KEPT_LENGTH = 32;
const KEPT_COUNT = 20_000;

export function readCell(text: string): CellReading {
  const kept = READINGS.get(text);
  if (kept) return kept;
  const key = labelKey(text);
  const title = isTitleKey(key);
  const reading: CellReading = {
    key,
    kind: classify(key),
    unit: moneyUnitIn(key),
    title,
    year: !title && isYearLine(key),
  };
  if (text.length <= KEPT_LENGTH) {
    if (READINGS.size >= KEPT_COUNT) READINGS.clear();
    READINGS.set(text, reading);
  }
  return reading;
}

const NAME_LABELS = ['项目名称', '项目全称'];
const CODE_LABELS = ['项目编码', '项目代码', '项目编号'];
const ENTITY_LABELS = ['部门名称', '部门(单位)名称', '单位名称', '部门(单位)', '预算部门名称'];
const IMPLEMENTER_LABELS = [
  '实施单位',
  '项目实施单位',
  '主管部门',
  '主管部门及代码',
  '填报单位',
  '申报单位',
  '预算单位',
];
const GOAL_LABELS = [
  '绩效目标',
  '年度绩效目标',
  '项目绩效目标',
  '项目年度绩效目标',
  '年度目标',
  '总体目标',
  '年度总体目标',
  '整体绩效目标',
  '部门整体绩效目标',
  '总体绩效目标',
];
const NAME_COLUMN_LABELS = ['三级指标', '三级指标名称', '指标名称'];
const VALUE_LABELS = [
  '指标值',
  '指标值及单位',
  '年度指标值',
  '年度(/项目)指标值',
  '年度/项目指标值',
  '项目指标值',
  '目标值',
  '当年预期实现值',
  '预期实现值',
];
const COMPARATOR_LABELS = ['指标性质', '计算符号', '符号', '运算符号', '比较符号'];
const UNIT_LABELS = ['计量单位', '度量单位', '单位', '指标值单位'];
const BASIS_LABELS = ['指标值确定依据', '绩效标准', '评价标准', '指标值设定依据', '确定依据'];
const DESCRIPTION_LABELS = ['绩效指标描述', '指标解释', '指标描述', '指标说明'];
const EXTRA_LABELS = [
  '权重',
  '分值',
  '指标方向性',
  '指标方向',
  '指标类型',
  '备注',
  '评(扣)分标准',
  '评分标准',
];
const PERIOD_PATTERN = /^(?:截至|截止)?(3|6|10|12)月(底|末)?(?:累计)?(?:\(%\))?$/;
/** Budget totals: `预算数`, `年度资金申请总额`, `项目资金总额`, `年度预算金额` … */
const TOTAL_PATTERN = /(?:预算数|资金申请总额|资金总额|预算总额|预算金额)(?:\((?:万元|元)\))?$/;
/** Labels are short; a sentence that happens to contain `财政资金` is a value, not a label. */
const SHORT = 16;

export function classify(key: string): LabelKind | undefined {
  if (!key || key.length > SHORT + 4) return undefined;
  if (NAME_LABELS.includes(key)) return 'name';
  if (CODE_LABELS.includes(key)) return 'code';
  if (ENTITY_LABELS.includes(key)) return 'entity';
  if (IMPLEMENTER_LABELS.includes(key)) return 'implementer';
  if (key === '一级指标') return 'level1';
  if (key === '二级指标') return 'level2';
  if (NAME_COLUMN_LABELS.includes(key)) return 'indicatorName';
  if (isValueLabel(key)) return 'value';
  if (BASIS_LABELS.includes(key)) return 'basis';
  if (DESCRIPTION_LABELS.includes(key)) return 'description';
  if (COMPARATOR_LABELS.includes(key)) return 'comparator';
  if (UNIT_LABELS.includes(key)) return 'unit';
  if (EXTRA_LABELS.includes(key)) return 'extra';
  if (GOAL_LABELS.includes(key)) return 'goal';
  if (PERIOD_PATTERN.test(key)) return 'period';
  if (key.length > SHORT) return undefined;
  if (TOTAL_PATTERN.test(key)) return 'total';
  if (key.includes('结转') || key.includes('结余')) return 'carryover';
  if (key.includes('财政资金') || key.includes('财政拨款')) return 'fiscal';
  if (key.includes('其他资金')) return 'other';
  if (key.includes('支出计划')) return 'plan';
  if (
    key.startsWith('预算规模') ||
    key.includes('资金用途') ||
    key.includes('主要用途') ||
    key === '年度主要任务'
  )
    return 'usage';
  return undefined;
}

/** `指标值`, `年度指标值`, `中期指标值`, `目标值`: never `指标值确定依据`. */
function isValueLabel(key: string): boolean {
  return (
    VALUE_LABELS.includes(key) ||
    /^(?:年度|当年|中期|中长期|项目期|项目)?(?:指标值|目标值)(?:\(.*\))?$/.test(key)
  );
}

/** A label of this year's figure (年度资金总额, 年度指标值, 年度目标) rather than the whole project period's. */
export function isAnnual(key: string): boolean {
  return /年度|当年|本年/.test(key);
}

/** A label of the whole project period's figure (项目资金总额, 中期资金总额, 项目期指标值). */
export function isProjectPeriod(key: string): boolean {
  return /^(?:项目|项目期|中期|中长期|总)/.test(key) && !isAnnual(key);
}

/** The period a plan label names: `3月底`, `截至3月末` and `3月` are the same. */
export function periodOf(key: string): string | undefined {
  return PERIOD_PATTERN.exec(key)?.[1];
}

/**
 * A money unit written on its own or inside a label: `单位：元`, `金额单位:人民币元`, `（元）`,
 * `项目资金（元）`, `单位：万元`. `单位:元氏县…` names a county, not a unit. Keys are NFKC, so `：`
 * is `:` and `（` is `(`.
 */
const UNIT_WORD = '(?:金额|货币|资金)?单位:?(?:人民币)?(万元|元)';
const PAREN_WORD = '\\((?:人民币|金额:?|单位:?)?(万元|元)\\)';
const LINE_ALONE = new RegExp(`^(?:${UNIT_WORD}|${PAREN_WORD})$`);
/** `填报单位：某局 金额单位：元` in one cell: the unit's name, then the money unit at the end. */
const LINE_AFTER_NAME = new RegExp(
  `^(?:填报单位|申报单位|预算单位|单位名称|部门名称|实施单位):.+?${UNIT_WORD}$`,
);
const IN_LABEL = new RegExp(`${UNIT_WORD}(?![\\p{Script=Han}])|${PAREN_WORD}`, 'u');
/** A unit inside longer text (a usage note, a description) says nothing about the table's amounts. */
const LABEL_LENGTH = 20;

export interface MoneyUnit {
  scale: 1 | 0.0001;
  /** True when the cell is a unit line (`单位：元`, `填报单位：某局 单位：元`), false for a label (`项目资金（元）`). */
  line: boolean;
}

const scaleOf = (m: RegExpExecArray): 1 | 0.0001 => ((m[1] ?? m[2]) === '元' ? 0.0001 : 1);

export function moneyUnitIn(key: string): MoneyUnit | undefined {
  const line = LINE_ALONE.exec(key) ?? LINE_AFTER_NAME.exec(key);
  if (line) return { scale: scaleOf(line), line: true };
  const label = key.length <= LABEL_LENGTH ? IN_LABEL.exec(key) : null;
  return label ? { scale: scaleOf(label), line: false } : undefined;
}

/** The unit line's text without its money unit: `填报单位：某局    金额单位：元` → `某局`. */
export function withoutMoneyUnit(text: string): string {
  return text
    .replace(
      /[(（]?\s*(?:金额|货币|资金)?单位\s*[:：]?\s*(?:人民币)?(?:万元|元)(?![\p{Script=Han}])\s*[)）]?/gu,
      ' ',
    )
    .replace(/[(（]\s*(?:人民币)?(?:万元|元)\s*[)）]/g, ' ')
    .replace(/^\s*(?:填报单位|单位名称|预算单位|申报单位|部门名称)\s*[:：]\s*/, '')
    .trim();
}

export function isTitleKey(key: string): boolean {
  return key.endsWith('绩效目标表') || key.endsWith('申报表');
}

/**
 * The year line under a 财政部-style title: `（2025年度）`, `（2025年）`, `2025年度`. A bare `2025年`
 * could be a value left alone on an indicator row, so it is not one.
 */
export function isYearLine(key: string): boolean {
  return /^(?:\((?:19|20)\d{2}年度?\)|(?:19|20)\d{2}年度)$/.test(key);
}

/** A line that closes an indicator block: a remark, the signatures, a weights total. */
export function isFooterKey(key: string): boolean {
  return /^(?:备注|注[:0-9一二三、.]|说明[:0-9一、]|填表|填报人|填报日期|审核|联系|单位负责人|负责人|制表|合计|小计|总计)/.test(
    key,
  );
}
