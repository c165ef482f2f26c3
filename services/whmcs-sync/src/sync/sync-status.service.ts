import { Inject, Injectable } from '@nestjs/common';

import type { Actor, SyncRunResult, SyncStatus } from '@deskpilot/contracts';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { iso } from '../drafts/draft-view.mapper';
import { DraftsErrorCode, DraftsException } from '../drafts/drafts.exception';
import { DraftsRepository } from '../drafts/drafts.repository';
import { TicketMirrorRepository } from '../mirror/ticket-mirror.repository';
import { WhmcsException } from '../whmcs/whmcs.exception';
import { SyncAlertsRepository } from './sync-alerts.repository';
import { SyncStateRepository } from './sync-state.repository';
import { TicketPollerService } from './ticket-poller.service';
import { WhmcsGuard } from './whmcs-guard.service';

const ALERTS_SHOWN = 10;

/** How the sync with WHMCS is doing, for the console and operators; resume after a 403. */
@Injectable()
export class SyncStatusService {
  constructor(
    private readonly poller: TicketPollerService,
    private readonly guard: WhmcsGuard,
    private readonly state: SyncStateRepository,
    private readonly alerts: SyncAlertsRepository,
    private readonly tickets: TicketMirrorRepository,
    private readonly drafts: DraftsRepository,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
  ) {}

  async status(): Promise<SyncStatus> {
    const [state, alerts, awaiting, draftsByStatus] = await Promise.all([
      this.state.get(),
      this.alerts.recent(ALERTS_SHOWN),
      this.tickets.countAwaiting(),
      this.drafts.countByStatus(),
    ]);
    return {
      state: this.poller.status,
      whmcsUrl: this.config.whmcs.url,
      whmcsVersion: state?.whmcsVersion ?? null,
      pollSeconds: this.config.pollSeconds,
      lastPollAt: iso(state?.lastPollAt ?? null),
      lastSuccessAt: iso(state?.lastSuccessAt ?? null),
      lastFullSyncAt: iso(state?.lastFullSyncAt ?? null),
      lastError: state?.lastError ?? null,
      consecutiveFailures: state?.consecutiveFailures ?? 0,
      awaitingTickets: awaiting,
      draftsByStatus,
      alerts: alerts.map((alert) => ({
        id: alert.id,
        kind: alert.kind,
        message: alert.message,
        raisedAt: alert.raisedAt.toISOString(),
        resolvedAt: iso(alert.resolvedAt),
      })),
    };
  }

  async resume(actor: Actor): Promise<SyncStatus> {
    await this.guard.resume(actor);
    this.poller.resumeNow();
    return this.status();
  }

  async runNow(full: boolean): Promise<SyncRunResult> {
    try {
      return await this.poller.runNow(full);
    } catch (error) {
      if (error instanceof WhmcsException) {
        throw new DraftsException(DraftsErrorCode.Unavailable, error.message);
      }
      throw error;
    }
  }
}
