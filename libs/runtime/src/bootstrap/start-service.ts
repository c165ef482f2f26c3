import type { DynamicModule } from '@nestjs/common';

import type { CommonConfig, Environment } from '@deskpilot/config';
import { required } from '@deskpilot/config';
import type { ServiceName } from '@deskpilot/contracts';
import { PRODUCT_VERSION, topology } from '@deskpilot/contracts';
import type { Broker } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { createLogger } from '@deskpilot/observability';

import type { RuntimeModuleOptions } from '../runtime.module';
import type { HttpOptions, RunningService } from './launch-service';
import { launchService } from './launch-service';
import { openAmqpBroker } from './open-broker';

/** How a service is started: by the embedded launcher, or as its own process. */
export interface ServiceContext {
  readonly env: Environment;
  /** The embedded mode shares its in-process broker; otherwise the service connects to RabbitMQ. */
  readonly broker?: Broker;
}

export interface HttpHost {
  readonly standalone: boolean;
  readonly logger: Logger;
}

export interface ServiceConfigBase {
  readonly common: CommonConfig;
}

export interface ServiceDefinition<C extends ServiceConfigBase> {
  readonly service: ServiceName;
  loadConfig(env: Environment): C;
  module(config: C, runtime: RuntimeModuleOptions): DynamicModule;
  /** HTTP listener of the service, if any, given whether it runs in its own process. */
  http(config: C, host: HttpHost): HttpOptions | undefined;
  /** Messages a replica handles at once unless `BUS_PREFETCH` says otherwise (default 16). */
  readonly defaultPrefetch?: number;
}

const DEFAULT_PREFETCH = 16;

const STANDALONE_REASON = 'when a service runs in its own process (npm start runs all in one)';

/** Loads the service's config, connects it to the bus and starts it. */
export async function startService<C extends ServiceConfigBase>(
  definition: ServiceDefinition<C>,
  context: ServiceContext,
): Promise<RunningService> {
  const config = definition.loadConfig(context.env);
  const standalone = context.broker === undefined;
  const identity = {
    service: definition.service,
    instanceId: config.common.instanceId,
    version: PRODUCT_VERSION,
    startedAt: new Date(),
  };
  const logger = createLogger({
    service: identity.service,
    instanceId: identity.instanceId,
    level: config.common.logLevel,
  });
  const broker =
    context.broker ??
    (await openAmqpBroker({
      url: required(config.common.amqpUrl, 'AMQP_URL', STANDALONE_REASON),
      connectionName: `${identity.service}@${identity.instanceId}`,
      maxAttempts: config.common.bus.maxAttempts,
      logger,
    }));
  try {
    const http = definition.http(config, { standalone, logger });
    return await launchService({
      module: definition.module(config, { identity, logger, broker }),
      identity,
      logger,
      broker,
      ownsBroker: standalone,
      routes: topology[definition.service],
      prefetch: config.common.bus.prefetch ?? definition.defaultPrefetch ?? DEFAULT_PREFETCH,
      ...(http === undefined ? {} : { http }),
    });
  } catch (error) {
    // A service that could not start must not keep the connection it opened for itself.
    if (standalone) {
      await broker.close().catch(() => undefined);
    }
    throw error;
  }
}

/** The database URL a service needs; in the embedded mode the launcher provides one. */
export function databaseUrl(common: CommonConfig): string {
  return required(common.databaseUrl, 'DATABASE_URL', STANDALONE_REASON);
}
