import { Inject, Injectable } from '@nestjs/common';

import type { DraftFailed, DraftGenerated } from '@deskpilot/contracts';
import { PermanentMessageError } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { DraftEventsPublisher } from './draft-events.publisher';
import { MAX_DRAFT_REQUESTS, recoveryAt, retryAt } from './draft-schedule';
import { DraftsRepository } from './drafts.repository';
import type { Draft } from './entities/draft.entity';

/**
 * Stores what the drafter sent back. Idempotent: a redelivered result finds the draft no longer
 * pending and changes nothing. A draft that failed becomes ready when a later request of it
 * succeeds; a result for a draft that went stale meanwhile is kept for reference without
 * reviving the draft.
 */
@Injectable()
export class DraftResultsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly events: DraftEventsPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async generated(result: DraftGenerated): Promise<void> {
    const draft = await this.draftFor(result.draftId, result.ticketId);
    if (draft.aiText !== null) {
      return;
    }
    const becomesReady = draft.status === 'pending' || draft.status === 'failed';
    const updated = await this.drafts.update(draft, {
      ...(becomesReady ? { status: 'ready' as const, statusReason: null } : {}),
      aiText: result.text,
      citations: result.citations,
      confidence: result.confidence,
      flags: result.flags,
      offline: result.offline,
      model: result.model,
      settingsVersion: result.settingsVersion,
      interactionId: result.interactionId,
      generatedAt: new Date(),
      nextRequestAt: null,
    });
    if (updated === null) {
      throw new Error(`Draft ${draft.id} changed while its result was stored; retrying`);
    }
    if (becomesReady) {
      await this.events.changed(updated, draft.status);
    }
  }

  async failed(result: DraftFailed): Promise<void> {
    const draft = await this.draftFor(result.draftId, result.ticketId);
    if (draft.status === 'failed') {
      await this.drafts.noteFailure(draft, result.reason);
      return;
    }
    if (draft.status !== 'pending') {
      return;
    }
    const now = new Date();
    const again = result.retryable && draft.requestAttempts < MAX_DRAFT_REQUESTS;
    const updated = await this.drafts.update(
      draft,
      again
        ? { statusReason: result.reason, nextRequestAt: retryAt(draft.requestAttempts, now) }
        : { status: 'failed', statusReason: result.reason, nextRequestAt: recoveryAt(draft, now) },
    );
    if (updated === null) {
      throw new Error(`Draft ${draft.id} changed while its failure was stored; retrying`);
    }
    this.logger.warn({ draftId: draft.id, reason: result.reason, again }, 'The drafter failed');
    if (!again) {
      await this.events.changed(updated, draft.status);
    }
  }

  private async draftFor(draftId: string, ticketId: string): Promise<Draft> {
    const draft = await this.drafts.find(draftId);
    if (draft === null || draft.ticketId !== ticketId) {
      throw new PermanentMessageError(`No draft ${draftId} for ticket ${ticketId}`);
    }
    return draft;
  }
}
