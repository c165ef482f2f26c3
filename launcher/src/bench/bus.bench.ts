import { randomUUID } from 'node:crypto';
import { of } from 'rxjs';
import { z } from 'zod';

import { event, rpc } from '@deskpilot/contracts';
import type { Broker, BrokerOptions, Consumer } from '@deskpilot/messaging';
import { AmqpBroker, InProcessBroker, newMeta } from '@deskpilot/messaging';
import { createLogger } from '@deskpilot/observability';
import { createTestVhost } from '@deskpilot/testing';

import type { Figure, Suite } from './figures';
import { percentile, round, sampleLatency } from './figures';
import { rawAmqpEventRate, rawAmqpRoundTrips } from './raw-amqp';

const SAMPLES = 2_000;
const WARMUP = 200;
const EVENTS = 10_000;
const IN_FLIGHT = 200;
const PREFETCH = 50;

const options: BrokerOptions = {
  catalog: {
    'bench.echo': rpc(z.object({ n: z.number() }), z.object({ n: z.number() })),
    'bench.tick': event(z.object({ n: z.number() })),
  },
  topology: { bench: { events: ['bench.tick'], broadcast: [], rpcs: ['bench.echo'] } },
  retry: { maxAttempts: 3, delaysMs: [1_000] },
};

const logger = createLogger({ service: 'bench', instanceId: 'bench', level: 'silent' });

/**
 * Request/reply round trip from a caller to a service and back, and events per second through
 * one queue, for both transports. Each is set against the bare transport underneath (amqplib on
 * the same RabbitMQ; a pair of `setImmediate` hops in-process), measured in the same run.
 */
export const busSuite: Suite = {
  name: 'bus',
  description: 'bus round trip and event throughput, RabbitMQ and in-process',
  async run(command) {
    const figures: Figure[] = [];
    const inProcess = new InProcessBroker(options);
    await inProcess.connect();
    figures.push(...(await measure('in-process', inProcess, command, inProcessBaseline)));
    await inProcess.close();

    const vhost = await createTestVhost();
    try {
      const amqp = new AmqpBroker({
        ...options,
        url: vhost.value,
        connectionName: 'bench',
        logger,
      });
      await amqp.connect();
      figures.push(
        ...(await measure('RabbitMQ', amqp, command, {
          roundTrips: () => rawAmqpRoundTrips(vhost.value, SAMPLES, WARMUP),
          eventRate: () => rawAmqpEventRate(vhost.value, EVENTS, IN_FLIGHT, PREFETCH),
        })),
      );
      await amqp.close();
    } finally {
      await vhost.dispose();
    }
    return figures;
  },
};

interface Baseline {
  roundTrips(): Promise<number[]>;
  eventRate(): Promise<number>;
}

async function measure(
  transport: string,
  broker: Broker,
  command: string,
  baseline: Baseline,
): Promise<Figure[]> {
  let handled = 0;
  const consumer: Consumer = await broker.consume(
    { service: 'bench', instanceId: randomUUID(), prefetch: PREFETCH },
    {
      onEvent: () => {
        handled += 1;
        return Promise.resolve();
      },
      onRequest: (request) => of(request.payload),
    },
  );
  const durations = await sampleLatency(
    () =>
      broker.request(newMeta('bench.echo', randomUUID(), 'bench'), { n: 1 }, { timeoutMs: 5_000 }),
    SAMPLES,
    WARMUP,
  );
  const bare = await baseline.roundTrips();

  const started = performance.now();
  await publishAll(broker, EVENTS);
  while (handled < EVENTS) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  const rate = EVENTS / ((performance.now() - started) / 1000);
  const bareRate = await baseline.eventRate();
  await consumer.stop();

  const bareName = transport === 'RabbitMQ' ? 'bare amqplib' : 'bare setImmediate hops';
  return [
    {
      suite: 'bus',
      name: `${transport} request round trip p50`,
      value: round(percentile(durations, 50)),
      unit: 'ms',
      baseline: { name: bareName, value: round(percentile(bare, 50)) },
      ...(transport === 'RabbitMQ' ? { target: '< 2 ms' } : {}),
      command,
    },
    {
      suite: 'bus',
      name: `${transport} request round trip p99`,
      value: round(percentile(durations, 99)),
      unit: 'ms',
      baseline: { name: bareName, value: round(percentile(bare, 99)) },
      command,
    },
    {
      suite: 'bus',
      name: `${transport} events through one queue`,
      value: Math.round(rate),
      unit: 'events/s',
      baseline: { name: bareName, value: Math.round(bareRate) },
      command,
    },
  ];
}

/** Publishes `count` events with a bounded number awaiting their confirms. */
async function publishAll(broker: Broker, count: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      await broker.publish(newMeta('bench.tick', randomUUID(), 'bench'), { n: next });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, () => worker()));
}

const hop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const inProcessBaseline: Baseline = {
  roundTrips: () =>
    sampleLatency(
      async () => {
        await hop();
        await hop();
      },
      SAMPLES,
      WARMUP,
    ),
  eventRate: async () => {
    const started = performance.now();
    for (let i = 0; i < EVENTS; i += 1) {
      await hop();
    }
    return EVENTS / ((performance.now() - started) / 1000);
  },
};
