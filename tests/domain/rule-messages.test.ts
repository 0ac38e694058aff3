/**
 * Rule messages are filled in `src/domain/validate.ts` straight from each rule's `meta.messages`
 * rather than by i18next: the text the user reads must be what i18next made of the same templates,
 * in both languages, on real layouts and on random cell content.
 */

import fc from 'fast-check';
import { registerStrings, t } from '../../src/i18n';
import { readGrid } from '../../src/domain/reader';
import { RULES } from '../../src/domain/rules';
import { TERMS } from '../../src/domain/rules/terms';
import type { Finding, Lang } from '../../src/domain/types';
import { checkGrids } from '../../src/domain/analysis';
import { validateTables } from '../../src/domain/validate';
import { FOREIGN_WORKBOOKS } from '../fixtures/foreign';
import { seedPastedGrid, seedStandardGrids } from '../fixtures/seed-grids';
import { templateGrid, type CellInput } from '../fixtures/table-builder';
import { corruptedGood } from './rules/rule-tester';

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

beforeAll(() => {
  for (const lang of LANGS) {
    const strings: Record<string, unknown> = { terms: TERMS[lang] };
    for (const rule of RULES) {
      strings[rule.meta.id] = Object.fromEntries(
        Object.entries(rule.meta.messages).map(([id, message]) => [id, message[lang]]),
      );
    }
    registerStrings(lang, 'rules', strings);
  }
});

/** The message as i18next makes it from the registered templates (the former path). */
function viaI18next(finding: Finding, lang: Lang): string {
  const rule = RULES.find((r) => r.meta.id === finding.rule)!;
  const data = finding.data ?? {};
  const shown: Record<string, string | number> = { ...data };
  for (const [placeholder, group] of Object.entries(rule.meta.terms ?? {})) {
    if (data[placeholder] !== undefined)
      shown[placeholder] = t(lang, `rules.terms.${group}.${data[placeholder]}`);
  }
  return t(lang, `rules.${rule.meta.id}.${finding.messageId}`, {
    ...shown,
    interpolation: { skipOnVariables: true },
  });
}

function expectSameMessages(findings: readonly Finding[], lang: Lang): void {
  expect(findings.map((f) => f.message)).toEqual(findings.map((f) => viaI18next(f, lang)));
}

test('seed and foreign layouts: every message is the text i18next made, in both languages', () => {
  const workbooks = [seedStandardGrids(), [seedPastedGrid()], ...FOREIGN_WORKBOOKS.map((w) => w.grids())];
  const seen = new Set<string>();
  for (const grids of workbooks) {
    for (const lang of LANGS) {
      const { findings } = checkGrids(grids, { lang });
      expectSameMessages(findings, lang);
      findings.forEach((f) => seen.add(`${f.rule}:${f.messageId}`));
    }
  }
  // Messages with terms (nameKind, unitKind …) and without are both among them.
  expect([...seen].some((k) => k.startsWith('indicator/unit-mismatch') || k.startsWith('plan/'))).toBe(true);
  expect(seen.size).toBeGreaterThan(5);
});

const cellInput: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '≥90%',
    '75%',
    '≤20万元',
    '=100%',
    '十万元',
    '10万',
    '２０％',
    '  ',
    '292%',
    '$t(terms)',
    '$&',
    '{{x}}',
  ),
  fc.double(),
  fc.integer({ min: -1000, max: 100000 }),
);

test('random cell content: the same messages as i18next made', () => {
  fc.assert(
    fc.property(corruptedGood(cellInput), (table) => {
      const tables = readGrid(templateGrid('随机', table));
      for (const lang of LANGS) expectSameMessages(validateTables(tables, { lang }), lang);
    }),
    { numRuns: 150 },
  );
});
