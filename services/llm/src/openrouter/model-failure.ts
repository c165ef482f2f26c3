import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';

import type { AnswerFailure } from '@deskpilot/contracts';

import type { WatchdogReason } from './stream-watchdog';

function asApiError(error: unknown): APIError | undefined {
  return error instanceof APIError ? (error as APIError) : undefined;
}

/** Reads `Retry-After` (seconds or an HTTP date) from an SDK error's response headers. */
export function retryAfterSeconds(error: unknown): number | undefined {
  const value = asApiError(error)?.headers?.get('retry-after');
  if (value === null || value === undefined || value.trim().length === 0) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function innerMessage(error: APIError): string {
  const inner: unknown = error.error;
  return typeof inner === 'object' &&
    inner !== null &&
    'message' in inner &&
    typeof inner.message === 'string'
    ? inner.message
    : error.message;
}

/**
 * Maps what went wrong with a model call to the outcome the caller, the logs and the console
 * see. A mid-stream error arrives from the SDK as an `APIError` without a status.
 */
export function classifyModelError(error: unknown): AnswerFailure {
  if (error instanceof APIConnectionTimeoutError) {
    return {
      reason: 'connection_error',
      message: 'OpenRouter did not answer in time',
      retryable: true,
    };
  }
  if (error instanceof APIConnectionError) {
    return {
      reason: 'connection_error',
      message: `Cannot reach OpenRouter: ${error.message}`,
      retryable: true,
    };
  }
  const apiError = asApiError(error);
  if (apiError === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    return { reason: 'internal', message, retryable: true };
  }
  const message = innerMessage(apiError);
  const retryAfter = retryAfterSeconds(apiError);
  const withRetry = retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter };
  const status = apiError.status;
  if (status === undefined) {
    return {
      reason: 'midstream_error',
      message: `The model failed mid-answer: ${message}`,
      retryable: true,
    };
  }
  if (status === 401) {
    return {
      reason: 'unauthorized',
      message: `OpenRouter refused the API key: ${message}`,
      retryable: false,
    };
  }
  if (status === 402) {
    return {
      reason: 'payment_required',
      message: `OpenRouter credits are exhausted: ${message}`,
      retryable: false,
    };
  }
  if (status === 429) {
    return {
      reason: 'rate_limited',
      message: `Rate limited: ${message}`,
      retryable: true,
      ...withRetry,
    };
  }
  if (status === 403) {
    return { reason: 'refused', message: `The request was refused: ${message}`, retryable: false };
  }
  if (status === 408 || status >= 500) {
    return {
      reason: 'provider_error',
      message: `The model provider failed (${status}): ${message}`,
      retryable: true,
      ...withRetry,
    };
  }
  return {
    reason: 'bad_request',
    message: `OpenRouter rejected the request (${status}): ${message}`,
    retryable: false,
  };
}

export function watchdogFailure(reason: WatchdogReason, ms: number): AnswerFailure {
  return reason === 'first_token_timeout'
    ? { reason, message: `No answer from the model within ${ms} ms`, retryable: true }
    : { reason, message: `The model stopped sending for ${ms} ms mid-answer`, retryable: true };
}

/** Failures worth another attempt before any token was shown. */
export function isRetryableBeforeOutput(failure: AnswerFailure): boolean {
  return ['rate_limited', 'provider_error', 'connection_error'].includes(failure.reason);
}
