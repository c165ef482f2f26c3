import { chunkId } from './chunk-id';

describe(chunkId.name, () => {
  const documentId = '3f0f5a4e-7f39-4a59-9d8b-2c4f3c7d9e10';

  it('should return the same id when called again for the same chunk', () => {
    expect(chunkId(documentId, 2, 7)).toBe(chunkId(documentId, 2, 7));
  });

  it('should return different ids when generation or position differ', () => {
    const ids = new Set([
      chunkId(documentId, 1, 0),
      chunkId(documentId, 2, 0),
      chunkId(documentId, 1, 1),
    ]);

    expect(ids.size).toBe(3);
  });

  it('should be a version 5 RFC 4122 UUID', () => {
    expect(chunkId(documentId, 1, 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u,
    );
  });
});
