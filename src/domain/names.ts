/** What an indicator's name (三级指标) implies about its value (SPEC §3). */

import type { NameExpectation } from './types';

type ExpectedKind = Exclude<NameExpectation['kind'], null>;

/** In the order SPEC §3 tries them: percent, count, time, money. */
const KIND_WORDS: readonly (readonly [ExpectedKind, readonly string[]])[] = [
  ['percent', ['满意度', '率', '比例', '比重', '覆盖面', '占比']],
  ['count', ['数量', '次数', '人次', '人数', '个数', '件数', '户数', '起数']],
  ['time', ['天数', '时间', '时长', '时限', '周期', '工期']],
  ['money', ['经费', '成本', '费用', '资金', '开支', '支出', '金额', '投资']],
];

/** Rates of an adverse event: smaller is better. `投诉处理率` does not end in one, so it stays ordinary. */
const ADVERSE_RATES = ['故障率', '差错率', '投诉率', '事故率', '发生率', '超标率', '逾期率', '违规率'];
/** Counting any of these is counting something that should not happen. */
const ADVERSE_EVENTS = ['故障', '投诉', '事故', '差错', '未处理', '重复', '超标', '违规', '逾期'];

/**
 * The name as compared: full-width folded, no white space, and without what trails the words
 * (`信访案件处理率（%）`, `满意度。`), so the ending is the last word of the name itself.
 */
function normaliseName(name: string): string {
  let n = (typeof name === 'string' ? name : '').normalize('NFKC').replace(/\s+/g, '');
  for (;;) {
    const trimmed = n.replace(/[。.,;、!?:]+$/, '').replace(/\([^()]*\)$/, '');
    if (trimmed === n) return n;
    n = trimmed;
  }
}

function kindOf(name: string): ExpectedKind | null {
  for (const [kind, words] of KIND_WORDS) {
    if (words.some((w) => name.endsWith(w))) return kind;
  }
  for (const [kind, words] of KIND_WORDS) {
    if (words.some((w) => name.includes(w))) return kind;
  }
  return null;
}

/** The kind of value the name asks for, whether smaller is better, and whether it is a 满意度. */
export function expectFromName(name: string): NameExpectation {
  const n = normaliseName(name);
  const kind = kindOf(n);
  const reverse =
    ADVERSE_RATES.some((w) => n.endsWith(w)) ||
    (kind === 'count' && ADVERSE_EVENTS.some((w) => n.includes(w)));
  return { kind, reverse, satisfaction: n.includes('满意度') };
}
