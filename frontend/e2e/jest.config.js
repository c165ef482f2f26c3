/**
 * The console in a real browser: headless Chromium (Debian's, never downloaded) against the
 * built console served by the real gateway, all services started once for the whole run.
 */
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'frontend:e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/specs/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};
