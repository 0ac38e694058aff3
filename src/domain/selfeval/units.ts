/**
 * Which units an 实际完成值 may be written in and still be scored against its target (SPEC §12): the
 * target's own; one that is the same quantity under another name (`场` for `次`, `日` for `天`); or
 * one a power of ten away (`元` for `万元`, `16000人次` for `1.5万人次`, `公里` for `米`). The factor is
 * always a power of ten, so converting is an exact multiplication. Units of the same kind that are not
 * the same quantity (`个工作日` for `天`, `人次` for `人`, `小时` for `天`) are not converted.
 */

import Big from 'big.js';
import { lookupUnit, UNITS } from '../units';

/** A unit's place in a family of the same quantity: the family and how many base units it is. */
interface Scale {
  family: string;
  factor: string;
}

/** Units of one quantity, with their size in the first one's (exact powers of ten, or 1). */
const FAMILIES: readonly (readonly [string, readonly (readonly [string, string])[]])[] = [
  [
    'money',
    [
      ['元', '1'],
      ['千元', '1000'],
      ['万元', '10000'],
      ['亿元', '100000000'],
    ],
  ],
  // Occurrences of an event: 12场 宣传 are 12次.
  [
    'occurrence',
    [
      ['次', '1'],
      ['场', '1'],
      ['场次', '1'],
    ],
  ],
  [
    'person',
    [
      ['人', '1'],
      ['名', '1'],
    ],
  ],
  [
    'batch',
    [
      ['批', '1'],
      ['批次', '1'],
    ],
  ],
  // The calendar day; a working day (工作日) is not one.
  [
    'day',
    [
      ['天', '1'],
      ['日', '1'],
    ],
  ],
  [
    'workday',
    [
      ['工作日', '1'],
      ['个工作日', '1'],
    ],
  ],
  [
    'hour',
    [
      ['小时', '1'],
      ['个小时', '1'],
    ],
  ],
  [
    'week',
    [
      ['周', '1'],
      ['星期', '1'],
      ['个星期', '1'],
    ],
  ],
  [
    'month',
    [
      ['月', '1'],
      ['个月', '1'],
    ],
  ],
  [
    'quarter',
    [
      ['季度', '1'],
      ['个季度', '1'],
    ],
  ],
  [
    'length',
    [
      ['毫米', '1'],
      ['厘米', '10'],
      ['米', '1000'],
      ['千米', '1000000'],
      ['公里', '1000000'],
    ],
  ],
  [
    'area',
    [
      ['平方米', '1'],
      ['公顷', '10000'],
      ['平方千米', '1000000'],
      ['平方公里', '1000000'],
    ],
  ],
  [
    'mass',
    [
      ['克', '1'],
      ['千克', '1000'],
      ['公斤', '1000'],
      ['吨', '1000000'],
    ],
  ],
  [
    'power',
    [
      ['千瓦', '1'],
      ['兆瓦', '1000'],
    ],
  ],
  [
    'energy',
    [
      ['千瓦时', '1'],
      ['度', '1'],
    ],
  ],
];

const SCALES: ReadonlyMap<string, Scale> = new Map(
  FAMILIES.flatMap(([family, units]) => units.map(([unit, factor]) => [unit, { family, factor }] as const)),
);

const MULTIPLIERS: Record<string, string> = { 万: '10000', 亿: '100000000' };

/**
 * A unit's family and size: from the table; a count or other unit not in it is a family of its own
 * (`个`, `亩`); `万`/`亿` before a unit (`万人次`, `万亩`) multiply it. Undefined for a unit of another
 * shape (`元/人`, a percent).
 */
function scaleOf(unit: string): Scale | undefined {
  const known = SCALES.get(unit);
  if (known) return known;
  const multiplier = MULTIPLIERS[unit.charAt(0)];
  // Only where the reader knows the multiple as a unit (`万人次`, `万亩`; not `万天`).
  if (multiplier !== undefined && unit.length > 1 && lookupUnit(unit) !== undefined) {
    const base = scaleOf(unit.slice(1));
    if (base && base.family !== 'money')
      return { family: base.family, factor: new Big(base.factor).times(multiplier).toFixed() };
  }
  if (unit.includes('/')) return undefined;
  const def = lookupUnit(unit);
  if (!def || (def.kind !== 'count' && def.kind !== 'other') || def.unit !== unit) return undefined;
  return { family: `unit:${unit}`, factor: '1' };
}

/**
 * What one `from` is in `to`, when the two are the same quantity (a power of ten, or 1); undefined
 * when they are not (different families, or either unknown). The target's own unit gives 1.
 */
function unitFactor(from: string, to: string): Big | undefined {
  if (from === to) return new Big(1);
  const a = scaleOf(from);
  const b = scaleOf(to);
  if (!a || !b || a.family !== b.family) return undefined;
  // Both are powers of ten (or 1): the quotient is exact.
  return new Big(a.factor).div(b.factor);
}

/**
 * The units an actual value may carry for a target in `unit` (its own included), each with its factor
 * to the target's unit, longest first (so that `万元` is tried before `元`): the units of its family
 * (`场` for `次`, `元` for `万元`, `公里` for `米`), the target's unit with and without `万` (`万人次`
 * for `人次`, `人次` for `万人次`), a bare `万`/`亿` for money (SPEC §3), and the ways people write each
 * (`m` for 米). What the domain converts and what the generated sheet's formula reads: one list.
 */
export function convertibleUnits(unit: string): { unit: string; factor: Big }[] {
  const target = scaleOf(unit);
  if (!target) return [];
  const multiplied = MULTIPLIERS[unit.charAt(0)] !== undefined && target.family !== 'money';
  const base = multiplied ? unit.slice(1) : unit;
  const candidates = new Set<string>([unit, base, `万${base}`]);
  for (const [family, units] of FAMILIES)
    if (family === target.family) for (const [u] of units) candidates.add(u);
  const out: { unit: string; factor: Big }[] = [];
  for (const u of candidates) {
    const factor = unitFactor(u, unit);
    if (factor) out.push({ unit: u, factor });
  }
  // A bare 万/亿 after an amount of money is 万元/亿元 (SPEC §3: `万` after money words).
  if (target.family === 'money')
    for (const [m, wan] of [
      ['万', '万元'],
      ['亿', '亿元'],
    ] as const) {
      const factor = unitFactor(wan, unit);
      if (factor) out.push({ unit: m, factor });
    }
  // The same units as people also write them (`m` for 米, `kg` for 千克): the reader takes them so.
  for (const { unit: u, factor } of [...out])
    for (const alias of UNITS.find((d) => d.unit === u)?.aliases ?? [])
      if (!alias.includes('%')) out.push({ unit: alias, factor });
  return out.sort((x, y) => y.unit.length - x.unit.length);
}

/** What one `from` (as the reader names units) is in the target's `unit`, when convertibleUnits lists it. */
export function factorTo(from: string, unit: string): Big | undefined {
  return convertibleUnits(unit).find((u) => u.unit === from)?.factor;
}
