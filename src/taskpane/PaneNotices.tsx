/**
 * The notices under the command bar: what the last operation left (dismissable), then one per sheet
 * or workbook the add-in could not read.
 */

import { Button } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { Problem } from '../domain/analysis';
import type { Lang } from '../domain/types';
import { t } from '../i18n/core';
import { NoticeBar } from './NoticeBar';
import { WorkbookText, tNodes } from './text';
import type { Notice } from './usePane';

export function PaneNotices(props: {
  lang: Lang;
  notice: Notice | null;
  problems: readonly Problem[];
  onDismiss(): void;
}) {
  const { lang, notice } = props;
  return (
    <>
      {notice ? (
        <NoticeBar
          intent={notice.intent}
          action={
            <Button
              appearance="transparent"
              size="small"
              aria-label={t(lang, 'common.dismiss')}
              icon={<Dismiss20Regular />}
              onClick={props.onDismiss}
            />
          }
        >
          {notice.text}
        </NoticeBar>
      ) : null}
      {props.problems.map((problem, i) => (
        <NoticeBar key={i} intent="warning">
          {problem.sheet !== undefined
            ? tNodes(lang, 'error.problem', {
                sheet: <WorkbookText>{problem.sheet}</WorkbookText>,
                message: problem.message,
              })
            : t(lang, 'error.workbookProblem', { message: problem.message })}
        </NoticeBar>
      ))}
    </>
  );
}
