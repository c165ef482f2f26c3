import { HierarchicalNSW } from 'hnswlib-node';

import type { HnswSettings } from './hnsw-settings';

export interface VectorEntry {
  readonly chunkId: string;
  readonly documentId: string;
  readonly vector: Float32Array;
}

export interface VectorHit {
  readonly chunkId: string;
  readonly documentId: string;
  /** Inner product of the query and the chunk vector. */
  readonly score: number;
}

/** Labels and documents of an index, saved next to the hnswlib file in a snapshot. */
export interface VectorIndexLabels {
  readonly nextLabel: number;
  /** `[label, chunkId, documentId]` of every live entry. */
  readonly entries: readonly (readonly [number, string, string])[];
}

const INITIAL_CAPACITY = 1_024;
const SEED = 100;

/**
 * An in-memory HNSW index (hnswlib, inner-product space) of chunk vectors, addressed by chunk id.
 * Removed entries are marked deleted and their slots reused by later additions; the capacity
 * doubles when full (also needed before adding to an index read from a file).
 */
export class VectorIndex {
  private index: HierarchicalNSW;
  private readonly labelOf = new Map<string, number>();
  private readonly entryOf = new Map<number, { chunkId: string; documentId: string }>();
  private readonly labelsOfDocument = new Map<string, Set<number>>();
  private nextLabel = 0;

  constructor(
    readonly dimension: number,
    private readonly settings: HnswSettings,
    capacity = INITIAL_CAPACITY,
  ) {
    this.index = this.createIndex(capacity);
  }

  get size(): number {
    return this.labelOf.size;
  }

  has(chunkId: string): boolean {
    return this.labelOf.has(chunkId);
  }

  chunkIds(): IterableIterator<string> {
    return this.labelOf.keys();
  }

  chunkIdsOf(documentId: string): string[] {
    return [...(this.labelsOfDocument.get(documentId) ?? [])].map(
      (label) => this.entryOf.get(label)?.chunkId ?? '',
    );
  }

  /** Adds entries not yet present (a present chunk keeps its vector: chunks never change). */
  add(entries: readonly VectorEntry[]): void {
    const fresh = entries.filter((entry) => !this.labelOf.has(entry.chunkId));
    this.ensureCapacity(this.index.getCurrentCount() + fresh.length);
    for (const entry of fresh) {
      if (entry.vector.length !== this.dimension) {
        throw new RangeError(
          `vector of chunk ${entry.chunkId} has ${entry.vector.length} dimensions, expected ${this.dimension}`,
        );
      }
      const label = this.nextLabel;
      this.nextLabel += 1;
      this.index.addPoint(Array.from(entry.vector), label, true);
      this.remember(label, entry.chunkId, entry.documentId);
    }
  }

  remove(chunkIds: Iterable<string>): void {
    for (const chunkId of chunkIds) {
      const label = this.labelOf.get(chunkId);
      if (label === undefined) {
        continue;
      }
      this.index.markDelete(label);
      const entry = this.entryOf.get(label);
      this.labelOf.delete(chunkId);
      this.entryOf.delete(label);
      if (entry !== undefined) {
        const labels = this.labelsOfDocument.get(entry.documentId);
        labels?.delete(label);
        if (labels?.size === 0) {
          this.labelsOfDocument.delete(entry.documentId);
        }
      }
    }
  }

  removeDocument(documentId: string): void {
    this.remove(this.chunkIdsOf(documentId));
  }

  /**
   * The `k` nearest chunks by inner product, optionally only of some documents; `efSearch`
   * overrides the configured search breadth.
   */
  search(
    query: Float32Array,
    k: number,
    documentIds?: readonly string[],
    efSearch = this.settings.efSearch,
  ): VectorHit[] {
    if (this.size === 0 || k < 1) {
      return [];
    }
    const allowed = documentIds === undefined ? undefined : this.labelsIn(documentIds);
    if (allowed?.size === 0) {
      return [];
    }
    const limit = Math.min(k, allowed?.size ?? this.size);
    this.index.setEf(Math.max(efSearch, limit));
    const result =
      allowed === undefined
        ? this.index.searchKnn(Array.from(query), limit)
        : this.index.searchKnn(Array.from(query), limit, (label) => allowed.has(label));
    const hits: VectorHit[] = [];
    result.neighbors.forEach((label, i) => {
      const entry = this.entryOf.get(label);
      if (entry !== undefined) {
        hits.push({ ...entry, score: 1 - (result.distances[i] ?? 1) });
      }
    });
    return hits;
  }

  async write(file: string): Promise<VectorIndexLabels> {
    await this.index.writeIndex(file);
    return this.labels();
  }

  labels(): VectorIndexLabels {
    return {
      nextLabel: this.nextLabel,
      entries: [...this.entryOf].map(([label, e]) => [label, e.chunkId, e.documentId] as const),
    };
  }

  /** Replaces the contents with an index file and its labels, written by `write`. */
  async read(file: string, labels: VectorIndexLabels): Promise<void> {
    const index = new HierarchicalNSW('ip', this.dimension);
    await index.readIndex(file, true);
    // hnswlib refuses additions to a freshly read index until it is resized.
    index.resizeIndex(Math.max(index.getMaxElements(), index.getCurrentCount() + INITIAL_CAPACITY));
    index.setEf(this.settings.efSearch);
    this.index = index;
    this.labelOf.clear();
    this.entryOf.clear();
    this.labelsOfDocument.clear();
    for (const [label, chunkId, documentId] of labels.entries) {
      this.remember(label, chunkId, documentId);
    }
    this.nextLabel = labels.nextLabel;
  }

  private labelsIn(documentIds: readonly string[]): Set<number> {
    const labels = new Set<number>();
    for (const documentId of documentIds) {
      for (const label of this.labelsOfDocument.get(documentId) ?? []) {
        labels.add(label);
      }
    }
    return labels;
  }

  private remember(label: number, chunkId: string, documentId: string): void {
    this.labelOf.set(chunkId, label);
    this.entryOf.set(label, { chunkId, documentId });
    let labels = this.labelsOfDocument.get(documentId);
    if (labels === undefined) {
      labels = new Set();
      this.labelsOfDocument.set(documentId, labels);
    }
    labels.add(label);
  }

  private ensureCapacity(needed: number): void {
    const capacity = this.index.getMaxElements();
    if (needed > capacity) {
      this.index.resizeIndex(Math.max(needed, capacity * 2));
    }
  }

  private createIndex(capacity: number): HierarchicalNSW {
    const index = new HierarchicalNSW('ip', this.dimension);
    index.initIndex({
      maxElements: capacity,
      m: this.settings.m,
      efConstruction: this.settings.efConstruction,
      randomSeed: SEED,
      allowReplaceDeleted: true,
    });
    index.setEf(this.settings.efSearch);
    return index;
  }
}
