/** `perf-targets check <paths...>`: the findings of every table, as text or JSON (SPEC §7). */

import { Option } from 'commander';
import type { Lang, ProfileChoice, Severity } from '../../domain/types';
import { t } from '../../i18n';
import { analyse, checkExitCode } from '../analyse';
import { formatOption, langOption, profileOption, type CliCommand } from '../command';
import { checkText, jsonReport } from '../report';

interface CheckOptions {
  profile: ProfileChoice;
  format: 'text' | 'json';
  lang: Lang;
  minSeverity: Severity;
}

export const check: CliCommand = {
  name: 'check',
  register(program, { io, lang, done }) {
    program
      .command('check')
      .description(t(lang, 'cli.usage.check'))
      .argument(`<${t(lang, 'cli.args.paths')}...>`, t(lang, 'cli.usage.paths'))
      .addOption(profileOption(lang))
      .addOption(formatOption(lang, ['text', 'json']))
      .addOption(langOption(lang))
      .addOption(
        new Option('--min-severity <severity>', t(lang, 'cli.usage.minSeverity'))
          .choices(['error', 'warning', 'info'])
          .default('info'),
      )
      .action(async (paths: string[], opts: CheckOptions) => {
        const a = await analyse(paths, opts.profile, opts.lang, io);
        if (opts.format === 'json')
          io.stdout.write(JSON.stringify(jsonReport(a.results, a.totals, true), null, 2) + '\n');
        else io.stdout.write(checkText(a.results, a.totals, opts.lang, a.unreadable, opts.minSeverity));
        done(checkExitCode(a));
      });
  },
};
