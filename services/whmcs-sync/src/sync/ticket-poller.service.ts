import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { SyncRunResult } from '@deskpilot/contracts';
import type { Logger } from '@deskpilot/observability';
import type { ServiceIdentity } from '@deskpilot/runtime';
import { LOGGER, SERVICE_IDENTITY } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { PostingIdentityService } from '../replies/posting-identity.service';
import { WhmcsClient } from '../whmcs/whmcs-client';
import { WhmcsErrorCode, WhmcsException } from '../whmcs/whmcs.exception';
import { SyncCycleUseCase } from './sync-cycle.use-case';
import { SyncStateRepository } from './sync-state.repository';
import { WhmcsGuard } from './whmcs-guard.service';

const MAX_BACKOFF_MS = 10 * 60_000;
/** A replica that stops mid-poll frees the lease after this long. */
const LEASE_MS = 5 * 60_000;

export type PollerState = 'starting' | 'polling' | 'idle' | 'backing-off' | 'blocked';

const SKIPPED: SyncRunResult = {
  listed: 0,
  fetched: 0,
  draftsRequested: 0,
  draftsStaled: 0,
  failures: 0,
  skipped: true,
};

/**
 * Polls WHMCS every WHMCS_POLL_SECONDS (one replica at a time, by lease), with a full re-read of
 * the awaiting set every WHMCS_FULL_SYNC_SECONDS and after a restart. Failures back off
 * exponentially with jitter; a 403 stops polling altogether.
 */
@Injectable()
export class TicketPollerService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stopping = new AbortController();
  private connected = false;
  private lastFullAt = 0;
  private failuresInARow = 0;
  private current: PollerState = 'starting';

  constructor(
    private readonly cycle: SyncCycleUseCase,
    private readonly whmcs: WhmcsClient,
    private readonly guard: WhmcsGuard,
    private readonly state: SyncStateRepository,
    private readonly identity: PostingIdentityService,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(SERVICE_IDENTITY) private readonly service: ServiceIdentity,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get status(): PollerState {
    return this.guard.isBlocked() ? 'blocked' : this.current;
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.queue.catch(() => undefined);
  }

  /** Polls now (after any poll in progress), for the console's "sync now" and for tests. */
  runNow(full: boolean): Promise<SyncRunResult> {
    return this.exclusive(() => this.poll(full));
  }

  /** Resumes after an operator fixed what caused a 403. */
  resumeNow(): void {
    clearTimeout(this.timer);
    this.connected = false;
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopping.signal.aborted) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.exclusive(() => this.poll(false)).then(
        () => {
          this.schedule(this.nextDelayMs());
        },
        (error: unknown) => {
          this.logger.error({ err: String(error) }, 'Poll failed unexpectedly');
          this.schedule(this.nextDelayMs());
        },
      );
    }, delayMs);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async poll(forceFull: boolean): Promise<SyncRunResult> {
    if (this.stopping.signal.aborted) {
      return SKIPPED;
    }
    await this.guard.refresh();
    if (this.guard.isBlocked()) {
      return SKIPPED;
    }
    const owner = this.service.instanceId;
    if (!(await this.state.acquireLease(owner, new Date(Date.now() + LEASE_MS)))) {
      this.current = 'idle';
      return SKIPPED;
    }
    const startedAt = new Date();
    this.current = 'polling';
    try {
      await this.connect();
      const full = forceFull || Date.now() - this.lastFullAt >= this.config.fullSyncSeconds * 1000;
      const result = await this.cycle.execute({ full, signal: this.stopping.signal });
      if (full) {
        this.lastFullAt = startedAt.getTime();
      }
      this.failuresInARow = 0;
      this.guard.pollSucceeded();
      this.current = 'idle';
      await this.state.record({
        lastPollAt: startedAt,
        lastSuccessAt: new Date(),
        ...(full ? { lastFullSyncAt: startedAt } : {}),
        lastError: null,
        consecutiveFailures: 0,
        awaitingCount: result.awaiting,
      });
      const { awaiting: _awaiting, ...counts } = result;
      return { ...counts, skipped: false };
    } catch (error) {
      await this.failed(error, startedAt);
      throw error;
    } finally {
      await this.state.releaseLease(owner).catch(() => undefined);
    }
  }

  /** GetAdminDetails once per start: checks URL, credential and IP, learns version and admin. */
  private async connect(): Promise<void> {
    if (this.connected) {
      return;
    }
    const admin = await this.whmcs.adminDetails();
    this.identity.remember(admin.name);
    await this.state.record({
      whmcsVersion: admin.whmcs.version ?? null,
      apiAdminName: admin.name,
    });
    this.logger.info(
      { url: this.config.whmcs.url, version: admin.whmcs.version, admin: admin.name },
      'Connected to WHMCS',
    );
    this.connected = true;
  }

  private async failed(error: unknown, startedAt: Date): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof WhmcsException && error.code === WhmcsErrorCode.Forbidden) {
      await this.guard.block(error);
    } else {
      this.failuresInARow += 1;
      this.guard.pollFailed(message);
      this.current = 'backing-off';
      this.logger.warn({ err: message, failures: this.failuresInARow }, 'Poll failed; backing off');
    }
    await this.state
      .record({
        lastPollAt: startedAt,
        lastError: message,
        consecutiveFailures: this.failuresInARow,
      })
      .catch(() => undefined);
  }

  /** The poll interval, or after failures an exponential backoff with jitter. */
  private nextDelayMs(): number {
    const base = this.config.pollSeconds * 1000;
    if (this.failuresInARow === 0) {
      return base;
    }
    const ceiling = Math.min(MAX_BACKOFF_MS, base * 2 ** this.failuresInARow);
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }
}
