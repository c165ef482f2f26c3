import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { RetentionTask } from '@deskpilot/persistence';
import { LOGGER } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { TicketMirrorRepository } from './ticket-mirror.repository';

/**
 * Keeps a ticket that awaits no reply no longer than `WHMCS_RETENTION_DAYS` after its last
 * change: the mirror holds customers' messages and contact details, the drafts and sent replies
 * what was written to them, and a hosting company keeps copies of such data only as long as its
 * policy says (WHMCS keeps the ticket itself). A ticket that awaits a reply again is read from
 * WHMCS afresh.
 */
@Injectable()
export class TicketRetentionService extends RetentionTask {
  protected readonly records = 'tickets';
  /** Tickets per transaction, each with its thread, drafts and replies. */
  protected readonly batch = 200;

  constructor(
    private readonly mirror: TicketMirrorRepository,
    @Inject(WHMCS_SYNC_CONFIG) config: WhmcsSyncConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(config.retentionDays, logger);
  }

  protected deleteBefore(cutoff: Date, limit: number): Promise<number> {
    return this.mirror.deleteSettledBefore(cutoff, limit);
  }
}
