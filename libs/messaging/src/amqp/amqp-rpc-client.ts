import type { Channel, ChannelModel, ConsumeMessage, Message } from 'amqplib';
import { Observable } from 'rxjs';

import type { Logger } from '@deskpilot/observability';

import type { RequestOptions } from '../core/broker';
import { BrokerUnavailableError, RemoteError, RpcTimeoutError } from '../core/errors';
import type { ErrorReply, MessageMeta, ReplyKind } from '../core/wire';
import { Header, decodeBody, encodeBody } from '../core/wire';
import type { AmqpConnection } from './amqp-connection';
import { DIRECT_REPLY_TO, RPC_EXCHANGE } from './names';

interface Pending {
  onReply(kind: ReplyKind, body: Buffer): void;
  onFailure(error: Error): void;
}

/**
 * Sends requests through the RPC exchange and receives replies on RabbitMQ's direct reply-to,
 * which needs no reply queue. A streamed reply is a run of `next` messages ended by `complete`.
 */
export class AmqpRpcClient {
  private channel: Channel | undefined;
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly connection: AmqpConnection,
    private readonly logger: Logger,
  ) {}

  async attach(): Promise<void> {
    await this.connection.addSetup(async (model: ChannelModel) => {
      const channel = await model.createChannel();
      channel.on('error', (error: Error) => {
        this.logger.warn({ err: error.message }, 'RPC channel error');
      });
      channel.on('close', () => {
        this.failAll(new BrokerUnavailableError('Lost the RabbitMQ connection while waiting'));
      });
      channel.on('return', (message: Message) => {
        const id = message.properties.messageId as string | undefined;
        const name = message.fields.routingKey;
        if (id !== undefined) {
          this.pending
            .get(id)
            ?.onFailure(new RemoteError(name, 'NO_ROUTE', `No service answers ${name}`));
        }
      });
      await channel.consume(
        DIRECT_REPLY_TO,
        (message) => {
          this.onReply(message);
        },
        { noAck: true },
      );
      this.channel = channel;
    });
  }

  request(meta: MessageMeta, payload: unknown, options: RequestOptions): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let received = false;
      const subscription = this.requestStream(meta, payload, options).subscribe({
        next: (value) => {
          received = true;
          resolve(value);
          queueMicrotask(() => {
            subscription.unsubscribe();
          });
        },
        error: (error: unknown) => {
          reject(error instanceof Error ? error : new Error(String(error)));
        },
        complete: () => {
          if (!received) {
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
      let timer: NodeJS.Timeout | undefined;
      const finish = (): void => {
        clearTimeout(timer);
        this.pending.delete(meta.id);
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          finish();
          subscriber.error(new RpcTimeoutError(meta.name, options.timeoutMs));
        }, options.timeoutMs);
      };
      this.pending.set(meta.id, {
        onReply: (kind, body) => {
          const decoded = decodeBody(body);
          if (!decoded.ok) {
            finish();
            subscriber.error(new RemoteError(meta.name, 'MALFORMED_REPLY', decoded.reason));
            return;
          }
          switch (kind) {
            case 'next':
              arm();
              subscriber.next(decoded.value);
              return;
            case 'complete':
              finish();
              subscriber.complete();
              return;
            case 'error': {
              finish();
              const reply = decoded.value as Partial<ErrorReply>;
              subscriber.error(
                new RemoteError(
                  meta.name,
                  reply.code ?? 'INTERNAL',
                  reply.message ?? 'Remote failure',
                ),
              );
              return;
            }
          }
        },
        onFailure: (error) => {
          finish();
          subscriber.error(error);
        },
      });
      arm();
      this.send(meta, payload, options).catch((error: unknown) => {
        finish();
        subscriber.error(error);
      });
      return finish;
    });
  }

  private async send(meta: MessageMeta, payload: unknown, options: RequestOptions): Promise<void> {
    await this.connection.whenConnected(options.timeoutMs);
    const channel = this.channel;
    if (channel === undefined) {
      throw new BrokerUnavailableError('No RPC channel');
    }
    channel.publish(RPC_EXCHANGE, meta.name, encodeBody(payload), {
      messageId: meta.id,
      type: meta.name,
      replyTo: DIRECT_REPLY_TO,
      contentType: 'application/json',
      mandatory: true,
      persistent: false,
      // A request nobody picked up in time is worthless: let RabbitMQ drop it.
      expiration: String(options.timeoutMs),
      headers: {
        [Header.CorrelationId]: meta.correlationId,
        [Header.PublishedBy]: meta.publishedBy,
        [Header.OccurredAt]: meta.occurredAt,
      },
    });
  }

  private onReply(message: ConsumeMessage | null): void {
    if (message === null) {
      return;
    }
    const id = message.properties.correlationId as string | undefined;
    const kind = (message.properties.headers?.[Header.Reply] ?? 'next') as ReplyKind;
    if (id !== undefined) {
      this.pending.get(id)?.onReply(kind, message.content);
    }
  }

  private failAll(error: Error): void {
    for (const pending of [...this.pending.values()]) {
      pending.onFailure(error);
    }
  }
}
