import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { z } from 'zod';

import type {
  DocumentUploadResult,
  ReplyToKnowledgeBody,
  SentReplyView,
} from '@deskpilot/contracts';
import { AuditAction, TicketsRpc } from '@deskpilot/contracts';

import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth';
import { articleMarkdown } from '../documents/article-markdown';
import { DocumentsService } from '../documents/documents.service';
import { TicketsService } from './tickets.service';

/**
 * Turns a reply that was approved and sent into a knowledge-base article, so the next customer
 * with the same question gets an answer grounded in it. The article is a Markdown document that
 * goes through the same upload path as an administrator's file.
 */
@Injectable()
export class ReplyKnowledgeService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
  ) {}

  async addToKnowledge(
    user: AuthenticatedUser,
    replyId: string,
    body: z.output<typeof ReplyToKnowledgeBody>,
  ): Promise<DocumentUploadResult> {
    const reply = await this.tickets.request(TicketsRpc.GetSentReply, { replyId });
    const title =
      body.title ?? (reply.subject === '' ? `Ticket #${reply.ticketNumber}` : reply.subject);
    const result = await this.documents.upload(
      {
        buffer: Buffer.from(articleOf(reply, title, body.text ?? reply.text)),
        filename: `ticket-${reply.ticketNumber || reply.ticketId}-reply.md`,
        contentType: 'text/markdown',
      },
      user,
      { title },
    );
    if (result.outcome === 'failed') {
      throw new UnprocessableEntityException(result.message);
    }
    await this.audit.record({
      action: AuditAction.ReplyAddedToKnowledge,
      target: { type: 'reply', id: reply.id },
      details: {
        ticketId: reply.ticketId,
        ticketNumber: reply.ticketNumber,
        documentId: result.document.documentId,
        outcome: result.outcome,
      },
    });
    return result;
  }
}

function articleOf(reply: SentReplyView, title: string, text: string): string {
  const source =
    `Answered in ticket #${reply.ticketNumber}` +
    (reply.department === '' ? '' : ` (${reply.department})`) +
    `, approved by ${reply.approvedBy.name} on ${reply.approvedAt.slice(0, 10)}.`;
  return articleMarkdown(title, `${text.trim()}\n\n---\n\n${source}`);
}
