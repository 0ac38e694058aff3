#!/usr/bin/env node
'use strict';
// The command line is written in TypeScript (src/cli) and compiled to lib/ by `npm run prepare`.
const path = require('path');

// A run is short and the machine may have two cores, both busy (the reader worker and this thread):
// V8 then spends more on optimising code early, on the compiler's thread, than the code gains before
// the run ends. Four times Node 20's budget before a function is optimised makes a 1,000-table check
// a fifth faster (npm run bench, cli); the rules run the same. The flag applies to this process and
// its reader worker, started later. It is set only on the V8 versions known to have it (an unknown
// flag would print an error line): speed is all that is at stake.
const v8Major = Number(process.versions.v8.split('.')[0]);
if (v8Major >= 9 && v8Major <= 13) require('v8').setFlagsFromString('--interrupt-budget=270000');

let main;
try {
  main = require(path.join(__dirname, '..', 'lib', 'cli', 'main.js'));
} catch (err) {
  if (
    err &&
    err.code === 'MODULE_NOT_FOUND' &&
    String(err.message).includes(path.join('lib', 'cli', 'main.js'))
  ) {
    process.stderr.write(
      'perf-targets: not built yet: run `npm run prepare` in ' + path.join(__dirname, '..') + '\n',
    );
  } else {
    process.stderr.write('perf-targets: ' + String((err && err.message) || err).split('\n')[0] + '\n');
  }
  process.exit(2);
}

// A reader that stops early (`perf-targets check … | head`) closes the pipe: end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode || 0);
  });
}

main
  .run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write('perf-targets: ' + String((err && err.message) || err).split('\n')[0] + '\n');
      process.exitCode = 2;
    },
  );
