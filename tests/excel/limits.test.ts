/**
 * Every formula the add-in writes stays within Excel's limits (src/sim/limits.ts): a cell formula
 * at most 8,192 characters, text constants at most 255, functions nested at most 64 deep; a data
 * validation's list or formula at most 255 characters. The simulator refuses what Excel refuses, so
 * the operations must succeed on the largest inputs the add-in can meet; every formula they left is
 * then measured too, so that a formula close to a limit shows here before it fails in Excel.
 */

import { toA1 } from '../../src/domain/address';
import { parseFormula } from '../../src/sim/formula/parser';
import { EXCEL_LIMITS, checkFormulaLimits } from '../../src/sim/limits';
import { PROFILE_IDS } from '../../src/domain/taxonomy';
import type { SimWorkbook } from '../../src/sim';
import { SEED_TABLES } from '../fixtures/seed-data';
import { templateGrid } from '../fixtures/table-builder';
import { open } from './sim-workbooks';

/** Every formula on every sheet: cells, conditional formats, data validation sources, names. */
function formulas(sim: SimWorkbook): { where: string; formula: string; validation?: boolean }[] {
  const out: { where: string; formula: string; validation?: boolean }[] = [];
  for (const sheet of sim.sheetNames()) {
    const used = sim.usedRange(sheet);
    if (used)
      for (let r = used.top; r <= used.bottom; r++)
        for (let c = used.left; c <= used.right; c++) {
          const address = toA1(r, c);
          const f = sim.getCell(sheet, address).formula;
          if (f) out.push({ where: `${sheet}!${address}`, formula: f });
        }
    for (const cf of sim.conditionalFormats(sheet))
      out.push({ where: `${sheet} CF ${cf.range}`, formula: cf.formula });
    for (const dv of sim.dataValidations(sheet))
      out.push({ where: `${sheet} DV ${dv.range}`, formula: dv.source, validation: true });
  }
  for (const n of sim.names()) out.push({ where: `name ${n.name}`, formula: n.formula });
  return out;
}

function expectWithinLimits(sim: SimWorkbook): number {
  const all = formulas(sim);
  for (const { where, formula, validation } of all) {
    if (validation)
      expect(`${where}: ${formula.length}`).toBe(
        `${where}: ${Math.min(formula.length, EXCEL_LIMITS.validationFormula)}`,
      );
    if (!formula.startsWith('=')) continue;
    expect(() => checkFormulaLimits(formula, parseFormula(formula))).not.toThrow();
  }
  return all.length;
}

/** A sheet name of Excel's maximum length, 31 characters, Chinese. */
const longName = (i: number) =>
  `项目${String(i).padStart(3, '0')}${'某某县人民政府办公室信访接待中心运行经费'.repeat(2)}`.slice(0, 31);

describe("the formulas the add-in writes, within Excel's limits", () => {
  it.each(PROFILE_IDS)('插入模板 (%s), 校验 marks and their rules, the dropdowns', async (profile) => {
    const { sim, bench } = await open([templateGrid('Sheet1', SEED_TABLES[5])]);
    const { sheet } = await bench.insertTemplate({
      profile,
      unitCode: '207002',
      unitName: '中国共产党某某县委员会信访局'.repeat(5),
      projectName: '某某县人民政府办公室信访接待中心运行经费补助项目'.repeat(2),
    });
    sim.setValue(sheet, 'B3', 'X'.repeat(300));
    await bench.validate();
    expect(expectWithinLimits(sim)).toBeGreaterThan(10);
  });

  it('汇总 over 200 projects on sheets with 31-character names', async () => {
    const grids = Array.from({ length: 200 }, (_, i) =>
      templateGrid(longName(i), { ...SEED_TABLES[i % 6], code: `C-${i}` }),
    );
    expect(grids.every((g) => g.sheet.length === 31)).toBe(true);
    const { sim, bench } = await open(grids);
    await bench.writeSummary();
    expect(expectWithinLimits(sim)).toBeGreaterThan(200);
  }, 120_000);
});
