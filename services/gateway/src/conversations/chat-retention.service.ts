import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { RetentionTask } from '@deskpilot/persistence';
import { LOGGER } from '@deskpilot/runtime';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import { ConversationsRepository } from './conversations.repository';

/**
 * Keeps chat conversations no longer than `CHAT_RETENTION_DAYS` after their last question: they
 * hold what staff asked and were told, which a hosting company keeps only as long as its policy
 * says. They go with their messages and feedback.
 */
@Injectable()
export class ChatRetention extends RetentionTask {
  protected readonly records = 'conversations';
  protected readonly batch = 500;

  constructor(
    private readonly repository: ConversationsRepository,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(config.chatRetentionDays, logger);
  }

  protected deleteBefore(cutoff: Date, limit: number): Promise<number> {
    return this.repository.deleteInactiveBefore(cutoff, limit);
  }
}
