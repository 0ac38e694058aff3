import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { LIST_SHEET } from '../../src/domain/layout';
import { readWorkbook } from '../../src/domain/reader';
import { readXlsx } from '../../src/cli/read-xlsx';
import { parseUnit, writeTemplateXlsx } from '../../src/cli/write-xlsx';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-write-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function load(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

describe('parseUnit', () => {
  it('splits the leading code digits from the unit name', () => {
    expect(parseUnit('207002某某单位')).toEqual({ unitCode: '207002', unitName: '某某单位' });
    expect(parseUnit(' ２０７００２ 中国共产党临西县委员会信访局 ')).toEqual({
      unitCode: '207002',
      unitName: '中国共产党临西县委员会信访局',
    });
    expect(parseUnit('某某单位')).toEqual({ unitCode: '', unitName: '某某单位' });
  });
});

describe('template workbook (hebei-2019, one project)', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  const p = (): string => path.join(dir, 'one.xlsx');
  beforeAll(async () => {
    await writeTemplateXlsx(p(), {
      profile: 'hebei-2019',
      projects: 1,
      unitCode: '207002',
      unitName: '某某单位',
    });
    wb = await load(p());
    ws = wb.worksheets[0];
  });

  it('has the labels and the unit line where SPEC §1 puts them', () => {
    const at = (a: string) => ws.getCell(a).value;
    expect(ws.name).toBe('项目1');
    expect(at('A1')).toBe('项目绩效目标表');
    expect(at('A2')).toBe('207002某某单位');
    expect(at('F2')).toBe('单位：万元');
    expect([at('A3'), at('D3')]).toEqual(['项目编码', '项目名称']);
    expect([at('A4'), at('B4'), at('D4'), at('F4')]).toEqual([
      '预算规模及资金用途',
      '预算数',
      '其中：财政资金',
      '其他资金',
    ]);
    expect([at('A6'), at('B6'), at('C6'), at('D6'), at('E6')]).toEqual([
      '资金支出计划（%）',
      '3月底',
      '6月底',
      '10月底',
      '12月底',
    ]);
    expect(at('A8')).toBe('绩效目标');
    expect([at('A9'), at('B9'), at('C9'), at('D9'), at('F9'), at('G9')]).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '绩效指标描述',
      '指标值',
      '指标值确定依据',
    ]);
    const rows = [];
    for (let r = 10; ws.getCell(`A${r}`).value; r++) rows.push([at(`A${r}`), at(`B${r}`)]);
    expect(rows).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['产出指标', '时效指标'],
      ['产出指标', '成本指标'],
      ['效果指标', '经济效益指标'],
      ['效果指标', '社会效益指标'],
      ['效果指标', '生态效益指标'],
      ['效果指标', '可持续影响指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
  });

  it('merges the cells SPEC §1 merges', () => {
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    for (const m of [
      'A1:G1',
      'A2:E2',
      'F2:G2',
      'B3:C3',
      'E3:G3',
      'A4:A5',
      'B5:G5',
      'A6:A7',
      'F6:G7',
      'B8:G8',
      'D9:E9',
      'D10:E10',
      'D18:E18',
    ]) {
      expect(merges).toContain(m);
    }
    expect(ws.getCell('B3').isMerged && ws.getCell('C3').master.address).toBe('B3');
  });

  it('formats money and plan as 0.00 and every text input as text', () => {
    for (const a of ['C4', 'E4', 'G4', 'B7', 'C7', 'D7', 'E7']) expect(ws.getCell(a).numFmt).toBe('0.00');
    for (const a of ['B3', 'E3', 'B5', 'B8', 'C10', 'F10', 'G10', 'F18'])
      expect(ws.getCell(a).numFmt).toBe('@');
  });

  it('locks labels and unlocks inputs, with sheet protection off', () => {
    for (const a of ['A1', 'A3', 'B4', 'A9', 'F9']) expect(ws.getCell(a).protection?.locked).not.toBe(false);
    for (const a of ['B3', 'E3', 'C4', 'B7', 'B8', 'C10', 'F10', 'G18'])
      expect(ws.getCell(a).protection?.locked).toBe(false);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBeFalsy();
  });

  it('prints on A4 portrait, one page wide, centred, and borders every cell of the table, not the title', () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printArea: 'A1:G18',
    });
    // The title and the unit line stand above the table, unbordered (SPEC §1).
    expect(ws.getCell('A1').border?.top).toBeUndefined();
    for (const a of ['A3', 'C3', 'G7', 'E18', 'G18']) {
      const b = ws.getCell(a).border;
      expect([b?.top?.style, b?.left?.style, b?.bottom?.style, b?.right?.style]).toEqual([
        'thin',
        'thin',
        'thin',
        'thin',
      ]);
    }
    expect(ws.getCell('A3').font).toMatchObject({ name: '宋体', bold: true });
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', bold: true, size: 16 });
    expect(ws.getCell('B8').alignment?.wrapText).toBe(true);
    expect(ws.getColumn(3).width).toBeGreaterThan(ws.getColumn(1).width as number);
    expect(ws.getRow(8).height).toBeGreaterThan(ws.getRow(3).height);
  });

  it('prints the signature line under the table when it is asked for', async () => {
    const signed = path.join(dir, 'signed.xlsx');
    await writeTemplateXlsx(signed, { profile: 'hebei-2019', projects: 1, year: '2026', signature: true });
    const sheet = (await load(signed)).worksheets[0];
    expect(sheet.getCell('A19').text).toMatch(/^填报人：/);
    expect(sheet.pageSetup.printArea).toBe('A1:G19');
  });

  it('offers 一级, dependent 二级 and 依据 dropdowns, with error alerts off', () => {
    const l1 = ws.getCell('A10').dataValidation;
    const l2 = ws.getCell('B18').dataValidation;
    const basis = ws.getCell('G12').dataValidation;
    expect(l1).toMatchObject({ type: 'list', formulae: ['hebei_2019_一级指标'] });
    expect(l2.type).toBe('list');
    // Written once for B10:B18, relative to B10: Excel shifts `$A10` to `$A18` for B18.
    expect(l2.formulae[0]).toMatch(/^INDIRECT\("hebei_2019_"&.*\$A10\b/);
    expect(basis).toMatchObject({ type: 'list', formulae: ['basis_suggestions'] });
    for (const dv of [l1, l2, basis]) expect(dv.showErrorMessage).toBeFalsy();
  });

  it('keeps the lists on a hidden sheet behind defined names, and marks that sheet as the add-in’s', async () => {
    const lists = wb.getWorksheet(LIST_SHEET) as ExcelJS.Worksheet;
    expect(lists.state).toBe('hidden');
    const names = wb.definedNames.model as { name: string; ranges: string[] }[];
    const valuesOf = (name: string): unknown[] => {
      const entry = names.find((n) => n.name === name);
      expect(entry).toBeDefined();
      const ref = (entry as { ranges: string[] }).ranges[0].split('!')[1].replace(/\$/g, '');
      const [a, b] = ref.split(':');
      const col = a.replace(/\d+/g, '');
      const out = [];
      for (let r = Number(a.replace(/\D+/g, '')); r <= Number((b ?? a).replace(/\D+/g, '')); r++) {
        out.push(lists.getCell(`${col}${r}`).value);
      }
      return out;
    };
    expect(valuesOf('hebei_2019_一级指标')).toEqual(['产出指标', '效果指标', '满意度指标']);
    expect(valuesOf('hebei_2019_产出指标')).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    expect(valuesOf('basis_suggestions')).toContain('计划标准');
    const grids = await readXlsx(p());
    expect(grids.find((g) => g.sheet === LIST_SHEET)?.internal).toBe(true);
  });

  it('carries the template’s own highlighting rules as conditional formats', () => {
    const cfs = (
      ws as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: { type: string; formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[];
        }[];
      }
    ).conditionalFormattings;
    const byRef = (ref: string) => cfs.filter((c) => c.ref === ref).flatMap((c) => c.rules);
    expect(byRef('B7:E7').length).toBeGreaterThanOrEqual(2);
    expect(byRef('E7').some((r) => /100/.test(r.formulae[0]))).toBe(true);
    expect(byRef('C4').some((r) => /C4/.test(r.formulae[0]) && /E4/.test(r.formulae[0]))).toBe(true);
    expect(byRef('F10:F18').length).toBeGreaterThanOrEqual(1);
    for (const c of cfs)
      for (const r of c.rules) {
        expect(r.type).toBe('expression');
        expect(r.style.fill.bgColor.argb).toBe('FFFFC7CE');
      }
  });

  it('reads back as one empty table at A1:G18 that takes the unit line', async () => {
    const tables = readWorkbook(await readXlsx(p()));
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect(t.sheet).toBe('项目1');
    expect(t.range).toBe('A1:G18');
    expect(t.code?.cell).toBe('B3');
    expect(t.name?.cell).toBe('E3');
    expect(t.budget.total?.cell).toBe('C4');
    expect(t.plan.map((f) => f.cell)).toEqual(['B7', 'C7', 'D7', 'E7']);
    expect(t.indicators).toHaveLength(9);
    expect(t.indicators.every((i) => i.name.text === '' && i.valueText === '')).toBe(true);
    expect(t.reportingUnit).toBe('207002某某单位');
  });
});

describe('template options', () => {
  it('writes one sheet per project, with the profile’s own tree', async () => {
    const p = path.join(dir, 'three.xlsx');
    const { sheets } = await writeTemplateXlsx(p, { profile: 'mof-2021', projects: 3 });
    expect(sheets).toEqual(['项目1', '项目2', '项目3']);
    const wb = await load(p);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目1', '项目2', '项目3', LIST_SHEET]);
    const ws = wb.getWorksheet('项目3') as ExcelJS.Worksheet;
    const level1 = new Set<unknown>();
    for (let r = 10; ws.getCell(`A${r}`).value; r++) level1.add(ws.getCell(`A${r}`).value);
    expect([...level1]).toEqual(['产出指标', '成本指标', '效益指标', '满意度指标']);
    expect(ws.getCell('A2').value).toBeNull();
    expect(readWorkbook(await readXlsx(p)).map((t) => [t.sheet, t.profile])).toEqual([
      ['项目1', 'mof-2021'],
      ['项目2', 'mof-2021'],
      ['项目3', 'mof-2021'],
    ]);
  });

  it('refuses to replace an existing file unless forced', async () => {
    const p = path.join(dir, 'exists.xlsx');
    await fs.writeFile(p, 'keep me');
    await expect(writeTemplateXlsx(p, { profile: 'hebei-2019', projects: 1 })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await fs.readFile(p, 'utf8')).toBe('keep me');
    await writeTemplateXlsx(p, { profile: 'hebei-2019', projects: 1, force: true });
    expect((await readXlsx(p)).map((g) => g.sheet)).toEqual(['项目1', LIST_SHEET]);
  });
});
