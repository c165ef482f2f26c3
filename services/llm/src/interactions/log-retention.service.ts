import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { LOGGER } from '@deskpilot/runtime';

import { LLM_CONFIG } from '../config/llm-config.token';
import type { LlmConfig } from '../config/llm.config';
import { DraftJobsRepository } from '../drafts/draft-jobs.repository';
import { InteractionsRepository } from './interactions.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
const PASS_INTERVAL_MS = 60 * 60 * 1000;
/** Entries deleted per statement, so that a first pass over a long log holds no long locks. */
const BATCH = 1_000;

export interface PruneResult {
  readonly interactions: number;
  readonly draftJobs: number;
}

/** The moment before which entries go, or undefined when everything is kept. */
export function retentionCutoff(now: Date, days: number): Date | undefined {
  return days > 0 ? new Date(now.getTime() - days * DAY_MS) : undefined;
}

/**
 * Keeps the interaction log no longer than `LLM_LOG_RETENTION_DAYS`: the log holds the (redacted)
 * questions, prompts and answers, and a hosting company keeps such records only as long as its
 * policy says. Entries older than that go with their feedback, and so do the ticket draft jobs
 * (which only guard against drafting a redelivered request twice). A pass runs at start and every
 * hour on each replica; what one replica deletes, another does not find.
 */
@Injectable()
export class LogRetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly interactions: InteractionsRepository,
    private readonly draftJobs: DraftJobsRepository,
    @Inject(LLM_CONFIG) private readonly config: LlmConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.logRetentionDays > 0) {
      this.schedule(0);
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Deletes what is older than the retention period; nothing when everything is kept. */
  async prune(now = new Date()): Promise<PruneResult> {
    const cutoff = retentionCutoff(now, this.config.logRetentionDays);
    if (cutoff === undefined) {
      return { interactions: 0, draftJobs: 0 };
    }
    let interactions = 0;
    for (;;) {
      const deleted = await this.interactions.deleteCreatedBefore(cutoff, BATCH);
      interactions += deleted;
      if (deleted < BATCH) {
        break;
      }
    }
    const draftJobs = await this.draftJobs.deleteClaimedBefore(cutoff);
    if (interactions + draftJobs > 0) {
      this.logger.info(
        { interactions, draftJobs, before: cutoff.toISOString() },
        'Old interaction log entries deleted',
      );
    }
    return { interactions, draftJobs };
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.prune()
        .catch((error: unknown) => {
          this.logger.error({ err: String(error) }, 'Pruning the interaction log failed');
        })
        .finally(() => {
          this.running = undefined;
          if (this.timer !== undefined) {
            this.schedule(PASS_INTERVAL_MS);
          }
        });
    }, delayMs);
    this.timer.unref();
  }
}
