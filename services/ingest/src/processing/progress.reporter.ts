import { Inject, Injectable } from '@nestjs/common';

import type { DocumentStatus } from '@deskpilot/contracts';
import { KnowledgeEvent } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { DocumentChange } from '../documents/documents.repository';
import { DocumentsRepository } from '../documents/documents.repository';

export interface GenerationRef {
  readonly id: string;
  readonly version: number;
  readonly generation: number;
}

/**
 * Records a document's stage and progress and tells every gateway replica about it. Progress
 * also proves the processing alive: a document without any for a while is started again.
 */
@Injectable()
export class ProgressReporter {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** False when the generation is no longer current (replaced, re-indexed or deleted). */
  async report(
    ref: GenerationRef,
    stage: DocumentStatus,
    percent: number,
    message: string | null = null,
    change: DocumentChange = {},
  ): Promise<boolean> {
    const progress = Math.max(0, Math.min(100, Math.round(percent)));
    const current = await this.documents.updateGeneration(ref.id, ref.generation, {
      ...change,
      status: stage,
      progress,
      ...(stage === 'failed' ? { failureReason: message } : {}),
    });
    if (current) {
      await this.announce(ref, stage, progress, message);
    }
    return current;
  }

  /** Publishes a progress event without recording anything. */
  async announce(
    ref: GenerationRef,
    stage: DocumentStatus,
    percent: number,
    message: string | null = null,
  ): Promise<void> {
    try {
      await this.bus.publish(KnowledgeEvent.Progress, {
        documentId: ref.id,
        version: ref.version,
        stage,
        percent,
        message,
        at: new Date().toISOString(),
      });
    } catch (error) {
      // Progress is informative: the record is already updated and the console reloads it.
      this.logger.warn({ documentId: ref.id, err: String(error) }, 'Progress event not sent');
    }
  }
}
