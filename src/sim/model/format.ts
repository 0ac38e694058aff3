/** Cell formatting as the simulator stores it, Excel's defaults, and colour normalisation. */

import { SimError } from '../errors';

export interface Border {
  style: string;
  weight: string;
  color: string;
}

export type Edge = 'top' | 'bottom' | 'left' | 'right';

/** Every member optional: a cell, a row or a column stores only what was set on it. */
export interface CellFormat {
  /** '#RRGGBB', or null for "no fill" set explicitly. */
  fill?: string | null;
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  underline?: string;
  strikethrough?: boolean;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  indent?: number;
  locked?: boolean;
  formulaHidden?: boolean;
  numberFormat?: string;
  top?: Border | null;
  bottom?: Border | null;
  left?: Border | null;
  right?: Border | null;
}

export type ResolvedFormat = Required<Omit<CellFormat, Edge>> & Record<Edge, Border | null>;

export const DEFAULT_FORMAT: ResolvedFormat = {
  fill: null,
  fontName: 'Calibri',
  fontSize: 11,
  bold: false,
  italic: false,
  fontColor: '#000000',
  underline: 'None',
  strikethrough: false,
  horizontal: 'General',
  vertical: 'Bottom',
  wrap: false,
  indent: 0,
  locked: true,
  formulaHidden: false,
  numberFormat: 'General',
  top: null,
  bottom: null,
  left: null,
  right: null,
};

/** Default column width in points (8.43 characters of Calibri 11) and row height in points. */
export const STANDARD_WIDTH = 48;
export const STANDARD_HEIGHT = 15;

export function isEmptyFormat(f: CellFormat | undefined): boolean {
  return !f || Object.keys(f).length === 0;
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  brown: '#A52A2A',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgray: '#A9A9A9',
  lightyellow: '#FFFFE0',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
  darkred: '#8B0000',
  darkgreen: '#006400',
  darkblue: '#00008B',
  gold: '#FFD700',
};

/** Excel accepts `#RRGGBB`, `#RGB` and HTML colour names; it reports `#RRGGBB` upper-case. */
export function normalizeColor(color: unknown): string {
  if (typeof color === 'string') {
    const c = color.trim();
    const named = NAMED_COLORS[c.toLowerCase()];
    if (named) return named;
    if (/^#[0-9a-f]{6}$/i.test(c)) return c.toUpperCase();
    if (/^#[0-9a-f]{3}$/i.test(c))
      return `#${c
        .slice(1)
        .split('')
        .map((x) => x + x)
        .join('')}`.toUpperCase();
  }
  throw new SimError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format: color '${String(color)}'.`,
  );
}

/** Validates a value against Excel's enum strings (case-insensitive as Excel is) and returns Excel's spelling. */
export function enumValue(value: unknown, allowed: readonly string[], what: string): string {
  const hit =
    typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
  if (hit === undefined)
    throw new SimError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format: ${what} '${String(value)}'.`,
    );
  return hit;
}
