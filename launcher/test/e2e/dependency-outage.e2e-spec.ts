import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLogger } from '@deskpilot/observability';
import type { Disposable, TcpProxy } from '@deskpilot/testing';
import {
  createTcpProxy,
  createTestDatabase,
  createTestVhost,
  freePort,
  waitFor,
} from '@deskpilot/testing';

import { serviceEntry } from '../../src/distributed/service-entry';
import type { ServiceProcess } from '../../src/distributed/service-process';
import { ServiceProcess as Process } from '../../src/distributed/service-process';

const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });

function through(proxy: TcpProxy, url: string): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(proxy.port);
  return parsed.toString();
}

async function health(
  port: number,
): Promise<{ status: string; checks: Record<string, { status: string }> } | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    return (await response.json()) as {
      status: string;
      checks: Record<string, { status: string }>;
    };
  } catch {
    return undefined;
  }
}

describe('a service whose broker and database are unreachable at start', () => {
  let database: Disposable<string>;
  let vhost: Disposable<string>;
  let dataDir: string;
  let amqp: TcpProxy;
  let postgres: TcpProxy;
  let worker: ServiceProcess;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    vhost = await createTestVhost();
    dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-outage-'));
    port = await freePort();
    amqp = await createTcpProxy({ host: '127.0.0.1', port: 5672 });
    postgres = await createTcpProxy({ host: '127.0.0.1', port: 5432 });
    worker = new Process({
      service: 'llm',
      replica: 0,
      entry: serviceEntry('llm', 'main'),
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        AMQP_URL: through(amqp, vhost.value),
        DATABASE_URL: through(postgres, database.value),
      },
      logDir: dataDir,
      logger,
    });
    worker.start();
  });

  afterAll(async () => {
    await worker.stop();
    await amqp.close();
    await postgres.close();
    await vhost.dispose();
    await database.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should keep retrying with a clear message instead of crashing, then come up', async () => {
    const log = (): Promise<string> => readFile(join(dataDir, 'llm-0.log'), 'utf8').catch(() => '');

    await waitFor(async () => (await log()).includes('RabbitMQ is unreachable; retrying'), {
      timeoutMs: 20_000,
    });
    await amqp.open();
    await waitFor(async () => (await log()).includes('PostgreSQL is unreachable; retrying'), {
      timeoutMs: 20_000,
    });
    expect(worker.restartCount).toBe(0);

    await postgres.open();

    const ready = await waitFor(
      async () => {
        const report = await health(port);
        return report?.status === 'up' ? report : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(ready.checks['bus']?.status).toBe('up');
    expect(worker.restartCount).toBe(0);
  });

  it('should report the broker down while it is cut, and recover by itself', async () => {
    await amqp.cut();

    await waitFor(async () => (await health(port))?.checks['bus']?.status === 'down', {
      timeoutMs: 15_000,
    });
    await amqp.open();

    await waitFor(async () => (await health(port))?.status === 'up', { timeoutMs: 30_000 });
    expect(worker.restartCount).toBe(0);
  });
});
