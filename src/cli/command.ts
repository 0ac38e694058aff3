/**
 * What every command of `perf-targets` shares: the program's stdio, the exit codes of SPEC §7 and
 * the shape of a command module. A command is one file in src/cli/commands/ that registers itself on
 * the program, plus one line in src/cli/commands/index.ts, plus its strings in src/i18n/cli.ts.
 */

import { Option, type Command } from 'commander';
import { PROFILE_CHOICES } from '../domain/settings';
import type { Lang } from '../domain/types';
import { t } from '../i18n';

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Relative paths on the command line are taken from here. */
  cwd: string;
  /** The environment, for the locale (LC_ALL, LC_MESSAGES, LANG); none means Chinese. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const PROGRAM = 'perf-targets';
export const LANGS = ['zh-CN', 'en-US'] as const;

/** Exit code for wrong usage and unreadable paths. */
export const EXIT_USAGE = 2;

/** A usage mistake a command finds after commander has parsed: one line on stderr, exit 2. */
export class UsageError extends Error {}

/** What a command's action needs from the program around it. */
export interface CommandContext {
  io: CliIO;
  /** The language of help and messages (from `--lang` or the locale) before options are parsed. */
  lang: Lang;
  /** Ends the run with this exit code. */
  done(code: number): void;
}

/** One command of the program: adds itself (with its options and action) to `program`. */
export interface CliCommand {
  name: string;
  register(program: Command, ctx: CommandContext): void;
}

/** `--profile`, as check and template take it. */
export function profileOption(lang: Lang): Option {
  return new Option('--profile <profile>', t(lang, 'cli.usage.profile'))
    .choices(PROFILE_CHOICES)
    .default('auto');
}

/** `--format` with the formats a command can print. */
export function formatOption(lang: Lang, choices: readonly string[]): Option {
  return new Option('--format <format>', t(lang, 'cli.usage.format')).choices(choices).default(choices[0]);
}

/** `--lang`: the language of the output (help comes in the language found before parsing). */
export function langOption(lang: Lang): Option {
  return new Option('--lang <lang>', t(lang, 'cli.usage.lang')).choices(LANGS).default(lang);
}

/** Sheet names for a one-line message: all of a few, or the first and last of many. */
export function listed(sheets: string[]): string {
  return sheets.length <= 4
    ? sheets.join('、')
    : `${sheets.slice(0, 2).join('、')}…${sheets[sheets.length - 1]}`;
}
