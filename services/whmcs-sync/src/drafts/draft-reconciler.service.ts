import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { runBounded } from '../concurrency/run-bounded';
import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { DraftingDepartmentsService } from '../departments/drafting-departments.service';
import { WhmcsErrorCode, isWhmcsError } from '../whmcs/whmcs.exception';
import { DraftEventsPublisher } from './draft-events.publisher';
import { DraftRequesterService } from './draft-requester.service';
import { MAX_DRAFT_REQUESTS, recoveryAt } from './draft-schedule';
import { DraftsRepository } from './drafts.repository';

/** WHMCS failures in a row after which a pass stops: WHMCS is down, the next poll resumes. */
const GIVE_UP_AFTER_FAILURES = 5;
const BATCH = 500;

export interface ReconcileResult {
  readonly staled: number;
  readonly requested: number;
  readonly failures: number;
}

/**
 * Brings drafts in line with the mirror, from the database alone: drafts whose ticket moved on
 * become stale, every awaiting ticket whose last message is the customer's gets a draft, and
 * drafts the drafter never answered, or that failed, are requested again when due. Whatever
 * fails is picked up next time.
 */
@Injectable()
export class DraftReconcilerService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly requester: DraftRequesterService,
    private readonly departments: DraftingDepartmentsService,
    private readonly events: DraftEventsPublisher,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Brings one ticket's drafts in line right after its thread was stored: its outdated drafts
   * become stale first, then a draft is requested when `requestDraft` (the ticket awaits) and
   * its last message is the customer's.
   */
  async settleTicket(
    ticketId: string,
    requestDraft: boolean,
  ): Promise<{ staled: number; requested: number }> {
    const staled = await this.staleOutdated(ticketId);
    if (!requestDraft) {
      return { staled, requested: 0 };
    }
    return { staled, requested: (await this.requester.requestFor(ticketId)) === null ? 0 : 1 };
  }

  async reconcile(signal?: AbortSignal): Promise<ReconcileResult> {
    const staled = await this.staleOutdated();
    let requested = 0;
    let failures = 0;
    // Batch after batch until every ticket has its draft, or a batch makes no progress.
    for (let progress = true; progress && signal?.aborted !== true;) {
      const batch = await this.requestMissing(signal);
      requested += batch.requested;
      failures += batch.failures;
      progress = batch.requested > 0 && batch.complete;
    }
    failures += await this.requestOverdue(signal);
    return { staled, requested, failures };
  }

  /** The tickets missing a draft, oldest reply first, `WHMCS_CONCURRENCY` at a time. */
  private async requestMissing(
    signal?: AbortSignal,
  ): Promise<{ requested: number; failures: number; complete: boolean }> {
    let requested = 0;
    let failures = 0;
    let inARow = 0;
    const gaveUp = (): boolean => inARow >= GIVE_UP_AFTER_FAILURES;
    const stopped = (): boolean => signal?.aborted === true || gaveUp();
    const ticketIds = await this.drafts.ticketIdsNeedingDraft(
      BATCH,
      await this.departments.drafted(),
    );
    await runBounded(
      ticketIds,
      this.config.concurrency,
      async (ticketId) => {
        try {
          requested += (await this.requester.requestFor(ticketId)) === null ? 0 : 1;
          inARow = 0;
        } catch (error) {
          if (isWhmcsError(error, WhmcsErrorCode.Forbidden)) {
            throw error;
          }
          failures += 1;
          inARow += 1;
          this.logger.warn({ ticketId, err: String(error) }, 'Could not request a draft');
        }
      },
      stopped,
    );
    return { requested, failures, complete: !stopped() };
  }

  async staleOutdated(ticketId?: string): Promise<number> {
    const changes = await this.drafts.staleOutdated(ticketId);
    for (const change of changes) {
      await this.events.changed(change.draft, change.previousStatus);
    }
    return changes.length;
  }

  private async requestOverdue(signal?: AbortSignal): Promise<number> {
    let failures = 0;
    const now = new Date();
    for (const draft of await this.drafts.dueForRequest(now, BATCH)) {
      if (signal?.aborted === true) {
        break;
      }
      try {
        if (draft.status === 'pending' && draft.requestAttempts >= MAX_DRAFT_REQUESTS) {
          const failed = await this.drafts.update(draft, {
            status: 'failed',
            statusReason: `No draft arrived after ${draft.requestAttempts} requests`,
            nextRequestAt: recoveryAt(draft, now),
          });
          if (failed !== null) {
            await this.events.changed(failed, draft.status);
          }
        } else {
          await this.requester.resend(draft);
        }
      } catch (error) {
        if (isWhmcsError(error, WhmcsErrorCode.Forbidden)) {
          throw error;
        }
        failures += 1;
        this.logger.warn(
          { draftId: draft.id, err: String(error) },
          'Could not request a draft again',
        );
      }
    }
    return failures;
  }
}
