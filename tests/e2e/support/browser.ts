/**
 * The one way the browser tests and the benchmark start Chromium, driven by playwright-core (which
 * downloads no browser): the system's Chromium if there is one, else the one inside the npm
 * package @sparticuz/chromium, with Noto Sans SC from npm where the system has no CJK font
 * (tests/support/chromium.js chooses). Headless, sandbox off (CI runs as root), kept off the
 * network, a fresh profile per launch.
 */

import { execFile } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { chromium, type BrowserContext } from 'playwright-core';

export interface BrowserChoice {
  executablePath: string;
  /** `system`: CHROMIUM_PATH or the system's Chromium; `npm`: @sparticuz/chromium's. */
  source: 'system' | 'npm';
  /** The npm package and version, for `npm`. */
  package?: string;
  /** The fonts.conf that adds Noto Sans SC from npm, or null when the system has a CJK font. */
  fontconfigFile: string | null;
  /** Which CJK font: `system`, or the npm font and its package. */
  font: string;
}

const CHOOSE = path.resolve(__dirname, '..', '..', 'support', 'chromium.js');

/**
 * Playwright's own defaults already turn off most background traffic (component updates, sync,
 * field trials, …); these repeat the essentials and close the rest: no QUIC, no domain-reliability
 * reports or hyperlink pings, and no host name resolves except the loopback that the tests' own
 * servers use, so nothing can reach the network even where there is one. @sparticuz/chromium's
 * own `args` are made for AWS Lambda (single process, web security off) and are not used.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

let choice: Promise<BrowserChoice> | undefined;

/** Which Chromium and CJK font are used, found (and unpacked, the first time) once per process. */
export function chooseBrowser(): Promise<BrowserChoice> {
  choice ??= promisify(execFile)(process.execPath, [CHOOSE], { timeout: 300_000 }).then(
    ({ stdout }) => JSON.parse(stdout) as BrowserChoice,
    (error: Error & { stderr?: string }) => {
      choice = undefined;
      throw new Error(`no Chromium to run: ${error.stderr?.trim() || error.message}`);
    },
  );
  return choice;
}

/** "Chromium 147.0.7727.0 from @sparticuz/chromium@147.0.0, CJK font Noto Sans SC (…)", for logs. */
export function describeBrowser(chosen: BrowserChoice, version: string): string {
  const from = chosen.source === 'npm' ? chosen.package : chosen.executablePath;
  return `Chromium ${version} from ${from}, CJK font: ${chosen.font}`;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Which Chromium, which version, which CJK font. */
  description: string;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  const chosen = await chooseBrowser();
  const profile = mkdtempSync(path.join(os.tmpdir(), 'perf-targets-e2e-profile-'));
  try {
    // A persistent context is how Playwright takes --user-data-dir: the fresh temp dir is the profile.
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chosen.executablePath,
      headless: true,
      args: ARGS,
      env: chosen.fontconfigFile ? { ...process.env, FONTCONFIG_FILE: chosen.fontconfigFile } : undefined,
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      timeout: 120_000,
    });
    return {
      context,
      description: describeBrowser(chosen, context.browser()?.version() ?? 'of unknown version'),
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
