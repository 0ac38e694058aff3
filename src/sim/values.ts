/** Cell values as the simulator stores and computes them: Excel's scalars plus error values. */

export type ErrorCode =
  '#NULL!' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A' | '#SPILL!' | '#CALC!';

export const ERROR_CODES: readonly ErrorCode[] = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#SPILL!',
  '#CALC!',
];

/** An Excel error value. One instance per code, so errors compare with `===`. */
export class CellError {
  private constructor(readonly code: ErrorCode) {}
  private static readonly all = new Map<ErrorCode, CellError>(ERROR_CODES.map((c) => [c, new CellError(c)]));
  static of(code: ErrorCode): CellError {
    return CellError.all.get(code)!;
  }
  toString(): string {
    return this.code;
  }
}

export type Scalar = number | string | boolean | null | CellError;

export const err = CellError.of;

export function isError(v: unknown): v is CellError {
  return v instanceof CellError;
}

export function errorFromText(text: string): CellError | undefined {
  const code = ERROR_CODES.find((c) => c === text.trim().toUpperCase());
  return code ? err(code) : undefined;
}

/**
 * A number as Excel turns it into text inside a formula (`&`, LEN, LEFT …): up to 15 significant
 * digits, no trailing zeros, exponent form beyond Excel's range for plain digits.
 */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  const precise = Number(n.toPrecision(15));
  const abs = Math.abs(precise);
  if (abs >= 1e21 || abs < 1e-19) return exponentText(precise, 14);
  let s = String(precise);
  if (s.includes('e')) s = expandExponent(precise);
  return s;
}

function expandExponent(n: number): string {
  // String(1e-7) is '1e-7'; Excel writes 0.0000001.
  const neg = n < 0;
  const [mant, expPart] = Math.abs(n).toExponential().split('e');
  const exp = Number(expPart);
  const digits = mant.replace('.', '');
  let out: string;
  if (exp < 0) out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  else
    out =
      digits.length > exp + 1
        ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`
        : digits + '0'.repeat(exp + 1 - digits.length);
  return (neg ? '-' : '') + out.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** `1.5E+21` style, trailing mantissa zeros removed, at most `fractionDigits` mantissa decimals. */
export function exponentText(n: number, fractionDigits: number): string {
  const [mant, exp] = n.toExponential(fractionDigits).split('e');
  const m = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant;
  const e = Number(exp);
  return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** Round half away from zero to `digits` decimals (negative digits round to tens, hundreds …), as ROUND does. */
export function roundHalfAway(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const d = Math.trunc(digits);
  // Work on Excel's 15 significant digits so that 2.675 rounds to 2.68 as it does in Excel.
  const clean = Number(x.toPrecision(15));
  const abs = Math.abs(clean);
  const [mant, expText] = abs.toExponential(14).split('e');
  const exp = Number(expText);
  const shifted = Number(`${mant}e${exp + d}`);
  if (!Number.isFinite(shifted) || Math.abs(shifted) >= 1e20) return clean;
  const rounded = Math.floor(shifted + 0.5);
  const result = Number(`${rounded}e${-d}`);
  return clean < 0 ? -result : result;
}
