/**
 * Which Chromium the browser tests and the benchmark drive, and which CJK font it gets:
 * `node tests/support/chromium.js` prints the choice as JSON. tests/e2e/support/browser.ts runs it
 * once per process (as a child process: it points TMPDIR at the folder it unpacks into).
 *
 * - Chromium: CHROMIUM_PATH if set, else the system's (/usr/bin/chromium, chromium-browser, or
 *   either name on PATH), else the one shipped inside the npm package @sparticuz/chromium (Linux
 *   x64), unpacked once into node_modules/.cache/perf-targets-browser/.
 * - CJK font: when the system has none (fontconfig's `fc-list :lang=zh` finds nothing, or there is
 *   no fontconfig), Noto Sans SC from @fontsource-variable/noto-sans-sc, decompressed from WOFF2 to
 *   TrueType (FreeType in Chromium reads neither WOFF nor WOFF2 from disk) and added to the
 *   system's fonts through a fonts.conf that Chromium gets as FONTCONFIG_FILE. The pages are
 *   not changed: Chinese falls back to it as it falls back to a system font.
 */
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'perf-targets-browser');
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const SYSTEM_NAMES = ['chromium', 'chromium-browser'];
const CHROMIUM_PACKAGE = '@sparticuz/chromium';
const FONT_PACKAGE = '@fontsource-variable/noto-sans-sc';

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && isExecutableFile(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

function systemChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  return SYSTEM_PATHS.find(isExecutableFile) || SYSTEM_NAMES.map(onPath).find(Boolean);
}

/** An installed package's folder and version (these packages do not export their package.json). */
function packageInfo(name) {
  let dir = path.dirname(require.resolve(name, { paths: [ROOT] }));
  while (
    !fs.existsSync(path.join(dir, 'package.json')) ||
    readJson(path.join(dir, 'package.json')).name !== name
  ) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = parent;
  }
  return { dir, version: readJson(path.join(dir, 'package.json')).version };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Makes the folder `dir` once: `fill` writes into a fresh sibling that is then renamed into place,
 * so that no one sees it half-made (another test process may be making it at the same time).
 */
async function makeOnce(dir, fill) {
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const partial = fs.mkdtempSync(`${dir}.partial-`);
  try {
    await fill(partial);
    try {
      fs.renameSync(partial, dir);
    } catch (error) {
      if (!fs.existsSync(dir)) throw error;
    }
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

async function npmChromium() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `no Chromium found, and ${CHROMIUM_PACKAGE}'s runs on Linux x64 only: ` +
        'install Chromium or set CHROMIUM_PATH to a Chromium or Chrome executable',
    );
  }
  let info;
  try {
    info = packageInfo(CHROMIUM_PACKAGE);
  } catch {
    throw new Error(
      `no Chromium found, and ${CHROMIUM_PACKAGE} is not installed: run npm ci, or set CHROMIUM_PATH`,
    );
  }
  const dir = path.join(CACHE, `chromium-${info.version}`);
  await makeOnce(dir, async (partial) => {
    // executablePath() unpacks chromium, its libraries and fonts into os.tmpdir(); this process
    // exists to run it, so TMPDIR can point at the folder being made.
    process.env.TMPDIR = partial;
    await require(CHROMIUM_PACKAGE).executablePath();
  });
  const executablePath = path.join(dir, 'chromium');
  if (!isExecutableFile(executablePath))
    throw new Error(`${executablePath} is missing: delete ${dir} and run again`);
  return { executablePath, source: 'npm', package: `${CHROMIUM_PACKAGE}@${info.version}` };
}

function systemHasCjkFont() {
  try {
    const families = execFileSync('fc-list', [':lang=zh', 'family'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60_000,
    });
    return families.trim() !== '';
  } catch {
    return false; // no fontconfig tools
  }
}

const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function npmCjkFont() {
  const info = packageInfo(FONT_PACKAGE);
  const dir = path.join(CACHE, `noto-sans-sc-${info.version}`);
  await makeOnce(dir, async (partial) => {
    const decompress = require('wawoff2/decompress');
    const from = path.join(info.dir, 'files');
    fs.mkdirSync(path.join(partial, 'fonts'));
    for (const name of fs.readdirSync(from).filter((n) => n.endsWith('.woff2'))) {
      const ttf = await decompress(fs.readFileSync(path.join(from, name)));
      fs.writeFileSync(path.join(partial, 'fonts', name.replace(/\.woff2$/, '.ttf')), ttf);
    }
    fs.copyFileSync(path.join(info.dir, 'LICENSE'), path.join(partial, 'fonts', 'LICENSE'));
    // Paths are those of `dir`, where the folder ends up. Our cache directory comes first, so that
    // fontconfig writes its cache of these fonts there rather than into the system's.
    fs.writeFileSync(
      path.join(partial, 'fonts.conf'),
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by tests/support/chromium.js: the system's fonts, and Noto Sans SC from ${FONT_PACKAGE}@${info.version}. -->
<fontconfig>
  <cachedir>${xml(path.join(dir, 'fontconfig-cache'))}</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${xml(path.join(dir, 'fonts'))}</dir>
</fontconfig>
`,
    );
  });
  return {
    fontconfigFile: path.join(dir, 'fonts.conf'),
    font: `Noto Sans SC (${FONT_PACKAGE}@${info.version})`,
  };
}

async function main() {
  const system = systemChromium();
  const chromium = system ? { executablePath: system, source: 'system' } : await npmChromium();
  const font = systemHasCjkFont() ? { fontconfigFile: null, font: 'system' } : await npmCjkFont();
  process.stdout.write(`${JSON.stringify({ ...chromium, ...font })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
