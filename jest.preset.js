const path = require('node:path');

const libs = [
  'config',
  'contracts',
  'messaging',
  'observability',
  'persistence',
  'storage',
  'testing',
];

/** Shared Jest settings: ts-jest in transpile-only mode (tsc type-checks separately). */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(
    libs.map((lib) => [`^@deskpilot/${lib}$`, path.join(__dirname, `libs/${lib}/src/index.ts`)]),
  ),
  clearMocks: true,
  restoreMocks: true,
};
