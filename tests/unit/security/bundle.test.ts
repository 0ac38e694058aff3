/**
 * What Excel actually loads: the built task pane. Its page keeps the Content-Security-Policy and
 * loads scripts only from the add-in and office.js's CDN; none of the JavaScript that came from
 * src/ evaluates strings, and nothing in the bundle calls eval (the policy would block it, breaking
 * whatever relied on it). The scan uses the build in dist/ when it is newer than every source (CI
 * builds before it tests); otherwise it builds the task pane into a temporary folder first.
 */

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { SourceMap } from 'module';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/** dist/ when it was built after the last change to anything that goes into the task pane. */
function freshDist(): string | undefined {
  const page = path.join(DIST, 'taskpane.html');
  if (!fs.existsSync(page)) return undefined;
  const inputs = ['src', 'webpack.config.js', 'package-lock.json', 'tsconfig.json'].map((p) =>
    path.join(ROOT, p),
  );
  const newest = Math.max(...inputs.filter((p) => fs.existsSync(p)).map(newestMtime));
  return fs.statSync(page).mtimeMs >= newest ? DIST : undefined;
}

let out: string;
let temporary: string | undefined;

beforeAll(() => {
  const fresh = freshDist();
  if (fresh) {
    out = fresh;
    return;
  }
  temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-bundle-'));
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'tests', 'support', 'build-page.js'), 'taskpane', 'production', temporary],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  out = temporary;
}, 600_000);

afterAll(() => {
  if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
});

interface Hit {
  file: string;
  what: string;
  source: string;
}

const EVALUATES = /\beval\s*\(|\bnew\s+Function\s*\(|(?<![\w.$])Function\s*\(\s*['"`]/g;

/** Each place in the built JavaScript that evaluates a string, with the source it was built from. */
function evaluations(): Hit[] {
  const hits: Hit[] = [];
  for (const file of fs.readdirSync(out).filter((f) => f.endsWith('.js'))) {
    const code = fs.readFileSync(path.join(out, file), 'utf8');
    const mapFile = path.join(out, `${file}.map`);
    const map = fs.existsSync(mapFile)
      ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')))
      : undefined;
    code.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(EVALUATES)) {
        const entry = map?.findEntry(i, m.index ?? 0) as { originalSource?: string } | undefined;
        hits.push({ file, what: m[0], source: entry?.originalSource ?? 'unknown' });
      }
    });
  }
  return hits;
}

const fromOurCode = (source: string): boolean =>
  /^webpack:\/\/[^/]*\/\.\/src\//.test(source) || source === 'unknown';

describe('the built task pane', () => {
  test('is there: its page, its scripts and their source maps', () => {
    const files = fs.readdirSync(out);
    expect(files).toContain('taskpane.html');
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(files).toContain(`${script}.map`);
  });

  test('keeps the policy, and loads office.js from the CDN and every other script from itself', () => {
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const policy =
      /http-equiv=["']?Content-Security-Policy["']?[^>]*content="([^"]*)"/i.exec(html)?.[1] ?? '';
    expect(policy).toMatch(new RegExp(`script-src 'self' ${OFFICE_ORIGIN.replace(/[./]/g, '\\$&')};`));
    const sources = [
      ...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?([^"'\s>]+)/gi),
    ].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(1);
    const remote = sources.filter((s) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(s));
    expect(remote).toEqual([`${OFFICE_ORIGIN}/lib/1/hosted/office.js`]);
    for (const local of sources.filter((s) => !remote.includes(s)))
      expect(fs.existsSync(path.join(out, local.split(/[?#]/)[0]))).toBe(true);
  });

  test('runs no string as code from src/, and calls eval nowhere', () => {
    const hits = evaluations();
    expect(hits.filter((h) => fromOurCode(h.source))).toEqual([]);
    expect(hits.filter((h) => /eval/.test(h.what))).toEqual([]);
  });
});
