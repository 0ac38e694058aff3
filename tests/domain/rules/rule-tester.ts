/**
 * An ESLint-style rule tester: each case is a table as a user would fill it (built with the real
 * template layout and read back by the real reader), run through one rule only. A valid case must
 * give no finding; an invalid case exactly the findings listed, in reading order, with their cells,
 * severities, fixes and messages (non-empty, filled in, in both languages).
 */

import fc from 'fast-check';
import { gridFromRows, type Grid, type GridCell } from '../../../src/domain/grid';
import { readWorkbook } from '../../../src/domain/reader';
import type { Rule } from '../../../src/domain/rules/rule';
import type { Finding, ProfileId, Severity } from '../../../src/domain/types';
import { validateTables } from '../../../src/domain/validate';
import {
  stackedGrid,
  templateGrid,
  type CellInput,
  type IndicatorInput,
  type TableInput,
} from '../../fixtures/table-builder';

export interface ExpectedFinding {
  cell: string;
  /** Which of the rule's messages: every invalid case names it, as ESLint's rule tester asks. */
  messageId: string;
  severity?: Severity;
  /**
   * The fix's new value; `null` asserts there is no fix. A fixable rule's cases must say which
   * (the tester fails a case of a fixable rule that leaves it out).
   */
  fix?: string | number | null;
  /** The fix's cell when it is not the finding's own. */
  fixCell?: string;
  /** Text the Chinese message must contain (the cell's content, what is expected). */
  messageIncludes?: string;
  /** Text the English message must contain. */
  messageIncludesEn?: string;
}

/** One table, several tables on one sheet (`tables`), or grids built by hand (`grids`). */
export interface CaseInput {
  table?: TableInput;
  tables?: TableInput[];
  grids?: Grid[];
  profile?: ProfileId;
  /** Shown in the test's title. */
  title?: string;
}

export interface InvalidCase extends CaseInput {
  errors: ExpectedFinding[];
}

export interface RuleCases {
  valid: (TableInput | CaseInput)[];
  invalid: InvalidCase[];
}

const isCaseInput = (c: TableInput | CaseInput): c is CaseInput =>
  'table' in c || 'tables' in c || 'grids' in c || 'profile' in c || 'title' in c;

function gridsOf(c: CaseInput): Grid[] {
  if (c.grids) return c.grids;
  if (c.tables) return [stackedGrid('Sheet1', c.tables, { profile: c.profile })];
  return [templateGrid('Sheet1', c.table ?? {}, { profile: c.profile })];
}

/** The rule's findings for the case, in both languages (same order). */
export function findingsOf(rule: Rule, c: CaseInput): { zh: Finding[]; en: Finding[] } {
  const tables = readWorkbook(gridsOf(c), { profile: c.profile });
  return {
    zh: validateTables(tables, { lang: 'zh-CN', rules: [rule] }),
    en: validateTables(tables, { lang: 'en-US', rules: [rule] }),
  };
}

function titleOf(c: CaseInput, i: number): string {
  if (c.title) return `${i}: ${c.title}`;
  const values = (c.table?.indicators ?? []).map((ind) => ind.value).filter((v) => typeof v === 'string');
  return `${i}${values.length ? `: ${values.slice(0, 3).join(' ')}` : ''}`;
}

function expectMessages(f: Finding, en: Finding): void {
  for (const message of [f.message, en.message]) {
    expect(message.trim()).not.toBe('');
    expect(message).not.toMatch(/\{\{|\}\}|^rules\.|rules\.terms\./);
  }
  expect(en.message).not.toBe(f.message);
  // The English message is English: it may quote the cell's Chinese content, but its own words are Latin.
  expect(en.message).toMatch(/[A-Za-z]{3,}/);
}

export function runRule(rule: Rule, cases: RuleCases): void {
  describe(rule.meta.id, () => {
    test('meta: id, messages in both languages, description', () => {
      expect(rule.meta.id).toMatch(/^(table|budget|plan|indicator|selfeval)\/[a-z0-9-]+$/);
      for (const lang of ['zh-CN', 'en-US'] as const) {
        expect(rule.meta.description[lang].trim()).not.toBe('');
        for (const message of Object.values(rule.meta.messages)) expect(message[lang].trim()).not.toBe('');
      }
    });

    cases.valid.forEach((v, i) => {
      const c: CaseInput = isCaseInput(v) ? v : { table: v };
      test(`valid ${titleOf(c, i)}`, () => {
        const { zh } = findingsOf(rule, c);
        expect(zh.map((f) => `${f.cell} ${f.message}`)).toEqual([]);
      });
    });

    cases.invalid.forEach((c, i) => {
      test(`invalid ${titleOf(c, i)}`, () => {
        const { zh, en } = findingsOf(rule, c);
        expect(zh.map((f) => f.cell)).toEqual(c.errors.map((e) => e.cell));
        c.errors.forEach((expected, k) => {
          const f = zh[k];
          expect(f.rule).toBe(rule.meta.id);
          expect(f.messageId).toBe(expected.messageId);
          if (rule.meta.fixable && expected.fix === undefined)
            throw new Error(
              `${rule.meta.id}: a fixable rule's case must give \`fix\` (a value, or null for none)`,
            );
          expect(f.severity).toBe(expected.severity ?? rule.meta.severity);
          if (expected.fix === null) expect(f.fix).toBeUndefined();
          else if (expected.fix !== undefined) {
            expect(rule.meta.fixable).toBe(true);
            expect(f.fix).toEqual({
              sheet: f.sheet,
              cell: expected.fixCell ?? expected.cell,
              value: expected.fix,
            });
          }
          if (f.fix) expect(rule.meta.fixable).toBe(true);
          if (expected.messageIncludes) expect(f.message).toContain(expected.messageIncludes);
          if (expected.messageIncludesEn) expect(en[k].message).toContain(expected.messageIncludesEn);
          expectMessages(f, en[k]);
        });
      });
    });
  });
}

/** A correct, complete table (the kind a reviewer passes without comment) to vary in tests. */
export const GOOD_INDICATORS: IndicatorInput[] = [
  {
    level1: '产出指标',
    level2: '数量指标',
    name: '培训人数',
    description: '全年参加业务培训的人数',
    value: '≥200人',
    basis: '计划标准',
  },
  {
    level1: '产出指标',
    level2: '质量指标',
    name: '培训考核合格率',
    description: '考核合格人数占参训人数的比率',
    value: '≥95%',
    basis: '行业标准',
  },
  {
    level1: '产出指标',
    level2: '时效指标',
    name: '培训完成时间',
    description: '自开班至结业的天数',
    value: '≤30天',
    basis: '计划标准',
  },
  {
    level1: '产出指标',
    level2: '成本指标',
    name: '培训经费',
    description: '培训的全部支出',
    value: '≤8万元',
    basis: '预算支出标准',
  },
  {
    level1: '效果指标',
    level2: '社会效益指标',
    name: '业务差错发生率',
    description: '培训后业务差错数占业务总量的比率',
    value: '≤2%',
    basis: '历史标准',
  },
  {
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    name: '参训人员满意度',
    description: '满意的参训人员占调查人数的比率',
    value: '≥90%',
    basis: '计划标准',
  },
];

export const GOOD: TableInput = {
  unit: '101001某某县财政局',
  code: '101-0001-TEST-0001',
  name: '业务培训',
  total: 10,
  fiscal: 8,
  other: 2,
  usage: '用于全县财政业务培训的场地、教材和师资。',
  plan: [20, 50, 80, 100],
  goal: '完成全年业务培训，提升财政干部的业务能力。',
  indicators: GOOD_INDICATORS,
};

/** The good table with some fields replaced. */
export function tableWith(overrides: Partial<TableInput>): TableInput {
  return { ...GOOD, ...overrides };
}

/** The good table with indicator row `i` (0-based; sheet row 10 + i) changed. */
export function withRow(i: number, row: Partial<IndicatorInput>): TableInput {
  const indicators = GOOD_INDICATORS.map((ind, k) => (k === i ? { ...ind, ...row } : ind));
  return { ...GOOD, indicators };
}

/** The good table with an extra indicator row appended (sheet row 16). */
export function withExtraRow(row: IndicatorInput): TableInput {
  return { ...GOOD, indicators: [...GOOD_INDICATORS, row] };
}

/**
 * The good table with every input cell (code, name, amounts, plan, goal, one 二级, and each row's
 * 三级, value and basis) drawn from `cell`: for tests that must hold whatever a user typed. Text
 * fields take only the strings `cell` gives.
 */
export function corruptedGood(cell: fc.Arbitrary<CellInput>): fc.Arbitrary<TableInput> {
  const text = (v: CellInput): string | undefined => (typeof v === 'string' ? v : undefined);
  const rowCells = GOOD_INDICATORS.length * 3;
  return fc
    .tuple(
      fc.array(cell, { minLength: 11, maxLength: 11 }),
      fc.array(cell, { minLength: rowCells, maxLength: rowCells }),
    )
    .map(([head, rows]) => ({
      ...GOOD,
      code: text(head[0]),
      name: text(head[1]),
      total: head[2],
      fiscal: head[3],
      other: head[4],
      plan: head.slice(5, 9),
      goal: text(head[9]),
      indicators: GOOD_INDICATORS.map((ind, i) => ({
        ...ind,
        level2: i === 2 ? text(head[10]) : ind.level2,
        name: text(rows[i * 3]) ?? ind.name,
        value: rows[i * 3 + 1],
        basis: text(rows[i * 3 + 2]),
      })),
    }));
}

/** Sheet row (1-based) of indicator row `i` in a template table at A1. */
export const indicatorRow = (i: number): number => 10 + i;

/**
 * Another province's layout with split columns (指标性质 | 指标值 | 计量单位), no plan block: each row
 * is [一级, 二级, 三级, 指标性质, 指标值, 计量单位]; the first indicator row is sheet row 5 (D = 指标性质,
 * E = 指标值, F = 计量单位).
 */
export function splitGrid(rows: (string | number | null | GridCell)[][]): Grid {
  return gridFromRows('外单位', [
    ['项目名称', '道路养护', '项目编码', 'X-1'],
    ['年度资金总额', 12, '其中：财政拨款', 12, '其他资金', null],
    ['绩效目标', '完成全年道路养护'],
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '指标值确定依据'],
    ...rows.map((r) => [...r, '计划标准']),
  ]);
}
