/**
 * `t` (src/i18n) looks strings up and fills their placeholders itself, as i18next did: i18next was
 * 13 KB of the task pane's first script (SPEC §10). Every string of every part (the pane, the
 * adapter, the 汇总 sheet, the library, the command line, the preview) must come out as i18next
 * configured as before made it, in both languages, with ordinary, missing, empty and hostile values
 * (placeholder and nesting syntax, `$` patterns) and random ones.
 */

import fc from 'fast-check';
import i18next, { type i18n as I18n } from 'i18next';
import { allStrings, t, LANGS, type Lang } from '../../src/i18n';
import '../../src/i18n/cli';
import '../../src/i18n/library';
import '../../src/i18n/summary';
import '../../src/excel/strings';
import '../../src/preview/strings';

/** i18next as src/i18n configured it before it was replaced. */
function reference(): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    showSupportNotice: false,
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    nsSeparator: false,
    resources: {
      'zh-CN': { translation: allStrings('zh-CN') },
      'en-US': { translation: allStrings('en-US') },
    },
  });
  return instance;
}

function leaves(node: unknown, prefix: string, out: [string, string][]): [string, string][] {
  if (typeof node === 'string') out.push([prefix, node]);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const placeholders = (template: string): string[] => [
  ...new Set([...template.matchAll(/\{\{-?(.+?)\}\}/g)].map((m) => m[1].trim())),
];

const HOSTILE = [
  '{{sheet}}',
  '{{count}}',
  '{{- name}}',
  '$t(app.title)',
  '$&',
  '$1 $$ $`',
  "$'",
  '{{',
  '}}',
  '<b>x</b>',
  '',
];

const i18n = reference();
const viaI18next = (lang: Lang, key: string, data?: Record<string, unknown>): string =>
  i18n.t(key, { lng: lang, ...(data ?? {}) });

const keys = [...new Set(LANGS.flatMap((lang) => leaves(allStrings(lang), '', []).map(([k]) => k)))];

describe('t, as i18next made the strings', () => {
  it('knows the strings of every part', () => {
    expect(keys.length).toBeGreaterThan(300);
    // i18next's plural and context forms would change the lookup when `count` is given: none exist.
    expect(keys.filter((k) => /_(zero|one|two|few|many|other|ordinal_\w+)$/.test(k))).toEqual([]);
    expect(keys.filter((k) => /\$t\(|\{\{[^}]*,/.test(t('zh-CN', k)))).toEqual([]);
  });

  it.each(LANGS)('%s: every key, with and without its values', (lang) => {
    for (const key of keys) {
      const template = t(lang, key);
      expect(template).toBe(viaI18next(lang, key));
      const names = placeholders(template);
      const sets: Record<string, unknown>[] = [
        Object.fromEntries(names.map((n, i) => [n, `值${i}`])),
        Object.fromEntries(names.map((n, i) => [n, i * 7 - 3])),
        Object.fromEntries(names.map((n) => [n, null])),
        Object.fromEntries(names.map((n) => [n, undefined])),
        Object.fromEntries(names.slice(1).map((n) => [n, 'x'])),
        ...HOSTILE.map((h) => Object.fromEntries(names.map((n) => [n, h]))),
        ...HOSTILE.map((h) => Object.fromEntries(names.map((n, i) => [n, i === 0 ? h : `v${i}`]))),
      ];
      for (const data of sets) expect(t(lang, key, data)).toBe(viaI18next(lang, key, data));
    }
  });

  it('missing keys and keys naming a group', () => {
    for (const lang of LANGS) {
      for (const key of ['no.such.key', 'commands', 'app.title.more', 'cli', '']) {
        expect(t(lang, key)).toBe(viaI18next(lang, key));
      }
    }
  });

  it('random values in random strings', () => {
    const withPlaceholders = keys.filter((k) => placeholders(t('zh-CN', k)).length > 0);
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(...HOSTILE),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...withPlaceholders),
        fc.constantFrom(...LANGS),
        fc.array(value, { minLength: 6, maxLength: 6 }),
        (key, lang, values) => {
          const names = placeholders(t('zh-CN', key));
          const data = Object.fromEntries(names.map((n, i) => [n, values[i % values.length]]));
          expect(t(lang, key, data)).toBe(viaI18next(lang, key, data));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
