import { Injectable } from '@nestjs/common';

import type { RpcRequest, SentReplyList, SentReplyView } from '@deskpilot/contracts';

import { DraftsErrorCode, DraftsException } from '../drafts/drafts.exception';
import type { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import type { SentReply } from './entities/sent-reply.entity';
import { ReplySendingRepository } from './reply-sending.repository';

/** The history of replies posted to WHMCS, newest first. */
@Injectable()
export class SentRepliesService {
  constructor(
    private readonly sending: ReplySendingRepository,
    private readonly tickets: TicketMirrorRepository,
  ) {}

  async list(request: RpcRequest<'tickets.replies.list'>): Promise<SentReplyList> {
    const [replies, total] = await this.sending.listSent(
      { ticketId: request.ticketId, search: request.search },
      request.limit,
      request.offset,
    );
    const tickets = new Map(
      (await this.tickets.findMany([...new Set(replies.map((r) => r.ticketId))])).map((t) => [
        t.id,
        t,
      ]),
    );
    return { total, items: replies.map((reply) => toView(reply, tickets.get(reply.ticketId))) };
  }

  async get(request: RpcRequest<'tickets.replies.get'>): Promise<SentReplyView> {
    const reply = await this.sending.findSent(request.replyId);
    if (reply === null) {
      throw new DraftsException(DraftsErrorCode.NotFound, `Reply ${request.replyId} not found`);
    }
    const [ticket] = await this.tickets.findMany([reply.ticketId]);
    return toView(reply, ticket);
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
