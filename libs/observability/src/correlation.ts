import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface CorrelationContext {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

/** Header that carries the correlation id over HTTP and on bus messages. */
export const CORRELATION_HEADER = 'x-correlation-id';

const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function newCorrelationId(): string {
  return randomUUID();
}

/** Accepts an id from outside only if it is short and plain; otherwise starts a new one. */
export function acceptCorrelationId(candidate: unknown): string {
  return typeof candidate === 'string' && VALID_ID.test(candidate) ? candidate : newCorrelationId();
}

export function runWithCorrelation<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
