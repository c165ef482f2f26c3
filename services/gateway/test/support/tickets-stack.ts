import { randomUUID } from 'node:crypto';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { of, throwError } from 'rxjs';

import type { SearchResponse } from '@deskpilot/contracts';
import { SearchRpc, catalog, topology } from '@deskpilot/contracts';
import { startLlm } from '@deskpilot/llm';
import type { Consumer } from '@deskpilot/messaging';
import { AmqpBroker } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import type { RunningService } from '@deskpilot/runtime';
import type { Disposable } from '@deskpilot/testing';
import { createTestVhost } from '@deskpilot/testing';
import type { RunningWhmcsSimulator } from '@deskpilot/whmcs-simulator';
import { SIMULATOR_CREDENTIALS, startWhmcsSimulator } from '@deskpilot/whmcs-simulator';
import { startWhmcsSync } from '@deskpilot/whmcs-sync';

import type { ReceivedSse } from './answering-stack';
import { KB_HITS, parseSse } from './answering-stack';
import type { TestGateway } from './session';
import { startTestGateway } from './session';

export interface TicketsStack {
  readonly gateway: TestGateway;
  readonly whmcs: RunningWhmcsSimulator;
  /** Stops whmcs-sync, as an outage would. */
  stopSync(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real gateway, whmcs-sync and llm (offline answerer) on RabbitMQ (a throw-away vhost) and
 * one throw-away PostgreSQL database, whmcs-sync polling the WHMCS simulator every second, and a
 * stand-in retrieval answering every search with KB_HITS.
 */
export async function startTicketsStack(): Promise<TicketsStack> {
  const vhost: Disposable<string> = await createTestVhost();
  const broker = new AmqpBroker({
    catalog,
    topology,
    retry: { maxAttempts: 5, delaysMs: [100, 250, 500] },
    url: vhost.value,
    connectionName: 'gateway-tickets-test',
    logger: createLogger({ service: 'test', instanceId: 'test', level: 'silent' }),
  });
  await broker.connect();
  const whmcs = await startWhmcsSimulator({ seed: 1 });
  const gateway = await startTestGateway({ broker, fakeWorkerHealth: false });
  const consumers: Consumer[] = [];
  const services: RunningService[] = [];
  let sync: RunningService | undefined;
  const stop = async (): Promise<void> => {
    await sync?.stop();
    sync = undefined;
    for (const service of services.splice(0)) {
      await service.stop();
    }
    for (const consumer of consumers.splice(0)) {
      await consumer.stop();
    }
    await gateway.stop();
    await broker.close();
    await whmcs.close();
    await vhost.dispose();
  };
  try {
    consumers.push(
      await broker.consume(
        { service: 'retrieval', instanceId: `retrieval-${randomUUID().slice(0, 8)}`, prefetch: 16 },
        {
          onEvent: () => Promise.resolve(),
          onRequest: (request) => {
            if (request.meta.name !== SearchRpc.Search) {
              return throwError(() =>
                Object.assign(new Error('not faked'), { code: 'UNAVAILABLE' }),
              );
            }
            const response: SearchResponse = { hits: KB_HITS, embedder: 'test', tookMs: 1 };
            return of(response);
          },
        },
      ),
    );
    services.push(
      await startLlm({
        broker,
        env: {
          DATABASE_URL: gateway.databaseUrl,
          LOG_LEVEL: 'silent',
          LLM_MAX_RETRIES: '0',
        },
      }),
    );
    sync = await startWhmcsSync({
      broker,
      env: {
        DATABASE_URL: gateway.databaseUrl,
        WHMCS_URL: whmcs.url,
        WHMCS_IDENTIFIER: SIMULATOR_CREDENTIALS.identifier,
        WHMCS_SECRET: SIMULATOR_CREDENTIALS.secret,
        WHMCS_TIMEZONE: whmcs.timeZone,
        WHMCS_POLL_SECONDS: '1',
        WHMCS_TIMEOUT_SECONDS: '2',
        LOG_LEVEL: 'silent',
        PORT: '0',
      },
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gateway,
    whmcs,
    stopSync: async () => {
      await sync?.stop();
      sync = undefined;
    },
    stop,
  };
}

/** A browser's view of a server-sent event stream: events so far, and leaving it. */
export interface OpenEventStream {
  readonly status: number;
  readonly events: ReceivedSse[];
  close(): void;
}

/** Opens an SSE route with a bearer token and collects its events as they arrive. */
export function openEventStream(url: string, token: string): Promise<OpenEventStream> {
  return new Promise((resolve, reject) => {
    const events: ReceivedSse[] = [];
    let buffer = '';
    const request: ClientRequest = httpRequest(
      url,
      { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` } },
      (response: IncomingMessage) => {
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          const end = buffer.lastIndexOf('\n\n');
          if (end >= 0) {
            events.push(...parseSse(buffer.slice(0, end + 2)));
            buffer = buffer.slice(end + 2);
          }
        });
        response.on('error', () => undefined);
        resolve({
          status: response.statusCode ?? 0,
          events,
          close: () => {
            request.destroy();
          },
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}
