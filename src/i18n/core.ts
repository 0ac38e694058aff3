/**
 * Every user-visible string, in zh-CN (the default) and en-US; rule messages come from each rule's
 * meta. i18next does the lookup, the placeholders (`{{name}}`) and the zh-CN fallback. This module
 * holds zh-CN; en-US comes with `./index` (which every part but the task pane imports) or, in the
 * task pane, from `loadLang` before the pane is drawn in English: the pane's first script carries
 * only the language it needs, zh-CN being also every language's fallback (SPEC §10).
 *
 * i18next itself is not in the pane's first script either: `./index` hands it over at once, the
 * pane fetches it with its views (`loadViewStrings`) or its English strings (`loadLang`). Until then
 * the first paint's few strings — plain text and `{{name}}` placeholders, nothing else of i18next's
 * — are looked up by `firstPaintT`, held to give exactly what i18next gives for every one of them
 * (tests/unit/i18n-first-lookup.test.ts).
 */

import type { i18n as I18n } from 'i18next';
import type { Lang } from '../domain/types';
import zhCNFirst from './zh-CN-first';

export type { Lang };
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

type Resource = Record<string, unknown>;
const extra: Record<Lang, Resource> = { 'zh-CN': {}, 'en-US': {} };
/**
 * The UI strings of each language loaded so far. The task pane starts with zh-CN's first-paint
 * strings (zh-CN-first.ts) and adds its views' with `loadViewStrings`; `./index` sets all of them.
 */
const base: Partial<Record<Lang, Resource>> = { 'zh-CN': zhCNFirst };

/** Makes `strings` the UI strings of `lang` (en-US: `./index` or `loadLang` does it). */
export function setLanguage(lang: Lang, strings: Resource): void {
  base[lang] = strings;
  instance = undefined;
}

/** Resolves once `lang`'s UI strings are loaded (fetched the first time for en-US in the task pane). */
export async function loadLang(lang: Lang): Promise<void> {
  if (base[lang]) return;
  const [strings] = await Promise.all([import('./en-US'), loadI18next()]);
  setLanguage(lang, strings.default);
}

type I18next = typeof import('i18next').default;
let engine: I18next | undefined;
let engineLoading: Promise<void> | undefined;

/** Makes `lib` the look-up from now on (`./index` does it at once, with i18next imported). */
export function useI18next(lib: I18next): void {
  engine = lib;
  instance = undefined;
}

/** Resolves once i18next is loaded (fetched as a chunk of its own in the task pane). */
export function loadI18next(): Promise<void> {
  if (engine) return Promise.resolve();
  engineLoading ??= import('i18next').then(
    (m) => useI18next(m.default),
    (error: unknown) => {
      engineLoading = undefined;
      throw error;
    },
  );
  return engineLoading;
}

let viewStrings: Promise<void> | undefined;

/**
 * Resolves once zh-CN's strings for the pane's views (问题, 指标, 汇总, 自评, 设置) are loaded: fetched
 * with the views, after the first paint (SPEC §10). en-US, when shown, is whole already.
 */
export function loadViewStrings(): Promise<void> {
  viewStrings ??= Promise.all([import('./zh-CN-views'), loadI18next()]).then(
    ([views]) => setLanguage('zh-CN', { ...views.default, ...base['zh-CN'] }),
    (error: unknown) => {
      viewStrings = undefined;
      throw error;
    },
  );
  return viewStrings;
}

/** Adds strings under a namespace-like key prefix (used for rule messages); call before the first `t`. */
export function registerStrings(lang: Lang, key: string, strings: Resource): void {
  extra[lang][key] = { ...(extra[lang][key] ?? {}), ...strings };
  instance = undefined;
}

/** Every string of `lang` registered so far (the UI's, and those added with registerStrings). */
export function allStrings(lang: Lang): Resource {
  return { ...(base[lang] ?? {}), ...extra[lang] };
}

let instance: I18n | undefined;

function get(lib: I18next): I18n {
  if (!instance) {
    instance = lib.createInstance();
    void instance.init({
      initAsync: false,
      // i18next otherwise advertises on console.info, i.e. on stdout: it would corrupt the CLI's JSON.
      showSupportNotice: false,
      lng: 'zh-CN',
      fallbackLng: 'zh-CN',
      // React and our own text output escape for their medium; i18next must not HTML-escape.
      interpolation: { escapeValue: false },
      // Rule ids contain '/', message keys never contain ':' or '.' beyond the nesting below.
      nsSeparator: false,
      resources: {
        'zh-CN': { translation: allStrings('zh-CN') },
        'en-US': { translation: allStrings('en-US') },
      },
    });
  }
  return instance;
}

/** The string for `key` in `lang`, with `{{placeholders}}` filled from `data`. */
export function t(lang: Lang, key: string, data?: Record<string, unknown>): string {
  if (!engine) return firstPaintT(lang, key, data);
  const text: string = get(engine).t(key, { lng: lang, ...(data ?? {}) });
  return text;
}

/** The string at `key`'s dotted path in `strings`, if it is a string. */
function stringAt(strings: Resource, key: string): string | undefined {
  let node: unknown = strings;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Resource)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The look-up before i18next is loaded, as i18next makes it for plain strings: `lang`'s string,
 * else zh-CN's, else the key; `{{name}}` filled with `data.name` (null or undefined as nothing; a
 * placeholder `data` does not name is left as written).
 */
export function firstPaintT(lang: Lang, key: string, data?: Record<string, unknown>): string {
  const text = stringAt(allStrings(lang), key) ?? stringAt(allStrings('zh-CN'), key);
  if (text === undefined) return key;
  if (!data) return text;
  return text.replace(/\{\{\s*(-?)\s*([^{}\s]+)\s*\}\}/gu, (whole, _raw: string, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, name)) return whole;
    const value = data[name];
    // As i18next writes a value: objects as String() makes them, which it does too.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return value === null || value === undefined ? '' : String(value);
  });
}

/** Office's display language (`en-US`, `en-GB`, `zh-CN` …) → the UI language: English for any `en`, else Chinese. */
export function langFromOffice(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}
