/**
 * The same src/excel code under office-addin-mock: an ExcelApi 1.4 host whose ranges refuse to
 * give data that was not loaded and synced. Reading the seed workbook and fixing a cell.
 */

import { createWorkbench } from '../../src/excel';
import type { Grid } from '../../src/domain/grid';
import type { Finding } from '../../src/domain/types';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { mockWorkbook } from './mock-excel';

function setup(grids: Grid[] = seedStandardGrids()) {
  const wb = mockWorkbook(grids);
  const bench = createWorkbench(wb.excel, wb.office, { lang: 'zh-CN' });
  return { wb, bench };
}

describe('src/excel under office-addin-mock (ExcelApi 1.4)', () => {
  it('detects a 1.4 host: no marks, dropdowns, events or sheet markers', () => {
    const { bench } = setup();
    expect(bench.capabilities).toEqual({
      conditionalFormats: false,
      dataValidation: false,
      events: false,
      sheetCustomProperties: false,
    });
  });

  it('reads every project of the seed with its totals and findings, in one round trip once the sheets are known', async () => {
    const { wb, bench } = setup();
    const state = await bench.refresh();
    expect(state.tables.map((t) => t.code?.text)).toEqual([
      '207-0401-YBN-3HDD',
      '207-0401-YBN-TK6U',
      '207-0401-YBN-5ST4',
      '207-0401-YBN-UQZG',
      expect.any(String),
      expect.any(String),
    ]);
    expect(state.totals.total).toBe('102.00');
    expect(state.totals.planned).toEqual(['17.60', '41.50', '69.55', '102.00']);
    const noComparator = state.findings.find((f) => f.rule === 'indicator/no-comparator');
    expect(noComparator).toMatchObject({ sheet: '疑难信访资金', fix: { value: '≥75%' } });
    // The first read learns the sheet list, then reads them; from then on the list and contents come together.
    expect(wb.syncs()).toBe(2);
    await bench.refresh();
    expect(wb.syncs()).toBe(3);
  });

  it('writes a fix into its own cell only, and undoes it while the cell still holds the fix', async () => {
    const { wb, bench } = setup();
    const state = await bench.refresh();
    const finding = state.findings.find((f) => f.rule === 'indicator/no-comparator') as Finding;
    const before = wb.syncs();
    const applied = await bench.applyFix(finding);
    expect(wb.syncs() - before).toBe(2);
    expect(applied).toMatchObject({
      sheet: '疑难信访资金',
      cell: finding.cell,
      before: { value: '75%' },
      after: '≥75%',
    });
    // A 指标值 cell is already text: the format is left alone.
    expect(applied.before.numberFormat).toBeUndefined();
    expect(wb.cell('疑难信访资金', finding.cell).values).toEqual([['≥75%']]);

    await expect(bench.undoFix(applied)).resolves.toBe('undone');
    expect(wb.cell('疑难信访资金', finding.cell).values).toEqual([['75%']]);
  });

  it('keeps text that Excel would convert as text, and puts the cell format back on undo', async () => {
    const { wb, bench } = setup();
    await bench.refresh();
    const finding: Finding = {
      rule: 'test/percent-text',
      severity: 'warning',
      sheet: '群众工作中心运行',
      cell: 'C4',
      message: '',
      messageId: 'x',
      data: {},
      fix: { sheet: '群众工作中心运行', cell: 'C4', value: '20%' },
    };
    const applied = await bench.applyFix(finding);
    expect(applied.before).toEqual({ value: 10, numberFormat: '0.00' });
    expect(wb.cell('群众工作中心运行', 'C4')).toMatchObject({ values: [['20%']], numberFormat: [['@']] });
    await expect(bench.undoFix(applied)).resolves.toBe('undone');
    expect(wb.cell('群众工作中心运行', 'C4')).toMatchObject({ values: [[10]], numberFormat: [['0.00']] });
  });

  it('does not undo over a cell the user has changed since', async () => {
    const { wb, bench } = setup();
    const state = await bench.refresh();
    const finding = state.findings.find((f) => f.rule === 'indicator/no-comparator') as Finding;
    const applied = await bench.applyFix(finding);
    wb.cell('疑难信访资金', finding.cell).values = [['≥80%']];
    await expect(bench.undoFix(applied)).resolves.toBe('changed');
    expect(wb.cell('疑难信访资金', finding.cell).values).toEqual([['≥80%']]);
  });
});
