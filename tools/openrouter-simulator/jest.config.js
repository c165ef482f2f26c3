module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'openrouter-simulator',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
