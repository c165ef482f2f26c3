import { Observable, Subscription } from 'rxjs';

import type {
  Broker,
  BrokerOptions,
  BrokerState,
  Consumer,
  ConsumerHandlers,
  ConsumerSpec,
  DeadLetter,
  QueueStats,
  RequestOptions,
} from '../core/broker';
import { busMetrics } from '../core/bus-metrics';
import {
  BrokerUnavailableError,
  INVALID_REQUEST,
  RemoteError,
  RpcTimeoutError,
  errorCodeOf,
  errorMessageOf,
} from '../core/errors';
import { runEventHandler, validateInbound } from '../core/inbound';
import { broadcastConsumersOf, ownerOf, workConsumersOf } from '../core/routes';
import type { Delivery, MessageMeta } from '../core/wire';
import { decodeBody, encodeBody } from '../core/wire';
import { MemoryQueue } from './memory-queue';

interface EventMessage {
  readonly meta: MessageMeta;
  readonly body: Buffer;
}

interface RequestMessage {
  readonly meta: MessageMeta;
  readonly body: Buffer;
  readonly deadline: number;
  readonly reply: ReplySink;
}

interface ReplySink {
  next(body: Buffer): void;
  error(code: string, message: string): void;
  complete(): void;
  readonly closed: boolean;
}

/**
 * The bus of the embedded mode: the same topology, validation, retries and dead letters as on
 * RabbitMQ, kept in this process. Bodies cross it as JSON, exactly as they would cross the wire.
 * Messages live in memory, so a message not yet handled when the process stops is not kept.
 */
export class InProcessBroker implements Broker {
  readonly transport = 'in-process';
  private currentState: BrokerState = 'connecting';
  private readonly workQueues = new Map<string, MemoryQueue<EventMessage>>();
  private readonly broadcastQueues = new Map<string, Set<MemoryQueue<EventMessage>>>();
  private readonly rpcQueues = new Map<string, MemoryQueue<RequestMessage>>();
  private readonly dead = new Map<
    string,
    { letter: DeadLetter; origin: MemoryQueue<EventMessage> }[]
  >();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: BrokerOptions) {
    for (const service of Object.keys(options.topology)) {
      this.workQueues.set(service, new MemoryQueue(`${service}.events`));
      this.rpcQueues.set(service, new MemoryQueue(`${service}.rpc`));
      this.broadcastQueues.set(service, new Set());
      this.dead.set(service, []);
    }
  }

  get state(): BrokerState {
    return this.currentState;
  }

  connect(): Promise<void> {
    if (this.currentState !== 'closed') {
      this.currentState = 'connected';
    }
    return Promise.resolve();
  }

  publish(meta: MessageMeta, payload: unknown): Promise<void> {
    this.assertOpen();
    const body = encodeBody(payload);
    for (const service of workConsumersOf(this.options.topology, meta.name)) {
      this.workQueues.get(service)?.push({ meta, body });
    }
    for (const service of broadcastConsumersOf(this.options.topology, meta.name)) {
      for (const queue of this.broadcastQueues.get(service) ?? []) {
        queue.push({ meta, body });
      }
    }
    busMetrics.eventsPublished.inc({ service: meta.publishedBy, name: meta.name });
    return Promise.resolve();
  }

  request(meta: MessageMeta, payload: unknown, options: RequestOptions): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const subscription = this.requestStream(meta, payload, options).subscribe({
        next: (value) => {
          settled = true;
          resolve(value);
          queueMicrotask(() => {
            subscription.unsubscribe();
          });
        },
        error: (error: unknown) => {
          settled = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
        complete: () => {
          if (!settled) {
            reject(
              new RemoteError(meta.name, 'EMPTY_REPLY', `${meta.name} completed without a reply`),
            );
          }
        },
      });
    });
  }

  requestStream(meta: MessageMeta, payload: unknown, options: RequestOptions): Observable<unknown> {
    return new Observable<unknown>((subscriber) => {
      if (this.currentState === 'closed') {
        subscriber.error(new BrokerUnavailableError('The in-process bus is closed'));
        return undefined;
      }
      const owner = ownerOf(this.options.topology, meta.name);
      const queue = owner === undefined ? undefined : this.rpcQueues.get(owner);
      if (queue === undefined) {
        subscriber.error(new RemoteError(meta.name, 'NO_ROUTE', `No service answers ${meta.name}`));
        return undefined;
      }
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          sink.closed = true;
          subscriber.error(new RpcTimeoutError(meta.name, options.timeoutMs));
        }, options.timeoutMs);
      };
      const sink = {
        closed: false,
        next: (body: Buffer) => {
          if (sink.closed) {
            return;
          }
          arm();
          const decoded = decodeBody(body);
          if (decoded.ok) {
            subscriber.next(decoded.value);
          } else {
            sink.error(INVALID_REQUEST, decoded.reason);
          }
        },
        error: (code: string, message: string) => {
          if (sink.closed) {
            return;
          }
          sink.closed = true;
          clearTimeout(timer);
          subscriber.error(new RemoteError(meta.name, code, message));
        },
        complete: () => {
          if (sink.closed) {
            return;
          }
          sink.closed = true;
          clearTimeout(timer);
          subscriber.complete();
        },
      };
      arm();
      queue.push({
        meta,
        body: encodeBody(payload),
        deadline: Date.now() + options.timeoutMs,
        reply: sink,
      });
      return () => {
        sink.closed = true;
        clearTimeout(timer);
      };
    });
  }

  consume(spec: ConsumerSpec, handlers: ConsumerHandlers): Promise<Consumer> {
    this.assertOpen();
    const routes = this.options.topology[spec.service];
    const work = this.workQueues.get(spec.service);
    const rpc = this.rpcQueues.get(spec.service);
    const broadcastSet = this.broadcastQueues.get(spec.service);
    if (
      routes === undefined ||
      work === undefined ||
      rpc === undefined ||
      broadcastSet === undefined
    ) {
      return Promise.reject(new Error(`Unknown service ${spec.service}`));
    }
    const broadcast = new MemoryQueue<EventMessage>(`${spec.service}.broadcast.${spec.instanceId}`);
    broadcastSet.add(broadcast);

    const handleEvent =
      (queue: MemoryQueue<EventMessage>, delivery: Delivery) => (message: EventMessage) =>
        this.deliverEvent(spec.service, queue, delivery, message, handlers);
    const detachWork = work.attach(spec.prefetch, handleEvent(work, 'shared'));
    const detachBroadcast = broadcast.attach(spec.prefetch, handleEvent(broadcast, 'broadcast'));
    const detachRpc = rpc.attach(Math.max(spec.prefetch, 64), (message) =>
      this.deliverRequest(message, handlers),
    );

    return Promise.resolve({
      stop: async () => {
        broadcastSet.delete(broadcast);
        await Promise.all([detachWork(), detachBroadcast(), detachRpc()]);
      },
    });
  }

  deadLetters(service: string): Promise<DeadLetter[]> {
    return Promise.resolve((this.dead.get(service) ?? []).map((entry) => entry.letter));
  }

  replayDeadLetters(service: string, ids?: readonly string[]): Promise<number> {
    const entries = this.dead.get(service) ?? [];
    const chosen = entries.filter((entry) => ids === undefined || ids.includes(entry.letter.id));
    this.dead.set(
      service,
      entries.filter((entry) => !chosen.includes(entry)),
    );
    for (const { letter, origin } of chosen) {
      origin.push({
        meta: {
          id: letter.id,
          name: letter.name,
          correlationId: letter.correlationId,
          publishedBy: 'dead-letter-replay',
          occurredAt: new Date().toISOString(),
          attempt: 1,
        },
        body: Buffer.from(letter.body),
      });
    }
    return Promise.resolve(chosen.length);
  }

  queueStats(): Promise<QueueStats[]> {
    const stats: QueueStats[] = [];
    for (const [service, queue] of this.workQueues) {
      stats.push(queue.stats());
      for (const broadcast of this.broadcastQueues.get(service) ?? []) {
        stats.push(broadcast.stats());
      }
      stats.push({
        queue: `${service}.dead`,
        messages: this.dead.get(service)?.length ?? 0,
        consumers: 0,
      });
    }
    return Promise.resolve(stats);
  }

  async close(): Promise<void> {
    this.currentState = 'closed';
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    const queues = [
      ...this.workQueues.values(),
      ...this.rpcQueues.values(),
      ...[...this.broadcastQueues.values()].flatMap((set) => [...set]),
    ];
    await Promise.all(queues.map((queue) => queue.drain()));
  }

  private async deliverEvent(
    service: string,
    queue: MemoryQueue<EventMessage>,
    delivery: Delivery,
    message: EventMessage,
    handlers: ConsumerHandlers,
  ): Promise<void> {
    const { meta } = message;
    const validated = validateInbound(
      this.options.catalog,
      meta.name,
      decodeBody(message.body),
      'event',
    );
    const stopTimer = busMetrics.eventHandlerSeconds.startTimer({ service, name: meta.name });
    const outcome = validated.ok
      ? await runEventHandler(this.options.retry, meta.attempt, () =>
          handlers.onEvent({ meta: { ...meta, delivery }, payload: validated.payload }),
        )
      : ({ kind: 'dead', reason: validated.reason, error: validated.reason } as const);
    stopTimer();
    busMetrics.eventsHandled.inc({ service, name: meta.name, outcome: outcome.kind });

    switch (outcome.kind) {
      case 'ack':
        return;
      case 'retry': {
        if (this.currentState === 'closed') {
          return;
        }
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          queue.push({ meta: { ...meta, attempt: meta.attempt + 1 }, body: message.body });
        }, outcome.delayMs);
        this.timers.add(timer);
        return;
      }
      case 'dead':
        this.dead.get(service)?.push({
          origin: queue,
          letter: {
            id: meta.id,
            name: meta.name,
            queue: queue.name,
            reason: outcome.reason,
            error: outcome.error,
            attempts: meta.attempt,
            deadAt: new Date().toISOString(),
            correlationId: meta.correlationId,
            body: message.body.toString('utf8'),
          },
        });
        return;
    }
  }

  private deliverRequest(message: RequestMessage, handlers: ConsumerHandlers): Promise<void> {
    const { meta, reply } = message;
    if (reply.closed || Date.now() > message.deadline) {
      return Promise.resolve();
    }
    const validated = validateInbound(
      this.options.catalog,
      meta.name,
      decodeBody(message.body),
      'request',
    );
    if (!validated.ok) {
      reply.error(INVALID_REQUEST, validated.reason);
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const subscription = new Subscription();
      const source = handlers.onRequest({ meta, payload: validated.payload });
      subscription.add(
        source.subscribe({
          next: (value) => {
            if (reply.closed) {
              // The caller went away (timeout or unsubscribe): stop producing.
              subscription.unsubscribe();
              resolve();
              return;
            }
            reply.next(encodeBody(value));
          },
          error: (error: unknown) => {
            reply.error(errorCodeOf(error), errorMessageOf(error));
            resolve();
          },
          complete: () => {
            reply.complete();
            resolve();
          },
        }),
      );
    });
  }

  private assertOpen(): void {
    if (this.currentState === 'closed') {
      throw new BrokerUnavailableError('The in-process bus is closed');
    }
  }
}
