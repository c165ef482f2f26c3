const preset = require('./jest.preset.js');

/** Integration tests: real PostgreSQL and RabbitMQ, one file at a time per project. */
module.exports = (dir, name) => ({
  ...preset,
  displayName: `${name}:integration`,
  rootDir: dir,
  testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
});
