/**
 * The 分值 of a self-evaluation (SPEC §12): 预算执行率 10, 产出 50, 效益 30, 满意度 10 (mof-2021's
 * 成本指标 shares 产出's 50); a score in the 一级 name (`产出指标(50分)`) overrides the default; each
 * 一级's weight is split equally over its filled 三级, two decimals, the remainder on the last.
 */

import Big from 'big.js';
import { parseDecimalText } from '../amounts';
import { filled } from '../rules/support';
import { getProfile, levelKey, matchLevel1, weightInName } from '../taxonomy';
import type { Field, Indicator, ProfileId } from '../types';

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

/** A 分值 or 得分 cell as a number (`10`, `10.00`, `10分`); undefined when empty, 'invalid' otherwise. */
export function readPoints(field: Field | undefined): Big | 'invalid' | undefined {
  const raw = field?.raw;
  if (!field || !raw) return undefined;
  if (raw.error || typeof raw.value === 'boolean') return 'invalid';
  if (typeof raw.value === 'number') return Number.isFinite(raw.value) ? new Big(raw.value) : 'invalid';
  if (raw.value === null || String(raw.value).trim() === '') return undefined;
  const text = String(raw.value).normalize('NFKC').replace(/\s+/gu, '').replace(/分$/u, '');
  return parseDecimalText(text) ?? 'invalid';
}

/** A 分值 or 得分 above 0: a row holding one changes a sum. */
export function positivePoints(field: Field | undefined): boolean {
  const points = readPoints(field);
  return points instanceof Big && points.gt(0);
}

/** One 一级's weight and the indicators (their indices) it is split over. */
export interface WeightGroup {
  weight: Big;
  members: number[];
}

/**
 * A row a self-evaluation scores: one with a 三级 name, or one whose name was left out but which is
 * filled like an indicator — a 指标值 or 实际完成值, and a 分值 or 得分 above 0 (a 小计 row has neither
 * of the first two; a placeholder scored 0 changes no sum). Such a row counts in the sums; leaving it out would print a total short of its score.
 */
export function isScoredRow(ind: Indicator): boolean {
  if (filled(ind.name)) return true;
  return (
    (filled(ind.value) || filled(ind.actual)) && (positivePoints(ind.weight) || positivePoints(ind.score))
  );
}

/**
 * The groups the default 分值 are split over (SPEC §12): a 一级 with a score in its name is a group of
 * its own; 产出 and 成本 share one otherwise. When some of 产出/成本 name their weight and others do
 * not (`产出指标（40分）` beside a bare `成本指标`), the unnamed ones take what the budget's
 * `budgetWeight` and every other group leave of 100 when that is more than 0, and share the named
 * one's weight (as §12 has 成本 share 产出's) when nothing is left (or a 一级 is missing): never the default 50 of their own
 * on top of a named one.
 */
export function weightGroups(
  indicators: readonly Indicator[],
  profile: ProfileId,
  budgetWeight: Big = new Big(FUNDS_WEIGHT),
): WeightGroup[] {
  const groups = new Map<string, WeightGroup>();
  const namedOutput: string[] = [];
  const unnamedOutput: number[] = [];
  const present = new Set<Group>();
  indicators.forEach((ind, i) => {
    if (!isScoredRow(ind)) return;
    const named = weightInName(ind.level1.text);
    const group = groupOf(profile, ind.level1.text);
    const key = named !== undefined ? `named:${levelKey(ind.level1.text)}` : group;
    const base = named ?? (group !== undefined ? DEFAULT_WEIGHT[group] : undefined);
    if (key === undefined || base === undefined) return;
    if (group !== undefined) present.add(group);
    if (named !== undefined && group === 'output' && !namedOutput.includes(key)) namedOutput.push(key);
    if (named === undefined && group === 'output') {
      unnamedOutput.push(i);
      return;
    }
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = { weight: new Big(base), members: [] }));
    entry.members.push(i);
  });
  if (unnamedOutput.length > 0) {
    const shared = namedOutput[0] !== undefined ? groups.get(namedOutput[0]) : undefined;
    let left = new Big(100).minus(budgetWeight);
    for (const g of groups.values()) left = left.minus(g.weight);
    // What is left is 成本's only when every other 一级 is there to have taken its part.
    const complete = present.has('effect') && present.has('satisfaction');
    if (shared && (left.lte(0) || !complete)) shared.members.push(...unnamedOutput);
    else
      groups.set('output', {
        weight: shared ? left : new Big(DEFAULT_WEIGHT.output),
        members: unnamedOutput,
      });
  }
  // The members in reading order, so that the remainder of a split falls on a group's last row.
  for (const g of groups.values()) g.members.sort((a, b) => a - b);
  return [...groups.values()];
}

/** The default 分值 of each indicator (undefined for a row not scored or under an unknown 一级). */
export function defaultWeights(
  indicators: readonly Indicator[],
  profile: ProfileId,
  budgetWeight?: Big,
): (Big | undefined)[] {
  const out: (Big | undefined)[] = indicators.map(() => undefined);
  for (const { weight, members } of weightGroups(indicators, profile, budgetWeight)) {
    splitWeight(weight, members.length).forEach((share, k) => {
      const at = members[k];
      if (at !== undefined) out[at] = share;
    });
  }
  return out;
}
