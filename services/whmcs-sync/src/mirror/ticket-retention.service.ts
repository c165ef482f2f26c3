import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { TicketMirrorRepository } from './ticket-mirror.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;
/** Tickets deleted per transaction, so that a first pass holds no long locks. */
const BATCH = 200;

/**
 * Keeps a ticket that awaits no reply no longer than `WHMCS_RETENTION_DAYS` after its last
 * change: the mirror holds customers' messages and contact details, the drafts and sent replies
 * what was written to them, and a hosting company keeps copies of such data only as long as its
 * policy says (WHMCS keeps the ticket itself). A ticket that awaits a reply again is read from
 * WHMCS afresh. Runs at start and every hour on every replica; 0 keeps everything.
 */
@Injectable()
export class TicketRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly mirror: TicketMirrorRepository,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.retentionDays === 0) {
      return;
    }
    void this.prune();
    this.timer = setInterval(() => {
      void this.prune();
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes the tickets past the retention period; resolves how many went. */
  async prune(now = new Date()): Promise<number> {
    const days = this.config.retentionDays;
    if (days === 0) {
      return 0;
    }
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    let deleted = 0;
    try {
      for (;;) {
        const batch = await this.mirror.deleteSettledBefore(cutoff, BATCH);
        deleted += batch;
        if (batch < BATCH) {
          break;
        }
      }
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'Deleting old tickets failed; will retry');
    }
    if (deleted > 0) {
      this.logger.info({ deleted, before: cutoff.toISOString() }, 'Old tickets deleted');
    }
    return deleted;
  }
}
