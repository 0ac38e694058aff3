/**
 * 指标行: add a row below, or delete, the indicator row selected in Excel (SPEC §1: rows are added
 * and removed inside the indicator block). A row holding what someone entered is deleted only after
 * the user confirms, with that content in front of them.
 */

import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { QuestionCircle16Regular } from '@fluentui/react-icons';
import { TableDeleteRow20Regular } from '@fluentui/react-icons';
import { TableInsertRow20Regular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import type { Lang } from '../domain/types';
import { t } from '../i18n/core';
import { NoticeBar } from './NoticeBar';
import { WorkbookText, tNodes } from './text';
import type { PendingRemoval } from './usePane';
import { useTextStyles } from './styles';

/** Long descriptions are quoted by their start: enough to recognise the row. */
const QUOTE_LENGTH = 40;

const quote = (text: string): string =>
  text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}…` : text;

const useStyles = makeStyles({
  confirm: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalS,
  },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  heading: {
    marginRight: tokens.spacingHorizontalXS,
  },
  button: {
    maxWidth: '100%',
  },
});

export interface IndicatorRowsProps {
  lang: Lang;
  busy: boolean;
  pending: PendingRemoval | null;
  onAdd(): void;
  onRemove(): void;
  onConfirm(): void;
  onCancel(): void;
}

function Confirmation(props: {
  lang: Lang;
  pending: PendingRemoval;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const { lang, pending, busy } = props;
  const styles = useStyles();
  const keep = useRef<HTMLButtonElement>(null);
  // The question appears away from the button that raised it: focus goes to the harmless answer.
  useEffect(() => keep.current?.focus(), [pending]);
  const row = pending.row + 1;
  return (
    <NoticeBar
      intent="warning"
      title={tNodes(lang, 'rows.confirmTitle', { sheet: <WorkbookText>{pending.sheet}</WorkbookText>, row })}
    >
      {tNodes(lang, 'rows.confirmBody', {
        content: <WorkbookText>{pending.content.map(quote).join(' / ')}</WorkbookText>,
      })}
      <span className={styles.confirm}>
        <Button appearance="primary" size="small" disabled={busy} onClick={props.onConfirm}>
          {t(lang, 'rows.confirm', { row })}
        </Button>
        <Button ref={keep} size="small" disabled={busy} onClick={props.onCancel}>
          {t(lang, 'rows.cancel')}
        </Button>
      </span>
    </NoticeBar>
  );
}

export function IndicatorRows(props: IndicatorRowsProps) {
  const { lang, busy, pending } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const id = useId();
  // One line with its two buttons; how they work is one click away, not in the way of the findings.
  const [help, setHelp] = useState(false);
  return (
    <section className={styles.group} aria-labelledby={`${id}-rows`}>
      <div className={styles.buttons}>
        <h2 id={`${id}-rows`} className={mergeClasses(text.subheading, styles.heading)}>
          {t(lang, 'rows.heading')}
        </h2>
        <Button
          className={styles.button}
          size="small"
          icon={<TableInsertRow20Regular />}
          disabledFocusable={busy}
          onClick={props.onAdd}
        >
          {t(lang, 'rows.add')}
        </Button>
        <Button
          className={styles.button}
          size="small"
          icon={<TableDeleteRow20Regular />}
          disabledFocusable={busy}
          onClick={props.onRemove}
        >
          {t(lang, 'rows.remove')}
        </Button>
        <Button
          size="small"
          appearance="transparent"
          icon={<QuestionCircle16Regular />}
          aria-label={t(lang, 'rows.help')}
          title={t(lang, 'rows.help')}
          aria-expanded={help}
          aria-controls={help ? `${id}-help` : undefined}
          onClick={() => setHelp((h) => !h)}
        />
      </div>
      {help ? (
        <p id={`${id}-help`} className={text.note}>
          {t(lang, 'rows.note')}
        </p>
      ) : null}
      {pending ? (
        <Confirmation
          lang={lang}
          pending={pending}
          busy={busy}
          onConfirm={props.onConfirm}
          onCancel={props.onCancel}
        />
      ) : null}
    </section>
  );
}
