import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { Subscription } from 'rxjs';

import type { Logger } from '@deskpilot/observability';

import type { BrokerOptions, Consumer, ConsumerHandlers, ConsumerSpec } from '../core/broker';
import { busMetrics } from '../core/bus-metrics';
import { INVALID_REQUEST, errorCodeOf, errorMessageOf } from '../core/errors';
import type { EventOutcome } from '../core/inbound';
import { runEventHandler, validateInbound } from '../core/inbound';
import type { Delivery, MessageMeta, ReplyKind } from '../core/wire';
import { Header, decodeBody, encodeBody, headerText } from '../core/wire';
import type { AmqpConnection } from './amqp-connection';
import type { AmqpPublisher } from './amqp-publisher';
import { queueNames } from './names';
import { declareBroadcastQueue } from './topology';

const RPC_PREFETCH = 64;

function metaOf(message: ConsumeMessage): MessageMeta {
  const headers = message.properties.headers;
  const attempt = Number(headerText(headers, Header.Attempt) ?? 1);
  const properties = message.properties as { messageId?: string; type?: string };
  return {
    id: properties.messageId ?? randomUUID(),
    name: properties.type ?? message.fields.routingKey,
    correlationId: headerText(headers, Header.CorrelationId) ?? randomUUID(),
    publishedBy: headerText(headers, Header.PublishedBy) ?? 'unknown',
    occurredAt: headerText(headers, Header.OccurredAt) ?? new Date().toISOString(),
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
  };
}

function acknowledge(channel: Channel, message: ConsumeMessage): void {
  try {
    channel.ack(message);
  } catch {
    // The channel closed under us; RabbitMQ redelivers the message to the next consumer.
  }
}

/** The consumers of one service instance: its work queue, its broadcast queue and its RPCs. */
export class AmqpServiceConsumer implements Consumer {
  private readonly channels = new Set<Channel>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly publisher: AmqpPublisher,
    private readonly options: BrokerOptions,
    private readonly spec: ConsumerSpec,
    private readonly handlers: ConsumerHandlers,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.connection.addSetup((model) => this.attach(model));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const channel of this.channels) {
      await channel.close().catch(() => undefined);
    }
    this.channels.clear();
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
    }
  }

  private async attach(model: ChannelModel): Promise<void> {
    if (this.stopped) {
      return;
    }
    const routes = this.options.topology[this.spec.service];
    if (routes === undefined) {
      throw new Error(`Unknown service ${this.spec.service}`);
    }
    const events = await this.openChannel(model, this.spec.prefetch);
    if (routes.events.length > 0) {
      const queue = queueNames.work(this.spec.service);
      await events.consume(queue, (message) => {
        this.track(events, message, (m) => this.onEvent(events, queue, 'shared', m));
      });
    }
    if (routes.broadcast.length > 0) {
      const queue = await declareBroadcastQueue(
        events,
        this.spec.service,
        this.spec.instanceId,
        routes.broadcast,
        this.options.retry,
      );
      await events.consume(queue, (message) => {
        this.track(events, message, (m) => this.onEvent(events, queue, 'broadcast', m));
      });
    }
    if (routes.rpcs.length > 0) {
      const rpc = await this.openChannel(model, RPC_PREFETCH);
      await rpc.consume(queueNames.rpc(this.spec.service), (message) => {
        this.track(rpc, message, (m) => this.onRequest(rpc, m));
      });
    }
  }

  private async openChannel(model: ChannelModel, prefetch: number): Promise<Channel> {
    const channel = await model.createChannel();
    channel.on('error', (error: Error) => {
      this.logger.warn({ err: error.message }, 'Consumer channel error');
    });
    channel.on('close', () => this.channels.delete(channel));
    await channel.prefetch(prefetch);
    this.channels.add(channel);
    return channel;
  }

  private track(
    channel: Channel,
    message: ConsumeMessage | null,
    handle: (message: ConsumeMessage) => Promise<void>,
  ): void {
    if (message === null) {
      this.logger.warn({ service: this.spec.service }, 'Consumer cancelled by RabbitMQ');
      return;
    }
    const run = handle(message)
      .catch((error: unknown) => {
        this.logger.error({ err: errorMessageOf(error) }, 'Message handling failed');
        try {
          channel.nack(message, false, true);
        } catch {
          // Channel gone: the message is redelivered anyway.
        }
      })
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  private async onEvent(
    channel: Channel,
    queue: string,
    delivery: Delivery,
    message: ConsumeMessage,
  ): Promise<void> {
    const meta = { ...metaOf(message), delivery };
    const service = this.spec.service;
    const validated = validateInbound(
      this.options.catalog,
      meta.name,
      decodeBody(message.content),
      'event',
    );
    const stopTimer = busMetrics.eventHandlerSeconds.startTimer({ service, name: meta.name });
    const outcome: EventOutcome = validated.ok
      ? await runEventHandler(this.options.retry, meta.attempt, () =>
          this.handlers.onEvent({ meta, payload: validated.payload }),
        )
      : { kind: 'dead', reason: validated.reason, error: validated.reason };
    stopTimer();
    busMetrics.eventsHandled.inc({ service, name: meta.name, outcome: outcome.kind });

    const headers: Record<string, unknown> = { ...message.properties.headers };
    const properties = {
      persistent: true,
      messageId: meta.id,
      type: meta.name,
      contentType: 'application/json',
    };
    switch (outcome.kind) {
      case 'ack':
        break;
      case 'retry':
        this.logger.warn(
          { name: meta.name, messageId: meta.id, attempt: meta.attempt, err: outcome.error },
          'Handler failed; retrying later',
        );
        await this.publisher.publish(
          '',
          queueNames.retry(queue, outcome.delayMs),
          message.content,
          {
            ...properties,
            headers: { ...headers, [Header.Attempt]: meta.attempt + 1 },
          },
        );
        break;
      case 'dead':
        this.logger.error(
          { name: meta.name, messageId: meta.id, reason: outcome.reason, err: outcome.error },
          'Message dead-lettered',
        );
        await this.publisher.publish('', queueNames.dead(service), message.content, {
          ...properties,
          headers: {
            ...headers,
            [Header.Attempt]: meta.attempt,
            [Header.OriginalQueue]: queue,
            [Header.DeadReason]: outcome.reason,
            [Header.DeadError]: outcome.error.slice(0, 2000),
            [Header.DeadAt]: new Date().toISOString(),
          },
        });
        break;
    }
    acknowledge(channel, message);
  }

  private onRequest(channel: Channel, message: ConsumeMessage): Promise<void> {
    const meta = metaOf(message);
    const replyTo = (message.properties as { replyTo?: string }).replyTo;
    const reply = (kind: ReplyKind, body: unknown): void => {
      if (replyTo === undefined) {
        return;
      }
      try {
        channel.sendToQueue(replyTo, encodeBody(body), {
          correlationId: meta.id,
          contentType: 'application/json',
          headers: { [Header.Reply]: kind },
        });
      } catch {
        // Channel closed: the caller times out or sees the disconnect.
      }
    };
    const validated = validateInbound(
      this.options.catalog,
      meta.name,
      decodeBody(message.content),
      'request',
    );
    if (!validated.ok) {
      reply('error', { code: INVALID_REQUEST, message: validated.reason });
      acknowledge(channel, message);
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const subscription = new Subscription();
      const finish = (): void => {
        acknowledge(channel, message);
        resolve();
      };
      subscription.add(
        this.handlers.onRequest({ meta, payload: validated.payload }).subscribe({
          next: (value) => {
            reply('next', value);
          },
          error: (error: unknown) => {
            reply('error', { code: errorCodeOf(error), message: errorMessageOf(error) });
            finish();
          },
          complete: () => {
            reply('complete', null);
            finish();
          },
        }),
      );
    });
  }
}
