/**
 * The 自评 view (SPEC §12): 生成自评表 for the selected project or all, and each 自评表 in the workbook
 * with its 总分 and 等级 as the sheet computes them, or what is still to fill. Loaded on demand.
 */

import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentAdd20Regular, DocumentMultiple20Regular } from '@fluentui/react-icons';
import type { WorkbookState } from '../domain/analysis';
import { evaluateSelf } from '../domain/selfeval/evaluate';
import type { Lang } from '../domain/types';
import { t } from '../i18n/core';
import { useTextStyles } from './styles';
import { WorkbookText } from './text';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  score: { fontVariantNumeric: 'tabular-nums' },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface SelfEvalViewProps {
  lang: Lang;
  state: WorkbookState | null;
  busy: boolean;
  onGenerate(all: boolean): void;
  onSelect(sheet: string, cell: string): void;
}

export function SelfEvalView(props: SelfEvalViewProps) {
  const { lang, state, busy } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const tables = (state?.tables ?? [])
    .map((table, index) => ({ table, index }))
    .filter((x) => x.table.form === 'selfEval');
  return (
    <div className={styles.view}>
      <h2 className={text.heading}>{t(lang, 'selfEval.heading')}</h2>
      <p className={text.paragraph}>{t(lang, 'selfEval.intro')}</p>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DocumentAdd20Regular />}
          disabled={busy}
          onClick={() => props.onGenerate(false)}
        >
          {t(lang, 'selfEval.selected')}
        </Button>
        <Button icon={<DocumentMultiple20Regular />} disabled={busy} onClick={() => props.onGenerate(true)}>
          {t(lang, 'selfEval.all')}
        </Button>
      </div>
      {tables.length === 0 ? <p className={styles.note}>{t(lang, 'selfEval.none')}</p> : null}
      {tables.map(({ table, index }) => {
        const e = evaluateSelf(table);
        const toFill = (state?.findings ?? []).filter(
          (f) => f.table === index && f.rule === 'selfeval/missing-actual',
        ).length;
        const problems = (state?.findings ?? []).filter(
          (f) => f.table === index && f.rule.startsWith('selfeval/') && f.rule !== 'selfeval/missing-actual',
        ).length;
        return (
          <section key={`${table.sheet}-${table.range}`} className={styles.card} data-selfeval={table.sheet}>
            <h3 className={styles.title}>
              <WorkbookText>{table.name?.text || table.sheet}</WorkbookText>
            </h3>
            <span className={styles.score} data-selfeval-score={e.total ? e.total.toFixed(2) : ''}>
              {e.total
                ? t(lang, 'selfEval.score', { score: e.total.toFixed(2), grade: e.grade ?? '' })
                : t(lang, 'selfEval.notScored')}
            </span>
            <span className={styles.note}>
              {t(lang, 'selfEval.status', { toFill, problems, weights: e.weights.toFixed(2) })}
            </span>
            <div>
              <Button size="small" appearance="subtle" onClick={() => props.onSelect(table.sheet, 'A1')}>
                {t(lang, 'selfEval.open')}
              </Button>
            </div>
          </section>
        );
      })}
    </div>
  );
}
