import { Injectable } from '@nestjs/common';

import type {
  DraftList,
  DraftStatus,
  DraftView,
  RpcRequest,
  TicketsRpc,
} from '@deskpilot/contracts';

import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import { DraftEventsPublisher } from './draft-events.publisher';
import { DraftRequesterService } from './draft-requester.service';
import { toDraftView } from './draft-view.mapper';
import { DraftsException } from './drafts.exception';
import { DraftsRepository } from './drafts.repository';
import { editRatio } from './edit-ratio';
import type { Draft } from './entities/draft.entity';

type Request<N extends (typeof TicketsRpc)[keyof typeof TicketsRpc]> = RpcRequest<N>;

const EDITABLE: readonly DraftStatus[] = ['ready', 'failed'];
const REJECTABLE: readonly DraftStatus[] = ['pending', 'ready', 'approved', 'failed'];
const REGENERATABLE: readonly DraftStatus[] = ['pending', 'ready', 'failed', 'rejected', 'stale'];

/** What a reviewer does to a draft before approval: read, edit, reject, regenerate. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly tickets: TicketMirrorRepository,
    private readonly requester: DraftRequesterService,
    private readonly events: DraftEventsPublisher,
  ) {}

  async get(draftId: string): Promise<DraftView> {
    return this.view(await this.load(draftId));
  }

  async list(request: Request<'tickets.drafts.list'>): Promise<DraftList> {
    const [drafts, total] = await this.drafts.search({
      ...(request.status === undefined ? {} : { statuses: request.status }),
      ...(request.department === undefined ? {} : { department: request.department }),
      ...(request.ticketId === undefined ? {} : { ticketId: request.ticketId }),
      ...(request.minConfidence === undefined ? {} : { minConfidence: request.minConfidence }),
      ...(request.maxConfidence === undefined ? {} : { maxConfidence: request.maxConfidence }),
      ...(request.belowConfidence === undefined
        ? {}
        : { belowConfidence: request.belowConfidence }),
      sort: request.sort ?? 'updated',
      limit: request.limit,
      offset: request.offset,
    });
    const tickets = new Map(
      (await this.tickets.findMany([...new Set(drafts.map((d) => d.ticketId))])).map((t) => [
        t.id,
        t,
      ]),
    );
    return { items: drafts.map((d) => toDraftView(d, tickets.get(d.ticketId))), total };
  }

  /** Keeps the AI text; the reviewer's text is stored beside it. A failed draft written by hand becomes ready. */
  async edit(request: Request<'tickets.drafts.edit'>): Promise<DraftView> {
    const draft = await this.load(request.draftId, request.expectedVersion);
    this.require(draft, EDITABLE, 'edited');
    const unchanged = draft.aiText !== null && request.text === draft.aiText;
    const updated = await this.change(draft, {
      humanText: unchanged ? null : request.text,
      editedBy: request.editedBy,
      editedAt: new Date(),
      editRatio: draft.aiText === null ? 1 : editRatio(draft.aiText, request.text),
      ...(draft.status === 'failed'
        ? { status: 'ready' as const, statusReason: null, nextRequestAt: null }
        : {}),
    });
    return this.view(updated);
  }

  async reject(request: Request<'tickets.drafts.reject'>): Promise<DraftView> {
    const draft = await this.load(request.draftId, request.expectedVersion);
    this.require(draft, REJECTABLE, 'rejected');
    const updated = await this.change(draft, {
      status: 'rejected',
      statusReason: request.reason ?? 'Rejected by the reviewer',
      rejectedBy: request.rejectedBy,
      rejectedAt: new Date(),
      nextRequestAt: null,
    });
    return this.view(updated);
  }

  /** Replaces the draft with a fresh one for the ticket's latest customer message. */
  async regenerate(request: Request<'tickets.drafts.regenerate'>): Promise<DraftView> {
    const draft = await this.load(request.draftId);
    this.require(draft, REGENERATABLE, 'regenerated');
    const ticket = await this.tickets.find(draft.ticketId);
    if (ticket === null || !ticket.awaiting || ticket.lastMessageFrom !== 'customer') {
      throw DraftsException.conflict('The ticket no longer waits for a reply to the customer');
    }
    if (draft.status !== 'rejected' && draft.status !== 'stale') {
      await this.change(draft, {
        status: 'rejected',
        statusReason: `Replaced by a new draft at ${request.requestedBy.name}'s request`,
        rejectedBy: request.requestedBy,
        rejectedAt: new Date(),
        nextRequestAt: null,
      });
    }
    const fresh = await this.requester.requestFor(draft.ticketId, {
      replacing: true,
      ask: {
        guidance: request.guidance ?? null,
        sourceDocumentIds: request.sourceDocumentIds ?? null,
      },
    });
    if (fresh !== null) {
      return this.view(fresh);
    }
    const live = (await this.drafts.forTicket(draft.ticketId)).find(
      (candidate) =>
        candidate.basedOnReplyId === ticket.lastCustomerMessageId && candidate.status !== 'stale',
    );
    if (live === undefined) {
      throw DraftsException.conflict('No new draft could be requested for this ticket');
    }
    return this.view(live);
  }

  private async change(
    draft: Draft,
    patch: Parameters<DraftsRepository['update']>[1],
  ): Promise<Draft> {
    const updated = await this.drafts.update(draft, patch);
    if (updated === null) {
      throw DraftsException.conflict('The draft changed meanwhile; reload it and try again');
    }
    await this.events.changed(updated, draft.status);
    return updated;
  }

  private async load(draftId: string, expectedVersion?: number): Promise<Draft> {
    const draft = await this.drafts.find(draftId);
    if (draft === null) {
      throw DraftsException.notFound(draftId);
    }
    if (expectedVersion !== undefined && expectedVersion !== draft.version) {
      throw DraftsException.conflict(
        `The draft is at version ${draft.version}, not ${expectedVersion}; reload it and try again`,
      );
    }
    return draft;
  }

  private require(draft: Draft, allowed: readonly DraftStatus[], action: string): void {
    if (!allowed.includes(draft.status)) {
      throw DraftsException.conflict(`A ${draft.status} draft cannot be ${action}`);
    }
  }

  private async view(draft: Draft): Promise<DraftView> {
    return toDraftView(draft, await this.tickets.find(draft.ticketId));
  }
}
