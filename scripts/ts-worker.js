/**
 * A worker thread's entry for a TypeScript worker module (`workerData.entry`): installs the
 * transpiler (scripts/ts-register.js), then loads the module. src/cli/isolate.ts starts its reader
 * worker through this file when the CLI runs from its sources.
 */
'use strict';

const { workerData } = require('worker_threads');

require('./ts-register');
require(workerData.entry);
