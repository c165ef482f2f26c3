import type { IndexStats } from '../chunks/chunk.repository';

/** An in-memory index of live chunks, addressed by chunk id. */
export interface MirroredIndex<T> {
  readonly size: number;
  chunkIds(): Iterable<string>;
  has(chunkId: string): boolean;
  add(entries: readonly T[]): void;
  remove(chunkIds: readonly string[]): void;
}

/** The chunk table as seen by one index: its live chunks' statistics, ids and entries. */
export interface MirrorSource<T> {
  stats(): Promise<IndexStats>;
  ids(): Promise<string[]>;
  byIds(ids: readonly string[]): Promise<T[]>;
}

const PAGE_SIZE = 2_000;

/**
 * Keeps an in-memory index in line with the chunk table: remembers the latest change it holds,
 * and when the table's count or latest change differs, removes what the table no longer has and
 * adds what the index misses.
 */
export class TableMirror<T extends { readonly changeSeq: bigint }> {
  private maxChangeSeq = 0n;

  constructor(
    private readonly index: MirroredIndex<T>,
    private readonly source: MirrorSource<T>,
  ) {}

  add(entries: readonly T[]): void {
    this.index.add(entries);
    for (const entry of entries) {
      this.seen(entry.changeSeq);
    }
  }

  /** The index holds the table's state up to `changeSeq` (a snapshot of it was loaded). */
  seen(changeSeq: bigint): void {
    if (changeSeq > this.maxChangeSeq) {
      this.maxChangeSeq = changeSeq;
    }
  }

  async reconcile(): Promise<{ added: number; removed: number }> {
    const stats = await this.source.stats();
    if (stats.count === this.index.size && stats.maxChangeSeq <= this.maxChangeSeq) {
      return { added: 0, removed: 0 };
    }
    const live = new Set(await this.source.ids());
    const extra = [...this.index.chunkIds()].filter((id) => !live.has(id));
    const missing = [...live].filter((id) => !this.index.has(id));
    this.index.remove(extra);
    for (let start = 0; start < missing.length; start += PAGE_SIZE) {
      this.add(await this.source.byIds(missing.slice(start, start + PAGE_SIZE)));
    }
    this.seen(stats.maxChangeSeq);
    return { added: missing.length, removed: extra.length };
  }
}
