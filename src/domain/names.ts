/** What an indicator's name (三级指标) implies about its value (SPEC §3). */

import { bareName, fold } from './text';
import type { MeasureKind, NameExpectation } from './types';
import { lookupUnit } from './units';

/**
 * The words that say what a name measures, by kind, in the order SPEC §3 tries them: the word a
 * name ends with decides first, then the words it contains. The one list: the rules read it, and
 * the template's own highlighting formula is generated from it (layout.ts).
 */
export const NAME_WORDS: Readonly<Record<MeasureKind, readonly string[]>> = {
  percent: ['满意度', '满意程度', '率', '比例', '比重', '覆盖面', '占比'],
  count: ['数量', '次数', '人次', '人数', '个数', '件数', '户数', '起数'],
  time: ['天数', '时间', '时长', '时限', '周期', '工期', '用时', '耗时'],
  money: ['经费', '成本', '费用', '资金', '开支', '支出', '金额', '投资'],
};

const KINDS: readonly MeasureKind[] = ['percent', 'count', 'time', 'money'];

/** Rates of an adverse event: smaller is better. `投诉处理率` does not end in one, so it stays ordinary. */
const ADVERSE_RATES = ['故障率', '差错率', '投诉率', '事故率', '发生率', '超标率', '逾期率', '违规率'];
/** Counting any of these is counting something that should not happen. */
const ADVERSE_EVENTS = ['故障', '投诉', '事故', '差错', '未处理', '重复', '超标', '违规', '逾期'];

/**
 * Work done on such events, after their word (`投诉处理件数`, `事故隐患排查次数`, `重复信访化解数量`):
 * more is better, as `投诉处理率` is an ordinary rate.
 */
const HANDLING = /排查|处理|受理|维修|修复|整改|查处|清收|化解|演练|办结|处置|治理|调解|回访|检查|巡查|核查/u;

/** The kind the name's last word asks for, or null when only a word inside the name hints at one. */
export function kindFromEnding(name: string): MeasureKind | null {
  const bare = bareName(name);
  return KINDS.find((kind) => NAME_WORDS[kind].some((w) => bare.endsWith(w))) ?? null;
}

function kindOf(bare: string): MeasureKind | null {
  for (const kind of KINDS) if (NAME_WORDS[kind].some((w) => bare.endsWith(w))) return kind;
  for (const kind of KINDS) if (NAME_WORDS[kind].some((w) => bare.includes(w))) return kind;
  return null;
}

/** The kind of value the name asks for, whether smaller is better, and whether it is a 满意度. */
export function expectFromName(name: string): NameExpectation {
  const n = bareName(name);
  const kind = kindOf(n);
  const reverse =
    ADVERSE_RATES.some((w) => n.endsWith(w)) ||
    // A rate of something done late (`逾期发放率`, `超期办结率`), unless the work is on the late ones
    // (`逾期清收率`, `超期整改率`).
    (/(?:逾期|超期)(\p{Script=Han}{1,4})率$/u.test(n) &&
      !HANDLING.test(/(?:逾期|超期)(\p{Script=Han}{1,4})率$/u.exec(n)?.[1] ?? '')) ||
    (kind === 'count' &&
      ADVERSE_EVENTS.some((w) => n.includes(w) && !HANDLING.test(n.slice(n.indexOf(w) + w.length))));
  return { kind, reverse, satisfaction: /满意(?:度|程度)/u.test(n) && !n.includes('不满意') };
}

/**
 * What a form prints where the target goes, before the unit in a name's brackets: a comparator and
 * stars or blanks to fill (`苗木成活率(≥**%)`, `项目总投入(≥**万元)`).
 */
const UNIT_HINT = /^(?:[≥≤><=]|大于等于|小于等于|不低于|不高于|不少于|不超过|不多于)?[*×xX…_○□]*/u;

/**
 * The unit a name states for its value (SPEC §3: `%`, `(%)`): in brackets at its end (`满意度(%)`,
 * `资金拨付率（%）`, `培训人数（人次）`, `苗木成活率(≥**%)`), or a percent sign glued to it
 * (`各项工作完成及时率%`). Normalised as the value grammar writes it; undefined when the name states
 * none (`(按期)` is no unit).
 */
export function unitInName(name: string): string | undefined {
  const s = fold(typeof name === 'string' ? name : '').replace(/[。.,;、!?:]+$/u, '');
  const bracket = /\(([^()]{1,16})\)$/u.exec(s);
  if (bracket) {
    const inner = (bracket[1] ?? '').replace(UNIT_HINT, '');
    return inner === '' ? undefined : lookupUnit(inner)?.unit;
  }
  return /[^%]%$/u.test(s) ? '%' : undefined;
}
