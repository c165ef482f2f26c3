module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'whmcs-sync',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
