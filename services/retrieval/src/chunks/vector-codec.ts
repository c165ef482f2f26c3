/** Embeddings are stored as little-endian float32 bytes: 4 bytes per dimension. */
export function vectorToBytes(vector: ArrayLike<number>): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i += 1) {
    bytes.writeFloatLE(vector[i] ?? 0, i * 4);
  }
  return bytes;
}

export function bytesToVector(bytes: Buffer): Float32Array {
  const vector = new Float32Array(bytes.length / 4);
  for (let i = 0; i < vector.length; i += 1) {
    vector[i] = bytes.readFloatLE(i * 4);
  }
  return vector;
}
