/** `perf-targets template <out.xlsx>`: a blank standard workbook of 1 to 200 projects (SPEC §7). */

import * as path from 'node:path';
import { templateProfile } from '../../domain/settings';
import type { Lang, ProfileChoice } from '../../domain/types';
import { t } from '../../i18n';
import { EXIT_USAGE, listed, profileOption, PROGRAM, UsageError, type CliCommand } from '../command';
import { printable } from '../report';

const MAX_PROJECTS = 200;

function parseProjects(value: string, lang: Lang): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PROJECTS) {
    throw new UsageError(t(lang, 'cli.usage.badProjects', { max: MAX_PROJECTS, value }));
  }
  return n;
}

interface TemplateOptions {
  projects: string;
  profile: ProfileChoice;
  unit?: string;
  year?: string;
  signature: boolean;
  force: boolean;
}

export const template: CliCommand = {
  name: 'template',
  register(program, { io, lang, done }) {
    program
      .command('template')
      .description(t(lang, 'cli.usage.template'))
      .argument(`<${t(lang, 'cli.args.out')}>`, t(lang, 'cli.usage.out'))
      .option('--projects <n>', t(lang, 'cli.usage.projects'), '1')
      .addOption(profileOption(lang))
      .option('--unit <unit>', t(lang, 'cli.usage.unit'))
      .option('--year <year>', t(lang, 'cli.usage.templateYear'))
      .option('--signature', t(lang, 'cli.usage.signature'), false)
      .option('--force', t(lang, 'cli.usage.force'), false)
      .action(async (out: string, opts: TemplateOptions) => {
        if (opts.year !== undefined && !/^\d{4}$/.test(opts.year.trim()))
          throw new UsageError(t(lang, 'cli.usage.badYear', { value: opts.year }));
        const projects = parseProjects(opts.projects, lang);
        if (opts.unit !== undefined && opts.unit.trim() === '')
          throw new UsageError(t(lang, 'cli.usage.badUnit'));
        // Loaded here, not at start: check and totals read through the reader worker and need no
        // exceljs in this thread, which would cost every run half a second.
        const { parseUnit, writeTemplateXlsx } = await import('../write-xlsx');
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
      });
  },
};
