/** The UI language, given once at the top of the pane and read by every view and hook. */

import { createContext, useContext } from 'react';
import type { Lang } from '../domain/types';

export const LangContext = createContext<Lang>('zh-CN');

export function useLang(): Lang {
  return useContext(LangContext);
}
