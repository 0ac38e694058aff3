/** Translated text with React nodes in its placeholders (workbook content kept apart from UI text). */

import { Fragment, type ReactNode } from 'react';
import type { Lang } from '../domain/types';
import { t } from '../i18n/core';

const MARK = '\u0000';

/**
 * `t(lang, key)` with each placeholder named in `nodes` replaced by that node, so that text from the
 * workbook can be wrapped (e.g. in `<span translate="no">`) wherever a language puts it.
 */
export function tNodes(lang: Lang, key: string, nodes: Record<string, ReactNode>): ReactNode[] {
  const names = Object.keys(nodes);
  const data: Record<string, string> = {};
  names.forEach((name, i) => (data[name] = `${MARK}${i}${MARK}`));
  const parts = t(lang, key, data).split(new RegExp(`${MARK}(\\d+)${MARK}`));
  return parts.map((part, i) =>
    i % 2 === 0 ? part : <Fragment key={i}>{nodes[names[Number(part)]]}</Fragment>,
  );
}

/** Text that comes from the workbook (a sheet name, a cell's content): shown as typed, never translated. */
export function WorkbookText(props: { children: ReactNode }) {
  return <span translate="no">{props.children}</span>;
}
