/**
 * One voice (README “Message style”): Chinese text uses full-width punctuation and “” quotes, never
 * 「」, and never a half-width comma, colon, semicolon, parenthesis, question or exclamation mark
 * between Chinese characters. Scans every zh-CN string: the pane's, the command line's, the Excel
 * adapter's, the preview's and every rule's messages.
 */

import '../../src/i18n/cli';
import '../../src/i18n/summary';
import '../../src/excel/strings';
import '../../src/preview/strings';
import { allStrings } from '../../src/i18n';
import { RULES } from '../../src/domain/rules';

const HAN = '[\\u3400-\\u9fff\\uff08\\uff09“”]';
/**
 * A half-width mark after Chinese (a number or placeholder may come between: `项目1: 7 个错误`)
 * and before more text, or a 「」 quote.
 */
const OFFENDING = new RegExp(`${HAN}[\\w{}]{0,12}\\s*[,;:!?()]\\s*(${HAN}|\\d|\\{)|[「」『』]`);

function leaves(tree: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof tree === 'string') out.push([path, tree]);
  else if (tree && typeof tree === 'object')
    for (const [k, v] of Object.entries(tree)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('message style', () => {
  const zh = leaves(allStrings('zh-CN'), '', []);
  for (const rule of RULES) {
    for (const [id, message] of Object.entries(rule.meta.messages))
      zh.push([`${rule.meta.id}.${id}`, message['zh-CN']]);
    zh.push([`${rule.meta.id}.description`, rule.meta.description['zh-CN']]);
  }

  it('covers the strings of every part', () => {
    expect(zh.length).toBeGreaterThan(200);
    for (const part of ['cli.', 'summary.', 'excel.', 'preview.', 'verdict.', 'plan/blank.'])
      expect(zh.some(([key]) => key.startsWith(part))).toBe(true);
  });

  it('uses full-width punctuation between Chinese characters and “” quotes', () => {
    expect(zh.filter(([, text]) => OFFENDING.test(text))).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    for (const bad of ['项目1: 7 个错误', '超出范围,请修改', '「项目名称」', '金额(万元)无法读取'])
      expect(OFFENDING.test(bad)).toBe(true);
    for (const good of ['项目1：7 个错误', '改为 ≥90%', '“项目名称”', 'F12（疑难信访）'])
      expect(OFFENDING.test(good)).toBe(false);
  });
});
