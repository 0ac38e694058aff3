/**
 * The view switcher: an ARIA tab list (arrow keys, Home/End move between tabs). Fluent's TabList
 * would add a quarter of the pane's initial script for its animated indicator; this is all we need.
 */

import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    border: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground2,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ...createFocusOutlineStyle(),
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

export interface ViewTab<V extends string> {
  value: V;
  label: string;
}

export function ViewTabs<V extends string>(props: {
  label: string;
  tabs: ViewTab<V>[];
  selected: V;
  idPrefix: string;
  onSelect(value: V): void;
}) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  const { tabs, selected } = props;

  const onKeyDown = (e: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.value === selected);
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (index + 1) % tabs.length
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (index - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    props.onSelect(tabs[next].value);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label={props.label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            id={`${props.idPrefix}-tab-${tab.value}`}
            aria-selected={isSelected}
            aria-controls={`${props.idPrefix}-panel`}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => props.onSelect(tab.value)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

/** The panel that shows the selected view, labelled by its tab. */
export function ViewPanel(props: {
  idPrefix: string;
  selected: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      className={props.className}
      id={`${props.idPrefix}-panel`}
      aria-labelledby={`${props.idPrefix}-tab-${props.selected}`}
    >
      {props.children}
    </div>
  );
}
