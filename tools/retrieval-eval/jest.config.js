module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'retrieval-eval',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
