/**
 * The four commands, always at the top of the pane (SPEC §9 fixes their accessible names): the pane
 * lays it out above its scrolling content, so it never scrolls away.
 */

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Regular } from '@fluentui/react-icons';
import { DocumentTableArrowRight20Regular } from '@fluentui/react-icons';
import { Eraser20Regular } from '@fluentui/react-icons';
import { TableAdd20Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Lang } from '../domain/types';
import { t } from '../i18n/core';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    flexShrink: 0,
  },
  button: {
    flexGrow: 1,
    minWidth: 0,
  },
});

export interface CommandBarProps {
  lang: Lang;
  /** No workbook to act on (outside Excel). */
  disabled: boolean;
  /**
   * An operation is running: the buttons refuse clicks but keep the focus, so that a command
   * started from the keyboard leaves the focus on its button (SPEC §9), not on the page body.
   */
  busy?: boolean;
  onInsertTemplate(): void;
  onValidate(): void;
  onTotals(): void;
  onClearHighlights(): void;
}

export function CommandBar(props: CommandBarProps) {
  const styles = useStyles();
  const { lang, disabled } = props;
  const button = (label: string, icon: ReactElement, onClick: () => void) => (
    <Button
      className={styles.button}
      appearance="subtle"
      icon={icon}
      disabled={disabled}
      disabledFocusable={props.busy === true}
      onClick={onClick}
    >
      {t(lang, label)}
    </Button>
  );
  return (
    <div role="toolbar" aria-label={t(lang, 'commands.bar')} className={styles.bar}>
      {button('commands.insertTemplate', <TableAdd20Regular />, props.onInsertTemplate)}
      {button('commands.validate', <CheckmarkCircle20Regular />, props.onValidate)}
      {button('commands.totals', <DocumentTableArrowRight20Regular />, props.onTotals)}
      {button('commands.clearHighlights', <Eraser20Regular />, props.onClearHighlights)}
    </div>
  );
}
