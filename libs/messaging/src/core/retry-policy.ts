/** Bounded retries with increasing delays; after the last attempt a message is dead-lettered. */
export interface RetryPolicy {
  /** Total deliveries allowed, the first one included. */
  readonly maxAttempts: number;
  /** Delay before the retry that follows failed attempt n is `delaysMs[n - 1]` (last one repeats). */
  readonly delaysMs: readonly number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  delaysMs: [1_000, 5_000, 30_000, 120_000],
};

export function retryDelayMs(policy: RetryPolicy, failedAttempt: number): number {
  const index = Math.min(Math.max(failedAttempt, 1), policy.delaysMs.length) - 1;
  return policy.delaysMs[index] ?? 0;
}

/** The distinct delays, one retry queue per value on RabbitMQ. */
export function retryTiers(policy: RetryPolicy): number[] {
  return [...new Set(policy.delaysMs.slice(0, Math.max(policy.maxAttempts - 1, 0)))];
}
