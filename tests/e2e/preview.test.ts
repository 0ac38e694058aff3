/**
 * The preview page in real Chromium (SPEC §9), as a finance officer uses it: insert a template,
 * type a project cell by cell, see the wrong value marked and listed, jump to it, correct it; fill
 * six projects and get their totals, in the pane and on the 汇总 sheet; validate and clear the
 * marks; cell text never runs; the pane is accessible; the English UI. Screenshots of every step
 * go to test-artifacts/e2e/.
 */

import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { buildTemplate, MARK_FILL, SUMMARY_HEADER_ROW, SUMMARY_SHEET } from '../../src/domain/layout';
import { summaryText } from '../../src/i18n/summary';
import { t } from '../../src/i18n';
import { SEED_TABLES } from '../fixtures/seed-data';
import type { LaunchedBrowser } from './support/browser';
import { servePreview, type ServedPreview } from './support/served-preview';
import {
  activeSheet,
  backgroundOf,
  commandButton,
  drawnCell,
  drawnCells,
  entriesFor,
  findings,
  getCell,
  getCells,
  idle,
  indicatorCell,
  openPreview,
  paneFit,
  screenshot,
  selection,
  setValues,
  sheetTab,
  typeInto,
  type OpenedPage,
  insertTemplate,
} from './support/preview-page';
import type { StaticServer } from './support/static-server';

jest.setTimeout(240_000);

const spec = buildTemplate({ profile: 'hebei-2019' });
const { roles } = spec;
/** Project 6 of the seed (驻京值班): `到京信访事件处理率` = `≤20万元`, a rate with a money unit. */
const PROJECT6 = SEED_TABLES[5];
const WRONG_VALUE = '≤20万元';
const HOSTILE = '<img src=x onerror=alert(1)>';

let served: ServedPreview | undefined;
let server: StaticServer;
let browser: LaunchedBrowser;
let opened: OpenedPage;
let page: Page;
/** The sheet of each typed project, by seed index. */
const sheetOf = new Map<number, string>();

beforeAll(async () => {
  served = await servePreview('preview');
  ({ browser, server } = served);
  opened = await openPreview(browser.context, server.origin);
  page = opened.page;
}, 600_000);

afterAll(() => served?.close());

describe('the preview page, as a finance officer uses it', () => {
  test('starts on an empty Sheet1 with the four commands and nothing loaded from elsewhere', async () => {
    expect(await activeSheet(page)).toBe('Sheet1');
    for (const name of ['插入模板', '校验', '汇总', '清除标记']) {
      await expect(commandButton(page, name).isEnabled()).resolves.toBe(true);
    }
    expect(await drawnCell(page, 'Sheet1', 'A1').count()).toBe(1);
    expect(await page.locator('script[src*="office.js"]').count()).toBe(0);
    await screenshot(page, 'start');
  });

  test('插入模板 adds a sheet with the standard table, cursor on 项目编码', async () => {
    const sheet = await insertTemplate(page);
    sheetOf.set(5, sheet);
    await expect(drawnCell(page, sheet, 'A1').innerText()).resolves.toBe('项目绩效目标表');
    // The title is one drawn cell spanning A:G, as the merge it is.
    await expect(drawnCell(page, sheet, 'A1').getAttribute('colspan')).resolves.toBe('7');
    expect(await drawnCell(page, sheet, 'B1').count()).toBe(0);
    await expect(drawnCell(page, sheet, roles.level1).innerText()).resolves.toBe('产出指标');
    expect(await selection(page)).toEqual({ sheet, address: roles.code });
    await screenshot(page, 'template-inserted');
  });

  test('the grid edits as Excel does: Escape cancels, Tab and arrows move, double-click edits', async () => {
    const sheet = sheetOf.get(5)!;
    await drawnCell(page, sheet, roles.code).click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Escape');
    expect((await getCell(page, sheet, roles.code)).value).toBeNull();

    await page.keyboard.type('TMP-1');
    await page.keyboard.press('Tab');
    expect((await getCell(page, sheet, roles.code)).text).toBe('TMP-1');
    // The code cell is merged across two columns: Tab lands on the label beyond it.
    const afterTab = await selection(page);
    expect(afterTab.address).toBe('D3');
    await page.keyboard.press('ArrowDown');
    expect((await selection(page)).address).toBe('D4');

    await drawnCell(page, sheet, roles.code).dblclick();
    const editor = page.locator('#workbook-area input.editor');
    await expect(editor.inputValue()).resolves.toBe('TMP-1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Delete');
    expect((await getCell(page, sheet, roles.code)).value).toBeNull();
    await idle(page);
  });

  test('typing project 6 cell by cell marks the rate typed in 万元 red and lists its finding', async () => {
    const sheet = sheetOf.get(5)!;
    const entries = entriesFor(PROJECT6);
    const wrongCell = indicatorCell(PROJECT6, '到京信访事件处理率', 'value');
    expect(entries.find((e) => e.address === wrongCell)?.text).toBe(WRONG_VALUE);

    for (const entry of entries) await typeInto(page, sheet, entry.address, entry.text);
    await idle(page);
    await screenshot(page, 'project6-typed');

    for (const entry of entries) {
      const shown = (await getCell(page, sheet, entry.address)).text;
      expect(`${entry.address}: ${shown}`).toBe(
        `${entry.address}: ${/^\d+(\.\d+)?$/.test(entry.text) ? Number(entry.text).toFixed(2) : entry.text}`,
      );
    }
    await expect(drawnCell(page, sheet, wrongCell).innerText()).resolves.toBe(WRONG_VALUE);
    expect(await backgroundOf(drawnCell(page, sheet, wrongCell))).toBe(MARK_FILL.error);
    expect((await getCell(page, sheet, wrongCell)).fill).toBe(MARK_FILL.error);

    const finding = findings(page, { rule: 'indicator/unit-mismatch', sheet, cell: wrongCell });
    await finding.waitFor();
    await expect(finding.getAttribute('data-severity')).resolves.toBe('error');
    // The seed's reference answer: no other error in this project.
    const errorCells = await findings(page, { sheet, severity: 'error' }).evaluateAll((els) =>
      els.map((el) => `${el.getAttribute('data-rule')}@${el.getAttribute('data-cell')}`),
    );
    expect(errorCells).toEqual([`indicator/unit-mismatch@${wrongCell}`]);
    await finding.scrollIntoViewIfNeeded();
    await screenshot(page, 'project6-finding');
  });

  test('activating the finding selects its cell in the grid', async () => {
    const sheet = sheetOf.get(5)!;
    const wrongCell = indicatorCell(PROJECT6, '到京信访事件处理率', 'value');
    await drawnCell(page, sheet, 'A1').click();
    expect((await selection(page)).address).toBe('A1');

    await findings(page, { rule: 'indicator/unit-mismatch', sheet, cell: wrongCell }).click();
    await idle(page);
    expect(await selection(page)).toEqual({ sheet, address: wrongCell });
    await expect(drawnCell(page, sheet, wrongCell).getAttribute('class')).resolves.toContain('selected');
    await screenshot(page, 'finding-selected');
  });

  test('retyping ≥90% clears the mark and the finding', async () => {
    const sheet = sheetOf.get(5)!;
    const wrongCell = indicatorCell(PROJECT6, '到京信访事件处理率', 'value');
    await typeInto(page, sheet, wrongCell, '≥90%');
    await idle(page);
    expect((await getCell(page, sheet, wrongCell)).text).toBe('≥90%');
    expect(await backgroundOf(drawnCell(page, sheet, wrongCell))).not.toBe(MARK_FILL.error);
    expect((await getCell(page, sheet, wrongCell)).fill).toBeNull();
    expect(await findings(page, { rule: 'indicator/unit-mismatch', sheet }).count()).toBe(0);
    expect(await findings(page, { sheet, severity: 'error' }).count()).toBe(0);
    await screenshot(page, 'project6-corrected');
  });

  test('six projects total 102.00, planned 17.60 / 41.50 / 69.55 / 102.00, in the pane and on 汇总', async () => {
    for (let i = 0; i < 5; i++) {
      const sheet = await insertTemplate(page);
      sheetOf.set(i, sheet);
      await setValues(page, sheet, entriesFor(SEED_TABLES[i]));
      await idle(page);
    }
    await screenshot(page, 'six-projects');

    await commandButton(page, '汇总').click();
    await idle(page);
    const all = page.locator('#taskpane [data-totals="all"]');
    await all.waitFor();
    const amounts = await all.evaluate((section) => {
      const out: Record<string, string> = {};
      const dts = section.querySelectorAll('dt');
      dts.forEach((dt) => (out[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? ''));
      return out;
    });
    const zh = (key: string) => t('zh-CN', key);
    expect(amounts[zh('totals.total')]).toBe('102.00');
    expect(amounts[zh('totals.fiscal')]).toBe('102.00');
    expect(amounts[zh('totals.other')]).toBe('0.00');
    expect([0, 1, 2, 3].map((i) => amounts[zh(`totals.period${i}`)])).toEqual([
      '17.60',
      '41.50',
      '69.55',
      '102.00',
    ]);
    expect(await page.locator('#taskpane [data-totals="project"]').count()).toBe(6);
    await screenshot(page, 'totals-view');

    const summary = SUMMARY_SHEET;
    await sheetTab(page, summary).click();
    expect(await activeSheet(page)).toBe(summary);
    const labels = await drawnCells(page, summary).evaluateAll((els) =>
      els.map((el) => ({ address: el.getAttribute('data-address') ?? '', text: el.textContent ?? '' })),
    );
    const totalLabel = labels.find(
      (c) => /^A\d+$/.test(c.address) && c.text === summaryText('zh-CN', 'totalRow'),
    );
    expect(totalLabel).toBeDefined();
    const row = totalLabel!.address.slice(1);
    const totalRow = await Promise.all(
      ['D', 'E', 'F', 'G', 'H', 'I', 'J'].map((col) => drawnCell(page, summary, `${col}${row}`).innerText()),
    );
    expect(totalRow).toEqual(['102.00', '102.00', '0.00', '17.60', '41.50', '69.55', '102.00']);
    // The title and the unit line, the header, one row per project, then the total.
    expect(Number(row)).toBe(SUMMARY_HEADER_ROW + 1 + 6 + 1);
    await expect(drawnCell(page, summary, 'A1').innerText()).resolves.toBe(
      summaryText('zh-CN', 'titleNoYear'),
    );
    await screenshot(page, 'summary-sheet');
  });

  test('cell text is shown as text and never runs, in the grid, the pane and on 汇总', async () => {
    const sheet = sheetOf.get(0)!;
    await sheetTab(page, sheet).click();
    await typeInto(page, sheet, roles.name, HOSTILE);
    const nameCell = indicatorCell(SEED_TABLES[0], '信访案件处理率', 'indicatorName');
    await typeInto(page, sheet, nameCell, HOSTILE);
    await idle(page);
    await expect(drawnCell(page, sheet, roles.name).innerText()).resolves.toBe(HOSTILE);
    await expect(drawnCell(page, sheet, nameCell).innerText()).resolves.toBe(HOSTILE);

    await commandButton(page, '汇总').click();
    await idle(page);
    await page.locator('#taskpane').getByText(HOSTILE, { exact: true }).first().waitFor();
    const names = await drawnCells(page, SUMMARY_SHEET).allInnerTexts();
    expect(names).toContain(HOSTILE);

    expect(await page.locator('#workbook-area img, #taskpane img').count()).toBe(0);
    expect(opened.dialogs).toEqual([]);
    expect(opened.errors).toEqual([]);
    await screenshot(page, 'hostile-text');
  });

  test('校验 marks findings, 清除标记 removes its marks, keeps the template rules and own fills', async () => {
    const sheet = sheetOf.get(1)!;
    await sheetTab(page, sheet).click();
    // A budget not decided yet is not a number: a finding the template's formulas do not mark.
    // (An amount typed with its unit, 16.35万, is read as one since the totals change of 0f449a0.)
    await typeInto(page, sheet, roles.budgetTotal, '待定');
    await idle(page);
    // The person's own fill on that cell, set as Excel's format pane would.
    await page.evaluate(
      ([s, a]) =>
        (window as unknown as { previewSim: { excel: typeof Excel } }).previewSim.excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(s).getRange(a).format.fill.color = '#00B0F0';
          await ctx.sync();
        }),
      [sheet, roles.budgetTotal] as const,
    );
    await idle(page);

    const sheets = (await page.locator('#workbook-area nav button').allInnerTexts()).map((s) => s.trim());
    const snapshot = async () => {
      const out: Record<string, { fill: string | null; ownFill: string | null }> = {};
      for (const s of sheets) {
        await sheetTab(page, s).click();
        const addresses = await drawnCells(page, s).evaluateAll((els) =>
          els.map((el) => el.getAttribute('data-address')!),
        );
        const cells = await getCells(page, s, addresses);
        for (const [a, c] of Object.entries(cells)) out[`${s}!${a}`] = { fill: c.fill, ownFill: c.ownFill };
      }
      await sheetTab(page, sheet).click();
      return out;
    };

    const before = await snapshot();
    expect(before[`${sheet}!${roles.budgetTotal}`].ownFill).toBe('#00B0F0');

    await commandButton(page, '校验').click();
    await idle(page);
    await findings(page, { rule: 'budget/not-number', sheet, cell: roles.budgetTotal }).waitFor();
    const marked = await snapshot();
    expect(marked[`${sheet}!${roles.budgetTotal}`]).toEqual({ fill: MARK_FILL.error, ownFill: '#00B0F0' });
    expect(await backgroundOf(drawnCell(page, sheet, roles.budgetTotal))).toBe(MARK_FILL.error);
    await screenshot(page, 'validated');

    await commandButton(page, '清除标记').click();
    await idle(page);
    const after = await snapshot();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changedOwn = Object.keys(before).filter((k) => after[k].ownFill !== before[k].ownFill);
    expect(changedOwn).toEqual([]);
    // The marks 校验 added are gone; the template's own rules stay and colour what they did before.
    const notAsBefore = Object.keys(after).filter((k) => after[k].fill !== before[k].fill);
    expect(notAsBefore).toEqual([]);
    expect(await backgroundOf(drawnCell(page, sheet, roles.budgetTotal))).toBe('#00B0F0');
    // The findings list stays: clearing marks changes no cell.
    await findings(page, { rule: 'budget/not-number', sheet, cell: roles.budgetTotal }).waitFor();
    await screenshot(page, 'marks-cleared');
  });

  test('the task pane fits 350 px and, with the page around it, has no serious or critical accessibility violation', async () => {
    const serious = async (builder: AxeBuilder) =>
      (await builder.analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    const views = [t('zh-CN', 'tabs.findings'), t('zh-CN', 'tabs.totals'), t('zh-CN', 'tabs.settings')];
    for (const view of views) {
      await page.locator('#taskpane').getByRole('tab', { name: view }).click();
      await idle(page);
      const fit = await paneFit(page);
      expect(fit.width).toBeLessThanOrEqual(350);
      expect({ view, beyond: fit.beyond }).toEqual({ view, beyond: [] });
      expect({ view, violations: await serious(new AxeBuilder({ page }).include('#taskpane')) }).toEqual({
        view,
        violations: [],
      });
    }
    expect(await serious(new AxeBuilder({ page }))).toEqual([]);
  });

  test('nothing was loaded from outside the preview server, and nothing went wrong in the page', () => {
    expect(opened.external).toEqual([]);
    expect(opened.errors).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
  });
});

describe('the English UI (?lang=en-US)', () => {
  test('shows the four English commands and an English page', async () => {
    const english = await openPreview(browser.context, server.origin, '?lang=en-US');
    const names = await english.page
      .locator('#taskpane')
      .getByRole('toolbar')
      .getByRole('button')
      .evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()));
    expect(names).toEqual(['Insert template', 'Validate', 'Totals', 'Clear highlights']);
    for (const name of names) {
      await expect(commandButton(english.page, name).isEnabled()).resolves.toBe(true);
    }
    await expect(english.page.locator('html').getAttribute('lang')).resolves.toBe('en-US');
    await commandButton(english.page, 'Insert template').click();
    await idle(english.page);
    // English words are longer: the pane must still fit.
    const fit = await paneFit(english.page);
    expect(fit.width).toBeLessThanOrEqual(350);
    expect(fit.beyond).toEqual([]);
    await screenshot(english.page, 'english');
    expect(english.external).toEqual([]);
    expect(english.errors).toEqual([]);
    expect(english.consoleErrors).toEqual([]);
    await english.page.close();
  });
});
