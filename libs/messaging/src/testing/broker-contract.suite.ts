import { randomUUID } from 'node:crypto';
import { Observable, firstValueFrom, from, of, throwError, toArray } from 'rxjs';
import { z } from 'zod';

import { event, rpc, stream } from '@deskpilot/contracts';
import { waitFor } from '@deskpilot/testing';

import type {
  Broker,
  BrokerOptions,
  Consumer,
  ConsumerHandlers,
  InboundEvent,
  InboundRequest,
} from '../core/broker';
import { PermanentMessageError, RemoteError, RpcTimeoutError } from '../core/errors';
import type { Delivery, MessageMeta } from '../core/wire';
import { newMeta } from '../core/wire';

/** A small catalog and topology of its own, so the suite does not depend on product messages. */
export const testCatalog = {
  'test.order.placed': event(z.object({ orderId: z.string(), amount: z.number() })),
  'test.cache.invalidated': event(z.object({ key: z.string() })),
  'test.price.changed': event(z.object({ sku: z.string() })),
  'test.echo': rpc(z.object({ text: z.string() }), z.object({ text: z.string() })),
  'test.count': stream(z.object({ to: z.number().int().positive() }), z.object({ i: z.number() })),
};

export const testTopology = {
  billing: {
    events: ['test.order.placed', 'test.price.changed'],
    broadcast: ['test.cache.invalidated', 'test.price.changed'],
    rpcs: ['test.echo', 'test.count'],
  },
  shipping: { events: ['test.order.placed'], broadcast: [], rpcs: [] },
};

export const testBrokerOptions: BrokerOptions = {
  catalog: testCatalog,
  topology: testTopology,
  retry: { maxAttempts: 3, delaysMs: [50, 100] },
};

export interface BrokerFixture {
  readonly broker: Broker;
  dispose(): Promise<void>;
}

type EventFn = (event: InboundEvent) => Promise<void>;
type RequestFn = (request: InboundRequest) => Observable<unknown>;

function meta(name: string): MessageMeta {
  return newMeta(name, randomUUID(), 'test');
}

const defaultRequests: RequestFn = (request) => {
  switch (request.meta.name) {
    case 'test.echo': {
      const { text } = request.payload as { text: string };
      return text === 'fail'
        ? throwError(() => Object.assign(new Error('echo refused'), { code: 'ECHO_REFUSED' }))
        : of({ text });
    }
    case 'test.count': {
      const { to } = request.payload as { to: number };
      return from(Array.from({ length: to }, (_, i) => ({ i: i + 1 })));
    }
    default:
      return throwError(() => new Error(`unexpected ${request.meta.name}`));
  }
};

/**
 * The delivery semantics every broker must offer. Run against the in-process broker in unit tests
 * and against RabbitMQ in integration tests, so both modes behave the same.
 */
export function describeBrokerContract(create: () => Promise<BrokerFixture>): void {
  let fixture: BrokerFixture;
  let broker: Broker;
  const consumers: Consumer[] = [];

  async function consume(
    service: string,
    onEvent: EventFn,
    onRequest: RequestFn = defaultRequests,
    instanceId = randomUUID(),
  ): Promise<Consumer> {
    const handlers: ConsumerHandlers = { onEvent, onRequest };
    const consumer = await broker.consume({ service, instanceId, prefetch: 4 }, handlers);
    consumers.push(consumer);
    return consumer;
  }

  const ignore: EventFn = () => Promise.resolve();

  beforeEach(async () => {
    fixture = await create();
    broker = fixture.broker;
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    await fixture.dispose();
  });

  describe('events', () => {
    it('should deliver an event once to each subscribed service', async () => {
      const billing: string[] = [];
      const shipping: string[] = [];
      await consume('billing', (e) => {
        billing.push((e.payload as { orderId: string }).orderId);
        return Promise.resolve();
      });
      await consume('shipping', (e) => {
        shipping.push((e.payload as { orderId: string }).orderId);
        return Promise.resolve();
      });

      await broker.publish(meta('test.order.placed'), { orderId: 'o-1', amount: 10 });

      await waitFor(() => billing.length === 1 && shipping.length === 1);
      expect(billing).toEqual(['o-1']);
      expect(shipping).toEqual(['o-1']);
    });

    it('should share a work queue between replicas so each event is handled by one of them', async () => {
      const seen: string[] = [];
      const record: EventFn = (e) => {
        seen.push((e.payload as { orderId: string }).orderId);
        return Promise.resolve();
      };
      await consume('billing', record);
      await consume('billing', record);

      for (let i = 0; i < 10; i += 1) {
        await broker.publish(meta('test.order.placed'), { orderId: `o-${i}`, amount: i });
      }

      await waitFor(() => seen.length === 10);
      expect(new Set(seen).size).toBe(10);
    });

    it('should deliver a broadcast event to every replica', async () => {
      const replicas: string[][] = [[], []];
      for (const received of replicas) {
        await consume('billing', (e) => {
          if (e.meta.name === 'test.cache.invalidated') {
            received.push((e.payload as { key: string }).key);
          }
          return Promise.resolve();
        });
      }

      await broker.publish(meta('test.cache.invalidated'), { key: 'prices' });

      await waitFor(() => replicas.every((received) => received.length === 1));
      expect(replicas).toEqual([['prices'], ['prices']]);
    });

    it('should say whether an event came through the work queue or the replica broadcast', async () => {
      const replicas: Delivery[][] = [[], []];
      for (const received of replicas) {
        await consume('billing', (e) => {
          if (e.meta.name === 'test.price.changed') {
            received.push(e.meta.delivery);
          }
          return Promise.resolve();
        });
      }

      await broker.publish(meta('test.price.changed'), { sku: 'vps-s' });

      const all = (): Delivery[] => replicas.flat();
      await waitFor(
        () =>
          all().includes('shared') && replicas.every((received) => received.includes('broadcast')),
      );
      expect(all().filter((delivery) => delivery === 'shared')).toHaveLength(1);
      for (const received of replicas) {
        expect(received.filter((delivery) => delivery === 'broadcast')).toHaveLength(1);
      }
    });

    it('should keep an event published before its consumer starts', async () => {
      await broker.publish(meta('test.order.placed'), { orderId: 'early', amount: 1 });
      const seen: string[] = [];
      await consume('shipping', (e) => {
        seen.push((e.payload as { orderId: string }).orderId);
        return Promise.resolve();
      });

      await waitFor(() => seen.length === 1);
      expect(seen).toEqual(['early']);
    });

    it('should carry the correlation id and message id to the consumer', async () => {
      const received: MessageMeta[] = [];
      await consume('shipping', (e) => {
        received.push(e.meta);
        return Promise.resolve();
      });
      const sent = meta('test.order.placed');

      await broker.publish(sent, { orderId: 'o-1', amount: 1 });

      const [got] = await waitFor(() => received.length === 1 && received);
      expect(got).toMatchObject({ id: sent.id, correlationId: sent.correlationId, attempt: 1 });
    });
  });

  describe('failures', () => {
    it('should retry a failing handler and acknowledge once it succeeds', async () => {
      const attempts: number[] = [];
      await consume('shipping', (e) => {
        attempts.push(e.meta.attempt);
        return attempts.length < 3 ? Promise.reject(new Error('database busy')) : Promise.resolve();
      });

      await broker.publish(meta('test.order.placed'), { orderId: 'o-1', amount: 1 });

      await waitFor(() => attempts.length === 3);
      expect(attempts).toEqual([1, 2, 3]);
      expect(await broker.deadLetters('shipping')).toEqual([]);
    });

    it('should dead-letter an event after the last attempt, with the error, and replay it', async () => {
      let healthy = false;
      const handled: number[] = [];
      await consume('shipping', (e) => {
        handled.push(e.meta.attempt);
        return healthy ? Promise.resolve() : Promise.reject(new Error('carrier API down'));
      });
      const sent = meta('test.order.placed');

      await broker.publish(sent, { orderId: 'o-1', amount: 1 });

      const [letter] = await waitFor(async () => {
        const letters = await broker.deadLetters('shipping');
        return letters.length === 1 && letters;
      });
      expect(handled).toEqual([1, 2, 3]);
      expect(letter).toMatchObject({
        id: sent.id,
        name: 'test.order.placed',
        attempts: 3,
        error: 'carrier API down',
      });
      expect(letter?.reason).toContain('3 attempts');

      healthy = true;
      expect(await broker.replayDeadLetters('shipping')).toBe(1);
      await waitFor(() => handled.length === 4);
      expect(await broker.deadLetters('shipping')).toEqual([]);
    });

    it('should dead-letter at once when the handler says retrying cannot help', async () => {
      const attempts: number[] = [];
      await consume('shipping', (e) => {
        attempts.push(e.meta.attempt);
        return Promise.reject(new PermanentMessageError('order o-1 does not exist'));
      });

      await broker.publish(meta('test.order.placed'), { orderId: 'o-1', amount: 1 });

      const [letter] = await waitFor(async () => {
        const letters = await broker.deadLetters('shipping');
        return letters.length === 1 && letters;
      });
      expect(attempts).toEqual([1]);
      expect(letter?.error).toBe('order o-1 does not exist');
    });

    it('should dead-letter an invalid payload with the reason and keep consuming', async () => {
      const seen: string[] = [];
      await consume('shipping', (e) => {
        seen.push((e.payload as { orderId: string }).orderId);
        return Promise.resolve();
      });

      await broker.publish(meta('test.order.placed'), { orderId: 42 });
      await broker.publish(meta('test.order.placed'), { orderId: 'valid', amount: 5 });

      await waitFor(() => seen.length === 1);
      const letters = await waitFor(async () => {
        const found = await broker.deadLetters('shipping');
        return found.length === 1 && found;
      });
      expect(seen).toEqual(['valid']);
      expect(letters[0]?.reason).toMatch(/invalid payload for test\.order\.placed: orderId/);
    });

    it('should let a handler in flight finish when its consumer stops', async () => {
      let started = false;
      let finished = false;
      const consumer = await consume('shipping', async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 150));
        finished = true;
      });
      await broker.publish(meta('test.order.placed'), { orderId: 'slow', amount: 1 });
      await waitFor(() => started);

      await consumer.stop();

      expect(finished).toBe(true);
    });
  });

  describe('requests', () => {
    it('should answer a request', async () => {
      await consume('billing', ignore);

      const reply = await broker.request(
        meta('test.echo'),
        { text: 'hello' },
        { timeoutMs: 5_000 },
      );

      expect(reply).toEqual({ text: 'hello' });
    });

    it('should answer many concurrent requests, each with its own reply', async () => {
      await consume('billing', ignore);

      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          broker.request(meta('test.echo'), { text: `m${i}` }, { timeoutMs: 5_000 }),
        ),
      );

      expect(replies).toEqual(Array.from({ length: 50 }, (_, i) => ({ text: `m${i}` })));
    });

    it('should return the handler error code and message to the caller', async () => {
      await consume('billing', ignore);

      const failure = broker.request(meta('test.echo'), { text: 'fail' }, { timeoutMs: 5_000 });

      await expect(failure).rejects.toBeInstanceOf(RemoteError);
      await expect(failure).rejects.toMatchObject({
        code: 'ECHO_REFUSED',
        message: 'echo refused',
      });
    });

    it('should refuse a request whose payload breaks the contract', async () => {
      await consume('billing', ignore);

      const failure = broker.request(meta('test.echo'), { text: 7 }, { timeoutMs: 5_000 });

      await expect(failure).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    });

    it('should time out when no service answers', async () => {
      const failure = broker.request(meta('test.echo'), { text: 'anyone?' }, { timeoutMs: 200 });

      await expect(failure).rejects.toBeInstanceOf(RpcTimeoutError);
    });

    it('should stream every chunk in order, then complete', async () => {
      await consume('billing', ignore);

      const chunks = await firstValueFrom(
        broker.requestStream(meta('test.count'), { to: 5 }, { timeoutMs: 5_000 }).pipe(toArray()),
      );

      expect(chunks).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }, { i: 4 }, { i: 5 }]);
    });
  });
}
