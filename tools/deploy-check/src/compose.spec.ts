import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PRODUCT_VERSION, SERVICE_NAMES } from '@deskpilot/contracts';

import { lintComposeFiles, loadCompose } from './compose';
import { COMPOSE_DEV_FILE, COMPOSE_FILE, healthPath, migrationName } from './deployment';
import { scanInterpolation } from './interpolation';
import { readServiceEnvironment } from './service-environment';
import { isSecret } from './variables';
import { workspaceRoot } from './workspace';

const root = workspaceRoot();
const sut = loadCompose(root, COMPOSE_FILE);
const dev = loadCompose(root, COMPOSE_DEV_FILE);
const DEPENDENCIES = ['postgres', 'rabbitmq', 'minio', 'minio-setup'];
const ALL = [...DEPENDENCIES, ...SERVICE_NAMES, ...SERVICE_NAMES.map(migrationName)];
const image = (service: string): string =>
  `\${DESKPILOT_IMAGE_PREFIX:-deskpilot}/${service}:\${DESKPILOT_VERSION:-${PRODUCT_VERSION}}`;

describe(COMPOSE_FILE, () => {
  it('should satisfy the Compose Specification schema and the linter when validated', () => {
    expect(lintComposeFiles(root, [COMPOSE_FILE, COMPOSE_DEV_FILE])).toEqual([]);
  });

  it('should run exactly the dependencies, the services and their migrations', () => {
    expect(sut.name).toBe('deskpilot');
    expect(Object.keys(sut.services).sort()).toEqual([...ALL].sort());
  });

  it('should only use interpolations compose can read', () => {
    const values = Object.values(sut.services).flatMap((service) => [
      ...Object.values(service.environment),
      service.image ?? '',
      ...service.ports,
    ]);

    expect(values.flatMap((value) => scanInterpolation(value).errors)).toEqual([]);
  });

  it('should pin every third-party image to a release', () => {
    const images = DEPENDENCIES.map((name) => sut.services[name]?.image ?? '');

    expect(images.filter((ref) => !/:[^:]*\d[^:]*$/.test(ref) || ref.endsWith(':latest'))).toEqual(
      [],
    );
  });

  it.each(Object.keys(sut.services))('should drop all capabilities from %s', (name) => {
    const service = sut.services[name];

    expect(service?.cap_drop).toEqual(['ALL']);
    expect(service?.security_opt).toContain('no-new-privileges:true');
  });

  it('should require its secrets from the environment when they have no safe default', () => {
    const literalSecrets = Object.entries(sut.services).flatMap(([name, service]) =>
      Object.entries(service.environment)
        .filter(
          ([variable, value]) =>
            isSecret(variable) && scanInterpolation(value).references.length === 0,
        )
        .map(([variable]) => `${name}.${variable}`),
    );
    const required = new Set(
      Object.values(sut.services).flatMap((service) =>
        Object.values(service.environment).flatMap((value) =>
          scanInterpolation(value)
            .references.filter((ref) => ref.operator === ':?')
            .map((ref) => ref.name),
        ),
      ),
    );

    expect(literalSecrets).toEqual([]);
    expect([...required].sort()).toEqual(
      [
        'ADMIN_EMAIL',
        'ADMIN_PASSWORD',
        'JWT_SECRET',
        'MINIO_ROOT_PASSWORD',
        'POSTGRES_PASSWORD',
        'RABBITMQ_PASSWORD',
        'S3_ACCESS_KEY_ID',
        'S3_SECRET_ACCESS_KEY',
      ].sort(),
    );
  });

  it('should create the bucket once MinIO is healthy', () => {
    const setup = sut.services['minio-setup'];

    expect(setup?.depends_on).toEqual({ minio: 'service_healthy' });
    expect(setup?.restart).toBe('no');
    expect(sut.services['minio']?.healthcheck?.test).toEqual(['CMD', 'mc', 'ready', 'local']);
  });

  describe.each(SERVICE_NAMES)('%s', (service) => {
    const definition = sut.services[service];
    const migration = sut.services[migrationName(service)];
    const code = readServiceEnvironment(root, service, (path) => jest.requireActual(path));

    it('should build its own Dockerfile stage and tag it with the release', () => {
      expect(definition?.build).toEqual({ context: '.', target: service });
      expect(definition?.image).toBe(image(service));
    });

    it('should start after its migrations, PostgreSQL and RabbitMQ', () => {
      expect(definition?.depends_on).toMatchObject({
        [migrationName(service)]: 'service_completed_successfully',
        postgres: 'service_healthy',
        rabbitmq: 'service_healthy',
      });
    });

    it('should wait for the bucket when it uses object storage', () => {
      const usesStorage = code.variables.has('S3_BUCKET');

      expect(definition?.depends_on['minio-setup']).toBe(
        usesStorage ? 'service_completed_successfully' : undefined,
      );
    });

    it('should run its migrations once in a one-shot of the same image', () => {
      expect(migration?.image).toBe(image(service));
      expect(migration?.build).toEqual({ context: '.', target: service });
      expect(migration?.command).toEqual(['node', `services/${service}/dist/migrate.js`]);
      expect(migration?.restart).toBe('no');
      expect(migration?.depends_on).toEqual({ postgres: 'service_healthy' });
    });

    it('should check its health endpoint on the port it listens on', () => {
      const port = definition?.environment['PORT'];
      const test = definition?.healthcheck?.test ?? [];

      expect(port).toBe(String(code.defaultPort));
      expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      expect(test[3]).toContain(`'http://127.0.0.1:${port}${healthPath(service)}'`);
    });

    it('should keep a read-only root filesystem and restart unless stopped', () => {
      expect(definition?.read_only).toBe(true);
      expect(definition?.restart).toBe('unless-stopped');
    });
  });

  it('should publish only the gateway, on loopback', () => {
    const published = Object.entries(sut.services)
      .filter(([, service]) => service.ports.length > 0)
      .map(([name, service]) => [name, service.ports]);

    expect(published).toEqual([['gateway', ['127.0.0.1:${DESKPILOT_HTTP_PORT:-3000}:3000']]]);
  });
});

describe(COMPOSE_DEV_FILE, () => {
  it('should only publish ports of services the base file defines', () => {
    for (const [name, keys] of Object.entries(dev.keys)) {
      expect({ name, keys }).toEqual({ name, keys: ['ports'] });
      expect(sut.services[name]).toBeDefined();
    }
  });

  it('should publish each worker on its own port on loopback', () => {
    for (const service of SERVICE_NAMES.filter((name) => name !== 'gateway')) {
      const port = sut.services[service]?.environment['PORT'] ?? '';

      expect(dev.services[service]?.ports).toEqual([`127.0.0.1:${port}:${port}`]);
    }
  });
});

describe(lintComposeFiles.name, () => {
  it('should report schema violations and unpinned images when a file has them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    writeFileSync(join(dir, 'bad.yml'), 'services:\n  app:\n    image: redis:latest\n');
    writeFileSync(
      join(dir, 'invalid.yml'),
      'services:\n  app:\n    image: redis:7\n    restrat: always\n',
    );

    const problems = lintComposeFiles(dir, ['bad.yml', 'invalid.yml']);

    expect(problems).toEqual([
      expect.stringContaining('service-image-require-explicit-tag'),
      expect.stringContaining('invalid-schema'),
    ]);
  });
});
