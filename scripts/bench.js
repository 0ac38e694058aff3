#!/usr/bin/env node
/**
 * `npm run bench` (SPEC §10): round trips on the simulator, the rules engine against exceljs, and
 * the task pane's load in Chromium against a bare React + FluentProvider page. The benchmark is
 * TypeScript (bench/*.ts, type-checked with the rest); it runs here through TypeScript's own
 * transpiler, so a fresh clone needs nothing beyond `npm ci`.
 */
'use strict';

const path = require('path');

const ROOT = path.join(__dirname, '..');
require('./ts-register');

require(path.join(ROOT, 'bench', 'run.ts'))
  .main(process.argv.slice(2))
  .catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  });
