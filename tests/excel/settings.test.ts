/** Settings remembered in the workbook, and selecting a finding's cell. */

import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { createWorkbench } from '../../src/excel';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { open } from './sim-workbooks';

describe('settings', () => {
  it('travel with the workbook to the next person who opens it', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    expect(await bench.loadSettings()).toEqual({
      profile: 'auto',
      unitCode: '',
      unitName: '',
      year: '',
      signature: false,
      liveMarks: false,
    });
    const mine = {
      profile: 'mof-2021' as const,
      unitCode: '207002',
      unitName: '某单位',
      year: '2027',
      signature: true,
      liveMarks: true,
    };
    await bench.saveSettings(mine);
    const next = createWorkbench(sim.excel, sim.office, { lang: 'en-US' });
    expect(await next.loadSettings()).toEqual(mine);
  });

  it('fall back to the defaults member by member when what is stored is odd', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    await sim.excel.run(async (ctx) => {
      ctx.workbook.settings.add(
        'perfTargets.settings',
        JSON.stringify({
          profile: 'nope',
          unitCode: 7,
          liveMarks: 'yes',
          unitName: '单位',
          year: '明年',
          signature: 'yes',
        }),
      );
      await ctx.sync();
    });
    expect(await bench.loadSettings()).toEqual({
      profile: 'auto',
      unitCode: '',
      unitName: '单位',
      year: '',
      signature: false,
      liveMarks: false,
    });
  });

  it('choose the profile the tables are read with', async () => {
    const { bench } = await open(seedStandardGrids());
    expect((await bench.refresh()).tables.every((t) => t.profile === 'hebei-2019')).toBe(true);
    await bench.saveSettings({ ...DEFAULT_SETTINGS, profile: 'mof-2015' });
    expect((await bench.refresh()).tables.every((t) => t.profile === 'mof-2015')).toBe(true);
  });
});

describe('selecting a cell', () => {
  it("activates the finding's sheet and selects its cell", async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const finding = (await bench.refresh()).findings.at(-1)!;
    await bench.select(finding.sheet, finding.cell);
    expect(sim.activeSheet()).toBe(finding.sheet);
    expect(sim.selection).toEqual({ sheet: finding.sheet, address: finding.cell });
  });
});
