/**
 * Strings of the reference-indicator library (SPEC §13): the task pane's 参考指标 panel and
 * `perf-targets library`. Registered under the `library` key by whatever shows them, so that the
 * panel's strings load with its own chunk. Both languages have the same keys (tests check).
 */

import { registerStrings } from './core';

const zhCN = {
  panel: {
    title: '参考指标',
    searchLabel: '查找参考指标',
    searchPlaceholder: '输入关键词，如“满意”“及时”',
    under: '{{sheet}}第 {{row}} 行（{{level2}}）',
    otherLevel2: '（{{level2}}）',
    none: '指标库中没有与“{{query}}”相符的参考指标。',
    noRow: '选中一个指标行（三级指标所在的行），这里会列出可参考的指标。',
    insert: '插入',
    insertName: '插入“{{name}}”',
    inserted: '已写入“{{name}}”（{{cells}}）。',
    kept: '{{cells}} 已有内容，未改动。',
    valueYours: '指标值由您填写，示例“{{example}}”未写入。',
    example: '示例：{{example}}',
    source: '来源：{{source}}',
  },
  cli: {
    description: '在指标库中查找参考指标（三级指标的写法、指标值示例及其来源）',
    words: '关键词，如“满意”“及时率”（不填则列出全部）',
    level2: '只列出该二级指标下的参考指标，如“服务对象满意度指标”',
    format: '输出格式',
    limit: '最多列出的条数',
    entry: '{{name}}（{{level1}} › {{level2}}）',
    example: '示例：{{example}}',
    kind: '类型：{{kind}}',
    source: '来源：{{source}}',
    none: '指标库中没有与“{{query}}”相符的参考指标。',
    count: '共 {{count}} 条（指标库 {{entries}} 条，来自 {{sources}} 份公开文件）',
    badLimit: '--limit 必须是正整数，收到“{{value}}”',
  },
  kinds: {
    percent: '百分比',
    count: '数量',
    time: '时间',
    money: '金额',
    other: '其他单位',
    qualitative: '定性',
  },
};

const enUS: typeof zhCN = {
  panel: {
    title: 'Reference indicators',
    searchLabel: 'Search reference indicators',
    searchPlaceholder: 'Type a word, e.g. satisfaction, on time',
    under: '{{sheet}}, row {{row}} ({{level2}})',
    otherLevel2: '({{level2}})',
    none: 'No reference indicator matches “{{query}}”.',
    noRow: 'Select an indicator row (the row of a level-3 indicator) to see reference indicators here.',
    insert: 'Insert',
    insertName: 'Insert “{{name}}”',
    inserted: 'Wrote “{{name}}” ({{cells}}).',
    kept: '{{cells}} already had content and were left as they were.',
    valueYours: 'The value is yours to write; the example “{{example}}” was not written.',
    example: 'Example: {{example}}',
    source: 'Source: {{source}}',
  },
  cli: {
    description: 'search the library of reference indicators (wording, example values, and their sources)',
    words: 'words to look for, e.g. 满意 or 及时率 (none lists every entry)',
    level2: 'only entries under this level-2 category, e.g. 服务对象满意度指标',
    format: 'output format',
    limit: 'list at most this many entries',
    entry: '{{name}} ({{level1}} › {{level2}})',
    example: 'Example: {{example}}',
    kind: 'Kind: {{kind}}',
    source: 'Source: {{source}}',
    none: 'No reference indicator matches “{{query}}”.',
    count: '{{count}} found ({{entries}} entries in the library, from {{sources}} public documents)',
    badLimit: '--limit must be a positive whole number, got “{{value}}”',
  },
  kinds: {
    percent: 'percentage',
    count: 'count',
    time: 'time',
    money: 'amount',
    other: 'other unit',
    qualitative: 'qualitative',
  },
};

export const libraryStrings = { 'zh-CN': zhCN, 'en-US': enUS };

registerStrings('zh-CN', 'library', zhCN);
registerStrings('en-US', 'library', enUS);
