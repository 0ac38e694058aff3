/**
 * The pane as Excel loads it: without `src/i18n` (./index), which the command line, the preview and
 * the other tests import and which holds every string at once. Here zh-CN starts with its
 * first-paint strings only (zh-CN-first.ts); the views' come with the views (`loadViewStrings`).
 * Nothing the pane shows, in any view, may be a bare key such as `findings.heading`.
 */

import { act, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { FakeWorkbench, FakeWorkbook } from './fake-workbench';

const SLOW = { timeout: 10_000 };
const NAMESPACES =
  /\b(?:app|common|commands|tabs|outside|busy|done|selfEval|error|severity|verdict|counts|findings|rows|fixes|totals|settings)\.[a-zA-Z]/;

function shown(): string {
  const labels = Array.from(document.querySelectorAll('[aria-label],[title],[placeholder]')).flatMap((e) =>
    ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''),
  );
  return [document.body.textContent ?? '', ...labels].join('\n');
}

test('every view shows Chinese, not keys, when the first script carried only the first paint’s strings', async () => {
  expect(Object.keys(jest.requireActual('../../src/i18n/core').allStrings('zh-CN'))).not.toContain(
    'findings',
  );
  const book = new FakeWorkbook();
  render(<App workbench={new FakeWorkbench(book, { lang: 'zh-CN' })} lang="zh-CN" />);
  const tabs = await screen.findAllByRole('tab', {}, SLOW);
  expect(tabs.map((tab) => tab.textContent)).toEqual(['问题', '合计', '自评', '设置']);
  await waitFor(() => expect(screen.queryByText('正在读取工作簿…')).toBeNull(), SLOW);
  expect(shown()).not.toMatch(NAMESPACES);
  act(() => screen.getByRole('button', { name: '插入模板' }).click());
  await waitFor(() => expect(book.sheets.size).toBeGreaterThan(0), SLOW);
  for (const tab of ['问题', '合计', '自评', '设置']) {
    act(() => screen.getByRole('tab', { name: tab }).click());
    await waitFor(() => expect(screen.queryByText('正在打开…')).toBeNull(), SLOW);
    expect([tab, shown().match(NAMESPACES)?.[0] ?? null]).toEqual([tab, null]);
  }
});
