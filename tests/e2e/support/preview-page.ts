/**
 * Driving the preview page the way a person does (click a cell, type, Enter; press the task pane's
 * buttons) and reading it the way SPEC §9 promises browser tests can: drawn cells by data-sheet /
 * data-address, findings by data-rule / data-cell, `window.previewWorkbook`.
 */

import { mkdirSync } from 'fs';
import * as path from 'path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { buildTemplate, type TemplateSpec } from '../../../src/domain/layout';
import type { PreviewWorkbook } from '../../../src/preview/book';
import type { CellInput, TableInput } from '../../fixtures/table-builder';

export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'e2e');

type PreviewWindow = Window & { previewWorkbook: PreviewWorkbook };

export interface OpenedPage {
  page: Page;
  /** Dialogs the page tried to open (alert, confirm …): cell text must never run. */
  dialogs: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  /** Requests that left the preview's own server. */
  external: string[];
  /** Errors the page logged (React's warnings included). */
  consoleErrors: string[];
}

export async function openPreview(context: BrowserContext, origin: string, query = ''): Promise<OpenedPage> {
  const page = await context.newPage();
  const opened: OpenedPage = { page, dialogs: [], errors: [], external: [], consoleErrors: [] };
  page.on('dialog', (dialog) => {
    opened.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => opened.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') opened.consoleErrors.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) opened.external.push(url);
  });
  // PREVIEW_HOST=excel2019 (…) runs a whole browser suite against another emulated Excel (SPEC §9).
  const host = process.env.PREVIEW_HOST;
  if (host && !/[?&]host=/.test(query)) query = `${query}${query ? '&' : '?'}host=${host}`;
  await page.goto(`${origin}/preview.html${query}`);
  await page.waitForFunction(() => typeof (window as unknown as PreviewWindow).previewWorkbook === 'object');
  await commandButton(page, query.includes('en-US') ? 'Insert template' : '插入模板').waitFor();
  await idle(page);
  return opened;
}

export function idle(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as PreviewWindow).previewWorkbook.idle());
}

export function selection(page: Page): Promise<{ sheet: string; address: string }> {
  return page.evaluate(() => (window as unknown as PreviewWindow).previewWorkbook.selection);
}

export function getCell(
  page: Page,
  sheet: string,
  address: string,
): Promise<ReturnType<PreviewWorkbook['getCell']>> {
  return page.evaluate(([s, a]) => (window as unknown as PreviewWindow).previewWorkbook.getCell(s, a), [
    sheet,
    address,
  ] as const);
}

export async function getCells(
  page: Page,
  sheet: string,
  addresses: string[],
): Promise<Record<string, { fill: string | null; ownFill: string | null; text: string }>> {
  return page.evaluate(
    ({ s, list }) => {
      const wb = (window as unknown as PreviewWindow).previewWorkbook;
      const out: Record<string, { fill: string | null; ownFill: string | null; text: string }> = {};
      for (const a of list) {
        const c = wb.getCell(s, a);
        out[a] = { fill: c.fill, ownFill: c.ownFill, text: c.text };
      }
      return out;
    },
    { s: sheet, list: addresses },
  );
}

/** Many user edits at once (Enter after each), through `previewWorkbook.setValue`. */
export async function setValues(page: Page, sheet: string, entries: Entry[]): Promise<void> {
  await page.evaluate(
    ({ s, list }) => {
      const wb = (window as unknown as PreviewWindow).previewWorkbook;
      for (const e of list) wb.setValue(s, e.address, e.text);
    },
    { s: sheet, list: entries },
  );
}

const attr = (value: string): string => JSON.stringify(value);

/** The drawn cell (the master of a merge carries its top-left address). */
export function drawnCell(page: Page, sheet: string, address: string): Locator {
  return page.locator(`[data-sheet=${attr(sheet)}][data-address=${attr(address)}]`);
}

export function drawnCells(page: Page, sheet: string): Locator {
  return page.locator(`[data-sheet=${attr(sheet)}][data-address]`);
}

export function findings(
  page: Page,
  filter: { rule?: string; sheet?: string; cell?: string; severity?: string },
): Locator {
  let selector = '[data-rule]';
  if (filter.rule) selector += `[data-rule=${attr(filter.rule)}]`;
  if (filter.severity) selector += `[data-severity=${attr(filter.severity)}]`;
  if (filter.sheet) selector += `[data-sheet=${attr(filter.sheet)}]`;
  if (filter.cell) selector += `[data-cell=${attr(filter.cell)}]`;
  return page.locator('#taskpane').locator(selector);
}

/** One of the four commands at the top of the task pane, by its exact accessible name. */
export function commandButton(page: Page, name: string): Locator {
  return page.locator('#taskpane').getByRole('toolbar').getByRole('button', { name, exact: true });
}

export function sheetTab(page: Page, sheet: string): Locator {
  return page.locator('#workbook-area nav').getByRole('button', { name: sheet, exact: true });
}

export async function activeSheet(page: Page): Promise<string> {
  return (await page.locator('#workbook-area nav [aria-current="true"]').innerText()).trim();
}

/**
 * The task pane's width, and the elements in it that reach beyond its right edge: the pane is as
 * narrow as Excel's (350 px), and nothing in it may need a horizontal scroll or be cut off.
 */
export function paneFit(page: Page): Promise<{ width: number; beyond: string[] }> {
  return page.locator('#taskpane').evaluate((pane) => {
    const edge = pane.getBoundingClientRect().right;
    const beyond = [...pane.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge + 0.5)
      .map(
        (el) => `${el.tagName.toLowerCase()}.${String(el.className)}: ${(el.textContent ?? '').slice(0, 30)}`,
      );
    return { width: pane.clientWidth, beyond };
  });
}

/** The computed background colour of an element as `#RRGGBB`, or null when transparent. */
export async function backgroundOf(locator: Locator): Promise<string | null> {
  const css = await locator.evaluate((el) => getComputedStyle(el).backgroundColor);
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(css);
  if (!m) throw new Error(`unexpected colour ${css}`);
  if (m[4] !== undefined && Number(m[4]) === 0) return null;
  return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/** A person clicking the cell, typing `text` and pressing Enter. */
export async function typeInto(page: Page, sheet: string, address: string, text: string): Promise<void> {
  await drawnCell(page, sheet, address).click();
  // Long Chinese text arrives as an IME commits it: a phrase at a time.
  if (text.length > 12) await page.keyboard.insertText(text);
  else await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

let shots = 0;

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  shots++;
  const file = path.join(ARTIFACTS, `${String(shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface Entry {
  address: string;
  text: string;
}

const text = (input: CellInput | undefined): string | undefined => {
  if (input === undefined || input === null || input === '') return undefined;
  if (typeof input === 'object') return input.value === null ? undefined : String(input.value);
  return String(input);
};

/** 二级 names compare without the optional `指标` suffix (SPEC §2). */
const level2Key = (name: string): string => name.trim().replace(/指标$/, '');

/**
 * What a person types into a fresh template to enter `table`, cell by cell, in reading order:
 * the unit line, code and name, the budget, usage, plan, goal, then each indicator on the template
 * row of its 二级 (the template comes with one row per 二级, 一级 and 二级 filled in).
 */
export function entriesFor(
  table: TableInput,
  spec: TemplateSpec = buildTemplate({ profile: 'hebei-2019' }),
): Entry[] {
  const out: Entry[] = [];
  const add = (address: string, input: CellInput | undefined) => {
    const t = text(input);
    if (t !== undefined) out.push({ address, text: t });
  };
  const { roles } = spec;
  add(roles.unitLine, table.unit);
  add(roles.code, table.code);
  add(roles.name, table.name);
  add(roles.budgetTotal, table.total);
  add(roles.budgetFiscal, table.fiscal);
  add(roles.budgetOther, table.other);
  add(roles.usage, table.usage);
  (['plan1', 'plan2', 'plan3', 'plan4'] as const).forEach((role, i) => add(roles[role], table.plan?.[i]));
  add(roles.goal, table.goal);

  const rowOfLevel2 = new Map<string, number>();
  for (const cell of spec.cells) {
    if (cell.role === 'level2' && cell.value) rowOfLevel2.set(level2Key(cell.value), cell.row);
  }
  const column = (role: 'indicatorName' | 'description' | 'value' | 'basis'): string =>
    roles[role].replace(/\d+$/, '');
  const used = new Set<number>();
  for (const indicator of table.indicators ?? []) {
    const row = indicator.level2 !== undefined ? rowOfLevel2.get(level2Key(indicator.level2)) : undefined;
    if (row === undefined || used.has(row)) {
      throw new Error(
        `no free template row for the 二级 ${indicator.level2 ?? '(none)'} of ${table.name ?? ''}`,
      );
    }
    used.add(row);
    add(`${column('indicatorName')}${row + 1}`, indicator.name);
    add(`${column('description')}${row + 1}`, indicator.description);
    add(`${column('value')}${row + 1}`, indicator.value);
    add(`${column('basis')}${row + 1}`, indicator.basis);
  }
  return out;
}

/** The template cell where the indicator named `name` of `table` goes, for the role asked. */
export function indicatorCell(
  table: TableInput,
  name: string,
  role: 'indicatorName' | 'value',
  spec: TemplateSpec = buildTemplate({ profile: 'hebei-2019' }),
): string {
  const column = spec.roles[role].replace(/\d+$/, '');
  const nameColumn = spec.roles.indicatorName.replace(/\d+$/, '');
  const entry = entriesFor(table, spec).find(
    (e) => e.text === name && new RegExp(`^${nameColumn}\\d+$`).test(e.address),
  );
  if (!entry) throw new Error(`no indicator ${name} in ${table.name ?? ''}`);
  return `${column}${entry.address.slice(nameColumn.length)}`;
}

/** 插入模板 from the pane: the new sheet, which is active and was not there before. */
export async function insertTemplate(page: Page): Promise<string> {
  const before = await page.locator('#workbook-area nav button').allInnerTexts();
  await commandButton(page, '插入模板').click();
  await idle(page);
  const sheet = await activeSheet(page);
  if (before.includes(sheet)) throw new Error(`插入模板 made no new sheet (active: ${sheet})`);
  return sheet;
}
