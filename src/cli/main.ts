/**
 * `perf-targets` (SPEC §7): check, totals, template. `run` is the whole program without the
 * process around it, so tests drive it in-process; bin/perf-targets.js only wires it to stdio.
 * Exit codes: 2 wrong usage or a path that cannot be read (one line each on stderr, the rest still
 * checked); else for `check` 1 when any finding is an error, for `totals` 1 when the totals are
 * incomplete (an amount could not be read); else 0. Nothing ever prints a stack trace.
 */

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { analyseGrids } from '../domain/analysis';
import type { Grid } from '../domain/grid';
import { PROFILE_CHOICES, templateProfile } from '../domain/settings';
import type { Totals } from '../domain/totals';
import type { Lang, ProfileChoice } from '../domain/types';
import { t } from '../i18n';
import '../i18n/cli';
import { collectTargets } from './files';
import { readXlsx } from './read-xlsx';
import { checkText, jsonReport, printable, totalsCsv, totalsText, type FileResult } from './report';
import { XlsxReadError } from './zip-guard';

export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Relative paths on the command line are taken from here. */
  cwd: string;
}

const LANGS = ['zh-CN', 'en-US'] as const;
const MAX_PROJECTS = 200;
const PROGRAM = 'perf-targets';

/** Exit code for wrong usage and unreadable paths. */
const EXIT_USAGE = 2;

class UsageError extends Error {}

function readErrorText(lang: Lang, err: unknown): string {
  if (err instanceof XlsxReadError) return t(lang, `cli.read.${err.code}`, err.data);
  const message = err instanceof Error ? err.message : String(err);
  return t(lang, 'cli.read.unexpected', { message: printable(message.split('\n')[0]) });
}

interface Analysis {
  results: FileResult[];
  /** Over every table of every file, in the order of `results`. */
  totals: Totals;
  unreadable: number;
  errors: number;
}

/**
 * Reads every workbook the paths name, then validates all their tables together, so that
 * `table/duplicate-code` sees the same 项目编码 in two files checked together.
 */
async function analyse(paths: string[], profile: ProfileChoice, lang: Lang, io: CliIO): Promise<Analysis> {
  const collected = await collectTargets(paths, io.cwd);
  const results: FileResult[] = [];
  const fail = (display: string, err: unknown): void => {
    const message = readErrorText(lang, err);
    io.stderr.write(`${PROGRAM}: ${printable(display)}: ${message}\n`);
    results.push({ file: display, tables: [], findings: [], error: message });
  };
  const grids: Grid[] = [];
  const fileOf: FileResult[] = [];
  for (const item of collected) {
    if ('error' in item) {
      fail(item.display, item.error);
      continue;
    }
    try {
      const read = await readXlsx(item.absolute);
      const result: FileResult = { file: item.display, tables: [], findings: [] };
      results.push(result);
      for (const grid of read) {
        grids.push(grid);
        fileOf.push(result);
      }
    } catch (err) {
      fail(item.display, err);
    }
  }
  // One analysis over every file's sheets, each sheet known by its position among them.
  const { state, sheetIds, totals } = analyseGrids(grids, { lang, profile });
  state.tables.forEach((table, i) => fileOf[Number(sheetIds[i])]?.tables.push(table));
  for (const f of state.findings) {
    const owner = f.table !== undefined ? fileOf[Number(sheetIds[f.table])] : undefined;
    (owner ?? results[0])?.findings.push(f);
  }
  return {
    results,
    totals,
    unreadable: results.filter((r) => r.error !== undefined).length,
    errors: state.findings.filter((f) => f.severity === 'error').length,
  };
}

function exitCode(a: Analysis): number {
  if (a.unreadable > 0) return EXIT_USAGE;
  return a.errors > 0 ? 1 : 0;
}

function parseProjects(value: string, lang: Lang): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROJECTS) {
    throw new UsageError(t(lang, 'cli.usage.badProjects', { max: MAX_PROJECTS, value }));
  }
  return n;
}

/** Sheet names for a one-line message: all of a few, or the first and last of many. */
function listed(sheets: string[]): string {
  return sheets.length <= 4
    ? sheets.join('、')
    : `${sheets.slice(0, 2).join('、')}…${sheets[sheets.length - 1]}`;
}

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

/** The help text's language, before commander has parsed `--lang`. */
function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh-CN';
  const v = argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  return v === 'en-US' ? 'en-US' : 'zh-CN';
}

function program(io: CliIO, lang: Lang, done: (code: number) => void): Command {
  const cmd = new Command(PROGRAM)
    .description(t(lang, 'cli.usage.description'))
    .version(version(), '-V, --version', t(lang, 'cli.usage.version'))
    .helpOption('-h, --help', t(lang, 'cli.usage.help'))
    .helpCommand('help [command]', t(lang, 'cli.usage.help'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`${PROGRAM}: ${s.trim().split('\n')[0]}\n`),
    })
    .showSuggestionAfterError(true);
  const profileOption = () =>
    new Option('--profile <profile>', t(lang, 'cli.usage.profile')).choices(PROFILE_CHOICES).default('auto');

  cmd
    .command('check')
    .description(t(lang, 'cli.usage.check'))
    .argument('<paths...>', t(lang, 'cli.usage.paths'))
    .addOption(profileOption())
    .addOption(
      new Option('--format <format>', t(lang, 'cli.usage.format')).choices(['text', 'json']).default('text'),
    )
    .addOption(new Option('--lang <lang>', t(lang, 'cli.usage.lang')).choices(LANGS).default('zh-CN'))
    .action(
      async (paths: string[], opts: { profile: ProfileChoice; format: 'text' | 'json'; lang: Lang }) => {
        const a = await analyse(paths, opts.profile, opts.lang, io);
        if (opts.format === 'json')
          io.stdout.write(JSON.stringify(jsonReport(a.results, a.totals, true), null, 2) + '\n');
        else io.stdout.write(checkText(a.results, a.totals, opts.lang, a.unreadable));
        done(exitCode(a));
      },
    );

  cmd
    .command('totals')
    .description(t(lang, 'cli.usage.totals'))
    .argument('<paths...>', t(lang, 'cli.usage.paths'))
    .addOption(
      new Option('--format <format>', t(lang, 'cli.usage.format'))
        .choices(['text', 'json', 'csv'])
        .default('text'),
    )
    .action(async (paths: string[], opts: { format: 'text' | 'json' | 'csv' }) => {
      const a = await analyse(paths, 'auto', 'zh-CN', io);
      const { totals } = a;
      if (opts.format === 'json')
        io.stdout.write(JSON.stringify(jsonReport(a.results, totals, false), null, 2) + '\n');
      else if (opts.format === 'csv')
        io.stdout.write(
          totalsCsv(
            a.results.filter((r) => !r.error),
            totals,
          ),
        );
      else
        io.stdout.write(
          totalsText(
            a.results.filter((r) => !r.error),
            totals,
            'zh-CN',
          ),
        );
      done(a.unreadable > 0 ? EXIT_USAGE : a.totals.incomplete.length > 0 ? 1 : 0);
    });

  cmd
    .command('template')
    .description(t(lang, 'cli.usage.template'))
    .argument('<out>', t(lang, 'cli.usage.out'))
    .option('--projects <n>', t(lang, 'cli.usage.projects'), '1')
    .addOption(profileOption())
    .option('--unit <unit>', t(lang, 'cli.usage.unit'))
    .option('--year <year>', t(lang, 'cli.usage.year'))
    .option('--signature', t(lang, 'cli.usage.signature'), false)
    .option('--force', t(lang, 'cli.usage.force'), false)
    .action(
      async (
        out: string,
        opts: {
          projects: string;
          profile: ProfileChoice;
          unit?: string;
          year?: string;
          signature: boolean;
          force: boolean;
        },
      ) => {
        if (opts.year !== undefined && !/^\d{4}$/.test(opts.year.trim()))
          throw new UsageError(t(lang, 'cli.usage.badYear', { value: opts.year }));
        const projects = parseProjects(opts.projects, lang);
        if (opts.unit !== undefined && opts.unit.trim() === '')
          throw new UsageError(t(lang, 'cli.usage.badUnit'));
        // Loaded here, not at start: check and totals read through the reader worker and need no
        // exceljs in this thread, which would cost every run half a second.
        const { parseUnit, writeTemplateXlsx } = await import('./write-xlsx');
        const unit = opts.unit !== undefined ? parseUnit(opts.unit) : {};
        const profile = templateProfile(opts.profile);
        const target = path.resolve(io.cwd, out);
        try {
          const { sheets } = await writeTemplateXlsx(target, {
            profile,
            projects,
            force: opts.force,
            ...unit,
            ...(opts.year !== undefined ? { year: opts.year.trim() } : {}),
            signature: opts.signature,
          });
          io.stdout.write(
            t(lang, 'cli.template.written', {
              file: out,
              count: sheets.length,
              sheets: listed(sheets),
              profile,
            }) + '\n',
          );
          done(0);
        } catch (err) {
          const code = (err as { code?: string }).code;
          const message =
            code === 'EEXIST'
              ? t(lang, 'cli.template.exists')
              : t(lang, 'cli.template.failed', {
                  message: printable(String((err as Error).message ?? err).split('\n')[0]),
                });
          io.stderr.write(`${PROGRAM}: ${printable(out)}: ${message}\n`);
          done(EXIT_USAGE);
        }
      },
    );
  return cmd;
}

/** Runs the command line `argv` (the arguments after the program's name); resolves to the exit code. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const lang = langOf(argv);
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
    io.stderr.write(`${PROGRAM}: ${t(lang, 'cli.usage.error', { message: 'check | totals | template' })}\n`);
    return EXIT_USAGE;
  }
  return code;
}
