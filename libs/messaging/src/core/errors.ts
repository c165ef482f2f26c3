/**
 * Thrown by a handler when retrying cannot help (for example the referenced record no longer
 * exists). The message goes straight to the dead-letter queue with this reason.
 */
export class PermanentMessageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentMessageError';
  }
}

/** An error raised by the service that answered a request, carried back to the caller. */
export class RemoteError extends Error {
  constructor(
    readonly rpc: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

/** No answer arrived in time: the service is down, overloaded or the request was lost. */
export class RpcTimeoutError extends Error {
  constructor(
    readonly rpc: string,
    readonly timeoutMs: number,
  ) {
    super(`No reply to ${rpc} within ${timeoutMs} ms`);
    this.name = 'RpcTimeoutError';
  }
}

/** The broker is not reachable right now; the caller may retry later. */
export class BrokerUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BrokerUnavailableError';
  }
}

/** A service declared that it handles messages it has no handler for (or the reverse). */
export class HandlerWiringError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`Service ${service} cannot start: ${problems.join('; ')}`);
    this.name = 'HandlerWiringError';
  }
}

/** Error code sent back for a request that failed validation or named an unknown RPC. */
export const INVALID_REQUEST = 'INVALID_REQUEST';
/** Error code sent back when the handler failed without a code of its own. */
export const INTERNAL_ERROR = 'INTERNAL';

/** Extracts a stable code from an error thrown by a handler, for the reply sent to the caller. */
export function errorCodeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    if (typeof code === 'string' && code.length > 0) {
      return code;
    }
  }
  return INTERNAL_ERROR;
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
