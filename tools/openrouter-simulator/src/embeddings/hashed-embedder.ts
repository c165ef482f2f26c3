import { hashString, termsOf } from '../text/terms';

/**
 * Deterministic embeddings without a model: every content word (and each pair of neighbouring
 * words) is hashed to a signed position of the vector, which is then L2-normalised. Texts that
 * share words get a positive cosine similarity, so retrieval built on them behaves sensibly.
 */
export function embedText(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const terms = termsOf(text);
  const features = [...terms, ...terms.slice(1).map((term, index) => `${terms[index]}_${term}`)];
  for (const feature of features) {
    const hash = hashString(feature);
    const position = hash % dimensions;
    const sign = (hashString(feature, 0x9e3779b9) & 1) === 0 ? 1 : -1;
    vector[position] = (vector[position] ?? 0) + sign;
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  if (norm === 0) {
    // A text without content words still gets a valid unit vector.
    vector[hashString(text) % dimensions] = 1;
    return vector;
  }
  return vector.map((value) => value / norm);
}

/** OpenAI's base64 encoding: the vector as little-endian float32 bytes. */
export function toBase64(vector: readonly number[]): string {
  const floats = Float32Array.from(vector);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
}

export function fromBase64(encoded: string): number[] {
  const bytes = Buffer.from(encoded, 'base64');
  const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return [...floats];
}
