import { Inject, Injectable } from '@nestjs/common';

import type { Logger } from '@deskpilot/observability';
import { RetentionTask } from '@deskpilot/persistence';
import { LOGGER } from '@deskpilot/runtime';

import { GATEWAY_CONFIG } from '../config/gateway-config.module';
import type { GatewayConfig } from '../config/gateway.config';
import { AuditRepository } from './audit.repository';

/**
 * Keeps audit entries no longer than `AUDIT_RETENTION_DAYS`: they name who did what, from which
 * address and browser, and a hosting company keeps such records as long as its policy (or the
 * law it answers to) says, and no longer.
 */
@Injectable()
export class AuditRetention extends RetentionTask {
  protected readonly records = 'audit entries';
  protected readonly batch = 1_000;

  constructor(
    private readonly repository: AuditRepository,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(config.auditRetentionDays, logger);
  }

  protected deleteBefore(cutoff: Date, limit: number): Promise<number> {
    return this.repository.deleteOccurredBefore(cutoff, limit);
  }
}
