import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Embedder } from '@deskpilot/embeddings';
import type { Logger } from '@deskpilot/observability';
import { HealthRegistry, LOGGER } from '@deskpilot/runtime';

import { ChunkRepository } from '../chunks/chunk.repository';
import type { IndexStats, StoredVector } from '../chunks/chunk.repository';
import { PeriodicCheck } from '../common/periodic-check';
import { TableMirror } from '../common/table-mirror';
import { RETRIEVAL_CONFIG } from '../config/retrieval-config.token';
import type { RetrievalConfig } from '../config/retrieval.config';
import { EMBEDDER } from '../embedding/embedder.provider';
import { IndexSnapshot } from './index-snapshot';
import type { VectorHit } from './vector-index';
import { VectorIndex } from './vector-index';

/**
 * This replica's HNSW index of the live chunks made by the configured embedder. Built from the
 * table at start (or loaded from a snapshot taken of the same table state), kept in sync by the
 * index events, checked against the table periodically, and saved at shutdown.
 */
@Injectable()
export class VectorIndexService implements OnModuleInit, OnApplicationShutdown {
  private readonly index: VectorIndex;
  private readonly snapshot: IndexSnapshot;
  private readonly mirror: TableMirror<StoredVector>;
  private readonly check = new PeriodicCheck(
    () => this.reconcileNow(),
    (error) => {
      this.logger.warn({ err: String(error) }, 'Vector index check failed');
    },
  );

  constructor(
    private readonly chunks: ChunkRepository,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    @Inject(RETRIEVAL_CONFIG) private readonly config: RetrievalConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly health: HealthRegistry,
  ) {
    this.index = new VectorIndex(embedder.dimension, config.hnsw);
    this.snapshot = new IndexSnapshot(config.snapshotDir, embedder.id);
    this.mirror = new TableMirror<StoredVector>(this.index, {
      stats: () => chunks.liveStats(embedder.id),
      ids: () => chunks.liveIds(embedder.id),
      byIds: (ids) => chunks.liveVectorsByIds(ids),
    });
  }

  get size(): number {
    return this.index.size;
  }

  async onModuleInit(): Promise<void> {
    await this.load();
    this.health.register({
      name: 'vector-index',
      check: () =>
        Promise.resolve({
          status: 'up',
          detail: `${this.index.size} vectors, ${this.embedder.id}`,
        }),
    });
    this.check.start(this.config.reconcileSeconds);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.check.stop();
    await this.save().catch((error: unknown) => {
      this.logger.warn({ err: String(error) }, 'Could not save the vector index snapshot');
    });
  }

  search(
    query: Float32Array,
    k: number,
    documentIds?: readonly string[],
    efSearch?: number,
  ): VectorHit[] {
    return this.index.search(query, k, documentIds, efSearch);
  }

  /** Makes the index hold exactly the document's live vectors of this embedder. */
  async syncDocument(documentId: string): Promise<void> {
    const vectors = await this.chunks.liveVectorsOf(documentId, this.embedder.id);
    const keep = new Set(vectors.map((v) => v.chunkId));
    this.index.remove(this.index.chunkIdsOf(documentId).filter((id) => !keep.has(id)));
    this.mirror.add(vectors);
  }

  removeDocument(documentId: string): void {
    this.index.removeDocument(documentId);
  }

  /** Every live vector of this embedder, read from the table (exact search in measurements). */
  async allVectors(): Promise<StoredVector[]> {
    const vectors: StoredVector[] = [];
    for await (const page of this.chunks.liveVectorPages(this.embedder.id)) {
      vectors.push(...page);
    }
    return vectors;
  }

  /** Brings the index in line with the table when their states differ. */
  reconcile(): Promise<void> {
    return this.check.run();
  }

  /** Writes a snapshot of the current state. */
  async save(): Promise<void> {
    const stats = await this.chunks.liveStats(this.embedder.id);
    if (stats.count !== this.index.size || stats.count === 0) {
      return;
    }
    await this.snapshot.save(this.index, this.meta(stats));
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const stats = await this.chunks.liveStats(this.embedder.id);
    if (stats.count > 0 && (await this.snapshot.loadInto(this.index, this.meta(stats)))) {
      this.mirror.seen(stats.maxChangeSeq);
      this.logger.info(
        { vectors: this.index.size, ms: Math.round(performance.now() - started) },
        'Vector index loaded from snapshot',
      );
      return;
    }
    await this.rebuild();
    this.logger.info(
      { vectors: this.index.size, ms: Math.round(performance.now() - started) },
      'Vector index built from the chunk table',
    );
    const foreign = await this.chunks.countForeignLive(this.embedder.id);
    if (foreign > 0) {
      this.logger.warn(
        { chunks: foreign, embedder: this.embedder.id },
        'Chunks embedded by another embedder are searchable by text only until re-indexed',
      );
    }
    if (this.index.size > 0) {
      void this.save().catch((error: unknown) => {
        this.logger.warn({ err: String(error) }, 'Could not save the vector index snapshot');
      });
    }
  }

  private async rebuild(): Promise<void> {
    for await (const page of this.chunks.liveVectorPages(this.embedder.id)) {
      this.mirror.add(page);
    }
  }

  private async reconcileNow(): Promise<void> {
    const { added, removed } = await this.mirror.reconcile();
    if (added > 0 || removed > 0) {
      this.logger.info({ added, removed }, 'Vector index reconciled');
    }
  }

  private meta(stats: IndexStats) {
    return {
      embedderId: this.embedder.id,
      dimension: this.embedder.dimension,
      count: stats.count,
      maxChangeSeq: stats.maxChangeSeq.toString(),
    };
  }
}
