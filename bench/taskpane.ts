/**
 * SPEC §10 task pane, on the production build: the JavaScript the task pane has loaded when it
 * becomes interactive (office.js excluded; gzip -9 of each file, in the run that had loaded the
 * most), and its load-to-interactive time in Chromium against a bare React + FluentProvider page
 * (bench/baseline) built by the same webpack configuration. office.js is replaced by the same
 * local shim (bench/office-shim.js) in both pages; the two are loaded alternately, each in a fresh
 * browser profile, and the medians compared.
 */

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { Configuration, MultiStats } from 'webpack';
import { launchChromium } from '../tests/e2e/support/browser';
import { serveDirectory } from '../tests/e2e/support/static-server';
import { median, round1, round3 } from './stats';

const ROOT = join(__dirname, '..');
const load = createRequire(__filename);

interface BuildConfig {
  createConfig(options: { root: string; mode: string }): Configuration;
  OFFICE_JS_CDN: string;
}
type HtmlPluginClass = new (
  options: Record<string, unknown>,
) => NonNullable<Configuration['plugins']>[number];

export interface TaskpaneResult {
  initialJsGzipBytes: number;
  loadMs: number;
  baselineLoadMs: number;
  ratio: number;
}

export interface ScriptSize {
  file: string;
  gzipBytes: number;
}

export interface TaskpaneDetail {
  runs: number;
  /** Which Chromium ran the pages (system or npm, version) and which CJK font it had. */
  browser: string;
  /** The scripts counted in initialJsGzipBytes (those of the run that loaded the most), gzip -9. */
  initialScripts: ScriptSize[];
  /** The scripts the page's HTML loads: what the pane needs before it is interactive. */
  htmlScripts: ScriptSize[];
  baselineJsGzipBytes: number;
  loads: number[];
  baselineLoads: number[];
}

export interface TaskpaneOptions {
  runs?: number;
  log?: (line: string) => void;
}

/** Both pages built for production into `out`/taskpane and `out`/baseline. */
async function build(out: string): Promise<string> {
  const webpack = load('webpack') as typeof import('webpack');
  const HtmlWebpackPlugin = load('html-webpack-plugin') as HtmlPluginClass;
  const { createConfig, OFFICE_JS_CDN } = load(join(ROOT, 'webpack.config.js')) as BuildConfig;
  const taskpane = createConfig({ root: ROOT, mode: 'production' });
  taskpane.output = { ...taskpane.output, path: join(out, 'taskpane') };
  const baseline: Configuration = {
    ...createConfig({ root: ROOT, mode: 'production' }),
    entry: { baseline: join(ROOT, 'bench', 'baseline', 'index.tsx') },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'baseline.html',
        template: join(ROOT, 'bench', 'baseline', 'baseline.html'),
        chunks: ['baseline'],
      }),
    ],
  };
  baseline.output = { ...baseline.output, path: join(out, 'baseline') };
  const stats = await new Promise<MultiStats>((resolve, reject) =>
    webpack([taskpane, baseline], (err, result) => (err || !result ? reject(err) : resolve(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return OFFICE_JS_CDN;
}

const gzipBytes = (dir: string, file: string): number =>
  gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

const sum = (scripts: ScriptSize[]): number => scripts.reduce((n, s) => n + s.gzipBytes, 0);

/** The page's own scripts, as its HTML loads them (office.js, from elsewhere, excluded). */
function htmlScripts(dir: string, page: string): ScriptSize[] {
  const html = readFileSync(join(dir, page), 'utf8');
  // The build minifies the HTML: attribute values may be quoted either way or not at all.
  const sources = [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  return sources
    .filter((src) => !/^(?:[a-z]+:)?\/\//i.test(src))
    .map((src) => src.replace(/^\.?\//, ''))
    .map((file) => ({ file, gzipBytes: gzipBytes(dir, file) }));
}

/**
 * Records, at document start, the first animation frame at which a command button (the first
 * button of the command toolbar) is laid out, visible and enabled: milliseconds since navigation
 * start.
 */
const INTERACTIVE_PROBE = `(() => {
  const w = window;
  const ready = () => {
    const button = document.querySelector('[role="toolbar"] button');
    if (!button || button.disabled || button.getAttribute('aria-disabled') === 'true') return false;
    const box = button.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(button).visibility !== 'hidden';
  };
  const observer = new MutationObserver(() => {
    if (w.__interactiveAt !== undefined || w.__pending || !ready()) return;
    w.__pending = true;
    observer.disconnect();
    requestAnimationFrame(() => { w.__interactiveAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

interface Load {
  ms: number;
  browser: string;
  /** The page's own scripts whose download had finished when it became interactive, by URL path. */
  scripts: string[];
}

async function loadOnce(url: string, officeJs: string, shim: string): Promise<Load> {
  const browser = await launchChromium();
  try {
    const page: Page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(officeJs, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: shim }),
    );
    await page.addInitScript(INTERACTIVE_PROBE);
    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => (window as unknown as { __interactiveAt?: number }).__interactiveAt,
      undefined,
      { timeout: 60_000 },
    );
    const ms = (await handle.jsonValue()) as number;
    if (errors.length > 0) throw new Error(`${url}: ${errors.join('; ')}`);
    const scripts = await page.evaluate(
      ({ at, origin }) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.startsWith(origin) && /\.js$/.test(new URL(e.name).pathname))
          .filter((e) => (e as PerformanceResourceTiming).responseEnd <= at)
          .map((e) => new URL(e.name).pathname),
      { at: ms, origin: new URL(url).origin },
    );
    return { ms, scripts, browser: browser.description };
  } finally {
    await browser.close();
  }
}

export async function measureTaskpane(
  options: TaskpaneOptions = {},
): Promise<{ result: TaskpaneResult; detail: TaskpaneDetail }> {
  const runs = options.runs ?? 9;
  const log = options.log ?? (() => undefined);
  const out = mkdtempSync(join(tmpdir(), 'perf-targets-bench-build-'));
  try {
    log('task pane: production build of the task pane and the baseline page …');
    const officeJs = await build(out);
    const paneDir = join(out, 'taskpane');
    const fromHtml = htmlScripts(paneDir, 'taskpane.html');
    const baselineScripts = htmlScripts(join(out, 'baseline'), 'baseline.html');
    if (fromHtml.length === 0)
      throw new Error(`no scripts in taskpane.html (${readdirSync(paneDir).join(', ')})`);
    const shim = readFileSync(join(ROOT, 'bench', 'office-shim.js'), 'utf8');
    const server = await serveDirectory(out);
    const loads: number[] = [];
    const baselineLoads: number[] = [];
    // What the pane had loaded by the time it was interactive, in the run where that was the most.
    let loaded: ScriptSize[] = [];
    let browser = '';
    try {
      const pages = {
        taskpane: `${server.origin}/taskpane/taskpane.html`,
        baseline: `${server.origin}/baseline/baseline.html`,
      };
      // Alternating which page goes first, so that neither always follows the other.
      for (let i = 0; i < runs; i++) {
        const order = i % 2 === 0 ? (['taskpane', 'baseline'] as const) : (['baseline', 'taskpane'] as const);
        for (const which of order) {
          const { ms, scripts, browser: used } = await loadOnce(pages[which], officeJs, shim);
          browser = used;
          if (which === 'baseline') {
            baselineLoads.push(ms);
            continue;
          }
          loads.push(ms);
          const sizes = scripts
            .map((path) => path.replace(/^\/taskpane\//, ''))
            .map((file) => ({
              file,
              gzipBytes: gzipBytes(paneDir, file),
            }));
          if (sum(sizes) > sum(loaded)) loaded = sizes;
        }
        log(
          `task pane run ${i + 1}/${runs}: task pane ${loads[i].toFixed(0)} ms, baseline ${baselineLoads[i].toFixed(0)} ms`,
        );
      }
    } finally {
      await server.close();
    }
    const loadMs = median(loads);
    const baselineLoadMs = median(baselineLoads);
    return {
      result: {
        initialJsGzipBytes: sum(loaded),
        loadMs: round1(loadMs),
        baselineLoadMs: round1(baselineLoadMs),
        ratio: round3(loadMs / baselineLoadMs),
      },
      detail: {
        runs,
        browser,
        initialScripts: loaded,
        htmlScripts: fromHtml,
        baselineJsGzipBytes: sum(baselineScripts),
        loads: loads.map(round1),
        baselineLoads: baselineLoads.map(round1),
      },
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
