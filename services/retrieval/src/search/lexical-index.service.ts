import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { HealthRegistry, LOGGER } from '@deskpilot/runtime';
import type { TextLanguage } from '@deskpilot/text';

import { ChunkRepository } from '../chunks/chunk.repository';
import type { StoredTerms } from '../chunks/chunk.repository';
import { PeriodicCheck } from '../common/periodic-check';
import { TableMirror } from '../common/table-mirror';
import { RETRIEVAL_CONFIG } from '../config/retrieval-config.token';
import type { RetrievalConfig } from '../config/retrieval.config';
import type { LexicalSearchOptions } from './lexical-index';
import { LexicalIndex } from './lexical-index';
import type { LexicalQuery } from './lexical-query';
import type { Ranked } from './rank-fusion';

/**
 * This replica's in-memory full-text index of the live chunks, built from the chunks' stored
 * `tsvector`s at start, kept in sync by the index events and checked against the table
 * periodically, like the vector index.
 */
@Injectable()
export class LexicalIndexService implements OnModuleInit, OnApplicationShutdown {
  private readonly index = new LexicalIndex();
  private readonly mirror: TableMirror<StoredTerms>;
  private readonly check = new PeriodicCheck(
    () => this.reconcileNow(),
    (error) => {
      this.logger.warn({ err: String(error) }, 'Full-text index check failed');
    },
  );
  /* Syncs of one document run one after another, so an older read never lands last. */
  private readonly syncs = new Map<string, Promise<void>>();

  constructor(
    private readonly chunks: ChunkRepository,
    @Inject(RETRIEVAL_CONFIG) private readonly config: RetrievalConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly health: HealthRegistry,
  ) {
    this.mirror = new TableMirror<StoredTerms>(this.index, {
      stats: () => chunks.liveStats(),
      ids: () => chunks.liveIds(),
      byIds: (ids) => chunks.liveTermsByIds(ids),
    });
  }

  get size(): number {
    return this.index.size;
  }

  get averageTokens(): number {
    return this.index.averageTokens;
  }

  documentFrequency(lexeme: string): number {
    return this.index.documentFrequency(lexeme);
  }

  /** The languages the live chunks are analysed in. */
  languages(): TextLanguage[] {
    return this.index.languages();
  }

  /** The languages the live chunks are analysed in with their chunks, most chunks first. */
  languagesByChunks(): { language: TextLanguage; chunks: number }[] {
    return this.index.languagesByChunks();
  }

  /** The indexed lexeme that `lexeme`, found in no live chunk, most likely misspells. */
  correction(lexeme: string): string | undefined {
    return this.index.correction(lexeme);
  }

  search(query: LexicalQuery, options: LexicalSearchOptions): Ranked[] {
    return this.index.search(query, options);
  }

  async onModuleInit(): Promise<void> {
    const started = performance.now();
    for await (const page of this.chunks.liveTermPages()) {
      this.mirror.add(page);
    }
    this.logger.info(
      { chunks: this.index.size, ms: Math.round(performance.now() - started) },
      'Full-text index built from the chunk table',
    );
    this.health.register({
      name: 'lexical-index',
      check: () => Promise.resolve({ status: 'up', detail: `${this.index.size} chunks` }),
    });
    this.check.start(this.config.reconcileSeconds);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.check.stop();
  }

  /** Makes the index hold exactly the document's live chunks. */
  syncDocument(documentId: string): Promise<void> {
    const previous = this.syncs.get(documentId) ?? Promise.resolve();
    const sync = previous
      .catch(() => undefined)
      .then(async () => {
        const chunks = await this.chunks.liveTermsOf(documentId);
        const keep = new Set(chunks.map((chunk) => chunk.id));
        this.index.remove(this.index.chunkIdsOf(documentId).filter((id) => !keep.has(id)));
        this.mirror.add(chunks);
      })
      .finally(() => {
        if (this.syncs.get(documentId) === sync) {
          this.syncs.delete(documentId);
        }
      });
    this.syncs.set(documentId, sync);
    return sync;
  }

  removeDocument(documentId: string): void {
    this.index.removeDocument(documentId);
  }

  /** Brings the index in line with the table when their states differ. */
  reconcile(): Promise<void> {
    return this.check.run();
  }

  private async reconcileNow(): Promise<void> {
    const { added, removed } = await this.mirror.reconcile();
    if (added > 0 || removed > 0) {
      this.logger.info({ added, removed }, 'Full-text index reconciled');
    }
  }
}
