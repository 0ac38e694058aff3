/**
 * exceljs made to read what Excel shows (prepareExceljs). It knows Excel's East-Asian built-in
 * number formats (ids 27-36 and 50-58) only per locale, and gives a cell in one of them no format
 * at all: a date that a Chinese Excel stored with format 31 (`2026年12月4日`) loads as the number
 * 46360.6, and a plan cell holding it read as 46360.6 %. The files this tool reads come from
 * Chinese Excel and WPS, so each such format gets its zh-CN code, and exceljs then sees the date for
 * what it is.
 */

// exceljs has no types for its internals; this table is what NumFmtXform.getDefaultFmtCode reads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builtIn = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, Record<string, string>>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const utils = require('exceljs/lib/utils/utils') as { excelToDate(v: unknown, date1904?: boolean): unknown };

/** The day after 9999-12-31, Excel's last date. */
export const MAX_SERIAL = 2_958_466;

let done = false;

/**
 * Readies exceljs for the files this tool reads (once): the zh-CN code of every built-in format it
 * knows only per locale, and what it makes of a value under a date format. exceljs turns any such
 * value into a Date: a formula's text result (`=TEXT(…)` in a cell formatted as a date) and a
 * number past the days Excel shows as dates (an amount under a format such as `[>999999]#,,M`, whose
 * M exceljs takes for a month) became an invalid Date, which reads as nothing. A value that is no
 * date stays what it is; a number that is one is still a date.
 */
export function prepareExceljs(): void {
  if (done) return;
  done = true;
  for (const format of Object.values(builtIn)) {
    if (format.f === undefined && format['zh-cn'] !== undefined) format.f = format['zh-cn'];
  }
  const toDate = utils.excelToDate.bind(utils);
  utils.excelToDate = (v: unknown, date1904?: boolean): unknown => {
    // Excel's days run from 0 to 9999-12-31 (2,958,465); it shows ##### for any other number.
    if (typeof v !== 'number' || !(v >= 0 && v < MAX_SERIAL)) return v;
    const date = toDate(v, date1904);
    return date instanceof Date && Number.isFinite(date.getTime()) ? date : v;
  };
}
