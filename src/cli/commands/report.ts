/**
 * `perf-targets report <paths...> --out <审核意见.xlsx> [--force]`: one workbook for a batch — 汇总
 * (a verdict per file and project) and 问题清单 (every finding) — SPEC §7. The files read are never
 * written; a path that cannot be read is one line on stderr, a row to return in the report, and
 * exit 2.
 */

import * as path from 'node:path';
import type { Lang, ProfileChoice } from '../../domain/types';
import { t } from '../../i18n';
import { analyse } from '../analyse';
import { EXIT_USAGE, langOption, profileOption, PROGRAM, UsageError, type CliCommand } from '../command';
import { printable } from '../report';
import { writeFailure } from './annotate';

interface ReportOptions {
  out: string;
  force: boolean;
  lang: Lang;
  profile: ProfileChoice;
}

export const report: CliCommand = {
  name: 'report',
  register(program, { io, lang, done }) {
    program
      .command('report')
      .description(t(lang, 'cli.usage.report'))
      .argument(`<${t(lang, 'cli.args.paths')}...>`, t(lang, 'cli.usage.paths'))
      .requiredOption('--out <file>', t(lang, 'cli.usage.reportOut'))
      .option('--force', t(lang, 'cli.usage.force'), false)
      .addOption(profileOption(lang))
      .addOption(langOption(lang))
      .action(async (paths: string[], opts: ReportOptions) => {
        if (!/\.xlsx$/i.test(opts.out)) throw new UsageError(t(opts.lang, 'cli.usage.outXlsx'));
        const target = path.resolve(io.cwd, opts.out);
        if (paths.some((p) => path.resolve(io.cwd, p) === target))
          throw new UsageError(t(opts.lang, 'cli.report.sameFile'));
        // A report found inside a folder being reported on is no unit's submission.
        const a = await analyse(paths, opts.profile, opts.lang, io, target);
        const results = a.results;
        const { writeReport } = await import('../review');
        try {
          const written = await writeReport(target, results, a.totals, opts.lang, opts.force);
          // Projects are tables; a file with none (unreadable, or no 绩效目标表) is a row of 汇总
          // to return, but no project. Only a project can pass.
          const projects = results.reduce((n, r) => n + r.tables.length, 0);
          const noProject = results.filter((r) => r.tables.length === 0).length;
          io.stdout.write(
            t(opts.lang, 'cli.report.written', {
              file: printable(opts.out),
              files: results.length,
              projects,
              passed: written.passed,
              returned: projects - written.passed,
              findings: written.findings,
            }) +
              (noProject > 0 ? t(opts.lang, 'cli.report.noProject', { count: noProject }) : '') +
              '\n',
          );
          done(a.unreadable > 0 ? EXIT_USAGE : 0);
        } catch (err) {
          io.stderr.write(`${PROGRAM}: ${printable(opts.out)}: ${writeFailure(opts.lang, err)}\n`);
          done(EXIT_USAGE);
        }
      });
  },
};
