import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { RetentionTask } from '@deskpilot/persistence';
import { LOGGER } from '@deskpilot/runtime';

import { LLM_CONFIG } from '../config/llm-config.token';
import type { LlmConfig } from '../config/llm.config';
import { DraftJobsRepository } from './draft-jobs.repository';

/**
 * Forgets ticket draft jobs as the interaction log forgets their answers
 * (`LLM_LOG_RETENTION_DAYS`): a job only guards against drafting a redelivered request twice.
 */
@Injectable()
export class DraftJobRetention extends RetentionTask {
  protected readonly records = 'draft jobs';
  protected readonly batch = 1_000;

  constructor(
    private readonly jobs: DraftJobsRepository,
    @Inject(LLM_CONFIG) config: LlmConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(config.logRetentionDays, logger);
  }

  protected deleteBefore(cutoff: Date, limit: number): Promise<number> {
    return this.jobs.deleteClaimedBefore(cutoff, limit);
  }
}
