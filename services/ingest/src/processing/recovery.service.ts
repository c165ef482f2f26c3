import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import { KnowledgeEvent } from '@deskpilot/contracts';
import type { Embedder } from '@deskpilot/embeddings';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { INGEST_CONFIG } from '../config/ingest-config.token';
import type { IngestConfig } from '../config/ingest.config';
import type { QueuedGeneration } from '../documents/documents.repository';
import { DocumentsRepository } from '../documents/documents.repository';
import { EMBEDDER } from '../embedding/embedder.provider';

/**
 * Keeps ingestion moving without an operator: documents whose processing stalled (a worker died
 * with the message, or the embedded bus lost it in a restart) are queued again, and at start
 * documents embedded by another embedder than the configured one are re-embedded, so vectors of
 * two embedders never mix.
 */
@Injectable()
export class RecoveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly documents: DocumentsRepository,
    private readonly bus: MessageBus,
    @Inject(EMBEDDER) private readonly embedder: Embedder,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stale = await this.documents.startGenerationsNotEmbeddedBy(this.embedder.id);
    if (stale.length > 0) {
      this.logger.info(
        { documents: stale.length, embedder: this.embedder.id },
        'Embedder changed: re-embedding documents',
      );
      await this.queue(stale);
    }
    const interval = Math.max(1_000, (this.config.resumeAfterSeconds * 1_000) / 4);
    this.timer = setInterval(() => {
      void this.resumeStalled().catch((error: unknown) => {
        this.logger.warn({ err: String(error) }, 'Could not check for stalled documents');
      });
    }, interval);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async resumeStalled(): Promise<number> {
    const before = new Date(Date.now() - this.config.resumeAfterSeconds * 1_000);
    const stalled = await this.documents.claimStalled(before);
    if (stalled.length > 0) {
      this.logger.warn({ documents: stalled.map((d) => d.id) }, 'Resuming stalled documents');
      await this.queue(stalled);
    }
    return stalled.length;
  }

  private async queue(documents: readonly QueuedGeneration[]): Promise<void> {
    for (const { id, generation } of documents) {
      await this.bus.publish(KnowledgeEvent.Queued, { documentId: id, generation });
    }
  }
}
