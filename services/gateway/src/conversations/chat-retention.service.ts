import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import { ConversationsRepository } from './conversations.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;
/** Conversations deleted per statement, so that a first pass holds no long locks. */
const BATCH = 500;

/**
 * Keeps chat conversations no longer than `CHAT_RETENTION_DAYS` after their last question: they
 * hold what staff asked and were told, which a hosting company keeps only as long as its policy
 * says. Runs at start and every hour on every replica; 0 keeps everything.
 */
@Injectable()
export class ChatRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repository: ConversationsRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.chatRetentionDays === 0) {
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

  /** Deletes the conversations past the retention period; resolves how many went. */
  async prune(now = new Date()): Promise<number> {
    const days = this.config.chatRetentionDays;
    if (days === 0) {
      return 0;
    }
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    let deleted = 0;
    try {
      for (;;) {
        const batch = await this.repository.deleteInactiveBefore(cutoff, BATCH);
        deleted += batch;
        if (batch < BATCH) {
          break;
        }
      }
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'Deleting old conversations failed; will retry');
    }
    if (deleted > 0) {
      this.logger.info({ deleted, before: cutoff.toISOString() }, 'Old conversations deleted');
    }
    return deleted;
  }
}
