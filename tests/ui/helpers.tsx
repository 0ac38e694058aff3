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

export function commandButton(name: string): HTMLButtonElement {
  return within(screen.getByRole('toolbar')).getByRole('button', { name }) as HTMLButtonElement;
}

/** Renders the pane and waits until it has read the workbook (its commands are enabled). */
export async function renderPane(workbench: Workbench, lang: Lang = 'zh-CN') {
  const utils = render(<App workbench={workbench} lang={lang} />);
  await screen.findByRole('heading', { name: t(lang, 'verdict.heading') }, SLOW);
  await waitFor(() => expect(screen.queryByText(t(lang, 'busy.load'))).toBeNull(), SLOW);
  await waitFor(() => expect(commandButton(COMMANDS[lang][1]).disabled).toBe(false), SLOW);
  return utils;
}

/** Clicks a command and waits until it has finished (the command bar is enabled again). */
export async function runCommand(name: string, lang: Lang = 'zh-CN') {
  act(() => commandButton(name).click());
  await waitFor(() => expect(commandButton(COMMANDS[lang][1]).disabled).toBe(false), SLOW);
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
