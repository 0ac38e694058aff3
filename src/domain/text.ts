/**
 * How the domain compares what people type: one fold for every name, label and code, and the bare
 * form of an indicator's name whose last word says what it measures. Everything that compares text
 * goes through here, so `社会效益指标`, `社会效益 指标` and `社会效益指标` are the same everywhere.
 */

/**
 * The reader and the rules fold the same few hundred names thousands of times a workbook; NFKC is
 * the reader's hottest spot without a cache. Bounded, since cell text is whatever the user typed.
 */
const CACHE_LIMIT = 20_000;
const folds = new Map<string, string>();

/** Full-width to half-width (NFKC), all white space removed (the ideographic space too), ASCII lower-cased. */
export function fold(text: string): string {
  let folded = folds.get(text);
  if (folded === undefined) {
    folded = text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
    if (folds.size >= CACHE_LIMIT) folds.clear();
    folds.set(text, folded);
  }
  return folded;
}

/**
 * An indicator's name as its ending is read: folded, without what trails the words — a bracketed
 * unit (`信访案件处理率（%）`) or closing punctuation (`满意度。`) — so the last word is the name's own.
 */
export function bareName(name: string): string {
  let s = fold(typeof name === 'string' ? name : '');
  for (let previous = ''; previous !== s;) {
    previous = s;
    s = s.replace(/\([^()]*\)$/u, '').replace(/[。.,;、!?:]+$/u, '');
  }
  return s;
}
