import { createHash } from 'node:crypto';

/* Namespace of Deskpilot chunk ids (a random UUID fixed once). */
const NAMESPACE = Buffer.from('6f1c2d0e8a4b4f52b6c1d5e3a9f07b21', 'hex');

/**
 * The id of a chunk: a name-based (version 5) UUID of document, generation and position, so
 * processing the same generation again yields the same ids and stores nothing twice.
 */
export function chunkId(documentId: string, generation: number, index: number): string {
  const hash = createHash('sha1')
    .update(NAMESPACE)
    .update(`${documentId}/${generation}/${index}`)
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
