import { z } from 'zod';

import { ServiceHealth } from '../messages/system.messages';
import { ServiceName } from '../services';

/** A service that did not answer the readiness probe, and why. */
export const UnreachableService = z.object({ status: z.literal('down'), detail: z.string() });
export type UnreachableService = z.infer<typeof UnreachableService>;

/** GET /api/health: every service's readiness (503 when any is down, with the same body). */
export const SystemHealth = z.object({
  status: z.enum(['up', 'down']),
  services: z.record(z.string(), z.union([ServiceHealth, UnreachableService])),
});
export type SystemHealth = z.infer<typeof SystemHealth>;

/**
 * GET /api/health/live: the gateway process serves HTTP. Always 200 while it runs, whatever its
 * dependencies and the workers do; a failing liveness check means the process must be restarted.
 */
export const Liveness = z.object({
  status: z.literal('up'),
  service: z.string(),
  instanceId: z.string(),
  version: z.string(),
  uptimeSeconds: z.number().nonnegative(),
});
export type Liveness = z.infer<typeof Liveness>;

export const OpsServiceName = z.enum(ServiceName);

/**
 * What a queue is for: a service's shared `work` queue for events, a replica's `broadcast` queue,
 * the `rpc` queue of the requests it answers, a delayed `retry` queue, or its `dead` letters.
 */
export const QueueKind = z.enum(['work', 'broadcast', 'rpc', 'retry', 'dead']);
export type QueueKind = z.infer<typeof QueueKind>;

export const QueueDepth = z.object({
  queue: z.string(),
  /** The service the queue belongs to, when its name says so. */
  service: z.string().nullable(),
  kind: QueueKind.nullable(),
  messages: z.number().int().nonnegative(),
  consumers: z.number().int().nonnegative(),
});
export type QueueDepth = z.infer<typeof QueueDepth>;

/** GET /api/ops/queues */
export const QueueOverview = z.object({
  transport: z.enum(['amqp', 'in-process']),
  checkedAt: z.iso.datetime(),
  queues: z.array(QueueDepth),
});
export type QueueOverview = z.infer<typeof QueueOverview>;

/** The longest message body a dead-letter listing carries; longer ones are cut and flagged. */
export const DEAD_LETTER_BODY_LIMIT = 4_000;

export const DeadLetterView = z.object({
  id: z.string(),
  service: OpsServiceName,
  /** The message name (for example `tickets.draft.requested`). */
  name: z.string(),
  /** The queue it failed on, where a replay sends it back. */
  queue: z.string(),
  reason: z.string(),
  error: z.string(),
  attempts: z.number().int().nonnegative(),
  deadAt: z.string(),
  correlationId: z.string(),
  body: z.string(),
  bodyTruncated: z.boolean(),
});
export type DeadLetterView = z.infer<typeof DeadLetterView>;

/** GET /api/ops/dead-letters?service= (every service when omitted) */
export const DeadLetterQuery = z.object({ service: OpsServiceName.optional() });
export type DeadLetterQuery = z.input<typeof DeadLetterQuery>;

export const DeadLetterList = z.object({ items: z.array(DeadLetterView) });
export type DeadLetterList = z.infer<typeof DeadLetterList>;

/** POST /api/ops/dead-letters/replay: the chosen letters of one service, or all of them. */
export const ReplayDeadLettersRequest = z.strictObject({
  service: OpsServiceName,
  ids: z.array(z.string().min(1).max(200)).min(1).max(1_000).optional(),
});
export type ReplayDeadLettersRequest = z.input<typeof ReplayDeadLettersRequest>;

export const ReplayDeadLettersResponse = z.object({
  replayed: z.number().int().nonnegative(),
});
export type ReplayDeadLettersResponse = z.infer<typeof ReplayDeadLettersResponse>;
