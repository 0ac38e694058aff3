/**
 * The 设置 view: what 插入模板 makes (profile, 单位编码, 单位名称, 年度, the line to sign, the new
 * project's name) and the
 * 实时标记 switch. Settings are remembered in the workbook through the Workbench.
 */

import { Checkbox, Field, Input, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { budgetYear, PROFILE_CHOICES } from '../domain/settings';
import type { Lang, ProfileChoice } from '../domain/types';
import type { AddinSettings } from '../excel/workbench';
import { t } from '../i18n/core';
import { useTextStyles } from './styles';

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  // A long option (a profile's document number) must not widen the pane.
  field: {
    minWidth: 0,
  },
  select: {
    maxWidth: '100%',
    minWidth: 0,
  },
});

export interface SettingsViewProps {
  lang: Lang;
  settings: AddinSettings;
  projectName: string;
  /** The host can draw conditional formats (ExcelApi 1.6). */
  canMark: boolean;
  disabled: boolean;
  onChange(change: Partial<AddinSettings>, persist: boolean): void;
  onCommit(): void;
  onProjectName(name: string): void;
}

export function SettingsView(props: SettingsViewProps) {
  const { lang, settings, disabled } = props;
  const styles = useStyles();
  const text = useTextStyles();
  const liveMarksNote = useId();
  const yearTyped = settings.year.trim();
  const yearBad = yearTyped !== '' && budgetYear(yearTyped) === undefined;
  return (
    <div className={styles.view}>
      <section className={styles.view}>
        <h2 className={text.heading}>{t(lang, 'settings.template')}</h2>
        <Field
          className={styles.field}
          label={t(lang, 'settings.profile')}
          hint={t(lang, 'settings.profileHint')}
        >
          <Select
            className={styles.select}
            value={settings.profile}
            disabled={disabled}
            onChange={(_, data) => props.onChange({ profile: data.value as ProfileChoice }, true)}
          >
            {PROFILE_CHOICES.map((p) => (
              <option key={p} value={p}>
                {t(lang, `settings.profiles.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(lang, 'settings.unitCode')}>
          <Input
            value={settings.unitCode}
            disabled={disabled}
            inputMode="numeric"
            onChange={(_, data) => props.onChange({ unitCode: data.value }, false)}
            onBlur={props.onCommit}
          />
        </Field>
        <Field label={t(lang, 'settings.unitName')}>
          <Input
            value={settings.unitName}
            disabled={disabled}
            onChange={(_, data) => props.onChange({ unitName: data.value }, false)}
            onBlur={props.onCommit}
          />
        </Field>
        <Field
          label={t(lang, 'settings.year')}
          hint={yearBad ? undefined : t(lang, 'settings.yearHint')}
          validationState={yearBad ? 'error' : 'none'}
          validationMessage={yearBad ? t(lang, 'settings.yearBad', { year: yearTyped }) : undefined}
        >
          <Input
            value={settings.year}
            disabled={disabled}
            inputMode="numeric"
            maxLength={8}
            onChange={(_, data) => props.onChange({ year: data.value }, false)}
            onBlur={props.onCommit}
          />
        </Field>
        <Checkbox
          label={t(lang, 'settings.signature')}
          checked={settings.signature}
          disabled={disabled}
          onChange={(_, data) => props.onChange({ signature: data.checked === true }, true)}
        />
        <Field label={t(lang, 'settings.projectName')} hint={t(lang, 'settings.projectNameHint')}>
          <Input
            value={props.projectName}
            disabled={disabled}
            onChange={(_, data) => props.onProjectName(data.value)}
          />
        </Field>
        <p className={text.note}>{t(lang, 'settings.remembered')}</p>
      </section>
      <section className={styles.view}>
        <h2 className={text.heading}>{t(lang, 'settings.marks')}</h2>
        <Switch
          label={t(lang, 'settings.liveMarks')}
          checked={settings.liveMarks}
          disabled={disabled || !props.canMark}
          aria-describedby={liveMarksNote}
          onChange={(_, data) => props.onChange({ liveMarks: data.checked }, true)}
        />
        <p id={liveMarksNote} className={text.note}>
          {t(lang, 'settings.liveMarksNote')}
        </p>
        {props.canMark ? null : <p className={text.note}>{t(lang, 'settings.noConditionalFormats')}</p>}
      </section>
    </div>
  );
}
