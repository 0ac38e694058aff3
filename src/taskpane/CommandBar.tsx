/** The four commands, always at the top of the pane (SPEC §9 fixes their accessible names). */

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Regular } from '@fluentui/react-icons';
import { DocumentTableArrowRight20Regular } from '@fluentui/react-icons';
import { Eraser20Regular } from '@fluentui/react-icons';
import { TableAdd20Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { Lang } from '../domain/types';
import { t } from '../i18n';

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
    position: 'sticky',
    top: 0,
    zIndex: 1,
  },
  button: {
    flexGrow: 1,
    minWidth: 0,
  },
});

export interface CommandBarProps {
  lang: Lang;
  /** No workbook to act on (outside Excel) or an operation is running. */
  disabled: boolean;
  onInsertTemplate(): void;
  onValidate(): void;
  onTotals(): void;
  onClearHighlights(): void;
}

export function CommandBar(props: CommandBarProps) {
  const styles = useStyles();
  const { lang, disabled } = props;
  const button = (label: string, icon: ReactElement, onClick: () => void) => (
    <Button className={styles.button} appearance="subtle" icon={icon} disabled={disabled} onClick={onClick}>
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
