/** The user's selection as the task pane asks for it (to add or remove the indicator row it is on). */

import { seedStandardGrids } from '../fixtures/seed-grids';
import { open, roundTrips } from './sim-workbooks';

describe('the selection', () => {
  it('is the sheet and the range the user selected, in one round trip', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const sheet = sim.sheetNames()[2];
    sim.selection = { sheet, address: 'C12:F13' };
    let selection: unknown;
    expect(await roundTrips(sim, async () => (selection = await bench.getSelection()))).toBe(1);
    expect(selection).toEqual({ sheet, address: 'C12:F13' });

    sim.selection = { sheet: sim.sheetNames()[0], address: 'F10' };
    expect(await bench.getSelection()).toEqual({ sheet: sim.sheetNames()[0], address: 'F10' });
  });

  it('spells out whole rows and columns, so that the rows can be read from it', async () => {
    const { sim, bench } = await open(seedStandardGrids());
    const sheet = sim.sheetNames()[0];
    sim.selection = { sheet, address: '12:12' };
    expect(await bench.getSelection()).toEqual({ sheet, address: 'A12:XFD12' });
    sim.selection = { sheet, address: 'B:B' };
    expect(await bench.getSelection()).toEqual({ sheet, address: 'B1:B1048576' });
  });
});
