/** What the pane says when something failed: the error's own first line, never a stack. */

import type { Finding, Lang } from '../../domain/types';
import { t } from '../../i18n';

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

export function countBySeverity(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
