import { Injectable } from '@nestjs/common';

import type { RpcRequest, TicketDetail, TicketList, TicketSummary } from '@deskpilot/contracts';

import { toDraftView } from '../drafts/draft-view.mapper';
import { DraftsErrorCode, DraftsException } from '../drafts/drafts.exception';
import { DraftsRepository } from '../drafts/drafts.repository';
import type { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import type { LatestDraft } from './ticket-queries.repository';
import { TicketQueriesRepository } from './ticket-queries.repository';

/** Tickets for the console: the list with each ticket's newest draft, and one ticket in full. */
@Injectable()
export class TicketQueriesService {
  constructor(
    private readonly queries: TicketQueriesRepository,
    private readonly tickets: TicketMirrorRepository,
    private readonly drafts: DraftsRepository,
  ) {}

  async list(request: RpcRequest<'tickets.list'>): Promise<TicketList> {
    const { rows, total } = await this.queries.search({
      awaitingOnly: request.awaitingOnly,
      department: request.department,
      status: request.status,
      hasDraft: request.hasDraft,
      draftStatus: request.draftStatus,
      limit: request.limit,
      offset: request.offset,
    });
    return { items: rows.map((row) => summary(row.ticket, row.draft)), total };
  }

  /** The thread with original and decoded text, the customer context and every draft. */
  async get(ticketId: string): Promise<TicketDetail> {
    const ticket = await this.tickets.find(ticketId);
    if (ticket === null) {
      throw new DraftsException(DraftsErrorCode.NotFound, `Ticket ${ticketId} not found`);
    }
    const [messages, drafts] = await Promise.all([
      this.tickets.thread(ticketId),
      this.drafts.forTicket(ticketId),
    ]);
    const newest = drafts[0];
    return {
      ...summary(
        ticket,
        newest === undefined
          ? null
          : { id: newest.id, status: newest.status, confidence: newest.confidence },
      ),
      thread: messages.map((message) => ({
        id: message.replyId,
        from: message.fromCustomer ? 'customer' : 'staff',
        author: message.author,
        date: message.dateRaw,
        text: message.text,
        rawText: message.rawText,
        attachments: message.attachments,
      })),
      notes: ticket.notes,
      customer: ticket.customer,
      drafts: drafts.map((draft) => toDraftView(draft, ticket)),
    };
  }
}

function summary(ticket: MirroredTicket, draft: LatestDraft | null): TicketSummary {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    departmentId: ticket.departmentId,
    department: ticket.departmentName,
    status: ticket.status,
    priority: ticket.priority,
    customerName: ticket.customerName,
    customerEmail: ticket.customerEmail,
    lastReply: ticket.lastReplyRaw,
    lastReplyAt: ticket.lastReplyAt === null ? null : ticket.lastReplyAt.toISOString(),
    awaitingReply: ticket.awaiting,
    lastMessageFrom: ticket.lastMessageFrom ?? 'customer',
    draft,
  };
}
