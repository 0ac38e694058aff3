/**
 * The task pane laid out for work (issue 13, SPEC §4 and §9), in real Chromium: a fresh template is
 * progress (待填写), not errors; with some forty findings the command bar, the status line and the
 * tabs stay put while the findings list scrolls by itself; F6 goes from the grid to the pane and
 * back to the same cell; 清除标记 right after 插入模板 leaves the template's own rules, so a
 * decreasing plan still turns red. Screenshots of every step go to test-artifacts/e2e/.
 */

import type { Page } from 'playwright-core';
import { buildTemplate, MARK_FILL } from '../../src/domain/layout';
import { t } from '../../src/i18n';
import type { LaunchedBrowser } from './support/browser';
import {
  backgroundOf,
  commandButton,
  drawnCell,
  findings,
  getCell,
  idle,
  openPreview,
  screenshot,
  selection,
  setValues,
  typeInto,
  type OpenedPage,
  insertTemplate,
} from './support/preview-page';
import { servePreview, type ServedPreview } from './support/served-preview';
import type { StaticServer } from './support/static-server';

jest.setTimeout(240_000);

const { roles } = buildTemplate({ profile: 'hebei-2019' });

let served: ServedPreview;
let server: StaticServer;
let browser: LaunchedBrowser;
let opened: OpenedPage;
let page: Page;

beforeAll(async () => {
  served = await servePreview('pane');
  ({ browser, server } = served);
  opened = await openPreview(browser.context, server.origin);
  page = opened.page;
}, 600_000);

afterAll(() => served?.close());

/** The pane's compact status line (the section named 提交前检查 under the command bar). */
const statusLine = (p: Page) => p.locator('#taskpane').getByRole('region', { name: '提交前检查' });
/** The findings view: the one part of the pane that scrolls. */
const findingsPanel = (p: Page) => p.locator('#taskpane [role="tabpanel"]');

/** Top and bottom of an element in the viewport. */
const box = async (locator: ReturnType<Page['locator']>) => {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element not drawn');
  return { top: Math.round(b.y), bottom: Math.round(b.y + b.height) };
};

describe('the task pane, as a clerk works with it', () => {
  const sheets: string[] = [];

  test('a fresh template is 待填写, not errors, until it is edited or validated', async () => {
    const sheet = await insertTemplate(page);
    sheets.push(sheet);
    const status = statusLine(page);
    await status
      .getByText(/待填写/)
      .first()
      .waitFor();
    const text = await status.innerText();
    expect(text).toMatch(/还有 \d+ 项待填写/);
    expect(text).not.toMatch(/错误/);
    // Listed as cells to fill, none as an error.
    expect(await findings(page, { sheet, severity: 'error' }).count()).toBe(0);
    expect(await findings(page, { sheet, severity: 'toFill' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'pane-fresh-template');
  });

  test('插入模板 then 清除标记 keeps the template rules: a decreasing plan still turns red', async () => {
    const sheet = sheets[0];
    const rulesBefore = await page.evaluate(
      (s) =>
        (
          window as unknown as { previewSim: { conditionalFormats(s: string): unknown[] } }
        ).previewSim.conditionalFormats(s),
      sheet,
    );
    expect(rulesBefore.length).toBeGreaterThan(0);
    await commandButton(page, '清除标记').click();
    await idle(page);
    const rulesAfter = await page.evaluate(
      (s) =>
        (
          window as unknown as { previewSim: { conditionalFormats(s: string): unknown[] } }
        ).previewSim.conditionalFormats(s),
      sheet,
    );
    expect(rulesAfter).toEqual(rulesBefore);

    // 6月底 below 3月底: the plan went down, which the template's own rule marks as the person types.
    await typeInto(page, sheet, roles.plan1, '60');
    await typeInto(page, sheet, roles.plan2, '40');
    await idle(page);
    expect(await backgroundOf(drawnCell(page, sheet, roles.plan2))).toBe(MARK_FILL.error);
    expect(await backgroundOf(drawnCell(page, sheet, roles.plan1))).not.toBe(MARK_FILL.error);
    await findings(page, { rule: 'plan/decreasing', sheet, cell: roles.plan2 }).waitFor();
    await screenshot(page, 'pane-decreasing-plan');
  });

  test('F6 goes from the grid to the pane and back to the same cell', async () => {
    const sheet = sheets[0];
    await drawnCell(page, sheet, roles.goal).click();
    expect(await selection(page)).toEqual({ sheet, address: roles.goal });
    await page.keyboard.press('F6');
    const inPane = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        inPane: !!el && !!document.getElementById('taskpane')?.contains(el),
        name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
        visible: !!el && el.getBoundingClientRect().height > 0,
        // Fluent draws its focus ring only where it knows the keyboard moved the focus.
        ring: !!el?.closest('[data-fui-focus-visible]'),
      };
    });
    expect(inPane.inPane).toBe(true);
    expect(inPane.visible).toBe(true);
    expect(inPane.ring).toBe(true);
    await screenshot(page, 'pane-f6-in-pane');

    await page.keyboard.press('F6');
    const back = await page.evaluate(() => !!document.activeElement?.closest('#workbook-area'));
    expect(back).toBe(true);
    expect(await selection(page)).toEqual({ sheet, address: roles.goal });
    // The keys reach the grid again: typing edits the selected cell.
    await page.keyboard.type('提高服务质量');
    await page.keyboard.press('Enter');
    await idle(page);
    expect((await getCell(page, sheet, roles.goal)).text).toBe('提高服务质量');
    await screenshot(page, 'pane-f6-back');
  });

  test('with some forty findings the command bar and the status stay in view while the list scrolls', async () => {
    // Projects typed carelessly: a budget not decided yet, a plan that goes down and does not end at 100.
    const careless = (sheet: string) =>
      setValues(page, sheet, [
        { address: roles.budgetTotal, text: '待定' },
        { address: roles.budgetFiscal, text: '待定' },
        { address: roles.plan1, text: '50' },
        { address: roles.plan2, text: '30' },
        { address: roles.plan3, text: '20' },
        { address: roles.plan4, text: '90' },
      ]);
    await careless(sheets[0]);
    await idle(page);
    while ((await findings(page, {}).count()) < 40 && sheets.length < 10) {
      const sheet = await insertTemplate(page);
      sheets.push(sheet);
      await careless(sheet);
      await idle(page);
    }
    const count = await findings(page, {}).count();
    expect(count).toBeGreaterThanOrEqual(40);
    await commandButton(page, '校验').click();
    await idle(page);

    const bar = page
      .locator('#taskpane')
      .getByRole('toolbar', { name: t('zh-CN', 'commands.bar'), exact: true });
    const panel = findingsPanel(page);
    const barBefore = await box(bar);
    const statusBefore = await box(statusLine(page));
    const panelBox = await box(panel);
    const viewport = page.viewportSize()!;
    // The findings take the rest of the pane: the list starts in the upper half and reaches the bottom.
    expect(panelBox.top).toBeLessThan(viewport.height / 2);
    expect(panelBox.bottom).toBeLessThanOrEqual(viewport.height);
    await screenshot(page, 'pane-forty-findings');

    await panel.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.mouse.move(1300, 700);
    await page.mouse.wheel(0, 2000);
    await idle(page);
    expect(await panel.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    // Only the list moved: the pane and the page did not.
    expect(
      await page.evaluate(() => [window.scrollY, document.getElementById('taskpane')!.scrollTop]),
    ).toEqual([0, 0]);
    expect(await box(bar)).toEqual(barBefore);
    expect(await box(statusLine(page))).toEqual(statusBefore);
    expect(barBefore.top).toBeGreaterThanOrEqual(0);
    for (const name of ['插入模板', '校验', '汇总', '清除标记']) {
      await expect(commandButton(page, name).isVisible()).resolves.toBe(true);
    }
    // Findings are still shown in the list's window after scrolling, and there is one at its top.
    const shown = await panel.evaluate((el) => {
      const frame = el.getBoundingClientRect();
      return [...el.querySelectorAll('li[data-rule]')].filter((li) => {
        const r = li.getBoundingClientRect();
        return r.bottom > frame.top && r.top < frame.bottom;
      }).length;
    });
    expect(shown).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'pane-forty-findings-scrolled');

    // 下一个问题 from the bottom wraps to the first problem and brings it into the list's window.
    await panel.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const next = page.locator('#taskpane').getByRole('button', { name: '下一个问题' });
    await next.click();
    await idle(page);
    const first = panel.locator('li[data-rule] [aria-current="true"]');
    await first.waitFor();
    const firstBox = await box(first);
    const frame = await box(panel);
    // The filters stay on top of the list: the finding must be below them, not under them.
    const filters = await box(panel.getByRole('toolbar', { name: t('zh-CN', 'findings.filters') }));
    expect(firstBox.top).toBeGreaterThanOrEqual(filters.bottom);
    expect(firstBox.bottom).toBeLessThanOrEqual(frame.bottom + 1);
    expect(await box(bar)).toEqual(barBefore);
    await screenshot(page, 'pane-next-problem');
  });

  test('nothing went wrong in the page', () => {
    expect(opened.external).toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
  });
});
