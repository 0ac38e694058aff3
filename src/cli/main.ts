/**
 * `perf-targets` (SPEC §7). `run` is the whole program without the process around it, so tests
 * drive it in-process; bin/perf-targets.js only wires it to stdio. The commands live one a file in
 * src/cli/commands/. Exit codes: 2 wrong usage or a path that cannot be read (one line each on
 * stderr, the rest still processed); else what the command says (SPEC §7). Nothing ever prints a
 * stack trace.
 */

import type { Lang } from '../domain/types';
import type { CliIO } from './command';
import { startReader } from './isolate';

export type { CliIO };

/**
 * The language of help, usage errors and output before commander has parsed `--lang` (SPEC §7):
 * `--lang` when given, else English under an English locale (the first of LC_ALL, LC_MESSAGES
 * and LANG that is set, as POSIX orders them), else Chinese — also under C or POSIX.
 */
export function langOf(argv: readonly string[], env: CliIO['env'] = {}): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i >= 0) {
    const v = argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
    return v === 'en-US' ? 'en-US' : 'zh-CN';
  }
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '');
  return locale && /^en(?:[_.@-]|$)/i.test(locale.trim()) ? 'en-US' : 'zh-CN';
}

/** The commands that read the files they are given (in the reader worker, src/cli/isolate.ts). */
const READING = new Set(['check', 'totals', 'annotate', 'report', 'selfeval']);
const WORD = /\.(?:docx|docm|dotx)$/i;

/**
 * The command `argv` names, when it reads files: its reader worker is started before anything else is
 * loaded, exceljs too unless every document named is a Word one. A wrong guess costs only the start.
 */
function startReaderFor(argv: readonly string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') i++;
    else if (!a.startsWith('-')) {
      if (!READING.has(a)) return;
      const documents = argv.slice(i + 1).filter((p) => /\.[a-z]+$/i.test(p) && !p.startsWith('-'));
      startReader(documents.length === 0 || !documents.every((p) => WORD.test(p)));
      return;
    }
  }
}

/** Runs the command line `argv` (the arguments after the program's name); resolves to the exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const lang = langOf(argv, io.env);
  startReaderFor(argv);
  // The program (commander, the strings, the rules) loads while the reader worker starts.
  const { runProgram } = await import('./program');
  return runProgram(argv, io, lang);
}
