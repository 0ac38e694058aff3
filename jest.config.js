/**
 * Four projects: the pure domain (rules, reader, grammar, totals — `npx jest --selectProjects
 * domain` runs them alone in seconds), everything else that runs in Node (the simulator, the Excel
 * adapter on it, the command line, the build), React tests in jsdom, and browser tests in Chromium.
 * The adapter's suites on the simulator (tests/excel) run once more for each other Excel the
 * simulator emulates (src/sim/hosts.ts): Office 2021, Office 2019 and Excel on the web. Those runs
 * belong to `unit` too; a colour tells them apart.
 */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }];
const common = {
  // Tests must pass on a loaded machine (2 cores running four projects at once): the CLI's reader
  // worker transpiles its sources before its first file, which alone can take seconds there.
  testTimeout: 30000,
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose dependencies are ESM-only; it needs one enum.
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
};
const hostRuns = [
  ['excel2021', 'cyan'],
  ['excel2019', 'magenta'],
  ['web', 'yellow'],
].map(([host, color]) => ({
  ...common,
  displayName: { name: 'unit', color },
  testEnvironment: 'node',
  globals: { SIM_HOST: host },
  setupFiles: ['<rootDir>/tests/support/sim-host.ts'],
  testMatch: ['<rootDir>/tests/excel/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/excel/office-mock.test.ts'],
}));

module.exports = {
  // Jest reads testTimeout from the global config only (a project's own value is ignored).
  testTimeout: common.testTimeout,
  projects: [
    {
      ...common,
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/domain/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/excel/**/*.test.ts', '<rootDir>/tests/cli/**/*.test.ts'],
    },
    ...hostRuns,
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/ui/**/*.test.tsx', '<rootDir>/tests/ui/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
  ],
};
