/**
 * The preview page as the browser tests use it: built in development mode (as `npm start` serves
 * it) into a folder of its own, served over http on 127.0.0.1, and a Chromium to open it in.
 */

import { execFile } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { launchChromium, type LaunchedBrowser } from './browser';
import { serveDirectory, type StaticServer } from './static-server';

export interface ServedPreview {
  server: StaticServer;
  browser: LaunchedBrowser;
  /** Closes the browser and the server, and removes the build. */
  close(): Promise<void>;
}

/** Builds and serves the preview page, and starts Chromium; `name` tells the build folders apart. */
export async function servePreview(name: string): Promise<ServedPreview> {
  const buildDir = mkdtempSync(path.join(os.tmpdir(), `perf-targets-${name}-`));
  const root = path.resolve(__dirname, '..', '..', '..');
  await promisify(execFile)(
    process.execPath,
    [path.join(root, 'tests', 'support', 'build-page.js'), 'preview', 'development', buildDir],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const server = await serveDirectory(buildDir);
  const browser = await launchChromium();
  browser.context.setDefaultTimeout(60_000);
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(buildDir, { recursive: true, force: true });
    },
  };
}
