/**
 * Plain conversions between what Office.js returns for a range and the shared Grid, and the few
 * facts about Excel's input conversions the writers must respect. Nothing here talks to Excel.
 */

import { parseRangeA1 } from '../domain/address';
import type { CellRange, GridCell } from '../domain/grid';

/** What one `range.load('address,values,formulas,numberFormat,valueTypes')` returns. */
export interface RangeData {
  /** `Sheet1!B2:G40`, `'My sheet'!A1` or a bare `B2:G40`. */
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

/** The A1 part of an address Excel returns with its sheet (`'项目 一'!A1:G15` → `A1:G15`). */
function bareAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/**
 * True when a number format shows a date or a time: it has y/m/d/h/s outside quoted text, escapes
 * and bracketed sections (`[Red]`, `[$-804]`, `[DBNum1]`), elapsed-time brackets (`[h]`) excepted.
 */
export function isDateFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat || /^general$/i.test(numberFormat) || numberFormat === '@') return false;
  const bare = numberFormat
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare);
}

const isGeneral = (format: string | undefined): boolean => !format || /^general$/i.test(format);

/**
 * One cell of a read range as a GridCell: empty cells are undefined unless they carry a number
 * format other than General (a plan cell formatted as percent matters before anything is typed).
 */
export function toGridCell(
  value: unknown,
  formula: unknown,
  numberFormat: unknown,
  valueType: unknown,
): GridCell | undefined {
  const format = typeof numberFormat === 'string' ? numberFormat : undefined;
  // A text cell holding `=100%` reports that text as both value and formula; a real formula's value
  // is its result, so the two differ.
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
  const empty = value === '' || value === null || value === undefined;
  if (empty && !isFormula) return isGeneral(format) ? undefined : { value: null, numberFormat: format };
  const cell: GridCell = {
    value: empty ? null : (value as string | number | boolean),
  };
  if (isFormula) cell.formula = formula;
  if (format !== undefined) cell.numberFormat = format;
  if (valueType === 'Error') cell.error = true;
  else if (typeof value === 'number' && isDateFormat(format)) cell.date = true;
  return cell;
}

/** A read range as the rows of a Grid, with the absolute position of its top-left cell. */
export function gridCells(data: RangeData): { top: number; left: number; cells: (GridCell | undefined)[][] } {
  const { top, left } = parseRangeA1(bareAddress(data.address));
  const cells = data.values.map((row, r) => {
    const line = row.map((v, c) =>
      toGridCell(v, data.formulas[r]?.[c], data.numberFormat[r]?.[c], data.valueTypes[r]?.[c]),
    );
    while (line.length > 0 && line[line.length - 1] === undefined) line.pop();
    return line;
  });
  return { top, left, cells };
}

/**
 * The areas of a RangeAreas address (`Sheet1!A1:G1, Sheet1!A2:E2`, sheet names possibly quoted and
 * holding commas): every area ends in `!A1` or `!A1:B2`, which is all we need.
 */
export function parseAreas(address: string | undefined | null): CellRange[] {
  if (!address) return [];
  const refs: string[] = [];
  const qualified = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  for (let m = qualified.exec(address); m; m = qualified.exec(address)) refs.push(m[1]);
  if (refs.length === 0) for (const part of address.split(',')) if (part.trim()) refs.push(part.trim());
  return refs.map((ref) => parseRangeA1(ref)).filter((r) => r.bottom > r.top || r.right > r.left);
}

/**
 * True when typing `text` into a General cell would not keep it as that text: a formula, a number,
 * a percent, a date or time, a boolean, or a leading apostrophe that Excel swallows. Such text is
 * written into a cell formatted as text (`@`) instead.
 */
export function excelWouldConvert(text: string): boolean {
  const s = text.trim();
  if (s === '') return text !== '';
  if (/^[=+\-@']/.test(s)) return true;
  if (/^(true|false)$/i.test(s)) return true;
  if (/^[(（]?[$¥￥]?\s*[-+]?[\d,.，．]*\d[\d,.，．]*(e[-+]?\d+)?\s*[%％]?[)）]?$/i.test(s)) return true;
  if (/^\d{1,4}\s*[-/.年]\s*\d{1,2}(\s*[-/.月]\s*\d{1,4}\s*日?)?$/.test(s)) return true;
  if (/^\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(s)) return true;
  if (/^\d{1,2}\s*[:：]\s*\d{1,2}/.test(s)) return true;
  return false;
}
