import { Inject, Injectable } from '@nestjs/common';

import type { DraftStatus } from '@deskpilot/contracts';
import { TicketsEvent } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import type { Draft } from './entities/draft.entity';

/**
 * Publishes `tickets.draft.changed` for live console updates. Best effort: the state is already
 * stored, and a console that missed an event still sees it on its next read.
 */
@Injectable()
export class DraftEventsPublisher {
  constructor(
    private readonly bus: MessageBus,
    private readonly tickets: TicketMirrorRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async changed(draft: Draft, previousStatus: DraftStatus | null): Promise<void> {
    try {
      const ticket = await this.tickets.find(draft.ticketId);
      await this.bus.publish(TicketsEvent.DraftChanged, {
        draftId: draft.id,
        ticketId: draft.ticketId,
        ticketNumber: ticket?.number ?? '',
        departmentId: ticket?.departmentId ?? '0',
        status: draft.status,
        previousStatus,
        version: draft.version,
        confidence: draft.confidence,
        changedAt: draft.updatedAt.toISOString(),
      });
    } catch (error) {
      this.logger.warn(
        { draftId: draft.id, status: draft.status, err: String(error) },
        'Could not publish the draft change',
      );
    }
  }
}
