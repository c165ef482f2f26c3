import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { of, throwError } from 'rxjs';

import {
  PRODUCT_VERSION,
  WORKER_SERVICES,
  catalog,
  healthRpcOf,
  topology,
} from '@deskpilot/contracts';
import type { Broker } from '@deskpilot/messaging';
import { InProcessBroker } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { retryPolicy } from '@deskpilot/runtime';
import { startEmbeddedS3 } from '@deskpilot/storage';
import { createTestDatabase } from '@deskpilot/testing';

/** What a gateway under test runs against, all throw-away. */
export interface GatewayDependencies {
  readonly databaseUrl: string;
  readonly dataDir: string;
  readonly broker: Broker;
  /** Environment for the gateway: database, data dir, S3, a random port and JWT secret. */
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

/** A password that passes the policy. */
export function strongPassword(): string {
  return `Tp-${randomBytes(12).toString('base64url')}`;
}

export async function provisionDependencies(
  options: {
    fakeWorkerHealth?: boolean;
    /** A bus to run on instead of a new in-process one (for example RabbitMQ); not closed here. */
    broker?: Broker;
    /** The bus topology, for stand-ins answering messages the product topology does not route yet. */
    topology?: typeof topology;
  } = {},
): Promise<GatewayDependencies> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'deskpilot-gateway-test-'));
  const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });
  const s3 = await startEmbeddedS3(dataDir, logger);
  const broker =
    options.broker ??
    new InProcessBroker({ catalog, topology: options.topology ?? topology, retry: retryPolicy(3) });
  if (options.broker === undefined) {
    await broker.connect();
  }
  if (options.fakeWorkerHealth !== false) {
    await answerHealthProbes(broker);
  }
  return {
    databaseUrl: database.value,
    dataDir,
    broker,
    env: {
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATA_DIR: dataDir,
      DATABASE_URL: database.value,
      PORT: '0',
      HOST: '127.0.0.1',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      CONSOLE_DIR: join(dataDir, 'no-console'),
    },
    dispose: async () => {
      if (options.broker === undefined) {
        await broker.close();
      }
      await s3.close();
      await database.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Answers the workers' health probes with "up"; any other request to them fails. The fakes consume
 * as the workers do, so they also take the workers' events: a test that consumes a worker's events
 * itself passes `fakeWorkerHealth: false`.
 */
async function answerHealthProbes(broker: Broker): Promise<void> {
  for (const service of WORKER_SERVICES) {
    const healthRpc = healthRpcOf[service as keyof typeof healthRpcOf];
    await broker.consume(
      { service, instanceId: `${service}-fake`, prefetch: 8 },
      {
        onEvent: () => Promise.resolve(),
        onRequest: ({ meta }) =>
          meta.name === healthRpc
            ? of({
                service,
                instanceId: `${service}-fake`,
                version: PRODUCT_VERSION,
                status: 'up',
                uptimeSeconds: 0,
                checks: {},
              })
            : throwError(() =>
                Object.assign(new Error(`${meta.name} is not faked`), { code: 'UNAVAILABLE' }),
              ),
      },
    );
  }
}
