/** The units a 指标值 may carry, each with the kind of quantity it measures (SPEC §3). */

export type UnitKind = 'percent' | 'count' | 'time' | 'money' | 'other';

export interface UnitDef {
  /** The unit as the canonical form writes it. */
  unit: string;
  kind: UnitKind;
  /**
   * Other ways people write the same unit. Only notation differences (Latin letters, full-width
   * forms, brackets) are aliases; different words for a similar thing (日 and 天, 公斤 and 千克,
   * 3个工作日 and 3工作日) stay separate units so a canonical fix never rewrites natural wording.
   */
  aliases: string[];
}

const u = (unit: string, kind: UnitKind, aliases: string[] = []): UnitDef => ({ unit, kind, aliases });

export const UNITS: readonly UnitDef[] = [
  u('%', 'percent', ['％', '(%)', '百分比', '百分率']),
  u('‰', 'percent', ['千分比']),
  // Percentage points measure a change of a rate, not a rate: percent kind, but percentNumber() skips them.
  u('个百分点', 'percent', ['百分点']),

  u('个', 'count'),
  u('件', 'count'),
  u('次', 'count'),
  u('人', 'count'),
  u('人次', 'count', ['人·次', '人/次']),
  u('万人', 'count'),
  u('万人次', 'count', ['万人·次']),
  u('户', 'count'),
  u('户次', 'count'),
  u('台', 'count'),
  u('台次', 'count'),
  u('套', 'count'),
  u('辆', 'count'),
  u('辆次', 'count'),
  u('架次', 'count'),
  u('车次', 'count'),
  u('班次', 'count'),
  u('项', 'count'),
  u('场', 'count'),
  u('场次', 'count'),
  u('份', 'count'),
  u('篇', 'count'),
  u('期', 'count'),
  u('座', 'count'),
  u('所', 'count'),
  u('批', 'count'),
  u('批次', 'count'),
  u('张', 'count'),
  u('本', 'count'),
  u('册', 'count'),
  u('处', 'count'),
  u('家', 'count'),
  u('家次', 'count'),
  u('条', 'count'),
  u('名', 'count'),
  u('起', 'count'),
  u('例', 'count'),
  u('宗', 'count'),
  u('棵', 'count'),
  u('株', 'count'),
  u('头', 'count'),
  u('只', 'count'),
  u('间', 'count'),
  u('栋', 'count'),
  u('幢', 'count'),
  u('口', 'count'),
  u('部', 'count'),
  u('支', 'count'),
  u('盏', 'count'),
  u('块', 'count'),
  u('床', 'count'),
  u('对', 'count'),
  u('组', 'count'),
  u('队', 'count'),
  u('门', 'count'),
  u('节', 'count'),
  u('轮', 'count'),
  u('种', 'count'),
  u('类', 'count'),
  u('枚', 'count'),
  u('艘', 'count'),

  u('天', 'time'),
  u('日', 'time'),
  u('工作日', 'time'),
  u('个工作日', 'time'),
  u('小时', 'time', ['h']),
  u('个小时', 'time'),
  u('分钟', 'time', ['min']),
  u('秒', 'time', ['秒钟']),
  u('周', 'time'),
  u('星期', 'time'),
  u('个星期', 'time'),
  u('月', 'time'),
  u('个月', 'time'),
  u('季度', 'time'),
  u('个季度', 'time'),
  u('年', 'time'),
  u('学时', 'time'),
  u('课时', 'time'),

  u('元', 'money'),
  u('千元', 'money'),
  u('万元', 'money'),
  u('亿元', 'money'),

  // A bare 万/亿 is money only when the name or the text says so (parseValue decides).
  u('万', 'other'),
  u('亿', 'other'),
  u('米', 'other', ['m']),
  u('公里', 'other', ['km']),
  u('千米', 'other'),
  u('厘米', 'other', ['cm']),
  u('毫米', 'other', ['mm']),
  u('平方米', 'other', ['m2', '㎡', '平米']),
  u('平方公里', 'other', ['km2']),
  u('平方千米', 'other'),
  u('立方米', 'other', ['m3', '㎥']),
  u('亩', 'other'),
  u('公顷', 'other', ['ha']),
  u('吨', 'other', ['t']),
  u('千克', 'other', ['kg']),
  u('公斤', 'other'),
  u('克', 'other', ['g']),
  u('升', 'other', ['l']),
  u('千瓦', 'other', ['kw']),
  u('千瓦时', 'other', ['kwh']),
  u('兆瓦', 'other', ['mw']),
  u('度', 'other'),
  u('分', 'other'),
  u('倍', 'other'),
  u('级', 'other'),
  u('星', 'other'),
];

/** NFKC, no white space, Latin letters folded to lower case: how units are compared. */
function unitKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{Cc}\p{Cf}]/gu, '')
    .toLowerCase();
}

const BY_KEY: ReadonlyMap<string, UnitDef> = (() => {
  const map = new Map<string, UnitDef>();
  for (const def of UNITS) {
    for (const name of [def.unit, ...def.aliases]) map.set(unitKey(name), def);
  }
  return map;
})();

/** Strips brackets around a whole unit: `(次)` and `（万元）` are the unit inside. */
function unwrap(key: string): string {
  let k = key;
  while (k.length > 2 && k.startsWith('(') && k.endsWith(')')) k = k.slice(1, -1);
  return k;
}

/**
 * The unit a piece of text names, normalised (`M`→米, `％`/`(%)`/`百分比`→%, `个工作日`→工作日),
 * or undefined. Besides the table it understands 万/亿 before a count or other unit (`万亩`) and a
 * unit per something (`次/年`, `元/人`), which keep the kind of the first unit.
 */
export function lookupUnit(text: string): UnitDef | undefined {
  const whole = unitKey(text);
  const direct = BY_KEY.get(whole);
  if (direct) return direct;
  const key = unwrap(whole);
  const known = BY_KEY.get(key);
  if (known) return known;

  const multiplied = /^(万|亿)(.+)$/.exec(key);
  if (multiplied) {
    const base = BY_KEY.get(multiplied[2] ?? '');
    if (base && (base.kind === 'count' || base.kind === 'other') && !/^[万亿]/.test(base.unit)) {
      return { unit: multiplied[1] + base.unit, kind: base.kind, aliases: [] };
    }
  }

  const slash = key.indexOf('/');
  if (slash > 0) {
    const top = lookupUnit(key.slice(0, slash));
    // Per one or more things: units (次/年), or what is counted (元/生/年, 元/人·月, 元/亩).
    const pers = key.slice(slash + 1).split(/[/·*]/u);
    const perOk = pers.every((p) => {
      const per = BY_KEY.get(p);
      return per ? per.kind !== 'percent' : /^\p{Script=Han}{1,3}$/u.test(p);
    });
    if (top && top.kind !== 'percent' && pers.length <= 3 && perOk) {
      const shown = key.slice(slash + 1).replace(/[^/·*]+/gu, (p) => BY_KEY.get(p)?.unit ?? p);
      return { unit: `${top.unit}/${shown}`, kind: top.kind, aliases: [] };
    }
  }
  return undefined;
}
