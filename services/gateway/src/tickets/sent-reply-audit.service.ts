import { Injectable } from '@nestjs/common';

import type { DraftChanged, DraftView } from '@deskpilot/contracts';
import { AuditAction } from '@deskpilot/contracts';

import { AuditService } from '../audit/audit.service';

/**
 * The `tickets.reply.sent` entry of a draft, written once whichever way the send is confirmed:
 * by the approval itself (WHMCS answered within the request), or later by whmcs-sync's
 * `tickets.draft.changed` to `sent` (the approval answered `sending` or `queued`). Both report
 * the same entry; the approval's report, which knows the reviewer, wins over the event's.
 */
@Injectable()
export class SentReplyAuditService {
  constructor(private readonly audit: AuditService) {}

  /** The approval request saw the reply posted; the signed-in reviewer is the actor. */
  async sentOnApproval(draft: DraftView): Promise<void> {
    await this.audit.record(
      {
        action: AuditAction.ReplySent,
        target: { type: 'draft', id: draft.id },
        details: { ticketId: draft.ticketId, ticketNumber: draft.ticketNumber },
      },
      { once: { key: keyOf(draft.id), duplicate: 'replace' } },
    );
  }

  /** A draft changed; when it reached `sent`, whmcs-sync confirmed the post. */
  async draftChanged(change: DraftChanged): Promise<void> {
    if (change.status !== 'sent') {
      return;
    }
    await this.audit.record(
      {
        action: AuditAction.ReplySent,
        target: { type: 'draft', id: change.draftId },
        details: {
          ticketId: change.ticketId,
          ticketNumber: change.ticketNumber,
          confirmedAt: change.changedAt,
        },
        actor: null,
      },
      { once: { key: keyOf(change.draftId), duplicate: 'keep' } },
    );
  }
}

function keyOf(draftId: string): string {
  return `${AuditAction.ReplySent}:${draftId}`;
}
