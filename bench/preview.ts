/**
 * SPEC §10 preview: the time a finance officer waits in the preview page between committing a wrong
 * 指标值 with Enter and seeing its finding in the task pane. The page is the production build of the
 * preview (as `npm start` serves it, minified); a template is inserted, an indicator named, and then
 * a wrong and a right value are typed in turn. Both ends are taken inside the page: the Enter key's
 * keydown event, and the moment a MutationObserver sees the finding for that cell in the pane. The
 * figure includes the live validation's debounce (DEBOUNCE_MS of src/preview/index.tsx), which is
 * reported beside it.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { buildTemplate } from '../src/domain/layout';
import { launchChromium } from '../tests/e2e/support/browser';
import { activeSheet, commandButton, drawnCell, idle, openPreview } from '../tests/e2e/support/preview-page';
import { serveDirectory } from '../tests/e2e/support/static-server';
import { median, round1 } from './stats';

const ROOT = join(__dirname, '..');

export interface PreviewResult {
  editToFindingMs: number;
  /** The live validation's debounce, included in editToFindingMs. */
  debounceMs: number;
}

export interface PreviewDetail {
  runs: number;
  samples: number[];
  browser: string;
}

export interface PreviewOptions {
  runs?: number;
  log?: (line: string) => void;
}

/** A rate given a money unit: the rules flag it wherever the name says 率. */
const NAME = '信访案件处理率';
const WRONG = ['≤20万元', '≥30万元', '≤25元'];
const RIGHT = '≥90%';

/** The preview's debounce, read from its source so that the figure says what it includes. */
function debounceMs(): number {
  const source = readFileSync(join(ROOT, 'src', 'preview', 'index.tsx'), 'utf8');
  const match = /const DEBOUNCE_MS = (\d+)/.exec(source);
  if (!match) throw new Error('preview: DEBOUNCE_MS not found in src/preview/index.tsx');
  return Number(match[1]);
}

/** Types `text` into the cell and presses Enter; resolves with the ms from Enter to the cell's finding. */
async function timeToFinding(page: Page, sheet: string, address: string, text: string): Promise<number> {
  await page.evaluate(
    ([s, a]) => {
      const w = window as unknown as {
        __bench?: { enter?: number; shown?: number; observer?: MutationObserver };
      };
      const state: { enter?: number; shown?: number; observer?: MutationObserver } = {};
      w.__bench = state;
      const pane = document.getElementById('taskpane');
      if (!pane) throw new Error('no #taskpane');
      const selector = `[data-rule][data-sheet="${CSS.escape(s)}"][data-cell="${CSS.escape(a)}"]`;
      document.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter' && state.enter === undefined) state.enter = performance.now();
        },
        { capture: true },
      );
      state.observer = new MutationObserver(() => {
        if (state.enter !== undefined && state.shown === undefined && pane.querySelector(selector)) {
          state.shown = performance.now();
          state.observer?.disconnect();
        }
      });
      state.observer.observe(pane, { childList: true, subtree: true, attributes: true });
    },
    [sheet, address] as const,
  );
  await drawnCell(page, sheet, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => (window as unknown as { __bench: { shown?: number } }).__bench.shown !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const state = (window as unknown as { __bench: { enter: number; shown: number } }).__bench;
    return state.shown - state.enter;
  });
}

export async function measurePreview(
  options: PreviewOptions = {},
): Promise<{ result: PreviewResult; detail: PreviewDetail }> {
  const runs = options.runs ?? 7;
  const log = options.log ?? (() => undefined);
  const out = mkdtempSync(join(tmpdir(), 'perf-targets-bench-preview-'));
  try {
    log('preview: building the preview page (production) …');
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'tests', 'support', 'build-page.js'), 'preview', 'production', out],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    const server = await serveDirectory(out);
    const browser = await launchChromium();
    try {
      browser.context.setDefaultTimeout(60_000);
      const { page } = await openPreview(browser.context, server.origin);
      await commandButton(page, '插入模板').click();
      await idle(page);
      const sheet = await activeSheet(page);
      const { roles } = buildTemplate({ profile: 'hebei-2019' });
      await drawnCell(page, sheet, roles.indicatorName).click();
      await page.keyboard.insertText(NAME);
      await page.keyboard.press('Enter');
      await idle(page);
      const samples: number[] = [];
      // One warm-up round, then the timed ones; a right value between them clears the finding.
      for (let i = 0; i <= runs; i++) {
        const ms = await timeToFinding(page, sheet, roles.value, WRONG[i % WRONG.length]);
        if (i > 0) samples.push(round1(ms));
        log(`preview run ${i}/${runs}${i === 0 ? ' (warm-up)' : ''}: ${ms.toFixed(0)} ms`);
        await drawnCell(page, sheet, roles.value).click();
        await page.keyboard.type(RIGHT);
        await page.keyboard.press('Enter');
        await idle(page);
      }
      return {
        result: { editToFindingMs: round1(median(samples)), debounceMs: debounceMs() },
        detail: { runs, samples, browser: browser.description },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
