/**
 * The year-end self-evaluation on the preview page (SPEC §12): a project typed in, 生成自评表 in the
 * 自评 view, the year-end figures typed into the new sheet, its formulas scoring it, the view
 * showing 总分 and 等级, and a shortfall without a reason listed as a finding on its cell.
 * Screenshots go to test-artifacts/e2e/.
 */

import type { Page } from 'playwright-core';
import { SEED_TABLES } from '../fixtures/seed-data';
import type { LaunchedBrowser } from './support/browser';
import { servePreview, type ServedPreview } from './support/served-preview';
import {
  activeSheet,
  commandButton,
  entriesFor,
  findings,
  getCell,
  idle,
  openPreview,
  screenshot,
  setValues,
  type OpenedPage,
} from './support/preview-page';
import type { StaticServer } from './support/static-server';

jest.setTimeout(240_000);

let served: ServedPreview | undefined;
let server: StaticServer;
let browser: LaunchedBrowser;
let opened: OpenedPage;
let page: Page;

beforeAll(async () => {
  served = await servePreview('selfeval');
  ({ browser, server } = served);
  opened = await openPreview(browser.context, server.origin);
  page = opened.page;
}, 600_000);

afterAll(() => served?.close());

test('generate → fill 实际完成值 and 执行数 → scored → a finding', async () => {
  await commandButton(page, '插入模板').click();
  await idle(page);
  const target = await activeSheet(page);
  await setValues(page, target, entriesFor(SEED_TABLES[0]!));
  await idle(page);

  const pane = page.locator('#taskpane');
  await pane.getByRole('tab', { name: '自评' }).click();
  await pane.getByRole('button', { name: '生成自评表（所选项目）' }).click();
  await idle(page);
  const sheet = '自评-群众工作中心运行';
  await pane.getByText(`首张为“${sheet}”`, { exact: false }).waitFor();
  expect(await activeSheet(page)).toBe(sheet);
  await screenshot(page, 'selfeval-generated');

  await setValues(page, sheet, [
    { address: 'D6', text: '10' },
    { address: 'E6', text: '12.5' },
    { address: 'E12', text: '25次' },
    { address: 'E13', text: '81%' },
    { address: 'E14', text: '95%' },
    { address: 'E15', text: '25次' },
    { address: 'E16', text: '320天' },
    { address: 'E17', text: '90%' },
  ]);
  await idle(page);
  expect((await getCell(page, sheet, 'G18')).value).toBe(79.17);
  expect((await getCell(page, sheet, 'F19')).value).toBe('中');
  await pane.getByText('总分 79.17，等级“中”').waitFor();
  await screenshot(page, 'selfeval-scored');

  await commandButton(page, '校验').click();
  await idle(page);
  const reason = findings(page, { rule: 'selfeval/missing-reason', sheet, cell: 'H12' });
  await reason.waitFor();
  expect(await reason.innerText()).toContain('得分12.50低于分值16.66');
  await findings(page, { rule: 'selfeval/missing-reason', sheet, cell: 'H15' }).waitFor();
  await findings(page, { rule: 'selfeval/over-spent', sheet, cell: 'E6' }).waitFor();
  await screenshot(page, 'selfeval-finding');
  expect(opened.errors).toEqual([]);
});
