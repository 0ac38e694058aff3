/**
 * Preloaded with `node --require` by tests that run the command line as a process: on exit, writes
 * the process's peak resident set size in kB (worker threads included, as getrusage counts them) to
 * the file named by PERF_RSS_FILE. Works where /usr/bin/time does not exist.
 */
'use strict';

const fs = require('fs');
const { isMainThread } = require('worker_threads');

if (isMainThread && process.env.PERF_RSS_FILE) {
  process.on('exit', () => {
    fs.writeFileSync(process.env.PERF_RSS_FILE, String(process.resourceUsage().maxRSS));
  });
}
