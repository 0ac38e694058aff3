/** The preview page's own words (the task pane brings its own), in both UI languages. */

import { registerStrings } from '../i18n';

registerStrings('zh-CN', 'preview', {
  title: '绩效目标表助手 · 预览（模拟工作簿）',
  workbook: '模拟工作簿',
  hint: '这是一个模拟的 Excel 工作簿，右侧是真实的任务窗格。点击“插入模板”开始；单击选中单元格，双击或直接输入即可编辑，Enter 确认，Esc 取消，方向键和 Tab 移动，F6 切换到任务窗格。',
  sheets: '工作表',
  nameBox: '名称框',
  formulaBar: '编辑栏',
  cellEditor: '编辑单元格 {{address}}',
  grid: '工作表“{{sheet}}”的单元格',
  protectedCell: '这个单元格在受保护的工作表上，不能修改。需要修改时请先撤销工作表保护。',
  refused: '这个值不符合单元格的数据验证规则：{{message}}',
  failed: '无法输入这个值：{{message}}',
  host: '模拟的 Excel：{{host}}',
  missed: '（下拉列表选值和粘贴不触发更改事件，如部分 Excel 版本）',
  hosts: {
    latest: 'Microsoft 365 / Office 2024（桌面版，ExcelApi 1.17）',
    excel2021: 'Office 2021（桌面版，ExcelApi 1.14）',
    excel2019: 'Office 2019（桌面版，ExcelApi 1.8）',
    web: 'Excel 网页版（ExcelApi 1.17，单次请求上限 5 MB）',
  },
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
  host: 'Emulated Excel: {{host}}',
  missed: ' (values picked from dropdown lists and pastes fire no change event, as on some Excel builds)',
  hosts: {
    latest: 'Microsoft 365 / Office 2024 (desktop, ExcelApi 1.17)',
    excel2021: 'Office 2021 (desktop, ExcelApi 1.14)',
    excel2019: 'Office 2019 (desktop, ExcelApi 1.8)',
    web: 'Excel on the web (ExcelApi 1.17, 5 MB per request)',
  },
});
