import { Inject, Injectable } from '@nestjs/common';

import type { ApproveOutcome, DraftStatus } from '@deskpilot/contracts';
import { withoutCitationMarkers } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import type { ServiceIdentity } from '@deskpilot/runtime';
import { LOGGER, SERVICE_IDENTITY } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { DraftEventsPublisher } from '../drafts/draft-events.publisher';
import { DraftRequesterService } from '../drafts/draft-requester.service';
import { DraftsRepository } from '../drafts/drafts.repository';
import type { Draft } from '../drafts/entities/draft.entity';
import { TicketMirrorService } from '../mirror/ticket-mirror.service';
import { SyncAlertsRepository } from '../sync/sync-alerts.repository';
import { WhmcsGuard } from '../sync/whmcs-guard.service';
import { WhmcsClient } from '../whmcs/whmcs-client';
import type { TicketDetail } from '../whmcs/whmcs-responses';
import { WhmcsErrorCode, WhmcsException } from '../whmcs/whmcs.exception';
import type { OutboundEvent } from './entities/outbound-reply-log-entry.entity';
import { postRetryDelayMs } from './post-retry';
import { findPostedReply, newestReplyId, whyStale } from './posted-reply.matcher';
import { PostingIdentityService } from './posting-identity.service';
import type { ReplyPost } from './reply-sending.repository';
import { ReplySendingRepository } from './reply-sending.repository';
import { withSignature } from './reply-signature';

/**
 * Posts per draft before it is given up as failed (each one checked in WHMCS first, and spaced by
 * `postRetryDelayMs`).
 */
export const MAX_SEND_ATTEMPTS = 8;
/** How long an approved reply waits after WHMCS could not be reached. */
const RETRY_PAUSE_MS = 10_000;

export interface Delivery {
  readonly outcome: ApproveOutcome;
  readonly message: string;
  readonly draft: Draft;
}

const OUTCOME_OF: Record<DraftStatus, ApproveOutcome> = {
  sent: 'sent',
  sending: 'sending',
  approved: 'queued',
  stale: 'stale',
  failed: 'failed',
  rejected: 'failed',
  ready: 'failed',
  pending: 'failed',
};

/**
 * Posts an approved draft with AddTicketReply exactly once. The ticket is read first: a newer
 * customer message or an answer given in WHMCS makes the draft stale instead. The intent is stored
 * before the call; whenever the outcome is unclear (timeout, 5xx, an error after the write, a
 * crash) the draft stays `sending` and the next attempt looks for the reply in WHMCS before it
 * posts again.
 */
@Injectable()
export class DeliverReplyUseCase {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly sending: ReplySendingRepository,
    private readonly whmcs: WhmcsClient,
    private readonly mirror: TicketMirrorService,
    private readonly guard: WhmcsGuard,
    private readonly identity: PostingIdentityService,
    private readonly requester: DraftRequesterService,
    private readonly alerts: SyncAlertsRepository,
    private readonly events: DraftEventsPublisher,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(SERVICE_IDENTITY) private readonly service: ServiceIdentity,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** `hold`: the lease an approval put on the draft, which lets that approval claim it. */
  async execute(draftId: string, hold: string | null = null): Promise<Delivery> {
    if (this.guard.isBlocked()) {
      return this.current(
        draftId,
        'WHMCS refused the credential; it is posted once polling resumes',
      );
    }
    const before = await this.drafts.find(draftId);
    const claimed = await this.drafts.claimForSending(
      draftId,
      this.service.instanceId,
      this.leaseUntil(),
      hold,
    );
    if (claimed === null) {
      return this.current(draftId);
    }
    if (before?.status === 'approved') {
      await this.events.changed(claimed, 'approved');
    }

    let detail: TicketDetail;
    let post: ReplyPost;
    try {
      detail = await this.whmcs.ticket(claimed.ticketId);
      // A reply whose post was attempted keeps the author and text it was attempted with.
      post =
        claimed.postAs === null
          ? await this.asPosted(claimed)
          : { postAs: claimed.postAs, sendText: claimed.sendText ?? '' };
    } catch (error) {
      return this.pause(claimed, error);
    }
    await this.mirror.recordThread(detail);

    if (claimed.sendIntentAt !== null) {
      const posted = findPostedReply(
        detail,
        claimed.sendText ?? '',
        claimed.sendBaselineReplyId ?? '0',
      );
      if (posted !== undefined) {
        return this.sent(claimed, 'readback', posted.replyid, 'confirmed');
      }
      await this.sending.log(
        claimed,
        'not-found',
        'no matching reply in WHMCS',
        this.service.instanceId,
      );
      if (claimed.sendAttempts >= MAX_SEND_ATTEMPTS) {
        return this.giveUp(claimed);
      }
    }

    const stale = whyStale(detail, claimed.basedOnReplyId);
    if (stale !== null) {
      return this.makeStale(claimed, stale);
    }

    const intent = await this.sending.recordIntent(
      claimed,
      newestReplyId(detail),
      post,
      this.leaseUntil(),
      this.service.instanceId,
    );
    if (intent === null) {
      return this.current(draftId);
    }
    try {
      await this.whmcs.addStaffReply({
        ticketId: intent.ticketId,
        message: intent.sendText ?? '',
        adminUsername: intent.postAs ?? post.postAs,
        ...(intent.replyStatus === null ? {} : { status: intent.replyStatus }),
      });
    } catch (error) {
      return this.afterFailedPost(intent, error);
    }
    const delivery = await this.sent(intent, 'response', null, 'accepted');
    this.learnReplyId(delivery.draft);
    return delivery;
  }

  /**
   * The reply's author and its text as the customer gets it: without the reviewer's citation
   * markers, and signed when the author has a signature.
   */
  private async asPosted(draft: Draft): Promise<ReplyPost> {
    const author = await this.identity.authorFor(draft.approvedBy);
    const cited = new Set(draft.citations.map((citation) => citation.index));
    const text = withoutCitationMarkers(draft.sendText ?? '', cited);
    return { postAs: author.name, sendText: withSignature(text, author.signature) };
  }

  /** The post failed; whether anything was stored decides what happens next. */
  private async afterFailedPost(intent: Draft, error: unknown): Promise<Delivery> {
    const detail = error instanceof WhmcsException ? error.detail : String(error);
    if (error instanceof WhmcsException && error.code === WhmcsErrorCode.Forbidden) {
      // Refused before the action ran: nothing was stored.
      await this.guard.block(error);
      await this.sending.log(intent, 'refused', detail, this.service.instanceId);
      return this.revert(
        intent,
        'queued',
        'WHMCS refused the credential; it is posted once polling resumes',
      );
    }
    if (error instanceof WhmcsException && error.code === WhmcsErrorCode.Rejected) {
      // WHMCS may report an error after storing the reply (a failed notification email, say).
      try {
        const after = await this.whmcs.ticket(intent.ticketId);
        await this.mirror.recordThread(after);
        const posted = findPostedReply(
          after,
          intent.sendText ?? '',
          intent.sendBaselineReplyId ?? '0',
        );
        if (posted !== undefined) {
          return await this.sent(intent, 'readback', posted.replyid, 'confirmed');
        }
        await this.sending.log(intent, 'rejected', detail, this.service.instanceId);
        return await this.fail(intent, `WHMCS refused the reply: ${detail}`);
      } catch (readError) {
        this.logger.warn(
          { draftId: intent.id, err: String(readError) },
          'Could not check the post',
        );
      }
    }
    await this.sending.log(intent, 'unknown', detail, this.service.instanceId);
    const settled = await this.drafts.update(intent, {
      sendLeaseUntil: new Date(
        Date.now() + postRetryDelayMs(intent.sendAttempts, this.config.whmcs.timeoutMs),
      ),
    });
    this.logger.warn(
      { draftId: intent.id, err: detail },
      'Reply post unconfirmed; checking before any retry',
    );
    return {
      outcome: 'sending',
      message: 'WHMCS did not confirm the reply; it is checked in WHMCS before any new attempt',
      draft: settled ?? intent,
    };
  }

  /** WHMCS could not be read before posting: nothing new was sent, try again later. */
  private async pause(claimed: Draft, error: unknown): Promise<Delivery> {
    if (error instanceof WhmcsException && error.code === WhmcsErrorCode.Rejected) {
      return this.fail(claimed, `WHMCS cannot show the ticket any more: ${error.detail}`);
    }
    if (error instanceof WhmcsException && error.code === WhmcsErrorCode.Forbidden) {
      await this.guard.block(error);
    }
    this.logger.warn(
      { draftId: claimed.id, err: String(error) },
      'Cannot post yet: WHMCS unreachable',
    );
    if (claimed.sendIntentAt === null) {
      return this.revert(
        claimed,
        'queued',
        'WHMCS cannot be reached; the reply is posted when it answers again',
        new Date(Date.now() + RETRY_PAUSE_MS),
      );
    }
    const released = await this.drafts.update(claimed, {
      sendLeaseUntil: new Date(Date.now() + this.config.whmcs.timeoutMs),
    });
    return {
      outcome: 'sending',
      message: 'WHMCS cannot be reached; the earlier post is checked when it answers again',
      draft: released ?? claimed,
    };
  }

  private async revert(
    draft: Draft,
    outcome: ApproveOutcome,
    message: string,
    retryAt: Date | null = null,
  ): Promise<Delivery> {
    const reverted = await this.drafts.update(draft, {
      status: 'approved',
      sendIntentAt: null,
      sendLeaseOwner: null,
      sendLeaseUntil: retryAt,
    });
    if (reverted !== null) {
      await this.events.changed(reverted, draft.status);
    }
    return { outcome, message, draft: reverted ?? draft };
  }

  private async sent(
    draft: Draft,
    confirmedBy: 'response' | 'readback',
    whmcsReplyId: string | null,
    event: OutboundEvent,
  ): Promise<Delivery> {
    const sent = await this.sending.recordSent(
      draft,
      {
        confirmedBy,
        whmcsReplyId,
        event,
        detail: whmcsReplyId === null ? null : `reply ${whmcsReplyId}`,
      },
      this.service.instanceId,
    );
    if (sent === null) {
      return this.current(draft.id);
    }
    await this.events.changed(sent, draft.status);
    this.logger.info({ draftId: draft.id, ticketId: draft.ticketId, confirmedBy }, 'Reply posted');
    return { outcome: 'sent', message: 'Posted to WHMCS', draft: sent };
  }

  private async makeStale(draft: Draft, reason: string): Promise<Delivery> {
    const stale = await this.drafts.update(draft, {
      status: 'stale',
      statusReason: reason,
      sendLeaseOwner: null,
      sendLeaseUntil: null,
    });
    await this.sending.log(draft, 'stale', reason, this.service.instanceId);
    if (stale === null) {
      return this.current(draft.id);
    }
    await this.events.changed(stale, draft.status);
    await this.requester.requestFor(draft.ticketId).catch((error: unknown) => {
      this.logger.warn(
        { ticketId: draft.ticketId, err: String(error) },
        'New draft not requested yet',
      );
    });
    return { outcome: 'stale', message: `Not posted: ${reason}`, draft: stale };
  }

  private async giveUp(draft: Draft): Promise<Delivery> {
    const reason = `WHMCS did not store the reply after ${draft.sendAttempts} attempts`;
    await this.sending.log(draft, 'gave-up', reason, this.service.instanceId);
    await this.alerts.raise(
      'send-failed',
      `Ticket ${draft.ticketId}: ${reason}`,
      this.config.fingerprint,
    );
    return this.fail(draft, reason);
  }

  private async fail(draft: Draft, reason: string): Promise<Delivery> {
    const failed = await this.drafts.update(draft, {
      status: 'failed',
      statusReason: reason,
      sendLeaseOwner: null,
      sendLeaseUntil: null,
    });
    if (failed === null) {
      return this.current(draft.id);
    }
    await this.events.changed(failed, draft.status);
    return { outcome: 'failed', message: reason, draft: failed };
  }

  /** AddTicketReply answers no id; one read finds it (and shows the reply in the console). */
  private learnReplyId(draft: Draft): void {
    const work = async (): Promise<void> => {
      const detail = await this.whmcs.ticket(draft.ticketId);
      await this.mirror.recordThread(detail);
      const posted = findPostedReply(
        detail,
        draft.sendText ?? '',
        draft.sendBaselineReplyId ?? '0',
      );
      if (posted !== undefined) {
        await this.sending.setWhmcsReplyId(draft.id, posted.replyid);
      }
    };
    work().catch((error: unknown) => {
      this.logger.debug({ draftId: draft.id, err: String(error) }, 'Reply id not learned yet');
    });
  }

  private async current(draftId: string, message?: string): Promise<Delivery> {
    const draft = await this.drafts.find(draftId);
    if (draft === null) {
      throw new Error(`Draft ${draftId} disappeared`);
    }
    const outcome = OUTCOME_OF[draft.status];
    return { outcome, message: message ?? describe(draft), draft };
  }

  /**
   * Outlasts the post's own timeout, so no other replica steps in while a post is in flight. A
   * claim that expires during the read before posting is harmless: every claim moves the draft's
   * version, and the intent is only stored at the version that was claimed.
   */
  private leaseUntil(): Date {
    return new Date(Date.now() + this.config.whmcs.timeoutMs + 5_000);
  }
}

function describe(draft: Draft): string {
  switch (draft.status) {
    case 'sent':
      return 'Posted to WHMCS';
    case 'sending':
      return 'Being posted to WHMCS';
    case 'approved':
      return 'Approved; waiting to be posted';
    case 'stale':
    case 'failed':
    case 'rejected':
    case 'ready':
    case 'pending':
      return draft.statusReason ?? `The draft is ${draft.status}`;
  }
}
