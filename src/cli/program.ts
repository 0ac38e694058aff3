/**
 * The program behind `perf-targets` (src/cli/main.ts): commander with the commands of
 * src/cli/commands/, the language of help and errors, and the exit code of usage errors.
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

/** Runs the command line `argv` in `lang` (src/cli/main.ts run); resolves to the exit code. */
export async function runProgram(argv: string[], io: CliIO, lang: Lang): Promise<number> {
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
