import { randomUUID } from 'node:crypto';
import { of } from 'rxjs';

import { createLogger } from '@deskpilot/observability';
import type { Disposable } from '@deskpilot/testing';
import { closeVhostConnections, createTestVhost, waitFor } from '@deskpilot/testing';

import { AmqpBroker } from '../../src/amqp/amqp-broker';
import type { Broker, Consumer } from '../../src/core/broker';
import { newMeta } from '../../src/core/wire';
import { describeBrokerContract, testBrokerOptions } from '../../src/testing/broker-contract.suite';

const logger = createLogger({ service: 'test', instanceId: 'test', level: 'silent' });

function amqpBroker(url: string): AmqpBroker {
  return new AmqpBroker({ ...testBrokerOptions, url, connectionName: 'messaging-test', logger });
}

describe(AmqpBroker.name, () => {
  describeBrokerContract(async () => {
    const vhost = await createTestVhost();
    const broker = amqpBroker(vhost.value);
    await broker.connect();
    return {
      broker,
      dispose: async () => {
        await broker.close();
        await vhost.dispose();
      },
    };
  });

  describe('connection loss', () => {
    let vhost: Disposable<string>;
    let broker: Broker;
    let consumer: Consumer | undefined;

    beforeEach(async () => {
      vhost = await createTestVhost();
      broker = amqpBroker(vhost.value);
      await broker.connect();
    });

    afterEach(async () => {
      await consumer?.stop();
      await broker.close();
      await vhost.dispose();
    });

    it('should reconnect, resume consuming and lose no acknowledged event', async () => {
      const seen = new Set<string>();
      consumer = await broker.consume(
        { service: 'shipping', instanceId: randomUUID(), prefetch: 8 },
        {
          onEvent: (event) => {
            seen.add((event.payload as { orderId: string }).orderId);
            return Promise.resolve();
          },
          onRequest: () => of(null),
        },
      );
      const publishBatch = async (from: number): Promise<void> => {
        for (let i = from; i < from + 20; i += 1) {
          await broker.publish(newMeta('test.order.placed', randomUUID(), 'test'), {
            orderId: `o-${i}`,
            amount: i,
          });
        }
      };

      await publishBatch(0);
      await closeVhostConnections(vhost.value);
      await publishBatch(20);

      await waitFor(() => seen.size === 40, { timeoutMs: 20_000 });
      expect(broker.state).toBe('connected');
    });

    it('should answer requests again after reconnecting', async () => {
      consumer = await broker.consume(
        { service: 'billing', instanceId: randomUUID(), prefetch: 8 },
        { onEvent: () => Promise.resolve(), onRequest: (request) => of(request.payload) },
      );
      await closeVhostConnections(vhost.value);

      const reply = await waitFor(
        () =>
          broker.request(
            newMeta('test.echo', randomUUID(), 'test'),
            { text: 'back' },
            { timeoutMs: 1_000 },
          ),
        { timeoutMs: 20_000 },
      );

      expect(reply).toEqual({ text: 'back' });
    });
  });
});
