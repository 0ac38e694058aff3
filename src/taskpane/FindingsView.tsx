/**
 * The 问题 view: a filter bar that stays in view (this sheet or all, errors only, 下一个问题), 指标行,
 * the fixes just applied (with undo), and every finding grouped by project and severity, the active
 * sheet's first; the empty cells of a fresh table as 待填写; notes (info) folded until asked for.
 * Each finding is an element carrying data-rule, data-severity, data-sheet and data-cell (SPEC §9);
 * activating it selects its cell.
 */

import {
  Button,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { ArrowDown16Regular } from '@fluentui/react-icons';
import { ArrowUndo16Regular } from '@fluentui/react-icons';
import { ChevronDown16Regular } from '@fluentui/react-icons';
import { ChevronRight16Regular } from '@fluentui/react-icons';
import { Wrench16Regular } from '@fluentui/react-icons';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { quoteSheet } from '../domain/address';
import type { Finding, Lang, Severity } from '../domain/types';
import type { AppliedFix, WorkbookState } from '../excel/workbench';
import { t } from '../i18n/core';
import { IndicatorRows, type IndicatorRowsProps } from './IndicatorRows';
import { WorkbookText, tNodes } from './text';
import { useTextStyles } from './styles';

/** How the list shows a finding: its severity, or 待填写 for an empty cell of a fresh table. */
type Shown = Severity | 'toFill';
const SHOWN: Shown[] = ['error', 'warning', 'toFill', 'info'];
const shownAs = (f: Finding): Shown => (f.toFill ? 'toFill' : f.severity);

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  filters: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  next: {
    marginLeft: 'auto',
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  project: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
  },
  projectSheet: {
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  groupTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  current: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  toFill: { borderLeftColor: tokens.colorBrandStroke1 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  activate: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'start',
    border: 'none',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ...createFocusOutlineStyle(),
  },
  cell: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  message: {
    whiteSpace: 'pre-wrap',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  fixButton: {
    maxWidth: '100%',
  },
  disclosure: {
    minWidth: 0,
    paddingLeft: 0,
    paddingRight: 0,
    fontSize: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
  },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  applied: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

export interface FindingsViewProps {
  lang: Lang;
  state: WorkbookState | null;
  applied: AppliedFix[];
  busy: boolean;
  /** How the list follows the workbook, said under the list. */
  liveNote: string;
  onSelect(sheet: string, cell: string): void;
  onFix(finding: Finding): void;
  onUndo(applied: AppliedFix): void;
  /** 指标行: adding and removing the indicator row selected in Excel. */
  rows: Omit<IndicatorRowsProps, 'lang' | 'busy'>;
  /** The 参考指标 panel (SPEC §13), shown with the indicator rows when the workbook has tables. */
  references?: ReactNode;
}

interface ProjectGroup {
  key: string;
  name: string;
  sheet?: string;
  findings: Finding[];
}

/** The findings by project, the active sheet's projects first, then the workbook's, then the rest. */
function groupByProject(lang: Lang, state: WorkbookState, findings: readonly Finding[]): ProjectGroup[] {
  const groups = new Map<string, ProjectGroup>();
  const workbook: ProjectGroup = { key: 'workbook', name: t(lang, 'findings.workbook'), findings: [] };
  state.tables.forEach((table, i) => {
    groups.set(String(i), {
      key: String(i),
      name: table.name?.text || t(lang, 'findings.unnamed'),
      sheet: table.sheet,
      findings: [],
    });
  });
  for (const finding of findings) {
    const group = finding.table !== undefined ? groups.get(String(finding.table)) : undefined;
    (group ?? workbook).findings.push(finding);
  }
  const all = [workbook, ...groups.values()].filter((g) => g.findings.length > 0);
  const active = state.activeSheet;
  if (active === undefined) return all;
  return [...all.filter((g) => g.sheet === active), ...all.filter((g) => g.sheet !== active)];
}

/**
 * Fluent's ToggleButton as the filters use it (small, default appearance, no icon): a Button with
 * aria-pressed and ToggleButton's checked and disabled styles. ToggleButton itself brings the styles
 * of every appearance and state, 4 KB of the pane's first script (SPEC §10).
 */
const useToggleStyles = makeStyles({
  checked: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ...shorthands.borderColor(tokens.colorNeutralStroke1),
    color: tokens.colorNeutralForeground1Selected,
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ':hover': {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      ...shorthands.borderColor(tokens.colorNeutralStroke1Hover),
      color: tokens.colorNeutralForeground1Hover,
    },
    ':hover:active,:active:focus-visible': {
      backgroundColor: tokens.colorNeutralBackground1Pressed,
      ...shorthands.borderColor(tokens.colorNeutralStroke1Pressed),
      color: tokens.colorNeutralForeground1Pressed,
    },
  },
  checkedHighContrast: {
    '@media (forced-colors: active)': {
      backgroundColor: 'Highlight',
      ...shorthands.borderColor('Highlight'),
      color: 'HighlightText',
      forcedColorAdjust: 'none',
      ':hover': {
        backgroundColor: 'HighlightText',
        ...shorthands.borderColor('Highlight'),
        color: 'Highlight',
      },
      ':hover:active,:active:focus-visible': {
        backgroundColor: 'HighlightText',
        ...shorthands.borderColor('Highlight'),
        color: 'Highlight',
      },
      ':focus': {
        border: '1px solid HighlightText',
        outlineColor: 'Highlight',
      },
    },
  },
  disabled: {
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
    ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
    color: tokens.colorNeutralForegroundDisabled,
    ':hover': {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
    },
    ':hover:active,:active:focus-visible': {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
    },
  },
});

function FilterToggle(props: { checked: boolean; disabled?: boolean; onClick(): void; children: ReactNode }) {
  const styles = useToggleStyles();
  const { checked, disabled } = props;
  return (
    <Button
      size="small"
      aria-pressed={checked}
      disabled={disabled}
      className={mergeClasses(
        'fui-ToggleButton',
        checked && styles.checked,
        checked && styles.checkedHighContrast,
        disabled && styles.disabled,
      )}
      onClick={props.onClick}
    >
      {props.children}
    </Button>
  );
}

const findingKey = (f: Pick<Finding, 'sheet' | 'cell' | 'rule'>): string => `${f.sheet}!${f.cell}|${f.rule}`;

function FindingItem(props: {
  lang: Lang;
  finding: Finding;
  /** The sheet of the project it is listed under: a finding on another names its sheet. */
  sheet?: string;
  busy: boolean;
  current: boolean;
  onSelect(finding: Finding): void;
  onFix(finding: Finding): void;
}) {
  const { lang, finding, busy } = props;
  const styles = useStyles();
  const shown = shownAs(finding);
  const activate = () => props.onSelect(finding);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      // The browser would also turn the key into a click on the button; one selection is enough.
      e.preventDefault();
      activate();
    }
  };
  // The fix button sits inside the finding's element; its clicks and keys must not also select.
  const keepInside = (e: MouseEvent | KeyboardEvent) => e.stopPropagation();
  return (
    <li
      className={mergeClasses(styles.item, styles[shown], props.current && styles.current)}
      data-rule={finding.rule}
      // An empty cell of a fresh table is progress, not a defect (SPEC §4): listed as toFill.
      data-severity={shown}
      data-sheet={finding.sheet}
      data-cell={finding.cell}
      onClick={activate}
      onKeyDown={onKeyDown}
    >
      <button type="button" className={styles.activate} aria-current={props.current || undefined}>
        <span className={styles.cell}>
          {tNodes(lang, 'findings.cell', {
            cell: (
              <WorkbookText>
                {props.sheet !== undefined && finding.sheet !== props.sheet
                  ? `${quoteSheet(finding.sheet)}!${finding.cell}`
                  : finding.cell}
              </WorkbookText>
            ),
          })}
        </span>
        <span className={styles.message}>{finding.message}</span>
      </button>
      {finding.fix ? (
        <div className={styles.actions} onClick={keepInside} onKeyDown={keepInside}>
          <Button
            className={styles.fixButton}
            size="small"
            icon={<Wrench16Regular />}
            disabledFocusable={busy}
            onClick={() => props.onFix(finding)}
          >
            {tNodes(lang, 'findings.fix', {
              value: <WorkbookText>{String(finding.fix.value)}</WorkbookText>,
            })}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * One kind of a project's findings. Notes (info) are folded by default: a fresh template alone
 * has one per empty category, and they would push the errors and warnings out of sight.
 */
function ShownGroup(props: {
  lang: Lang;
  shown: Shown;
  findings: Finding[];
  /** The project's sheet. */
  sheet?: string;
  busy: boolean;
  current: string | null;
  onSelect(finding: Finding): void;
  onFix(finding: Finding): void;
}) {
  const { lang, shown, findings, busy } = props;
  const styles = useStyles();
  const listId = useId();
  const foldable = shown === 'info';
  const [open, setOpen] = useState(!foldable);
  const title = t(lang, 'findings.groupCount', {
    label: t(lang, shown === 'toFill' ? 'findings.toFill' : `severity.${shown}`),
    count: findings.length,
  });
  return (
    <div className={styles.group}>
      <h4 className={styles.groupTitle}>
        {foldable ? (
          <Button
            className={styles.disclosure}
            appearance="transparent"
            size="small"
            icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {title}
          </Button>
        ) : (
          title
        )}
      </h4>
      {open ? (
        <ul id={listId} className={styles.list}>
          {findings.map((finding, i) => (
            <FindingItem
              key={`${finding.rule}|${finding.cell}|${finding.messageId}|${i}`}
              lang={lang}
              finding={finding}
              sheet={props.sheet}
              busy={busy}
              current={props.current === findingKey(finding)}
              onSelect={props.onSelect}
              onFix={props.onFix}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function FindingsView(props: FindingsViewProps) {
  const { lang, state, applied, busy } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const id = useId();
  const [thisSheet, setThisSheet] = useState(false);
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const listRef = useRef<HTMLElement>(null);
  const filtersRef = useRef<HTMLDivElement>(null);
  // Which finding had the focus: when it leaves the list (fixed, say), the focus goes to the one now
  // in its place rather than to the page body.
  const focusedAt = useRef<number | null>(null);

  useEffect(() => {
    const list = listRef.current;
    const at = focusedAt.current;
    if (!list || at === null) return;
    const active = document.activeElement;
    if (active && active !== document.body && list.ownerDocument.contains(active)) return;
    const buttons = list.querySelectorAll<HTMLElement>('li[data-rule] > button');
    const target = buttons[Math.min(at, buttons.length - 1)];
    if (target) target.focus();
    focusedAt.current = null;
  });

  if (!state) return null;
  const activeSheet = state.activeSheet;
  const filtered = state.findings.filter(
    (f) =>
      (!thisSheet || activeSheet === undefined || f.sheet === activeSheet) &&
      (!errorsOnly || (f.severity === 'error' && !f.toFill)),
  );
  const groups = groupByProject(lang, state, filtered);
  // 下一个问题 walks the list in the order shown; notes are not problems.
  const walk = groups.flatMap((g) =>
    SHOWN.filter((s) => s !== 'info').flatMap((s) => g.findings.filter((f) => shownAs(f) === s)),
  );

  const select = (finding: Finding) => {
    setCurrent(findingKey(finding));
    props.onSelect(finding.sheet, finding.cell);
  };
  const next = () => {
    if (walk.length === 0) return;
    const at = walk.findIndex((f) => findingKey(f) === current);
    const finding = walk[(at + 1) % walk.length];
    select(finding);
    const key = findingKey(finding);
    requestAnimationFrame(() => {
      const el = [...(listRef.current?.querySelectorAll<HTMLElement>('li[data-rule]') ?? [])].find(
        (li) => `${li.dataset.sheet}!${li.dataset.cell}|${li.dataset.rule}` === key,
      );
      if (!el) return;
      // The filters stay on top of the list as it scrolls: a finding brought in at the top must
      // land below them, not under them.
      el.style.scrollMarginTop = `${(filtersRef.current?.offsetHeight ?? 0) + 4}px`;
      el.scrollIntoView({ block: 'nearest' });
    });
  };
  const onFocus = (e: FocusEvent) => {
    const li = (e.target as HTMLElement).closest('li[data-rule]');
    if (!li || !listRef.current) return;
    focusedAt.current = [...listRef.current.querySelectorAll('li[data-rule]')].indexOf(li);
  };
  const onBlur = (e: FocusEvent) => {
    // Focus moved on by the user (not dropped because the item went away): nothing to restore.
    if (e.relatedTarget) focusedAt.current = null;
  };

  return (
    <div className={styles.view}>
      {state.tables.length > 0 || state.findings.length > 0 ? (
        <div
          ref={filtersRef}
          role="toolbar"
          aria-label={t(lang, 'findings.filters')}
          className={styles.filters}
        >
          <FilterToggle
            checked={thisSheet}
            disabled={activeSheet === undefined}
            onClick={() => setThisSheet(true)}
          >
            {t(lang, 'findings.thisSheet')}
          </FilterToggle>
          <FilterToggle checked={!thisSheet} onClick={() => setThisSheet(false)}>
            {t(lang, 'findings.allSheets')}
          </FilterToggle>
          <FilterToggle checked={errorsOnly} onClick={() => setErrorsOnly((v) => !v)}>
            {t(lang, 'findings.errorsOnly')}
          </FilterToggle>
          <Button
            className={styles.next}
            size="small"
            appearance="primary"
            icon={<ArrowDown16Regular />}
            disabledFocusable={walk.length === 0}
            onClick={next}
          >
            {t(lang, 'findings.next')}
          </Button>
        </div>
      ) : null}

      {state.tables.length > 0 ? <IndicatorRows lang={lang} busy={busy} {...props.rows} /> : null}
      {state.tables.length > 0 ? props.references : null}

      {applied.length > 0 ? (
        <section className={styles.view} aria-labelledby={`${id}-fixes`}>
          <h2 id={`${id}-fixes`} className={text.subheading}>
            {t(lang, 'fixes.heading')}
          </h2>
          <ul className={styles.list}>
            {applied.map((a) => (
              <li key={`${a.sheet}!${a.cell}`} className={styles.applied}>
                <span>
                  {tNodes(lang, 'fixes.applied', {
                    cell: <WorkbookText>{a.cell}</WorkbookText>,
                    sheet: <WorkbookText>{a.sheet}</WorkbookText>,
                    value: <WorkbookText>{String(a.after)}</WorkbookText>,
                  })}
                </span>
                <Button
                  size="small"
                  icon={<ArrowUndo16Regular />}
                  disabledFocusable={busy}
                  onClick={() => props.onUndo(a)}
                >
                  {t(lang, 'fixes.undo')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section
        ref={listRef}
        className={styles.view}
        aria-labelledby={`${id}-findings`}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        <h2 id={`${id}-findings`} className={styles.srOnly}>
          {t(lang, 'findings.heading')}
        </h2>
        {state.findings.length === 0 && state.tables.length > 0 ? (
          <p className={text.note}>{t(lang, 'findings.none')}</p>
        ) : null}
        {state.findings.length > 0 && groups.length === 0 ? (
          <p className={text.note}>{t(lang, 'findings.noneShown')}</p>
        ) : null}
        {groups.map((group) => (
          <section key={group.key} className={styles.project} aria-label={group.name}>
            <h3 className={text.subheading}>
              <WorkbookText>{group.name}</WorkbookText>
              {group.sheet !== undefined && group.sheet !== group.name ? (
                <span className={styles.projectSheet}>
                  {' · '}
                  <WorkbookText>{group.sheet}</WorkbookText>
                </span>
              ) : null}
            </h3>
            {SHOWN.map((shown) => {
              const ofKind = group.findings.filter((f) => shownAs(f) === shown);
              if (ofKind.length === 0) return null;
              return (
                <ShownGroup
                  key={shown}
                  lang={lang}
                  shown={shown}
                  findings={ofKind}
                  sheet={group.sheet}
                  busy={busy}
                  current={current}
                  onSelect={select}
                  onFix={props.onFix}
                />
              );
            })}
          </section>
        ))}
      </section>
      <p className={text.note}>{props.liveNote}</p>
      {state.tables.length > 0 ? <p className={text.note}>{t(lang, 'findings.marks')}</p> : null}
    </div>
  );
}
