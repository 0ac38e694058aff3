/** Running `perf-targets` in-process, as the command-line tests do: its exit code and what it printed. */

import { run, type CliIO } from '../../src/cli/main';
import type { JsonFinding, JsonReport } from '../../src/cli/report';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the program with `argv`, relative paths taken from `cwd`. */
export async function runCli(cwd: string, ...argv: string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** The non-empty lines of an output. */
export const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');

/** Runs the program with `argv` and `--format json`: the exit code, the parsed report and stderr. */
export async function runCliJson(
  cwd: string,
  ...argv: string[]
): Promise<{ code: number; doc: JsonReport; stderr: string }> {
  const r = await runCli(cwd, ...argv, '--format', 'json');
  return { code: r.code, doc: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/** A finding as it reads whatever the file: the rule, and its message without cell addresses. */
export const findingGist = (f: JsonFinding): string =>
  `${f.rule} ${f.severity} ${f.message.replace(/\b[A-Z]{1,3}\d+\b/g, '#')}`;
