/** What the pane says when something failed: the error's own first line, never a stack. */

import type { Finding, Lang } from '../../domain/types';
import { t } from '../../i18n/core';

/** The error's own message, first line only (never a stack), or a generic one when it has none. */
export function errorText(lang: Lang, error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const firstLine = (raw.split(/\r?\n/)[0] ?? '').trim();
  if (!firstLine) return t(lang, 'error.unknown');
  return firstLine.length > 300 ? `${firstLine.slice(0, 300)}…` : firstLine;
}

/** What the pane says when an operation failed. */
export function plainError(lang: Lang, error: unknown): string {
  return t(lang, 'error.failed', { message: errorText(lang, error) });
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  /** Empty required cells of fresh tables (SPEC §4): progress, counted apart from the defects. */
  toFill: number;
}

export function countBySeverity(findings: readonly Finding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, toFill: 0 };
  for (const f of findings) {
    if (f.toFill) {
      if (f.severity !== 'info') counts.toFill++;
    } else if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** `2 个错误、1 个警告` — the counts that are not zero (a zero count says nothing), in `lang`. */
export function countsText(lang: Lang, counts: Partial<Counts>): string {
  const part = (key: string, count: number | undefined): string[] =>
    count ? [t(lang, `counts.${key}.${count === 1 ? 'one' : 'other'}`, { count })] : [];
  return [
    ...part('error', counts.errors),
    ...part('warning', counts.warnings),
    ...part('toFill', counts.toFill),
  ].join(t(lang, 'counts.separator'));
}
