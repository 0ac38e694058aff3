import type { ReaderNote } from '../types';
import { evaluateSelf } from '../selfeval/evaluate';
import { isSelfEvaluation } from '../selfeval/findings';
import type { Rule } from './rule';

/** The label the reader looks for, as the standard table writes it. */
const LABEL: Partial<Record<ReaderNote['what'] | 'weights', string>> = {
  name: '项目名称',
  budget: '预算数',
  plan: '资金支出计划',
  goal: '绩效目标',
  indicators: '一级指标',
  weights: '分值',
};

/** The message of a part found but not read, by why (ReaderNote.reason); sourceBeside has its own data. */
const BY_REASON: Partial<Record<NonNullable<ReaderNote['reason']>, string>> = {
  multiYear: 'multiYearBudget',
  periods: 'planPeriods',
  noAmount: 'totalNoAmount',
  columns: 'unheadedFigures',
  cutOff: 'cutOffMoney',
  amounts: 'planInAmounts',
};

/**
 * A part of the table the reader could not find (the project name, the budget, the spending plan,
 * the goal, the indicator block): nothing in it was checked, which the reviewer must know rather
 * than read as "no findings" — and a form that simply lays itself out otherwise is not in error, so
 * this is a warning that says where the reader looked (SPEC §4).
 */
const rule: Rule = {
  meta: {
    id: 'table/unreadable',
    severity: 'warning',
    description: {
      'zh-CN':
        '表格的某一部分未能读出（项目名称、预算数、资金支出计划、绩效目标、绩效指标或自评表的分值），因此未校验',
      'en-US':
        'Part of the table could not be read (name, budget, spending plan, goal, indicator block or a self-evaluation’s weights), so it was not checked',
    },
    messages: {
      missingPart: {
        'zh-CN':
          '未能读出本表的{{part}}：在 {{cell}} 附近没有找到“{{label}}”栏，该部分未校验；请按标准表格式填写。',
        'en-US':
          'Could not read this table’s {{part}}: no “{{label}}” label was found near {{cell}}, so it was not checked; use the standard table’s layout.',
      },
      planInAmounts: {
        'zh-CN':
          '本表的资金支出计划从 {{cell}} 起按金额填写，未能按累计百分比读取，该部分未校验，也未计入计划支出合计；应填写截至各时点累计支出占预算数的百分比，如“25%”。',
        'en-US':
          'This table’s spending plan, from {{cell}}, is written as amounts, not cumulative percentages: it was not checked nor added to the planned totals; write the share of the budget spent by each date, e.g. “25%”.',
      },
      planPeriods: {
        'zh-CN':
          '本表的资金支出计划（{{cell}}）按“{{label}}”分期填写，不是标准的3月底、6月底、10月底、12月底，未校验，也未计入计划支出合计；应填写截至3月底、6月底、10月底、12月底累计支出占预算数的百分比，如“25%”。',
        'en-US':
          'This table’s spending plan ({{cell}}) is by “{{label}}”, not the standard end of March, June, October and December: it was not checked nor added to the planned totals; write the cumulative share of the budget spent by 3月底, 6月底, 10月底 and 12月底, e.g. “25%”.',
      },
      sourceBeside: {
        'zh-CN':
          '{{cell}}“{{label}}”{{value}}与预算数“{{totalLabel}}”{{total}}并列，看不出它包含在预算数之内还是另加在预算数之外，本表的财政资金未读取，资金各项未校验，也未计入合计；请写明预算数的构成，如在预算数下分列“其中：财政资金”“其他资金”并填写金额（两者之和等于预算数）。',
        'en-US':
          '{{cell}} “{{label}}” {{value}} stands beside the budget “{{totalLabel}}” {{total}} without saying whether it is part of the budget or added to it: this table’s fiscal funds were not read, its funds were not checked nor added to the totals; state what the budget is made of, e.g. lines “其中：财政资金” and “其他资金” under it with their amounts (adding up to the budget).',
      },
      totalNoAmount: {
        'zh-CN':
          '{{cell}}“{{label}}”没有自己的金额：它所在的行是栏目标题，下方是各项资金的金额。本表的预算数未读取、未校验，也未计入合计；应为“{{label}}”填写本年度预算数，如“50.00”。',
        'en-US':
          '{{cell}} “{{label}}” has no amount of its own: its row holds column headings, and the amounts under it are the funds’ lines. This table’s budget was not read, checked nor added to the totals; write this year’s budget for “{{label}}”, e.g. “50.00”.',
      },
      unheadedFigures: {
        'zh-CN':
          '“{{label}}”一行从 {{cell}} 起有几个不同的金额（{{value}}），上方没有栏目标题说明哪一个是本年度预算数；本表的资金未读取、未校验，也未计入合计。请在这些金额上方写明各栏标题（如“年初预算数”“全年预算数”“全年执行数”）；如果标题在上一页或上一张工作表，请把这几行移回原表中标题的下方。',
        'en-US':
          'The “{{label}}” line has several different amounts from {{cell}} on ({{value}}) and no column heading above them says which is this year’s budget: this table’s funds were not read, checked nor added to the totals. Write each column’s heading above the amounts (e.g. “年初预算数”, “全年预算数”, “全年执行数”); if the headings are on the page or sheet before, move these rows back under them in the original table.',
      },
      cutOffMoney: {
        'zh-CN':
          '从 {{cell}} 起的资金行（“{{label}}”等）位于工作表开头，上方没有预算数一行，也没有项目名称、栏目标题和金额单位，像是上一页表格被分页截断后的余下部分；这些金额未读取、未校验，也未计入合计。请把这几行移回原表，接在它的资金各行下面。',
        'en-US':
          'The money lines from {{cell}} on (“{{label}}” …) begin the sheet with no budget line above them, nor a project name, column headings or money unit: they look like the rest of a table cut off at a page. Their amounts were not read, checked nor added to the totals. Move these rows back into the original table, under its other money lines.',
      },
      multiYearBudget: {
        'zh-CN':
          '{{cell}}“{{label}}”是多个年度的资金，不是本年度的预算数；本表的预算数未读取，资金各项未校验，也未计入合计；应另行填写本年度的预算数，如在“本年度预算数”一栏填写“50.00”。',
        'en-US':
          '{{cell}} “{{label}}” is money for several years, not this year’s budget: this table’s budget was not read, its funds were not checked nor added to the totals; add this year’s budget, e.g. “50.00” under a “本年度预算数” label.',
      },
    },
    terms: { part: 'part' },
    fixable: false,
  },
  check(context) {
    const seen = new Set<string>();
    for (const note of context.table.notes) {
      if (note.reason === 'sourceBeside') {
        context.report({
          at: note.cell,
          messageId: 'sourceBeside',
          data: {
            cell: note.cell,
            label: note.label ?? '',
            value: note.value ?? '',
            totalLabel: note.totalLabel ?? '',
            total: context.table.budget.total?.text ?? '',
          },
        });
        continue;
      }
      const label = LABEL[note.what];
      if (!label || seen.has(note.what)) continue;
      seen.add(note.what);
      const messageId = note.reason === undefined ? undefined : BY_REASON[note.reason];
      if (messageId) {
        context.report({
          at: note.cell,
          messageId,
          data: { part: note.what, cell: note.cell, label: note.label ?? '', value: note.value ?? '' },
        });
        continue;
      }
      context.report({
        at: note.cell,
        messageId: 'missingPart',
        data: { part: note.what, label, cell: note.cell },
      });
    }
    // A 自评表 whose scores follow 分值 of its own, in a column the reader did not place.
    const unread = isSelfEvaluation(context.table) ? evaluateSelf(context.table).weightsUnread : undefined;
    if (unread)
      context.report({
        at: unread.cell,
        messageId: 'missingPart',
        data: { part: 'weights', label: '分值', cell: unread.cell },
      });
  },
};

export default rule;
