/**
 * The Excels the simulator emulates (host profiles) and the ways Excel is stricter than a kind
 * simulator: the 512-merged-area failure, items addressed by position, Excel's limits, the settings
 * snapshot, localised `*Local` values, payload errors, edits that fire no change event.
 */

import { HOST_PROFILE_IDS, HOST_PROFILES, SimWorkbook, defaultHostProfile } from '../../../src/sim';

const RED = '#FFC7CE';

async function run<T>(sim: SimWorkbook, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.excel.run(batch);
}

async function addRule(sim: SimWorkbook, address: string, formula: string): Promise<void> {
  await run(sim, async (ctx) => {
    const cf = ctx.workbook.worksheets.getItem('Sheet1').getRange(address).conditionalFormats.add('Custom');
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = RED;
    await ctx.sync();
  });
}

describe('host profiles', () => {
  it.each(HOST_PROFILE_IDS)('%s reports its requirement sets and platform', (id) => {
    const sim = new SimWorkbook({ host: id });
    const profile = HOST_PROFILES[id];
    const supports = (v: string) => sim.office.context.requirements.isSetSupported('ExcelApi', v);
    expect(sim.host.id).toBe(id);
    expect(supports(profile.excelApi)).toBe(true);
    expect(supports('1.18')).toBe(false);
    expect(sim.office.context.platform).toBe(id === 'web' ? 'OfficeOnline' : 'PC');
    expect(sim.payloadLimit).toBe(id === 'web' ? 5 * 1024 * 1024 : Infinity);
  });

  it('gives Office 2019 no merged areas and no triggerSource, Office 2021 both', async () => {
    const old = new SimWorkbook({ host: 'excel2019' });
    const supports = (sim: SimWorkbook, v: string) =>
      sim.office.context.requirements.isSetSupported('ExcelApi', v);
    expect([supports(old, '1.8'), supports(old, '1.9'), supports(old, '1.13')]).toEqual([true, false, false]);
    await expect(
      run(old, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange().getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    const newer = new SimWorkbook({ host: 'excel2021' });
    expect([supports(newer, '1.14'), supports(newer, '1.15')]).toEqual([true, false]);
  });

  it('defaults to the profile a test project set', () => {
    expect(new SimWorkbook().host.id).toBe(defaultHostProfile());
  });
});

describe('merged areas', () => {
  async function mergedAreas(sim: SimWorkbook, address?: string) {
    return run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      const areas = (address ? ws.getRange(address) : ws.getRange())
        .getMergedAreasOrNullObject()
        .load('address');
      await ctx.sync();
      return areas.isNullObject ? null : areas.address;
    });
  }

  async function mergePairs(sim: SimWorkbook, n: number) {
    await run(sim, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      for (let i = 0; i < n; i++) ws.getRange(`A${i + 1}:B${i + 1}`).merge();
      await ctx.sync();
    });
  }

  it('returns only the areas whose top-left cell is in the range (office-js#3611)', async () => {
    const sim = new SimWorkbook({ host: 'latest' });
    await mergePairs(sim, 2);
    expect(await mergedAreas(sim, 'A1:B2')).toBe('Sheet1!A1:B1,Sheet1!A2:B2');
    expect(await mergedAreas(sim, 'B1:C2')).toBeNull();
  });

  it('fails above 512 areas in the range, and answers for a part that holds fewer', async () => {
    const sim = new SimWorkbook({ host: 'latest' });
    await mergePairs(sim, 513);
    await expect(mergedAreas(sim)).rejects.toMatchObject({ name: 'RichApi.Error' });
    expect((await mergedAreas(sim, 'A1:B512'))?.split(',')).toHaveLength(512);
  });
});

describe('collection items loaded without their id', () => {
  async function rules(sim: SimWorkbook) {
    return sim.conditionalFormats('Sheet1').map((r) => r.formula);
  }

  async function deleteFirstAndSecond(sim: SimWorkbook, load: string) {
    await run(sim, async (ctx) => {
      const formats = ctx.workbook.worksheets.getItem('Sheet1').getRange().conditionalFormats.load(load);
      await ctx.sync();
      formats.items[0].delete();
      formats.items[1].delete();
      await ctx.sync();
    });
  }

  it('are addressed by position: deleting two in one batch removes the first and the third', async () => {
    const sim = new SimWorkbook();
    for (const f of ['=A1=3', '=A1=2', '=A1=1']) await addRule(sim, 'A1', f);
    expect(await rules(sim)).toEqual(['=A1=1', '=A1=2', '=A1=3']);
    await deleteFirstAndSecond(sim, 'items/type');
    expect(await rules(sim)).toEqual(['=A1=2']);
  });

  it('are addressed by id once the id was loaded', async () => {
    const sim = new SimWorkbook();
    for (const f of ['=A1=3', '=A1=2', '=A1=1']) await addRule(sim, 'A1', f);
    await deleteFirstAndSecond(sim, 'items/id,items/type');
    expect(await rules(sim)).toEqual(['=A1=3']);
  });
});

describe("Excel's limits", () => {
  const write = (sim: SimWorkbook, f: (ws: Excel.Worksheet) => void) =>
    run(sim, async (ctx) => {
      f(ctx.workbook.worksheets.getItem('Sheet1'));
      await ctx.sync();
    });

  it('refuses cell text above 32,767 characters', async () => {
    const sim = new SimWorkbook();
    await write(sim, (ws) => void (ws.getRange('A1').values = [['x'.repeat(32767)]]));
    await expect(
      write(sim, (ws) => void (ws.getRange('A2').values = [['x'.repeat(32768)]])),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(() => sim.setValue('Sheet1', 'A3', 'y'.repeat(32768))).toThrow();
  });

  it('refuses formulas above 8,192 characters, text constants above 255 and more than 64 nested functions', async () => {
    const sim = new SimWorkbook();
    const long = `=${Array.from({ length: 3000 }, () => 'A1').join('+')}`;
    await expect(write(sim, (ws) => void (ws.getRange('B1').formulas = [[long]]))).rejects.toMatchObject({
      code: 'FormulaLengthExceedsLimit',
    });
    await write(sim, (ws) => void (ws.getRange('B1').formulas = [[`="${'x'.repeat(255)}"`]]));
    await expect(
      write(sim, (ws) => void (ws.getRange('B2').formulas = [[`="${'x'.repeat(256)}"`]])),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    const nest = (n: number) => `=${'ABS('.repeat(n)}1${')'.repeat(n)}`;
    await write(sim, (ws) => void (ws.getRange('B3').formulas = [[nest(64)]]));
    await expect(write(sim, (ws) => void (ws.getRange('B4').formulas = [[nest(65)]]))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(addRule(sim, 'C1', `=C1="${'x'.repeat(256)}"`)).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });

  it('refuses data validation above 255 characters, titles above 32, a prompt above 255, an error above 224', async () => {
    const sim = new SimWorkbook();
    const dv = (f: (v: Excel.DataValidation) => void) =>
      write(sim, (ws) => f(ws.getRange('A1').dataValidation));
    const list = (n: number) =>
      Array.from({ length: n }, (_, i) => String(i % 10))
        .join(',')
        .slice(0, n);
    await dv((v) => void (v.rule = { list: { inCellDropDown: true, source: list(255) } }));
    await expect(
      dv((v) => void (v.rule = { list: { inCellDropDown: true, source: list(257) } })),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      dv((v) => void (v.rule = { custom: { formula: `=LEN(A1)<${'9'.repeat(260)}` } })),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await dv((v) => void (v.prompt = { showPrompt: true, title: 't'.repeat(32), message: 'm'.repeat(255) }));
    await expect(
      dv((v) => void (v.prompt = { showPrompt: true, title: 't'.repeat(33), message: '' })),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(
      dv((v) => void (v.prompt = { showPrompt: true, title: '', message: 'm'.repeat(256) })),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await dv(
      (v) =>
        void (v.errorAlert = {
          showAlert: true,
          style: 'Stop',
          title: 'e'.repeat(32),
          message: 'e'.repeat(224),
        }),
    );
    await expect(
      dv(
        (v) => void (v.errorAlert = { showAlert: true, style: 'Stop', title: '', message: 'e'.repeat(225) }),
      ),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });
});

describe('payloads', () => {
  it('refuses an oversized response with ResponsePayloadSizeLimitExceeded on the web only', async () => {
    for (const host of ['web', 'latest'] as const) {
      const sim = new SimWorkbook({ host });
      for (const half of ['A1:A100', 'A101:A200'])
        await run(sim, async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange(half).values = Array.from(
            { length: 100 },
            () => ['长'.repeat(10_000)],
          );
          await ctx.sync();
        });
      const read = run(sim, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A200').load('values');
        await ctx.sync();
        return r.values.length;
      });
      if (host === 'web')
        await expect(read).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      else expect(await read).toBe(200);
    }
  });

  it('counts the bytes it delivered', async () => {
    const sim = new SimWorkbook();
    sim.setValue('Sheet1', 'A1', 'hello');
    const before = sim.receivedBytes;
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(sim.receivedBytes - before).toBe(JSON.stringify([['hello']]).length);
  });
});

describe('localised values', () => {
  it('names the General format G/通用格式 in numberFormatLocal on a zh-CN Excel, General in numberFormat', async () => {
    const sim = new SimWorkbook();
    const read = () =>
      run(sim, async (ctx) => {
        const r = ctx.workbook.worksheets
          .getItem('Sheet1')
          .getRange('A1')
          .load('numberFormat,numberFormatLocal');
        await ctx.sync();
        return [r.numberFormat[0][0], r.numberFormatLocal[0][0]];
      });
    expect(await read()).toEqual(['General', 'G/通用格式']);
    sim.setDisplayLanguage('en-US');
    expect(await read()).toEqual(['General', 'General']);
  });
});

describe('edits Excel does not report', () => {
  async function listen(sim: SimWorkbook) {
    const seen: { type: string; address?: string }[] = [];
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(
        async (e) => void seen.push({ type: e.type, address: e.address }),
      );
      ctx.workbook.worksheets.onSelectionChanged.add(
        async (e) => void seen.push({ type: e.type, address: e.address }),
      );
      await ctx.sync();
    });
    return seen;
  }

  async function withList(sim: SimWorkbook) {
    await run(sim, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').dataValidation.rule = {
        list: { inCellDropDown: true, source: '数量指标,质量指标' },
      };
      await ctx.sync();
    });
  }

  it('reports a dropdown pick and a paste by default, and neither when told to miss them', async () => {
    const sim = new SimWorkbook();
    await withList(sim);
    const seen = await listen(sim);
    sim.pickFromList('Sheet1', 'B2', '质量指标');
    sim.paste('Sheet1', 'C3', [['1', '2']]);
    await sim.idle();
    expect(seen).toEqual([
      { type: 'WorksheetChanged', address: 'B2' },
      { type: 'WorksheetChanged', address: 'C3:D3' },
    ]);
    sim.missedChangeEvents = { dropdown: true, paste: true };
    sim.pickFromList('Sheet1', 'B2', '数量指标');
    sim.paste('Sheet1', 'C4', [['3']]);
    sim.selection = { sheet: 'Sheet1', address: 'E5' };
    await sim.idle();
    expect(seen.slice(2)).toEqual([{ type: 'WorksheetSelectionChanged', address: 'E5' }]);
    expect([sim.getCell('Sheet1', 'B2').value, sim.getCell('Sheet1', 'C4').value]).toEqual(['数量指标', 3]);
    expect(() => sim.pickFromList('Sheet1', 'B2', '效益指标')).toThrow();
  });
});
