import { Inject, Injectable } from '@nestjs/common';

import type { DocumentQueued, EmbeddedChunk } from '@deskpilot/contracts';
import { KnowledgeEvent } from '@deskpilot/contracts';
import type { Embedder } from '@deskpilot/embeddings';
import { EmbeddingError } from '@deskpilot/embeddings';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';
import { ObjectNotFoundError, ObjectStore } from '@deskpilot/storage';
import type { Chunk, TextLanguage } from '@deskpilot/text';
import { chunkBlocks, detectLanguage } from '@deskpilot/text';

import { INGEST_CONFIG } from '../config/ingest-config.token';
import type { IngestConfig } from '../config/ingest.config';
import { DocumentsRepository } from '../documents/documents.repository';
import type { DocumentEntity } from '../documents/entities/document.entity';
import { EMBEDDER } from '../embedding/embedder.provider';
import { DocumentExtractor, assertSize } from '../extraction/document-extractor';
import { ExtractionErrorCode, ExtractionException } from '../extraction/extraction.exception';
import { chunkId } from './chunk-id';
import { ProgressReporter } from './progress.reporter';

/* Chunks enough for the opening of a few thousand words that tells a document's language. */
const OPENING_CHUNKS = 32;

/** The generation stopped being current while it was processed; the newer one takes over. */
class Superseded extends Error {}

/**
 * Turns one generation of a document into indexed chunks: reads the original from S3,
 * recognises and extracts it, chunks it along its headings, embeds the chunks in batches and
 * sends every batch to retrieval, then asks retrieval to make the generation searchable.
 *
 * Safe to run again for the same generation (after a crash, a redelivery or a resume): chunk
 * ids derive from document, generation and position, so retrieval stores nothing twice.
 */
@Injectable()
export class ProcessDocumentUseCase {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly extractor: DocumentExtractor,
    private readonly store: ObjectStore,
    private readonly progress: ProgressReporter,
    private readonly bus: MessageBus,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: DocumentQueued): Promise<void> {
    const document = await this.documents.findById(command.documentId);
    if (document?.generation !== command.generation) {
      this.logger.debug(command, 'Queued generation is no longer current; skipped');
      return;
    }
    try {
      await this.process(document);
    } catch (error) {
      if (error instanceof Superseded) {
        this.logger.info(command, 'Generation superseded while processing');
        return;
      }
      if (error instanceof ExtractionException) {
        await this.fail(document, error.message);
        return;
      }
      if (error instanceof EmbeddingError && !error.retryable) {
        await this.fail(document, `Embedding failed: ${error.message}`);
        return;
      }
      throw error;
    }
  }

  private async process(document: DocumentEntity): Promise<void> {
    await this.step(document, 'extracting', 0);
    const chunks = await this.extractAndChunk(document);
    const language = languageOf(document, chunks);
    for (let start = 0; start < chunks.length; start += this.config.embedBatch) {
      const batch = chunks.slice(start, start + this.config.embedBatch);
      const vectors = await this.embedder.embedDocuments(
        batch.map((chunk) => ({
          title: document.title,
          headings: chunk.headingPath,
          text: chunk.text,
        })),
      );
      const embedded: EmbeddedChunk[] = batch.map((chunk, i) => ({
        chunkId: chunkId(document.id, document.generation, chunk.index),
        index: chunk.index,
        headingPath: chunk.headingPath,
        text: chunk.text,
        tokenCount: chunk.tokenCount,
        embedding: Array.from(vectors[i] ?? []),
      }));
      await this.bus.publish(KnowledgeEvent.ChunksEmbedded, {
        ...this.indexHeader(document),
        chunks: embedded,
        language,
      });
      const done = start + batch.length;
      await this.step(
        document,
        'embedding',
        (100 * done) / chunks.length,
        `${done} of ${chunks.length} chunks embedded`,
      );
    }
    await this.bus.publish(KnowledgeEvent.DocumentEmbedded, {
      ...this.indexHeader(document),
      chunkCount: chunks.length,
    });
    this.logger.info(
      { documentId: document.id, generation: document.generation, chunks: chunks.length },
      'Document embedded; waiting for the index',
    );
  }

  private async extractAndChunk(document: DocumentEntity): Promise<Chunk[]> {
    const { limits, chunking } = this.config;
    assertSize(document.sizeBytes, limits.maxBytes);
    const bytes = await this.download(document);
    const extracted = await this.extractor.extract(
      bytes,
      { contentType: document.declaredContentType, filename: document.originalFilename },
      { maxBytes: limits.maxBytes, maxChars: limits.maxChars },
    );
    if (!document.titleGiven && extracted.title !== undefined) {
      document.title = extracted.title.slice(0, 300);
    }
    const chunks = chunkBlocks(extracted.blocks, { ...chunking, title: document.title });
    if (chunks.length === 0) {
      throw new ExtractionException(ExtractionErrorCode.NoText, 'The document contains no text.');
    }
    if (chunks.length > limits.maxChunks) {
      throw new ExtractionException(
        ExtractionErrorCode.TooLarge,
        `The document makes ${chunks.length} chunks; the limit is ${limits.maxChunks}.`,
      );
    }
    await this.step(document, 'embedding', 0, `${chunks.length} chunks to embed`, {
      detectedType: extracted.type,
      title: document.title,
    });
    return chunks;
  }

  private async download(document: DocumentEntity): Promise<Buffer> {
    try {
      return await this.store.get(document.s3Key);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        throw new ExtractionException(
          ExtractionErrorCode.Empty,
          'The uploaded file is missing from storage; upload it again.',
        );
      }
      throw error;
    }
  }

  private indexHeader(document: DocumentEntity) {
    return {
      documentId: document.id,
      generation: document.generation,
      version: document.version,
      documentTitle: document.title,
      embedder: { id: this.embedder.id, dimension: this.embedder.dimension },
    };
  }

  private async step(
    document: DocumentEntity,
    stage: 'extracting' | 'embedding',
    percent: number,
    message: string | null = null,
    change: Parameters<ProgressReporter['report']>[4] = {},
  ): Promise<void> {
    if (!(await this.progress.report(document, stage, percent, message, change))) {
      throw new Superseded();
    }
  }

  private async fail(document: DocumentEntity, reason: string): Promise<void> {
    this.logger.warn(
      { documentId: document.id, version: document.version, reason },
      'Document failed',
    );
    await this.progress.report(document, 'failed', 100, reason);
  }
}

/**
 * The language a document is searched in: the one an administrator set, else told from its title
 * and opening chunks (English when they do not say), so that a batch of configuration listings is
 * read like the prose around it.
 */
function languageOf(document: DocumentEntity, chunks: readonly Chunk[]): TextLanguage {
  if (document.language !== null) {
    return document.language;
  }
  const opening = chunks
    .slice(0, OPENING_CHUNKS)
    .flatMap((chunk) => [...chunk.headingPath, chunk.text]);
  return detectLanguage([document.title, ...opening].join('\n')) ?? 'english';
}
