import { catalog, topology } from '@deskpilot/contracts';
import type { Broker, RetryPolicy } from '@deskpilot/messaging';
import { AmqpBroker, DEFAULT_RETRY_POLICY } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';

export interface AmqpSettings {
  readonly url: string;
  readonly connectionName: string;
  readonly maxAttempts: number;
  readonly logger: Logger;
}

export function retryPolicy(maxAttempts: number): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, maxAttempts };
}

/** Connects to RabbitMQ with the product's catalog and topology; waits (retrying) until it can. */
export async function openAmqpBroker(settings: AmqpSettings): Promise<Broker> {
  const broker = new AmqpBroker({
    url: settings.url,
    connectionName: settings.connectionName,
    logger: settings.logger,
    catalog,
    topology,
    retry: retryPolicy(settings.maxAttempts),
  });
  await broker.connect();
  return broker;
}
