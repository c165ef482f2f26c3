import { Inject, Injectable } from '@nestjs/common';

import type { SyncRunResult } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { runBounded } from '../concurrency/run-bounded';
import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
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

/** What a pass has done so far, shared by the tickets read at once. */
interface Pass {
  fetched: number;
  failures: number;
  inARow: number;
  requested: number;
  staled: number;
  /** WHMCS answered 403: nothing more is sent to it. */
  refused: boolean;
}

/**
 * One poll: list the Awaiting Reply set in every department (all pages), read the threads that
 * changed (all of them on a full pass) and those that left the set, `WHMCS_CONCURRENCY` at a
 * time, oldest reply first. Each awaiting ticket's draft is brought in line as soon as its thread
 * is stored; a last pass over the database catches whatever that missed. A thread that cannot be
 * read keeps its old signature, so the next poll reads it again.
 */
@Injectable()
export class SyncCycleUseCase {
  constructor(
    private readonly whmcs: WhmcsClient,
    private readonly mirror: TicketMirrorService,
    private readonly reconciler: DraftReconcilerService,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: CycleCommand): Promise<CycleResult> {
    const listed = await this.whmcs.awaitingTickets();
    const { changedIds, departedIds } = await this.mirror.recordListing(listed);
    const changed = new Set(changedIds);
    const toRead = listed
      .filter((ticket) => command.full || changed.has(ticket.id))
      .sort((a, b) => a.lastreply.localeCompare(b.lastreply) || Number(a.id) - Number(b.id))
      .map((ticket) => ticket.id);

    const pass: Pass = {
      fetched: 0,
      failures: 0,
      inARow: 0,
      requested: 0,
      staled: 0,
      refused: false,
    };
    const reads: [string, boolean][] = [
      ...toRead.map((id): [string, boolean] => [id, true]),
      ...departedIds.map((id): [string, boolean] => [id, false]),
    ];
    await runBounded(
      reads,
      this.config.concurrency,
      async ([ticketId, awaiting]) => {
        let stillAwaiting: boolean;
        try {
          stillAwaiting = await this.read(ticketId, awaiting);
          pass.fetched += 1;
          pass.inARow = 0;
        } catch (error) {
          if (isWhmcsError(error, WhmcsErrorCode.Forbidden)) {
            pass.refused = true;
            throw error;
          }
          pass.failures += 1;
          pass.inARow += 1;
          if (pass.inARow >= ABORT_AFTER_FAILURES) {
            throw error;
          }
          this.logger.warn({ ticketId, err: String(error) }, 'Ticket not read; retried next poll');
          return;
        }
        // After a 403 elsewhere, the reads already sent finish but nothing more goes to WHMCS.
        if (!pass.refused) {
          await this.settle(ticketId, stillAwaiting, pass);
        }
      },
      () => command.signal?.aborted === true,
    );

    const reconciled = await this.reconciler.reconcile(command.signal);
    return {
      listed: listed.length,
      awaiting: listed.length,
      fetched: pass.fetched,
      draftsRequested: pass.requested + reconciled.requested,
      draftsStaled: pass.staled + reconciled.staled,
      failures: pass.failures + reconciled.failures,
    };
  }

  /**
   * Reads and stores one thread. True when the ticket is stored as listed and awaiting; a
   * departed ticket that still awaits gets its draft from the last pass.
   */
  private async read(ticketId: string, awaiting: boolean): Promise<boolean> {
    try {
      const detail = await this.whmcs.ticket(ticketId);
      await (awaiting
        ? this.mirror.recordThread(detail, true)
        : this.mirror.recordDeparted(detail));
      return awaiting;
    } catch (error) {
      if (error instanceof WhmcsException && error.code === WhmcsErrorCode.Rejected) {
        // Deleted (or merged away) in WHMCS: it waits for nothing any more.
        await this.mirror.markNotAwaiting(ticketId);
        return false;
      }
      throw error;
    }
  }

  /** A draft that cannot be requested now is requested by the last pass or the next poll. */
  private async settle(ticketId: string, awaiting: boolean, pass: Pass): Promise<void> {
    try {
      const settled = await this.reconciler.settleTicket(ticketId, awaiting);
      pass.requested += settled.requested;
      pass.staled += settled.staled;
    } catch (error) {
      if (isWhmcsError(error, WhmcsErrorCode.Forbidden)) {
        pass.refused = true;
        throw error;
      }
      pass.failures += 1;
      this.logger.warn({ ticketId, err: String(error) }, 'Could not request a draft');
    }
  }
}
