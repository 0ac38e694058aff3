/**
 * The 问题 view: the 提交前检查 verdict, 指标行 (add or delete the row selected in Excel), the fixes
 * just applied (with undo), and every finding grouped by project and severity, notes (info) folded
 * until asked for. Each finding is an element carrying data-rule, data-severity, data-sheet and
 * data-cell (SPEC §9); activating it selects its cell.
 */

import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndo16Regular } from '@fluentui/react-icons';
import { ChevronDown16Regular } from '@fluentui/react-icons';
import { ChevronRight16Regular } from '@fluentui/react-icons';
import { Wrench16Regular } from '@fluentui/react-icons';
import { useId, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { Finding, Lang, Severity } from '../domain/types';
import type { AppliedFix, WorkbookState } from '../excel/workbench';
import { t } from '../i18n';
import { IndicatorRows, type IndicatorRowsProps } from './IndicatorRows';
import { WorkbookText, tNodes } from './text';
import { countBySeverity } from './pane/errors';
import { useTextStyles } from './styles';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
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
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  projectSheet: {
    display: 'block',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
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
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
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
    paddingBottom: tokens.spacingVerticalS,
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
  /** How the list follows the workbook, said under the verdict. */
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

function groupByProject(lang: Lang, state: WorkbookState): ProjectGroup[] {
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
  for (const finding of state.findings) {
    const group = finding.table !== undefined ? groups.get(String(finding.table)) : undefined;
    (group ?? workbook).findings.push(finding);
  }
  return [workbook, ...groups.values()].filter((g) => g.findings.length > 0);
}

function Verdict(props: { lang: Lang; state: WorkbookState; groups: ProjectGroup[] }) {
  const { lang, state, groups } = props;
  const styles = useStyles();
  const { errors } = countBySeverity(state.findings);
  if (state.tables.length === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t(lang, 'verdict.noTables')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (errors === 0) {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(lang, 'verdict.ready')}</MessageBarTitle>
          {t(lang, 'verdict.readyNote')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const left = groups
    .map((g) => ({ group: g, ...countBySeverity(g.findings) }))
    .filter((g) => g.errors > 0 || g.warnings > 0);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(lang, 'verdict.blocked', { count: errors })}</MessageBarTitle>
        <ul className={styles.list}>
          {left.map(({ group, errors: e, warnings: w }) => (
            <li key={group.key}>
              <WorkbookText>{group.name}</WorkbookText>
              {group.sheet !== undefined && group.sheet !== group.name ? (
                <>
                  {' · '}
                  <WorkbookText>{group.sheet}</WorkbookText>
                </>
              ) : null}
              {': '}
              {t(lang, 'verdict.projectLeft', { errors: e, warnings: w })}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function FindingItem(props: {
  lang: Lang;
  finding: Finding;
  busy: boolean;
  onSelect(sheet: string, cell: string): void;
  onFix(finding: Finding): void;
}) {
  const { lang, finding, busy } = props;
  const styles = useStyles();
  const activate = () => props.onSelect(finding.sheet, finding.cell);
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
      className={mergeClasses(styles.item, styles[finding.severity])}
      data-rule={finding.rule}
      data-severity={finding.severity}
      data-sheet={finding.sheet}
      data-cell={finding.cell}
      onClick={activate}
      onKeyDown={onKeyDown}
    >
      <button type="button" className={styles.activate}>
        <span className={styles.cell}>
          {tNodes(lang, 'findings.cell', { cell: <WorkbookText>{finding.cell}</WorkbookText> })}
        </span>
        <span className={styles.message}>{finding.message}</span>
      </button>
      {finding.fix ? (
        <div className={styles.actions} onClick={keepInside} onKeyDown={keepInside}>
          <Button
            className={styles.fixButton}
            size="small"
            icon={<Wrench16Regular />}
            disabled={busy}
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
 * One severity of a project's findings. Notes (info) are folded by default: a fresh template alone
 * has one per empty category, and they would push the errors and warnings out of sight.
 */
function SeverityGroup(props: {
  lang: Lang;
  severity: Severity;
  findings: Finding[];
  busy: boolean;
  onSelect(sheet: string, cell: string): void;
  onFix(finding: Finding): void;
}) {
  const { lang, severity, findings, busy } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const listId = useId();
  const foldable = severity === 'info';
  const [open, setOpen] = useState(!foldable);
  const title = t(lang, 'findings.groupCount', {
    label: t(lang, `severity.${severity}`),
    count: findings.length,
  });
  return (
    <div className={styles.view}>
      <h4 className={text.subheading}>
        {foldable ? (
          <Button
            className={styles.disclosure}
            appearance="transparent"
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
              busy={busy}
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
  if (!state) return null;
  const groups = groupByProject(lang, state);
  return (
    <div className={styles.view}>
      <section className={styles.view} aria-labelledby={`${id}-verdict`}>
        <h2 id={`${id}-verdict`} className={text.heading}>
          {t(lang, 'verdict.heading')}
        </h2>
        <Verdict lang={lang} state={state} groups={groups} />
        <p className={text.note}>{props.liveNote}</p>
      </section>

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
                  disabled={busy}
                  onClick={() => props.onUndo(a)}
                >
                  {t(lang, 'fixes.undo')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className={styles.view} aria-labelledby={`${id}-findings`}>
        <h2 id={`${id}-findings`} className={text.heading}>
          {t(lang, 'findings.heading')}
        </h2>
        {groups.length === 0 ? <p className={text.note}>{t(lang, 'findings.none')}</p> : null}
        {groups.map((group) => (
          <section key={group.key} className={styles.project} aria-label={group.name}>
            <h3 className={text.subheading}>
              <WorkbookText>{group.name}</WorkbookText>
              {group.sheet !== undefined ? (
                <span className={styles.projectSheet}>
                  {tNodes(lang, 'findings.sheet', { sheet: <WorkbookText>{group.sheet}</WorkbookText> })}
                </span>
              ) : null}
            </h3>
            {SEVERITIES.map((severity) => {
              const ofSeverity = group.findings.filter((f) => f.severity === severity);
              if (ofSeverity.length === 0) return null;
              return (
                <SeverityGroup
                  key={severity}
                  lang={lang}
                  severity={severity}
                  findings={ofSeverity}
                  busy={busy}
                  onSelect={props.onSelect}
                  onFix={props.onFix}
                />
              );
            })}
          </section>
        ))}
      </section>
    </div>
  );
}
