/**
 * `perf-targets selfeval <file>… --out 自评表.xlsx` (SPEC §12): for every target table in the files,
 * its 项目支出绩效自评表 on a sheet of its own, with live formulas for 执行率, each 得分, 总分 and 等级,
 * written with exceljs. An existing file is never replaced unless `--force` says so.
 */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parseRangeA1 } from '../domain/address';
import { analyseGrids } from '../domain/analysis';
import type { Grid } from '../domain/grid';
import {
  buildSelfEvalSheet,
  selfEvalSheetName,
  type SelfEvalSheetSpec,
  type SheetCell,
} from '../domain/selfeval/sheet';
import type { Lang, ProfileChoice } from '../domain/types';
import { t } from '../i18n';
import '../i18n/cli';
import { collectTargets } from './files';
import { readXlsx } from './read-xlsx';
import { printable } from './report';
import { XlsxReadError } from './zip-guard';

export interface SelfEvalCliOptions {
  out: string;
  force: boolean;
  profile: ProfileChoice;
  lang: Lang;
  /** The year of the evaluation for tables whose title names none. */
  year: number;
}

interface Io {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  cwd: string;
}

const PROGRAM = 'perf-targets';
const EXIT_USAGE = 2;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function writeCell(ws: ExcelJS.Worksheet, spec: SheetCell, master: boolean): void {
  const cell = ws.getCell(spec.row + 1, spec.col + 1);
  if (master) {
    if (spec.formula) cell.value = { formula: spec.formula.replace(/^=/, '') };
    else if (spec.value !== undefined && spec.value !== '') cell.value = spec.value;
  }
  const s = spec.style;
  cell.numFmt = spec.numberFormat;
  cell.font = { name: s.font ?? '宋体', size: s.fontSize ?? 11, bold: s.bold ?? false, charset: 134 };
  cell.alignment = {
    horizontal: s.horizontal ?? 'left',
    vertical: s.vertical === 'top' ? 'top' : 'middle',
    wrapText: s.wrap ?? false,
  };
  if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  cell.protection = { locked: spec.locked };
}

function writeSheet(workbook: ExcelJS.Workbook, name: string, spec: SelfEvalSheetSpec): void {
  const ws = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: spec.print.orientation,
      fitToPage: true,
      fitToWidth: spec.print.fitToWidth,
      fitToHeight: spec.print.fitToHeight,
      horizontalCentered: spec.print.centerHorizontally,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
  });
  for (const m of spec.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const slaves = new Set<string>();
  for (const m of spec.merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slaves.add(`${r}:${c}`);
  for (const cell of spec.cells) writeCell(ws, cell, !slaves.has(`${cell.row}:${cell.col}`));
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const { row, height } of spec.rowHeights) ws.getRow(row + 1).height = height;
  const range = parseRangeA1(spec.range);
  ws.pageSetup.printArea = `A$1:${spec.range.split(':')[1]?.replace(/(\d+)$/, '$$$1') ?? ''}`;
  for (const dv of spec.dataValidations) {
    const r = parseRangeA1(dv.range);
    for (let row = r.top; row <= Math.min(r.bottom, range.bottom); row++)
      for (let col = r.left; col <= r.right; col++)
        ws.getCell(row + 1, col + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${dv.values.join(',')}"`],
          showErrorMessage: true,
        };
  }
}

function readError(lang: Lang, err: unknown): string {
  if (err instanceof XlsxReadError) return t(lang, `cli.read.${err.code}`, err.data);
  const message = err instanceof Error ? err.message : String(err);
  return t(lang, 'cli.read.unexpected', { message: printable(message.split('\n')[0] ?? '') });
}

/** Runs `selfeval`: resolves to the exit code (0 written, 1 no target table, 2 a path or the output failed). */
export async function selfevalCommand(paths: string[], options: SelfEvalCliOptions, io: Io): Promise<number> {
  const { lang } = options;
  const grids: Grid[] = [];
  let unreadable = 0;
  for (const item of await collectTargets(paths, io.cwd)) {
    try {
      if ('error' in item) throw item.error;
      grids.push(...(await readXlsx(item.absolute)));
    } catch (err) {
      unreadable++;
      io.stderr.write(`${PROGRAM}: ${printable(item.display)}: ${readError(lang, err)}\n`);
    }
  }
  const { tables } = analyseGrids(grids, { lang, profile: options.profile }).state;
  const targets = tables.filter((table) => table.form === 'target');
  if (targets.length === 0) {
    io.stderr.write(`${PROGRAM}: ${t(lang, 'cli.selfeval.noTargets')}\n`);
    return unreadable > 0 ? EXIT_USAGE : 1;
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = PROGRAM;
  // Excel, WPS and LibreOffice compute the formulas when the file opens: it carries no results.
  workbook.calcProperties = { fullCalcOnLoad: true };
  const sheets: string[] = [];
  for (const table of targets) {
    const name = selfEvalSheetName(table.name?.text ?? '', sheets);
    writeSheet(workbook, name, buildSelfEvalSheet(table, { year: options.year }));
    sheets.push(name);
  }
  const target = path.resolve(io.cwd, options.out);
  try {
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    await fs.writeFile(target, data, { flag: options.force ? 'w' : 'wx' });
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
    const message =
      code === 'EEXIST'
        ? t(lang, 'cli.template.exists')
        : t(lang, 'cli.template.failed', {
            message: printable(String(err instanceof Error ? err.message : err).split('\n')[0] ?? ''),
          });
    io.stderr.write(`${PROGRAM}: ${printable(options.out)}: ${message}\n`);
    return EXIT_USAGE;
  }
  io.stdout.write(
    t(lang, 'cli.selfeval.written', { file: options.out, count: sheets.length, sheets: sheets.join('、') }) +
      '\n',
  );
  return unreadable > 0 ? EXIT_USAGE : 0;
}
