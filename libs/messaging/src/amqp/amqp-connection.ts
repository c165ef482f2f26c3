import amqp from 'amqplib';
import type { ChannelModel, RecoveringChannelModel } from 'amqplib';

import type { Logger } from '@deskpilot/observability';

import type { BrokerState } from '../core/broker';
import { BrokerUnavailableError } from '../core/errors';
import { redactUrl } from './names';

type Setup = (model: ChannelModel) => Promise<void>;

/**
 * One TCP connection to RabbitMQ that reconnects by itself (with backoff, forever) and re-runs
 * every registered setup step after each reconnect, so channels, topology and consumers return.
 */
export class AmqpConnection {
  private model: RecoveringChannelModel | undefined;
  private current: ChannelModel | undefined;
  private readonly setups: Setup[] = [];
  private waiters: (() => void)[] = [];
  private status: BrokerState = 'connecting';

  constructor(
    private readonly url: string,
    private readonly connectionName: string,
    private readonly logger: Logger,
  ) {}

  get state(): BrokerState {
    return this.status;
  }

  async open(): Promise<void> {
    const where = redactUrl(this.url);
    this.model = await amqp.connect(this.url, {
      // Nagle's algorithm adds ~40 ms to every small request/reply round trip.
      noDelay: true,
      clientProperties: { connection_name: this.connectionName },
      recovery: {
        waitForConnect: false,
        initialDelay: 500,
        maxDelay: 10_000,
        maxRetries: Infinity,
        setup: (model: ChannelModel) => this.runSetups(model),
      },
    });
    this.model.on('connect-failed', (error: Error) => {
      this.logger.error({ broker: where, err: error.message }, 'RabbitMQ is unreachable; retrying');
    });
    this.model.on('reconnect-scheduled', (info: { attempt: number; delay: number }) => {
      this.logger.warn({ broker: where, ...info }, 'RabbitMQ reconnect scheduled');
    });
    this.model.on('disconnect', (error: Error) => {
      this.current = undefined;
      if (this.status !== 'closed') {
        this.status = 'reconnecting';
        this.logger.warn({ broker: where, err: error.message }, 'Lost the RabbitMQ connection');
      }
    });
    this.model.on('error', (error: Error) => {
      this.logger.warn({ broker: where, err: error.message }, 'RabbitMQ connection error');
    });
    await this.model.waitForConnect();
  }

  /** Registers a step that runs now (if connected) and after every reconnect. */
  async addSetup(setup: Setup): Promise<void> {
    this.setups.push(setup);
    if (this.current !== undefined) {
      await setup(this.current);
    }
  }

  /** Waits for a usable connection, or fails after the timeout. */
  whenConnected(timeoutMs: number): Promise<void> {
    if (this.status === 'connected') {
      return Promise.resolve();
    }
    if (this.status === 'closed') {
      return Promise.reject(new BrokerUnavailableError('The RabbitMQ connection is closed'));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== done);
        reject(new BrokerUnavailableError(`RabbitMQ not reachable within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }

  async close(): Promise<void> {
    this.status = 'closed';
    await this.model?.close().catch(() => undefined);
  }

  private async runSetups(model: ChannelModel): Promise<void> {
    for (const setup of this.setups) {
      await setup(model);
    }
    this.current = model;
    this.status = 'connected';
    this.logger.info({ broker: redactUrl(this.url) }, 'Connected to RabbitMQ');
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      waiter();
    }
  }
}
