import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import type { ApproveDraftResponse, RpcRequest } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { DraftEventsPublisher } from '../drafts/draft-events.publisher';
import { toDraftView } from '../drafts/draft-view.mapper';
import { DraftsException } from '../drafts/drafts.exception';
import { DraftsRepository } from '../drafts/drafts.repository';
import { editRatio } from '../drafts/edit-ratio';
import type { Draft } from '../drafts/entities/draft.entity';
import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import type { Delivery } from './deliver-reply.use-case';
import { DeliverReplyUseCase } from './deliver-reply.use-case';
import { TicketStatusesService } from './ticket-statuses.service';

/** How long approval waits for the post before answering `sending` (the post goes on). */
const APPROVE_WAIT_MS = 8_000;
/**
 * How long a fresh approval keeps the reply outbox away from its draft, so that it posts the
 * reply itself; should the process stop in between, the outbox posts it once the hold lapses.
 */
const APPROVAL_HOLD_MS = 30_000;

/**
 * A reviewer approves a ready draft (optionally with a final edit), or a failed one with the
 * reply they wrote: the text to post is fixed, the approver and the edit ratio recorded, and the
 * reply posted at once when WHMCS allows. Approving again is harmless: it reports where the post
 * stands.
 */
@Injectable()
export class ApproveDraftUseCase {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly tickets: TicketMirrorRepository,
    private readonly deliver: DeliverReplyUseCase,
    private readonly events: DraftEventsPublisher,
    private readonly statuses: TicketStatusesService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: RpcRequest<'tickets.drafts.approve'>): Promise<ApproveDraftResponse> {
    const draft = await this.drafts.find(command.draftId);
    if (draft === null) {
      throw DraftsException.notFound(command.draftId);
    }
    let hold: string | null = null;
    if (draft.status === 'ready' || (draft.status === 'failed' && command.text !== undefined)) {
      hold = await this.approve(draft, command);
    } else if (
      draft.status !== 'approved' &&
      draft.status !== 'sending' &&
      draft.status !== 'sent'
    ) {
      throw DraftsException.conflict(`A ${draft.status} draft cannot be approved`);
    }
    const delivery = await this.deliverWithin(command.draftId, hold);
    return {
      outcome: delivery.outcome,
      message: delivery.message,
      draft: toDraftView(delivery.draft, await this.tickets.find(delivery.draft.ticketId)),
    };
  }

  /**
   * Returns the hold that lets this approval post the reply; null when a poll found the ticket
   * moved on while this approval read the draft, which the delivery then reports as stale.
   */
  private async approve(
    draft: Draft,
    command: RpcRequest<'tickets.drafts.approve'>,
  ): Promise<string | null> {
    if (command.expectedVersion !== undefined && command.expectedVersion !== draft.version) {
      throw DraftsException.conflict(
        `The draft is at version ${draft.version}, not ${command.expectedVersion}; reload it and try again`,
      );
    }
    const text = command.text ?? draft.humanText ?? draft.aiText;
    if (text === null) {
      throw DraftsException.conflict('The draft has no text to post');
    }
    const editedNow =
      command.text !== undefined && command.text !== (draft.humanText ?? draft.aiText);
    const humanText = draft.aiText !== null && text === draft.aiText ? null : text;
    const replyStatus =
      command.status === undefined ? null : await this.statuses.statusToPost(command.status);
    const hold = `approval:${randomUUID()}`;
    const approved = await this.drafts.update(draft, {
      status: 'approved',
      statusReason: null,
      humanText,
      sendText: text,
      // A new text is made ready for the customer (author, signature) at its first post.
      postAs: null,
      replyStatus,
      approvedBy: command.approvedBy,
      approvedAt: new Date(),
      editRatio: draft.aiText === null ? 1 : editRatio(draft.aiText, text),
      sendLeaseOwner: hold,
      sendLeaseUntil: new Date(Date.now() + APPROVAL_HOLD_MS),
      nextRequestAt: null,
      ...(editedNow ? { editedBy: command.approvedBy, editedAt: new Date() } : {}),
    });
    if (approved === null) {
      if ((await this.drafts.find(draft.id))?.status === 'stale') {
        return null;
      }
      throw DraftsException.conflict('The draft changed meanwhile; reload it and try again');
    }
    this.logger.info(
      { draftId: draft.id, ticketId: draft.ticketId, by: command.approvedBy.id },
      'Draft approved',
    );
    await this.events.changed(approved, draft.status);
    return hold;
  }

  private async deliverWithin(draftId: string, hold: string | null): Promise<Delivery> {
    const delivery = this.deliver.execute(draftId, hold);
    delivery.catch((error: unknown) => {
      this.logger.error({ draftId, err: String(error) }, 'Posting the reply failed');
    });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<null>((resolve) => {
      timer = setTimeout(() => {
        resolve(null);
      }, APPROVE_WAIT_MS);
    });
    try {
      const first = await Promise.race([delivery, waited]);
      if (first !== null) {
        return first;
      }
    } finally {
      clearTimeout(timer);
    }
    const draft = await this.drafts.find(draftId);
    if (draft === null) {
      throw DraftsException.notFound(draftId);
    }
    return {
      outcome: draft.status === 'sent' ? 'sent' : 'sending',
      message: 'WHMCS is slow to answer; the reply is being posted',
      draft,
    };
  }
}
