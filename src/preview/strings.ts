/** The preview page's own words (the task pane brings its own), in both UI languages. */

import { registerStrings } from '../i18n';

registerStrings('zh-CN', 'preview', {
  title: '绩效目标表助手 · 预览（模拟工作簿）',
  workbook: '模拟工作簿',
  hint: '这是一个模拟的 Excel 工作簿，右侧是真实的任务窗格。点击「插入模板」开始；单击选中单元格，双击或直接输入即可编辑，Enter 确认，Esc 取消，方向键和 Tab 移动，F6 切换到任务窗格。',
  sheets: '工作表',
  nameBox: '名称框',
  formulaBar: '编辑栏',
  cellEditor: '编辑单元格 {{address}}',
  grid: '工作表“{{sheet}}”的单元格',
  protectedCell: '这个单元格在受保护的工作表上，不能修改。需要修改时请先撤销工作表保护。',
  refused: '这个值不符合单元格的数据验证规则：{{message}}',
  failed: '无法输入这个值：{{message}}',
});

registerStrings('en-US', 'preview', {
  title: 'Performance Target Assistant · Preview (simulated workbook)',
  workbook: 'Simulated workbook',
  hint: 'A simulated Excel workbook with the real task pane beside it. Start with "Insert template"; click a cell to select it, double-click or just type to edit, Enter commits, Esc cancels, arrow keys and Tab move, F6 switches to the task pane.',
  sheets: 'Sheets',
  nameBox: 'Name box',
  formulaBar: 'Formula bar',
  cellEditor: 'Edit cell {{address}}',
  grid: 'Cells of sheet “{{sheet}}”',
  protectedCell: 'This cell is on a protected sheet and cannot be changed. Unprotect the sheet to change it.',
  refused: "This value does not meet the cell's data validation: {{message}}",
  failed: 'The value could not be entered: {{message}}',
});
