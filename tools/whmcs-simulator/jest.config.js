module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'whmcs-simulator',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
