/**
 * Before i18next is loaded, the task pane's first paint looks its strings up with `firstPaintT`
 * (src/i18n/core.ts). It must give what i18next gives: for every string of both languages (not only
 * the first paint's, so that a string moved into the first paint stays right), with placeholders
 * filled from numbers, text, null, nothing, and absent or unknown keys.
 */

import { allStrings, firstPaintT, t, type Lang } from '../../src/i18n';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*-?\s*([^{}\s]+)\s*\}\}/gu)].map((m) => m[1] as string);
}

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const stringAt = (lang: Lang, key: string): string =>
  key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], allStrings(lang)) as string;

describe('firstPaintT', () => {
  const cases = LANGS.flatMap((lang) => keysOf(allStrings(lang)).map((key) => [lang, key] as const));

  test('sees the strings of both languages', () => {
    expect(cases.length).toBeGreaterThan(200);
    expect(
      cases.filter(([, key]) => placeholders(stringAt('zh-CN', key) ?? '').length > 0).length,
    ).toBeGreaterThan(20);
  });

  test.each([
    ['numbers', (i: number) => i * 7 + 1],
    ['text', (i: number) => `名称${i}<&>“x”`],
    ['null', () => null],
    ['undefined', () => undefined],
  ])('gives what i18next gives, every placeholder filled with %s', (_what, value) => {
    for (const [lang, key] of cases) {
      const names = placeholders(stringAt(lang, key));
      const data = Object.fromEntries(names.map((n, i) => [n, value(i)]));
      expect([lang, key, firstPaintT(lang, key, data)]).toEqual([lang, key, t(lang, key, data)]);
    }
  });

  test('gives what i18next gives without data, with others’ data, and for an unknown key', () => {
    for (const [lang, key] of cases) {
      expect(firstPaintT(lang, key)).toBe(t(lang, key));
      expect(firstPaintT(lang, key, { unrelated: 1 })).toBe(t(lang, key, { unrelated: 1 }));
    }
    for (const lang of LANGS) {
      expect(firstPaintT(lang, 'no.such.key')).toBe(t(lang, 'no.such.key'));
      expect(firstPaintT(lang, 'commands')).not.toBe('');
    }
  });
});
