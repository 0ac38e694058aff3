/** Shared steps for the task pane tests: render, wait until ready, read what the user sees. */

import { act, render, screen, waitFor, within } from '@testing-library/react';
import type { Lang } from '../../src/domain/types';
import type { Workbench } from '../../src/excel/workbench';
import { t } from '../../src/i18n';
import { App } from '../../src/taskpane/App';

export const COMMANDS: Record<Lang, string[]> = {
  'zh-CN': ['插入模板', '校验', '汇总', '清除标记'],
  'en-US': ['Insert template', 'Validate', 'Totals', 'Clear highlights'],
};

/**
 * How long to wait for the pane to catch up: generous, since a loaded machine can take seconds to
 * read and validate a workbook; nothing is asserted about the time it takes.
 */
export const SLOW = { timeout: 15000 };

/** Han characters, CJK punctuation and full-width forms. */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** The command bar's toolbar (the findings' filter bar is another toolbar). */
export function commandBar(): HTMLElement {
  return screen.getByRole('toolbar', { name: /^(命令|Commands)$/ });
}

export function commandButton(name: string): HTMLButtonElement {
  return within(commandBar()).getByRole('button', { name }) as HTMLButtonElement;
}

/**
 * A command refuses clicks while an operation runs but keeps the focus (aria-disabled, SPEC §9);
 * outside Excel it is disabled outright.
 */
export function isEnabled(button: HTMLElement): boolean {
  return !(button as HTMLButtonElement).disabled && button.getAttribute('aria-disabled') !== 'true';
}

/** Renders the pane and waits until it has read the workbook (its commands are enabled). */
export async function renderPane(workbench: Workbench, lang: Lang = 'zh-CN') {
  const utils = render(<App workbench={workbench} lang={lang} />);
  await screen.findByRole('region', { name: t(lang, 'verdict.heading') }, SLOW);
  await waitFor(() => expect(screen.queryByText(t(lang, 'busy.load'))).toBeNull(), SLOW);
  await waitFor(() => expect(isEnabled(commandButton(COMMANDS[lang][1]))).toBe(true), SLOW);
  return utils;
}

/** Clicks a command and waits until it has finished (the command bar is enabled again). */
export async function runCommand(name: string, lang: Lang = 'zh-CN') {
  act(() => commandButton(name).click());
  await waitFor(() => expect(isEnabled(commandButton(COMMANDS[lang][1]))).toBe(true), SLOW);
}

export function findingElements(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-rule]'));
}

export function findingAt(sheet: string, cell: string, rule?: string): HTMLElement | undefined {
  return findingElements().find(
    (el) => el.dataset.sheet === sheet && el.dataset.cell === cell && (!rule || el.dataset.rule === rule),
  );
}

/** The pane's text without what came from the workbook (sheet names, cell content). */
export function uiText(): string {
  const clone = document.body.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[translate="no"]').forEach((el) => el.remove());
  return clone.textContent ?? '';
}

/** Matches the element whose whole text is `text`, even when parts of it sit in child elements. */
export function fullText(text: string) {
  return (_: string, el: Element | null): boolean =>
    !!el && el.textContent === text && !Array.from(el.children).some((c) => c.textContent === text);
}
