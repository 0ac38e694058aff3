/**
 * Live validation runs each table's own rules again only on the sheets the user edited (SPEC §10):
 * the other sheets' findings are kept, the duplicate-code rule still compares every table, and the
 * list is what a fresh 校验 of the whole workbook would show.
 */

import * as validation from '../../src/domain/validate';
import type { Finding, TargetTable } from '../../src/domain/types';
import { createWorkbench } from '../../src/excel';
import type { Workbench, WorkbookState } from '../../src/excel/workbench';
import { SimWorkbook } from '../../src/sim';
import { seedStandardGrids } from '../fixtures/seed-grids';

interface Live {
  sim: SimWorkbook;
  bench: Workbench;
  first: WorkbookState;
  latest: () => WorkbookState;
  stop: () => Promise<void>;
}

async function openLive(): Promise<Live> {
  const sim = SimWorkbook.fromGrids(seedStandardGrids());
  const bench = createWorkbench(sim.excel, sim.office, { lang: 'zh-CN', debounceMs: 0, pollMs: 0 });
  await bench.loadSettings();
  const first = await bench.refresh();
  let state = first;
  const stop = await bench.startLive((s) => (state = s));
  await sim.idle();
  return { sim, bench, first, latest: () => state, stop };
}

/** What 校验 on a workbench that has seen nothing before would list now. */
async function freshFindings(sim: SimWorkbook): Promise<Finding[]> {
  return (await createWorkbench(sim.excel, sim.office, { lang: 'zh-CN' }).refresh()).findings;
}

/** Sheets of the tables each call of the per-table rules was given, while `edit` and its live round run. */
async function revalidatedSheets(sim: SimWorkbook, edit: () => void): Promise<string[]> {
  const spy = jest.spyOn(validation, 'validateEachTable');
  try {
    edit();
    await sim.idle();
    return spy.mock.calls.flatMap(([tables]) => tables.map((t: TargetTable) => t.sheet));
  } finally {
    spy.mockRestore();
  }
}

const on = (findings: Finding[], sheet: string): Finding[] => findings.filter((f) => f.sheet === sheet);

describe('live validation of an edit', () => {
  let live: Live;
  beforeEach(async () => (live = await openLive()));
  afterEach(() => live.stop());

  it("re-runs the edited sheet's rules only and lists what a fresh validation lists", async () => {
    const { sim, first } = live;
    const edited = first.tables.find((t) => t.indicators.length > 0) as TargetTable;
    const value = edited.indicators[0].value;
    const bare = value.text.replace(/^[≥≤<>=＞＜]+/u, '');
    expect(bare).not.toBe(value.text);

    const sheets = await revalidatedSheets(sim, () => sim.setValue(edited.sheet, value.cell, bare));

    expect(sheets).toEqual(first.tables.filter((t) => t.sheet === edited.sheet).map((t) => t.sheet));
    const findings = live.latest().findings;
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'indicator/no-comparator', sheet: edited.sheet, cell: value.cell }),
    );
    expect(findings).toEqual(await freshFindings(sim));
    const untouched = [...new Set(first.tables.map((t) => t.sheet))].filter((s) => s !== edited.sheet);
    expect(untouched.flatMap((s) => on(first.findings, s)).length).toBeGreaterThan(0);
    for (const sheet of untouched) expect(on(findings, sheet)).toEqual(on(first.findings, sheet));
  });

  it('reports on an untouched sheet the code an edit on another sheet duplicated, and drops it when undone', async () => {
    const { sim, first } = live;
    const [earlier] = first.tables;
    const later = [...first.tables].reverse().find((t) => t.sheet !== earlier.sheet && t.code) as TargetTable;
    const code = earlier.code!;
    const duplicate = { rule: 'table/duplicate-code', sheet: later.sheet, cell: later.code!.cell };
    expect(first.findings).not.toContainEqual(expect.objectContaining(duplicate));

    const sheets = await revalidatedSheets(sim, () =>
      sim.setValue(earlier.sheet, code.cell, later.code!.text),
    );

    expect(new Set(sheets)).toEqual(new Set([earlier.sheet]));
    const findings = live.latest().findings;
    expect(findings).toContainEqual(expect.objectContaining(duplicate));
    expect(findings).toEqual(await freshFindings(sim));
    expect(on(findings, later.sheet).filter((f) => f.rule !== duplicate.rule)).toEqual(
      on(first.findings, later.sheet),
    );

    await revalidatedSheets(sim, () => sim.setValue(earlier.sheet, code.cell, code.text));

    expect(live.latest().findings).toEqual(first.findings);
    expect(live.latest().findings).toEqual(await freshFindings(sim));
  });
});
