/** `perf-targets totals <paths...>`: every project's budget and plan, and their exact sums (SPEC §6, §7). */

import { t } from '../../i18n';
import { analyse } from '../analyse';
import type { Lang } from '../../domain/types';
import { EXIT_USAGE, formatOption, langOption, type CliCommand } from '../command';
import { jsonReport, totalsCsv, totalsText } from '../report';

export const totals: CliCommand = {
  name: 'totals',
  register(program, { io, lang, done }) {
    program
      .command('totals')
      .description(t(lang, 'cli.usage.totals'))
      .argument(`<${t(lang, 'cli.args.paths')}...>`, t(lang, 'cli.usage.paths'))
      .addOption(formatOption(lang, ['text', 'json', 'csv']))
      .addOption(langOption(lang))
      .action(async (paths: string[], opts: { format: 'text' | 'json' | 'csv'; lang: Lang }) => {
        const a = await analyse(paths, 'auto', opts.lang, io);
        // Every output names the files that could not be read and marks the sums incomplete
        // (SPEC §6, §8): stderr and the exit code alone would leave a sum that looks complete.
        if (opts.format === 'json')
          io.stdout.write(JSON.stringify(jsonReport(a.results, a.totals, false), null, 2) + '\n');
        else if (opts.format === 'csv') io.stdout.write(totalsCsv(a.results, a.totals));
        else io.stdout.write(totalsText(a.results, a.totals, opts.lang));
        // The findings do not matter here: 1 only when a total is incomplete (SPEC §7).
        done(a.unreadable > 0 ? EXIT_USAGE : a.totals.incomplete.length > 0 ? 1 : 0);
      });
  },
};
