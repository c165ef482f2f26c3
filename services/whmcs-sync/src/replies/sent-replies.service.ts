import { Injectable } from '@nestjs/common';

import type {
  RpcRequest,
  SentReplyList,
  SentReplyView,
  SimilarReplies,
} from '@deskpilot/contracts';
import { MAX_SIMILAR_REPLIES } from '@deskpilot/contracts';

import { DraftsErrorCode, DraftsException } from '../drafts/drafts.exception';
import { DraftsRepository } from '../drafts/drafts.repository';
import type { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import type { SentReply } from './entities/sent-reply.entity';
import { ReplySendingRepository } from './reply-sending.repository';
import { mostAlike } from './similar-asks';

/** How many of the latest sent replies a search for similar ones reads. */
const SIMILAR_POOL = 2_000;

/** The history of replies posted to WHMCS, newest first. */
@Injectable()
export class SentRepliesService {
  constructor(
    private readonly sending: ReplySendingRepository,
    private readonly tickets: TicketMirrorRepository,
    private readonly drafts: DraftsRepository,
  ) {}

  async list(request: RpcRequest<'tickets.replies.list'>): Promise<SentReplyList> {
    const [replies, total] = await this.sending.listSent(
      { ticketId: request.ticketId, search: request.search },
      request.limit,
      request.offset,
    );
    return { total, items: await this.views(replies) };
  }

  async get(request: RpcRequest<'tickets.replies.get'>): Promise<SentReplyView> {
    const reply = await this.sending.findSent(request.replyId);
    if (reply === null) {
      throw new DraftsException(DraftsErrorCode.NotFound, `Reply ${request.replyId} not found`);
    }
    const [ticket] = await this.tickets.findMany([reply.ticketId]);
    return toView(reply, ticket);
  }

  /**
   * Replies sent to other tickets that ask what the draft's ticket asks, so that the reviewer
   * sees how the team answered before.
   */
  async similar(request: RpcRequest<'tickets.replies.similar'>): Promise<SimilarReplies> {
    const draft = await this.drafts.find(request.draftId);
    if (draft === null) {
      throw new DraftsException(DraftsErrorCode.NotFound, `Draft ${request.draftId} not found`);
    }
    const [ticket] = await this.tickets.findMany([draft.ticketId]);
    const message = (await this.tickets.thread(draft.ticketId)).find(
      (candidate) => candidate.replyId === draft.basedOnReplyId,
    );
    const ids = mostAlike(
      { subject: ticket?.subject ?? '', question: message?.text ?? '' },
      await this.sending.answeredAsks(draft.ticketId, SIMILAR_POOL),
      MAX_SIMILAR_REPLIES,
    );
    const replies = new Map(
      (await this.sending.findSentMany(ids)).map((reply) => [reply.id, reply]),
    );
    return { items: await this.views(ids.flatMap((id) => replies.get(id) ?? [])) };
  }

  private async views(replies: readonly SentReply[]): Promise<SentReplyView[]> {
    const tickets = new Map(
      (await this.tickets.findMany([...new Set(replies.map((r) => r.ticketId))])).map((t) => [
        t.id,
        t,
      ]),
    );
    return replies.map((reply) => toView(reply, tickets.get(reply.ticketId)));
  }
}

function toView(reply: SentReply, ticket: MirroredTicket | undefined): SentReplyView {
  return {
    id: reply.id,
    draftId: reply.draftId,
    ticketId: reply.ticketId,
    ticketNumber: ticket?.number ?? '',
    subject: ticket?.subject ?? '',
    department: ticket?.departmentName ?? '',
    text: reply.text,
    aiText: reply.aiText,
    editRatio: reply.editRatio,
    approvedBy: reply.approvedBy,
    approvedAt: reply.approvedAt.toISOString(),
    sentAt: reply.sentAt.toISOString(),
    postedAs: reply.postAs,
    replyStatus: reply.replyStatus,
    whmcsReplyId: reply.whmcsReplyId,
    confirmedBy: reply.confirmedBy,
  };
}
