/**
 * A money unit stated once for a section of a Word document (`单位：元` above several tables) counts
 * for every table under it that states none, until another unit is stated — as a unit line does for
 * the tables under it on a sheet (src/domain/reader.ts readGrid). Each Word table is a grid of its
 * own, so the reader is told the unit stated before it (Grid.unitAbove).
 */

import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { docxGrids } from '../../src/cli/read-docx';
import { DEFAULT_LIMITS } from '../../src/cli/zip-guard';
import { analyseGrids } from '../../src/domain/analysis';
import { gridFromRows, type Grid } from '../../src/domain/grid';
import { formatOrNull } from '../../src/domain/totals';
import { docxParts, paragraph, table } from '../fixtures/docx';
import { zipParts } from '../fixtures/xlsx';
import { runCliJson } from './run-cli';

jest.setTimeout(60_000);

type Rows = (string | number | null)[][];

/** A project's table with its amounts as written (in 元 when `yuan`: 1,234,500 元 = 123.45 万元). */
const project = (name: string, budgetLabel = '预算数'): Rows => [
  ['项目名称', name, '项目编码', `X-${name}`],
  [budgetLabel, '1234500', '其中：财政资金', '1000000'],
  ['其他资金', '234500', null, null],
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '补助人数', '≥100人'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'],
];
const wordTable = (rows: Rows): string => table(gridFromRows('t', rows));

const read = (body: string): Grid[] => docxGrids(zipParts(docxParts(body)), DEFAULT_LIMITS);
/** Each table's 预算数 in 万元, in document order. */
const totals = (body: string): (string | null)[] =>
  analyseGrids(read(body)).totals.tables.map((t) => formatOrNull(t.total));

describe('a unit stated once above a section of a Word document', () => {
  test('a 单位：元 paragraph over three tables: all three in 元', () => {
    const body =
      paragraph('单位：元') +
      paragraph('项目绩效目标表') +
      wordTable(project('甲')) +
      paragraph('项目绩效目标表') +
      wordTable(project('乙')) +
      paragraph('（三）丙项目') +
      wordTable(project('丙'));
    expect(totals(body)).toEqual(['123.45', '123.45', '123.45']);
  });

  test('the unit line in the first table’s own first row carries too', () => {
    const first: Rows = [['金额单位：元'], ...project('甲')];
    expect(totals(wordTable(first) + paragraph('项目绩效目标表') + wordTable(project('乙')))).toEqual([
      '123.45',
      '123.45',
    ]);
  });

  test('the unit stated by a label of the first table carries, as on a sheet', () => {
    const first = project('甲', '预算数（元）');
    const asWord = totals(wordTable(first) + paragraph('项目绩效目标表') + wordTable(project('乙')));
    const onSheet = analyseGrids([gridFromRows('s', [...first, [], ...project('乙')])]).totals.tables.map(
      (t) => formatOrNull(t.total),
    );
    expect(asWord).toEqual(['123.45', '123.45']);
    expect(asWord).toEqual(onSheet);
  });

  test('a long paragraph between the unit line and the tables does not undo it', () => {
    const body = paragraph('单位：元') + paragraph('说明'.repeat(100)) + wordTable(project('甲'));
    expect(totals(body)).toEqual(['123.45']);
  });

  test('near miss: another unit stated further down counts from there on', () => {
    const inWan: Rows = [
      ['项目名称', '丁', '项目编码', 'X-丁'],
      ['预算数', '50', '其中：财政资金', '50'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '补助人数', '≥100人'],
    ];
    const body =
      paragraph('单位：元') +
      wordTable(project('甲')) +
      paragraph('单位：万元') +
      wordTable(inWan) +
      paragraph('项目绩效目标表') +
      wordTable(inWan);
    expect(totals(body)).toEqual(['123.45', '50.00', '50.00']);
  });

  test('near miss: a table with a unit line of its own keeps it', () => {
    const own: Rows = [['单位：万元'], ...project('乙')];
    expect(totals(paragraph('单位：元') + wordTable(project('甲')) + wordTable(own))).toEqual([
      '123.45',
      '1234500.00',
    ]);
  });

  test('near miss: a document that states no unit stays in 万元', () => {
    const body = paragraph('项目绩效目标表') + wordTable(project('甲')) + wordTable(project('乙'));
    expect(totals(body)).toEqual(['1234500.00', '1234500.00']);
    expect(read(body).every((g) => g.unitAbove === undefined)).toBe(true);
  });

  test('through perf-targets: the second table’s total is 123.45, not 1234500.00', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-docx-units-'));
    try {
      const body =
        paragraph('单位：元') +
        wordTable(project('甲')) +
        paragraph('项目绩效目标表') +
        wordTable(project('乙'));
      await fs.writeFile(path.join(dir, 'section.docx'), zipParts(docxParts(body)));
      const { doc } = await runCliJson(dir, 'totals', 'section.docx');
      expect(doc.files[0].tables.map((t) => t.budget.total)).toEqual(['123.45', '123.45']);
      expect(doc.totals.total).toBe('246.90');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
