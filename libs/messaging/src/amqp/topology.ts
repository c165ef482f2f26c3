import type { Channel } from 'amqplib';

import type { BusTopology } from '../core/broker';
import type { RetryPolicy } from '../core/retry-policy';
import { retryTiers } from '../core/retry-policy';
import { EVENTS_EXCHANGE, RPC_EXCHANGE, queueNames } from './names';

/** How long an unused per-replica queue (and its retry queues) outlives its replica. */
const BROADCAST_RETRY_EXPIRES_MS = 15 * 60_000;

/**
 * Declares the exchanges and every service's durable queues, so that an event published before
 * its consumer first starts waits in the consumer's queue instead of being dropped.
 */
export async function declareTopology(
  channel: Channel,
  topology: BusTopology,
  retry: RetryPolicy,
): Promise<void> {
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  await channel.assertExchange(RPC_EXCHANGE, 'direct', { durable: true });
  for (const [service, routes] of Object.entries(topology)) {
    const work = queueNames.work(service);
    await channel.assertQueue(work, { durable: true });
    for (const name of routes.events) {
      await channel.bindQueue(work, EVENTS_EXCHANGE, name);
    }
    await declareRetryQueues(channel, work, retry, undefined);
    await channel.assertQueue(queueNames.dead(service), { durable: true });

    const rpc = queueNames.rpc(service);
    await channel.assertQueue(rpc, { durable: true });
    for (const name of routes.rpcs) {
      await channel.bindQueue(rpc, RPC_EXCHANGE, name);
    }
  }
}

/** A replica's own queue for broadcast events: gone with the replica, which rebuilds at start. */
export async function declareBroadcastQueue(
  channel: Channel,
  service: string,
  instanceId: string,
  events: readonly string[],
  retry: RetryPolicy,
): Promise<string> {
  const queue = queueNames.broadcast(service, instanceId);
  await channel.assertQueue(queue, { durable: false, exclusive: true, autoDelete: true });
  for (const name of events) {
    await channel.bindQueue(queue, EVENTS_EXCHANGE, name);
  }
  await declareRetryQueues(channel, queue, retry, BROADCAST_RETRY_EXPIRES_MS);
  return queue;
}

/** One delay queue per retry tier; an expired message falls back into the target queue. */
async function declareRetryQueues(
  channel: Channel,
  target: string,
  retry: RetryPolicy,
  expiresMs: number | undefined,
): Promise<void> {
  for (const delayMs of retryTiers(retry)) {
    await channel.assertQueue(queueNames.retry(target, delayMs), {
      durable: expiresMs === undefined,
      arguments: {
        'x-message-ttl': delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': target,
        ...(expiresMs === undefined ? {} : { 'x-expires': expiresMs }),
      },
    });
  }
}
