import { Injectable } from '@nestjs/common';

import { RateLimitRepository } from './rate-limit.repository';

export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Counts attempts per key within a window; counts live in PostgreSQL, so the limits hold across
 * gateway replicas. A hit is counted before the attempt runs, so parallel attempts cannot slip
 * past the limit; `refund` gives it back when the attempt should not count (a success).
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly counters: RateLimitRepository) {}

  async consume(key: string, rule: RateLimit): Promise<RateDecision> {
    const { hits, windowEndsAt } = await this.counters.hit(key, rule.windowMs);
    if (hits <= rule.limit) {
      return { allowed: true };
    }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((windowEndsAt.getTime() - Date.now()) / 1000)),
    };
  }

  refund(key: string): Promise<void> {
    return this.counters.refund(key);
  }

  reset(key: string): Promise<void> {
    return this.counters.reset(key);
  }
}
