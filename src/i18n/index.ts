/**
 * The strings of both languages, loaded at once: what the command line, the ribbon commands, the
 * Excel adapter, the preview and the tests import. The task pane imports `./core` and loads the
 * language it shows (SPEC §10).
 */

import { setLanguage } from './core';
import enUS from './en-US';
import zhCN from './zh-CN';

setLanguage('zh-CN', zhCN);
setLanguage('en-US', enUS);

export * from './core';
