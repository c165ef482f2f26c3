import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { VectorIndex } from './vector-index';

const settings = { m: 8, efConstruction: 50, efSearch: 50 };
const unit = (...values: number[]) => Float32Array.from(values);

describe(VectorIndex.name, () => {
  let sut: VectorIndex;

  beforeEach(() => {
    sut = new VectorIndex(3, settings, 2);
    sut.add([
      { chunkId: 'a', documentId: 'd1', vector: unit(1, 0, 0) },
      { chunkId: 'b', documentId: 'd1', vector: unit(0, 1, 0) },
      { chunkId: 'c', documentId: 'd2', vector: unit(0, 0, 1) },
    ]);
  });

  describe('search', () => {
    it('should return the nearest chunk by inner product first when queried', () => {
      const hits = sut.search(unit(0.1, 0.9, 0), 3);

      expect(hits[0]).toMatchObject({ chunkId: 'b', documentId: 'd1' });
      expect(hits[0]?.score).toBeCloseTo(0.9, 5);
      expect(hits).toHaveLength(3);
    });

    it('should only return chunks of the given documents when filtered', () => {
      const hits = sut.search(unit(0, 0, 1), 3, ['d1']);

      expect(hits.map((h) => h.chunkId).sort()).toEqual(['a', 'b']);
    });

    it('should return nothing when the filter names unknown documents', () => {
      expect(sut.search(unit(1, 0, 0), 3, ['nope'])).toEqual([]);
    });
  });

  describe('remove', () => {
    it('should stop returning removed chunks and reuse their slots when more are added', () => {
      sut.removeDocument('d1');
      sut.add([{ chunkId: 'e', documentId: 'd3', vector: unit(1, 0, 0) }]);

      expect(sut.search(unit(1, 0, 0), 5).map((h) => h.chunkId)).toEqual(['e', 'c']);
      expect(sut.size).toBe(2);
    });
  });

  describe('add', () => {
    it('should keep one entry when a chunk is added twice', () => {
      sut.add([{ chunkId: 'a', documentId: 'd1', vector: unit(1, 0, 0) }]);

      expect(sut.size).toBe(3);
    });

    it('should throw when a vector has the wrong dimension', () => {
      expect(() => {
        sut.add([{ chunkId: 'x', documentId: 'd', vector: unit(1, 0) }]);
      }).toThrow(RangeError);
    });
  });

  describe('write', () => {
    it('should restore the same answers and accept additions when read back', async () => {
      const directory = await mkdtemp(join(tmpdir(), 'vector-index-'));
      try {
        const file = join(directory, 'index.hnsw');
        const labels = await sut.write(file);
        const restored = new VectorIndex(3, settings);

        await restored.read(file, labels);
        restored.add([{ chunkId: 'f', documentId: 'd4', vector: unit(0.5, 0.5, 0) }]);

        expect(restored.search(unit(0, 0, 1), 1)[0]?.chunkId).toBe('c');
        expect(restored.size).toBe(4);
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    });
  });
});
