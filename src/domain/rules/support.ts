import Big from 'big.js';
/**
 * What several indicator rules need to agree on, so that one defect gives one finding: how a value
 * cell is read, what the name expects, and which value errors only the user can resolve (a rule
 * offering a fix stays quiet on those).
 */

import {
  formatDivisor,
  isPercentFormat,
  percentText,
  readPlanCell,
  unitOfFormat,
  type PlanReading,
} from '../amounts';
import { isBlank } from '../grid';
import { expectFromName, kindFromEnding, unitInName } from '../names';

export { kindFromEnding } from '../names';
import { bareName } from '../text';
import {
  findLevel2,
  level2RoleAnywhere,
  matchLevel1,
  matchLevel2,
  normalizeName,
  type Level1,
  type Level2,
  type Level2Role,
  type Profile,
} from '../taxonomy';
import {
  budgetLines,
  type BudgetPart,
  type Field,
  type Indicator,
  type MeasureKind,
  type NameExpectation,
  type ParsedValue,
  type ReferenceIndicator,
  type ReferenceLookup,
  type TargetTable,
} from '../types';
import { factorTo } from '../selfeval/units';
import { lookupUnit, type UnitDef } from '../units';
import { formatCanonical, parseValue, percentNumber, unitWithoutNumber } from '../value';

export interface ValueInfo {
  /** The value as the user sees it (`75%` for 0.75 in a percent-formatted cell). */
  text: string;
  parsed: ParsedValue;
  /** The value's kind in the terms names use: a date is a time; `other` and text are null. */
  measure: MeasureKind | null;
  /** The unit was not typed with the value but stated by the name (`满意度(%) | 90`). */
  unitFrom?: 'name';
  /** A split layout's value cell carries another unit than its 计量单位: it is read in its own. */
  columnConflict?: ColumnConflict;
}

/** True when the cell holds something a user typed, a formula included. */
export function filled(field: Field | undefined): boolean {
  return field !== undefined && !isBlank(field.raw);
}

/** True when any cell the user fills on an indicator row (beyond 一级/二级) holds something. */
export function hasContent(ind: Indicator): boolean {
  return [ind.name, ind.value, ind.description, ind.basis, ind.comparator, ind.unit].some(filled);
}

/** Split layouts keep comparator and unit in their own columns: the value cell holds the number only. */
export function isSplit(ind: Indicator): boolean {
  return ind.comparator !== undefined || ind.unit !== undefined;
}

// The reader builds new Indicator objects on every read, so what is derived from one never goes stale.
// Everything derived is kept in one record per indicator, made for the lookup it was derived with
// (one reading may be validated with and without); the rules ask about the same indicator several
// times in a row, so the last record asked for is at hand without a look-up.
interface Derived {
  lookup: ReferenceLookup | undefined;
  expectation?: NameExpectation;
  value?: ValueInfo | null;
  categories?: Categories;
}

const derived = new WeakMap<Indicator, Derived>();
let lastIndicator: Indicator | undefined;
let lastDerived: Derived | undefined;

function derivedOf(ind: Indicator): Derived {
  if (ind === lastIndicator && lastDerived) return lastDerived;
  let d = derived.get(ind);
  if (!d) {
    d = { lookup: undefined, expectation: undefined, value: undefined, categories: undefined };
    derived.set(ind, d);
  }
  lastIndicator = ind;
  lastDerived = d;
  return d;
}

/**
 * The rules on this table judge names by the reference library as well (SPEC §13), or, with
 * `undefined`, by the name alone. validate.ts binds it before a table's rules run.
 */
export function bindReferences(table: TargetTable, lookup: ReferenceLookup | undefined): void {
  lastIndicator = undefined;
  lastDerived = undefined;
  for (const ind of table.indicators) {
    const d = derived.get(ind);
    // Derived with another lookup: derived anew.
    if (!d || d.lookup !== lookup)
      derived.set(ind, { lookup, expectation: undefined, value: undefined, categories: undefined });
  }
}

function lookupFor(ind: Indicator): ReferenceIndicator | undefined {
  const lookup = derivedOf(ind).lookup;
  if (!lookup || ind.name.text.trim() === '') return undefined;
  try {
    return lookup(ind.name.text, ind.level2.text);
  } catch {
    // A library that fails must not take the rules with it: the name alone still says something.
    return undefined;
  }
}

/** What the name asks of the value: the library's kind and direction when it knows the name. */
export function expectation(ind: Indicator): NameExpectation {
  const d = derivedOf(ind);
  if (d.expectation) return d.expectation;
  const byName = expectFromName(ind.name.text);
  const reference = lookupFor(ind);
  const value: NameExpectation = reference
    ? { kind: reference.kind, reverse: reference.reverse, satisfaction: byName.satisfaction, reference }
    : byName;
  d.expectation = value;
  return value;
}

/**
 * Whether smaller is better for this value, and the reference that says so: a source's direction
 * holds for values of the kind it writes (检测及时率 ≤7工作日 caps the days, not a rate of 95 %); a
 * value of another kind goes by the name's words.
 */
export function directionOf(
  ind: Indicator,
  measure: MeasureKind | null,
): { reverse: boolean; reference?: ReferenceIndicator } {
  const e = expectation(ind);
  if (!e.reference) return { reverse: e.reverse };
  if (e.reference.kind === measure) return { reverse: e.reverse, reference: e.reference };
  return { reverse: expectFromName(ind.name.text).reverse };
}

/** 指标性质 columns often say the direction in words: 正向 (larger is better) is ≥, 反向 is ≤. */
const DIRECTION_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^正向/, '≥'],
  [/^反向/, '≤'],
  [/^(?:定性|定量)/, ''],
];

/**
 * The value cell as its user sees it: a number formatted as a percent shows (and means) `95%`, one
 * formatted with a money unit shows it (`#,##0"元"`: `480000元`).
 */
export function valueCellText(field: Field): string {
  const raw = field.raw;
  if (raw && typeof raw.value === 'number' && Number.isFinite(raw.value)) {
    if (isPercentFormat(raw.numberFormat)) return percentText(raw.value);
    const divisor = formatDivisor(raw.numberFormat);
    const shown = divisor === 1 ? field.text : new Big(raw.value).div(divisor).toString();
    const unit = unitOfFormat(raw.numberFormat);
    if (unit) return `${shown}${unit}`;
    if (divisor !== 1) return shown;
  }
  return field.text;
}

/** A value cell's own unit beside a 计量单位 that says otherwise (`28.8万元 | %`). */
export interface ColumnConflict {
  /** The unit the value cell carries, normalised (`万元`). */
  own: string;
  /** The unit column's, normalised (`%`). */
  column: string;
  /** The value without its unit (`28.8`): what the value cell holds when the column is right. */
  bare: string;
}

/**
 * Two units that say the same of a value: one unit, or one quantity under two names (`场` and `次`);
 * a count or a time in another word of its kind (`5个` beside `项`, `3天` beside `工作日`) is taken as
 * written. Money in another unit (元 and 万元), a percentage and anything else are not.
 */
function sameUnit(own: UnitDef, column: UnitDef): boolean {
  if (own.unit === column.unit) return true;
  const factor = factorTo(own.unit, column.unit);
  if (factor) return factor.eq(1);
  return own.kind === column.kind && (own.kind === 'count' || own.kind === 'time');
}

/**
 * The value cell and its 计量单位 joined: the column gives a bare number its unit (`95 | %`); a value
 * that carries the same unit keeps it once (`95% | %`, `95％ | %`); a bare 万 is the 万 of the unit
 * (`28.8万 | 元` is 28.8万元, `1.2万 | 人` 1.2万人). A value that carries another unit is read in its
 * own, and the conflict is kept for indicator/unit-mismatch.
 */
function joinUnit(own: string, column: string): { body: string; conflict?: ColumnConflict } {
  if (column === '' || own === '') return { body: `${own}${column}` };
  const columnDef = lookupUnit(column);
  const plain = parseValue(own);
  // Only a number tells its unit apart: `50万元` ends in `元` and is not in 元.
  if (!columnDef || !plain.quantitative || plain.number === null)
    return { body: own.endsWith(column) ? own : `${own}${column}` };
  if (plain.unit === null) return { body: `${own}${column}` };
  const ownDef = lookupUnit(plain.unit);
  if (ownDef && sameUnit(ownDef, columnDef)) return { body: own };
  if (plain.unit === '万' || plain.unit === '亿') {
    if (columnDef.unit === '元' || columnDef.unit === `${plain.unit}元`) return { body: `${own}元` };
    const scaled = columnDef.kind !== 'money' ? lookupUnit(`${plain.unit}${columnDef.unit}`) : undefined;
    if (scaled) return { body: `${own}${columnDef.unit}` };
  }
  const bare = formatCanonical(plain.comparator, plain.number, null);
  return { body: own, conflict: { own: plain.unit, column: columnDef.unit, bare } };
}

function splitReading(ind: Indicator): { text: string; conflict?: ColumnConflict } {
  const joined = joinUnit(valueCellText(ind.value), ind.unit?.text ?? '');
  const body = joined.body;
  const said = normalizeName(ind.comparator?.text ?? '');
  const word = DIRECTION_WORDS.find(([re]) => re.test(said));
  const withComparator = !word
    ? `${ind.comparator?.text ?? ''}${body}`
    : // A value cell that carries its own comparator needs none from the direction word.
      parseValue(body).comparator
      ? body
      : `${word[1]}${body}`;
  return joined.conflict ? { text: withComparator, conflict: joined.conflict } : { text: withComparator };
}

function measureOf(p: ParsedValue): MeasureKind | null {
  switch (p.kind) {
    case 'percent':
    case 'count':
    case 'time':
    case 'money':
      return p.kind;
    case 'date':
      return 'time';
    default:
      return null;
  }
}

/**
 * A bare number read in the unit its name states (`满意度(%) | 90` is 90 %, `任务完成时限(月) | 10`
 * ten months, SPEC §3), the input kept as typed. Undefined when the value has a unit of its own, is
 * no number, or the name states none.
 */
function withNameUnit(
  typed: ParsedValue,
  name: string,
  nameKind: MeasureKind | null,
): ParsedValue | undefined {
  if (!typed.quantitative || typed.unit !== null || typed.number === null) return undefined;
  const unit = unitInName(name);
  if (!unit) return undefined;
  const read = parseValue(formatCanonical(typed.comparator, typed.number, unit), { nameKind });
  return read.quantitative || read.kind === 'date' ? { ...read, input: typed.input } : undefined;
}

/**
 * The indicator's value as typed, parsed with the name's kind in mind; undefined when there is no
 * value, or the cell holds a formula or an error value (rules of their own report those).
 */
export function valueInfo(ind: Indicator): ValueInfo | undefined {
  const d = derivedOf(ind);
  if (d.value !== undefined) return d.value ?? undefined;
  let info: ValueInfo | null = null;
  const raw = ind.value.raw;
  const hasValue = filled(ind.value) || (isSplit(ind) && ind.valueText.trim() !== '');
  if (hasValue && !raw?.formula && !raw?.error) {
    const split = isSplit(ind) ? splitReading(ind) : undefined;
    const text = split ? split.text : valueCellText(ind.value);
    if (text !== '') {
      const nameKind = expectation(ind).kind;
      // Under a 成本指标 of money spent, a bare 万 or 亿 (`≤250万`) is 万元 whatever the name says.
      const typed = parseValue(text, { nameKind: nameKind ?? (spentUnder(ind) ? 'money' : null) });
      const named = filled(ind.unit) ? undefined : withNameUnit(typed, ind.name.text, nameKind);
      const parsed = named ?? typed;
      info = { text, parsed, measure: measureOf(parsed) };
      if (named) info.unitFrom = 'name';
      if (split?.conflict) info.columnConflict = split.conflict;
    }
  }
  d.value = info;
  return info ?? undefined;
}

/** A 二级 of money the project spends (成本指标, 经济成本指标, 成本目标), not a cost to society or nature. */
function spentUnder(ind: Indicator): boolean {
  return level2RoleAnywhere(ind.level2.text) === 'cost';
}

/**
 * The unit written alone where the target belongs (`公里`, `≧ %`): a form's unit hint left unfilled,
 * no number at all. Undefined when the value holds anything else, or when comparator and unit have
 * columns of their own (the value column then holds the number only).
 */
export function unitOnly(ind: Indicator): string | undefined {
  if (isSplit(ind) || !filled(ind.value) || ind.value.raw?.formula) return undefined;
  const text = ind.value.text.trim();
  return unitWithoutNumber(text) !== null ? text : undefined;
}

/**
 * What a name asks for that the row's words cannot give (SPEC §4 indicator/vague-value): a rate, a
 * count, or money or a time outside the 二级 that asks for them — under 成本指标 or 时效指标, words
 * where an amount or a time limit belongs are the 二级's finding (indicator/level2-mismatch).
 */
export function vagueKind(profile: Profile, ind: Indicator): MeasureKind | null {
  const kind = kindFromEnding(ind.name.text);
  const role = roleOf(profile, ind);
  if (kind === 'money' && role === 'cost') return null;
  if (kind === 'time' && role === 'timeliness') return null;
  return kind;
}

/**
 * Words a name ends with when it names money the project spends (`劝返信访经费开支`, `单位购置成本`).
 * 资金, 金额 and 投资 name money raised or paid out as often (`带动社会投资`, `补助资金`), so they are
 * not among them.
 */
const SPENDING = ['经费', '成本', '费用', '开支', '支出'];

export function namesSpending(name: string): boolean {
  const bare = bareName(name);
  return SPENDING.some((w) => bare.endsWith(w));
}

/** A rate: the name ends in 率 (满意度 is handled on its own). */
export function isRateName(name: string): boolean {
  return bareName(name).endsWith('率');
}

/**
 * The value's unit kind contradicts the name. A percentage or a time is accepted on a name whose kind
 * only comes from a word inside it: a share of money or of cases is still a share (`资金支付进度`
 * ≥90 %), and a date says when the thing named is done (`资金拨付` 12月底到位).
 */
export function unitMismatch(ind: Indicator): { expected: MeasureKind; actual: MeasureKind } | undefined {
  const expected = expectation(ind).kind;
  const actual = valueInfo(ind)?.measure ?? null;
  if (!expected || !actual || expected === actual) return undefined;
  if ((actual === 'percent' || actual === 'time') && kindFromEnding(ind.name.text) !== expected)
    return undefined;
  return { expected, actual };
}

/**
 * The percentage, when the value is one. A plain number: comparing it with a bound written as a
 * number (0, 100, a profile's floor) orders as their decimals do, so no decimal is needed here.
 */
export function percentOf(info: ValueInfo | undefined): number | undefined {
  const n = info ? percentNumber(info.parsed) : null;
  return n === null || !Number.isFinite(n) ? undefined : n;
}

export function percentOutOfRange(info: ValueInfo | undefined): boolean {
  const p = percentOf(info);
  return p !== undefined && (p > 100 || p < 0);
}

/**
 * A rate written as a fraction (`验收合格率 ≥0.95`, `覆盖率 | 1`): a bare number in (0, 1] where the name
 * asks for a percentage, no unit typed, stated by the name or by a 计量单位, and no percent format.
 * 95 % or 0.95 %? Only the user knows. A small percentage written with its sign (`≤0.5%`) is none.
 */
export function rateFraction(ind: Indicator): ValueInfo | undefined {
  const info = valueInfo(ind);
  const p = info?.parsed;
  if (!info || !p?.quantitative || p.unit !== null || p.number === null) return undefined;
  if (expectation(ind).kind !== 'percent') return undefined;
  const n = Number(p.number);
  return n > 0 && n <= 1 ? info : undefined;
}

/** The value is wrong in a way only the user can resolve; a fix offered on it would be a guess. */
export function needsUserDecision(ind: Indicator): boolean {
  const info = valueInfo(ind);
  return unitMismatch(ind) !== undefined || percentOutOfRange(info) || info?.columnConflict !== undefined;
}

interface Categories {
  profile: Profile;
  /** The profile's 一级 the row names, if any. */
  level1?: Level1;
  /** The 二级 under that 一级; for an unknown 一级, the 二级 wherever the profile has it. */
  level2?: Level2;
}

/** The row's 一级 and 二级 as the profile knows them (matched once per row: several rules ask). */
export function categoriesOf(profile: Profile, ind: Indicator): Categories {
  const d = derivedOf(ind);
  const cached = d.categories;
  if (cached && cached.profile === profile) return cached;
  const level1 = matchLevel1(profile, ind.level1.text);
  const level2 = level1 ? matchLevel2(level1, ind.level2.text) : findLevel2(profile, ind.level2.text)?.level2;
  const result: Categories = { profile, level1, level2 };
  d.categories = result;
  return result;
}

/** What the row's 二级 asks of its indicators under the profile, when the 二级 is known. */
export function roleOf(profile: Profile, ind: Indicator): Level2Role | undefined {
  return categoriesOf(profile, ind).level2?.role;
}

const COST_ROLES: ReadonlySet<Level2Role> = new Set<Level2Role>(['cost', 'socialCost', 'ecologicalCost']);
const BENEFIT_ROLES: ReadonlySet<Level2Role> = new Set<Level2Role>([
  'economic',
  'social',
  'ecological',
  'sustainable',
]);

/** A cost 二级: what the project spends, or (mof-2021) what it costs society or nature. */
export function isCostRole(role: Level2Role | undefined): boolean {
  return role !== undefined && COST_ROLES.has(role);
}

/** A 效益 二级: what the project brings about, where more money (`带动社会投资`, `节约经费`) is better. */
export function isBenefitRole(role: Level2Role | undefined): boolean {
  return role !== undefined && BENEFIT_ROLES.has(role);
}

/** The profile's name for the 二级 with that role (the template's wording). */
export function level2NameFor(profile: Profile, role: Level2Role): string | undefined {
  for (const level1 of profile.level1) {
    const level2 = level1.level2.find((l) => l.role === role);
    if (level2) return level2.name;
  }
  return undefined;
}

/** Every amount cell of the table with the field it is: 预算数, then each line of each part. */
export function budgetCells(table: TargetTable): (readonly ['total' | BudgetPart, Field])[] {
  // Pushed one by one: four rules ask on every table, and spreads of flatMaps were a few % of them.
  const cells: (readonly ['total' | BudgetPart, Field])[] = [];
  if (table.budget.total) cells.push(['total', table.budget.total]);
  for (const part of BUDGET_PARTS) for (const cell of budgetLines(table, part)) cells.push([part, cell]);
  return cells;
}

const BUDGET_PARTS: readonly BudgetPart[] = ['fiscal', 'carryover', 'other'];

/** The cell's content for a message: its text, or the formula when it has one. */
export function shown(field: Field): string {
  return field.raw?.formula ?? field.text;
}

export interface PlanCell {
  field: Field;
  reading: PlanReading;
}

/** The four plan cells read, 3月底 to 12月底, or undefined when the table has no complete plan block. */
export function planReadings(table: TargetTable): [PlanCell, PlanCell, PlanCell, PlanCell] | undefined {
  const [p1, p2, p3, p4] = table.plan;
  if (table.plan.length !== 4 || !p1 || !p2 || !p3 || !p4) return undefined;
  const read = (field: Field): PlanCell => ({ field, reading: readPlanCell(field) });
  return [read(p1), read(p2), read(p3), read(p4)];
}

/**
 * A rate of harm that SPEC §3's list of reverse indicators does not name (`森林受灾率`, `辍学率`,
 * `逾期发放率`): most are ceilings, but some forms set them as floors of what they reduce; the
 * direction is the user's to state, and no fix guesses it.
 */
export const HARM_RATE =
  /(?:受灾|死亡|病死|发病|患病|感染|失业|流失|辍学|损失|损耗|污染|返贫|漏报|漏检|误报|闲置|空置|逾期|超期|拖欠|违法|违规|犯罪|案发|复发|不合格|不满意|误差|偏差|出错|错误|失误|延误|返工|争议|挪用|超支|超概算|坏账|违约)\p{Script=Han}{0,4}(?:率|比例|占比)$/u;
