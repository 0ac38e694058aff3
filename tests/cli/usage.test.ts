/**
 * The command line as a new user meets it (SPEC §7): help and usage errors in Chinese (English with
 * --lang en-US), one line each, a suggestion for a mistyped command or option, findings grouped by
 * severity, --min-severity, and text that fits 100 columns.
 */

import { runCli, type Ran } from './run-cli';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { langOf } from '../../src/cli/main';
import { width } from '../../src/cli/report';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';

// The CLI's reader runs in a worker: on a loaded machine a check takes seconds.
jest.setTimeout(30_000);

let dir: string;

const cli = (...argv: string[]): Promise<Ran> => runCli(dir, ...argv);

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');
const ENGLISH_COMMANDER =
  /Usage:|Options:|Arguments:|Commands:|error:|unknown option|Did you mean|default:|choices:/;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-usage-'));
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'standard.xlsx'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('help', () => {
  it.each([[['--help']], [['help']], [['check', '--help']], [['totals', '-h']], [['help', 'template']]])(
    '%j is in Chinese, fits 100 columns and exits 0',
    async (argv) => {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^用法：/);
      expect(r.stdout).not.toMatch(ENGLISH_COMMANDER);
      expect(r.stdout).toMatch(/选项：/);
      for (const line of r.stdout.split('\n')) expect(width(line)).toBeLessThanOrEqual(100);
    },
  );

  it('lists every command, and the options of check with their choices in Chinese', async () => {
    const top = await cli('--help');
    for (const name of ['check', 'totals', 'template'])
      expect(top.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const check = await cli('check', '--help');
    expect(check.stdout).toMatch(/--format <format>.*（可选 text、json，默认 text）/);
    expect(check.stdout).toMatch(/--min-severity/);
  });

  it('is in English with --lang en-US, before or after the command', async () => {
    for (const argv of [
      ['--lang', 'en-US', '--help'],
      ['check', '--help', '--lang', 'en-US'],
      ['--lang=en-US', 'totals', '--help'],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: perf-targets/);
      expect(r.stdout).toMatch(/Options:/);
      expect(r.stdout).not.toMatch(/[用选命]/);
    }
  });
});

describe('usage errors: one line, exit 2, in the user’s language', () => {
  const cases: [string[], RegExp, RegExp][] = [
    [
      ['chek', 'a.xlsx'],
      /没有命令“chek”，是不是要用 check？/,
      /there is no command "chek"; did you mean check\?/,
    ],
    [
      ['check', 'a.xlsx', '--fromat', 'json'],
      /没有选项“--fromat”，是不是要用 --format？/,
      /did you mean --format\?/,
    ],
    [
      ['check', 'a.xlsx', '--format', 'xml'],
      /--format 的取值必须是 text、json 之一，收到“xml”/,
      /--format must be one of text, json, got "xml"/,
    ],
    [['check'], /缺少文件或目录/, /missing paths/],
    [
      ['template', 'a.xlsx', 'b.xlsx'],
      /参数太多：需要 1 个，给了 2 个/,
      /too many arguments: 1 expected, 2 given/,
    ],
    [
      ['check', 'a.xlsx', '--profile'],
      /选项 --profile <profile> 后面缺少取值/,
      /option --profile <profile> needs a value/,
    ],
    [['frobnicate'], /没有命令“frobnicate”；用 perf-targets --help 查看所有命令/, /see perf-targets --help/],
    [
      ['template', 'x.xlsx', '--projects', '0'],
      /--projects 必须是 1 到 200 之间的整数/,
      /--projects must be a whole number/,
    ],
  ];
  it.each(cases)('%j', async (argv, zh, en) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^perf-targets: 用法错误：/);
    expect(r.stderr).toMatch(zh);
    expect(r.stderr).not.toMatch(ENGLISH_COMMANDER);
    const e = await cli(...argv, '--lang', 'en-US');
    expect(e.code).toBe(2);
    expect(lines(e.stderr)).toHaveLength(1);
    expect(e.stderr).toMatch(/^perf-targets: usage error: /);
    expect(e.stderr).toMatch(en);
  });

  it('without a command: help on stderr, exit 2', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/check/);
  });
});

describe('check text: per table, errors → warnings → notes', () => {
  const severityOrder = (out: string): string[][] => {
    const groups: string[][] = [];
    for (const line of out.split('\n')) {
      if (/^ {4}项目：/.test(line)) groups.push([]);
      const m = /^ {4}\S+ \[(错误|警告|提示)\]/.exec(line);
      if (m && groups.length) groups[groups.length - 1].push(m[1]);
    }
    return groups;
  };
  const rank = { 错误: 0, 警告: 1, 提示: 2 } as Record<string, number>;

  it('orders each table’s findings by severity', async () => {
    const r = await cli('check', 'standard.xlsx');
    const groups = severityOrder(r.stdout);
    expect(groups).toHaveLength(6);
    expect(groups.flat().length).toBeGreaterThan(2);
    for (const g of groups) expect(g.map((s) => rank[s])).toEqual([...g.map((s) => rank[s])].sort());
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/（未填写） （未填写）/);
  });

  it('--min-severity drops the lower severities from the listing, not from the exit code', async () => {
    const all = await cli('check', 'standard.xlsx');
    const errors = await cli('check', 'standard.xlsx', '--min-severity', 'error');
    expect(errors.code).toBe(all.code);
    expect(errors.stdout).not.toMatch(/\[(警告|提示)\]/);
    expect(errors.stdout).toMatch(/\[错误\]/);
    const warnings = await cli('check', 'standard.xlsx', '--min-severity', 'warning');
    expect(warnings.stdout).not.toMatch(/\[提示\]/);
    expect(warnings.stdout).toMatch(/\[警告\]/);
    // The summary still counts everything.
    const summary = (s: string) => s.trim().split('\n').pop();
    expect(summary(errors.stdout)).toBe(summary(all.stdout));
  });
});

describe('totals text', () => {
  it('fits 100 columns and exits 0 whatever the findings, in English too', async () => {
    for (const lang of ['zh-CN', 'en-US']) {
      const r = await cli('totals', 'standard.xlsx', 'standard.xlsx', '--lang', lang);
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect(width(line)).toBeLessThanOrEqual(100);
    }
    const en = await cli('totals', 'standard.xlsx', '--lang', 'en-US');
    expect(en.stdout).toMatch(/^File: standard.xlsx/);
    expect(en.stdout).toMatch(/^Total\s+102\.00/m);
  });
});

describe('the language before --lang is parsed (SPEC §7)', () => {
  it.each([
    [[], {}, 'zh-CN'],
    [[], { LANG: 'en_US.UTF-8' }, 'en-US'],
    [[], { LANG: 'en' }, 'en-US'],
    [[], { LANG: 'C.UTF-8' }, 'zh-CN'],
    [[], { LANG: 'POSIX' }, 'zh-CN'],
    [[], { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }, 'en-US'],
    [[], { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' }, 'zh-CN'],
    [[], { LANG: 'en_US.UTF-8', LC_ALL: '' }, 'en-US'],
    [['--lang', 'zh-CN'], { LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [['check', '--lang=en-US'], {}, 'en-US'],
  ] as const)('%j under %j is %s', (argv, env, lang) => expect(langOf(argv, env)).toBe(lang));
});
