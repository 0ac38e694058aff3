/**
 * The 合计 view: every project's 预算数, 财政资金, 其他资金 and cumulative planned amounts, the
 * workbook's total, and the button that writes the 汇总 sheet. Amounts arrive as printed decimals.
 */

import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { DocumentTableArrowRight20Regular } from '@fluentui/react-icons';
import type { Lang } from '../domain/types';
import type { TableTotalsView, TotalsView as Totals } from '../excel/workbench';
import { t } from '../i18n/core';
import { useLang } from './lang';
import { WorkbookText, tNodes } from './text';
import { useTextStyles } from './styles';

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  totalCard: {
    backgroundColor: tokens.colorBrandBackground2,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  sub: {
    display: 'block',
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  amounts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  label: {
    color: tokens.colorNeutralForeground2,
  },
  planLabel: {
    marginTop: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  period: {
    paddingLeft: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
  amount: {
    margin: 0,
    textAlign: 'end',
    fontVariantNumeric: 'tabular-nums',
  },
  write: {
    alignSelf: 'flex-start',
  },
  unreadList: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
  },
});

type Amounts = Pick<TableTotalsView, 'total' | 'fiscal' | 'other' | 'planned'>;

/** An amount, or 未能读取 where it could not be read: never 0 in its place (SPEC §6). */
function AmountRow(props: { label: string; value: string | null | undefined; period?: boolean }) {
  const styles = useStyles();
  const lang = useLang();
  return (
    <>
      <dt className={props.period ? styles.period : styles.label}>{props.label}</dt>
      <dd className={styles.amount} data-unread={props.value === null ? 'true' : undefined}>
        {props.value === null ? t(lang, 'totals.unread') : <WorkbookText>{props.value ?? ''}</WorkbookText>}
      </dd>
    </>
  );
}

function AmountList(props: { lang: Lang; amounts: Amounts }) {
  const { lang, amounts } = props;
  const styles = useStyles();
  return (
    <>
      <dl className={styles.amounts}>
        <AmountRow label={t(lang, 'totals.total')} value={amounts.total} />
        <AmountRow label={t(lang, 'totals.fiscal')} value={amounts.fiscal} />
        <AmountRow label={t(lang, 'totals.other')} value={amounts.other} />
      </dl>
      <div className={styles.planLabel}>{t(lang, 'totals.plan')}</div>
      <dl className={styles.amounts}>
        {[0, 1, 2, 3].map((i) => (
          <AmountRow key={i} period label={t(lang, `totals.period${i}`)} value={amounts.planned[i]} />
        ))}
      </dl>
    </>
  );
}

export interface TotalsViewProps {
  lang: Lang;
  totals: Totals | null;
  busy: boolean;
  onWriteSummary(): void;
}

export function TotalsView(props: TotalsViewProps) {
  const { lang, totals, busy } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const projects = totals?.projects ?? [];
  return (
    <div className={styles.view}>
      <div className={styles.header}>
        <h2 className={text.heading}>{t(lang, 'totals.heading')}</h2>
        <span className={text.note}>{t(lang, 'totals.unit')}</span>
      </div>
      {totals && projects.length > 0 ? (
        <>
          <section
            className={mergeClasses(styles.card, styles.totalCard)}
            aria-label={t(lang, 'totals.all')}
            data-totals="all"
          >
            <h3 className={styles.title}>
              {t(lang, 'totals.all')}
              <span className={styles.sub}>{t(lang, 'totals.projects', { count: projects.length })}</span>
            </h3>
            <AmountList lang={lang} amounts={totals} />
            {totals.incomplete.length > 0 ? (
              <MessageBar intent="warning" layout="multiline" data-totals="incomplete">
                <MessageBarBody>
                  {t(lang, 'totals.incomplete', {
                    count: totals.incomplete.length,
                    total: totals.known.total,
                  })}
                  <ul className={styles.unreadList}>
                    {totals.incomplete.map((u, i) => (
                      <li key={i}>
                        {tNodes(lang, 'totals.unreadAt', {
                          sheet: <WorkbookText>{u.sheet}</WorkbookText>,
                          cell: <WorkbookText>{u.cell}</WorkbookText>,
                          field: t(lang, `totals.fields.${u.field}`),
                          reason: t(lang, `totals.reasons.${u.reason}`),
                        })}
                      </li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            ) : null}
          </section>
          {projects.map((p, i) => (
            <section
              key={`${p.table}-${i}`}
              className={styles.card}
              aria-label={p.name || p.sheet}
              data-totals="project"
            >
              <h3 className={styles.title}>
                <WorkbookText>{p.name || p.sheet}</WorkbookText>
                <span className={styles.sub}>
                  {p.code ? (
                    <>
                      {tNodes(lang, 'totals.code', { code: <WorkbookText>{p.code}</WorkbookText> })}
                      {' · '}
                    </>
                  ) : null}
                  <WorkbookText>{p.sheet}</WorkbookText>
                </span>
              </h3>
              <AmountList lang={lang} amounts={p} />
            </section>
          ))}
        </>
      ) : (
        <p className={text.note}>{t(lang, 'totals.none')}</p>
      )}
      <Button
        className={styles.write}
        appearance="primary"
        icon={<DocumentTableArrowRight20Regular />}
        disabled={busy}
        onClick={props.onWriteSummary}
      >
        {t(lang, 'totals.write')}
      </Button>
      <p className={text.note}>{t(lang, 'totals.writeNote')}</p>
    </div>
  );
}
