/**
 * The commands of `perf-targets`, in the order help lists them. Adding a command is one file in this
 * folder, one line here and its strings in src/i18n/cli.ts.
 */

import type { CliCommand } from '../command';
import { annotate } from './annotate';
import { check } from './check';
import { library } from './library';
import { selfeval } from './selfeval';
import { report } from './report';
import { template } from './template';
import { totals } from './totals';

// One command a line, so that commands added in parallel merge without conflict.
// prettier-ignore
export const COMMANDS: readonly CliCommand[] = [
  check,
  totals,
  annotate,
  report,
  template,
  library,
  selfeval,
];
