/**
 * `perf-targets` (SPEC §7). `run` is the whole program without the process around it, so tests
 * drive it in-process; bin/perf-targets.js only wires it to stdio. The commands live one a file in
 * src/cli/commands/. Exit codes: 2 wrong usage or a path that cannot be read (one line each on
 * stderr, the rest still processed); else what the command says (SPEC §7). Nothing ever prints a
 * stack trace.
 */

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CommanderError, type Command } from 'commander';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import '../i18n/cli';
import { EXIT_USAGE, langOption, PROGRAM, UsageError, type CliIO } from './command';
import { COMMANDS } from './commands';
import { helpConfiguration, LocalCommand } from './localise';
import { printable } from './report';

export type { CliIO };

/** The package's version: package.json sits two levels up from both src/cli and lib/cli. */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

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

function program(io: CliIO, lang: Lang, done: (code: number) => void): Command {
  const cmd = new LocalCommand(lang, PROGRAM)
    .description(t(lang, 'cli.usage.description'))
    .version(version(), '-V, --version', t(lang, 'cli.usage.version'))
    .helpOption('-h, --help', t(lang, 'cli.usage.help'))
    .helpCommand('help [command]', t(lang, 'cli.usage.help'))
    // Also before the command, where it sets the language of help and usage errors too.
    .addOption(langOption(lang))
    .exitOverride()
    .configureHelp(helpConfiguration(lang))
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${PROGRAM}: ${s.trim().split('\n')[0]}\n`),
    })
    .showSuggestionAfterError(true);
  for (const command of COMMANDS) command.register(cmd, { io, lang, done });
  return cmd;
}

/** Runs the command line `argv` (the arguments after the program's name); resolves to the exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const lang = langOf(argv, io.env);
  let code: number | undefined;
  try {
    await program(io, lang, (c) => (code = c)).parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version end through here too, with exit code 0.
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`${PROGRAM}: ${t(lang, 'cli.usage.error', { message: err.message })}\n`);
      return EXIT_USAGE;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`${PROGRAM}: ${printable(message.split('\n')[0])}\n`);
    return EXIT_USAGE;
  }
  if (code === undefined) {
    // No command given: commander printed nothing, so say how to use it.
    const commands = COMMANDS.map((c) => c.name).join(' | ');
    const message = t(lang, 'cli.usage.noCommand', { commands, program: PROGRAM });
    io.stderr.write(`${PROGRAM}: ${t(lang, 'cli.usage.error', { message })}\n`);
    return EXIT_USAGE;
  }
  return code;
}
