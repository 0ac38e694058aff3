/**
 * Below the status: the view tabs (问题, 合计, 自评, 设置) and the selected view, taking the rest of the
 * pane's height and scrolling by itself. Drawn once the pane's first paint is done, with the status
 * line (`workbookParts.ts`); 问题 comes with it, the other views load when first shown.
 */

import { makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useId } from 'react';
import type { Lang } from '../domain/types';
import type { Capabilities } from '../excel/workbench';
import { t } from '../i18n/core';
import { FindingsView } from './FindingsView';
import { Spinner } from './Spinner';
import type { Pane, View } from './usePane';
import { useViewActions } from './useViewActions';
import { ViewPanel, ViewTabs } from './ViewTabs';

const VIEWS: View[] = ['findings', 'totals', 'selfEval', 'settings'];

// The pane opens on 问题; the other views load when first shown, to keep the first load light.
const TotalsView = lazy(() => import('./TotalsView').then((m) => ({ default: m.TotalsView })));
const SelfEvalView = lazy(() => import('./SelfEvalView').then((m) => ({ default: m.SelfEvalView })));
const SettingsView = lazy(() => import('./SettingsView').then((m) => ({ default: m.SettingsView })));
// The 参考指标 panel carries the indicator library: it loads once the workbook has been read.
const ReferencePanel = lazy(() => import('./ReferencePanel').then((m) => ({ default: m.ReferencePanel })));

const useStyles = makeStyles({
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
});

export interface WorkspaceProps {
  lang: Lang;
  pane: Pane;
  capabilities: Capabilities;
}

export function Workspace(props: WorkspaceProps) {
  const { lang, pane, capabilities } = props;
  const styles = useStyles();
  const idPrefix = useId();
  const actions = useViewActions(pane);
  const busy = pane.busy !== null;
  const liveNote = !capabilities.events
    ? t(lang, 'findings.noEvents')
    : t(lang, pane.settings.liveMarks ? 'findings.liveMarksOn' : 'findings.live');
  const loadingView = <Spinner label={t(lang, 'common.loadingView')} />;

  return (
    <>
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
            applied={actions.applied}
            busy={busy}
            liveNote={liveNote}
            onSelect={pane.select}
            onFix={actions.applyFix}
            onUndo={actions.undoFix}
            rows={{
              pending: actions.pendingRemoval,
              onAdd: actions.addIndicatorRow,
              onRemove: actions.removeIndicatorRow,
              onConfirm: actions.confirmRemoval,
              onCancel: actions.cancelRemoval,
            }}
            references={
              <Suspense fallback={loadingView}>
                <ReferencePanel
                  lang={lang}
                  state={pane.state}
                  busy={busy}
                  selection={actions.selectionForReferences}
                  onInsert={actions.insertReference}
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
              onGenerate={actions.generateSelfEval}
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
    </>
  );
}
