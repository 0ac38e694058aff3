/** What `check` and `totals` print: the JSON document of SPEC §7, readable text, and CSV. */

import type Big from 'big.js';
import { readPlanCell } from '../domain/amounts';
import { formatWan, type Totals } from '../domain/totals';
import type { Finding, Lang, Severity, TargetTable } from '../domain/types';
import { t } from '../i18n';
import '../i18n/cli';

/** One path's outcome: the tables read and the findings about them, or why it could not be read. */
export interface FileResult {
  file: string;
  tables: TargetTable[];
  findings: Finding[];
  error?: string;
}

export interface JsonTable {
  sheet: string;
  range: string;
  profile: string;
  code: string;
  name: string;
  budget: { total: string; fiscal: string; other: string };
  plan: (number | null)[];
  indicators: number;
  unit?: string;
}

export interface JsonFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  fix?: { cell: string; value: string | number };
}

export interface JsonFile {
  file: string;
  tables: JsonTable[];
  findings?: JsonFinding[];
  error?: string;
}

export interface JsonReport {
  files: JsonFile[];
  totals: { total: string; fiscal: string; other: string; planned: string[]; projects: number };
}

const PERIODS = 4;

/** `indicators` of SPEC §7: rows with a 三级指标 name or a value. */
function indicatorCount(table: TargetTable): number {
  return table.indicators.filter((i) => i.name.text !== '' || i.valueText.trim() !== '').length;
}

function planPercents(table: TargetTable): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < PERIODS; i++) {
    const reading = readPlanCell(table.plan[i]);
    out.push(reading.kind === 'number' ? reading.percent : null);
  }
  return out;
}

/**
 * `results` in the order given and `totals` computed over all their tables in that order, so that
 * `totals.tables[k]` belongs to the k-th table across files.
 */
export function jsonReport(results: FileResult[], totals: Totals, withFindings: boolean): JsonReport {
  let k = 0;
  const files = results.map((r): JsonFile => {
    const tables = r.tables.map((table): JsonTable => {
      const amounts = totals.tables[k++];
      const out: JsonTable = {
        sheet: table.sheet,
        range: table.range,
        profile: table.profile,
        code: table.code?.text ?? '',
        name: table.name?.text ?? '',
        budget: {
          total: formatWan(amounts.total),
          fiscal: formatWan(amounts.fiscal),
          other: formatWan(amounts.other),
        },
        plan: planPercents(table),
        indicators: indicatorCount(table),
      };
      if (table.unit) out.unit = table.unit;
      return out;
    });
    const file: JsonFile = { file: r.file, tables };
    if (withFindings) {
      file.findings = r.findings.map((f): JsonFinding => {
        const jf: JsonFinding = {
          rule: f.rule,
          severity: f.severity,
          sheet: f.sheet,
          cell: f.cell,
          message: f.message,
        };
        if (f.fix) jf.fix = { cell: f.fix.cell, value: f.fix.value };
        return jf;
      });
    }
    if (r.error !== undefined) file.error = r.error;
    return file;
  });
  return {
    files,
    totals: {
      total: formatWan(totals.total),
      fiscal: formatWan(totals.fiscal),
      other: formatWan(totals.other),
      planned: totals.planned.map((b: Big) => formatWan(b)),
      projects: results.reduce((n, r) => n + r.tables.length, 0),
    },
  };
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/**
 * Cell text reaches the terminal: control characters (escape sequences, line breaks) and bidi
 * overrides would let a workbook redraw or disguise the report, so they become spaces / vanish.
 */
export function printable(s: string): string {
  return s.replace(CONTROL, ' ').replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '');
}

function cellOrder(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return [Number.MAX_SAFE_INTEGER, 0];
  const col = [...m[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function byCell(a: Finding, b: Finding): number {
  const [ra, ca] = cellOrder(a.cell);
  const [rb, cb] = cellOrder(b.cell);
  return ra - rb || ca - cb || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** `check --format text`: grouped by file, then sheet, then table, findings in cell order. */
export function checkText(results: FileResult[], totals: Totals, lang: Lang, unreadable: number): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  let k = 0;
  const findingLines = (f: Finding): void => {
    counts[f.severity]++;
    lines.push(
      t(lang, 'cli.text.finding', {
        cell: f.cell,
        severity: t(lang, `cli.severity.${f.severity}`),
        message: printable(f.message),
        rule: f.rule,
      }),
    );
    if (f.fix) lines.push(t(lang, 'cli.text.fix', { value: printable(String(f.fix.value)) }));
  };
  let readable = 0;
  for (const r of results) {
    if (lines.length) lines.push('');
    lines.push(t(lang, 'cli.text.file', { file: printable(r.file) }));
    if (r.error !== undefined) {
      lines.push('  ' + t(lang, 'cli.text.unreadable', { message: r.error }));
      continue;
    }
    readable++;
    const sheets: string[] = [];
    for (const table of r.tables) if (!sheets.includes(table.sheet)) sheets.push(table.sheet);
    for (const f of r.findings) if (!sheets.includes(f.sheet)) sheets.push(f.sheet);
    if (sheets.length === 0) lines.push(t(lang, 'cli.text.noTables'));
    const tableIndex = new Map<TargetTable, number>();
    r.tables.forEach((table) => tableIndex.set(table, k++));
    for (const sheet of sheets) {
      const tables = r.tables.filter((tb) => tb.sheet === sheet);
      const onSheet = r.findings.filter((f) => f.sheet === sheet);
      const range = tables.map((tb) => tb.range).join(', ');
      lines.push(t(lang, 'cli.text.sheet', { sheet: printable(sheet), range }));
      const claimed = new Set<Finding>();
      for (const table of tables) {
        const amounts = totals.tables[tableIndex.get(table) as number];
        const blank = t(lang, 'cli.text.unnamed');
        lines.push(
          t(lang, 'cli.text.table', {
            code: printable(table.code?.text || blank),
            name: printable(table.name?.text || blank),
            total: formatWan(amounts.total),
            profile: table.profile,
          }),
        );
        const own = onSheet.filter((f) => !claimed.has(f) && inTable(f, table)).sort(byCell);
        own.forEach((f) => claimed.add(f));
        if (own.length === 0) lines.push(t(lang, 'cli.text.noFindings'));
        own.forEach(findingLines);
      }
      const rest = onSheet.filter((f) => !claimed.has(f)).sort(byCell);
      if (rest.length && tables.length) lines.push(t(lang, 'cli.text.sheetFindings'));
      rest.forEach(findingLines);
    }
  }
  lines.push('');
  const tableCount = results.reduce((n, r) => n + r.tables.length, 0);
  lines.push(
    t(lang, 'cli.text.summary', {
      files: readable,
      tables: tableCount,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
    }),
  );
  if (unreadable > 0) lines.push(t(lang, 'cli.text.unreadableCount', { count: unreadable }));
  return lines.join('\n') + '\n';
}

function inTable(f: Finding, table: TargetTable): boolean {
  const [row, col] = cellOrder(f.cell);
  return row - 1 >= table.top && row - 1 <= table.bottom && col - 1 >= table.left && col - 1 <= table.right;
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

const COLUMN_KEYS = [
  'file',
  'sheet',
  'code',
  'name',
  'total',
  'fiscal',
  'other',
  'p1',
  'p2',
  'p3',
  'p4',
] as const;

/** One row per table, then 合计: the rows of both the text table and the CSV. */
function totalsRows(results: FileResult[], totals: Totals): string[][] {
  const rows: string[][] = [];
  let k = 0;
  for (const r of results) {
    for (const table of r.tables) {
      const a = totals.tables[k++];
      rows.push([
        r.file,
        table.sheet,
        table.code?.text ?? '',
        table.name?.text ?? '',
        formatWan(a.total),
        formatWan(a.fiscal),
        formatWan(a.other),
        ...a.planned.map((b: Big) => formatWan(b)),
      ]);
    }
  }
  return rows;
}

function sumRow(label: string, totals: Totals): string[] {
  return [
    label,
    '',
    '',
    '',
    formatWan(totals.total),
    formatWan(totals.fiscal),
    formatWan(totals.other),
    ...totals.planned.map((b: Big) => formatWan(b)),
  ];
}

/** `totals --format text`: an aligned table, amounts in 万元, and the totals in words. */
export function totalsText(results: FileResult[], totals: Totals, lang: Lang): string {
  const header = COLUMN_KEYS.map((key) => t(lang, `cli.columns.${key}`));
  const body = totalsRows(results, totals).map((row) => row.map(printable));
  const rows = [header, ...body, sumRow(t(lang, 'cli.columns.sum'), totals)];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => width(row[i]))));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => pad(cell, widths[i], i >= 4))
      .join('  ')
      .trimEnd(),
  );
  const planned = totals.planned.map((b: Big) => formatWan(b));
  lines.push('');
  lines.push(
    t(lang, 'cli.text.totalsLine', {
      total: formatWan(totals.total),
      fiscal: formatWan(totals.fiscal),
      other: formatWan(totals.other),
    }),
  );
  lines.push(
    t(lang, 'cli.text.plannedLine', { p1: planned[0], p2: planned[1], p3: planned[2], p4: planned[3] }),
  );
  return lines.join('\n') + '\n';
}

/**
 * One CSV field: a field that starts with a tab or CR, or whose first character after any spaces is
 * `= + - @` (`  =lead`: some spreadsheets trim before they evaluate), gets `'` so no spreadsheet
 * evaluates it; then RFC 4180 quoting.
 */
export function csvField(value: string): string {
  const safe = /^(?:[\t\r]|\s*[=+\-@])/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header of SPEC §7, fixed in Chinese whatever the language: other tools read it. */
export const CSV_HEADER = [
  '文件',
  '工作表',
  '项目编码',
  '项目名称',
  '预算数',
  '财政资金',
  '其他资金',
  '3月底',
  '6月底',
  '10月底',
  '12月底',
];

/** `totals --format csv`: UTF-8 with a byte-order mark, CRLF line ends, last row 合计. */
export function totalsCsv(results: FileResult[], totals: Totals): string {
  const rows = [CSV_HEADER, ...totalsRows(results, totals), sumRow('合计', totals)];
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
