import { Injectable } from '@nestjs/common';

import type { RpcRequest, SentReplyList } from '@deskpilot/contracts';

import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
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
      request.ticketId,
      request.limit,
      request.offset,
    );
    const tickets = new Map(
      (await this.tickets.findMany([...new Set(replies.map((r) => r.ticketId))])).map((t) => [
        t.id,
        t,
      ]),
    );
    return {
      total,
      items: replies.map((reply) => {
        const ticket = tickets.get(reply.ticketId);
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
          whmcsReplyId: reply.whmcsReplyId,
          confirmedBy: reply.confirmedBy,
        };
      }),
    };
  }
}
