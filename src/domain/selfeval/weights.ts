/**
 * The 分值 of a self-evaluation (SPEC §12): 预算执行率 10, 产出 50, 效益 30, 满意度 10 (mof-2021's
 * 成本指标 shares 产出's 50); a score in the 一级 name (`产出指标(50分)`) overrides the default; each
 * 一级's weight is split equally over its filled 三级, two decimals, the remainder on the last.
 */

import Big from 'big.js';
import { filled } from '../rules/support';
import { getProfile, levelKey, matchLevel1, weightInName } from '../taxonomy';
import type { Indicator, ProfileId } from '../types';

export const FUNDS_WEIGHT = 10;

type Group = 'output' | 'effect' | 'satisfaction';

const DEFAULT_WEIGHT: Record<Group, number> = { output: 50, effect: 30, satisfaction: 10 };

/** The default group of a 一级 by the profile's name for it; undefined for an unknown 一级. */
function groupOf(profile: ProfileId, level1: string): Group | undefined {
  const known = matchLevel1(getProfile(profile), level1);
  if (!known) return undefined;
  const key = levelKey(known.name);
  if (key === levelKey('产出指标') || key === levelKey('成本指标')) return 'output';
  if (key === levelKey('满意度指标')) return 'satisfaction';
  return 'effect';
}

/** The default weight of the 一级 the text names (产出 50, 效益 30, 满意度 10); undefined when unknown. */
export function defaultGroupWeight(level1: string): number | undefined {
  const group = groupOf('mof-2021', level1) ?? groupOf('hebei-2019', level1);
  return group ? DEFAULT_WEIGHT[group] : undefined;
}

/** `w ÷ n` to two decimals, rounded down, so that the last share (the remainder) is never the smallest. */
export function splitWeight(weight: Big, count: number): Big[] {
  if (count <= 0) return [];
  const each = weight.div(count).round(2, Big.roundDown);
  const shares = Array.from({ length: count - 1 }, () => each);
  return [...shares, weight.minus(each.times(count - 1))];
}

/**
 * The default 分值 of each indicator (undefined for a row without a 三级 name or under an unknown
 * 一级): a 一级 with a score in its name is a group of its own; 产出 and 成本 share one otherwise.
 */
export function defaultWeights(indicators: readonly Indicator[], profile: ProfileId): (Big | undefined)[] {
  const groups = new Map<string, { weight: Big; members: number[] }>();
  indicators.forEach((ind, i) => {
    if (!filled(ind.name)) return;
    const named = weightInName(ind.level1.text);
    const group = groupOf(profile, ind.level1.text);
    const key = named !== undefined ? `named:${levelKey(ind.level1.text)}` : group;
    const base = named ?? (group !== undefined ? DEFAULT_WEIGHT[group] : undefined);
    if (key === undefined || base === undefined) return;
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = { weight: new Big(base), members: [] }));
    entry.members.push(i);
  });
  const out: (Big | undefined)[] = indicators.map(() => undefined);
  for (const { weight, members } of groups.values()) {
    splitWeight(weight, members.length).forEach((share, k) => {
      const at = members[k];
      if (at !== undefined) out[at] = share;
    });
  }
  return out;
}
