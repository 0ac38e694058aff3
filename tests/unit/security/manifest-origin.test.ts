/**
 * The add-in loads only from its own server: every address in the manifest (the task pane, the
 * ribbon's function file, the icons, the help page) is https on one origin, and the manifest lets
 * the pane navigate nowhere else (no AppDomains beyond its own). The manifest.test.ts checks cover
 * permissions and https; this one covers the origin, in the repository and once rewritten for a
 * deployment.
 */

import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';

const ROOT = path.join(__dirname, '..', '..', '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const { rewriteManifest } = jest.requireActual<{ rewriteManifest(xml: string, url: string): string }>(
  path.join(ROOT, 'webpack.config.js'),
);

type Node = Record<string, unknown>;

/** Every attribute value and text of the manifest, with the path of elements that holds it. */
function strings(xml: string): { where: string; value: string }[] {
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
  }).parse(xml);
  const out: { where: string; value: string }[] = [];
  const walk = (node: unknown, where: string): void => {
    if (typeof node === 'string') out.push({ where, value: node.trim() });
    else if (Array.isArray(node)) node.forEach((n) => walk(n, where));
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node as Node))
        if (!key.startsWith('@xmlns')) walk(value, `${where}/${key}`);
  };
  walk(doc, '');
  return out;
}

/** Everything Office would load or navigate to: values with a URL scheme, and AppDomain entries. */
function addresses(xml: string): { where: string; url: string }[] {
  return strings(xml)
    .filter(({ where, value }) => /^[a-z][a-z0-9+.-]*:/i.test(value) || /\/AppDomain(?:\/|$)/.test(where))
    .map(({ where, value }) => ({ where, url: value }));
}

function sourceLocation(xml: string): URL {
  const found = strings(xml).find((s) => s.where.endsWith('DefaultSettings/SourceLocation/@DefaultValue'));
  if (!found) throw new Error('no <DefaultSettings><SourceLocation>');
  return new URL(found.value);
}

/** The non-empty values found under elements whose path matches. */
function found(xml: string, where: RegExp): string[] {
  return strings(xml)
    .filter((s) => where.test(s.where) && s.value !== '')
    .map((s) => s.value);
}

describe.each([
  ['manifest.xml (development)', MANIFEST, 'https://localhost:3000'],
  [
    'manifest.xml rewritten for https://addins.example.gov.cn/perf-targets/',
    rewriteManifest(MANIFEST, 'https://addins.example.gov.cn/perf-targets/'),
    'https://addins.example.gov.cn',
  ],
])('%s', (_name, xml, origin) => {
  test('points the task pane at its own https origin', () => {
    const source = sourceLocation(xml);
    expect(source.protocol).toBe('https:');
    expect(source.origin).toBe(origin);
  });

  test('loads the pane, the function file, the icons and the help page from that origin only', () => {
    const found = addresses(xml);
    const where = found.map((a) => a.where);
    expect(where).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/DefaultSettings\/SourceLocation/),
        expect.stringMatching(/IconUrl/),
        expect.stringMatching(/HighResolutionIconUrl/),
        expect.stringMatching(/bt:Image/),
        expect.stringMatching(/bt:Url/),
      ]),
    );
    const elsewhere = found.filter(({ url }) => {
      try {
        return new URL(url).origin !== origin;
      } catch {
        return true;
      }
    });
    expect(elsewhere).toEqual([]);
  });

  test('declares no other domain the pane may navigate to', () => {
    const domains = found(xml, /\/AppDomains?(?:\/|$)/);
    expect(domains.every((d) => new URL(d).origin === origin)).toBe(true);
  });
});

describe('the origin check', () => {
  test('catches an icon, a function file or an AppDomain on another host', () => {
    const foreign = [
      MANIFEST.replace(
        'https://localhost:3000/assets/icon-32.png"/>\n  <HighResolutionIconUrl',
        'https://cdn.example.com/icon-32.png"/>\n  <HighResolutionIconUrl',
      ),
      MANIFEST.replace(
        'DefaultValue="https://localhost:3000/commands.html"',
        'DefaultValue="https://evil.example.com/commands.html"',
      ),
      MANIFEST.replace(
        '<Permissions>',
        '<AppDomains><AppDomain>https://login.example.com</AppDomain></AppDomains>\n  <Permissions>',
      ),
    ];
    for (const xml of foreign) {
      expect(xml).not.toBe(MANIFEST);
      const elsewhere = addresses(xml).filter(({ url }) => new URL(url).origin !== 'https://localhost:3000');
      expect(elsewhere).toHaveLength(1);
    }
  });
});
