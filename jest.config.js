/**
 * Four projects: the pure domain (rules, reader, grammar, totals — `npx jest --selectProjects
 * domain` runs them alone in seconds), everything else that runs in Node (the simulator, the Excel
 * adapter on it, the command line, the build), React tests in jsdom, and browser tests in Chromium.
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
module.exports = {
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
