/** `perf-targets library` (SPEC §13) in-process: what a user or a script reads, and the exit codes. */

import { runCli, type Ran } from './run-cli';
import { LIBRARY } from '../../src/domain/library';
import { libraryStrings } from '../../src/i18n/library';

const cli = (...argv: string[]): Promise<Ran> => runCli(process.cwd(), ...argv);

interface JsonEntry {
  name: string;
  level1: string;
  level2: string;
  kind: string;
  unit: string | null;
  comparator: string | null;
  example: string;
  source: { id: string; title: string; address: string; retrieved: string };
}

async function json(...argv: string[]): Promise<JsonEntry[]> {
  const r = await cli('library', ...argv, '--format', 'json');
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as JsonEntry[];
}

test('满意 --format json: entries with the fields SPEC §13 names, each with its source', async () => {
  const entries = await json('满意');
  expect(entries.length).toBeGreaterThan(10);
  expect(entries.map((e) => e.name)).toContain('服务对象满意度');
  // Names holding the word first; then entries that hold it in their 二级, keywords or description.
  const byName = entries.findIndex((e) => !e.name.includes('满意'));
  expect(byName).toBeGreaterThan(10);
  expect(entries.slice(byName).every((e) => !e.name.includes('满意'))).toBe(true);
  const ids = new Set(LIBRARY.sources.map((s) => s.id));
  for (const e of entries) {
    expect(Object.keys(e)).toEqual(
      expect.arrayContaining(['name', 'level1', 'level2', 'kind', 'unit', 'comparator', 'example', 'source']),
    );
    expect(JSON.stringify(e)).toMatch(/满意/);
    expect(ids.has(e.source.id)).toBe(true);
    expect(e.source.address).toMatch(/^https?:\/\//);
    expect(e.source.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
});

test('--level2 lists only that 二级 (by its role: 成本指标 finds mof-2021 经济成本指标 too)', async () => {
  const satisfaction = await json('满意', '--level2', '服务对象满意度指标');
  expect(satisfaction.length).toBeGreaterThan(0);
  expect(new Set(satisfaction.map((e) => e.level2))).toEqual(new Set(['服务对象满意度指标']));
  const cost = await json('--level2', '成本指标', '--limit', '500');
  expect(new Set(cost.map((e) => e.level2))).toEqual(new Set(['成本指标', '经济成本指标']));
});

test('no words lists the library, at most --limit entries', async () => {
  expect(await json('--limit', '7')).toHaveLength(7);
  expect(await json('--limit', '100000')).toHaveLength(LIBRARY.entries.length);
});

test('text: the name, its place, an example and who published it; then the count', async () => {
  const r = await cli('library', '及时', '--level2', '时效指标', '--limit', '2');
  expect(r.code).toBe(0);
  const blocks = r.stdout.trim().split('\n\n');
  expect(blocks).toHaveLength(3);
  expect(blocks[0]).toMatch(
    /^及时\S*（产出指标 › 时效指标）\n {2}示例：\S+ {2}类型：\S+\n {2}来源：\S+ https?:\/\//,
  );
  expect(blocks[2]).toMatch(/^共 \d+ 条（指标库 \d+ 条，来自 \d+ 份公开文件）$/);
});

test('text in English with --lang en-US', async () => {
  const r = await cli('library', '满意', '--lang', 'en-US', '--limit', '1');
  expect(r.stdout).toMatch(/Example: .+ {2}Kind: /);
  expect(r.stdout).toMatch(/\d+ found \(\d+ entries in the library, from \d+ public documents\)/);
});

test('nothing found: says so, exit 0; JSON is an empty array', async () => {
  const r = await cli('library', '量子纠缠观测站');
  expect(r).toEqual({ code: 0, stdout: '指标库中没有与“量子纠缠观测站”相符的参考指标。\n', stderr: '' });
  expect(await json('量子纠缠观测站')).toEqual([]);
});

test('a bad --limit or --format is a usage error (exit 2, one line)', async () => {
  for (const args of [
    ['--limit', '0'],
    ['--limit', 'x'],
    ['--format', 'csv'],
  ]) {
    const r = await cli('library', '满意', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }
});

test('the strings exist in both languages with the same placeholders, no Chinese in English', () => {
  const leaves = (tree: object, prefix = ''): [string, string][] =>
    Object.entries(tree).flatMap(([k, v]) =>
      v && typeof v === 'object' ? leaves(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
    );
  const zh = new Map(leaves(libraryStrings['zh-CN']));
  const en = new Map(leaves(libraryStrings['en-US']));
  expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  const holes = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
  for (const [key, text] of zh) expect([key, holes(en.get(key) ?? '')]).toEqual([key, holes(text)]);
  // English strings may quote a Chinese example of what to type (满意), nothing else.
  for (const [key, text] of en)
    expect([key, text.replace(/满意|及时率|服务对象满意度指标/g, '')]).not.toEqual([
      key,
      expect.stringMatching(/[\u4e00-\u9fff]/),
    ]);
  // Chinese strings use full-width punctuation.
  for (const [key, text] of zh)
    expect([key, /[,;:!?()]/.test(text.replace(/\{\{\w+\}\}/g, ''))]).toEqual([key, false]);
});
