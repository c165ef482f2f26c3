import type { Channel, ChannelModel, GetMessage } from 'amqplib';
import type { Observable } from 'rxjs';

import type { Logger } from '@deskpilot/observability';

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
import { BrokerUnavailableError } from '../core/errors';
import type { MessageMeta } from '../core/wire';
import { Header, encodeBody, headerText } from '../core/wire';
import { AmqpConnection } from './amqp-connection';
import { AmqpServiceConsumer } from './amqp-consumer';
import { AmqpPublisher } from './amqp-publisher';
import { AmqpRpcClient } from './amqp-rpc-client';
import { EVENTS_EXCHANGE, queueNames } from './names';

export interface AmqpBrokerOptions extends BrokerOptions {
  readonly url: string;
  /** Shown in the RabbitMQ management UI, e.g. `ingest@host-1a2b`. */
  readonly connectionName: string;
  readonly logger: Logger;
}

const ADMIN_WAIT_MS = 5_000;

/** The RabbitMQ broker of the distributed mode. */
export class AmqpBroker implements Broker {
  readonly transport = 'amqp';
  private readonly connection: AmqpConnection;
  private readonly publisher: AmqpPublisher;
  private readonly rpc: AmqpRpcClient;
  private model: ChannelModel | undefined;

  constructor(private readonly options: AmqpBrokerOptions) {
    this.connection = new AmqpConnection(options.url, options.connectionName, options.logger);
    this.publisher = new AmqpPublisher(this.connection, options.logger);
    this.rpc = new AmqpRpcClient(this.connection, options.logger);
  }

  get state(): BrokerState {
    return this.connection.state;
  }

  async connect(): Promise<void> {
    await this.publisher.attach(this.options.topology, this.options.retry);
    await this.rpc.attach();
    await this.connection.addSetup((model) => {
      this.model = model;
      return Promise.resolve();
    });
    await this.connection.open();
  }

  async publish(meta: MessageMeta, payload: unknown): Promise<void> {
    await this.publisher.publish(EVENTS_EXCHANGE, meta.name, encodeBody(payload), {
      persistent: true,
      mandatory: true,
      messageId: meta.id,
      type: meta.name,
      contentType: 'application/json',
      timestamp: Math.floor(Date.parse(meta.occurredAt) / 1000),
      headers: {
        [Header.CorrelationId]: meta.correlationId,
        [Header.PublishedBy]: meta.publishedBy,
        [Header.OccurredAt]: meta.occurredAt,
        [Header.Attempt]: meta.attempt,
      },
    });
    busMetrics.eventsPublished.inc({ service: meta.publishedBy, name: meta.name });
  }

  request(meta: MessageMeta, payload: unknown, options: RequestOptions): Promise<unknown> {
    return this.rpc.request(meta, payload, options);
  }

  requestStream(meta: MessageMeta, payload: unknown, options: RequestOptions): Observable<unknown> {
    return this.rpc.requestStream(meta, payload, options);
  }

  async consume(spec: ConsumerSpec, handlers: ConsumerHandlers): Promise<Consumer> {
    const consumer = new AmqpServiceConsumer(
      this.connection,
      this.publisher,
      this.options,
      spec,
      handlers,
      this.options.logger,
    );
    await consumer.start();
    return consumer;
  }

  async deadLetters(service: string): Promise<DeadLetter[]> {
    return this.withChannel(async (channel) => {
      const messages = await drain(channel, queueNames.dead(service));
      channel.nackAll(true);
      return messages.map((message) => toDeadLetter(message));
    });
  }

  async replayDeadLetters(service: string, ids?: readonly string[]): Promise<number> {
    return this.withChannel(async (channel) => {
      const messages = await drain(channel, queueNames.dead(service));
      let replayed = 0;
      for (const message of messages) {
        const id = message.properties.messageId as string | undefined;
        if (ids !== undefined && (id === undefined || !ids.includes(id))) {
          channel.nack(message, false, true);
          continue;
        }
        const origin =
          headerText(message.properties.headers, Header.OriginalQueue) ?? queueNames.work(service);
        const {
          [Header.OriginalQueue]: _queue,
          [Header.DeadReason]: _reason,
          [Header.DeadError]: _error,
          [Header.DeadAt]: _at,
          ...headers
        } = (message.properties.headers ?? {}) as Record<string, unknown>;
        await this.publisher.publish('', origin, message.content, {
          persistent: true,
          messageId: id,
          type: message.properties.type as string | undefined,
          contentType: 'application/json',
          headers: { ...headers, [Header.Attempt]: 1 },
        });
        channel.ack(message);
        replayed += 1;
      }
      return replayed;
    });
  }

  async queueStats(): Promise<QueueStats[]> {
    return this.withChannel(async (channel) => {
      const stats: QueueStats[] = [];
      for (const service of Object.keys(this.options.topology)) {
        for (const queue of [
          queueNames.work(service),
          queueNames.rpc(service),
          queueNames.dead(service),
        ]) {
          const reply = await channel.checkQueue(queue);
          stats.push({ queue, messages: reply.messageCount, consumers: reply.consumerCount });
        }
      }
      return stats;
    });
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private async withChannel<T>(work: (channel: Channel) => Promise<T>): Promise<T> {
    await this.connection.whenConnected(ADMIN_WAIT_MS);
    if (this.model === undefined) {
      throw new BrokerUnavailableError('Not connected to RabbitMQ');
    }
    const channel = await this.model.createChannel();
    channel.on('error', () => undefined);
    try {
      return await work(channel);
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
}

async function drain(channel: Channel, queue: string): Promise<GetMessage[]> {
  const messages: GetMessage[] = [];
  for (;;) {
    const message = await channel.get(queue, { noAck: false });
    if (message === false) {
      return messages;
    }
    messages.push(message);
  }
}

function toDeadLetter(message: GetMessage): DeadLetter {
  const headers = message.properties.headers;
  const text = (key: string): string => headerText(headers, key) ?? '';
  return {
    id: (message.properties.messageId as string | undefined) ?? '',
    name: (message.properties.type as string | undefined) ?? '',
    queue: text(Header.OriginalQueue),
    reason: text(Header.DeadReason),
    error: text(Header.DeadError),
    attempts: Number(text(Header.Attempt) || 1),
    deadAt: text(Header.DeadAt),
    correlationId: text(Header.CorrelationId),
    body: message.content.toString('utf8'),
  };
}
