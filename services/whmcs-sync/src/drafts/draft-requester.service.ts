import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import type {
  CustomerContext,
  DraftNote,
  DraftRequested,
  ThreadMessage,
  TicketNote,
} from '@deskpilot/contracts';
import { DraftingEvent } from '@deskpilot/contracts';
import { MessageBus } from '@deskpilot/messaging';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { DraftingDepartmentsService } from '../departments/drafting-departments.service';
import type { MirroredMessage } from '../mirror/entities/mirrored-message.entity';
import type { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import { CustomerContextService } from './customer-context.service';
import { DraftEventsPublisher } from './draft-events.publisher';
import { recoveryAt } from './draft-schedule';
import type { ReviewerAsk } from './drafts.repository';
import { DraftsRepository, NOBODY_ASKED } from './drafts.repository';
import type { Draft } from './entities/draft.entity';

/**
 * A request not known to be on the bus (publish failed, process stopped, database gone before the
 * request was marked) goes again this soon.
 */
const PUBLISH_RETRY_MS = 30_000;
/** The newest staff notes a draft request carries (the contract allows 20), and their length. */
const MAX_DRAFT_NOTES = 10;
const MAX_NOTE_CHARACTERS = 2_000;

/**
 * Asks the drafter for a draft: records the pending draft first (so the request is never lost),
 * then publishes `tickets.draft.requested` with the subject, the decoded thread and what is known
 * about the customer. A draft still pending after the wait is requested again.
 */
@Injectable()
export class DraftRequesterService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly mirror: TicketMirrorRepository,
    private readonly customers: CustomerContextService,
    private readonly departments: DraftingDepartmentsService,
    private readonly events: DraftEventsPublisher,
    private readonly bus: MessageBus,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * A draft for the ticket's latest customer message, unless one exists: a live one, or (unless
   * `replacing`, as when a reviewer asks for a new draft) one that was rejected or failed. Only
   * the departments drafted get one by themselves; a reviewer's ask (`replacing`) is answered in
   * any department. Returns the new draft, or null when there is nothing to draft. `ask` is the
   * reviewer's, sent with the request.
   */
  async requestFor(
    ticketId: string,
    { replacing = false, ask = NOBODY_ASKED }: { replacing?: boolean; ask?: ReviewerAsk } = {},
  ): Promise<Draft | null> {
    const ticket = await this.mirror.find(ticketId);
    if (
      ticket === null ||
      ticket.lastCustomerMessageId === null ||
      ticket.lastMessageFrom !== 'customer' ||
      (!replacing && !(await this.departments.draftsFor(ticket)))
    ) {
      return null;
    }
    const customer = await this.customers.contextFor(ticket);
    const thread = await this.mirror.thread(ticketId);
    if (thread.length === 0) {
      return null;
    }
    const draft = await this.drafts.createPending(
      randomUUID(),
      ticketId,
      ticket.lastCustomerMessageId,
      new Date(Date.now() + PUBLISH_RETRY_MS),
      replacing,
      ask,
    );
    if (draft === null) {
      return null;
    }
    await this.events.changed(draft, null);
    return this.send(draft, ticket, customer, thread);
  }

  /** Sends the request of a draft that is still pending, or that failed, again. */
  async resend(draft: Draft): Promise<void> {
    const ticket = await this.mirror.find(draft.ticketId);
    if (ticket === null) {
      return;
    }
    const customer = await this.customers.contextFor(ticket);
    const thread = await this.mirror.thread(draft.ticketId);
    if (draft.status === 'failed') {
      await this.sendRecovery(draft, ticket, customer, thread);
    } else {
      await this.send(draft, ticket, customer, thread);
    }
  }

  private async send(
    draft: Draft,
    ticket: MirroredTicket,
    customer: CustomerContext,
    messages: readonly MirroredMessage[],
  ): Promise<Draft | null> {
    const now = Date.now();
    // Recorded before publishing and due again soon until the broker confirms: a stop in between
    // costs one extra request half a minute later, never a lost one or a long wait.
    const marked = await this.drafts.update(draft, {
      requestAttempts: draft.requestAttempts + 1,
      requestedAt: new Date(now),
      nextRequestAt: new Date(now + PUBLISH_RETRY_MS),
    });
    if (marked === null) {
      return null;
    }
    try {
      await this.bus.publish(
        DraftingEvent.DraftRequested,
        draftRequest(marked, ticket, customer, messages, this.config.draftWithNotes),
      );
    } catch (error) {
      this.logger.warn({ draftId: draft.id, err: String(error) }, 'Draft request not published');
      return marked;
    }
    await this.drafts.deferRequest(marked, new Date(now + this.config.draftWaitSeconds * 1000));
    return marked;
  }

  /**
   * Asks again for a failed draft, which stays failed (and open to the reviewers) until the
   * drafter's answer makes it ready. Its next request is due on the recovery schedule, whether
   * or not this one reaches the broker.
   */
  private async sendRecovery(
    draft: Draft,
    ticket: MirroredTicket,
    customer: CustomerContext,
    messages: readonly MirroredMessage[],
  ): Promise<void> {
    const now = new Date();
    const next = recoveryAt(
      { requestAttempts: draft.requestAttempts + 1, createdAt: draft.createdAt },
      now,
    );
    if (!(await this.drafts.markRecoveryRequest(draft, now, next))) {
      return;
    }
    try {
      await this.bus.publish(
        DraftingEvent.DraftRequested,
        draftRequest(draft, ticket, customer, messages, this.config.draftWithNotes),
      );
    } catch (error) {
      this.logger.warn({ draftId: draft.id, err: String(error) }, 'Draft request not published');
    }
    // The console shows when the next request goes.
    const rescheduled = await this.drafts.find(draft.id);
    if (rescheduled !== null) {
      await this.events.changed(rescheduled, draft.status);
    }
  }
}

function draftRequest(
  draft: Draft,
  ticket: MirroredTicket,
  customer: CustomerContext,
  messages: readonly MirroredMessage[],
  withNotes: boolean,
): DraftRequested {
  const notes = withNotes ? ticket.notes.slice(-MAX_DRAFT_NOTES).map(draftNote) : [];
  return {
    draftId: draft.id,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    subject: ticket.subject,
    department: ticket.departmentName,
    customer,
    thread: answeredThread(messages, draft.basedOnReplyId),
    ...(draft.guidance === null ? {} : { guidance: draft.guidance }),
    ...(draft.sourceDocumentIds === null ? {} : { sourceDocumentIds: draft.sourceDocumentIds }),
    ...(notes.length === 0 ? {} : { notes }),
  };
}

/** A long note keeps its start: what happened comes first, pasted logs after. */
function draftNote(note: TicketNote): DraftNote {
  const text =
    note.text.length > MAX_NOTE_CHARACTERS
      ? `${note.text.slice(0, MAX_NOTE_CHARACTERS)} …`
      : note.text;
  return { author: note.author, date: note.date, text };
}

/** The thread up to and including the customer message the draft answers, oldest first. */
function answeredThread(
  messages: readonly MirroredMessage[],
  basedOnReplyId: string,
): ThreadMessage[] {
  const end = messages.findIndex((message) => message.replyId === basedOnReplyId);
  return messages.slice(0, end === -1 ? messages.length : end + 1).map((message) => ({
    from: message.fromCustomer ? 'customer' : 'staff',
    author: message.author,
    date: message.dateRaw,
    text: message.text,
  }));
}
