/** An error that tells the client when to try again (sent as `Retry-After`). */
export interface RetryAfter {
  readonly retryAfterSeconds: number;
}

export function hasRetryAfter(value: unknown): value is RetryAfter {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<RetryAfter>).retryAfterSeconds === 'number'
  );
}
