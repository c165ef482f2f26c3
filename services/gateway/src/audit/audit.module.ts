import { Global, Module } from '@nestjs/common';

import { AuditRetention } from './audit-retention.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** Global: every feature module can inject AuditService without importing this module. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, AuditRetention],
  exports: [AuditService],
})
export class AuditModule {}
