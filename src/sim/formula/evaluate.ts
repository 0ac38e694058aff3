/**
 * Evaluates the formula subset the add-in writes (HELPERS appendix): references (cross-sheet,
 * relative ones shifted for conditional formats), literals, operators and the listed functions,
 * with Excel's coercions and error propagation.
 */

import { numberToText, roundHalfAway, type Scalar, CellError, err, isError } from '../values';
import { parseNumberText } from '../input';
import { MAX_COLS, MAX_ROWS, type RefPart } from './lexer';
import { type Node, parseFormula } from './parser';

export type SheetKey = object;

export interface RangeVal {
  t: 'range';
  sheet: SheetKey;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type Value = Scalar | RangeVal;

export interface EvalHost {
  sheetByName(name: string): SheetKey | undefined;
  /** A cell's (computed) value; null when empty. */
  value(sheet: SheetKey, row: number, col: number): Scalar;
  /** The non-empty cells of a rectangle. */
  cells(
    sheet: SheetKey,
    top: number,
    left: number,
    bottom: number,
    right: number,
  ): Iterable<[number, number, Scalar]>;
  /** The formula of a defined name visible from `sheet` (sheet scope first), if any. */
  definedName(name: string, sheet: SheetKey): string | undefined;
}

export interface EvalContext {
  host: EvalHost;
  sheet: SheetKey;
  /** The cell being computed (for implicit intersection). */
  row: number;
  col: number;
  /** Shift applied to relative references: a conditional format evaluated away from its anchor. */
  dr: number;
  dc: number;
  depth?: number;
}

function isRange(v: Value): v is RangeVal {
  return typeof v === 'object' && v !== null && !(v instanceof CellError);
}

const VALUE = err('#VALUE!');
const REF = err('#REF!');

function resolveRef(ref: RefPart, ctx: EvalContext): RangeVal | CellError {
  const sheet = ref.sheet !== undefined ? ctx.host.sheetByName(ref.sheet) : ctx.sheet;
  if (!sheet) return REF;
  const at = (p: RefPart['a'], which: 'a' | 'b') => {
    const row = ref.kind === 'cols' ? (which === 'a' ? 0 : MAX_ROWS - 1) : p.rowAbs ? p.row : p.row + ctx.dr;
    const col = ref.kind === 'rows' ? (which === 'a' ? 0 : MAX_COLS - 1) : p.colAbs ? p.col : p.col + ctx.dc;
    return { row, col };
  };
  const a = at(ref.a, 'a');
  const b = at(ref.b, 'b');
  if (
    [a.row, b.row].some((r) => r < 0 || r >= MAX_ROWS) ||
    [a.col, b.col].some((c) => c < 0 || c >= MAX_COLS)
  )
    return REF;
  return {
    t: 'range',
    sheet,
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** A value used where one value is expected: a reference gives its cell (implicit intersection for a row or column). */
function scalar(v: Value, ctx: EvalContext): Scalar {
  if (!isRange(v)) return v;
  const { host } = ctx;
  if (v.top === v.bottom && v.left === v.right) return host.value(v.sheet, v.top, v.left);
  if (v.left === v.right && ctx.row >= v.top && ctx.row <= v.bottom)
    return host.value(v.sheet, ctx.row, v.left);
  if (v.top === v.bottom && ctx.col >= v.left && ctx.col <= v.right)
    return host.value(v.sheet, v.top, ctx.col);
  return VALUE;
}

export function toNumber(v: Scalar): number | CellError {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  const parsed = parseNumberText(v);
  return parsed ? parsed.value : VALUE;
}

export function toText(v: Scalar): string | CellError {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

export function toBool(v: Scalar): boolean | CellError {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (isError(v)) return v;
  const upper = v.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return VALUE;
}

function rank(v: number | string | boolean): number {
  return typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3;
}

/** Excel's comparison: numbers < text < logicals; text case-insensitive; an empty cell is 0, "" or FALSE. */
export function compare(a: Scalar, b: Scalar): number | CellError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const fill = (x: Scalar, other: Scalar): number | string | boolean =>
    x !== null
      ? (x as number | string | boolean)
      : typeof other === 'string'
        ? ''
        : typeof other === 'boolean'
          ? false
          : 0;
  const x = fill(a, b);
  const y = fill(b, a);
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === 'number') return x === (y as number) ? 0 : x < (y as number) ? -1 : 1;
  if (typeof x === 'string') {
    const p = x.toUpperCase();
    const q = (y as string).toUpperCase();
    return p === q ? 0 : p < q ? -1 : 1;
  }
  return x === y ? 0 : x ? 1 : -1;
}

function arithmetic(op: string, l: Scalar, r: Scalar): Scalar {
  const a = toNumber(l);
  if (isError(a)) return a;
  const b = toNumber(r);
  if (isError(b)) return b;
  let out: number;
  switch (op) {
    case '+':
      out = a + b;
      break;
    case '-':
      out = a - b;
      break;
    case '*':
      out = a * b;
      break;
    case '/':
      if (b === 0) return err('#DIV/0!');
      out = a / b;
      break;
    default:
      if (a === 0 && b === 0) return err('#NUM!');
      if (a === 0 && b < 0) return err('#DIV/0!');
      out = Math.pow(a, b);
  }
  return Number.isFinite(out) ? out : err('#NUM!');
}

function evalNode(node: Node, ctx: EvalContext): Value {
  switch (node.t) {
    case 'num':
      return node.v;
    case 'str':
      return node.v;
    case 'bool':
      return node.v;
    case 'err':
      return err(node.v);
    case 'missing':
      return null;
    case 'ref':
      return resolveRef(node.ref, ctx);
    case 'name': {
      const depth = ctx.depth ?? 0;
      const formula = ctx.host.definedName(node.name, ctx.sheet);
      if (formula === undefined || depth > 20) return err('#NAME?');
      try {
        return evalNode(parseFormula(formula), { ...ctx, dr: 0, dc: 0, depth: depth + 1 });
      } catch {
        return err('#NAME?');
      }
    }
    case 'unary': {
      const v = toNumber(scalar(evalNode(node.x, ctx), ctx));
      if (isError(v)) return v;
      return node.op === '-' ? -v : v;
    }
    case 'percent': {
      const v = toNumber(scalar(evalNode(node.x, ctx), ctx));
      return isError(v) ? v : v / 100;
    }
    case 'bin': {
      const l = scalar(evalNode(node.l, ctx), ctx);
      const r = scalar(evalNode(node.r, ctx), ctx);
      if (node.op === '&') {
        const a = toText(l);
        if (isError(a)) return a;
        const b = toText(r);
        if (isError(b)) return b;
        return a + b;
      }
      if (['=', '<>', '<', '>', '<=', '>='].includes(node.op)) {
        const c = compare(l, r);
        if (isError(c)) return c;
        switch (node.op) {
          case '=':
            return c === 0;
          case '<>':
            return c !== 0;
          case '<':
            return c < 0;
          case '>':
            return c > 0;
          case '<=':
            return c <= 0;
          default:
            return c >= 0;
        }
      }
      return arithmetic(node.op, l, r);
    }
    case 'func': {
      const fn = FUNCTIONS[node.name];
      if (!fn) return err('#NAME?');
      return fn(
        node.args.map((a) => evalNode(a, ctx)),
        ctx,
        node.args.map((a) => a.t === 'missing'),
      );
    }
  }
}

/** The value a formula gives in its cell: a reference to an empty cell is 0; a multi-cell result is #VALUE!. */
export function evaluateFormula(formula: string, ctx: EvalContext): Scalar {
  let node: Node;
  try {
    node = parseFormula(formula);
  } catch {
    return err('#NAME?');
  }
  const v = scalar(evalNode(node, ctx), ctx);
  return v === null ? 0 : v;
}

/** A conditional format's verdict for one cell: TRUE or a non-zero number; text and errors do not apply. */
export function isTruthy(v: Scalar): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.toUpperCase() === 'TRUE';
  return false;
}

// ---- functions ----

type Fn = (args: Value[], ctx: EvalContext, missing: boolean[]) => Value;

/** Numbers for SUM/MAX/MIN: direct arguments are coerced, referenced text and logicals are skipped. */
function collectNumbers(args: Value[], ctx: EvalContext): number[] | CellError {
  const out: number[] = [];
  for (const a of args) {
    if (isRange(a)) {
      for (const [, , v] of ctx.host.cells(a.sheet, a.top, a.left, a.bottom, a.right)) {
        if (isError(v)) return v;
        if (typeof v === 'number') out.push(v);
      }
    } else {
      const n = toNumber(a);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function arity(args: Value[], min: number, max: number): CellError | undefined {
  return args.length < min || args.length > max ? VALUE : undefined;
}

function textArg(v: Value, ctx: EvalContext): string | CellError {
  return toText(scalar(v, ctx));
}

function numArg(v: Value, ctx: EvalContext): number | CellError {
  return toNumber(scalar(v, ctx));
}

function firstError(...vs: unknown[]): CellError | undefined {
  return vs.find((v): v is CellError => isError(v));
}

function logicals(args: Value[], ctx: EvalContext): boolean[] | CellError {
  const out: boolean[] = [];
  for (const a of args) {
    if (isRange(a)) {
      for (const [, , v] of ctx.host.cells(a.sheet, a.top, a.left, a.bottom, a.right)) {
        if (isError(v)) return v;
        if (typeof v === 'boolean') out.push(v);
        else if (typeof v === 'number') out.push(v !== 0);
      }
    } else {
      if (a === null) continue;
      const b = toBool(a);
      if (isError(b)) return b;
      out.push(b);
    }
  }
  return out.length ? out : VALUE;
}

function wildcardRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** COUNTIF's criterion as a predicate over cell values (null = empty cell). */
function criterion(c: Scalar): (v: Scalar) => boolean {
  if (typeof c === 'number')
    return (v) =>
      typeof v === 'number' ? v === c : typeof v === 'string' && parseNumberText(v)?.value === c;
  if (typeof c === 'boolean') return (v) => v === c;
  if (isError(c)) return (v) => v === c;
  const text = c ?? '';
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(text)!;
  const op = m[1] ?? '=';
  const operand = m[2];
  const num = parseNumberText(operand);
  const upper = operand.toUpperCase();
  const bool = upper === 'TRUE' ? true : upper === 'FALSE' ? false : undefined;
  const equals = (v: Scalar): boolean => {
    if (operand === '') return v === null || v === '';
    if (num && typeof v === 'number') return v === num.value;
    if (bool !== undefined) return v === bool;
    if (typeof v === 'string') return wildcardRegex(operand).test(v);
    if (isError(v)) return v.code === upper;
    return false;
  };
  if (op === '=') return equals;
  if (op === '<>') return (v) => !equals(v);
  return (v) => {
    let cmp: number;
    if (num) {
      if (typeof v !== 'number') return false;
      cmp = v - num.value;
    } else {
      if (typeof v !== 'string') return false;
      const p = v.toUpperCase();
      cmp = p === upper ? 0 : p < upper ? -1 : 1;
    }
    return op === '<' ? cmp < 0 : op === '>' ? cmp > 0 : op === '<=' ? cmp <= 0 : cmp >= 0;
  };
}

function search(
  find: string,
  within: string,
  start: number,
  caseSensitive: boolean,
  wildcards: boolean,
): number | CellError {
  if (start < 1 || start > within.length + 1) return VALUE;
  if (find === '') return start;
  if (!wildcards) {
    const hay = caseSensitive ? within : within.toLowerCase();
    const needle = caseSensitive ? find : find.toLowerCase();
    const at = hay.indexOf(needle, start - 1);
    return at < 0 ? VALUE : at + 1;
  }
  const body = wildcardRegex(find).source.slice(1, -1);
  const re = new RegExp(body, 'i');
  const m = re.exec(within.slice(start - 1));
  return m ? m.index + start : VALUE;
}

/** FIND and SEARCH: (find_text, within_text, [start_num]). */
function findIn(
  args: Value[],
  ctx: EvalContext,
  missing: boolean[],
  caseSensitive: boolean,
  wildcards: boolean,
): Value {
  const bad = arity(args, 2, 3);
  if (bad) return bad;
  const f = textArg(args[0], ctx);
  const w = textArg(args[1], ctx);
  const s = args.length > 2 && !missing[2] ? numArg(args[2], ctx) : 1;
  const e = firstError(f, w, s);
  if (e) return e;
  return search(f as string, w as string, Math.trunc(s as number), caseSensitive, wildcards);
}

const FUNCTIONS: Record<string, Fn> = {
  // Numbers only, as Excel counts them in ranges: text, blanks and error values are not counted.
  COUNT: (args, ctx) => {
    let n = 0;
    for (const a of args) {
      if (isRange(a)) {
        for (const [, , v] of ctx.host.cells(a.sheet, a.top, a.left, a.bottom, a.right))
          if (typeof v === 'number') n++;
      } else if (typeof scalar(a, ctx) === 'number') n++;
    }
    return n;
  },
  SUM: (args, ctx) => {
    const nums = collectNumbers(args, ctx);
    if (isError(nums)) return nums;
    return Number(nums.reduce((s, n) => s + n, 0).toPrecision(15));
  },
  MAX: (args, ctx) => {
    const nums = collectNumbers(args, ctx);
    if (isError(nums)) return nums;
    return nums.length ? Math.max(...nums) : 0;
  },
  MIN: (args, ctx) => {
    const nums = collectNumbers(args, ctx);
    if (isError(nums)) return nums;
    return nums.length ? Math.min(...nums) : 0;
  },
  IF: (args, ctx, missing) => {
    const bad = arity(args, 1, 3);
    if (bad) return bad;
    const cond = toBool(scalar(args[0], ctx));
    if (isError(cond)) return cond;
    if (cond) return args.length >= 2 ? (missing[1] ? 0 : args[1]) : true;
    return args.length >= 3 ? (missing[2] ? 0 : args[2]) : false;
  },
  AND: (args, ctx) => {
    const bs = logicals(args, ctx);
    return isError(bs) ? bs : bs.every(Boolean);
  },
  OR: (args, ctx) => {
    const bs = logicals(args, ctx);
    return isError(bs) ? bs : bs.some(Boolean);
  },
  NOT: (args, ctx) => {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const b = toBool(scalar(args[0], ctx));
    return isError(b) ? b : !b;
  },
  ISNUMBER: (args, ctx) => arity(args, 1, 1) ?? typeof scalar(args[0], ctx) === 'number',
  ISTEXT: (args, ctx) => arity(args, 1, 1) ?? typeof scalar(args[0], ctx) === 'string',
  ISBLANK: (args, ctx) => arity(args, 1, 1) ?? (isRange(args[0]) ? scalar(args[0], ctx) === null : false),
  ISERROR: (args, ctx) => arity(args, 1, 1) ?? isError(scalar(args[0], ctx)),
  IFERROR: (args, ctx, missing) => {
    const bad = arity(args, 2, 2);
    if (bad) return bad;
    const v = scalar(args[0], ctx);
    if (isError(v)) return missing[1] ? 0 : args[1];
    return v === null ? 0 : v;
  },
  VALUE: (args, ctx) => {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const v = scalar(args[0], ctx);
    if (v === null) return 0;
    if (typeof v === 'number' || isError(v)) return v;
    if (typeof v === 'boolean') return VALUE;
    return parseNumberText(v)?.value ?? VALUE;
  },
  N: (args, ctx) => {
    const bad = arity(args, 1, 1);
    if (bad) return bad;
    const v = scalar(args[0], ctx);
    if (typeof v === 'number' || isError(v)) return v;
    return v === true ? 1 : 0;
  },
  LEN: (args, ctx) => {
    const t = arity(args, 1, 1) ?? textArg(args[0], ctx);
    return isError(t) ? t : t.length;
  },
  TRIM: (args, ctx) => {
    const t = arity(args, 1, 1) ?? textArg(args[0], ctx);
    return isError(t) ? t : t.replace(/ +/g, ' ').replace(/^ | $/g, '');
  },
  LEFT: (args, ctx, missing) => {
    const bad = arity(args, 1, 2);
    if (bad) return bad;
    const t = textArg(args[0], ctx);
    const n = args.length > 1 && !missing[1] ? numArg(args[1], ctx) : 1;
    const e = firstError(t, n);
    if (e) return e;
    if ((n as number) < 0) return VALUE;
    return (t as string).slice(0, Math.trunc(n as number));
  },
  RIGHT: (args, ctx, missing) => {
    const bad = arity(args, 1, 2);
    if (bad) return bad;
    const t = textArg(args[0], ctx);
    const n = args.length > 1 && !missing[1] ? numArg(args[1], ctx) : 1;
    const e = firstError(t, n);
    if (e) return e;
    const k = Math.trunc(n as number);
    if (k < 0) return VALUE;
    return k === 0 ? '' : (t as string).slice(-k);
  },
  MID: (args, ctx) => {
    const bad = arity(args, 3, 3);
    if (bad) return bad;
    const t = textArg(args[0], ctx);
    const start = numArg(args[1], ctx);
    const n = numArg(args[2], ctx);
    const e = firstError(t, start, n);
    if (e) return e;
    const s = Math.trunc(start as number);
    const k = Math.trunc(n as number);
    if (s < 1 || k < 0) return VALUE;
    return (t as string).slice(s - 1, s - 1 + k);
  },
  // FIND is case-sensitive and takes no wildcards; SEARCH ignores case and takes them.
  FIND: (args, ctx, missing) => findIn(args, ctx, missing, true, false),
  SEARCH: (args, ctx, missing) => findIn(args, ctx, missing, false, true),
  SUBSTITUTE: (args, ctx, missing) => {
    const bad = arity(args, 3, 4);
    if (bad) return bad;
    const t = textArg(args[0], ctx);
    const from = textArg(args[1], ctx);
    const to = textArg(args[2], ctx);
    const nth = args.length > 3 && !missing[3] ? numArg(args[3], ctx) : undefined;
    const e = firstError(t, from, to, nth);
    if (e) return e;
    const text = t as string;
    const old = from as string;
    if (old === '') return text;
    if (nth === undefined) return text.split(old).join(to as string);
    const k = Math.trunc(nth as number);
    if (k < 1) return VALUE;
    let at = -1;
    for (let i = 0; i < k; i++) {
      at = text.indexOf(old, at + (i === 0 ? 0 : old.length));
      if (at < 0) return text;
    }
    return text.slice(0, at) + (to as string) + text.slice(at + old.length);
  },
  ABS: (args, ctx) => {
    const n = arity(args, 1, 1) ?? numArg(args[0], ctx);
    return isError(n) ? n : Math.abs(n);
  },
  ROUND: (args, ctx) => {
    const bad = arity(args, 2, 2);
    if (bad) return bad;
    const n = numArg(args[0], ctx);
    const d = numArg(args[1], ctx);
    const e = firstError(n, d);
    if (e) return e;
    return roundHalfAway(n as number, d as number);
  },
  COUNTIF: (args, ctx) => {
    const bad = arity(args, 2, 2);
    if (bad) return bad;
    const range = args[0];
    if (!isRange(range)) return VALUE;
    const test = criterion(scalar(args[1], ctx));
    let count = 0;
    let filled = 0;
    for (const [, , v] of ctx.host.cells(range.sheet, range.top, range.left, range.bottom, range.right)) {
      filled++;
      if (test(v)) count++;
    }
    const area = (range.bottom - range.top + 1) * (range.right - range.left + 1);
    if (test(null)) count += area - filled;
    return count;
  },
};

export const SUPPORTED_FUNCTIONS = Object.keys(FUNCTIONS);
