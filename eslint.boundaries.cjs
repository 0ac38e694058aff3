/**
 * The house's doors (ARCHITECTURE.md): imports point down only. src/domain imports nothing of ours
 * and nothing of a host (no Node built-ins, no DOM libraries, no Office); src/cli never imports the
 * Excel adapter or the task pane; src/taskpane and src/excel never import the simulator. Kept apart
 * from eslint.config.mjs so a test can lint a file against these rules alone.
 */

const up = (depth) => `^(?:\\.\\./){${depth}}`;

/** Packages that tie code to a host: the domain runs in the task pane, in Node and in tests alike. */
const HOST_PACKAGES = [
  { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'zlib', 'stream'], message: 'src/domain is pure: no Node built-ins (the CLI reads files, then hands grids to the domain).' },
  { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'src/domain is pure: no UI libraries.' },
  { group: ['exceljs', 'commander', 'i18next'], message: 'src/domain is pure: file formats, the command line and i18n live outside it.' },
];

/** A rule for files `depth` folders below src/domain forbidding any import that climbs out of it. */
function domainAt(depth, files) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: up(depth + 1),
              message: 'src/domain imports nothing of ours outside src/domain (ARCHITECTURE.md: imports point down).',
            },
            ...HOST_PACKAGES,
          ],
        },
      ],
    },
  };
}

/** Files of a folder directly under src (any depth inside it) must not reach `folders`. */
function forbid(files, folders, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: `^(?:\\.\\./)+(?:${folders.join('|')})(?:/|$)`, message }] },
      ],
    },
  };
}

module.exports = [
  domainAt(0, ['src/domain/*.ts']),
  domainAt(1, ['src/domain/*/*.ts']),
  domainAt(2, ['src/domain/*/*/*.ts']),
  forbid(['src/cli/**/*.ts'], ['excel', 'taskpane', 'preview', 'commands', 'sim'], 'the command line never imports the Excel adapter, the task pane or the simulator.'),
  forbid(['src/taskpane/**/*.{ts,tsx}'], ['sim', 'preview', 'cli'], 'the task pane talks to a Workbench, never to the simulator or the command line.'),
  forbid(['src/excel/**/*.ts', 'src/commands/**/*.ts'], ['sim', 'preview', 'cli', 'taskpane'], 'the Excel adapter drives Excel (or whatever `Excel` it is given), never the simulator itself.'),
];
