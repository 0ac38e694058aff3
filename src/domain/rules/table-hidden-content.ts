import type { Rule } from './rule';

/**
 * A table on a hidden sheet, or hidden rows or columns inside a table that hold something: last year's lines hidden rather than
 * deleted, a working column hidden before printing. The checker reads the cells as written (they
 * are in the file, and Excel's sums count them); whoever reads the printed table does not see them.
 * Said once a table, on the first hidden cell that holds something.
 */
const rule: Rule = {
  meta: {
    id: 'table/hidden-content',
    severity: 'warning',
    description: {
      'zh-CN': '表格在隐藏的工作表上，或表内有隐藏的行或列，其中有内容',
      'en-US': 'The table is on a hidden sheet, or hidden rows or columns inside it hold content',
    },
    messages: {
      sheet: {
        'zh-CN':
          '工作表“{{sheet}}”已隐藏，其中的本表已读取、校验并计入合计；阅读或打印时看不到它。请取消隐藏后核对，不用的工作表应删除。',
        'en-US':
          'The sheet “{{sheet}}” is hidden; its table was read, checked and counted in the totals, but nobody reading or printing the workbook sees it. Unhide it to check, and delete the sheet if it is not needed.',
      },
      rows: {
        'zh-CN':
          '表内第 {{rows}} 行已隐藏，其中有内容（如 {{cell}}“{{text}}”），已按所填内容读取和检查；打印或阅读时看不到这些内容。请取消隐藏后核对，不用的行应删除。',
        'en-US':
          'Row(s) {{rowsEn}} inside the table are hidden and hold content (such as {{cell}} “{{text}}”), read and checked as written; they do not show when the table is read or printed. Unhide them to check, and delete the rows that are not needed.',
      },
      cols: {
        'zh-CN':
          '表内第 {{cols}} 列已隐藏，其中有内容（如 {{cell}}“{{text}}”），已按所填内容读取和检查；打印或阅读时看不到这些内容。请取消隐藏后核对，不用的列应删除。',
        'en-US':
          'Column(s) {{colsEn}} inside the table are hidden and hold content (such as {{cell}} “{{text}}”), read and checked as written; they do not show when the table is read or printed. Unhide them to check, and delete the columns that are not needed.',
      },
      both: {
        'zh-CN':
          '表内第 {{rows}} 行和第 {{cols}} 列已隐藏，其中有内容（如 {{cell}}“{{text}}”），已按所填内容读取和检查；打印或阅读时看不到这些内容。请取消隐藏后核对，不用的行和列应删除。',
        'en-US':
          'Row(s) {{rowsEn}} and column(s) {{colsEn}} inside the table are hidden and hold content (such as {{cell}} “{{text}}”), read and checked as written; they do not show when the table is read or printed. Unhide them to check, and delete what is not needed.',
      },
    },
    fixable: false,
  },
  check(context) {
    const hidden = context.table.hiddenContent;
    if (!hidden) return;
    if (hidden.sheet) {
      context.report({ at: hidden.cell, messageId: 'sheet', data: { sheet: context.table.sheet } });
      return;
    }
    const text = hidden.cell.text.replace(/\s+/gu, ' ').trim();
    const data = {
      rows: hidden.rows.join('、'),
      cols: hidden.cols.join('、'),
      rowsEn: hidden.rows.join(', '),
      colsEn: hidden.cols.join(', '),
      cell: hidden.cell.cell,
      text: text.length > 20 ? `${text.slice(0, 20)}…` : text,
    };
    const messageId =
      hidden.rows.length && hidden.cols.length ? 'both' : hidden.rows.length ? 'rows' : 'cols';
    context.report({ at: hidden.cell, messageId, data });
  },
};

export default rule;
