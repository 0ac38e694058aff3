/**
 * The 参考指标 panel in the preview (SPEC §13, §9), as a finance officer uses it: select an indicator
 * row under 服务对象满意度指标, type 满意, see suggestions from the library, insert one, and find the
 * 三级指标 written and the value as it was. Screenshots go to test-artifacts/e2e/.
 */

import type { Page } from 'playwright-core';
import { buildTemplate } from '../../src/domain/layout';
import { toA1 } from '../../src/domain/address';
import type { LaunchedBrowser } from './support/browser';
import { servePreview, type ServedPreview } from './support/served-preview';
import {
  activeSheet,
  commandButton,
  drawnCell,
  getCell,
  idle,
  openPreview,
  paneFit,
  screenshot,
  selection,
  typeInto,
  type OpenedPage,
} from './support/preview-page';
import type { StaticServer } from './support/static-server';

jest.setTimeout(240_000);

const spec = buildTemplate({ profile: 'hebei-2019' });
const column = (role: 'indicatorName' | 'description' | 'value' | 'basis'): number =>
  spec.cells.find((c) => c.role === role)!.col;
/** The template's row under 服务对象满意度指标 (0-based). */
const SATISFACTION_ROW = spec.cells.find((c) => c.role === 'level2' && c.value === '服务对象满意度指标')!.row;
const cellOf = (role: 'indicatorName' | 'description' | 'value' | 'basis') =>
  toA1(SATISFACTION_ROW, column(role));

let served: ServedPreview | undefined;
let server: StaticServer;
let browser: LaunchedBrowser;
let opened: OpenedPage;
let page: Page;

beforeAll(async () => {
  served = await servePreview('references');
  ({ browser, server } = served);
  opened = await openPreview(browser.context, server.origin);
  page = opened.page;
}, 600_000);

afterAll(() => served?.close());

const pane = () => page.locator('#taskpane');
const suggestions = () => pane().locator('[data-suggestion]');

test('type 满意 on a 服务对象满意度指标 row, insert a suggestion: the name is written, the value kept', async () => {
  await commandButton(page, '插入模板').click();
  await idle(page);
  const sheet = await activeSheet(page);

  // The user has already typed the value: it is theirs, and must stay as it is.
  await typeInto(page, sheet, cellOf('value'), '≥95%');
  await idle(page);
  const valueBefore = await getCell(page, sheet, cellOf('value'));
  expect(valueBefore.text).toBe('≥95%');

  await drawnCell(page, sheet, cellOf('indicatorName')).click();
  expect(await selection(page)).toEqual({ sheet, address: cellOf('indicatorName') });

  const search = pane().getByRole('searchbox', { name: '查找参考指标' });
  await search.click();
  await search.pressSequentially('满意');
  await expect(
    pane()
      .getByText(`第 ${SATISFACTION_ROW + 1} 行（服务对象满意度指标）`)
      .waitFor(),
  ).resolves.toBeUndefined();
  await suggestions().first().waitFor();

  const names = await suggestions().evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-suggestion') ?? ''),
  );
  expect(names.length).toBeGreaterThan(3);
  for (const name of names) expect(name).toContain('满意');
  await suggestions().first().scrollIntoViewIfNeeded();
  await screenshot(page, 'references-suggestions');

  const chosen = names[0];
  await pane()
    .getByRole('button', { name: `插入“${chosen}”` })
    .click();
  await idle(page);

  expect((await getCell(page, sheet, cellOf('indicatorName'))).text).toBe(chosen);
  await expect(drawnCell(page, sheet, cellOf('indicatorName')).innerText()).resolves.toBe(chosen);
  expect(await getCell(page, sheet, cellOf('value'))).toEqual(valueBefore);
  await expect(pane().getByText('指标值由您填写', { exact: false }).waitFor()).resolves.toBeUndefined();
  await screenshot(page, 'references-inserted');

  // Inserting again keeps the name now there, and says so.
  await pane()
    .getByRole('button', { name: `插入“${names[1]}”` })
    .click();
  await idle(page);
  expect((await getCell(page, sheet, cellOf('indicatorName'))).text).toBe(chosen);
  await expect(pane().getByText('已有内容，未改动', { exact: false }).waitFor()).resolves.toBeUndefined();

  expect((await paneFit(page)).beyond).toEqual([]);
  expect(opened.errors).toEqual([]);
  expect(opened.external).toEqual([]);
});

test('off an indicator row the panel says where to go, and inserts nothing', async () => {
  const sheet = await activeSheet(page);
  await drawnCell(page, sheet, 'A1').click();
  const search = pane().getByRole('searchbox', { name: '查找参考指标' });
  await search.click();
  await search.fill('及时');
  await expect(pane().getByText('选中一个指标行', { exact: false }).waitFor()).resolves.toBeUndefined();
  await suggestions().first().waitFor();
  const insert = suggestions().first().getByRole('button');
  await expect(insert.isDisabled()).resolves.toBe(true);
});
