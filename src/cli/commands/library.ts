/** `perf-targets library [words…]`: the reference indicators (SPEC §13); see ../library.ts. */

import type { CliCommand } from '../command';
import { addLibraryCommand } from '../library';

export const library: CliCommand = {
  name: 'library',
  register(program, { io, lang, done }) {
    addLibraryCommand(program, io, lang, done);
  },
};
