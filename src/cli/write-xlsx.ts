/** The standard table (src/domain/layout.ts) written to an .xlsx file with exceljs: `perf-targets template`. */

import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { columnLetters, parseRangeA1, quoteSheet, toA1 } from '../domain/address';
import {
  buildTemplate,
  LIST_SHEET,
  sheetNameFor,
  type TemplateCell,
  type TemplateSpec,
} from '../domain/layout';
import type { ProfileId } from '../domain/types';

export interface TemplateFileOptions {
  profile: ProfileId;
  /** Number of project sheets, one table each. */
  projects: number;
  unitCode?: string;
  unitName?: string;
  /** The budget year in the title (`2026年度项目绩效目标表`). */
  year?: string;
  /** The signature line under each table. */
  signature?: boolean;
  /** Replace an existing file; without it an existing file is left alone (EEXIST). */
  force?: boolean;
}

/** `207002某某单位` → code `207002`, name `某某单位`: the leading digits are the unit's code. */
export function parseUnit(unit: string): { unitCode: string; unitName: string } {
  const m = /^\s*([0-9０-９]*)\s*(.*?)\s*$/s.exec(unit) as RegExpExecArray;
  const unitCode = m[1].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return { unitCode, unitName: m[2] };
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function applyCell(ws: ExcelJS.Worksheet, spec: TemplateCell, isMaster: boolean): void {
  const cell = ws.getCell(spec.row + 1, spec.col + 1);
  if (isMaster && spec.value !== undefined && spec.value !== '') cell.value = spec.value;
  const s = spec.style;
  cell.numFmt = spec.numberFormat;
  cell.font = {
    name: s.font ?? '宋体',
    size: s.fontSize ?? 11,
    bold: s.bold ?? false,
    // GB2312: Excel and WPS pick the Chinese face even where 宋体 is missing.
    charset: 134,
  };
  cell.alignment = {
    horizontal: s.horizontal ?? 'left',
    vertical: s.vertical === 'top' ? 'top' : 'middle',
    wrapText: s.wrap ?? false,
    ...(s.indent ? { indent: s.indent } : {}),
  };
  if (s.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  cell.protection = { locked: spec.locked };
}

function writeTable(ws: ExcelJS.Worksheet, spec: TemplateSpec): void {
  for (const m of spec.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const slaves = new Set<string>();
  for (const m of spec.merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) slaves.add(`${r}:${c}`);
  }
  for (const cell of spec.cells) applyCell(ws, cell, !slaves.has(`${cell.row}:${cell.col}`));
  for (const cell of spec.extraCells) applyCell(ws, cell, true);
  spec.columnWidths.forEach((w, i) => {
    ws.getColumn(spec.left + 1 + i).width = w;
  });
  for (const { row, height } of spec.rowHeights) ws.getRow(row + 1).height = height;
  // The page is the table and what stands under it (the signature line): it must print too.
  const bottom = Math.max(spec.bottom, ...spec.extraCells.map((cell) => cell.row));
  // exceljs puts a `$` before each part it is given: `A$1:G$18` becomes `$A$1:$G$18`.
  ws.pageSetup.printArea = `${columnLetters(spec.left)}$${spec.top + 1}:${columnLetters(spec.right)}$${bottom + 1}`;
  for (const dv of spec.dataValidations) {
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [dv.list.replace(/^=/, '')],
      showErrorMessage: dv.showErrorAlert,
      ...(dv.prompt ? { showInputMessage: true, prompt: dv.prompt } : {}),
    };
    // Set per cell (the typed API); exceljs joins equal neighbours back into one range when writing.
    const r = parseRangeA1(dv.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) ws.getCell(row + 1, col + 1).dataValidation = validation;
  }
  spec.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [cf.formula.replace(/^=/, '')],
          style: {
            fill: {
              type: 'pattern',
              pattern: 'solid',
              fgColor: { argb: argb(cf.fill) },
              bgColor: { argb: argb(cf.fill) },
            },
          },
        },
      ],
    });
  });
}

/** The hidden sheet with one column per dropdown list, each behind its workbook-level defined name. */
function writeLists(workbook: ExcelJS.Workbook, lists: TemplateSpec['lists']): void {
  const ws = workbook.addWorksheet(LIST_SHEET, { state: 'hidden' });
  const sheet = quoteSheet(LIST_SHEET);
  lists.forEach((list, i) => {
    const col = columnLetters(i);
    list.values.forEach((v, r) => {
      ws.getCell(r + 1, i + 1).value = v;
    });
    ws.getColumn(i + 1).width = 24;
    workbook.definedNames.add(`${sheet}!$${col}$1:$${col}$${Math.max(1, list.values.length)}`, list.name);
  });
}

/** A workbook with `projects` blank standard tables, one per sheet, ready to fill. */
export function buildTemplateWorkbook(options: TemplateFileOptions): {
  workbook: ExcelJS.Workbook;
  sheets: string[];
} {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'perf-targets';
  const sheets: string[] = [];
  let lists: TemplateSpec['lists'] = [];
  for (let i = 0; i < options.projects; i++) {
    const name = sheetNameFor('', sheets);
    const spec = buildTemplate({
      profile: options.profile,
      unitCode: options.unitCode,
      unitName: options.unitName,
      ...(options.year ? { year: options.year } : {}),
      ...(options.signature ? { signature: true } : {}),
    });
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
      views: [{ state: 'normal', activeCell: spec.roles.code ?? toA1(spec.top, spec.left) }],
    });
    writeTable(ws, spec);
    sheets.push(name);
    lists = spec.lists;
  }
  writeLists(workbook, lists);
  return { workbook, sheets };
}

/** Writes the template to `path`; refuses (EEXIST) to replace an existing file unless `force`. */
export async function writeTemplateXlsx(
  path: string,
  options: TemplateFileOptions,
): Promise<{ sheets: string[] }> {
  const { workbook, sheets } = buildTemplateWorkbook(options);
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  await fs.writeFile(path, data, { flag: options.force ? 'w' : 'wx' });
  return { sheets };
}
