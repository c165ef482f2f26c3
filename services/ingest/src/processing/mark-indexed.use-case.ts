import { Inject, Injectable } from '@nestjs/common';

import type { DocumentIndexed } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';
import { ObjectStore } from '@deskpilot/storage';

import { DocumentsRepository } from '../documents/documents.repository';
import { ProgressReporter } from './progress.reporter';

/**
 * A retrieval replica made a generation searchable: the document is indexed, and the originals
 * of the versions it replaced can go. Every replica reports; the first one counts.
 */
@Injectable()
export class MarkIndexedUseCase {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly progress: ProgressReporter,
    private readonly store: ObjectStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(event: DocumentIndexed): Promise<void> {
    const document = await this.documents.findById(event.documentId);
    if (document?.generation !== event.generation || document.status === 'indexed') {
      return;
    }
    for (const key of document.staleS3Keys) {
      await this.store.delete(key);
    }
    const recorded = await this.progress.report(document, 'indexed', 100, null, {
      chunkCount: event.chunkCount,
      indexedVersion: document.version,
      indexedGeneration: event.generation,
      embedderId: event.embedder,
      indexedAt: new Date(),
      failureReason: null,
      staleS3Keys: [],
    });
    if (recorded) {
      this.logger.info(
        { documentId: document.id, version: document.version, chunks: event.chunkCount },
        'Document indexed',
      );
    }
  }
}
