/**
 * The strings of both languages, loaded at once: what the command line, the ribbon commands, the
 * Excel adapter, the preview and the tests import. The task pane imports `./core` and loads the
 * language it shows (SPEC §10).
 */

import i18next from 'i18next';
import { setLanguage, useI18next } from './core';
import enUS from './en-US';
import zhCN from './zh-CN';

setLanguage('zh-CN', zhCN);
setLanguage('en-US', enUS);
useI18next(i18next);

export * from './core';
