import { APIConnectionError, APIError } from 'openai';

import { classifyModelError } from './model-failure';

function apiError(
  status: number | undefined,
  message: string,
  headers: Record<string, string> = {},
): APIError {
  return status === undefined
    ? new APIError(undefined, { message, code: 502 }, message, undefined)
    : APIError.generate(
        status,
        { error: { message, code: status } },
        message,
        new Headers(headers),
      );
}

describe(classifyModelError.name, () => {
  it.each([
    [401, 'unauthorized', false],
    [402, 'payment_required', false],
    [403, 'refused', false],
    [400, 'bad_request', false],
    [502, 'provider_error', true],
    [503, 'provider_error', true],
  ])('should map HTTP %s to %s', (status, reason, retryable) => {
    expect(classifyModelError(apiError(status, 'boom'))).toMatchObject({ reason, retryable });
  });

  it('should keep the Retry-After of a 429', () => {
    expect(
      classifyModelError(apiError(429, 'Rate limit exceeded', { 'retry-after': '7' })),
    ).toEqual({
      reason: 'rate_limited',
      message: 'Rate limited: Rate limit exceeded',
      retryable: true,
      retryAfterSeconds: 7,
    });
  });

  it('should recognise a mid-stream error event (an APIError without status)', () => {
    expect(classifyModelError(apiError(undefined, 'Provider returned error'))).toMatchObject({
      reason: 'midstream_error',
    });
  });

  it('should treat a lost connection as retryable', () => {
    expect(classifyModelError(new APIConnectionError({ message: 'socket hang up' }))).toMatchObject(
      {
        reason: 'connection_error',
        retryable: true,
      },
    );
  });
});
