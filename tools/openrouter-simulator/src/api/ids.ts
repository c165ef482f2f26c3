import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let token = '';
  for (const byte of bytes) {
    token += ALPHABET[byte % ALPHABET.length] ?? 'A';
  }
  return token;
}

/** An id shaped like OpenRouter's: `gen-<unix seconds>-<20 characters>`. */
export function newGenerationId(createdSeconds: number): string {
  return `gen-${createdSeconds}-${randomToken(20)}`;
}

export function unixSeconds(now = Date.now()): number {
  return Math.floor(now / 1000);
}
