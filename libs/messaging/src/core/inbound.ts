import type { MessageCatalog } from './broker';
import { PermanentMessageError, errorMessageOf } from './errors';
import type { RetryPolicy } from './retry-policy';
import { retryDelayMs } from './retry-policy';
import type { Decoded } from './wire';

export type EventOutcome =
  | { readonly kind: 'ack' }
  | { readonly kind: 'retry'; readonly delayMs: number; readonly error: string }
  | { readonly kind: 'dead'; readonly reason: string; readonly error: string };

export type Validated = { ok: true; payload: unknown } | { ok: false; reason: string };

/** Checks an incoming event or request body against the catalog entry for its name. */
export function validateInbound(
  catalog: MessageCatalog,
  name: string,
  decoded: Decoded,
  expected: 'event' | 'request',
): Validated {
  if (!decoded.ok) {
    return { ok: false, reason: `malformed message: ${decoded.reason}` };
  }
  const definition = catalog[name];
  if (definition === undefined) {
    return { ok: false, reason: `unknown message name ${JSON.stringify(name)}` };
  }
  const schema =
    expected === 'event'
      ? definition.kind === 'event'
        ? definition.schema
        : undefined
      : definition.kind === 'event'
        ? undefined
        : definition.request;
  if (schema === undefined) {
    return { ok: false, reason: `${name} is not an ${expected}` };
  }
  const result = schema.safeParse(decoded.value);
  if (!result.success) {
    const issues = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, reason: `invalid payload for ${name}: ${issues}` };
  }
  return { ok: true, payload: result.data };
}

/** Decides what happens to an event after its handler ran (or failed) on the given attempt. */
export async function runEventHandler(
  policy: RetryPolicy,
  attempt: number,
  handler: () => Promise<void>,
): Promise<EventOutcome> {
  try {
    await handler();
    return { kind: 'ack' };
  } catch (error) {
    const message = errorMessageOf(error);
    if (error instanceof PermanentMessageError) {
      return { kind: 'dead', reason: 'rejected by handler', error: message };
    }
    if (attempt >= policy.maxAttempts) {
      return { kind: 'dead', reason: `failed after ${attempt} attempts`, error: message };
    }
    return { kind: 'retry', delayMs: retryDelayMs(policy, attempt), error: message };
  }
}
