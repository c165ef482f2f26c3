import { randomUUID } from 'node:crypto';

/** Metadata carried with every message, whatever the transport. */
export interface MessageMeta {
  readonly id: string;
  readonly name: string;
  readonly correlationId: string;
  readonly publishedBy: string;
  readonly occurredAt: string;
  /** Delivery attempt, starting at 1. */
  readonly attempt: number;
  /**
   * How an event reached its handler: from the service's shared work queue (one replica handles
   * it, and it waits there while no replica runs) or from the replica's own broadcast queue.
   * Known from the queue consumed, never sent on the wire; absent on outgoing messages and requests.
   */
  readonly delivery?: Delivery;
}

export type Delivery = 'shared' | 'broadcast';

export const Header = {
  CorrelationId: 'x-correlation-id',
  Attempt: 'x-attempt',
  PublishedBy: 'x-published-by',
  OccurredAt: 'x-occurred-at',
  OriginalQueue: 'x-original-queue',
  DeadReason: 'x-dead-reason',
  DeadError: 'x-dead-error',
  DeadAt: 'x-dead-at',
  Reply: 'x-reply',
} as const;

export type ReplyKind = 'next' | 'error' | 'complete';

export function newMeta(name: string, correlationId: string, publishedBy: string): MessageMeta {
  return {
    id: randomUUID(),
    name,
    correlationId,
    publishedBy,
    occurredAt: new Date().toISOString(),
    attempt: 1,
  };
}

export function encodeBody(payload: unknown): Buffer {
  return Buffer.from(JSON.stringify(payload ?? null));
}

export type Decoded = { ok: true; value: unknown } | { ok: false; reason: string };

export function decodeBody(body: Buffer): Decoded {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch (error) {
    return { ok: false, reason: `body is not JSON (${(error as Error).message})` };
  }
}

export interface ErrorReply {
  readonly code: string;
  readonly message: string;
}

/** Reads a header as text; RabbitMQ may hand back strings, numbers or buffers. */
export function headerText(headers: unknown, key: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) {
    return undefined;
  }
  const value: unknown = (headers as Record<string, unknown>)[key];
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    return value.toString();
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('utf8');
  }
  return undefined;
}
