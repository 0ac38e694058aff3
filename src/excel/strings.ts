/** The Excel adapter's own words: refusals the user reads in the task pane. */

import { registerStrings, t, type Lang } from '../i18n/core';

const zhCN = {
  workbookProtected: '工作簿的结构受保护，无法添加工作表。请先在“审阅”中撤销工作簿保护。',
  cannotAddSheet: '无法添加工作表“{{sheet}}”：{{message}}',
  sheetNotFound: '找不到工作表“{{sheet}}”，它可能已被删除或改名。',
  changedMeanwhile: '操作期间有工作表被删除或改名，没有完成。请再试一次。',
  noIndicatorBlock: '第 {{row}} 行不在工作表“{{sheet}}”任何绩效目标表的指标区内。',
  headerRow: '第 {{row}} 行是指标区的表头，不能删除。',
  noIndicatorRow: '第 {{row}} 行不是工作表“{{sheet}}”中绩效目标表的指标行，参考指标只能插入指标行。',
  outsideBlock: '第 {{row}} 行不在指标区内（第 {{first}}–{{last}} 行）。',
  lastIndicatorRow: '指标区只剩这一行，不能删除；可以清空它的内容。',
  rowHasOtherContent: '第 {{row}} 行在表格之外还有内容（{{cell}}），删除这一行会把它一起删掉，请先移走。',
  noFix: '这个问题没有可以自动应用的修改。',
  sheetTooLarge: '工作表“{{sheet}}”的数据太多，无法读取。',
  mergesUnread:
    '工作表“{{sheet}}”的合并单元格太多，Excel 无法返回，已按没有合并读取（留空的一级、二级指标仍按上一行接续）。',
  sheetProtected: '工作表“{{sheet}}”受保护，请先撤销工作表保护（“审阅”→“撤销工作表保护”）。',
  cellProtected: '单元格 {{cell}} 在受保护的工作表“{{sheet}}”上被锁定，无法修改。',
  protectedNotMarked: '工作表“{{sheet}}”受保护，其上的标记没有更新。',
  protectedNotCleared: '受保护的工作表上的标记没有清除：{{sheets}}。',
  noTargetTable: '没有找到可生成自评表的绩效目标表：请先填写或选中一张绩效目标表。',
};

const enUS: typeof zhCN = {
  workbookProtected:
    'The workbook structure is protected, so no worksheet can be added. Unprotect the workbook (Review tab) first.',
  cannotAddSheet: 'Could not add the worksheet "{{sheet}}": {{message}}',
  sheetNotFound: 'The worksheet "{{sheet}}" was not found; it may have been deleted or renamed.',
  changedMeanwhile:
    'A worksheet was deleted or renamed while the add-in was working, so it did not finish. Please try again.',
  noIndicatorBlock: 'Row {{row}} is not inside the indicator block of any target table on "{{sheet}}".',
  headerRow: 'Row {{row}} is the header of the indicator block and cannot be removed.',
  noIndicatorRow:
    'Row {{row}} is not an indicator row of a target table on "{{sheet}}"; reference indicators go into indicator rows only.',
  outsideBlock: 'Row {{row}} is outside the indicator block (rows {{first}}–{{last}}).',
  lastIndicatorRow: 'This is the last indicator row and cannot be removed; clear its contents instead.',
  rowHasOtherContent:
    'Row {{row}} holds data outside the table ({{cell}}) that removing the row would delete; move it first.',
  noFix: 'This finding has no fix that can be applied automatically.',
  sheetTooLarge: 'The worksheet "{{sheet}}" holds too much data to be read.',
  mergesUnread:
    'The worksheet "{{sheet}}" has more merged cells than Excel can return, so it was read without its merges (a blank 一级 or 二级 cell still continues the row above).',
  sheetProtected: 'The worksheet "{{sheet}}" is protected. Unprotect it first (Review > Unprotect Sheet).',
  cellProtected: 'Cell {{cell}} is locked on the protected worksheet "{{sheet}}" and cannot be changed.',
  protectedNotMarked: 'The worksheet "{{sheet}}" is protected; its marks were not updated.',
  protectedNotCleared: 'Marks on protected worksheets were not removed: {{sheets}}.',
  noTargetTable:
    'No performance-target table to make a self-evaluation from: fill in or select a target table first.',
};

registerStrings('zh-CN', 'excel', zhCN);
registerStrings('en-US', 'excel', enUS);

/** The adapter's string `key` (under `excel.`) in `lang`. */
export function text(lang: Lang, key: string, data?: Record<string, unknown>): string {
  return t(lang, `excel.${key}`, data);
}

/** An error whose message is meant for the user, as it is. */
class WorkbenchError extends Error {
  override readonly name = 'WorkbenchError';
}

export function refuse(lang: Lang, key: string, data?: Record<string, unknown>): WorkbenchError {
  return new WorkbenchError(text(lang, key, data));
}
