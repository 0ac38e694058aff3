/**
 * Lets Node require the TypeScript sources directly, through TypeScript's own transpiler (no type
 * checking: that is `npm run typecheck`). Used by the benchmark, and by the CLI's reader worker
 * when the CLI itself runs from its sources (under jest or the benchmark, not from lib/).
 */
'use strict';

const fs = require('fs');
const ts = require('typescript');

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
