/**
 * The profiles' ids, in the order the settings offer them. Apart from the taxonomy (taxonomy.ts,
 * which re-exports them and holds each profile): the task pane's first script needs the ids for the
 * settings, not the indicator names behind them (SPEC §10).
 */

import type { ProfileId } from './types';

export const PROFILE_IDS: readonly ProfileId[] = ['hebei-2019', 'mof-2015', 'mof-2021'];
