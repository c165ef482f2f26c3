import { SERVICE_NAMES } from '@deskpilot/contracts';

import type { ServiceView } from './consistency';
import { secretProblems, valueProblems, variableProblems } from './consistency';
import { loadDeployment, migrationView, serviceView } from './deployment';
import { composeSource } from './environment-sources';
import { ANTICIPATED, LEFT_AT_DEFAULT } from './variables';
import { readWorkspaceFile, workspaceRoot } from './workspace';

const root = workspaceRoot();
const snapshot = loadDeployment(root, (path) => jest.requireActual(path));

describe('deployment consistency', () => {
  describe.each(SERVICE_NAMES)('%s', (service) => {
    const code = snapshot.code.get(service);
    const view = serviceView(snapshot, service);

    it('should find the variables in the service config code', () => {
      expect(code?.loaders.length).toBeGreaterThan(0);
      expect(code?.variables).toContain('PORT');
      expect(code?.variables).toContain('DATABASE_URL');
    });

    it('should pass exactly the variables the service reads, in compose and k8s alike', () => {
      expect(variableProblems(view)).toEqual([]);
    });

    it('should take secrets from the environment or the Secret, never from a literal', () => {
      expect(secretProblems(view)).toEqual([]);
    });

    it('should agree on ports and fixed values and read the rest from the ConfigMap', () => {
      expect(valueProblems(view, code?.defaultPort ?? -1)).toEqual([]);
    });

    it('should give its migration runner only what migrate.js reads', () => {
      const migration = migrationView(snapshot, service);

      expect([...migration.compose.keys()]).toContain('DATABASE_URL');
      expect(variableProblems(migration, true)).toEqual([]);
      expect(secretProblems(migration)).toEqual([]);
      expect(valueProblems(migration, -1, true)).toEqual([]);
    });
  });

  it('should document every variable in the configuration table of docs/operations.md', () => {
    const guide = readWorkspaceFile(root, 'docs/operations.md');
    const documented = new Set([...guide.matchAll(/^\| `([A-Z0-9_]+)` +\|/gm)].map((m) => m[1]));
    const variables = new Set([
      ...[...snapshot.code.values()].flatMap((env) => [...env.variables]),
      ...Object.values(ANTICIPATED).flat(),
    ]);

    expect([...variables].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });
});

describe(variableProblems.name, () => {
  const view = (overrides: Partial<ServiceView>): ServiceView => ({
    service: 'llm',
    reads: new Set(['PORT', 'LLM_MODEL', 'INSTANCE_ID']),
    imageEnv: { PORT: '3003' },
    compose: new Map([['LLM_MODEL', composeSource('${LLM_MODEL:-}')]]),
    kubernetes: new Map([
      ['LLM_MODEL', { from: 'configMap', name: 'deskpilot-config', key: 'LLM_MODEL' }],
    ]),
    ...overrides,
  });

  it('should accept a service whose variables all reach it', () => {
    expect(variableProblems(view({}))).toEqual([]);
  });

  it('should report a variable the code reads that no deployment passes', () => {
    const sut = variableProblems(view({ reads: new Set(['PORT', 'LLM_MODEL', 'LLM_TIMEOUT']) }));

    expect(sut).toEqual([expect.stringContaining('llm reads LLM_TIMEOUT')]);
  });

  it('should report a variable passed to a service that does not read it', () => {
    const sut = variableProblems(view({ reads: new Set(['PORT']) }));

    expect(sut).toEqual([
      'docker-compose.yml passes LLM_MODEL to llm, which does not read it',
      'k8s passes LLM_MODEL to llm, which does not read it',
    ]);
  });

  it('should report a variable only one of the deployments passes', () => {
    const sut = variableProblems(view({ kubernetes: new Map() }));

    expect(sut).toEqual(['docker-compose.yml passes LLM_MODEL to llm but k8s does not']);
  });

  it('should report a variable that must stay at its default when it is set', () => {
    const compose = new Map([
      ['LLM_MODEL', composeSource('x')],
      ['INSTANCE_ID', composeSource('one')],
    ]);
    const sut = variableProblems(view({ compose }));

    expect(sut).toContain(`INSTANCE_ID must stay unset for llm: ${LEFT_AT_DEFAULT['INSTANCE_ID']}`);
  });
});

describe(secretProblems.name, () => {
  it('should report a literal secret and a secret read from the ConfigMap', () => {
    const sut = secretProblems({
      service: 'gateway',
      reads: new Set(['JWT_SECRET']),
      imageEnv: {},
      compose: new Map([['JWT_SECRET', composeSource('hunter2')]]),
      kubernetes: new Map([
        ['JWT_SECRET', { from: 'configMap', name: 'deskpilot-config', key: 'JWT_SECRET' }],
      ]),
    });

    expect(sut).toEqual([
      'docker-compose.yml gives gateway a literal JWT_SECRET',
      'k8s must read JWT_SECRET for gateway from secretKeyRef deskpilot-secrets/JWT_SECRET',
    ]);
  });

  it('should report a secret required in one deployment and optional in the other', () => {
    const sut = secretProblems({
      service: 'llm',
      reads: new Set(['OPENROUTER_API_KEY']),
      imageEnv: {},
      compose: new Map([['OPENROUTER_API_KEY', composeSource('${OPENROUTER_API_KEY:?set it}')]]),
      kubernetes: new Map([
        [
          'OPENROUTER_API_KEY',
          { from: 'secret', name: 'deskpilot-secrets', key: 'OPENROUTER_API_KEY', optional: true },
        ],
      ]),
    });

    expect(sut).toEqual([
      'OPENROUTER_API_KEY for llm is required in docker-compose.yml but optional in k8s',
    ]);
  });
});

describe(valueProblems.name, () => {
  it('should report a port that differs from the one the service listens on', () => {
    const sut = valueProblems(
      {
        service: 'ingest',
        reads: new Set(['PORT']),
        imageEnv: {},
        compose: new Map([
          ['PORT', composeSource('3001')],
          ['DB_MIGRATIONS', composeSource('false')],
          ['DATA_DIR', composeSource('/var/lib/deskpilot')],
        ]),
        kubernetes: new Map([
          ['PORT', { from: 'literal', value: '8080' }],
          ['DB_MIGRATIONS', { from: 'literal', value: 'false' }],
          ['DATA_DIR', { from: 'literal', value: '/var/lib/deskpilot' }],
        ]),
      },
      3001,
    );

    expect(sut).toEqual(['k8s must set PORT=3001 for ingest']);
  });
});
