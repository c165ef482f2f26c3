import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is calling, as far as the request has established it. */
export interface RequestActor {
  readonly id: string;
  readonly email: string;
}

/**
 * What is known about the HTTP request being served: filled by the request-context middleware,
 * completed with the actor once the access guard has authenticated the caller. The audit log
 * reads it so a feature records an event with one call.
 */
export interface RequestScope {
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly correlationId: string;
  actor: RequestActor | null;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Runs `fn` as work of its own: what it records is not the current request's caller's doing. */
export function outsideRequestScope<T>(fn: () => T): T {
  return storage.exit(fn);
}
