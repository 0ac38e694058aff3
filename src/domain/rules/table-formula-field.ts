import type { Field } from '../types';
import type { Rule } from './rule';
import { budgetCells } from './support';

/**
 * A formula in a cell the checker reads as plain data: it is taken at its last saved result, which
 * the file's author — or whoever crafted it — chose. 项目编码 and 项目名称 are text to type; an amount
 * may be computed (`=E4+G4`, a note), but not from another file or a command (`=cmd|' /C calc'!A0`,
 * a warning: the result can neither be trusted nor checked).
 */
const OUTSIDE =
  /\||\[[^\]]*\][^'![\]]*'?!|\b(?:HYPERLINK|WEBSERVICE|FILTERXML|RTD|CALL|REGISTER|EXEC|IMPORT(?:DATA|XML|HTML|RANGE)|IMAGE)\s*\(/i;

const rule: Rule = {
  meta: {
    id: 'table/formula-field',
    severity: 'warning',
    description: {
      'zh-CN': '项目编码、项目名称或金额单元格是公式',
      'en-US': 'Project code, project name or an amount is a formula',
    },
    messages: {
      text: {
        'zh-CN': '{{field}}单元格是公式“{{formula}}”（显示为“{{shown}}”），不是文字；应直接填写{{field}}。',
        'en-US':
          'The {{field}} cell holds the formula “{{formula}}” (showing “{{shown}}”), not text; type the {{field}} itself.',
      },
      outside: {
        'zh-CN':
          '{{field}}是引用其他文件或执行命令的公式“{{formula}}”（显示为“{{shown}}”），检查只能读到它上次保存的结果；应直接填写以{{unit}}为单位的数字。',
        'en-US':
          '{{field}} is a formula that reads another file or runs a command, “{{formula}}” (showing “{{shown}}”), so only its last saved result can be checked; enter the number in {{unit}} instead.',
      },
      noResult: {
        'zh-CN':
          '{{field}}是公式“{{formula}}”，文件中没有保存它的计算结果（文件可能由程序生成、未在 Excel 中重新计算），因此未能读取；应在 Excel 或 WPS 中打开并保存后再检查，或直接填写以{{unit}}为单位的数字。',
        'en-US':
          '{{field}} is the formula “{{formula}}” and the file holds no computed result for it (perhaps written by a program and never recalculated), so it could not be read; open and save the file in Excel or WPS and check again, or type the number in {{unit}}.',
      },
      computed: {
        'zh-CN':
          '{{field}}是公式“{{formula}}”，按它上次计算的结果“{{shown}}”检查；如需上报固定数额，可直接填写以{{unit}}为单位的数字。',
        'en-US':
          '{{field}} is the formula “{{formula}}”, checked at its last computed result “{{shown}}”; to submit a fixed amount, type the number in {{unit}}.',
      },
    },
    terms: { field: 'field', unit: 'moneyUnit' },
    fixable: false,
  },
  check(context) {
    const { table } = context;
    const unit = table.moneyScale === 1 ? 'wan' : 'yuan';
    // Every line of the money, the sources summed into a part included.
    const fields: (readonly [string, Field | undefined])[] = [
      ['code', table.code],
      ['name', table.name],
      ...budgetCells(table),
    ];
    for (const [field, at] of fields) {
      const formula = at?.raw?.formula;
      if (!at || !formula) continue;
      const data = { field, formula, shown: at.text, unit };
      if (field === 'code' || field === 'name') context.report({ at, messageId: 'text', data });
      else if (OUTSIDE.test(formula)) context.report({ at, messageId: 'outside', data });
      else if (at.text === '') context.report({ at, messageId: 'noResult', data, severity: 'warning' });
      else context.report({ at, messageId: 'computed', data, severity: 'info' });
    }
  },
};

export default rule;
