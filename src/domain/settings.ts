/**
 * What the add-in remembers in the workbook (workbook settings, ExcelApi 1.4, travel with the file):
 * the user's settings, and which sheets are the add-in's own. The one source of the defaults: the
 * task pane, the ribbon commands, the Excel adapter and the command line all take them from here.
 */

import { PROFILE_IDS } from './profile-ids';
import type { ProfileChoice, ProfileId } from './types';

/** Remembered in the workbook (workbook settings), so the next person who opens it gets the same. */
export interface AddinSettings {
  profile: ProfileChoice;
  /** 单位编码 and 单位名称 of the reporting unit (填报单位), written on the template's unit line. */
  unitCode: string;
  unitName: string;
  /** 年度 (`2026`, or empty): the template's title reads `2026年度项目绩效目标表`, the 汇总's too. */
  year: string;
  /** Write the line to sign (填报人、联系电话、填报日期) under a new table. */
  signature: boolean;
  /** 实时标记: re-mark after every edit (Excel may clear its undo history after an add-in write). */
  liveMarks: boolean;
}

/** Every profile choice, `auto` first (the default when reading). */
export const PROFILE_CHOICES: readonly ProfileChoice[] = ['auto', ...PROFILE_IDS];

/** The profile of a new table when the choice is `auto`: the seed's, a blank table has nothing to detect. */
export const DEFAULT_TEMPLATE_PROFILE: ProfileId = 'hebei-2019';

/** The profile a new table is made with: `auto` only makes sense when reading. */
export function templateProfile(choice: ProfileChoice): ProfileId {
  return choice === 'auto' ? DEFAULT_TEMPLATE_PROFILE : choice;
}

export const SETTINGS_KEY = 'perfTargets.settings';
/** `{ [sheet name]: role }` for the add-in's own sheets, where sheet custom properties are missing. */
export const INTERNAL_SHEETS_KEY = 'perfTargets.internalSheets';
/** The sheet-level custom property (ExcelApi 1.12) marking an add-in sheet; it follows renames. */
export const MARKER_PROPERTY = 'perfTargets.role';

export type InternalRole = 'summary' | 'lists';

export const DEFAULT_SETTINGS: Readonly<AddinSettings> = {
  profile: 'auto',
  unitCode: '',
  unitName: '',
  year: '',
  signature: false,
  liveMarks: false,
};

/** Settings are stored as JSON text: every host keeps a string as it is. */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** Stored settings, each member checked: whatever is missing or odd falls back to the default. */
export function parseSettings(value: unknown): AddinSettings {
  const v = parseJson(value);
  if (!v || typeof v !== 'object') return { ...DEFAULT_SETTINGS };
  const o = v as Record<string, unknown>;
  const profiles: readonly string[] = PROFILE_CHOICES;
  const str = (x: unknown): string => (typeof x === 'string' ? x : '');
  return {
    profile:
      typeof o.profile === 'string' && profiles.includes(o.profile) ? (o.profile as ProfileChoice) : 'auto',
    unitCode: str(o.unitCode),
    unitName: str(o.unitName),
    year: budgetYear(str(o.year)) ?? '',
    signature: o.signature === true,
    liveMarks: o.liveMarks === true,
  };
}

export function serializeSettings(settings: AddinSettings): string {
  const { profile, unitCode, unitName, year, signature, liveMarks } = settings;
  return JSON.stringify({ profile, unitCode, unitName, year, signature, liveMarks });
}

/**
 * A budget year as typed (`2026`, `２０２６`, `2026年`, ` 2026 `) as four digits, or undefined when
 * it is not a plausible year (1990–2100); empty text is no year (undefined too).
 */
export function budgetYear(typed: string): string | undefined {
  const digits = typed
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .trim()
    .replace(/\s*(年度?)$/, '');
  if (!/^\d{4}$/.test(digits)) return undefined;
  const n = Number(digits);
  return n >= 1990 && n <= 2100 ? digits : undefined;
}

export function isInternalRole(x: unknown): x is InternalRole {
  return x === 'summary' || x === 'lists';
}

export function parseInternalSheets(value: unknown): Record<string, InternalRole> {
  const v = parseJson(value);
  const out: Record<string, InternalRole> = {};
  if (v && typeof v === 'object')
    for (const [name, role] of Object.entries(v as Record<string, unknown>))
      if (isInternalRole(role)) out[name] = role;
  return out;
}
