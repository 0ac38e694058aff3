/**
 * A notice in the pane (what an operation did, a workbook problem, why the pane cannot work here): an
 * intent colour and icon, the text, and an optional action. Drawn with the theme's tokens rather than
 * Fluent's MessageBar, whose motion and layout code would weigh on the pane's first load (SPEC §10).
 */

import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled } from '@fluentui/react-icons';
import { DismissCircle16Filled } from '@fluentui/react-icons';
import { Info16Filled } from '@fluentui/react-icons';
import { Warning16Filled } from '@fluentui/react-icons';
import { useId, type ReactNode } from 'react';

export type NoticeIntent = 'info' | 'success' | 'warning' | 'error';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderStyle('solid'),
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
  },
  icon: { flexShrink: 0, paddingTop: '2px' },
  body: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', paddingTop: '1px', paddingBottom: '1px' },
  action: { flexShrink: 0, marginTop: `calc(-1 * ${tokens.spacingVerticalXXS})` },
  info: {
    backgroundColor: tokens.colorNeutralBackground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  infoIcon: { color: tokens.colorNeutralForeground3 },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  successIcon: { color: tokens.colorPaletteGreenForeground1 },
  warning: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1),
  },
  warningIcon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  errorIcon: { color: tokens.colorPaletteRedForeground1 },
});

const ICONS = {
  info: Info16Filled,
  success: CheckmarkCircle16Filled,
  warning: Warning16Filled,
  error: DismissCircle16Filled,
} as const;

/** A group, as Fluent's MessageBar is, named by its title when it has one. */
export function NoticeBar(props: {
  intent: NoticeIntent;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  const styles = useStyles();
  const titleId = useId();
  const Icon = ICONS[props.intent];
  return (
    <div
      role="group"
      aria-labelledby={props.title ? titleId : undefined}
      className={mergeClasses(styles.bar, styles[props.intent])}
      data-intent={props.intent}
    >
      <Icon className={mergeClasses(styles.icon, styles[`${props.intent}Icon`])} aria-hidden />
      <div className={styles.body}>
        {props.title ? <strong id={titleId}>{props.title}</strong> : null}
        {props.title && props.children ? ' ' : null}
        {props.children}
      </div>
      {props.action ? <div className={styles.action}>{props.action}</div> : null}
    </div>
  );
}
