import type { DynamicModule, INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import type { Broker, ServiceRoutes } from '@deskpilot/messaging';
import { BusServer } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { PinoNestLogger } from '@deskpilot/observability';

import type { ServiceIdentity } from '../tokens';

export interface HttpOptions {
  readonly port: number;
  readonly host: string;
  /** Middleware, prefixes, filters: whatever the HTTP side of the service needs. */
  configure?(app: INestApplication): void | Promise<void>;
}

export interface LaunchOptions {
  readonly module: DynamicModule;
  readonly identity: ServiceIdentity;
  readonly logger: Logger;
  readonly broker: Broker;
  /** Close the broker on stop: true when the service created it (its own process). */
  readonly ownsBroker: boolean;
  readonly routes: ServiceRoutes;
  readonly prefetch: number;
  /** Without HTTP the service only talks over the bus (embedded workers). */
  readonly http?: HttpOptions;
}

export interface RunningService {
  readonly service: string;
  readonly instanceId: string;
  /** Base URL of the HTTP listener, if the service has one. */
  readonly url: string | undefined;
  readonly app: INestApplicationContext;
  stop(): Promise<void>;
}

/** Starts a service's Nest application, attached to the bus and optionally to HTTP. */
export async function launchService(options: LaunchOptions): Promise<RunningService> {
  const logger = new PinoNestLogger(options.logger);
  const server = new BusServer({
    broker: options.broker,
    service: options.identity.service,
    instanceId: options.identity.instanceId,
    routes: options.routes,
    prefetch: options.prefetch,
    logger: options.logger,
  });

  let app: INestApplicationContext;
  let url: string | undefined;
  if (options.http === undefined) {
    const microservice = await NestFactory.createMicroservice(options.module, {
      strategy: server,
      logger,
    });
    await closingOnFailure(microservice, () => microservice.listen());
    app = microservice;
  } else {
    const web = await NestFactory.create(options.module, { logger });
    const http = options.http;
    await closingOnFailure(web, async () => {
      web.connectMicroservice({ strategy: server });
      await http.configure?.(web);
      // Module start-up (retrieval's index, for one) ends before the first message is taken;
      // a hybrid application would otherwise consume as soon as its microservice listens.
      await web.init();
      await web.startAllMicroservices();
      await web.listen(http.port, http.host);
    });
    url = (await web.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
    app = web;
  }
  options.logger.info({ url, version: options.identity.version }, 'Service started');

  return {
    service: options.identity.service,
    instanceId: options.identity.instanceId,
    url,
    app,
    stop: async () => {
      await app.close();
      if (options.ownsBroker) {
        await options.broker.close();
      }
      options.logger.info('Service stopped');
    },
  };
}

/** Runs the start-up step; if it fails, closes what was already opened before rethrowing. */
async function closingOnFailure(
  app: INestApplicationContext,
  start: () => Promise<unknown>,
): Promise<void> {
  try {
    await start();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
