import type { Environment } from '@deskpilot/config';
import { commonConfig, commonEnvironment, readEnvironment } from '@deskpilot/config';
import { catalog, topology } from '@deskpilot/contracts';
import type { InitialAdminLogin } from '@deskpilot/gateway';
import { startGateway, takeGeneratedAdminLogin } from '@deskpilot/gateway';
import { startIngest } from '@deskpilot/ingest';
import { startLlm } from '@deskpilot/llm';
import type { Broker } from '@deskpilot/messaging';
import { InProcessBroker } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { createLogger } from '@deskpilot/observability';
import { startEmbeddedPostgres } from '@deskpilot/persistence';
import { startRetrieval } from '@deskpilot/retrieval';
import type { RunningService } from '@deskpilot/runtime';
import { openAmqpBroker, retryPolicy } from '@deskpilot/runtime';
import { startEmbeddedS3 } from '@deskpilot/storage';
import { startWhmcsSync } from '@deskpilot/whmcs-sync';

import { startEmbeddedWhmcs } from './embedded-whmcs';
import { seedSampleKnowledge } from './sample-knowledge';

export interface EmbeddedSystem {
  /** Base URL of the gateway (console and API). */
  readonly url: string;
  readonly broker: Broker;
  readonly services: readonly RunningService[];
  /**
   * The administrator sign-in generated on a first start without ADMIN_EMAIL/ADMIN_PASSWORD:
   * shown once, then only its hash exists. Undefined on later starts.
   */
  readonly adminLogin: InitialAdminLogin | undefined;
  stop(): Promise<void>;
}

type Stopper = () => Promise<void>;

/**
 * Everything in one process: PostgreSQL (PGlite) and S3 on local disk unless configured, the
 * in-process bus unless AMQP_URL is set, the WHMCS simulator unless WHMCS_URL is set, and the
 * five services. Each service reads its own configuration from the environment, completed with
 * the addresses of the embedded parts. The first start of a data directory adds the sample knowledge base.
 */
export async function startEmbeddedSystem(environment: Environment): Promise<EmbeddedSystem> {
  const common = commonConfig(readEnvironment(commonEnvironment, environment));
  const logger = createLogger({
    service: 'launcher',
    instanceId: common.instanceId,
    level: common.logLevel,
  });
  const stoppers: Stopper[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stoppers.splice(0).reverse()) {
      await stop().catch((error: unknown) => {
        logger.error({ err: String(error) }, 'Shutdown step failed');
      });
    }
  };

  try {
    const env: Record<string, string | undefined> = { ...environment, DATA_DIR: common.dataDir };
    if (common.databaseUrl === undefined) {
      const postgres = await startEmbeddedPostgres(common.dataDir, logger);
      stoppers.push(() => postgres.close());
      env.DATABASE_URL = postgres.url;
    }
    if (environment.S3_ENDPOINT === undefined || environment.S3_ENDPOINT === '') {
      const s3 = await startEmbeddedS3(common.dataDir, logger);
      stoppers.push(() => s3.close());
      Object.assign(env, {
        S3_ENDPOINT: s3.endpoint,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      });
    }

    const whmcs = await startEmbeddedWhmcs(environment, common.dataDir, logger);
    if (whmcs !== undefined) {
      stoppers.push(() => whmcs.close());
      Object.assign(env, whmcs.env);
    }

    const broker = await openBroker(common, logger);
    stoppers.push(() => broker.close());

    const services: RunningService[] = [];
    const context = { env, broker };
    const start = async (service: (c: typeof context) => Promise<RunningService>) => {
      const running = await service(context);
      services.push(running);
      stoppers.push(() => running.stop());
      return running;
    };
    for (const service of [startIngest, startRetrieval, startLlm]) {
      await start(service);
    }
    const gateway = await start(startGateway);
    if (gateway.url === undefined) {
      throw new Error('The gateway did not open its HTTP port');
    }
    // Tickets are drafted from the first poll on: the sample articles are searchable by then.
    await seedSampleKnowledge(gateway, common.dataDir, logger);
    await start(startWhmcsSync);
    return {
      url: gateway.url,
      broker,
      services,
      adminLogin: takeGeneratedAdminLogin(gateway),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function openBroker(
  common: ReturnType<typeof commonConfig>,
  logger: Logger,
): Promise<Broker> {
  if (common.amqpUrl !== undefined) {
    return openAmqpBroker({
      url: common.amqpUrl,
      connectionName: `embedded@${common.instanceId}`,
      maxAttempts: common.bus.maxAttempts,
      logger,
    });
  }
  const broker = new InProcessBroker({
    catalog,
    topology,
    retry: retryPolicy(common.bus.maxAttempts),
  });
  await broker.connect();
  return broker;
}
