import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Disposable } from '@deskpilot/testing';
import { createTestDatabase, createTestVhost, waitFor } from '@deskpilot/testing';

import type { DistributedSystem } from '../../src/distributed/distributed-system';
import { startDistributedSystem } from '../../src/distributed/distributed-system';
import { ALL_SERVICES, systemHealth } from '../support/health';

describe('npm run start:distributed', () => {
  let database: Disposable<string>;
  let vhost: Disposable<string>;
  let dataDir: string;
  let system: DistributedSystem;

  beforeAll(async () => {
    database = await createTestDatabase();
    vhost = await createTestVhost();
    dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-distributed-'));
    system = await startDistributedSystem(
      { DATA_DIR: dataDir, DATABASE_URL: database.value, AMQP_URL: vhost.value, LOG_LEVEL: 'info' },
      { ports: 'random', logDir: join(dataDir, 'logs'), replicas: { retrieval: 2 } },
    );
  });

  afterAll(async () => {
    await system.stop();
    await vhost.dispose();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should run each service in its own process, all ready over RabbitMQ', async () => {
    const pids = new Set(system.processes.map((p) => p.process.pid));
    const health = await systemHealth(system.url, { 'x-correlation-id': 'e2e-distributed-1' });

    expect(pids.size).toBe(system.processes.length);
    expect(pids.has(process.pid)).toBe(false);
    expect(health.status).toBe(200);
    for (const service of ALL_SERVICES) {
      expect(health.body.services[service]?.status).toBe('up');
      expect(health.body.services[service]?.checks?.['bus']?.detail).toBe('amqp');
    }
    expect(health.headers.get('x-correlation-id')).toBe('e2e-distributed-1');
  });

  it('should create a first administrator with a generated password that signs in', async () => {
    const admin = system.adminLogin;

    expect(admin).toBeDefined();
    const response = await fetch(`${system.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(admin),
    });
    expect(response.status).toBe(200);
  });

  it('should spread health requests over both retrieval replicas', async () => {
    const answeredBy = new Set<string>();

    await waitFor(
      async () => {
        const health = await systemHealth(system.url);
        const instance = health.body.services['retrieval']?.instanceId;
        if (instance !== undefined) {
          answeredBy.add(instance);
        }
        return answeredBy.size === 2;
      },
      { timeoutMs: 20_000, intervalMs: 10 },
    );

    expect([...answeredBy].sort()).toEqual(['retrieval-0', 'retrieval-1']);
  });

  it('should restart a worker killed with SIGKILL and report it ready again', async () => {
    const llm = system.find('llm');
    const before = llm.process.pid;

    llm.process.kill('SIGKILL');

    await waitFor(() => llm.process.pid !== before && llm.process.restartCount === 1, {
      timeoutMs: 10_000,
    });
    const health = await waitFor(
      async () => {
        const result = await systemHealth(system.url);
        return result.status === 200 ? result : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(health.body.services['llm']?.status).toBe('up');
  });
});
