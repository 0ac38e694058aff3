import { buildTemplate, MARK_FILL } from '../../src/domain/layout';
import { checkGrids } from '../../src/domain/analysis';
import {
  isOwnedFormula,
  isTemplateRule,
  markFormula,
  parseMark,
  plannedMarks,
  templateOf,
} from '../../src/domain/marks';
import { seedPastedGrid, seedStandardGrids } from '../fixtures/seed-grids';

describe('conditional formats the add-in owns', () => {
  it('recognises the template rules wherever the table starts, and a mark by its tag', () => {
    const at = buildTemplate({ profile: 'mof-2021', top: 40, left: 3, indicatorRows: 2 });
    for (const cf of at.conditionalFormats) expect(isTemplateRule(`=${cf.formula}`)).toBe(true);
    const mark = markFormula({ cell: 'F12', rule: 'indicator/no-comparator' });
    expect(parseMark(mark)).toEqual({ cell: 'F12', rule: 'indicator/no-comparator' });
    expect(isOwnedFormula(mark)).toBe(true);
  });

  it("leaves a user's own rules alone", () => {
    for (const f of ['=TRUE', '=$F12>100', '=ISBLANK(A1)', '=N("other add-in")=0', '=AND(C7<0,TRUE)'])
      expect(isOwnedFormula(f)).toBe(false);
  });
});

describe('which findings get a mark', () => {
  const grids = seedStandardGrids();
  const { tables, findings } = checkGrids(grids, { lang: 'zh-CN' });
  const templates = tables.map((t) =>
    templateOf(
      t,
      grids.find((g) => g.sheet === t.sheet)!,
    ),
  );

  it('knows the tables the template made, and not a table pasted from Word', () => {
    expect(templates.every(Boolean)).toBe(true);
    const pasted = seedPastedGrid();
    for (const t of checkGrids([pasted]).tables) expect(templateOf(t, pasted)).toBeUndefined();
  });

  it('marks errors red and warnings yellow, one mark a cell, info never', () => {
    const marks = plannedMarks(findings, templates);
    const noComparator = findings.find((f) => f.rule === 'indicator/no-comparator')!;
    expect(marks.get(noComparator.sheet)).toContainEqual({
      cell: noComparator.cell,
      fill: MARK_FILL.warning,
      rule: 'indicator/no-comparator',
    });
    const unitMismatch = findings.find((f) => f.rule === 'indicator/unit-mismatch')!;
    // The template's own formula sees this one too, but not every unit-mismatch: it is marked all the same.
    expect(marks.get(unitMismatch.sheet)).toContainEqual(
      expect.objectContaining({ cell: unitMismatch.cell, fill: MARK_FILL.error }),
    );
    for (const list of marks.values()) expect(new Set(list.map((m) => m.cell)).size).toBe(list.length);
    const infoOnly = findings.filter((f) => f.severity === 'info');
    for (const f of infoOnly)
      if (!findings.some((g) => g !== f && g.sheet === f.sheet && g.cell === f.cell && g.severity !== 'info'))
        expect(marks.get(f.sheet)?.some((m) => m.cell === f.cell) ?? false).toBe(false);
  });

  it('leaves to the template what its own rules show', () => {
    const [grid] = seedStandardGrids();
    const spec = buildTemplate({ profile: 'hebei-2019' });
    const planRule = spec.conditionalFormats.find((cf) => cf.rule === 'plan/out-of-range')!;
    const finding = {
      rule: 'plan/out-of-range',
      severity: 'error' as const,
      sheet: grid.sheet,
      cell: planRule.range.split(':')[0],
      message: '',
      messageId: 'x',
      data: {},
      table: 0,
    };
    expect(plannedMarks([finding], [spec]).size).toBe(0);
    expect(plannedMarks([finding], [undefined]).get(grid.sheet)).toHaveLength(1);
  });
});
