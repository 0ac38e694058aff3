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
  corner: '全选',
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
  corner: 'Select all',
});
