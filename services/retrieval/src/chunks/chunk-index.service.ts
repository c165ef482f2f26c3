import { Inject, Injectable } from '@nestjs/common';

import type { ChunksEmbedded, DocumentEmbedded, DocumentRemoved } from '@deskpilot/contracts';
import { KnowledgeEvent } from '@deskpilot/contracts';
import type { Embedder } from '@deskpilot/embeddings';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { EMBEDDER } from '../embedding/embedder.provider';
import { LexicalIndexService } from '../search/lexical-index.service';
import { VectorIndexService } from '../vector-index/vector-index.service';
import { ChunkIndexErrorCode, ChunkIndexException } from './chunk-index.exception';
import { ChunkRepository } from './chunk.repository';

/**
 * Applies ingest's index events to the chunk table and to this replica's vector and full-text
 * indexes. Each event reaches the shared work queue and every replica; all handlers are
 * idempotent.
 */
@Injectable()
export class ChunkIndexService {
  private readonly warnedEmbedders = new Set<string>();

  constructor(
    private readonly chunks: ChunkRepository,
    private readonly vectors: VectorIndexService,
    private readonly lexical: LexicalIndexService,
    private readonly bus: MessageBus,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async storeBatch(batch: ChunksEmbedded): Promise<void> {
    if (batch.embedder.id !== this.embedder.id && !this.warnedEmbedders.has(batch.embedder.id)) {
      this.warnedEmbedders.add(batch.embedder.id);
      this.logger.warn(
        { received: batch.embedder.id, configured: this.embedder.id },
        'Chunks were embedded by another embedder than this replica uses; they are searchable by text only',
      );
    }
    const state = await this.chunks.storeBatch(batch);
    if (state !== 'applied') {
      this.logger.debug({ documentId: batch.documentId, state }, 'Chunk batch skipped');
    }
  }

  async commit(event: DocumentEmbedded): Promise<void> {
    const result = await this.chunks.commitGeneration(event);
    if (result.state === 'incomplete') {
      throw new ChunkIndexException(
        ChunkIndexErrorCode.GenerationIncomplete,
        `Generation ${event.generation} of ${event.documentId} has ${result.stored} of ${event.chunkCount} chunks`,
      );
    }
    if (result.state === 'removed') {
      this.vectors.removeDocument(event.documentId);
      this.lexical.removeDocument(event.documentId);
      return;
    }
    await Promise.all([
      this.vectors.syncDocument(event.documentId),
      this.lexical.syncDocument(event.documentId),
    ]);
    if (result.activeGeneration === event.generation) {
      await this.bus.publish(KnowledgeEvent.DocumentIndexed, {
        documentId: event.documentId,
        generation: event.generation,
        chunkCount: event.chunkCount,
        embedder: event.embedder.id,
      });
    }
  }

  async remove(event: DocumentRemoved): Promise<void> {
    await this.chunks.removeDocument(event.documentId);
    this.vectors.removeDocument(event.documentId);
    this.lexical.removeDocument(event.documentId);
  }
}
