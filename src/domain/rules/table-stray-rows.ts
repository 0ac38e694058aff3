import type { Rule } from './rule';

/**
 * Indicator rows that begin a later sheet (or Word table) of the same file with no header of their
 * own, after this table's indicator block: its indicators continued over a page break, as a PDF
 * turned into a workbook or a document leaves them, in columns that do not line up with this table's.
 * No table read them, so they are not checked; said on those rows, naming the table they continue.
 */
const rule: Rule = {
  meta: {
    id: 'table/stray-rows',
    severity: 'warning',
    description: {
      'zh-CN': '后面的工作表或表格开头有没有表头的指标行，像是本表指标的续行，未能读取',
      'en-US':
        'A later sheet or table begins with indicator rows without a header, seemingly this table’s continued, not read',
    },
    messages: {
      stray: {
        'zh-CN':
          '“{{sheet}}”{{range}} 的 {{rows}} 行像是“{{project}}”指标的续行（表格在分页处断开，这部分没有表头），未能读取，其中的指标未校验。请把这些行移到“{{tableSheet}}”最后一个指标行（{{last}}）下面，与该表的列对齐。',
        'en-US':
          'The {{rows}} row(s) at “{{sheet}}” {{range}} look like the indicators of “{{project}}” continued (the table was split at a page break and this part has no header); they were not read and their indicators are not checked. Move them below the last indicator row of “{{tableSheet}}” ({{last}}), in that table’s columns.',
      },
    },
    fixable: false,
    crossTable: true,
  },
  check(context) {
    const { table } = context;
    const stray = table.continuedIn;
    if (!stray) return;
    const lastIndicator = table.indicators[table.indicators.length - 1];
    const last = lastIndicator?.name.cell ?? table.indicatorHeader?.cell ?? table.range;
    const project = table.name?.text.trim() || table.code?.text.trim() || table.sheet;
    context.report({
      sheet: stray.sheet,
      at: stray.cell,
      messageId: 'stray',
      data: {
        sheet: stray.sheet,
        range: stray.range,
        rows: stray.rows,
        project,
        tableSheet: table.sheet,
        last,
      },
    });
  },
};

export default rule;
