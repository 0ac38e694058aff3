/**
 * exceljs knows Excel's East-Asian built-in number formats (ids 27-36 and 50-58) only per locale,
 * and gives a cell in one of them no format at all: a date that a Chinese Excel stored with format
 * 31 (`2026年12月4日`) loads as the number 46360.6, and a plan cell holding it read as 46360.6 %.
 * The files this tool reads come from Chinese Excel and WPS, so each such format gets its zh-CN
 * code, and exceljs then sees the date for what it is.
 */

// exceljs has no types for its internals; this table is what NumFmtXform.getDefaultFmtCode reads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builtIn = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, Record<string, string>>;

let done = false;

/** Fills in the zh-CN code of every built-in format exceljs knows only per locale (once). */
export function useChineseBuiltInFormats(): void {
  if (done) return;
  done = true;
  for (const format of Object.values(builtIn)) {
    if (format.f === undefined && format['zh-cn'] !== undefined) format.f = format['zh-cn'];
  }
}
