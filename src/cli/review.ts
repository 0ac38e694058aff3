/**
 * What a reviewer sends and keeps (SPEC §7): `annotate` — a copy of the unit's workbook with each
 * finding as a cell note (批注) and a first sheet 审核意见 linking to the cells; `report` — one
 * workbook for a batch, 汇总 (a verdict per file and project) and 问题清单 (every finding, header
 * frozen, filter on). Both write a new file only: the files read are never opened for writing.
 * Cell text is written as text (exceljs writes a string as a string, never as a formula).
 */

import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { formatWan, type Totals } from '../domain/totals';
import type { Finding, Lang, Severity, TargetTable } from '../domain/types';
import { t } from '../i18n';
import '../i18n/cli';
import {
  annotatePackage,
  listSheets,
  PackageError,
  XlsxPackage,
  type NoteRequest,
  type PackageResult,
  type ReviewSheet,
  type Skipped,
} from './annotate-package';
import { ReadError } from './read-error';
import { inTable, width, type FileResult } from './report';
import { DEFAULT_LIMITS } from './zip-guard';

/** The sheet names SPEC §7 gives, the same whatever the language. */
export const REVIEW_SHEET = '审核意见';
export const SUMMARY_SHEET = '汇总';
export const FINDINGS_SHEET = '问题清单';

const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const HEADER_FILL = 'FFD9E1F2';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8EA9DB' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '宋体';

const s = (lang: Lang, key: string, data?: Record<string, unknown>): string =>
  t(lang, `cli.review.${key}`, data);
const severityLabel = (lang: Lang, severity: Severity): string => t(lang, `cli.severity.${severity}`);

/**
 * The table a finding is about: the one whose cells hold it, else the only one on its sheet, else
 * the one whose rows continued on that sheet it names (table/stray-rows).
 */
export function tableOf(result: FileResult, f: Finding): TargetTable | undefined {
  const onSheet = result.tables.filter((table) => table.sheet === f.sheet);
  return (
    onSheet.find((table) => inTable(f, table)) ??
    (onSheet.length === 1 ? onSheet[0] : undefined) ??
    result.tables.find(
      (table) => table.continuedIn?.sheet === f.sheet && table.continuedIn.cell.cell === f.cell,
    )
  );
}

/** The note a cell gets: each finding on it, `[错误] message`, and the value to write where known. */
function noteText(findings: Finding[], lang: Lang): string {
  return findings
    .map((f) => {
      const head = `[${severityLabel(lang, f.severity)}] ${f.message}`;
      return f.fix ? `${head}\n${s(lang, 'fix', { value: String(f.fix.value) })}` : head;
    })
    .join('\n');
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = BORDER;
  });
  row.height = 22;
}

function styleBody(row: ExcelJS.Row, wrapColumns: number[]): void {
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.font = { name: FONT, size: 10.5 };
    cell.alignment = { vertical: 'top', wrapText: wrapColumns.includes(col) };
    cell.border = BORDER;
  });
}

function severityCell(cell: ExcelJS.Cell, severity: Severity): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[severity] } };
  cell.alignment = { vertical: 'top', horizontal: 'center' };
}

/** Rows of text sized for their wrapped content, roughly (LibreOffice and Excel do not grow them). */
function fitHeight(row: ExcelJS.Row, widths: number[]): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const text = typeof cell.value === 'string' ? cell.value : '';
    const w = widths[col - 1] ?? 10;
    const need = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(width(line) / (w - 1))), 0);
    lines = Math.max(lines, need);
  });
  row.height = Math.min(409, 15 * lines + 4);
}

const PRINT: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:3',
};

/** A new sheet name like `base` among `names` (Excel compares sheet names without case). */
function freeName(names: string[], base: string): string {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}

/** A finding's place in the file's order of tables; findings about no table come first. */
const tableRank = (result: FileResult, table: TargetTable | undefined): number =>
  table ? result.tables.indexOf(table) : -1;

/** The workbook's package lacks what the copy needs: no annotated copy can be written. */
export class UnopenableError extends Error {}

export interface AnnotateResult {
  notes: number;
  sheet: string;
  /** Findings whose cell got no note (a threaded comment is there): on the review sheet only. */
  listOnly: Skipped[];
  /** What the copy cannot keep as in the original (a digital signature). */
  lost: PackageResult['lost'];
}

/** The most the package may hold, inflated: the reader's own bound (src/cli/zip-guard.ts). */
const MAX_PACKAGE_BYTES = DEFAULT_LIMITS.unzippedBytes;

/**
 * The 审核意见 sheet, built by exceljs in a workbook of its own; annotate moves its worksheet into
 * the unit's package (src/cli/annotate-package.ts). Links are returned apart, to be written as Excel
 * writes links inside a workbook.
 */
async function buildReviewSheet(result: FileResult, lang: Lang): Promise<Omit<ReviewSheet, 'name'>> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(REVIEW_SHEET, {
    views: [{ state: 'frozen', ySplit: 3, activeCell: 'A4' }],
    pageSetup: PRINT,
  });
  const findings = result.findings;
  const widths = [6, 18, 10, 26, 8, 60, 16, 26];
  ws.columns = widths.map((width) => ({ width }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  ws.mergeCells(1, 1, 1, widths.length);
  const title = ws.getCell(1, 1);
  title.value = s(lang, 'annotateTitle', { file: result.file });
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, widths.length);
  const summary = ws.getCell(2, 1);
  // No table at all is no pass: the file goes back, as report says (SPEC §7).
  const noTables = result.tables.length === 0;
  const returned = noTables || counts.error > 0;
  const counted = s(lang, 'counts', { errors: counts.error, warnings: counts.warning, infos: counts.info });
  summary.value = noTables
    ? (findings.length ? counted : '') + s(lang, 'noTablesReturn')
    : findings.length === 0
      ? s(lang, 'noFindings')
      : counted + (counts.error > 0 ? s(lang, 'verdictReturn') : s(lang, 'verdictPass'));
  summary.font = { name: FONT, size: 11, color: { argb: returned ? 'FF9C0006' : 'FF006100' } };
  summary.alignment = { vertical: 'middle', wrapText: true };
  const header = ws.getRow(3);
  header.values = ['no', 'sheet', 'cell', 'project', 'severity', 'message', 'fix', 'rule'].map((k) =>
    s(lang, `columns.${k}`),
  );
  styleHeader(header);
  const ordered = findings.map((f) => ({ f, table: tableOf(result, f) }));
  const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  // What must be corrected first, then project by project.
  ordered.sort(
    (a, b) =>
      SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] ||
      tableRank(result, a.table) - tableRank(result, b.table),
  );
  const links: ReviewSheet['links'] = [];
  ordered.forEach(({ f, table }, i) => {
    const row = ws.getRow(4 + i);
    row.values = [
      i + 1,
      f.sheet,
      f.cell,
      table?.name?.text || table?.code?.text || '',
      severityLabel(lang, f.severity),
      f.message,
      f.fix ? String(f.fix.value) : '',
      f.rule,
    ];
    // An internal link: a click goes to the cell (written as Excel writes it, a location).
    links.push({ ref: `C${4 + i}`, sheet: f.sheet, cell: f.cell });
    styleBody(row, [4, 6, 7]);
    row.getCell(1).alignment = { vertical: 'top', horizontal: 'center' };
    row.getCell(3).font = { name: FONT, size: 10.5, color: { argb: 'FF0563C1' }, underline: true };
    severityCell(row.getCell(5), f.severity);
    fitHeight(row, widths);
  });
  const written = XlsxPackage.open(Buffer.from(await workbook.xlsx.writeBuffer()), MAX_PACKAGE_BYTES);
  const part = listSheets(written)[0].part!;
  return {
    sheetXml: written.text(part)!,
    stylesXml: written.text('xl/styles.xml')!,
    sharedStringsXml: written.text('xl/sharedStrings.xml'),
    links,
    printTitles: '$1:$3',
  };
}

/**
 * Reads the workbook at `input` (already checked by the reader's guard) and writes to `out` — refusing
 * (EEXIST) an existing `out` unless `force` — a copy of its package, every part kept as it is, with a
 * note on each finding's cell and the 审核意见 sheet first. `input` itself is only read.
 */
export async function writeAnnotated(
  input: string,
  out: string,
  result: FileResult,
  lang: Lang,
  force: boolean,
): Promise<AnnotateResult> {
  const data = await fs.readFile(input);
  let pkg: XlsxPackage;
  let sheetNames: string[];
  try {
    pkg = XlsxPackage.open(data, MAX_PACKAGE_BYTES);
    sheetNames = listSheets(pkg).map((sh) => sh.name);
  } catch (err) {
    throw new UnopenableError(String(err instanceof Error ? err.message : err).split('\n')[0]);
  }
  const byCell = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const k = `${f.sheet}\u0000${f.cell}`;
    byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  const notes: NoteRequest[] = [...byCell].map(([k, list]) => {
    const [sheet, cell] = k.split('\u0000');
    return { sheet, cell, text: noteText(list, lang) };
  });
  const name = freeName(sheetNames, REVIEW_SHEET);
  const review: ReviewSheet = { name, ...(await buildReviewSheet(result, lang)) };
  let written: PackageResult;
  try {
    written = annotatePackage(pkg, notes, review, {
      author: s(lang, 'reviewNote'),
      separator: `—— ${s(lang, 'reviewNote')} ——`,
      font: FONT,
    });
  } catch (err) {
    if (!(err instanceof PackageError) && !(err instanceof ReadError)) throw err;
    throw new UnopenableError(err.message);
  }
  await fs.writeFile(out, written.data, { flag: force ? 'w' : 'wx' });
  return { notes: written.notes, sheet: name, listOnly: written.skipped, lost: written.lost };
}

export interface ReportRow {
  file: string;
  unit: string;
  sheet: string;
  code: string;
  name: string;
  total: string;
  errors: number;
  warnings: number;
  infos: number;
  pass: boolean;
  /** False for a file without a project (unreadable, or no table): a row to return, not a project. */
  project: boolean;
}

/** One row per file and project; a file without tables (or unreadable) is one row, to be returned. */
export function reportRows(results: FileResult[], totals: Totals, lang: Lang): ReportRow[] {
  const rows: ReportRow[] = [];
  let k = 0;
  for (const r of results) {
    const perTable = new Map<TargetTable | undefined, Finding[]>();
    for (const f of r.findings) {
      const table = tableOf(r, f);
      perTable.set(table, [...(perTable.get(table) ?? []), f]);
    }
    const loose = perTable.get(undefined) ?? [];
    const count = (list: Finding[], sev: Severity): number => list.filter((f) => f.severity === sev).length;
    if (r.tables.length === 0) {
      rows.push({
        file: r.file,
        unit: '',
        sheet: '',
        code: '',
        name: r.error !== undefined ? s(lang, 'unreadableFile') : s(lang, 'noTables'),
        total: '',
        // The file that cannot be read is an error line of 问题清单 (file/unreadable): counted here too.
        errors: count(loose, 'error') + (r.error !== undefined ? 1 : 0),
        warnings: count(loose, 'warning'),
        infos: count(loose, 'info'),
        pass: false,
        project: false,
      });
      continue;
    }
    r.tables.forEach((table, i) => {
      const amounts = totals.tables[k++];
      // Findings about the file as a whole count against its first project.
      const list = [...(perTable.get(table) ?? []), ...(i === 0 ? loose : [])];
      rows.push({
        file: r.file,
        unit: table.reportingUnit ?? '',
        sheet: table.sheet,
        code: table.code?.text ?? '',
        name: table.name?.text || t(lang, 'cli.text.unnamed'),
        total: amounts?.total ? formatWan(amounts.total) : t(lang, 'cli.text.unread'),
        errors: count(list, 'error'),
        warnings: count(list, 'warning'),
        infos: count(list, 'info'),
        pass: count(list, 'error') === 0,
        project: true,
      });
    });
  }
  return rows;
}

/** Writes the batch report to `out` (EEXIST when it exists and not `force`). */
export async function writeReport(
  out: string,
  results: FileResult[],
  totals: Totals,
  lang: Lang,
  force: boolean,
): Promise<{ rows: number; findings: number; passed: number }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'perf-targets';
  const rows = reportRows(results, totals, lang);

  const summary = workbook.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: 'frozen', ySplit: 3, activeCell: 'A4' }],
    pageSetup: PRINT,
  });
  const sWidths = [24, 30, 18, 20, 28, 12, 7, 7, 7, 12];
  summary.columns = sWidths.map((width) => ({ width }));
  summary.mergeCells(1, 1, 1, sWidths.length);
  const title = summary.getCell(1, 1);
  title.value = s(lang, 'reportTitle');
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  summary.getRow(1).height = 28;
  summary.mergeCells(2, 1, 2, sWidths.length);
  const passed = rows.filter((r) => r.pass).length;
  const projects = rows.filter((r) => r.project).length;
  const noProject = rows.length - projects;
  summary.getCell(2, 1).value =
    s(lang, 'reportCounts', { files: results.length, projects, passed, returned: projects - passed }) +
    (noProject > 0 ? s(lang, 'reportNoProject', { count: noProject }) : '');
  summary.getCell(2, 1).font = { name: FONT, size: 11 };
  const sHeader = summary.getRow(3);
  sHeader.values = [
    'file',
    'unit',
    'sheet',
    'code',
    'project',
    'total',
    'errors',
    'warnings',
    'infos',
    'verdict',
  ].map((k) => s(lang, `columns.${k}`));
  styleHeader(sHeader);
  rows.forEach((r, i) => {
    const row = summary.getRow(4 + i);
    row.values = [
      r.file,
      r.unit,
      r.sheet,
      r.code,
      r.name,
      r.total,
      r.errors,
      r.warnings,
      r.infos,
      s(lang, r.pass ? 'pass' : 'return'),
    ];
    styleBody(row, [1, 2, 5]);
    row.getCell(6).alignment = { vertical: 'top', horizontal: 'right' };
    const verdict = row.getCell(10);
    verdict.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: r.pass ? 'FFC6EFCE' : 'FFFFC7CE' } };
    verdict.font = { name: FONT, size: 10.5, bold: true, color: { argb: r.pass ? 'FF006100' : 'FF9C0006' } };
    verdict.alignment = { vertical: 'top', horizontal: 'center' };
    fitHeight(row, sWidths);
  });
  summary.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + rows.length, column: sWidths.length } };

  const list = workbook.addWorksheet(FINDINGS_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }],
    pageSetup: { ...PRINT, printTitlesRow: '1:1' },
  });
  const lWidths = [22, 26, 22, 14, 8, 8, 60, 16, 26];
  list.columns = lWidths.map((width) => ({ width }));
  const lHeader = list.getRow(1);
  lHeader.values = ['file', 'unit', 'project', 'sheet', 'cell', 'severity', 'message', 'fix', 'rule'].map(
    (k) => s(lang, `columns.${k}`),
  );
  styleHeader(lHeader);
  const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  let n = 0;
  for (const r of results) {
    const entries: { severity: Severity; values: ExcelJS.CellValue[] }[] = [];
    if (r.error !== undefined)
      entries.push({
        severity: 'error',
        values: [r.file, '', '', '', '', severityLabel(lang, 'error'), r.error, '', 'file/unreadable'],
      });
    const ordered = r.findings
      .map((f) => ({ f, table: tableOf(r, f) }))
      .sort(
        (a, b) =>
          tableRank(r, a.table) - tableRank(r, b.table) ||
          SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity],
      );
    for (const { f, table } of ordered)
      entries.push({
        severity: f.severity,
        values: [
          r.file,
          table?.reportingUnit ?? '',
          table?.name?.text || table?.code?.text || '',
          f.sheet,
          f.cell,
          severityLabel(lang, f.severity),
          f.message,
          f.fix ? String(f.fix.value) : '',
          f.rule,
        ],
      });
    for (const e of entries) {
      const row = list.getRow(2 + n++);
      row.values = e.values;
      styleBody(row, [1, 2, 3, 7, 8]);
      severityCell(row.getCell(6), e.severity);
      fitHeight(row, lWidths);
    }
  }
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + n, column: lWidths.length } };

  await fs.writeFile(out, Buffer.from(await workbook.xlsx.writeBuffer()), { flag: force ? 'w' : 'wx' });
  return { rows: rows.length, findings: n, passed };
}
