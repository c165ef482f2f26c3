import type { DraftView } from '@deskpilot/contracts';

import type { MirroredTicket } from '../mirror/entities/mirrored-ticket.entity';
import type { Draft } from './entities/draft.entity';

type TicketFacts = Pick<
  MirroredTicket,
  | 'number'
  | 'subject'
  | 'departmentId'
  | 'departmentName'
  | 'priority'
  | 'awaiting'
  | 'lastMessageFrom'
  | 'lastReplyAt'
>;

const UNKNOWN_TICKET: TicketFacts = {
  number: '',
  subject: '',
  departmentId: '0',
  departmentName: '',
  priority: '',
  awaiting: false,
  lastMessageFrom: null,
  lastReplyAt: null,
};

/** The console's view of a draft: what would be sent is the human text if edited, else the AI's. */
export function toDraftView(draft: Draft, ticket: TicketFacts | null | undefined): DraftView {
  const facts = ticket ?? UNKNOWN_TICKET;
  return {
    id: draft.id,
    ticketId: draft.ticketId,
    ticketNumber: facts.number,
    subject: facts.subject,
    departmentId: facts.departmentId,
    department: facts.departmentName,
    priority: facts.priority,
    customerWaitingSince:
      facts.awaiting && facts.lastMessageFrom === 'customer' ? iso(facts.lastReplyAt) : null,
    status: draft.status,
    basedOnReplyId: draft.basedOnReplyId,
    aiText: draft.aiText,
    humanText: draft.humanText,
    text: draft.sendText ?? draft.humanText ?? draft.aiText,
    citations: draft.citations,
    confidence: draft.confidence,
    flags: draft.flags,
    offline: draft.offline,
    model: draft.model,
    settingsVersion: draft.settingsVersion,
    interactionId: draft.interactionId,
    statusReason: draft.statusReason,
    retryAt: draft.status === 'failed' ? iso(draft.nextRequestAt) : null,
    editedBy: draft.editedBy,
    editedAt: iso(draft.editedAt),
    approvedBy: draft.approvedBy,
    approvedAt: iso(draft.approvedAt),
    rejectedBy: draft.rejectedBy,
    sentAt: iso(draft.sentAt),
    editRatio: draft.editRatio,
    replyStatus: draft.replyStatus,
    guidance: draft.guidance,
    sourceDocumentIds: draft.sourceDocumentIds,
    version: draft.version,
    createdAt: draft.createdAt.toISOString(),
    updatedAt: draft.updatedAt.toISOString(),
  };
}

export function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
