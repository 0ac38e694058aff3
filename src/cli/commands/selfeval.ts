/**
 * `perf-targets selfeval <paths...> --out <file>` (SPEC §12): a 自评表 for each target table, as a
 * workbook that scores itself; the writer is loaded only when the command runs (see ../selfeval.ts).
 */

import type { Lang, ProfileChoice } from '../../domain/types';
import { t } from '../../i18n';
import { langOption, profileOption, UsageError, type CliCommand } from '../command';

export const selfeval: CliCommand = {
  name: 'selfeval',
  register(program, { io, lang, done }) {
    program
      .command('selfeval')
      .description(t(lang, 'cli.usage.selfeval'))
      .argument('<paths...>', t(lang, 'cli.usage.paths'))
      .requiredOption('--out <file>', t(lang, 'cli.usage.out'))
      .addOption(profileOption(lang))
      .option('--year <year>', t(lang, 'cli.usage.year'))
      .option('--force', t(lang, 'cli.usage.force'), false)
      .addOption(langOption(lang))
      .action(
        async (
          paths: string[],
          opts: { out: string; profile: ProfileChoice; year?: string; force: boolean; lang: Lang },
        ) => {
          const year = opts.year === undefined ? new Date().getFullYear() : Number(opts.year);
          if (!Number.isInteger(year) || year < 2000 || year > 2100)
            throw new UsageError(`--year ${opts.year ?? ''}`);
          const { selfevalCommand } = await import('../selfeval');
          done(await selfevalCommand(paths, { ...opts, year }, io));
        },
      );
  },
};
