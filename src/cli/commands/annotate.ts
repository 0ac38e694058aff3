/**
 * `perf-targets annotate <file.xlsx> [--out <copy.xlsx>] [--force]`: the reviewer's copy of a unit's
 * workbook — a note (批注) on each finding's cell and a first sheet 审核意见 (SPEC §7). The input is
 * only read; the copy never replaces it.
 */

import * as path from 'node:path';
import type { Lang, ProfileChoice } from '../../domain/types';
import { t } from '../../i18n';
import { analyse } from '../analyse';
import { EXIT_USAGE, langOption, profileOption, PROGRAM, UsageError, type CliCommand } from '../command';
import { printable } from '../report';

interface AnnotateOptions {
  out?: string;
  force: boolean;
  lang: Lang;
  profile: ProfileChoice;
}

/** `单位.xlsx` → `单位（审核意见）.xlsx`, beside it. */
export function annotatedName(file: string, lang: Lang): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}${t(lang, 'cli.annotate.suffix')}.xlsx`);
}

export const annotate: CliCommand = {
  name: 'annotate',
  register(program, { io, lang, done }) {
    program
      .command('annotate')
      .description(t(lang, 'cli.usage.annotate'))
      .argument(`<${t(lang, 'cli.args.workbook')}>`, t(lang, 'cli.usage.workbook'))
      .option('--out <file>', t(lang, 'cli.usage.annotateOut'))
      .option('--force', t(lang, 'cli.usage.force'), false)
      .addOption(profileOption(lang))
      .addOption(langOption(lang))
      .action(async (file: string, opts: AnnotateOptions) => {
        if (!/\.xlsx$/i.test(file)) throw new UsageError(t(opts.lang, 'cli.annotate.onlyXlsx'));
        const out = opts.out ?? annotatedName(file, opts.lang);
        if (!/\.xlsx$/i.test(out)) throw new UsageError(t(opts.lang, 'cli.usage.outXlsx'));
        const input = path.resolve(io.cwd, file);
        const target = path.resolve(io.cwd, out);
        if (input === target) throw new UsageError(t(opts.lang, 'cli.annotate.sameFile'));
        const a = await analyse([file], opts.profile, opts.lang, io);
        const [result] = a.results;
        if (!result || result.error !== undefined) return done(EXIT_USAGE);
        // exceljs only now, and only here: check and totals start without it.
        const { writeAnnotated, UnopenableError } = await import('../review');
        try {
          const { notes, sheet, listOnly, lost } = await writeAnnotated(
            input,
            target,
            result,
            opts.lang,
            opts.force,
          );
          const count = (sev: string) => result.findings.filter((f) => f.severity === sev).length;
          io.stdout.write(
            (result.tables.length === 0
              ? t(opts.lang, 'cli.annotate.writtenNoTables', { file: printable(out), sheet })
              : t(opts.lang, 'cli.annotate.written', {
                  file: printable(out),
                  notes,
                  sheet,
                  errors: count('error'),
                  warnings: count('warning'),
                  infos: count('info'),
                })) + '\n',
          );
          // What the copy does not do as asked, said on stderr: cells without their note, a signature.
          const warn = (line: string) => io.stderr.write(`${PROGRAM}: ${printable(out)}: ${line}\n`);
          for (const reason of ['threaded', 'sheet'] as const) {
            const cells = listOnly.filter((c) => c.reason === reason);
            if (cells.length === 0) continue;
            const shown = cells
              .slice(0, 5)
              .map((c) => `${c.sheet}!${c.cell}`)
              .join(t(opts.lang, 'cli.help.separator'));
            warn(
              t(opts.lang, reason === 'threaded' ? 'cli.annotate.listOnly' : 'cli.annotate.notWritten', {
                cells: printable(cells.length > 5 ? `${shown}…` : shown),
                count: cells.length,
                sheet,
              }),
            );
          }
          if (lost.includes('signature')) warn(t(opts.lang, 'cli.annotate.signature'));
          done(0);
        } catch (err) {
          const unopenable = err instanceof UnopenableError;
          const line = unopenable
            ? t(opts.lang, 'cli.annotate.unopenable', { message: printable(err.message) })
            : writeFailure(opts.lang, err);
          io.stderr.write(`${PROGRAM}: ${printable(unopenable ? file : out)}: ${line}\n`);
          done(EXIT_USAGE);
        }
      });
  },
};

/** Why a file could not be written, in one line. */
export function writeFailure(lang: Lang, err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'EEXIST') return t(lang, 'cli.template.exists');
  const message = err instanceof Error ? err.message : String(err);
  return t(lang, 'cli.template.failed', { message: printable(message.split('\n')[0]) });
}
