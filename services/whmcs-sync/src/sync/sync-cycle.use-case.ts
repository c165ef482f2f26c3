import { Inject, Injectable } from '@nestjs/common';

import type { SyncRunResult } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { DraftReconcilerService } from '../drafts/draft-reconciler.service';
import { TicketMirrorService } from '../mirror/ticket-mirror.service';
import { WhmcsClient } from '../whmcs/whmcs-client';
import { WhmcsErrorCode, WhmcsException, isWhmcsError } from '../whmcs/whmcs.exception';

/** Reads failing in a row after which the pass stops: WHMCS is down, backing off is kinder. */
const ABORT_AFTER_FAILURES = 5;

export interface CycleCommand {
  /** Re-read every awaiting ticket, not only those whose status or lastreply moved. */
  readonly full: boolean;
  /** Set when the service stops: the pass ends after the ticket in hand. */
  readonly signal?: AbortSignal;
}

export interface CycleResult extends Omit<SyncRunResult, 'skipped'> {
  readonly awaiting: number;
}

/**
 * One poll: list the Awaiting Reply set in every department (all pages), read the threads that
 * changed (all of them on a full pass) and those that left the set, then bring drafts in line.
 * A thread that cannot be read keeps its old signature, so the next poll reads it again.
 */
@Injectable()
export class SyncCycleUseCase {
  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly mirror: TicketMirrorService,
    private readonly reconciler: DraftReconcilerService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: CycleCommand): Promise<CycleResult> {
    const listed = await this.whmcs.awaitingTickets();
    const { changedIds, departedIds } = await this.mirror.recordListing(listed);
    const toRead = command.full ? listed.map((ticket) => ticket.id) : changedIds;

    let fetched = 0;
    let failures = 0;
    let inARow = 0;
    const reads: [string, boolean][] = [
      ...toRead.map((id): [string, boolean] => [id, true]),
      ...departedIds.map((id): [string, boolean] => [id, false]),
    ];
    for (const [ticketId, awaiting] of reads) {
      if (command.signal?.aborted === true) {
        break;
      }
      try {
        await this.read(ticketId, awaiting);
        fetched += 1;
        inARow = 0;
      } catch (error) {
        if (isWhmcsError(error, WhmcsErrorCode.Forbidden)) {
          throw error;
        }
        failures += 1;
        inARow += 1;
        this.logger.warn({ ticketId, err: String(error) }, 'Ticket not read; retried next poll');
        if (inARow >= ABORT_AFTER_FAILURES) {
          throw error;
        }
      }
    }

    const reconciled = await this.reconciler.reconcile(command.signal);
    return {
      listed: listed.length,
      awaiting: listed.length,
      fetched,
      draftsRequested: reconciled.requested,
      draftsStaled: reconciled.staled,
      failures: failures + reconciled.failures,
    };
  }

  private async read(ticketId: string, awaiting: boolean): Promise<void> {
    try {
      const detail = await this.whmcs.ticket(ticketId);
      await (awaiting
        ? this.mirror.recordThread(detail, true)
        : this.mirror.recordDeparted(detail));
    } catch (error) {
      if (error instanceof WhmcsException && error.code === WhmcsErrorCode.Rejected) {
        // Deleted (or merged away) in WHMCS: it waits for nothing any more.
        await this.mirror.markNotAwaiting(ticketId);
        return;
      }
      throw error;
    }
  }
}
