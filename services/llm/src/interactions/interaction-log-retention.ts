import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { RetentionTask } from '@deskpilot/persistence';
import { LOGGER } from '@deskpilot/runtime';

import { LLM_CONFIG } from '../config/llm-config.token';
import type { LlmConfig } from '../config/llm.config';
import { InteractionsRepository } from './interactions.repository';

/**
 * Keeps the interaction log no longer than `LLM_LOG_RETENTION_DAYS`: it holds the (redacted)
 * questions, prompts and answers, and a hosting company keeps such records only as long as its
 * policy says. Entries go with their feedback.
 */
@Injectable()
export class InteractionLogRetention extends RetentionTask {
  protected readonly records = 'interaction log entries';
  protected readonly batch = 1_000;

  constructor(
    private readonly interactions: InteractionsRepository,
    @Inject(LLM_CONFIG) config: LlmConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(config.logRetentionDays, logger);
  }

  protected deleteBefore(cutoff: Date, limit: number): Promise<number> {
    return this.interactions.deleteCreatedBefore(cutoff, limit);
  }
}
