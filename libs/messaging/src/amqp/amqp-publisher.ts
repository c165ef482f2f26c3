import type { ChannelModel, ConfirmChannel, Options } from 'amqplib';

import type { Logger } from '@deskpilot/observability';

import type { BusTopology } from '../core/broker';
import { BrokerUnavailableError } from '../core/errors';
import type { RetryPolicy } from '../core/retry-policy';
import type { AmqpConnection } from './amqp-connection';
import { declareTopology } from './topology';

const PUBLISH_ATTEMPTS = 3;
const CONNECT_WAIT_MS = 10_000;

/**
 * Publishes with publisher confirms: a publish resolves only once RabbitMQ has taken the message.
 * If the channel dies before the confirm, the message is sent again after reconnecting
 * (at least once; consumers drop duplicates by message id).
 */
export class AmqpPublisher {
  private channel: ConfirmChannel | undefined;

  constructor(
    private readonly connection: AmqpConnection,
    private readonly logger: Logger,
  ) {}

  async attach(topology: BusTopology, retry: RetryPolicy): Promise<void> {
    await this.connection.addSetup(async (model: ChannelModel) => {
      const channel = await model.createConfirmChannel();
      channel.on('error', (error: Error) => {
        this.logger.warn({ err: error.message }, 'Publisher channel error');
      });
      channel.on('return', (message: { fields: { routingKey: string } }) => {
        this.logger.debug({ name: message.fields.routingKey }, 'Event had no subscriber');
      });
      await declareTopology(channel, topology, retry);
      this.channel = channel;
    });
  }

  async publish(
    exchange: string,
    routingKey: string,
    body: Buffer,
    options: Options.Publish,
  ): Promise<void> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= PUBLISH_ATTEMPTS; attempt += 1) {
      await this.connection.whenConnected(CONNECT_WAIT_MS);
      const channel = this.channel;
      if (channel === undefined) {
        throw new BrokerUnavailableError('No publisher channel');
      }
      try {
        await new Promise<void>((resolve, reject) => {
          channel.publish(exchange, routingKey, body, options, (error: unknown) => {
            if (error === null || error === undefined) {
              resolve();
            } else {
              reject(error instanceof Error ? error : new Error('Message not confirmed'));
            }
          });
        });
        return;
      } catch (error) {
        lastError = error;
        this.logger.warn({ err: (error as Error).message, attempt }, 'Publish not confirmed');
      }
    }
    throw new BrokerUnavailableError('RabbitMQ did not confirm the message', { cause: lastError });
  }
}
