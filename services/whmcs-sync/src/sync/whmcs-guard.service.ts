import type { OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Actor } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import { HealthRegistry, LOGGER } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import type { WhmcsException } from '../whmcs/whmcs.exception';
import { SyncAlertsRepository } from './sync-alerts.repository';

/** Consecutive failed polls after which the health check reports WHMCS as down. */
const UNHEALTHY_AFTER_FAILURES = 3;

/**
 * Stops every call to WHMCS after a 403: a retry could get the server's IP banned. The stop is
 * stored as an alert, survives restarts with the same URL and credential, and lasts until an
 * operator resumes polling (or the configuration changes).
 */
@Injectable()
export class WhmcsGuard implements OnModuleInit {
  private blockedReason: string | null = null;
  private failures = 0;
  private lastError: string | null = null;

  constructor(
    private readonly alerts: SyncAlertsRepository,
    private readonly health: HealthRegistry,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
    if (this.blockedReason !== null) {
      this.logger.error(
        { alert: this.blockedReason },
        'WHMCS refused this credential before; polling stays stopped until resumed',
      );
    }
    this.health.register({
      name: 'whmcs',
      check: () => Promise.resolve(this.healthCheck()),
    });
  }

  /** Picks up a stop or a resume decided by another replica. */
  async refresh(): Promise<void> {
    const open = await this.alerts.findOpen('whmcs-forbidden');
    if (open === null) {
      this.blockedReason = null;
    } else if (open.fingerprint === this.config.fingerprint) {
      this.blockedReason = open.message;
    } else {
      await this.alerts.resolve('whmcs-forbidden', null);
      this.blockedReason = null;
      this.logger.info('The WHMCS configuration changed since the last 403; polling again');
    }
  }

  isBlocked(): boolean {
    return this.blockedReason !== null;
  }

  get reason(): string | null {
    return this.blockedReason;
  }

  async block(error: WhmcsException): Promise<void> {
    if (this.blockedReason !== null) {
      return;
    }
    this.blockedReason = `${error.message}. Polling and sending are stopped so WHMCS does not ban this server's IP; fix the credential, the API role or the IP allow list, then resume.`;
    this.logger.error({ action: error.action, err: error.detail }, 'WHMCS answered 403: stopped');
    await this.alerts.raise('whmcs-forbidden', this.blockedReason, this.config.fingerprint);
  }

  async resume(actor: Actor): Promise<void> {
    await this.alerts.resolve('whmcs-forbidden', actor);
    this.blockedReason = null;
    this.logger.info({ by: actor.name }, 'WHMCS polling resumed');
  }

  pollSucceeded(): void {
    this.failures = 0;
    this.lastError = null;
  }

  pollFailed(message: string): void {
    this.failures += 1;
    this.lastError = message;
  }

  private healthCheck(): { status: 'up' | 'down'; detail?: string } {
    if (this.blockedReason !== null) {
      return { status: 'down', detail: this.blockedReason };
    }
    if (this.failures >= UNHEALTHY_AFTER_FAILURES) {
      return { status: 'down', detail: `${this.failures} polls failed: ${this.lastError ?? ''}` };
    }
    return { status: 'up', detail: this.config.whmcs.url };
  }
}
