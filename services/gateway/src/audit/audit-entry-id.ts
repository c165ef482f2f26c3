import { createHash } from 'node:crypto';

/** Name-based (version 5) UUID namespace of audit entries that may be reported more than once. */
const NAMESPACE = Buffer.from('4a1d9b0e7c3f4e2a9b5d6c8e0f1a2b3c', 'hex');

/**
 * The id of the audit entry for `key`: the same key always gives the same id (an RFC 9562
 * version 5 UUID), so a fact reported twice is stored once.
 */
export function auditEntryIdFor(key: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(key).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
