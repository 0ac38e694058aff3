/**
 * Every user-visible string, in zh-CN (the default) and en-US; rule messages come from each rule's
 * meta. i18next does the lookup, the placeholders (`{{name}}`) and the zh-CN fallback. This module
 * holds zh-CN; en-US comes with `./index` (which every part but the task pane imports) or, in the
 * task pane, from `loadLang` before the pane is drawn in English: the pane's first script carries
 * only the language it needs, zh-CN being also every language's fallback (SPEC §10).
 */

import i18next, { type i18n as I18n } from 'i18next';
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
  if (!base[lang]) setLanguage(lang, (await import('./en-US')).default);
}

let viewStrings: Promise<void> | undefined;

/**
 * Resolves once zh-CN's strings for the pane's views (问题, 指标, 汇总, 自评, 设置) are loaded: fetched
 * with the views, after the first paint (SPEC §10). en-US, when shown, is whole already.
 */
export function loadViewStrings(): Promise<void> {
  viewStrings ??= import('./zh-CN-views').then(
    (views) => setLanguage('zh-CN', { ...views.default, ...base['zh-CN'] }),
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

function get(): I18n {
  if (!instance) {
    instance = i18next.createInstance();
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
  const text: string = get().t(key, { lng: lang, ...(data ?? {}) });
  return text;
}

/** Office's display language (`en-US`, `en-GB`, `zh-CN` …) → the UI language: English for any `en`, else Chinese. */
export function langFromOffice(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}
