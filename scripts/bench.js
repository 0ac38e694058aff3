#!/usr/bin/env node
/**
 * `npm run bench` (SPEC §10): round trips on the simulator, the rules engine against exceljs, and
 * the task pane's load in Chromium against a bare React + FluentProvider page. The benchmark is
 * TypeScript (bench/*.ts, type-checked with the rest); it runs here through TypeScript's own
 * transpiler, so a fresh clone needs nothing beyond `npm ci`.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.join(__dirname, '..');
const COMPILER_OPTIONS = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  jsx: ts.JsxEmit.ReactJSX,
  esModuleInterop: true,
  resolveJsonModule: true,
  inlineSourceMap: true,
};

function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: COMPILER_OPTIONS,
    fileName: filename,
  });
  module._compile(outputText, filename);
}

for (const ext of ['.ts', '.tsx']) require.extensions[ext] = compileTypeScript;

require(path.join(ROOT, 'bench', 'run.ts'))
  .main(process.argv.slice(2))
  .catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  });
