/**
 * A BIFF8 formula's tokens (Rgce, [MS-XLS] 2.5.198) written back as the text Excel shows
 * (`=SUM(C5:C7)`, `=B5+B6*0.9`, `='项目二'!D6`), for the findings that quote a formula
 * (table/formula-field). Only what a 绩效目标表 is likely to hold is known: references, numbers,
 * strings, operators and Excel 97's common functions. Anything else (a defined name, an array
 * constant, an add-in's function) gives undefined, and the cell then says only that it holds a
 * formula: its text is never guessed.
 */

import { toA1 } from '../domain/address';
import { unicodeString } from './xls-strings';

/** Where the formula stands, and how a 3-D reference's sheet is named. */
export interface FormulaPlace {
  row: number;
  col: number;
  /** The sheet (or `[file]sheet` of another workbook) an XTI index names, as a reference writes it. */
  sheetOf(ixti: number): string | undefined;
}

/** Excel 97's functions by index (Ftab): name, and the argument count of those it fixes. */
const FUNCTIONS: Record<number, [string, number?]> = {
  0: ['COUNT'],
  1: ['IF'],
  2: ['ISNA', 1],
  3: ['ISERROR', 1],
  4: ['SUM'],
  5: ['AVERAGE'],
  6: ['MIN'],
  7: ['MAX'],
  8: ['ROW'],
  9: ['COLUMN'],
  10: ['NA', 0],
  15: ['SIN', 1],
  16: ['COS', 1],
  19: ['PI', 0],
  20: ['SQRT', 1],
  24: ['ABS', 1],
  25: ['INT', 1],
  26: ['SIGN', 1],
  27: ['ROUND', 2],
  28: ['LOOKUP'],
  29: ['INDEX'],
  30: ['REPT', 2],
  31: ['MID', 3],
  32: ['LEN', 1],
  33: ['VALUE', 1],
  34: ['TRUE', 0],
  35: ['FALSE', 0],
  36: ['AND'],
  37: ['OR'],
  38: ['NOT', 1],
  39: ['MOD', 2],
  48: ['TEXT', 2],
  65: ['DATE', 3],
  67: ['DAY', 1],
  68: ['MONTH', 1],
  69: ['YEAR', 1],
  74: ['NOW', 0],
  76: ['ROWS', 1],
  77: ['COLUMNS', 1],
  78: ['OFFSET'],
  82: ['SEARCH'],
  100: ['CHOOSE'],
  101: ['HLOOKUP'],
  102: ['VLOOKUP'],
  109: ['LOG'],
  111: ['CHAR', 1],
  115: ['LEFT'],
  116: ['RIGHT'],
  117: ['EXACT', 2],
  118: ['TRIM', 1],
  119: ['REPLACE', 4],
  120: ['SUBSTITUTE'],
  124: ['FIND'],
  148: ['INDIRECT'],
  169: ['COUNTA'],
  183: ['PRODUCT'],
  197: ['TRUNC'],
  212: ['ROUNDUP', 2],
  213: ['ROUNDDOWN', 2],
  216: ['RANK'],
  221: ['TODAY', 0],
  228: ['SUMPRODUCT'],
  336: ['CONCATENATE'],
  337: ['POWER', 2],
  344: ['SUBTOTAL'],
  345: ['SUMIF'],
  346: ['COUNTIF', 2],
  347: ['COUNTBLANK', 1],
};

const BINARY: Record<number, string> = {
  0x03: '+',
  0x04: '-',
  0x05: '*',
  0x06: '/',
  0x07: '^',
  0x08: '&',
  0x09: '<',
  0x0a: '<=',
  0x0b: '=',
  0x0c: '>=',
  0x0d: '>',
  0x0e: '<>',
  0x0f: ' ',
  0x10: ',',
  0x11: ':',
};

/** BIFF8's error codes, as Excel shows them. */
export const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
};

/** A row and a column as a reference writes them: `$` where absolute. */
function cellRef(row: number, colWord: number, place: FormulaPlace | undefined): string | undefined {
  const rowRelative = (colWord & 0x8000) !== 0;
  const colRelative = (colWord & 0x4000) !== 0;
  let col = colWord & 0x3fff;
  let r = row;
  // In a shared formula (RefN, AreaN) a relative row or column is an offset from the cell.
  if (place) {
    if (rowRelative) r = (place.row + ((row << 16) >> 16) + 65536) % 65536;
    if (colRelative) col = (place.col + ((col << 24) >> 24) + 256) % 256;
  }
  if (col > 255 || r > 65535) return undefined;
  const a1 = toA1(r, col);
  const letters = a1.replace(/\d+$/u, '');
  return `${colRelative ? '' : '$'}${letters}${rowRelative ? '' : '$'}${r + 1}`;
}

/**
 * The text of the formula `rgce` (without its `=`), or undefined when a token is one this reader
 * does not know. `place` is the cell the formula stands in (shared formulas' offsets are from it).
 */
export function formulaText(rgce: Buffer, place: FormulaPlace): string | undefined {
  const stack: string[] = [];
  const pop = (): string | undefined => stack.pop();
  let at = 0;
  const need = (n: number): boolean => at + n <= rgce.length;
  while (at < rgce.length) {
    const ptg = rgce.readUInt8(at++);
    if (ptg in BINARY && ptg < 0x20) {
      const b = pop();
      const a = pop();
      if (a === undefined || b === undefined) return undefined;
      stack.push(`${a}${BINARY[ptg]}${b}`);
      continue;
    }
    const base = ptg < 0x20 ? ptg : ptg & 0x1f;
    const operand = ptg >= 0x20;
    if (!operand) {
      switch (ptg) {
        case 0x12:
        case 0x13:
        case 0x14:
        case 0x15: {
          const a = pop();
          if (a === undefined) return undefined;
          stack.push(ptg === 0x12 ? `+${a}` : ptg === 0x13 ? `-${a}` : ptg === 0x14 ? `${a}%` : `(${a})`);
          break;
        }
        case 0x16:
          stack.push('');
          break;
        case 0x17: {
          let string: { text: string; end: number };
          try {
            string = unicodeString(rgce, at, 1);
          } catch {
            return undefined;
          }
          stack.push(`"${string.text.replace(/"/g, '""')}"`);
          at = string.end;
          break;
        }
        case 0x19: {
          if (!need(3)) return undefined;
          const grbit = rgce.readUInt8(at);
          const w = rgce.readUInt16LE(at + 1);
          at += 3;
          // tAttrChoose carries its jump table; tAttrSum is SUM of one argument; the others (spaces,
          // IF's and CHOOSE's jumps, a volatile mark) say nothing the text shows.
          if (grbit & 0x04) at += 2 * (w + 1);
          if (grbit & 0x10) {
            const a = pop();
            if (a === undefined) return undefined;
            stack.push(`SUM(${a})`);
          }
          break;
        }
        case 0x1c:
          if (!need(1)) return undefined;
          stack.push(ERRORS[rgce.readUInt8(at++)] ?? '#N/A');
          break;
        case 0x1d:
          if (!need(1)) return undefined;
          stack.push(rgce.readUInt8(at++) ? 'TRUE' : 'FALSE');
          break;
        case 0x1e:
          if (!need(2)) return undefined;
          stack.push(String(rgce.readUInt16LE(at)));
          at += 2;
          break;
        case 0x1f:
          if (!need(8)) return undefined;
          stack.push(String(rgce.readDoubleLE(at)));
          at += 8;
          break;
        default:
          return undefined;
      }
      continue;
    }
    switch (base) {
      case 0x01: {
        // ptgFunc: a function of fixed arguments.
        if (!need(2)) return undefined;
        const fn = FUNCTIONS[rgce.readUInt16LE(at)];
        at += 2;
        if (!fn || fn[1] === undefined) return undefined;
        const args = stack.splice(stack.length - fn[1], fn[1]);
        if (args.length !== fn[1]) return undefined;
        stack.push(`${fn[0]}(${args.join(',')})`);
        break;
      }
      case 0x02: {
        // ptgFuncVar: the count of arguments, then the function.
        if (!need(3)) return undefined;
        const count = rgce.readUInt8(at) & 0x7f;
        const fn = FUNCTIONS[rgce.readUInt16LE(at + 1) & 0x7fff];
        at += 3;
        if (!fn || count > stack.length) return undefined;
        const args = stack.splice(stack.length - count, count);
        stack.push(`${fn[0]}(${args.join(',')})`);
        break;
      }
      case 0x04:
      case 0x0c: {
        // ptgRef, ptgRefN (a shared formula's, relative to the cell).
        if (!need(4)) return undefined;
        const ref = cellRef(
          rgce.readUInt16LE(at),
          rgce.readUInt16LE(at + 2),
          base === 0x0c ? place : undefined,
        );
        at += 4;
        if (ref === undefined) return undefined;
        stack.push(ref);
        break;
      }
      case 0x05:
      case 0x0d: {
        // ptgArea, ptgAreaN.
        if (!need(8)) return undefined;
        const relative = base === 0x0d ? place : undefined;
        const from = cellRef(rgce.readUInt16LE(at), rgce.readUInt16LE(at + 4), relative);
        const to = cellRef(rgce.readUInt16LE(at + 2), rgce.readUInt16LE(at + 6), relative);
        at += 8;
        if (from === undefined || to === undefined) return undefined;
        stack.push(`${from}:${to}`);
        break;
      }
      case 0x06:
      case 0x07:
      case 0x08:
        // ptgMemArea, ptgMemErr, ptgMemNoMem: a header before the tokens of a reference expression.
        if (!need(6)) return undefined;
        at += 6;
        break;
      case 0x09:
        // ptgMemFunc.
        if (!need(2)) return undefined;
        at += 2;
        break;
      case 0x0a:
      case 0x0b:
        // ptgRefErr, ptgAreaErr: a reference to cells deleted since.
        if (!need(base === 0x0a ? 4 : 8)) return undefined;
        at += base === 0x0a ? 4 : 8;
        stack.push('#REF!');
        break;
      case 0x1a:
      case 0x1b: {
        // ptgRef3d, ptgArea3d: on another sheet, or in another workbook.
        const size = base === 0x1a ? 6 : 10;
        if (!need(size)) return undefined;
        const sheet = place.sheetOf(rgce.readUInt16LE(at));
        const ref =
          base === 0x1a
            ? cellRef(rgce.readUInt16LE(at + 2), rgce.readUInt16LE(at + 4), undefined)
            : `${cellRef(rgce.readUInt16LE(at + 2), rgce.readUInt16LE(at + 6), undefined) ?? ''}:${
                cellRef(rgce.readUInt16LE(at + 4), rgce.readUInt16LE(at + 8), undefined) ?? ''
              }`;
        at += size;
        if (sheet === undefined || ref === undefined) return undefined;
        stack.push(`${sheet}!${ref}`);
        break;
      }
      case 0x1c:
      case 0x1d:
        // ptgRefErr3d, ptgAreaErr3d.
        if (!need(base === 0x1c ? 6 : 10)) return undefined;
        at += base === 0x1c ? 6 : 10;
        stack.push('#REF!');
        break;
      default:
        return undefined;
    }
  }
  return stack.length === 1 ? stack[0] : undefined;
}

/** A sheet's name as a reference writes it: quoted unless it is plain letters, digits and `_`. */
export function quotedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
