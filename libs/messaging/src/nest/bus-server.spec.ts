import { Controller, Module } from '@nestjs/common';
import type { INestMicroservice } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import type { DocumentQueued, ServiceHealth } from '@deskpilot/contracts';
import { KnowledgeEvent, SystemRpc, catalog } from '@deskpilot/contracts';
import { createLogger, currentCorrelationId, runWithCorrelation } from '@deskpilot/observability';
import { waitFor } from '@deskpilot/testing';

import { HandlerWiringError, RemoteError } from '../core/errors';
import type { MessageMeta } from '../core/wire';
import { InProcessBroker } from '../in-process/in-process-broker';
import type { BusContext } from './bus-context';
import { BusServer } from './bus-server';
import { OnEvent, OnRequest } from './decorators';
import { MessageBus } from './message-bus';

const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });

/** A service that takes one event and answers its health check, whatever the product routes. */
const routes = {
  events: [KnowledgeEvent.Queued],
  broadcast: [],
  rpcs: [SystemRpc.IngestHealth],
};
const topology = { ingest: routes, gateway: { events: [], broadcast: [], rpcs: [] } };

const state = {
  fail: false,
  seenCorrelation: undefined as string | undefined,
  queued: undefined as { payload: DocumentQueued; meta: MessageMeta } | undefined,
};

@Controller()
class HealthProbeController {
  @OnEvent(KnowledgeEvent.Queued)
  queued(payload: DocumentQueued, context: BusContext): void {
    state.queued = { payload, meta: context.meta };
  }

  @OnRequest(SystemRpc.IngestHealth)
  check(): ServiceHealth {
    state.seenCorrelation = currentCorrelationId();
    if (state.fail) {
      throw Object.assign(new Error('index not loaded'), { code: 'UNAVAILABLE' });
    }
    return {
      service: 'ingest',
      instanceId: 'i-1',
      version: '0',
      status: 'up',
      uptimeSeconds: 1,
      checks: {},
    };
  }
}

@Module({ controllers: [HealthProbeController] })
class WiredModule {}

@Module({})
class EmptyModule {}

describe(BusServer.name, () => {
  let broker: InProcessBroker;
  let app: INestMicroservice | undefined;

  async function start(module: new () => unknown): Promise<INestMicroservice> {
    const testing = await Test.createTestingModule({ imports: [module] }).compile();
    const microservice = testing.createNestMicroservice({
      strategy: new BusServer({
        broker,
        service: 'ingest',
        instanceId: 'i-1',
        routes,
        prefetch: 4,
        logger,
      }),
      logger: false,
    });
    await microservice.listen();
    return microservice;
  }

  beforeEach(async () => {
    broker = new InProcessBroker({ catalog, topology, retry: { maxAttempts: 2, delaysMs: [10] } });
    await broker.connect();
    state.fail = false;
    state.seenCorrelation = undefined;
    state.queued = undefined;
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await broker.close();
  });

  it('should refuse to start when a declared request has no handler', async () => {
    await expect(start(EmptyModule)).rejects.toThrow(HandlerWiringError);
    await expect(start(EmptyModule)).rejects.toThrow(
      `no handler for request ${SystemRpc.IngestHealth}`,
    );
  });

  it('should answer a typed request through the Nest handler', async () => {
    app = await start(WiredModule);
    const bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 2_000 });

    const health = await bus.request(SystemRpc.IngestHealth, {});

    expect(health).toMatchObject({ service: 'ingest', status: 'up' });
  });

  it('should hand an event handler the payload and the context of its message', async () => {
    app = await start(WiredModule);
    const bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 2_000 });
    const payload = { documentId: '0b1c2d3e-4f50-4a6b-8c7d-8e9fa0b1c2d3', generation: 2 };

    await bus.publish(KnowledgeEvent.Queued, payload);

    const queued = await waitFor(() => state.queued);
    expect(queued.payload).toEqual(payload);
    expect(queued.meta).toMatchObject({ name: KnowledgeEvent.Queued, delivery: 'shared' });
  });

  it('should carry the caller correlation id into the handler', async () => {
    app = await start(WiredModule);
    const bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 2_000 });

    await runWithCorrelation('req-42', () => bus.request(SystemRpc.IngestHealth, {}));

    expect(state.seenCorrelation).toBe('req-42');
  });

  it('should return the handler error code, not a generic Nest error', async () => {
    app = await start(WiredModule);
    const bus = new MessageBus(broker, { service: 'gateway', defaultTimeoutMs: 2_000 });
    state.fail = true;

    const failure = bus.request(SystemRpc.IngestHealth, {});

    await expect(failure).rejects.toBeInstanceOf(RemoteError);
    await expect(failure).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: 'index not loaded',
    });
  });
});
