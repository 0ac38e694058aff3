/** Running `perf-targets` in-process, as the command-line tests do: its exit code and what it printed. */

import { run, type CliIO } from '../../src/cli/main';

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
