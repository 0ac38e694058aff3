/**
 * 中文界面文字（默认）: what the task pane's first paint shows — the command bar, the status of an
 * operation, the page outside Excel — in the pane's first script (SPEC §10). The views' strings are
 * in zh-CN-views.ts, fetched with the views; zh-CN.ts joins both. en-US.ts has the same keys.
 */
const zhCNFirst = {
  app: {
    title: '绩效目标表助手',
  },
  commands: {
    bar: '命令',
    insertTemplate: '插入模板',
    validate: '校验',
    totals: '汇总',
    clearHighlights: '清除标记',
  },
  outside: {
    title: '请在 Excel 中打开',
    body: '这是一个 Excel 加载项，用来填写和检查预算项目绩效目标表。它需要在 Excel 里运行，单独在浏览器中打开时无法读取工作簿。',
    howTo:
      '在 Excel 中打开：“开始”选项卡 →“加载项”（或“插入”→“我的加载项”）→ 选择“绩效目标表助手”。桌面版 Excel 也可以从共享文件夹目录添加。',
    noOfficeJs: 'Office 的脚本（office.js）没有加载，可能是网络拦截了它。',
    preview: '没有 Excel？运行 npm start，打开它打印的 preview.html 预览页，即可在模拟工作簿中试用全部功能。',
  },
  busy: {
    load: '正在读取工作簿…',
    insertTemplate: '正在插入模板…',
    validate: '正在校验并标记…',
    totals: '正在写入汇总表…',
    selfEval: '正在生成自评表…',
    clearHighlights: '正在清除标记…',
    fix: '正在修改单元格…',
    undo: '正在撤销修改…',
    addRow: '正在添加指标行…',
    removeRow: '正在删除指标行…',
    insertReference: '正在插入参考指标…',
  },
  done: {
    insertTemplate: '已插入新工作表“{{sheet}}”，可以开始填写。',
    validate: '校验完成：{{counts}}，问题单元格已标记。',
    validateClean: '校验完成，没有错误和警告。',
    totals: '已写入汇总表“{{sheet}}”，其中的公式会随项目表自动更新。',
    clearHighlights: '已清除“校验”添加的标记；模板自带的规则和你自己的格式都保留。',
    selfEval:
      '已生成 {{n}} 张自评表（首张为“{{sheet}}”）：填写全年执行数和实际完成值后，得分、总分和等级自动计算。',
  },
  error: {
    failed: '操作没有完成：{{message}}',
    unknown: '发生了未知错误，请重试。',
    problem: '工作表“{{sheet}}”无法读取：{{message}}',
    workbookProblem: '工作簿无法读取：{{message}}',
  },
  verdict: {
    heading: '提交前检查',
    ready: '可以提交',
    blocked: '还有 {{count}} 个错误需要修改',
    toFill: '还有 {{count}} 项待填写',
    also: '另有 {{counts}}。',
    readyNote: '没有错误；警告和提示请再看一眼。',
    noTables: '工作簿中还没有绩效目标表。在“设置”中填好单位信息，然后点击“插入模板”。',
    byProject: '各项目',
    project: '{{name}}：{{counts}}',
  },
  counts: {
    separator: '、',
    error: { one: '{{count}} 个错误', other: '{{count}} 个错误' },
    warning: { one: '{{count}} 个警告', other: '{{count}} 个警告' },
    toFill: { one: '{{count}} 项待填写', other: '{{count}} 项待填写' },
  },
};
export default zhCNFirst;
