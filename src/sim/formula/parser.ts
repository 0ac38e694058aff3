/** Formula text → syntax tree, with Excel's operator precedence (negation binds tighter than `^`). */

import type { ErrorCode } from '../values';
import { FormulaSyntaxError, type RefPart, type Token, tokenize } from './lexer';

export type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: ErrorCode }
  | { t: 'ref'; ref: RefPart }
  | { t: 'name'; name: string }
  | { t: 'func'; name: string; args: Node[] }
  | { t: 'missing' }
  | { t: 'unary'; op: '-' | '+'; x: Node }
  | { t: 'percent'; x: Node }
  | { t: 'bin'; op: string; l: Node; r: Node };

const COMPARISONS = new Set(['=', '<>', '<', '>', '<=', '>=']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.comparison();
    if (this.i < this.tokens.length) throw new FormulaSyntaxError('unexpected text after the formula');
    return node;
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.i];
    return t && t.type === 'op' ? t.value : undefined;
  }

  private binary(next: () => Node, ops: Set<string>): Node {
    let l = next();
    for (let op = this.peekOp(); op !== undefined && ops.has(op); op = this.peekOp()) {
      this.i++;
      l = { t: 'bin', op, l, r: next() };
    }
    return l;
  }

  private comparison = (): Node => this.binary(this.concat, COMPARISONS);
  private concat = (): Node => this.binary(this.additive, new Set(['&']));
  private additive = (): Node => this.binary(this.multiplicative, new Set(['+', '-']));
  private multiplicative = (): Node => this.binary(this.power, new Set(['*', '/']));
  private power = (): Node => this.binary(this.percent, new Set(['^']));

  private percent = (): Node => {
    let x = this.unary();
    while (this.peekOp() === '%') {
      this.i++;
      x = { t: 'percent', x };
    }
    return x;
  };

  private unary = (): Node => {
    const op = this.peekOp();
    if (op === '-' || op === '+') {
      this.i++;
      return { t: 'unary', op, x: this.unary() };
    }
    return this.primary();
  };

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) throw new FormulaSyntaxError('formula ends too early');
    switch (t.type) {
      case 'num':
        return { t: 'num', v: t.value };
      case 'str':
        return { t: 'str', v: t.value };
      case 'err':
        return { t: 'err', v: t.value as ErrorCode };
      case 'ref':
        return { t: 'ref', ref: t.ref };
      case 'ident': {
        const upper = t.value.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { t: 'bool', v: upper === 'TRUE' };
        return { t: 'name', name: t.value };
      }
      case 'func':
        return this.call(t.value);
      case 'op':
        if (t.value === '(') {
          const inner = this.comparison();
          if (this.tokens[this.i]?.type !== 'op' || this.peekOp() !== ')')
            throw new FormulaSyntaxError('missing )');
          this.i++;
          return inner;
        }
        throw new FormulaSyntaxError(`unexpected '${t.value}'`);
      default:
        throw new FormulaSyntaxError('unexpected token');
    }
  }

  private call(name: string): Node {
    if (this.peekOp() !== '(') throw new FormulaSyntaxError('( expected');
    this.i++;
    const args: Node[] = [];
    if (this.peekOp() === ')') {
      this.i++;
      return { t: 'func', name: name.toUpperCase(), args };
    }
    for (;;) {
      const op = this.peekOp();
      if (op === ',' || op === ')') args.push({ t: 'missing' });
      else args.push(this.comparison());
      const sep = this.peekOp();
      this.i++;
      if (sep === ')') break;
      if (sep !== ',') throw new FormulaSyntaxError(', or ) expected');
    }
    return { t: 'func', name: name.toUpperCase(), args };
  }
}

const cache = new Map<string, Node | FormulaSyntaxError>();

/** Parses formula text (with or without the leading `=`); throws FormulaSyntaxError. Cached by text. */
export function parseFormula(formula: string): Node {
  const text = formula.startsWith('=') ? formula.slice(1) : formula;
  let hit = cache.get(text);
  if (!hit) {
    try {
      hit = new Parser(tokenize(text).filter((t) => t.type !== 'ws')).parse();
    } catch (e) {
      hit = e instanceof FormulaSyntaxError ? e : new FormulaSyntaxError(String(e));
    }
    if (cache.size > 50000) cache.clear();
    cache.set(text, hit);
  }
  if (hit instanceof FormulaSyntaxError) throw hit;
  return hit;
}

export function isValidFormula(formula: string): boolean {
  try {
    parseFormula(formula);
    return true;
  } catch {
    return false;
  }
}
