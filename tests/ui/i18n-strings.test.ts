/** Every UI string exists in both languages, and the English ones are English. */

import enUS from '../../src/i18n/en-US';
import zhCN from '../../src/i18n/zh-CN';
import { langFromOffice, t } from '../../src/i18n';
import { CJK } from './helpers';

function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

describe('UI strings', () => {
  const zh = leaves(zhCN);
  const en = leaves(enUS);

  it('have the same keys in zh-CN and en-US', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('are non-empty strings with the same placeholders in both languages', () => {
    for (const [key, zhText] of zh) {
      const enText = en.get(key);
      expect(typeof zhText).toBe('string');
      expect(typeof enText).toBe('string');
      expect((zhText as string).trim()).not.toBe('');
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect([key, placeholders(enText as string)]).toEqual([key, placeholders(zhText as string)]);
    }
  });

  it('hold no Chinese in en-US', () => {
    const offending = [...en].filter(([, text]) => CJK.test(String(text)));
    expect(offending).toEqual([]);
  });

  it('are looked up with their placeholders filled', () => {
    expect(t('zh-CN', 'verdict.blocked', { count: 3 })).toBe('还有 3 个错误需要修改');
    expect(t('en-US', 'findings.fix', { value: '≥75%' })).toBe('Change to ≥75%');
    expect(t('en-US', 'commands.clearHighlights')).toBe('Clear highlights');
    expect(langFromOffice('en-GB')).toBe('en-US');
  });
});
