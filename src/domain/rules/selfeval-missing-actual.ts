import { QUALITATIVE_GRADES } from '../selfeval/score';
import { gradeRange } from '../selfeval/score';
import type { Rule } from './rule';
import { exampleOf, nameOf, points, selfEvaluation } from '../selfeval/findings';

/**
 * An indicator without 实际完成值 (or one that is not a number), or no 全年预算数/全年执行数 — or a
 * 全年预算数 of 0, which gives no 执行率 (SPEC §12).
 */
const rule: Rule = {
  meta: {
    id: 'selfeval/missing-actual',
    severity: 'error',
    description: {
      'zh-CN': '自评表缺少实际完成值或全年执行数',
      'en-US': 'A self-evaluation without an actual value or the year’s spending',
    },
    messages: {
      empty: {
        'zh-CN': '三级指标“{{name}}”没有实际完成值；应填写全年实际完成的数值，如“{{example}}”。',
        'en-US': 'Indicator “{{name}}” has no actual value; enter what was achieved, such as “{{example}}”.',
      },
      emptyGrade: {
        'zh-CN': '定性指标“{{name}}”没有实际完成值；应从下拉列表选择完成等级，如“{{grade}}”。',
        'en-US':
          'Qualitative indicator “{{name}}” has no actual value; pick a grade from the list, such as “{{grade}}”.',
      },
      noScore: {
        'zh-CN': '定性指标“{{name}}”还没有得分；应按所选等级在{{from}}至{{to}}分之间评分。',
        'en-US':
          'Qualitative indicator “{{name}}” has no score yet; enter a score from {{from}} to {{to}} for the grade chosen.',
      },
      notNumber: {
        'zh-CN': '三级指标“{{name}}”的实际完成值“{{text}}”不是数值，无法计分；应填写数值，如“{{example}}”。',
        'en-US':
          'The actual value “{{text}}” of indicator “{{name}}” is not a number and cannot be scored; enter a number such as “{{example}}”.',
      },
      noExecuted: {
        'zh-CN': '没有全年执行数，无法计算执行率；应填写全年实际支出的金额（万元）。',
        'en-US':
          'The year’s spending (全年执行数) is missing, so the execution rate cannot be computed; enter the amount spent (10,000 yuan).',
      },
      noBudget: {
        'zh-CN': '没有全年预算数，无法计算执行率；应填写全年预算金额（万元）。',
        'en-US':
          'The year’s budget (全年预算数) is missing, so the execution rate cannot be computed; enter the budget (10,000 yuan).',
      },
      zeroBudget: {
        'zh-CN':
          '全年预算数为{{budget}}，无法计算执行率，预算执行率和总分均未计分；应填写全年预算金额（万元），如“12.50”；项目当年确无预算资金的，应将预算执行率的分值改为0，并把该分值分配到绩效指标。',
        'en-US':
          'The year’s budget (全年预算数) is {{budget}}, so the execution rate cannot be computed and neither it nor the total is scored; enter the budget (10,000 yuan) such as “12.50”, or, if the project had no funds this year, set the execution rate’s weight to 0 and give its points to the indicators.',
      },
      amountUnreadable: {
        'zh-CN': '“{{text}}”不是金额，无法计算执行率；应填写数字金额（万元），如“12.50”。',
        'en-US':
          '“{{text}}” is not an amount, so the execution rate cannot be computed; enter a number (10,000 yuan) such as “12.50”.',
      },
    },
    fixable: false,
  },
  check(context) {
    const evaluation = selfEvaluation(context);
    if (!evaluation) return;
    const funds = evaluation.funds;
    if (funds) {
      const amounts = [
        [funds.budgetField, funds.budget, 'noBudget'],
        [funds.executedField, funds.executed, 'noExecuted'],
      ] as const;
      for (const [field, reading, messageId] of amounts) {
        if (!field || field.embedded) continue;
        if (reading.kind === 'empty') context.report({ at: field, messageId });
        else if (reading.kind === 'invalid')
          context.report({ at: field, messageId: 'amountUnreadable', data: { text: reading.text } });
      }
      // A budget of 0 (or below) has no 执行率 (SPEC §12: 执行数 ÷ 预算数): say why nothing is scored,
      // unless the form gives the budget no 分值.
      const budget = funds.budget;
      if (
        funds.budgetField &&
        budget.kind === 'number' &&
        budget.value.lte(0) &&
        (funds.weight === undefined || funds.weight.gt(0))
      )
        context.report({
          at: funds.budgetField,
          messageId: 'zeroBudget',
          data: { budget: budget.value.toFixed(2) },
        });
    }
    for (const s of evaluation.indicators) {
      const ind = s.indicator;
      const at = ind.actual;
      if (!at) continue;
      const name = nameOf(ind);
      if (s.actual.kind === 'empty') {
        // No 年度指标值 either (a blank form, a placeholder row 指标2): the target is asked for first
        // (indicator/empty-value); an actual value is not, with nothing to compare it to.
        if (ind.value.text.trim() === '') continue;
        if (s.target) context.report({ at, messageId: 'empty', data: { name, example: exampleOf(s) } });
        else
          context.report({ at, messageId: 'emptyGrade', data: { name, grade: QUALITATIVE_GRADES[0].text } });
      } else if (s.actual.kind === 'notNumber') {
        context.report({
          at,
          messageId: 'notNumber',
          data: { name, text: s.actual.text, example: exampleOf(s) },
        });
      } else if (
        s.actual.kind === 'text' &&
        s.weight &&
        ind.score &&
        s.typed === undefined &&
        !ind.score.raw?.formula
      ) {
        const range = s.actual.grade ? gradeRange(s.actual.grade, s.weight) : undefined;
        context.report({
          at: ind.score,
          messageId: 'noScore',
          data: {
            name,
            from: range ? points(range.from) : '0.00',
            to: range ? points(range.to) : points(s.weight),
          },
        });
      }
    }
  },
};

export default rule;
