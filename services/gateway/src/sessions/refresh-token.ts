import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: only its SHA-256 is stored. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Refresh tokens are looked up by their SHA-256: they carry 256 random bits, so a fast hash is
 * enough, and a guess cannot be steered towards a stored value.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
