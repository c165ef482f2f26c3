import amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { of } from 'rxjs';

import { createLogger } from '@deskpilot/observability';
import type { Disposable } from '@deskpilot/testing';
import { closeVhostConnections, createTestVhost, waitFor } from '@deskpilot/testing';

import { AmqpBroker } from '../../src/amqp/amqp-broker';
import { EVENTS_EXCHANGE } from '../../src/amqp/names';
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

  describe('bytes that are not a message', () => {
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

    it('should dead-letter a body that is not JSON with the reason and keep consuming', async () => {
      const seen: string[] = [];
      consumer = await broker.consume(
        { service: 'shipping', instanceId: randomUUID(), prefetch: 8 },
        {
          onEvent: (event) => {
            seen.push((event.payload as { orderId: string }).orderId);
            return Promise.resolve();
          },
          onRequest: () => of(null),
        },
      );
      const connection = await amqp.connect(vhost.value);
      const channel = await connection.createConfirmChannel();
      channel.publish(EVENTS_EXCHANGE, 'test.order.placed', Buffer.from('{"orderId": "o-1",'), {
        messageId: 'garbled-1',
        type: 'test.order.placed',
      });
      await channel.waitForConfirms();
      await connection.close();
      await broker.publish(newMeta('test.order.placed', randomUUID(), 'test'), {
        orderId: 'o-2',
        amount: 2,
      });

      await waitFor(() => seen.includes('o-2'), { timeoutMs: 10_000 });
      const dead = await waitFor(
        async () => (await broker.deadLetters('shipping')).find((d) => d.id === 'garbled-1'),
        { timeoutMs: 10_000 },
      );
      expect(dead.reason).toContain('malformed message: body is not JSON');
      expect(dead.body).toBe('{"orderId": "o-1",');
      expect(seen).toEqual(['o-2']);
    });
  });
});
