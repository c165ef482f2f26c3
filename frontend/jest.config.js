module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'frontend',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
