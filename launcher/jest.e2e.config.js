module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'launcher:e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
