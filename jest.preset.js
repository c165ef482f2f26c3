const path = require('node:path');

const projects = {
  config: 'libs/config',
  contracts: 'libs/contracts',
  embeddings: 'libs/embeddings',
  messaging: 'libs/messaging',
  observability: 'libs/observability',
  persistence: 'libs/persistence',
  runtime: 'libs/runtime',
  storage: 'libs/storage',
  testing: 'libs/testing',
  text: 'libs/text',
  gateway: 'services/gateway',
  ingest: 'services/ingest',
  llm: 'services/llm',
  retrieval: 'services/retrieval',
  'whmcs-sync': 'services/whmcs-sync',
  'deploy-check': 'tools/deploy-check',
  'openrouter-simulator': 'tools/openrouter-simulator',
  'whmcs-simulator': 'tools/whmcs-simulator',
  'retrieval-eval': 'tools/retrieval-eval',
};

/** Shared Jest settings: ts-jest in transpile-only mode (tsc type-checks separately). */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(
    Object.entries(projects).map(([name, dir]) => [
      `^@deskpilot/${name}$`,
      path.join(__dirname, dir, 'src/index.ts'),
    ]),
  ),
  clearMocks: true,
  restoreMocks: true,
};
