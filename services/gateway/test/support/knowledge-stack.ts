import { join } from 'node:path';

import { startIngest } from '@deskpilot/ingest';
import { createLogger } from '@deskpilot/observability';
import { startRetrieval } from '@deskpilot/retrieval';
import { openAmqpBroker } from '@deskpilot/runtime';
import { createTestVhost } from '@deskpilot/testing';

import { GATEWAY_CONFIG } from '../../src/config/gateway-config.module';
import type { GatewayConfig } from '../../src/config/gateway.config';
import type { TestGateway, TestSession } from './session';
import { startTestGateway } from './session';

/** A gateway with the real ingest and retrieval services on a private virtual host. */
export interface KnowledgeStack {
  readonly gateway: TestGateway;
  readonly admin: TestSession;
  readonly staff: TestSession;
  stop(): Promise<void>;
}

export async function startKnowledgeStack(
  gatewayEnv: Record<string, string>,
): Promise<KnowledgeStack> {
  const vhost = await createTestVhost();
  const broker = await openAmqpBroker({
    url: vhost.value,
    connectionName: 'gateway-test',
    maxAttempts: 5,
    logger: createLogger({ service: 'test', instanceId: 'test', level: 'silent' }),
  });
  const gateway = await startTestGateway({ broker, fakeWorkerHealth: false, env: gatewayEnv });
  const s3 = gateway.app.get<GatewayConfig>(GATEWAY_CONFIG).s3;
  const env = {
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: '0',
    DATABASE_URL: gateway.databaseUrl,
    AMQP_URL: vhost.value,
    DATA_DIR: join(gateway.dataDir, 'workers'),
    S3_ENDPOINT: s3.endpoint ?? '',
    S3_ACCESS_KEY_ID: s3.accessKeyId ?? '',
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey ?? '',
    S3_BUCKET: s3.bucket,
  };
  const ingest = await startIngest({ env });
  const retrieval = await startRetrieval({ env });
  return {
    gateway,
    admin: await gateway.signIn(gateway.admin),
    staff: await gateway.signIn('staff'),
    stop: async () => {
      await retrieval.stop();
      await ingest.stop();
      await gateway.stop();
      await broker.close();
      await vhost.dispose();
    },
  };
}
