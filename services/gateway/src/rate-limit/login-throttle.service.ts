import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';

import type { RateLimit } from './rate-limiter.service';
import { RateLimiter } from './rate-limiter.service';

/** Sign-in attempts one client address may make per window (successes are given back). */
export const LOGIN_LIMIT_PER_IP: RateLimit = { limit: 20, windowMs: 15 * 60 * 1000 };
/**
 * Failed attempts per account name per window, whether or not the account exists, so the answer
 * does not tell which emails have accounts. Equal to the lockout threshold for the same reason.
 */
export const LOGIN_LIMIT_PER_ACCOUNT: RateLimit = { limit: 5, windowMs: 15 * 60 * 1000 };
/** Consecutive wrong passwords that lock an account, and for how long. */
export const LOCKOUT_THRESHOLD = LOGIN_LIMIT_PER_ACCOUNT.limit;
export const LOCKOUT_DURATION_MS = 15 * 60 * 1000;

export type LoginAdmission =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      readonly scope: 'ip' | 'account';
      readonly retryAfterSeconds: number;
    };

/** Brute-force limits on sign-in, per client address and per account name. */
@Injectable()
export class LoginThrottle {
  constructor(private readonly limiter: RateLimiter) {}

  async admit(ip: string | null, email: string): Promise<LoginAdmission> {
    const byIp = await this.limiter.consume(ipKey(ip), LOGIN_LIMIT_PER_IP);
    if (!byIp.allowed) {
      return { allowed: false, scope: 'ip', retryAfterSeconds: byIp.retryAfterSeconds };
    }
    const byAccount = await this.limiter.consume(accountKey(email), LOGIN_LIMIT_PER_ACCOUNT);
    if (!byAccount.allowed) {
      return { allowed: false, scope: 'account', retryAfterSeconds: byAccount.retryAfterSeconds };
    }
    return { allowed: true };
  }

  /** A successful sign-in: it does not count against the address, and clears the account. */
  async succeeded(ip: string | null, email: string): Promise<void> {
    await this.limiter.refund(ipKey(ip));
    await this.limiter.reset(accountKey(email));
  }

  /** Forgets the account's failures (an admin unlocked it, or its password was reset). */
  clearAccount(email: string): Promise<void> {
    return this.limiter.reset(accountKey(email));
  }
}

export function ipKey(ip: string | null): string {
  return `login:ip:${ip ?? 'unknown'}`;
}

/** Account names are hashed: the table should not collect what strangers typed. */
export function accountKey(email: string): string {
  return `login:account:${createHash('sha256').update(email.toLowerCase()).digest('hex')}`;
}
