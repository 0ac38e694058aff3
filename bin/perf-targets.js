#!/usr/bin/env node
'use strict';
// The command line is written in TypeScript (src/cli) and compiled to lib/ by `npm run prepare`.
const path = require('path');

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
