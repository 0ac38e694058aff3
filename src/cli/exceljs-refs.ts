/**
 * How exceljs 4.4 reads the cell references that make it build cells: merged areas (`<mergeCell
 * ref>`), column definitions (`<col min max>`) and defined names (`<definedName>`). The guard has to
 * count what exceljs will build, so these are exceljs's own rules, lenient parsing included
 * (lib/utils/col-cache.js decodeAddress/decodeEx, lib/doc/range.js, lib/doc/column.js fromModel,
 * lib/xlsx/xform/book/defined-name-xform.js extractRanges, lib/doc/defined-names.js). An agreement
 * test (tests/cli/exceljs-refs.test.ts) holds these to exceljs's own functions.
 */

import type { CellRange } from '../domain/grid';
import { ReadError } from './read-error';

/** Excel's last column (XFD). */
export const MAX_COLUMN = 16_384;
/** Excel's last row. */
export const MAX_ROW = 1_048_576;

interface Address {
  col: number | undefined;
  row: number | undefined;
}

/** colCache.decodeAddress: letters before the first digit are the column, digits the row; lenient. */
export function decodeAddress(value: string): Address {
  let hasCol = false;
  let col = 0;
  let hasRow = false;
  let row = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) {
      hasRow = true;
      row = row * 10 + ch - 48;
    } else if (hasRow && hasCol && ch !== 36) {
      break;
    }
  }
  if (hasCol && col > MAX_COLUMN) throw new RangeError(`column ${col}`);
  return { col: hasCol ? col : undefined, row: hasRow ? row : undefined };
}

/** colCache.n2l's check: NaN passes (and names nothing), 0 and past XFD throw. */
function checkColumn(n: number): void {
  if (n < 1 || n > MAX_COLUMN) throw new RangeError(`column ${n}`);
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** colCache.decodeEx: `[sheet!]A1[:B2]` → a box (NaN where a part is missing) or a single address. */
export function decodeEx(value: string): Box | Address | { error: string } {
  const groups = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/.exec(value)!;
  const reference = groups[3];
  const parts = reference.split(':');
  if (parts.length > 1) {
    const tl = decodeAddress(parts[0]);
    const br = decodeAddress(parts[1]);
    const box = {
      top: Math.min(tl.row as number, br.row as number),
      left: Math.min(tl.col as number, br.col as number),
      bottom: Math.max(tl.row as number, br.row as number),
      right: Math.max(tl.col as number, br.col as number),
    };
    checkColumn(box.left);
    checkColumn(box.right);
    return box;
  }
  if (reference.startsWith('#')) return { error: reference };
  return decodeAddress(reference);
}

const isBox = (v: ReturnType<typeof decodeEx>): v is Box => 'top' in v;

/**
 * The rows and cells `worksheet.mergeCells(ref)` visits when exceljs loads `<mergeCell ref>` (a Range,
 * whose missing sides read as 1). Throws where exceljs would.
 */
export function mergeBox(ref: string): Box {
  const d = decodeEx(ref);
  const m =
    isBox(d) && d.top
      ? d
      : {
          top: (d as Address).row,
          left: (d as Address).col,
          bottom: (d as Address).row,
          right: (d as Address).col,
        };
  return {
    top: m.top || 1,
    left: m.left || 1,
    bottom: m.bottom || 1,
    right: m.right || 1,
  };
}

/** Cells in a box; a box whose sides are not numbers costs its rows (a loop that builds nothing). */
export function boxCost(b: Box): number {
  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  if (!(rows > 0)) return 0;
  return cols > 0 ? rows * cols : rows;
}

function isValidRange(range: string): boolean {
  try {
    decodeEx(range);
    return true;
  } catch {
    return false;
  }
}

/** extractRanges: a defined name's text split at commas outside quoted sheet names, invalid parts dropped. */
export function extractRanges(text: string): string[] {
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = '';
  for (const item of text.split(',')) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (isValidRange(item)) ranges.push(item);
      continue;
    }
    const quotesEven = quotes % 2 === 0;
    if (!quotesOpened && quotesEven && isValidRange(item)) {
      ranges.push(item);
    } else if (quotesOpened && !quotesEven) {
      quotesOpened = false;
      if (isValidRange(last + item)) ranges.push(last + item);
      last = '';
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges;
}

const RANGE = /[$](\w+)[$](\d+)(:[$](\w+)[$](\d+))?/;

/** Names exceljs keeps aside as page setup instead of expanding them. */
const PAGE_SETUP_NAMES = new Set(['_xlnm.Print_Area', '_xlnm.Print_Titles']);

/**
 * The loop iterations (one cell each, or one empty row step) exceljs's DefinedNames spends on a
 * `<definedName name>` whose text is `text`: every cell of every range is indexed.
 */
export function definedNameCost(name: string | undefined, text: string): number {
  if (name !== undefined && PAGE_SETUP_NAMES.has(name)) return 0;
  let cost = 0;
  for (const range of extractRanges(text)) {
    if (!RANGE.test(range.split('!').pop() || '')) continue;
    const d = decodeEx(range);
    cost += isBox(d) && d.top ? boxCost(d) : 1;
  }
  return cost;
}

/**
 * The columns exceljs builds for a sheet's `<col>` elements: Column.fromModel fills every column from
 * 1 up to the last one named, including up to `min - 1` of a definition whose max is below its min.
 */
export function columnsBuilt(min: string | undefined, max: string | undefined): number {
  const lo = parseInt(min || '0', 10);
  const hi = parseInt(max || '0', 10);
  return Math.max(0, Number.isFinite(lo) ? lo - 1 : 0, Number.isFinite(hi) ? hi : 0);
}

/** Column numbers fit below this, so a cell's key is row × COLUMNS + column. */
export const COLUMNS = 1 << 15;

/**
 * The merged areas of a sheet (1-based, as exceljs decodes `<mergeCell ref>`) applied as exceljs
 * applies them: the top-left cell keeps its value, the others lose theirs; areas that overlap make
 * the file damaged (exceljs: "Cannot merge already merged cells"). Returns the 0-based areas and the
 * keys of covered cells other than the top-left ones.
 */
export function applyMerges(boxes: readonly Box[]): { merges: CellRange[]; covered: Set<number> } {
  const seen = new Set<number>();
  const covered = new Set<number>();
  for (const b of boxes) {
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        const key = (r - 1) * COLUMNS + (c - 1);
        if (seen.has(key)) throw new ReadError('corrupt');
        seen.add(key);
        if (r > b.top || c > b.left) covered.add(key);
      }
    }
  }
  const merges = boxes
    .filter((b) => b.bottom > b.top || b.right > b.left)
    .map((b) => ({ top: b.top - 1, left: b.left - 1, bottom: b.bottom - 1, right: b.right - 1 }))
    // In reading order, as the cells that carry them come.
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return { merges, covered };
}
