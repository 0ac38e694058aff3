/**
 * 提交前检查 as one compact line under the command bar: what is left (errors, warnings, 待填写), and
 * per project on demand. It stays in view while the findings scroll, with the notice beside it.
 */

import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled } from '@fluentui/react-icons';
import { ChevronDown16Regular } from '@fluentui/react-icons';
import { ChevronRight16Regular } from '@fluentui/react-icons';
import { DismissCircle16Filled } from '@fluentui/react-icons';
import { Edit16Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { WorkbookState } from '../domain/analysis';
import type { Lang } from '../domain/types';
import { t } from '../i18n/core';
import { countBySeverity, countsText } from './pane/errors';
import { WorkbookText, tNodes } from './text';

const useStyles = makeStyles({
  status: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  headline: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  fill: { color: tokens.colorBrandForeground1 },
  also: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  toggle: {
    minWidth: 0,
    paddingLeft: 0,
    paddingRight: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
  },
  projects: {
    listStyleType: 'none',
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

export function StatusLine(props: { lang: Lang; state: WorkbookState }) {
  const { lang, state } = props;
  const styles = useStyles();
  const listId = useId();
  const [open, setOpen] = useState(false);
  if (state.tables.length === 0) return <p className={styles.also}>{t(lang, 'verdict.noTables')}</p>;

  const counts = countBySeverity(state.findings);
  const headline =
    counts.errors > 0 ? (
      <span className={mergeClasses(styles.headline, styles.error)}>
        <DismissCircle16Filled aria-hidden />
        {t(lang, 'verdict.blocked', { count: counts.errors })}
      </span>
    ) : counts.toFill > 0 ? (
      <span className={mergeClasses(styles.headline, styles.fill)}>
        <Edit16Regular aria-hidden />
        {t(lang, 'verdict.toFill', { count: counts.toFill })}
      </span>
    ) : (
      <span className={mergeClasses(styles.headline, styles.ok)}>
        <CheckmarkCircle16Filled aria-hidden />
        {t(lang, 'verdict.ready')}
      </span>
    );
  const rest = countsText(lang, {
    warnings: counts.warnings,
    ...(counts.errors > 0 ? { toFill: counts.toFill } : {}),
  });

  const projects = state.tables
    .map((table, i) => ({
      key: i,
      name: table.name?.text || t(lang, 'findings.unnamed'),
      sheet: table.sheet,
      counts: countBySeverity(state.findings.filter((f) => f.table === i)),
    }))
    .filter((p) => p.counts.errors + p.counts.warnings + p.counts.toFill > 0);

  return (
    <div className={styles.status}>
      <div className={styles.line}>
        {headline}
        {projects.length > 0 ? (
          <Button
            className={styles.toggle}
            appearance="transparent"
            size="small"
            icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {t(lang, 'verdict.byProject')}
          </Button>
        ) : null}
      </div>
      {rest ? <span className={styles.also}>{t(lang, 'verdict.also', { counts: rest })}</span> : null}
      {counts.errors === 0 && counts.toFill === 0 ? (
        <span className={styles.also}>{t(lang, 'verdict.readyNote')}</span>
      ) : null}
      {open ? (
        <ul id={listId} className={styles.projects}>
          {projects.map((p) => (
            <li key={p.key}>
              {tNodes(lang, 'verdict.project', {
                name: (
                  <WorkbookText>
                    {p.name}
                    {p.sheet !== p.name ? ` · ${p.sheet}` : ''}
                  </WorkbookText>
                ),
                counts: countsText(lang, p.counts),
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
