import { Module } from '@nestjs/common';

import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AccountsHousekeeping } from './accounts-housekeeping.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  imports: [RateLimitModule],
  providers: [SessionsRepository, SessionsService, AccountsHousekeeping],
  exports: [SessionsService, SessionsRepository],
})
export class SessionsModule {}
