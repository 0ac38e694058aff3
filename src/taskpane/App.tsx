/**
 * The task pane, laid out for work at 320–350 px: the command bar fixed at the top, then 提交前检查 as
 * one status line with the notice beside it, the view tabs, and the selected view taking the rest
 * of the height and scrolling by itself — so the commands, the status and any notice stay in view.
 * Four views — 问题 (findings), 合计 (totals), 自评 and 设置 (settings). The first paint draws the
 * command bar and 正在读取工作簿…; the status line, the tabs and the views follow in a chunk of
 * their own (`parts.ts`). It talks only to a Workbench; without one (outside Excel) it explains
 * where it runs.
 */

import { FluentProvider, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Lang } from '../domain/types';
import type { Workbench } from '../excel/workbench';
import { t } from '../i18n/core';
import { CommandBar } from './CommandBar';
import { LangContext } from './lang';
import { Spinner } from './Spinner';
import { plainError } from './pane/errors';
import { usePaneParts } from './parts';
import { fluentTheme, type PaneTheme } from './theme';
import { usePane } from './usePane';
import { useTextStyles } from './styles';

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
  const { parts } = usePaneParts();
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
        {props.hostMessage && parts ? (
          <parts.NoticeBar intent="info">{props.hostMessage}</parts.NoticeBar>
        ) : null}
      </main>
    </>
  );
}

function Pane(props: { workbench: Workbench; lang: Lang }) {
  const { workbench, lang } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const pane = usePane(workbench);
  // The status line, the notices, the tabs and the views come after the first paint, in a chunk of
  // their own: until they are here, the workbook is still being read as far as the user can tell.
  const { parts, error: partsError } = usePaneParts();
  const loading = pane.loading || (!parts && !partsError);

  return (
    <>
      <CommandBar
        lang={lang}
        disabled={false}
        busy={pane.busy !== null}
        onInsertTemplate={pane.insertTemplate}
        onValidate={pane.validate}
        onTotals={pane.totals}
        onClearHighlights={pane.clearHighlights}
      />
      <main className={styles.work}>
        <section className={styles.top} aria-label={t(lang, 'verdict.heading')} aria-live="polite">
          {pane.state && parts ? <parts.StatusLine lang={lang} state={pane.state} /> : null}
          {pane.busy || loading ? <Spinner label={t(lang, `busy.${pane.busy ?? 'load'}`)} /> : null}
          {partsError ? (
            <p role="alert" className={text.paragraph}>
              {plainError(lang, partsError)}
            </p>
          ) : null}
          {parts ? (
            <parts.PaneNotices
              lang={lang}
              notice={pane.notice}
              problems={pane.state?.problems ?? []}
              onDismiss={pane.dismissNotice}
            />
          ) : null}
        </section>
        {parts ? <parts.Workspace lang={lang} pane={pane} capabilities={workbench.capabilities} /> : null}
      </main>
    </>
  );
}
