/**
 * The preview page emulating each Excel the add-in meets (SPEC §9 `?host=`): it names the Excel,
 * and a project typed into the template is listed, marked on 校验 and totalled on 汇总 in every one.
 * With `?missed=dropdown`, a 二级 picked from the dropdown fires no change event (as on some Excel
 * builds) and still reaches the list through the live fallback's periodic read.
 */

import { MARK_FILL, SUMMARY_SHEET } from '../../src/domain/layout';
import type { PreviewWorkbook } from '../../src/preview/book';
import { HOST_PROFILE_IDS, type SimWorkbook } from '../../src/sim';
import { SEED_TABLES } from '../fixtures/seed-data';
import type { LaunchedBrowser } from './support/browser';
import { servePreview, type ServedPreview } from './support/served-preview';
import {
  commandButton,
  entriesFor,
  findings,
  getCell,
  idle,
  indicatorCell,
  openPreview,
  screenshot,
  setValues,
  sheetTab,
  insertTemplate,
} from './support/preview-page';
import type { StaticServer } from './support/static-server';

jest.setTimeout(240_000);

type PreviewWindow = Window & { previewWorkbook: PreviewWorkbook; previewSim: SimWorkbook };

/** Project 6 of the seed: `到京信访事件处理率` = `≤20万元`, a rate typed with a money unit. */
const PROJECT6 = SEED_TABLES[5];
/** Project 1: `重复信访案件数量` `≤20次` on the 数量指标 row. */
const PROJECT1 = SEED_TABLES[0];
/** The live fallback's period in the preview (the workbench's default). */
const POLL_MS = 2000;

const LABELS: Record<string, string> = {
  latest: 'Microsoft 365',
  excel2021: 'Office 2021',
  excel2019: 'Office 2019',
  web: 'Excel 网页版',
};

let served: ServedPreview | undefined;
let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  served = await servePreview('hosts');
  ({ browser, server } = served);
}, 600_000);

afterAll(() => served?.close());

describe.each(HOST_PROFILE_IDS)('the preview emulating %s', (host) => {
  test('names the Excel, and lists, marks and totals a typed project', async () => {
    const opened = await openPreview(browser.context, server.origin, `?host=${host}`);
    const { page } = opened;
    expect(await page.evaluate(() => (window as unknown as PreviewWindow).previewWorkbook.host)).toBe(host);
    const shown = page.locator('#workbook-area [data-host]');
    await expect(shown.getAttribute('data-host')).resolves.toBe(host);
    await expect(shown.innerText()).resolves.toContain(LABELS[host]);

    const sheet = await insertTemplate(page);
    await setValues(page, sheet, entriesFor(PROJECT6));
    await idle(page);
    const wrongCell = indicatorCell(PROJECT6, '到京信访事件处理率', 'value');
    await findings(page, { rule: 'indicator/unit-mismatch', sheet, cell: wrongCell }).waitFor();

    await commandButton(page, '校验').click();
    await idle(page);
    expect((await getCell(page, sheet, wrongCell)).fill).toBe(MARK_FILL.error);

    await commandButton(page, '汇总').click();
    await idle(page);
    await sheetTab(page, SUMMARY_SHEET).waitFor();
    await screenshot(page, `host-${host}`);
    expect(opened.errors).toEqual([]);
    expect(opened.external).toEqual([]);
    await page.close();
  });
});

describe('a 二级 picked from a dropdown that Excel does not report', () => {
  test.each(['web', 'excel2019'])('on %s shows its finding within the fallback period', async (host) => {
    const opened = await openPreview(browser.context, server.origin, `?host=${host}&missed=dropdown,paste`);
    const { page } = opened;
    await expect(page.locator('#workbook-area [data-host]').innerText()).resolves.toContain('不触发更改事件');
    const sheet = await insertTemplate(page);
    await setValues(page, sheet, entriesFor(PROJECT1));
    await idle(page);
    const valueCell = indicatorCell(PROJECT1, '重复信访案件数量', 'value');
    const level2Cell = `B${valueCell.slice(1)}`;
    expect((await getCell(page, sheet, level2Cell)).value).toBe('数量指标');
    const mismatch = findings(page, { rule: 'indicator/level2-mismatch', sheet, cell: valueCell });
    expect(await mismatch.count()).toBe(0);

    // Picked from the cell's dropdown: no change event reaches the add-in.
    const before = await page.evaluate(
      ({ sheet, cell }) => {
        const w = window as unknown as PreviewWindow;
        const syncs = w.previewWorkbook.syncCount;
        w.previewSim.pickFromList(sheet, cell, '时效指标');
        return { syncs, at: performance.now() };
      },
      { sheet, cell: level2Cell },
    );
    // Generous: the machine may be busy. The bound itself is checked in round trips below.
    await mismatch.waitFor({ timeout: 60_000 });
    const after = await page.evaluate(() => {
      const w = window as unknown as PreviewWindow;
      return { syncs: w.previewWorkbook.syncCount, at: performance.now() };
    });
    // The next periodic read, or the one after if one was under way: one round trip each.
    expect(after.syncs - before.syncs).toBeGreaterThanOrEqual(1);
    expect(after.syncs - before.syncs).toBeLessThanOrEqual(3);
    // Stated: within one period (2 s) of the pick, plus the read; loosely, for a loaded machine.
    expect(after.at - before.at).toBeLessThan(POLL_MS * 10);
    await screenshot(page, `missed-dropdown-${host}`);
    expect(opened.errors).toEqual([]);
    await page.close();
  });
});
