/**
 * The task pane, laid out for work at 320–350 px: the command bar fixed at the top, then 提交前检查 as
 * one status line with the notice beside it, the view tabs, and the selected view taking the rest
 * of the height and scrolling by itself — so the commands, the status and any notice stay in view.
 * Three views — 问题 (findings), 合计 (totals) and 设置 (settings). It talks only to a Workbench;
 * without one (outside Excel) it explains where it runs.
 */

import { Button, FluentProvider, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { Suspense, lazy, useId } from 'react';
import type { Lang } from '../domain/types';
import type { Workbench } from '../excel/workbench';
import { t } from '../i18n/core';
import { CommandBar } from './CommandBar';
import { LangContext } from './lang';
import { NoticeBar } from './NoticeBar';
import { Spinner } from './Spinner';
import { FindingsView } from './FindingsView';
import { StatusLine } from './StatusLine';
import { WorkbookText, tNodes } from './text';
import { fluentTheme, type PaneTheme } from './theme';
import { usePane, type View } from './usePane';
import { ViewPanel, ViewTabs } from './ViewTabs';
import { useTextStyles } from './styles';

const VIEWS: View[] = ['findings', 'totals', 'selfEval', 'settings'];

// The pane opens on 问题; the other two views load when first shown, to keep the first load light.
const TotalsView = lazy(() => import('./TotalsView').then((m) => ({ default: m.TotalsView })));
const SelfEvalView = lazy(() => import('./SelfEvalView').then((m) => ({ default: m.SelfEvalView })));
const SettingsView = lazy(() => import('./SettingsView').then((m) => ({ default: m.SettingsView })));
// The 参考指标 panel carries the indicator library: it loads once the workbook has been read.
const ReferencePanel = lazy(() => import('./ReferencePanel').then((m) => ({ default: m.ReferencePanel })));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100vh',
    overflow: 'hidden',
    width: '100%',
    maxWidth: '100%',
    boxSizing: 'border-box',
    overflowX: 'hidden',
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  status: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  work: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minHeight: 0,
    minWidth: 0,
  },
  top: {
    display: 'flex',
    flexDirection: 'column',
    flexShrink: 0,
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    // Many unreadable sheets must not take the whole pane: the notices scroll within a third of it.
    maxHeight: '40vh',
    overflowY: 'auto',
  },
  tabs: {
    flexShrink: 0,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  scroll: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    paddingTop: 0,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  outside: {
    overflowY: 'auto',
  },
});

export interface AppProps {
  /** null outside Excel (Office.onReady gave no host, or `Excel` is undefined). */
  workbench: Workbench | null;
  lang: Lang;
  theme?: PaneTheme;
  /** Why there is no workbench, when the page knows (shown outside Excel). */
  hostMessage?: string;
}

export function App(props: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(props.theme)} lang={props.lang} className={styles.root}>
      <LangContext.Provider value={props.lang}>
        {props.workbench ? (
          <Pane workbench={props.workbench} lang={props.lang} />
        ) : (
          <OutsideOffice lang={props.lang} hostMessage={props.hostMessage} />
        )}
      </LangContext.Provider>
    </FluentProvider>
  );
}

const noop = () => undefined;

function OutsideOffice(props: { lang: Lang; hostMessage?: string }) {
  const { lang } = props;
  const styles = useStyles();
  const text = useTextStyles();
  return (
    <>
      <CommandBar
        lang={lang}
        disabled
        onInsertTemplate={noop}
        onValidate={noop}
        onTotals={noop}
        onClearHighlights={noop}
      />
      <main className={mergeClasses(styles.body, styles.outside)}>
        <h1 className={text.title}>{t(lang, 'outside.title')}</h1>
        <p className={text.paragraph}>{t(lang, 'outside.body')}</p>
        <p className={text.paragraph}>{t(lang, 'outside.howTo')}</p>
        <p className={text.paragraph}>{t(lang, 'outside.preview')}</p>
        {props.hostMessage ? <NoticeBar intent="info">{props.hostMessage}</NoticeBar> : null}
      </main>
    </>
  );
}

function Pane(props: { workbench: Workbench; lang: Lang }) {
  const { workbench, lang } = props;
  const styles = useStyles();
  const pane = usePane(workbench);
  const idPrefix = useId();
  const busy = pane.busy !== null;
  const capabilities = workbench.capabilities;
  const liveNote = !capabilities.events
    ? t(lang, 'findings.noEvents')
    : t(lang, pane.settings.liveMarks ? 'findings.liveMarksOn' : 'findings.live');
  const loadingView = <Spinner label={t(lang, 'common.loadingView')} />;

  return (
    <>
      <CommandBar
        lang={lang}
        disabled={false}
        busy={busy}
        onInsertTemplate={pane.insertTemplate}
        onValidate={pane.validate}
        onTotals={pane.totals}
        onClearHighlights={pane.clearHighlights}
      />
      <main className={styles.work}>
        <section className={styles.top} aria-label={t(lang, 'verdict.heading')} aria-live="polite">
          {pane.state ? <StatusLine lang={lang} state={pane.state} /> : null}
          {pane.busy || pane.loading ? <Spinner label={t(lang, `busy.${pane.busy ?? 'load'}`)} /> : null}
          {pane.notice ? (
            <NoticeBar
              intent={pane.notice.intent}
              action={
                <Button
                  appearance="transparent"
                  size="small"
                  aria-label={t(lang, 'common.dismiss')}
                  icon={<Dismiss20Regular />}
                  onClick={pane.dismissNotice}
                />
              }
            >
              {pane.notice.text}
            </NoticeBar>
          ) : null}
          {pane.state?.problems.map((problem, i) => (
            <NoticeBar key={i} intent="warning">
              {problem.sheet !== undefined
                ? tNodes(lang, 'error.problem', {
                    sheet: <WorkbookText>{problem.sheet}</WorkbookText>,
                    message: problem.message,
                  })
                : t(lang, 'error.workbookProblem', { message: problem.message })}
            </NoticeBar>
          ))}
        </section>
        <div className={styles.tabs}>
          <ViewTabs
            label={t(lang, 'tabs.label')}
            idPrefix={idPrefix}
            selected={pane.view}
            onSelect={pane.setView}
            tabs={VIEWS.map((value) => ({ value, label: t(lang, `tabs.${value}`) }))}
          />
        </div>
        <ViewPanel idPrefix={idPrefix} selected={pane.view} className={styles.scroll}>
          {pane.view === 'findings' ? (
            <FindingsView
              lang={lang}
              state={pane.state}
              applied={pane.applied}
              busy={busy}
              liveNote={liveNote}
              onSelect={pane.select}
              onFix={pane.applyFix}
              onUndo={pane.undoFix}
              rows={{
                pending: pane.pendingRemoval,
                onAdd: pane.addIndicatorRow,
                onRemove: pane.removeIndicatorRow,
                onConfirm: pane.confirmRemoval,
                onCancel: pane.cancelRemoval,
              }}
              references={
                <Suspense fallback={loadingView}>
                  <ReferencePanel
                    lang={lang}
                    state={pane.state}
                    busy={busy}
                    selection={pane.selectionForReferences}
                    onInsert={pane.insertReference}
                  />
                </Suspense>
              }
            />
          ) : null}
          {pane.view === 'totals' ? (
            <Suspense fallback={loadingView}>
              <TotalsView
                lang={lang}
                totals={pane.state?.totals ?? null}
                busy={busy}
                onWriteSummary={pane.writeSummary}
              />
            </Suspense>
          ) : null}
          {pane.view === 'selfEval' ? (
            <Suspense fallback={loadingView}>
              <SelfEvalView
                lang={lang}
                state={pane.state}
                busy={busy}
                onGenerate={pane.generateSelfEval}
                onSelect={pane.select}
              />
            </Suspense>
          ) : null}
          {pane.view === 'settings' ? (
            <Suspense fallback={loadingView}>
              <SettingsView
                lang={lang}
                settings={pane.settings}
                projectName={pane.projectName}
                canMark={capabilities.conditionalFormats}
                disabled={pane.loading}
                onChange={pane.updateSettings}
                onCommit={pane.saveSettings}
                onProjectName={pane.setProjectName}
              />
            </Suspense>
          ) : null}
        </ViewPanel>
      </main>
    </>
  );
}
