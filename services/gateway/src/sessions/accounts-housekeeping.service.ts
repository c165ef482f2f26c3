import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { RateLimitRepository } from '../rate-limit/rate-limit.repository';
import { SessionsRepository } from './sessions.repository';

const EVERY_MS = 60 * 60 * 1000;
/** Ended sessions are kept a while for investigations, then removed with their tokens. */
const KEEP_ENDED_SESSIONS_MS = 30 * 24 * 60 * 60 * 1000;

/** Removes long-ended sessions and finished rate-limit windows, hourly, on every replica. */
@Injectable()
export class AccountsHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly counters: RateLimitRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      void this.run();
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<void> {
    try {
      await this.sessions.deleteEndedBefore(new Date(Date.now() - KEEP_ENDED_SESSIONS_MS));
      await this.counters.deleteExpired();
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'Account housekeeping failed; will retry');
    }
  }
}
