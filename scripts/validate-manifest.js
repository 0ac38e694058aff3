#!/usr/bin/env node
/**
 * `npm run validate`: checks manifest.xml offline, then (when the network allows) with Microsoft's
 * validation service through `office-addin-manifest validate`.
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--base-url https://host/path/] [--root DIR] [--offline]
 *
 * `--base-url` and `--root` say where the icons are served from and where they lie on disk, so
 * that a manifest rewritten by `npm run build -- --env url=…` can be checked against dist/:
 *   node scripts/validate-manifest.js dist/manifest.xml --base-url https://host/path/ --root dist
 *
 * The offline checks are exported (CommonJS) so that tests run exactly what `npm run validate` runs.
 * Each check reports its problems instead of stopping at the first, so one run lists everything to fix.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { XMLParser, XMLValidator } = require('fast-xml-parser');
const { imageSize } = require('image-size');

const DEV_BASE_URL = 'https://localhost:3000/';
const OVERRIDE_LOCALE = 'en-US';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Limits from the add-in manifest schema; Office rejects or truncates longer values. */
const LIMITS = { shortString: 125, longString: 250, resid: 32, displayName: 125, description: 250 };
/** Declared pixel sizes of the top-level icons (Microsoft's guidance for IconUrl / HighResolutionIconUrl). */
const TOP_LEVEL_ICON_SIZES = { IconUrl: 32, HighResolutionIconUrl: 64 };
const URL_ELEMENTS = new Set([
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'SourceLocation',
  'bt:Url',
  'bt:Image',
]);

/**
 * @typedef {{ name: string, attrs: Record<string, string>, children: XmlNode[], text: string }} XmlNode
 * @typedef {{ id: string, title: string, problems: string[] }} CheckResult
 * @typedef {{ root?: string, baseUrl?: string, overrideLocale?: string }} CheckOptions
 */

/** fast-xml-parser's ordered output → a small DOM-like tree that keeps element order and attributes. */
function toTree(ordered) {
  /** @type {XmlNode[]} */
  const nodes = [];
  for (const entry of ordered) {
    const name = Object.keys(entry).find((key) => key !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const children = toTree(entry[name]);
    const text = entry[name]
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join('')
      .trim();
    const attrs = {};
    for (const [key, value] of Object.entries(entry[':@'] || {}))
      attrs[key.replace(/^@_/, '')] = String(value);
    nodes.push({ name, attrs, children, text });
  }
  return nodes;
}

function parseManifest(xml) {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  return toTree(parser.parse(xml));
}

const child = (node, name) => (node ? node.children.find((c) => c.name === name) : undefined);
const children = (node, name) => (node ? node.children.filter((c) => c.name === name) : []);

/** Every descendant of `node` (depth first, document order), with its ancestors' names. */
function* walk(node, ancestors = []) {
  for (const c of node.children) {
    yield { node: c, ancestors };
    yield* walk(c, [...ancestors, c.name]);
  }
}

function childPath(node, names) {
  let current = node;
  for (const name of names) current = child(current, name);
  return current;
}

function wellFormed(xml) {
  const verdict = XMLValidator.validate(xml);
  if (verdict === true) return [];
  const { code, msg, line, col } = verdict.err;
  return [`not well-formed XML (${code}) at line ${line}, column ${col}: ${msg}`];
}

function requiredElements(app) {
  const problems = [];
  if (!app) return ['the root element is not <OfficeApp>'];
  if (app.attrs['xsi:type'] !== 'TaskPaneApp') problems.push('<OfficeApp> must have xsi:type="TaskPaneApp"');

  const text = (name) => (child(app, name) ? child(app, name).text : '');
  const value = (name) => (child(app, name) ? (child(app, name).attrs.DefaultValue ?? '').trim() : '');
  if (!GUID.test(text('Id'))) problems.push(`<Id> must be a GUID, found "${text('Id')}"`);
  if (!/^\d+(\.\d+){0,3}$/.test(text('Version'))) {
    problems.push(`<Version> must look like 1.0.0.0, found "${text('Version')}"`);
  }
  for (const name of ['ProviderName', 'DefaultLocale']) {
    if (!text(name)) problems.push(`<${name}> is missing or empty`);
  }
  for (const name of ['DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    if (!value(name)) problems.push(`<${name} DefaultValue="…"> is missing or empty`);
  }
  const hosts = children(child(app, 'Hosts'), 'Host').map((h) => h.attrs.Name);
  if (!hosts.includes('Workbook')) problems.push('<Hosts> must contain <Host Name="Workbook"/> (Excel)');

  const sets = children(childPath(app, ['Requirements', 'Sets']), 'Set');
  const excelApi = sets.find((s) => s.attrs.Name === 'ExcelApi');
  if (!excelApi) {
    problems.push('<Requirements><Sets> must declare <Set Name="ExcelApi" MinVersion="…"/>');
  } else if (!/^\d+\.\d+$/.test(excelApi.attrs.MinVersion || '')) {
    problems.push(`ExcelApi MinVersion must look like 1.4, found "${excelApi.attrs.MinVersion || ''}"`);
  }

  const source = childPath(app, ['DefaultSettings', 'SourceLocation']);
  if (!source || !(source.attrs.DefaultValue || '').trim()) {
    problems.push('<DefaultSettings><SourceLocation DefaultValue="…"/> is missing');
  }
  const permissions = text('Permissions');
  if (permissions !== 'ReadWriteDocument') {
    problems.push(
      `<Permissions> must be ReadWriteDocument (what the add-in needs, no more), found "${permissions}"`,
    );
  }
  return problems;
}

/** Every URL the manifest hands to Office, with where it was found. */
function urlsOf(app) {
  const urls = [];
  for (const { node, ancestors } of walk(app)) {
    const where = [...ancestors, node.name].join(' > ');
    const isUrlElement = URL_ELEMENTS.has(node.name);
    const parentIsUrlElement = URL_ELEMENTS.has(ancestors[ancestors.length - 1]);
    for (const [attr, value] of Object.entries(node.attrs)) {
      // Outside the URL elements, anything with a scheme is still a URL Office would load.
      const hasScheme = /^([a-z][a-z0-9+.-]*:\/\/|javascript:|data:|vbscript:)/i.test(value.trim());
      const declaredUrl =
        (isUrlElement && attr === 'DefaultValue') ||
        (parentIsUrlElement && /Override$/.test(node.name) && attr === 'Value');
      if (declaredUrl || (hasScheme && !attr.startsWith('xmlns'))) {
        urls.push({ where: `${where} @${attr}`, url: value.trim() });
      }
    }
    if (node.name === 'AppDomain') urls.push({ where, url: node.text });
  }
  return urls;
}

function httpsOnly(app) {
  const problems = [];
  for (const { where, url } of urlsOf(app)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${where}: "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') problems.push(`${where}: "${url}" must use https`);
  }
  return problems;
}

/** The bt:Resources section, by kind: Map of id → the resource element. */
function resourcesOf(app) {
  const resources = childPath(app, ['VersionOverrides', 'Resources']);
  const kinds = {
    image: ['bt:Images', 'bt:Image'],
    url: ['bt:Urls', 'bt:Url'],
    short: ['bt:ShortStrings', 'bt:String'],
    long: ['bt:LongStrings', 'bt:String'],
  };
  const problems = [];
  const byKind = {};
  for (const [kind, [group, item]] of Object.entries(kinds)) {
    byKind[kind] = new Map();
    for (const element of children(child(resources, group), item)) {
      const id = element.attrs.id || '';
      if (!id) problems.push(`a <${item}> in <${group}> has no id`);
      else if (byKind[kind].has(id)) problems.push(`resource id "${id}" is defined twice in <${group}>`);
      byKind[kind].set(id, element);
    }
  }
  return { byKind, problems };
}

/** Which resource kind a `resid` must point at, from the element that references it. */
function residKind(elementName) {
  if (elementName === 'Label' || elementName === 'Title') return 'short';
  if (elementName === 'Description') return 'long';
  if (elementName === 'bt:Image') return 'image';
  return 'url';
}

function residsDefined(app) {
  const { byKind, problems } = resourcesOf(app);
  const kindNames = { short: 'bt:ShortStrings', long: 'bt:LongStrings', image: 'bt:Images', url: 'bt:Urls' };
  for (const { node, ancestors } of walk(app)) {
    const resid = node.attrs.resid;
    if (resid === undefined) continue;
    const kind = residKind(node.name);
    const where = [...ancestors, node.name].join(' > ');
    if (resid.length > LIMITS.resid)
      problems.push(`${where}: resid "${resid}" is longer than ${LIMITS.resid} characters`);
    if (!byKind[kind].has(resid))
      problems.push(`${where}: resid "${resid}" is not defined in <${kindNames[kind]}>`);
  }
  return problems;
}

/** Every string the user reads exists in the override locale too, and fits Office's length limits. */
function localeOverrides(app, overrideLocale) {
  const problems = [];
  const overrideOf = (element, overrideName) =>
    children(element, overrideName).find((o) => o.attrs.Locale === overrideLocale);
  const checkString = (label, element, overrideName, limit) => {
    const base = element.attrs.DefaultValue || '';
    if (base.length > limit) problems.push(`${label}: "${base}" is longer than ${limit} characters`);
    const override = overrideOf(element, overrideName);
    if (!override || !(override.attrs.Value || '').trim()) {
      problems.push(`${label} has no ${overrideLocale} override`);
    } else if (override.attrs.Value.length > limit) {
      problems.push(
        `${label} (${overrideLocale}): "${override.attrs.Value}" is longer than ${limit} characters`,
      );
    }
  };
  if (child(app, 'DisplayName'))
    checkString('<DisplayName>', child(app, 'DisplayName'), 'Override', LIMITS.displayName);
  if (child(app, 'Description'))
    checkString('<Description>', child(app, 'Description'), 'Override', LIMITS.description);

  const { byKind } = resourcesOf(app);
  for (const [id, element] of byKind.short)
    checkString(`short string "${id}"`, element, 'bt:Override', LIMITS.shortString);
  for (const [id, element] of byKind.long)
    checkString(`long string "${id}"`, element, 'bt:Override', LIMITS.longString);
  return problems;
}

/** Each icon URL with the pixel size the manifest declares for it. */
function declaredIcons(app) {
  const icons = [];
  for (const [name, size] of Object.entries(TOP_LEVEL_ICON_SIZES)) {
    const element = child(app, name);
    if (element && element.attrs.DefaultValue)
      icons.push({ where: `<${name}>`, url: element.attrs.DefaultValue, size });
  }
  const { byKind } = resourcesOf(app);
  for (const { node } of walk(app)) {
    if (node.name !== 'bt:Image' || node.attrs.resid === undefined) continue;
    const image = byKind.image.get(node.attrs.resid);
    if (!image || !image.attrs.DefaultValue) continue;
    icons.push({
      where: `image "${node.attrs.resid}"`,
      url: image.attrs.DefaultValue,
      size: Number(node.attrs.size),
    });
  }
  return icons;
}

function iconFiles(app, root, baseUrl) {
  const problems = [];
  const seen = new Set();
  for (const { where, url, size } of declaredIcons(app)) {
    const key = `${url}@${size}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!url.startsWith(baseUrl)) {
      problems.push(`${where}: ${url} is not served by the add-in (expected under ${baseUrl})`);
      continue;
    }
    const relative = decodeURIComponent(url.slice(baseUrl.length).split(/[?#]/)[0]);
    const file = path.resolve(root, relative);
    if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file)) {
      problems.push(`${where}: ${relative} does not exist under ${root}`);
      continue;
    }
    let dimensions;
    try {
      dimensions = imageSize(fs.readFileSync(file));
    } catch (error) {
      problems.push(`${where}: ${relative} is not an image (${error.message})`);
      continue;
    }
    if (dimensions.type !== 'png') problems.push(`${where}: ${relative} is ${dimensions.type}, not PNG`);
    if (dimensions.width !== size || dimensions.height !== size) {
      problems.push(
        `${where}: ${relative} is ${dimensions.width}×${dimensions.height} px, declared ${size}×${size}`,
      );
    }
  }
  return problems;
}

/**
 * Runs every offline check on the manifest text. Files (icons) are looked up under `root`, URLs
 * under `baseUrl` mapping to `root`.
 * @param {string} xml
 * @param {CheckOptions} [options]
 * @returns {{ ok: boolean, checks: CheckResult[] }}
 */
function checkManifest(xml, options = {}) {
  const root = options.root || path.join(__dirname, '..');
  const baseUrl = options.baseUrl || DEV_BASE_URL;
  const overrideLocale = options.overrideLocale || OVERRIDE_LOCALE;
  const checks = [{ id: 'well-formed', title: 'Well-formed XML', problems: wellFormed(xml) }];
  if (checks[0].problems.length === 0) {
    const app = parseManifest(xml).find((n) => n.name === 'OfficeApp');
    const guarded = (fn) => (app ? fn() : ['the root element is not <OfficeApp>']);
    checks.push(
      { id: 'required', title: 'Required elements', problems: requiredElements(app) },
      { id: 'https', title: 'Every URL uses https', problems: guarded(() => httpsOnly(app)) },
      { id: 'resids', title: 'Every resid is defined', problems: guarded(() => residsDefined(app)) },
      {
        id: 'locales',
        title: `Every string has an ${overrideLocale} override`,
        problems: guarded(() => localeOverrides(app, overrideLocale)),
      },
      {
        id: 'icons',
        title: 'Icons exist at the declared sizes',
        problems: guarded(() => iconFiles(app, root, baseUrl)),
      },
    );
  }
  return { ok: checks.every((c) => c.problems.length === 0), checks };
}

/**
 * Asks Microsoft's validation service through office-addin-manifest. Only a verdict from the
 * service counts: not reaching it (offline, firewalled, timed out) is a note, not a failure.
 * @returns {Promise<{ status: 'valid' | 'invalid' | 'unreachable', detail: string }>}
 */
function validateOnline(manifestPath, timeoutMs = 20000) {
  const cli = require.resolve('office-addin-manifest/cli.js');
  return new Promise((resolve) => {
    const childProcess = spawn(process.execPath, [cli, 'validate', manifestPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let output = '';
    childProcess.stdout.on('data', (data) => (output += data));
    childProcess.stderr.on('data', (data) => (output += data));
    const timer = setTimeout(() => {
      childProcess.kill();
      resolve({ status: 'unreachable', detail: `no answer within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    childProcess.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: 'unreachable', detail: error.message });
    });
    childProcess.on('close', (code) => {
      clearTimeout(timer);
      const text = output.trim();
      if (code === 0 && /The manifest is valid/.test(text)) resolve({ status: 'valid', detail: text });
      else if (/The manifest is not valid/.test(text)) resolve({ status: 'invalid', detail: text });
      else
        resolve({
          status: 'unreachable',
          detail: text.split('\n').slice(0, 2).join(' ') || `exit code ${code}`,
        });
    });
  });
}

function parseArgs(argv) {
  const args = { manifest: path.join(__dirname, '..', 'manifest.xml'), offline: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--offline') args.offline = true;
    else if (arg === '--base-url') args.baseUrl = argv[++i];
    else if (arg === '--root') args.root = path.resolve(argv[++i]);
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else args.manifest = path.resolve(arg);
  }
  if (args.baseUrl !== undefined && !/^https:\/\/.+\/$/.test(args.baseUrl)) {
    throw new Error('--base-url must be an https URL ending in "/"');
  }
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  if (args.help) {
    console.log(
      'usage: validate-manifest [manifest.xml] [--base-url https://host/path/] [--root DIR] [--offline]',
    );
    return 0;
  }
  const shown = path.relative(process.cwd(), args.manifest) || args.manifest;
  let xml;
  try {
    xml = fs.readFileSync(args.manifest, 'utf8');
  } catch (error) {
    console.error(`cannot read ${shown}: ${error.message}`);
    return 1;
  }
  console.log(`Checking ${shown}`);
  const { ok, checks } = checkManifest(xml, { root: args.root, baseUrl: args.baseUrl });
  for (const check of checks) {
    console.log(`  ${check.problems.length === 0 ? '✓' : '✗'} ${check.title}`);
    for (const problem of check.problems) console.log(`      - ${problem}`);
  }
  if (!ok) {
    console.log('\nThe manifest has problems (listed above).');
    return 1;
  }
  if (args.offline) {
    console.log('  · Online validation skipped (--offline).');
  } else {
    const online = await validateOnline(args.manifest);
    if (online.status === 'valid') {
      console.log('  ✓ Microsoft validation service: valid');
    } else if (online.status === 'invalid') {
      console.log('  ✗ Microsoft validation service: not valid');
      console.log(online.detail.replace(/^/gm, '      '));
      return 1;
    } else {
      console.log(`  · Microsoft validation service not reached (${online.detail}); offline checks only.`);
    }
  }
  console.log('\nThe manifest is valid.');
  return 0;
}

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code;
  });
}

module.exports = { checkManifest, validateOnline, parseManifest, DEV_BASE_URL, LIMITS };
