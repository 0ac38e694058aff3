/** What `check` and `totals` print: the JSON document of SPEC §7, readable text, and CSV. */

import type Big from 'big.js';
import { readPlanCell } from '../domain/amounts';
import { formatOrNull, formatWan, type Totals, type UnreadAmount } from '../domain/totals';
import { evaluateSelf } from '../domain/selfeval/evaluate';
import type { Finding, FormKind, Lang, Severity, TargetTable } from '../domain/types';
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
  /** What kind of form the reader took the table for (SPEC §5): target, selfEval or department. */
  form: FormKind;
  code: string;
  name: string;
  /** null where the amount could not be read (SPEC §6). */
  budget: { total: string | null; fiscal: string | null; other: string | null };
  plan: (number | null)[];
  indicators: number;
  unit?: string;
  /** A self-evaluation's score (SPEC §12): decimal strings; score and grade null while an input is missing. */
  selfEval?: JsonSelfEval;
}

export interface JsonSelfEval {
  score: string | null;
  grade: string | null;
  weights: string;
}

/** The §12 summary of a self-evaluation table; undefined for other forms. */
export function selfEvalSummary(table: TargetTable): JsonSelfEval | undefined {
  if (table.form !== 'selfEval') return undefined;
  const e = evaluateSelf(table);
  return {
    score: e.total ? e.total.toFixed(2) : null,
    grade: e.grade ?? null,
    weights: e.weights.toFixed(2),
  };
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

/**
 * What a total leaves out (SPEC §6, §7): an amount that could not be read, at its sheet and cell; or
 * a whole file that could not be read (`field: "file"`, `sheet` and `cell` empty, `error` saying why).
 */
export interface JsonIncomplete {
  file: string;
  sheet: string;
  cell: string;
  field: UnreadAmount['field'] | 'file';
  reason: UnreadAmount['reason'];
  /** For a file that could not be read: the message stderr gives. */
  error?: string;
}

export interface JsonReport {
  files: JsonFile[];
  totals: {
    total: string | null;
    fiscal: string | null;
    other: string | null;
    planned: (string | null)[];
    projects: number;
    /**
     * Present when a sum is null: each amount that could not be read, and where, and each file that
     * could not be read.
     */
    incomplete?: JsonIncomplete[];
  };
}

/** The files that could not be read: what they hold is in no sum. */
function unreadFiles(results: FileResult[]): (FileResult & { error: string })[] {
  return results.filter((r): r is FileResult & { error: string } => r.error !== undefined);
}

/**
 * The sums over every file named (SPEC §6, §8). A file that could not be read is amounts that could
 * not be read: every sum is then null, as a sum with one unread amount is, never the sum of the
 * other files printed as if it were complete. `known` still adds up what was read.
 */
export function overallSums(
  results: FileResult[],
  totals: Totals,
): { total: Big | null; fiscal: Big | null; other: Big | null; planned: (Big | null)[] } {
  if (unreadFiles(results).length === 0)
    return { total: totals.total, fiscal: totals.fiscal, other: totals.other, planned: totals.planned };
  return { total: null, fiscal: null, other: null, planned: totals.planned.map(() => null) };
}

/** True when a sum leaves something out: an amount or a whole file that could not be read. */
export function totalsIncomplete(results: FileResult[], totals: Totals): boolean {
  return totals.incomplete.length > 0 || unreadFiles(results).length > 0;
}

/**
 * Each thing the sums leave out, file by file in the order given: a file that could not be read, or
 * the amounts of a file's tables that could not be read.
 */
function leftOut(
  results: FileResult[],
  totals: Totals,
): (
  { kind: 'file'; file: string; error: string } | { kind: 'amount'; file: string; amount: UnreadAmount }
)[] {
  const out: ReturnType<typeof leftOut> = [];
  let first = 0;
  for (const r of results) {
    const end = first + r.tables.length;
    if (r.error !== undefined) out.push({ kind: 'file', file: r.file, error: r.error });
    for (const amount of totals.incomplete)
      if (amount.table >= first && amount.table < end) out.push({ kind: 'amount', file: r.file, amount });
    first = end;
  }
  // An amount of a table no result holds (none expected) is still listed, never dropped.
  for (const amount of totals.incomplete)
    if (amount.table >= first) out.push({ kind: 'amount', file: '', amount });
  return out;
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
        form: table.form,
        code: table.code?.text ?? '',
        name: table.name?.text ?? '',
        budget: {
          total: formatOrNull(amounts.total),
          fiscal: formatOrNull(amounts.fiscal),
          other: formatOrNull(amounts.other),
        },
        plan: planPercents(table),
        indicators: indicatorCount(table),
      };
      if (table.reportingUnit) out.unit = table.reportingUnit;
      const selfEval = selfEvalSummary(table);
      if (selfEval) out.selfEval = selfEval;
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
  const sums = overallSums(results, totals);
  const out: JsonReport = {
    files,
    totals: {
      total: formatOrNull(sums.total),
      fiscal: formatOrNull(sums.fiscal),
      other: formatOrNull(sums.other),
      planned: sums.planned.map(formatOrNull),
      projects: results.reduce((n, r) => n + r.tables.length, 0),
    },
  };
  if (totalsIncomplete(results, totals))
    out.totals.incomplete = leftOut(results, totals).map((x): JsonIncomplete =>
      x.kind === 'file'
        ? { file: x.file, sheet: '', cell: '', field: 'file', reason: 'unreadable', error: x.error }
        : {
            file: x.file,
            sheet: x.amount.sheet,
            cell: x.amount.cell,
            field: x.amount.field,
            reason: x.amount.reason,
          },
    );
  return out;
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

/** Errors, then warnings, then notes; within each, in the order of the cells. */
export function bySeverityThenCell(a: Finding, b: Finding): number {
  const [ra, ca] = cellOrder(a.cell);
  const [rb, cb] = cellOrder(b.cell);
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || ra - rb || ca - cb;
}

/** True when `f` is at least as severe as `min`. */
export function atLeast(f: Finding, min: Severity): boolean {
  return SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[min];
}

/** How a table is named in text: its code and name, or that the name is missing. */
export function projectLabel(table: TargetTable, lang: Lang): string {
  const name = table.name?.text || t(lang, 'cli.text.unnamed');
  const code = table.code?.text ?? '';
  return printable(code ? `${code} ${name}` : name);
}

/**
 * `check --format text`: by file, then sheet, then table; each table's findings errors first,
 * then warnings, then notes. `minSeverity` leaves the lower severities out of the listing (the
 * summary line still counts them all).
 */
export function checkText(
  results: FileResult[],
  totals: Totals,
  lang: Lang,
  unreadable: number,
  minSeverity: Severity = 'info',
): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  let k = 0;
  const findingLines = (f: Finding): void => {
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
        lines.push(
          t(lang, 'cli.text.table', {
            project: projectLabel(table, lang),
            total: amounts?.total ? formatWan(amounts.total) : t(lang, 'cli.text.unread'),
            profile: table.profile,
          }),
        );
        const own = onSheet.filter((f) => !claimed.has(f) && inTable(f, table));
        const selfEval = selfEvalSummary(table);
        if (selfEval)
          lines.push(
            t(lang, 'cli.text.selfEval', {
              score: selfEval.score ?? t(lang, 'cli.text.notScored'),
              grade: selfEval.grade ?? '—',
              weights: selfEval.weights,
            }),
          );
        own.forEach((f) => claimed.add(f));
        const shown = own.filter((f) => atLeast(f, minSeverity)).sort(bySeverityThenCell);
        if (own.length === 0) lines.push(t(lang, 'cli.text.noFindings'));
        else if (shown.length === 0) lines.push(t(lang, 'cli.text.hidden', { count: own.length }));
        shown.forEach(findingLines);
      }
      const rest = onSheet.filter((f) => !claimed.has(f) && atLeast(f, minSeverity)).sort(bySeverityThenCell);
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

export function inTable(f: Finding, table: TargetTable): boolean {
  const [row, col] = cellOrder(f.cell);
  return row - 1 >= table.top && row - 1 <= table.bottom && col - 1 >= table.left && col - 1 <= table.right;
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function width(s: string): number {
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

/** One row per table, then 合计: the rows of both the text table and the CSV. */
/** An amount as the text and CSV outputs show it: `未能读取` where it could not be read. */
function shownAmount(b: Big | null, lang: Lang): string {
  return b === null ? t(lang, 'cli.text.unread') : formatWan(b);
}

function totalsRows(results: FileResult[], totals: Totals, lang: Lang): string[][] {
  const rows: string[][] = [];
  let k = 0;
  for (const r of results) {
    // A file that could not be read is a row of 未能读取: what it holds is in no sum (SPEC §6).
    if (r.error !== undefined)
      rows.push([
        r.file,
        '',
        '',
        t(lang, 'cli.review.unreadableFile'),
        ...Array<string>(3 + PERIODS).fill(t(lang, 'cli.text.unread')),
      ]);
    for (const table of r.tables) {
      const a = totals.tables[k++];
      rows.push([
        r.file,
        table.sheet,
        table.code?.text ?? '',
        table.name?.text ?? '',
        ...[a.total, a.fiscal, a.other, ...a.planned].map((b) => shownAmount(b, lang)),
      ]);
    }
  }
  return rows;
}

function sumRow(label: string, results: FileResult[], totals: Totals, lang: Lang): string[] {
  const sums = overallSums(results, totals);
  return [
    label,
    '',
    '',
    '',
    ...[sums.total, sums.fiscal, sums.other, ...sums.planned].map((b) => shownAmount(b, lang)),
  ];
}

/**
 * Under an incomplete total: what was read adds up to …, then each file that could not be read and
 * each amount that could not be read, with its file, sheet and cell. When nothing was read at all,
 * there is no sum to give, not even of what was read: it says so instead of printing 0.
 */
function incompleteLines(results: FileResult[], totals: Totals, lang: Lang): string[] {
  if (!totalsIncomplete(results, totals)) return [];
  const files = unreadFiles(results).length;
  const count = totals.incomplete.length;
  const total = formatWan(totals.known.total);
  const lines = [
    nothingRead(results, totals)
      ? t(lang, 'cli.text.nothingRead', { files })
      : files === 0
        ? // Only spending plans unread (a form without one): every budget is in the total.
          totals.incomplete.every((x) => x.field === 'plan')
          ? t(lang, 'cli.text.incompletePlans', { count, total })
          : t(lang, 'cli.text.incomplete', { count, total })
        : count === 0
          ? t(lang, 'cli.text.incompleteFiles', { files, total })
          : t(lang, 'cli.text.incompleteBoth', { files, count, total }),
  ];
  for (const x of leftOut(results, totals))
    if (x.kind === 'file')
      // The file on one line, why on the next: each within the width, however long the path.
      lines.push(
        fit(t(lang, 'cli.text.unreadFile', { file: printable(x.file) }), TEXT_WIDTH),
        fit(t(lang, 'cli.text.unreadWhy', { message: printable(x.error) }), TEXT_WIDTH),
      );
    else
      lines.push(
        t(lang, 'cli.text.unreadAmount', {
          file: printable(x.file),
          sheet: printable(x.amount.sheet),
          cell: x.amount.cell,
          field: t(lang, `cli.fields.${x.amount.field}`),
          reason: t(lang, `cli.unreadReasons.${x.amount.reason}`),
        }),
      );
  return lines;
}

/** Some file could not be read and no table was read from the others: there is nothing to add up. */
function nothingRead(results: FileResult[], totals: Totals): boolean {
  return totals.tables.length === 0 && unreadFiles(results).length > 0;
}

/** The widest line `totals` prints (SPEC §7: output that fits a 100-column terminal). */
export const TEXT_WIDTH = 100;

/** Cuts `s` to at most `max` columns, ending in … when cut. */
function fit(s: string, max: number): string {
  if (width(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

const AMOUNT_KEYS = ['total', 'fiscal', 'other', 'p1', 'p2', 'p3', 'p4'] as const;

/**
 * `totals --format text`: per file, one line per project (code and name, cut to fit) with its
 * amounts in 万元, then a 合计 line and the totals in words; no line wider than TEXT_WIDTH.
 */
export function totalsText(results: FileResult[], totals: Totals, lang: Lang): string {
  const header = AMOUNT_KEYS.map((key) => t(lang, `cli.columns.${key}`));
  const sums = overallSums(results, totals);
  const sum = [sums.total, sums.fiscal, sums.other, ...sums.planned].map((b) => shownAmount(b, lang));
  const blocks: { file: string; rows: { label: string; amounts: string[] }[] }[] = [];
  let k = 0;
  for (const r of results) {
    // A file that could not be read has no block: it is named under the sums, which leave it out.
    if (r.error !== undefined) continue;
    const rows = r.tables.map((table) => {
      const a = totals.tables[k++];
      return {
        label: projectLabel(table, lang),
        amounts: [a.total, a.fiscal, a.other, ...a.planned].map((b) => shownAmount(b, lang)),
      };
    });
    blocks.push({ file: r.file, rows });
  }
  const all = [header, sum, ...blocks.flatMap((b) => b.rows.map((row) => row.amounts))];
  const widths = header.map((_, i) => Math.max(...all.map((row) => width(row[i]))));
  const amountsWidth = widths.reduce((n, w) => n + w + 2, 0);
  const labelWidth = Math.max(
    8,
    Math.min(
      TEXT_WIDTH - 2 - amountsWidth,
      Math.max(
        width(t(lang, 'cli.columns.project')),
        ...blocks.flatMap((b) => b.rows.map((row) => width(row.label))),
      ),
    ),
  );
  const line = (label: string, amounts: string[], indent: string): string =>
    (
      indent +
      pad(fit(label, labelWidth), labelWidth, false) +
      amounts.map((a, i) => '  ' + pad(a, widths[i], true)).join('')
    ).trimEnd();
  const lines: string[] = [];
  for (const b of blocks) {
    lines.push(fit(t(lang, 'cli.text.file', { file: printable(b.file) }), TEXT_WIDTH));
    lines.push(line(t(lang, 'cli.columns.project'), header, '  '));
    for (const row of b.rows) lines.push(line(row.label, row.amounts, '  '));
    lines.push('');
  }
  // Nothing read, nothing to add up: no 合计 line at all, not a 0 for what could not be read.
  if (!nothingRead(results, totals)) {
    lines.push(line(t(lang, 'cli.columns.sum'), sum, '  ').replace(/^ {2}/, ''));
    lines.push('');
    // A sum that could not be made is 未能读取 on the 合计 line; the words below say why.
    if (sums.total !== null)
      lines.push(
        t(lang, 'cli.text.totalsLine', {
          total: sum[0],
          fiscal: sum[1],
          other: sum[2],
        }),
      );
    if (sums.planned.some((b) => b !== null))
      lines.push(t(lang, 'cli.text.plannedLine', { p1: sum[3], p2: sum[4], p3: sum[5], p4: sum[6] }));
  }
  lines.push(...incompleteLines(results, totals, lang));
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

/**
 * `totals --format csv`: UTF-8 with a byte-order mark, CRLF line ends, last row 合计. A file that
 * could not be read is a row of 未能读取 and makes the 合计 未能读取 (SPEC §6).
 */
export function totalsCsv(results: FileResult[], totals: Totals): string {
  const rows = [
    CSV_HEADER,
    ...totalsRows(results, totals, 'zh-CN'),
    sumRow('合计', results, totals, 'zh-CN'),
  ];
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
