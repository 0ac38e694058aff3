/**
 * 参考指标 (SPEC §13): beside the indicator row selected in Excel, the library's entries under that
 * row's 二级 that match what is typed, best first, each with an example and its source; 插入 writes
 * the 三级指标 name, and the description and basis only where empty — never the value. This file,
 * the library and its strings are a chunk of their own, loaded after the pane is interactive.
 */

import { Button, Input, Label, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { parseRangeA1 } from '../domain/address';
import type { WorkbookState } from '../domain/analysis';
import { searchReferenceIndicators, sourceLabel, type LibraryEntry } from '../domain/library';
import type { Lang } from '../domain/types';
import type { ReferenceInserted, ReferenceToInsert } from '../excel/workbench';
import { t } from '../i18n/core';
import '../i18n/library';
import { useTextStyles } from './styles';
import { WorkbookText, tNodes } from './text';

/** Enough to choose from in a narrow pane; typing more narrows them. */
const SHOWN = 8;
/** Quiet time after typing before the selection is read again. */
const SETTLE_MS = 250;

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  field: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  name: {
    fontWeight: tokens.fontWeightSemibold,
  },
  insert: {
    flexShrink: 0,
    whiteSpace: 'nowrap',
  },
});

/** The indicator row the selection is on, as the pane last read the workbook. */
interface SelectedRow {
  sheet: string;
  /** 0-based. */
  row: number;
  level2: string;
}

export interface ReferencePanelProps {
  lang: Lang;
  state: WorkbookState | null;
  busy: boolean;
  selection(): Promise<{ sheet: string; address: string } | null>;
  onInsert(
    sheet: string,
    row: number,
    reference: ReferenceToInsert,
    said: (result: ReferenceInserted) => ReactNode,
  ): void;
}

function rowAt(
  state: WorkbookState | null,
  at: { sheet: string; address: string } | null,
): SelectedRow | null {
  if (!state || !at) return null;
  let top: number;
  try {
    const range = parseRangeA1(at.address);
    if (range.top !== range.bottom) return null;
    top = range.top;
  } catch {
    return null;
  }
  for (const table of state.tables) {
    if (table.sheet !== at.sheet) continue;
    const found = table.indicators.find((i) => i.row === top);
    if (found) return { sheet: at.sheet, row: top, level2: found.level2.text };
  }
  return null;
}

function referenceOf(entry: LibraryEntry): ReferenceToInsert {
  return {
    name: entry.name,
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.basis ? { basis: entry.basis } : {}),
  };
}

/** What 插入 did, in words: the cells written, those kept as the user had them, and the value left alone. */
function saidOf(lang: Lang, entry: LibraryEntry, result: ReferenceInserted): ReactNode {
  const parts: ReactNode[] = [];
  if (result.written.length > 0)
    parts.push(
      ...tNodes(lang, 'library.panel.inserted', {
        name: <WorkbookText>{entry.name}</WorkbookText>,
        cells: result.written.map((w) => w.cell).join('、'),
      }),
    );
  if (result.kept.length > 0)
    parts.push(t(lang, 'library.panel.kept', { cells: result.kept.map((k) => k.cell).join('、') }));
  parts.push(t(lang, 'library.panel.valueYours', { example: entry.example }));
  return parts.map((p, i) => <span key={i}>{p}</span>);
}

export function ReferencePanel(props: ReferencePanelProps) {
  const { lang, state, busy, selection, onInsert } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const id = useId();
  const [query, setQuery] = useState('');
  const [at, setAt] = useState<{ sheet: string; address: string } | null>(null);
  const asked = useRef(0);

  // The selection moves in Excel without telling the pane: it is read again whenever the user comes
  // to the panel or types in it, and whenever the workbook is read anew.
  const locate = useCallback(() => {
    const n = ++asked.current;
    void selection().then((found) => {
      if (n === asked.current) setAt(found);
    });
  }, [selection]);

  useEffect(() => {
    locate();
  }, [locate, state]);

  useEffect(() => {
    const timer = setTimeout(locate, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [query, locate]);

  const current = useMemo(() => rowAt(state, at), [state, at]);

  const hits = useMemo(
    () =>
      current || query.trim()
        ? searchReferenceIndicators(query, { level2: current?.level2, limit: SHOWN })
        : [],
    [query, current],
  );

  return (
    <section className={styles.panel} aria-labelledby={`${id}-title`} onFocus={locate} data-references="">
      <h2 id={`${id}-title`} className={text.subheading}>
        {t(lang, 'library.panel.title')}
      </h2>
      {current ? (
        <p className={text.note}>
          {tNodes(lang, 'library.panel.under', {
            sheet: <WorkbookText>{current.sheet}</WorkbookText>,
            row: current.row + 1,
            level2: <WorkbookText>{current.level2}</WorkbookText>,
          })}
        </p>
      ) : (
        <p className={text.note}>{t(lang, 'library.panel.noRow')}</p>
      )}
      <div className={styles.field}>
        <Label htmlFor={`${id}-search`} size="small">
          {t(lang, 'library.panel.searchLabel')}
        </Label>
        <Input
          id={`${id}-search`}
          type="search"
          size="small"
          value={query}
          placeholder={t(lang, 'library.panel.searchPlaceholder')}
          onChange={(_, data) => setQuery(data.value)}
        />
      </div>
      {query.trim() && hits.length === 0 ? (
        <p className={text.note} role="status">
          {t(lang, 'library.panel.none', { query: query.trim() })}
        </p>
      ) : null}
      {hits.length > 0 ? (
        <ul className={styles.list} aria-label={t(lang, 'library.panel.title')}>
          {hits.map(({ entry, index, sameLevel2 }) => (
            <li key={index} className={styles.item} data-suggestion={entry.name}>
              <div className={styles.text}>
                <span className={styles.name}>
                  {entry.name}
                  {current && !sameLevel2
                    ? ` ${t(lang, 'library.panel.otherLevel2', { level2: entry.level2 })}`
                    : ''}
                </span>
                <span className={text.note}>
                  {t(lang, 'library.panel.example', { example: entry.example })}
                  {' · '}
                  {t(lang, 'library.panel.source', { source: sourceLabel(entry.source) })}
                </span>
              </div>
              <Button
                className={styles.insert}
                size="small"
                icon={<Add16Regular />}
                disabled={busy || !current}
                aria-label={t(lang, 'library.panel.insertName', { name: entry.name })}
                onClick={() => {
                  if (current)
                    onInsert(current.sheet, current.row, referenceOf(entry), (r) => saidOf(lang, entry, r));
                }}
              >
                {t(lang, 'library.panel.insert')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
