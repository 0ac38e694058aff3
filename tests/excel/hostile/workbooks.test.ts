/**
 * SPEC §8 on the simulator, with the workbook misbehaving under the add-in: text that looks like a
 * formula, sheets protected or deleted in the middle of an operation, a co-author typing while the
 * add-in works, two hundred sheets. Each operation either does its job or says clearly why not, and
 * no cell the user or a co-author typed is ever lost.
 */

import { toA1 } from '../../../src/domain/address';
import type { Grid } from '../../../src/domain/grid';
import { SUMMARY_HEADER_ROW } from '../../../src/domain/layout';
import type { Finding } from '../../../src/domain/types';
import { seedStandardGrids } from '../../fixtures/seed-grids';
import { SEED_TABLES } from '../../fixtures/seed-data';
import { templateGrid } from '../../fixtures/table-builder';
import { open, projectGrids, roundTrips, snapshot } from '../sim-workbooks';
import type { SimWorkbook } from '../../../src/sim';

/** What the user typed and formatted, without what Excel computes from it (displayed fills, formula results). */
function contents(sim: SimWorkbook, sheets = sim.sheetNames()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, cell] of Object.entries(snapshot(sim, sheets))) {
    const { fill: _fill, fontColor: _fontColor, text: _text, ...own } = cell as Record<string, unknown>;
    if ('formula' in own) delete own.value;
    out[key] = own;
  }
  return out;
}

/** Runs `action` just before the operation's second round trip: between its read and its write. */
function betweenReadAndWrite(sim: SimWorkbook, action: (wb: SimWorkbook) => void): void {
  sim.beforeNextSync(() => sim.beforeNextSync(action));
}

const protect = (sim: SimWorkbook, sheet: string): Promise<void> =>
  sim.excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).protection.protect();
    await ctx.sync();
  });

describe('text that a spreadsheet could take for a formula', () => {
  const HOSTILE = [
    '=1+1',
    '+SUM(1,2)',
    '-2+3',
    '@SUM(A1)',
    '=HYPERLINK("http://evil.invalid","点我")',
    '\t=1',
    '\r=1',
  ];

  it('stays text on the 汇总 sheet: codes, names and sheet names, with no formula and shown as typed', async () => {
    const sheetNames = ['=A1', '+1', '-1', '@x', "O'Brien's", 'A1', 'R1C1', 'TRUE'];
    const grids: Grid[] = HOSTILE.map((text, i) =>
      templateGrid(sheetNames[i % sheetNames.length], {
        ...SEED_TABLES[i % SEED_TABLES.length],
        code: text,
        name: text,
      }),
    );
    grids.push(templateGrid(sheetNames[7], { ...SEED_TABLES[0], code: 'P-8', name: '正常项目' }));
    const { sim, bench } = await open(grids);
    const { sheet } = await bench.writeSummary();
    const state = await bench.refresh();
    expect(state.tables).toHaveLength(grids.length);
    state.totals.projects.forEach((project, i) => {
      for (const [col, text] of [
        [0, project.code],
        [1, project.name],
        [2, project.sheet],
      ] as const) {
        const cell = sim.getCell(sheet, toA1(SUMMARY_HEADER_ROW + i + 1, col));
        expect({
          at: toA1(SUMMARY_HEADER_ROW + i + 1, col),
          value: cell.value,
          formula: cell.formula,
        }).toEqual({
          at: toA1(SUMMARY_HEADER_ROW + i + 1, col),
          value: text,
          formula: undefined,
        });
        expect(cell.text).toBe(text);
      }
      // The amounts are formulas that reach each project's sheet, whatever it is called.
      const total = sim.getCell(sheet, toA1(SUMMARY_HEADER_ROW + i + 1, 3));
      expect(total.formula).toMatch(/^=/);
      expect(total.value).toBeCloseTo(Number(project.total), 2);
    });
    const last = SUMMARY_HEADER_ROW + state.totals.projects.length + 1;
    expect(sim.getCell(sheet, toA1(last, 3)).value).toBeCloseTo(Number(state.totals.total), 2);
  });

  it('that a fix writes is written as text, never as a formula', async () => {
    const { sim, bench } = await open([
      templateGrid('公式', {
        ...SEED_TABLES[0],
        indicators: [
          {
            level1: '产出指标',
            level2: '数量指标',
            name: '接访人次',
            value: { value: 1, formula: '=100%' },
            basis: '计划标准',
          },
          { level1: '产出指标', level2: '质量指标', name: '办结率', value: '95%', basis: '计划标准' },
        ],
      }),
    ]);
    const state = await bench.refresh();
    const fixable = state.findings.filter((f) => f.fix);
    expect(fixable.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['indicator/formula-value', 'indicator/no-comparator']),
    );
    for (const finding of fixable) {
      await bench.applyFix(finding);
      const cell = sim.getCell(finding.sheet, finding.fix!.cell);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(finding.fix!.value);
    }
  });
});

describe('a protected sheet', () => {
  it('refuses to refresh a protected 汇总 with a clear message, and changes nothing', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const { sheet } = await bench.writeSummary();
    await protect(sim, sheet);
    const before = snapshot(sim);
    await expect(bench.writeSummary()).rejects.toThrow(new RegExp(`${sheet}.*受保护`));
    expect(snapshot(sim)).toEqual(before);
  });

  it('refuses to undo a fix once the sheet is protected, keeping the fix, with a clear message', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const finding = (await bench.refresh()).findings.find((f) => f.rule === 'indicator/no-comparator')!;
    const applied = await bench.applyFix(finding);
    await protect(sim, finding.sheet);
    const before = snapshot(sim);
    await expect(bench.undoFix(applied)).rejects.toThrow(new RegExp(`${finding.cell}.*锁定`));
    expect(snapshot(sim)).toEqual(before);
  });

  it('leaves every protected sheet as it was and inserts the template on a sheet of its own', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const sheets = sim.sheetNames();
    for (const s of sheets) await protect(sim, s);
    const before = snapshot(sim);
    const state = await bench.validate();
    expect(state.tables).toHaveLength(sheets.length);
    expect(state.problems.map((p) => p.sheet).sort()).toEqual([...sheets].sort());
    const { sheet } = await bench.insertTemplate({
      profile: 'hebei-2019',
      unitCode: '207002',
      unitName: '某单位',
      projectName: sheets[0],
    });
    expect(sheets).not.toContain(sheet);
    expect(snapshot(sim, sheets)).toEqual(before);
  });
});

describe('the hidden list sheet behind the dropdowns', () => {
  const options = { profile: 'hebei-2019' as const, unitCode: '207002', unitName: '某单位' };

  it('deleted by the user: the next 插入模板 works and its dropdowns point at lists again', async () => {
    const { sim, bench } = await open(seedStandardGrids().slice(0, 1));
    await bench.insertTemplate({ ...options, projectName: '一期' });
    const listSheet = sim.sheetNames().find((s) => !['一期', SEED_TABLES[0].name].includes(s))!;
    sim.deleteSheet(listSheet);
    expect(sim.names().every((n) => n.formula.includes('#REF!'))).toBe(true);

    const { sheet } = await bench.insertTemplate({ ...options, projectName: '二期' });
    expect(sim.sheetNames()).toContain(sheet);
    expect(sim.dataValidations(sheet).length).toBeGreaterThan(0);
    expect(sim.names().filter((n) => n.formula.includes('#REF!'))).toEqual([]);
    const level1 = sim.names().find((n) => n.name === 'hebei_2019_一级指标')!;
    const [target, range] = level1.formula.slice(1).split('!');
    const first = sim.getCell(target.replace(/^'|'$/g, ''), range.replace(/\$/g, '').split(':')[0]);
    expect(first.value).toBe('产出指标');
  });

  it('a sheet of the user’s that bears its name is left alone; the lists go elsewhere', async () => {
    const mine: Grid = {
      sheet: '_绩效指标列表',
      top: 0,
      left: 0,
      cells: [[{ value: '我的笔记' }, { value: 42 }]],
      merges: [],
    };
    const { sim, bench } = await open([...seedStandardGrids().slice(0, 1), mine]);
    const before = contents(sim, [mine.sheet]);
    await bench.insertTemplate({ ...options, projectName: '新项目' });
    expect(contents(sim, [mine.sheet])).toEqual(before);
    expect(
      sim.names().some((n) => n.formula.includes(mine.sheet) && !n.formula.includes(`${mine.sheet} (`)),
    ).toBe(false);
    const state = await bench.refresh();
    expect(state.tables.map((t) => t.sheet)).toEqual([SEED_TABLES[0].name, '新项目']);
  });
});

describe('a sheet deleted while the add-in works', () => {
  it('before 校验 reads: the other sheets are checked and marked', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    await bench.refresh();
    const [gone, ...kept] = sim.sheetNames();
    sim.beforeNextSync((wb) => wb.deleteSheet(gone));
    const state = await bench.validate();
    expect([...new Set(state.tables.map((t) => t.sheet))]).toEqual(kept);
    const marked = state.findings.find((f) => f.rule === 'indicator/no-comparator')!;
    expect(sim.getCell(marked.sheet, marked.cell).fill).not.toBeNull();
  });

  it.each([
    ['校验', (b: Opened['bench']) => b.validate()],
    ['清除标记', (b: Opened['bench']) => b.clearHighlights()],
    ['汇总', (b: Opened['bench']) => b.writeSummary()],
  ] as const)(
    'between %s’s read and its write: a message that says to try again, nothing lost',
    async (_name, operation) => {
      const { sim, bench } = await open(seedStandardGrids());
      await bench.validate();
      const sheets = sim.sheetNames();
      const gone = sheets[3];
      const before = contents(
        sim,
        sheets.filter((s) => s !== gone),
      );
      betweenReadAndWrite(sim, (wb) => wb.deleteSheet(gone));
      const error = await operation(bench).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      if (error) {
        expect(error.message).toMatch(/重试|再/);
        expect(error.message).not.toMatch(/\{[0-9A-F-]+\}/i);
      }
      expect(
        contents(
          sim,
          sheets.filter((s) => s !== gone),
        ),
      ).toEqual(before);
      const state = await bench.validate();
      expect(state.tables.map((t) => t.sheet)).not.toContain(gone);
    },
  );

  it('between a fix’s read and its write: the fix says the sheet is gone, nothing else changes', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const finding = (await bench.refresh()).findings.find((f) => f.fix)!;
    const others = sim.sheetNames().filter((s) => s !== finding.sheet);
    const before = contents(sim, others);
    betweenReadAndWrite(sim, (wb) => wb.deleteSheet(finding.sheet));
    await expect(bench.applyFix(finding)).rejects.toThrow(/重试|再|删除/);
    expect(contents(sim, others)).toEqual(before);
  });
});

type Opened = Awaited<ReturnType<typeof open>>;

describe('a co-author typing while the add-in works', () => {
  it('keeps what they typed during 校验, and the next reading shows it', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const finding = (await bench.refresh()).findings.find((f) => f.rule === 'indicator/no-comparator')!;
    betweenReadAndWrite(sim, (wb) => wb.remoteEdit(finding.sheet, finding.cell, '不及时'));
    await bench.validate();
    expect(sim.getCell(finding.sheet, finding.cell).value).toBe('不及时');
    const after = await bench.refresh();
    expect(after.findings.some((f) => f.cell === finding.cell && f.rule === 'indicator/vague-value')).toBe(
      true,
    );
  });

  it('keeps their edit beside the cell a fix writes, and a later undo refuses to overwrite theirs', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const finding = (await bench.refresh()).findings.find((f) => f.rule === 'indicator/no-comparator')!;
    const beside = finding.cell.replace(/^[A-Z]+/, 'G');
    betweenReadAndWrite(sim, (wb) => wb.remoteEdit(finding.sheet, beside, '临信字[2018]5号'));
    const applied = await bench.applyFix(finding);
    expect(sim.getCell(finding.sheet, beside).value).toBe('临信字[2018]5号');
    expect(sim.getCell(finding.sheet, finding.cell).value).toBe(finding.fix!.value);

    sim.remoteEdit(finding.sheet, finding.cell, '≥80%');
    expect(await bench.undoFix(applied)).toBe('changed');
    expect(sim.getCell(finding.sheet, finding.cell).value).toBe('≥80%');
  });

  it('keeps the amount they change during 汇总, and the summary’s formulas follow it', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const table = (await bench.refresh()).tables[0];
    const cell = table.budget.total!.cell;
    betweenReadAndWrite(sim, (wb) => {
      wb.remoteEdit(table.sheet, cell, 20);
      wb.remoteEdit(table.sheet, table.budget.fiscal!.cell, 20);
    });
    const { sheet } = await bench.writeSummary();
    expect(sim.getCell(table.sheet, cell).value).toBe(20);
    expect(sim.getCell(sheet, 'D4').value).toBe(20);
    const totals = (await bench.refresh()).totals;
    expect(sim.getCell(sheet, toA1(SUMMARY_HEADER_ROW + totals.projects.length + 1, 3)).value).toBeCloseTo(
      Number(totals.total),
      2,
    );
  });
});

describe('two hundred project sheets', () => {
  let opened: Opened;
  let first: Finding | undefined;

  beforeAll(async () => {
    opened = await open(projectGrids(200));
  }, 120_000);

  it('are all read, checked and totalled in one round trip once the sheets are known', async () => {
    const { sim, bench } = opened;
    let tables = 0;
    expect(
      await roundTrips(sim, async () => {
        const state = await bench.refresh();
        tables = state.tables.length;
        first = state.findings.find((f) => f.fix);
      }),
    ).toBeLessThanOrEqual(2);
    expect(tables).toBe(200);
  }, 120_000);

  it('cost at most two round trips to mark, clear, total, insert or fix', async () => {
    const { sim, bench } = opened;
    const counts = {
      validate: await roundTrips(sim, () => bench.validate()),
      clearHighlights: await roundTrips(sim, () => bench.clearHighlights()),
      writeSummary: await roundTrips(sim, () => bench.writeSummary()),
      insertTemplate: await roundTrips(sim, () =>
        bench.insertTemplate({ profile: 'hebei-2019', unitCode: '207002', unitName: '某单位' }),
      ),
      applyFix: await roundTrips(sim, () => bench.applyFix(first!)),
    };
    expect(Object.values(counts).every((n) => n <= 2)).toBe(true);
    expect(sim.sheetNames()).toHaveLength(200 + 3);
  }, 300_000);
});
