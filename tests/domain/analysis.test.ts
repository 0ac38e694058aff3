/**
 * The workbook analysis every host shares: what it keeps between rounds must never change what it
 * reports — a re-read sheet, a renamed or deleted one, a reused sheet's findings — and its marks
 * follow SPEC §8 (empty required cells only once the table was validated or edited).
 */

import { analyseGrids, WorkbookAnalysis, type Analysis } from '../../src/domain/analysis';
import type { Grid } from '../../src/domain/grid';
import { validateTables } from '../../src/domain/validate';
import { computeTotals, totalsView } from '../../src/domain/totals';
import { seedPastedGrid, seedStandardGrids } from '../fixtures/seed-grids';
import { SEED_TABLES } from '../fixtures/seed-data';
import { templateGrid } from '../fixtures/table-builder';

const brief = (a: Analysis) => a.state.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.message}`);

function loaded(grids: Grid[]): WorkbookAnalysis {
  const analysis = new WorkbookAnalysis('zh-CN');
  analysis.setSheets(grids.map((g, i) => ({ id: `s${i}`, name: g.sheet })));
  grids.forEach((g, i) => analysis.setGrid(`s${i}`, g));
  return analysis;
}

/** The same grid with one cell retyped. */
function retyped(grid: Grid, row: number, col: number, value: string | number): Grid {
  const cells = grid.cells.map((r) => [...r]);
  const line = cells[row - grid.top] ?? [];
  line[col - grid.left] = { value };
  cells[row - grid.top] = line;
  return { ...grid, cells };
}

describe('WorkbookAnalysis', () => {
  it('gives what reading and validating every table at once gives', () => {
    const grids = seedStandardGrids();
    const a = loaded(grids).analyse({ profile: 'auto' });
    const tables = a.state.tables;
    expect(tables).toHaveLength(SEED_TABLES.length);
    expect(a.state.findings).toEqual(validateTables(tables));
    expect(a.state.totals).toEqual(totalsView(computeTotals(tables)));
    expect(a.sheetIds).toEqual(grids.map((_, i) => `s${i}`));
  });

  it('reusing unchanged sheets gives the same findings as analysing everything anew', () => {
    const grids = seedStandardGrids();
    const analysis = loaded(grids);
    analysis.analyse({ profile: 'auto' });
    // Project 4's 75% made canonical: only that sheet is re-read.
    const sheet = 3;
    const original = grids[sheet];
    const value = analysis
      .analyse({ profile: 'auto' })
      .state.findings.find((f) => f.rule === 'indicator/no-comparator');
    expect(value).toBeDefined();
    const at = /^([A-Z]+)(\d+)$/.exec(value?.cell ?? '') as RegExpExecArray;
    const fixedGrid = retyped(original, Number(at[2]) - 1, at[1].charCodeAt(0) - 65, '≥75%');
    analysis.setGrid(`s${sheet}`, fixedGrid);
    const reused = analysis.analyse({ profile: 'auto', reuse: true });
    const fresh = loaded(grids.map((g, i) => (i === sheet ? fixedGrid : g))).analyse({ profile: 'auto' });
    expect(brief(reused)).toEqual(brief(fresh));
    expect(reused.state.findings.some((f) => f.rule === 'indicator/no-comparator')).toBe(false);
  });

  it('follows renames and deletions of sheets', () => {
    const grids = seedStandardGrids();
    const analysis = loaded(grids);
    const renamed = grids.map((g, i) => ({ id: `s${i}`, name: i === 0 ? '改名后' : g.sheet }));
    analysis.setSheets(renamed.filter((_, i) => i !== 1));
    const a = analysis.analyse({ profile: 'auto' });
    expect(a.state.tables).toHaveLength(SEED_TABLES.length - 1);
    expect(a.state.tables[0]?.sheet).toBe('改名后');
    expect(a.state.findings.every((f) => f.sheet !== grids[1]?.sheet)).toBe(true);
    expect(analysis.has('s1')).toBe(false);
  });

  it('re-reads a table when the profile changes', () => {
    const analysis = loaded(seedStandardGrids());
    expect(analysis.analyse({ profile: 'auto' }).state.tables[0]?.profile).toBe('hebei-2019');
    expect(analysis.analyse({ profile: 'mof-2015', reuse: true }).state.tables[0]?.profile).toBe('mof-2015');
  });

  it('passes the host’s problems through', () => {
    const problems = [{ sheet: 'X', message: '受保护' }];
    expect(loaded([]).analyse({ profile: 'auto', problems }).state.problems).toEqual(problems);
  });

  describe('marks', () => {
    const blank = () => templateGrid('新项目', {});

    it('校验 marks the empty required cells of a fresh table; a live edit elsewhere does not', () => {
      const analysis = loaded([blank()]);
      const live = analysis.liveMarks(analysis.analyse({ profile: 'auto' }), new Set(['s0']));
      const liveCells = (live.get('新项目') ?? []).map((m) => m.rule);
      expect(liveCells.some((r) => r === 'table/missing-field')).toBe(false);

      const all = analysis.markAll(analysis.analyse({ profile: 'auto' }));
      expect((all.marks.get('新项目') ?? []).some((m) => m.rule === 'table/missing-field')).toBe(true);
      // Validated once, the table stays fully marked live.
      const again = analysis.liveMarks(analysis.analyse({ profile: 'auto' }), new Set(['s0']));
      expect((again.get('新项目') ?? []).some((m) => m.rule === 'table/missing-field')).toBe(true);
      analysis.clearMarks();
      const cleared = analysis.liveMarks(analysis.analyse({ profile: 'auto' }), new Set(['s0']));
      expect((cleared.get('新项目') ?? []).some((m) => m.rule === 'table/missing-field')).toBe(false);
    });

    it('an edit inside a table makes its empty cells marked live; one outside it does not', () => {
      const analysis = loaded([blank()]);
      const a = analysis.analyse({ profile: 'auto' });
      const marksEmpty = () =>
        (analysis.liveMarks(a, new Set(['s0'])).get('新项目') ?? []).some(
          (m) => m.rule === 'table/missing-field',
        );
      analysis.noteEdits(a, new Map([['s0', ['Z99']]]));
      expect(marksEmpty()).toBe(false);
      analysis.noteEdits(a, new Map([['s0', ['B3']]]));
      expect(marksEmpty()).toBe(true);
    });

    it('a fresh table’s empty cells are 待填写 until it is edited or validated (SPEC §4)', () => {
      const session = (grids: Grid[]) => {
        const analysis = new WorkbookAnalysis('zh-CN', { toFill: true });
        analysis.setSheets(grids.map((g, i) => ({ id: `s${i}`, name: g.sheet })));
        grids.forEach((g, i) => analysis.setGrid(`s${i}`, g));
        return analysis;
      };
      const defects = (a: Analysis) =>
        a.state.findings.filter((f) => !f.toFill && f.severity !== 'info').map((f) => `${f.rule} ${f.cell}`);
      const toFill = (a: Analysis) => a.state.findings.filter((f) => f.toFill).map((f) => f.rule);

      const fresh = session([blank(), ...seedStandardGrids().slice(1, 2)]);
      const a = fresh.analyse({ profile: 'auto' });
      const onBlank = a.state.findings.filter((f) => f.sheet === '新项目');
      expect(onBlank.filter((f) => f.severity !== 'info').every((f) => f.toFill)).toBe(true);
      expect(toFill(a)).toEqual(expect.arrayContaining(['table/missing-field', 'plan/blank']));
      // A filled-in table of the same workbook keeps its findings as defects.
      expect(a.state.findings.filter((f) => f.sheet !== '新项目').some((f) => f.toFill)).toBe(false);

      // An edit inside the table: its empty cells are now what they are.
      fresh.noteEdits(a, new Map([['s0', ['E3']]]));
      expect(a.state.findings.some((f) => f.sheet === '新项目' && f.toFill)).toBe(false);
      expect(defects(a)).toContain('table/missing-field C4');

      // 校验 does the same on another fresh table; the command line never flags anything.
      const other = session([blank()]);
      expect(toFill(other.analyse({ profile: 'auto' })).length).toBeGreaterThan(0);
      const validated = other.analyse({ profile: 'auto' });
      other.markAll(validated);
      expect(toFill(validated)).toEqual([]);
      expect(toFill(other.analyse({ profile: 'auto' }))).toEqual([]);
      expect(analyseGrids([blank()]).state.findings.some((f) => f.toFill)).toBe(false);

      // A template table someone already typed into (opened again later) is not fresh.
      const typed = templateGrid('新项目', { code: '207-01' });
      expect(toFill(session([typed]).analyse({ profile: 'auto' }))).toEqual([]);
    });

    it('the template’s own rules are known for the tables it made, not for pasted ones', () => {
      const standard = loaded(seedStandardGrids());
      const a = standard.analyse({ profile: 'auto' });
      expect(standard.templates(a).every((t) => t !== undefined)).toBe(true);
      const pasted = loaded([seedPastedGrid()]);
      const b = pasted.analyse({ profile: 'auto' });
      expect(pasted.templates(b).every((t) => t === undefined)).toBe(true);
    });
  });
});

describe('analyseGrids', () => {
  it('checks several files’ sheets together: the same code twice is a duplicate across them', () => {
    const grids = seedStandardGrids();
    const first = grids[0];
    const a = analyseGrids([first, { ...first, sheet: first.sheet }]);
    expect(a.state.findings.filter((f) => f.rule === 'table/duplicate-code')).toHaveLength(1);
    expect(a.sheetIds).toEqual(['0', '1']);
  });

  it('totals the seed exactly (SPEC §6)', () => {
    const a = analyseGrids(seedStandardGrids());
    expect(a.state.totals.total).toBe('102.00');
    expect(a.state.totals.planned).toEqual(['17.60', '41.50', '69.55', '102.00']);
  });
});

describe('indicator rows that begin a sheet, after a table cut at a page', () => {
  const whole = templateGrid('表1', SEED_TABLES[0] ?? {});
  // rows 12 on (0-based 11), the table's last indicators, on a sheet of their own
  const cut = 11 - whole.top;
  const top: Grid = {
    ...whole,
    cells: whole.cells.slice(0, cut),
    merges: whole.merges.filter((m) => m.top < 11).map((m) => ({ ...m, bottom: Math.min(m.bottom, 10) })),
  };
  const rest: Grid = {
    ...whole,
    sheet: '表2',
    top: 0,
    cells: whole.cells.slice(cut),
    merges: whole.merges
      .filter((m) => m.bottom >= 11)
      .map((m) => ({ ...m, top: Math.max(m.top, 11) - 11, bottom: m.bottom - 11 })),
  };
  const stray = (a: Analysis) => a.state.findings.filter((f) => f.rule === 'table/stray-rows');

  it('are named on the table they continue, and again once the later sheet is re-read', () => {
    const analysis = loaded([top, rest]);
    expect(stray(analysis.analyse({ profile: 'auto' }))).toEqual([
      expect.objectContaining({ sheet: '表2', cell: 'B1', table: 0 }),
    ]);
    // the rows moved under the table (the later sheet emptied): nothing stray is left
    analysis.setGrid('s1', { ...rest, cells: [] });
    expect(stray(analysis.analyse({ profile: 'auto', reuse: true }))).toEqual([]);
    analysis.setGrid('s1', rest);
    expect(stray(analysis.analyse({ profile: 'auto', reuse: true }))).toHaveLength(1);
  });

  it('are not put on a table of another file', () => {
    const analysis = new WorkbookAnalysis('zh-CN', {
      documentOf: (id) => (id === 's0' ? 'a.xlsx' : 'b.xlsx'),
    });
    analysis.setSheets([
      { id: 's0', name: '表1' },
      { id: 's1', name: '表2' },
    ]);
    analysis.setGrid('s0', top);
    analysis.setGrid('s1', rest);
    expect(stray(analysis.analyse({ profile: 'auto' }))).toEqual([]);
  });
});
