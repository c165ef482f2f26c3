import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import type { WhmcsSyncConfig } from '../config/whmcs-sync.config';
import { WHMCS_SYNC_CONFIG } from '../config/whmcs-sync.config';
import { DraftsRepository } from '../drafts/drafts.repository';
import { WhmcsGuard } from '../sync/whmcs-guard.service';
import { DeliverReplyUseCase } from './deliver-reply.use-case';

const BATCH = 20;
const MAX_INTERVAL_MS = 5_000;

/**
 * Posts approved replies that could not go out at approval time and settles posts whose outcome
 * was unclear. Its first pass at start-up is the crash recovery: drafts left `sending` by a
 * stopped process are checked in WHMCS before anything is posted again.
 */
@Injectable()
export class ReplyOutboxService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly drafts: DraftsRepository,
    private readonly deliver: DeliverReplyUseCase,
    private readonly guard: WhmcsGuard,
    @Inject(WHMCS_SYNC_CONFIG) private readonly config: WhmcsSyncConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over every due draft; returns how many were handled. */
  async drain(): Promise<number> {
    if (this.guard.isBlocked()) {
      return 0;
    }
    let handled = 0;
    for (const draftId of await this.drafts.dueForDelivery(BATCH)) {
      if (this.stopped || this.guard.isBlocked()) {
        break;
      }
      try {
        await this.deliver.execute(draftId);
        handled += 1;
      } catch (error) {
        this.logger.error({ draftId, err: String(error) }, 'Posting a reply failed');
      }
    }
    return handled;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(
          () => undefined,
          (error: unknown) => {
            this.logger.error({ err: String(error) }, 'Reply outbox pass failed');
          },
        )
        .finally(() => {
          this.running = undefined;
          this.schedule(Math.min(this.config.pollSeconds * 1000, MAX_INTERVAL_MS));
        });
    }, delayMs);
  }
}
