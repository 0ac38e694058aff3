/**
 * The generated 自评表's score formulas read an 实际完成值 as the domain does (SPEC §12: the sheet
 * scores itself, with the same numbers): units of the same quantity converted, units that are not
 * the same quantity and bare fractions that could be a rate or a percent left unscored.
 */

import Big from 'big.js';
import { parseA1 } from '../../../src/domain/address';
import { readGrid } from '../../../src/domain/reader';
import { buildSelfEvalSheet, evaluateSelf, selfEvalGrid, UNSCORABLE } from '../../../src/domain/selfeval';
import { SimWorkbook } from '../../../src/sim';
import { templateGrid } from '../../fixtures/table-builder';

/** The formula's score and the domain's for one target and the actual value typed for it. */
function scored(target: string, actual: string, name = '指标1'): { sheet: string; domain: string } {
  const [table] = readGrid(
    templateGrid('目标', {
      name: '测试项目',
      total: 10,
      fiscal: 10,
      indicators: [{ level1: '产出指标', level2: '数量指标', name, value: target }],
    }),
  );
  if (!table) throw new Error('no target table');
  const spec = buildSelfEvalSheet(table, { year: 2024 });
  const grid = selfEvalGrid(spec, '自评');
  const row = spec.cellsOf.rows[0];
  if (!row) throw new Error('no indicator row');
  const { row: r, col } = parseA1(row.actual);
  (grid.cells[r] ??= [])[col] = { value: actual, numberFormat: '@' };
  const sim = SimWorkbook.fromGrids([grid]);
  const [read] = readGrid(sim.toGrid('自评'));
  if (!read) throw new Error('the sheet was not read back');
  const score = evaluateSelf(read).indicators[0]?.score;
  const v = sim.getCell('自评', row.score).value;
  return {
    sheet: typeof v === 'number' ? new Big(v).toFixed(2) : String(v),
    domain: score ? score.toFixed(2) : UNSCORABLE,
  };
}

describe('the score formula and the domain agree', () => {
  test.each([
    ['≤50万元', '480000元', '50.00'],
    ['≤50万元', '520000元', '48.00'],
    ['≤50万元', '48万', '50.00'],
    ['≤50万元', '52万元', '48.00'],
    ['≥1.5万人次', '12000人次', '40.00'],
    ['≥16000人次', '1.2万人次', '37.50'],
    ['≥10次', '8场', '40.00'],
    ['≥5公里', '4000m', '40.00'],
    ['≥100人', '80名', '40.00'],
  ])('%s with %s: %s', (target, actual, score) => {
    expect(scored(target, actual)).toEqual({ sheet: score, domain: score });
  });

  test.each([
    ['≤3天', '3个工作日'],
    ['≥100人', '120人次'],
    ['≥95%', '0.98'],
    ['≥95%', '1'],
    ['≥0.5%', '0.3'],
  ])('%s with %s: not scored', (target, actual) => {
    expect(scored(target, actual)).toEqual({ sheet: UNSCORABLE, domain: UNSCORABLE });
  });

  test.each([
    ['≤5%', '0.03', '50.00'],
    ['≥95%', '0.98%', '0.52'],
    ['≥95%', '96', '50.00'],
    ['≥0%', '0', '50.00'],
  ])('near miss %s with %s: %s', (target, actual, score) => {
    expect(scored(target, actual)).toEqual({ sheet: score, domain: score });
  });

  // A target written without a unit (red-team r3a R3A-1): under a rate's name it is a percent; else a
  // percent typed against it is scored only where its two readings agree.
  test.each([
    ['100', '100%', '工程完工率', '50.00'],
    ['100', '90%', '工程完工率', '45.00'],
    ['100', '96', '工程完工率', '48.00'],
    ['100', '0.98', '工程完工率', UNSCORABLE],
    ['0.95', '98%', '培训合格率', '50.00'],
    ['0.95', '90%', '培训合格率', UNSCORABLE],
    ['100', '100%', '指标1', '50.00'],
    ['100', '90%', '指标1', '45.00'],
    ['50', '90%', '指标1', UNSCORABLE],
    ['50', '40', '指标1', '40.00'],
    ['100', '100%', '培训人数', UNSCORABLE],
  ])('bare target %s with %s under %s: %s', (target, actual, name, score) => {
    expect(scored(target, actual, name)).toEqual({ sheet: score, domain: score });
  });
});
