import type { OnModuleInit } from '@nestjs/common';
import { Controller, Injectable, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { commonConfig, commonEnvironment, readEnvironment } from '@deskpilot/config';
import type { DocumentProgress, DraftChanged } from '@deskpilot/contracts';
import { KnowledgeEvent, TicketsEvent } from '@deskpilot/contracts';
import type { Broker, BusContext } from '@deskpilot/messaging';
import { MessageBus, OnEvent } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import type { Disposable } from '@deskpilot/testing';
import { createTestVhost } from '@deskpilot/testing';

import type { RunningService } from '../../src/bootstrap/launch-service';
import { openAmqpBroker } from '../../src/bootstrap/open-broker';
import { startService } from '../../src/bootstrap/start-service';
import { RuntimeModule } from '../../src/runtime.module';

/** Stands for state a service builds before it can answer, such as retrieval's vector index. */
@Injectable()
class SlowState implements OnModuleInit {
  ready = false;

  async onModuleInit(): Promise<void> {
    await sleep(800);
    this.ready = true;
  }
}

/** Whether the state was ready for each message handled. */
const handledWhileReady: boolean[] = [];

@Controller()
class Handlers {
  constructor(private readonly state: SlowState) {}

  @OnEvent(KnowledgeEvent.Progress)
  progress(_event: DocumentProgress, _context: BusContext): void {
    handledWhileReady.push(this.state.ready);
  }

  @OnEvent(TicketsEvent.DraftChanged)
  draftChanged(_event: DraftChanged, _context: BusContext): void {
    handledWhileReady.push(this.state.ready);
  }
}

@Module({})
class SlowModule {}

describe('a service in its own process', () => {
  let vhost: Disposable<string>;
  let publisher: Broker;

  beforeAll(async () => {
    vhost = await createTestVhost();
    publisher = await openAmqpBroker({
      url: vhost.value,
      connectionName: 'start-order-publisher',
      maxAttempts: 3,
      logger: createLogger({ service: 'test', instanceId: 'test', level: 'silent' }),
    });
  });

  afterAll(async () => {
    await publisher.close();
    await vhost.dispose();
  });

  it('should take messages only once every module has finished starting', async () => {
    const bus = new MessageBus(publisher, { service: 'ingest', defaultTimeoutMs: 5_000 });
    const starting = startService(
      {
        service: 'gateway',
        loadConfig: (env) => ({ common: commonConfig(readEnvironment(commonEnvironment, env)) }),
        module: (_config, runtime) => ({
          module: SlowModule,
          imports: [RuntimeModule.forRoot(runtime)],
          controllers: [Handlers],
          providers: [SlowState],
        }),
        http: () => ({ port: 0, host: '127.0.0.1' }),
      },
      { env: { AMQP_URL: vhost.value, LOG_LEVEL: 'silent', INSTANCE_ID: 'start-order' } },
    );
    let started: RunningService | undefined;
    void starting.then((service) => {
      started = service;
    });
    // Draft changes also wait in the gateway's durable work queue, so some are always there to
    // take at start; progress goes only to each replica's own queue, which exists once it consumes.
    while (started === undefined) {
      await bus.publish(TicketsEvent.DraftChanged, {
        draftId: randomUUID(),
        ticketId: '4711',
        ticketNumber: 'ABC-123456',
        departmentId: '1',
        status: 'ready',
        previousStatus: 'pending',
        version: 2,
        confidence: 0.8,
        changedAt: new Date().toISOString(),
      });
      await bus.publish(KnowledgeEvent.Progress, {
        documentId: randomUUID(),
        version: 1,
        stage: 'embedding',
        percent: 50,
        message: null,
        at: new Date().toISOString(),
      });
      await sleep(20);
    }
    await sleep(300);
    await started.stop();

    expect(handledWhileReady.length).toBeGreaterThan(0);
    expect(handledWhileReady.every(Boolean)).toBe(true);
  });
});
