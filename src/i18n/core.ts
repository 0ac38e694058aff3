/**
 * Every user-visible string, in zh-CN (the default) and en-US; rule messages come from each rule's
 * meta. This module holds zh-CN; en-US comes with `./index` (which every part but the task pane
 * imports) or, in the task pane, from `loadLang` before the pane is drawn in English: the pane's
 * first script carries only the language it needs, zh-CN being also every language's fallback. The lookup, the placeholders (`{{name}}`) and the zh-CN fallback are done here as i18next
 * did them for this project's strings (tests/unit/i18n-equivalence.test.ts holds the two to the
 * same text): i18next was the largest library in the task pane's first script after React (SPEC §10).
 */

import type { Lang } from '../domain/types';
import zhCN from './zh-CN';

export type { Lang };
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

type Resource = Record<string, unknown>;
const extra: Record<Lang, Resource> = { 'zh-CN': {}, 'en-US': {} };
const merged: Partial<Record<Lang, Resource>> = {};
/** The UI strings of each language loaded so far. */
const base: Partial<Record<Lang, Resource>> = { 'zh-CN': zhCN };

/** Makes `strings` the UI strings of `lang` (en-US: `./index` or `loadLang` does it). */
export function setLanguage(lang: Lang, strings: Resource): void {
  base[lang] = strings;
  delete merged[lang];
}

/** Resolves once `lang`'s UI strings are loaded (fetched the first time for en-US in the task pane). */
export async function loadLang(lang: Lang): Promise<void> {
  if (!base[lang]) setLanguage(lang, (await import('./en-US')).default);
}

/** Adds strings under a namespace-like key prefix (used for rule messages); call before the first `t`. */
export function registerStrings(lang: Lang, key: string, strings: Resource): void {
  extra[lang][key] = { ...(extra[lang][key] ?? {}), ...strings };
  delete merged[lang];
}

/** Every string of `lang` registered so far (the UI's, and those added with registerStrings). */
export function allStrings(lang: Lang): Resource {
  return { ...(base[lang] ?? {}), ...extra[lang] };
}

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** What `key` (dot-separated) names in `lang`'s strings, or undefined. */
function lookup(lang: Lang, key: string): unknown {
  let node: unknown = (merged[lang] ??= allStrings(lang));
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !own(node, part)) return undefined;
    node = (node as Resource)[part];
  }
  return node;
}

/** A value as i18next's interpolator turns it into text: null and undefined empty, others as `'' + value`. */
function asText(value: unknown): string {
  if (value == null) return '';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- i18next made objects text this way too
  return typeof value === 'string' ? value : '' + value;
}

/** `{{-name}}`, then `{{name}}`: i18next's two passes (the first unescaped; neither escapes here). */
const PASSES = [/\{\{-(.+?)\}\}/g, /\{\{(.+?)\}\}/g];
/** i18next's limit of replacements per pass. */
const MAX_REPLACES = 1000;

/**
 * The placeholders of `template` filled from `values` step by step as i18next's interpolator does
 * (escaping off, variables not scanned again): a value is inserted at the first occurrence of its
 * placeholder's text, `$` taken literally; a placeholder without a value stays as written, one whose
 * value is null or undefined becomes empty.
 */
function interpolate(template: string, values: Record<string, unknown>): string {
  let text = template;
  for (const pass of PASSES) {
    const regex = new RegExp(pass.source, 'g');
    let replaces = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text))) {
      const name = match[1].trim();
      const raw = own(values, name) ? values[name] : undefined;
      if (raw === undefined && !own(values, name)) continue;
      const value = asText(raw);
      text = text.replace(match[0], value.replace(/\$/g, '$$$$'));
      regex.lastIndex += value.length - match[0].length;
      if (++replaces >= MAX_REPLACES) break;
    }
  }
  return text;
}

/** The string for `key` in `lang`, with `{{placeholders}}` filled from `data`. */
export function t(lang: Lang, key: string, data?: Record<string, unknown>): string {
  let found = lookup(lang, key);
  if (found === undefined && lang !== 'zh-CN') found = lookup('zh-CN', key);
  if (found === undefined) return key;
  if (typeof found !== 'string') return `key '${key} (zh-CN)' returned an object instead of string.`;
  return interpolate(found, { lng: lang, ...(data ?? {}) });
}

/** Office's display language (`en-US`, `en-GB`, `zh-CN` …) → the UI language: English for any `en`, else Chinese. */
export function langFromOffice(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}
