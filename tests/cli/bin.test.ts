/** The installed command itself: `node bin/perf-targets.js` as a separate process, after `npm run prepare`'s build. */

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { writeGridsXlsx } from '../fixtures/xlsx';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'perf-targets.js');
let dir: string;

/** Under a Chinese locale unless `locale` says otherwise, whatever the machine running the tests has. */
function perfTargets(args: string[], cwd = dir, bin = BIN, locale = 'zh_CN.UTF-8') {
  const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: locale };
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'buffer', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

beforeAll(async () => {
  try {
    // What `npm run prepare` runs; it still emits when a file someone else is writing has a type error.
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    // Reported below if nothing was emitted.
  }
  if (!existsSync(path.join(ROOT, 'lib', 'cli', 'main.js')))
    throw new Error('tsc -p tsconfig.cli.json emitted nothing');
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'perf-bin-'));
  await writeGridsXlsx(seedStandardGrids(), path.join(dir, 'standard.xlsx'));
  await fs.writeFile(path.join(dir, 'renamed.xlsx'), 'just text\n');
}, 120_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('node bin/perf-targets.js', () => {
  it('check --format json prints one JSON document on stdout and exits 1 for the seed’s error', () => {
    const r = perfTargets(['check', 'standard.xlsx', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout.toString('utf8'));
    expect(doc.files[0].tables).toHaveLength(6);
    expect(doc.totals.total).toBe('102.00');
  });

  it('names each unreadable path on one stderr line, exits 2, and reports the rest', () => {
    const r = perfTargets(['check', 'missing.xlsx', 'renamed.xlsx', 'standard.xlsx']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^perf-targets: missing\.xlsx: /);
    expect(lines[1]).toMatch(/^perf-targets: renamed\.xlsx: /);
    expect(r.stdout.toString('utf8')).toContain('文件：standard.xlsx');
  });

  it('speaks English under an English locale, Chinese under C, and --lang decides over both', () => {
    expect(perfTargets(['--help'], dir, BIN, 'en_US.UTF-8').stdout.toString('utf8')).toMatch(
      /^Usage: perf-targets/m,
    );
    expect(perfTargets(['--help'], dir, BIN, 'C.UTF-8').stdout.toString('utf8')).toMatch(
      /^用法：\s*perf-targets/m,
    );
    const chosen = perfTargets(['--help', '--lang', 'zh-CN'], dir, BIN, 'en_GB.UTF-8');
    expect(chosen.stdout.toString('utf8')).toMatch(/^用法：\s*perf-targets/m);
  });

  it('totals --format csv starts with the UTF-8 byte-order mark', () => {
    const r = perfTargets(['totals', 'standard.xlsx', '--format', 'csv']);
    expect([...r.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.stdout.toString('utf8')).toContain('\r\n合计,,,,102.00,');
  });

  it('template writes a workbook and refuses to overwrite it', () => {
    expect(perfTargets(['template', 'new.xlsx', '--projects', '2']).code).toBe(0);
    expect(existsSync(path.join(dir, 'new.xlsx'))).toBe(true);
    const again = perfTargets(['template', 'new.xlsx']);
    expect(again.code).toBe(2);
    expect(again.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('in a tree not yet built, says to run npm run prepare, on one line, exit 2', async () => {
    const tree = path.join(dir, 'unbuilt');
    await fs.mkdir(path.join(tree, 'bin'), { recursive: true });
    await fs.copyFile(BIN, path.join(tree, 'bin', 'perf-targets.js'));
    const r = perfTargets(['check', 'x.xlsx'], dir, path.join(tree, 'bin', 'perf-targets.js'));
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('npm run prepare')]);
  });
});
